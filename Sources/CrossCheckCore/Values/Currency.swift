/// A currency as written: an ISO-like code when the text names one, or an unknown dollar.
///
/// "US$" is `USD`, "HK$" is `HKD`, "<place> dollars" takes the place's initials ("New Zealand
/// dollars" is `NZD`), a bare "$" is `unknownDollar`: it is compatible with every dollar but
/// equal to none.
package struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// ISO 4217-style code (`USD`, `EUR`), or `$` for a dollar of unknown country, `¥` for yen or yuan.
    package var code: String

    package init(_ code: String) { self.code = code }

    package static let unknownDollar = Currency("$")
    package static let yenOrYuan = Currency("¥")

    /// True for a bare `$` or `¥` whose country the text does not say.
    package var isAmbiguous: Bool { code == "$" || code == "¥" }

    /// True for any dollar currency (`USD`, `HKD`, a bare `$`).
    package var isDollar: Bool { code == "$" || (code.count == 3 && code.hasSuffix("D")) || code.contains("-dollar:") }

    /// True when both could be the same currency (an ambiguous sign matches its family).
    package func compatible(with other: Currency) -> Bool {
        if self == other { return true }
        if code == "$" { return other.isDollar }
        if other.code == "$" { return isDollar }
        if code == "¥" { return other.code == "JPY" || other.code == "CNY" }
        if other.code == "¥" { return self.code == "JPY" || self.code == "CNY" }
        return false
    }

    package var description: String { code }

    /// Currency for an ISO code or `RMB` (case-sensitive upper case), nil otherwise.
    static func iso(_ word: String) -> Currency? {
        guard LexTables.currencyCodes.contains(word) else { return nil }
        return Currency(word == "RMB" ? "CNY" : word)
    }

    /// Currency for letters written before a `$` ("US", "HK", "A", "NZ").
    static func dollarPrefix(_ letters: String) -> Currency {
        let up = letters.uppercased().replacingOccurrences(of: ".", with: "")
        switch up {
        case "": return .unknownDollar
        case "A", "AU": return Currency("AUD")
        case "C", "CA", "CAN": return Currency("CAD")
        case "S", "SG": return Currency("SGD")
        case "NT": return Currency("TWD")
        case "R": return Currency("BRL")
        case "MX": return Currency("MXN")
        default: return Currency(up.count >= 2 ? String(up.prefix(2)) + "D" : up + "$")
        }
    }

    /// Currency for the words before "dollars" ("US", "Australian", "New Zealand"): initials + D
    /// for place names of several words, a few adjectives by name, else the word's own initial.
    static func dollarPlace(_ words: [String]) -> Currency {
        let lower = words.map { $0.lowercased() }
        if lower.count == 1 {
            switch lower[0] {
            case "us", "u.s.", "american", "united": return Currency("USD")
            case "australian": return Currency("AUD")
            case "canadian": return Currency("CAD")
            case "singapore", "singaporean": return Currency("SGD")
            case "taiwan", "taiwanese": return Currency("TWD")
            default:
                if lower[0].count <= 3, lower[0] == lower[0].filter({ $0.isLetter }) { return dollarPrefix(words[0]) }
                return Currency(String(words[0].prefix(1)).uppercased() + "-dollar:" + lower[0])
            }
        }
        let initials = words.compactMap { $0.first.map { String($0).uppercased() } }.joined()
        if initials == "US" || initials == "USA" { return Currency("USD") }
        return Currency(String(initials.prefix(2)) + "D")
    }

    /// A currency word after a place adjective ("Swiss francs", "Indian rupees", "Egyptian pounds"):
    /// the usual currency when the place is its home, else a currency of that place of its own.
    static func placed(_ place: [String], _ usual: Currency, word: String) -> Currency {
        let p = place.map { $0.lowercased() }.joined(separator: " ")
        let home: [String: String] = [
            "swiss": "CHF", "indian": "INR", "japanese": "JPY", "chinese": "CNY", "korean": "KRW", "south korean": "KRW",
            "british": "GBP", "uk": "GBP", "european": "EUR",
        ]
        if let code = home[p], code == usual.code { return usual }
        return Currency(String(place.first?.prefix(1) ?? "").uppercased() + "-" + word.lowercased() + ":" + p)
    }

    /// Currency named by a single word after an amount ("euros", "yuan", "pounds").
    static func word(_ w: String) -> Currency? {
        switch w {
        case "euro", "euros": return Currency("EUR")
        case "yuan", "renminbi": return Currency("CNY")
        case "yen": return Currency("JPY")
        case "pound", "pounds", "sterling": return Currency("GBP")
        case "won": return Currency("KRW")
        case "rupee", "rupees": return Currency("INR")
        case "franc", "francs": return Currency("CHF")
        case "dollar", "dollars": return .unknownDollar
        default: return nil
        }
    }
}
