import Foundation

/// A number written in a text, normalised: value (scaled), bounds, kind, currency, and the words after it.
///
/// "over $7.7 billion" is money, 7.7e9, a lower bound, unknown dollar; "nine papers" and
/// "9 papers" are both the count 9 with unit "papers".
package struct Quantity: Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable { case count, percent, money, ordinal }
    /// How the text bounds the value.
    package enum Bound: String, Sendable {
        case exact
        /// "over", "more than", "at least", "1,200+"
        case atLeast
        /// "up to", "under", "less than"
        case atMost
        /// "about", "around", "nearly", "estimated"
        case approximate
    }

    // Stored widest first, so that the one-byte members pack at the end (80 bytes, not 96:
    // every figure claim holds one).
    /// The value with its scale applied ("1.2B" is 1.2e9); for a range, its lower end.
    package var value: Double
    /// UTF-8 byte range in the scanned text.
    package var range: Range<Int>
    /// The quantity as written.
    package var text: String
    /// Up to three lower-cased words after the quantity ("papers were accepted"), for matching units.
    package var following: [String]
    /// Currency of a money amount.
    package var currency: Currency?
    /// Upper end of a range ("3–5 million"), nil otherwise.
    package var upper: Double?
    package var kind: Kind
    package var bound: Bound
    /// True when a bare sign took the currency of an earlier amount in the same text
    /// ("US$2 billion to $767 million").
    package var currencyInferred: Bool
    /// True when the number was written as a word ("nine", "a dozen").
    package var spelledOut: Bool

    package init(
        kind: Kind, value: Double, upper: Double? = nil, bound: Bound = .exact, currency: Currency? = nil,
        currencyInferred: Bool = false, spelledOut: Bool = false, range: Range<Int>, text: String, following: [String] = []
    ) {
        self.kind = kind; self.value = value; self.upper = upper; self.bound = bound; self.currency = currency
        self.currencyInferred = currencyInferred; self.spelledOut = spelledOut; self.range = range; self.text = text
        self.following = following
    }

    /// Normalised text: `USD 767000000`, `>= 7700000000 $`, `45%`, `9`.
    package var description: String {
        var s = ""
        switch bound {
        case .exact: break
        case .atLeast: s += ">="
        case .atMost: s += "<="
        case .approximate: s += "~"
        }
        s += QuantityNormalizer.format(value)
        if let upper { s += "-" + QuantityNormalizer.format(upper) }
        switch kind {
        case .percent: s += "%"
        case .ordinal: s += "th"
        case .money: s += " " + (currency?.code ?? "?")
        case .count: break
        }
        return s
    }

    /// True when both could describe the same value: same kind, compatible currency, and
    /// overlapping intervals (bounds widen an exact value; "about" allows 10%).
    package func agrees(with other: Quantity) -> Bool {
        guard kind == other.kind || (kind == .count && other.kind == .count) else { return false }
        if kind == .money {
            guard let a = currency, let b = other.currency, a.compatible(with: b) else {
                return currency == nil || other.currency == nil
            }
        }
        let (a0, a1) = interval
        let (b0, b1) = other.interval
        return a0 <= b1 * (1 + 1e-9) && b0 <= a1 * (1 + 1e-9)
    }

    /// True when `self` is evidence for `other`: they agree, their values are close (within 25%,
    /// so an open bound such as "over 1,200" is not supported by "54,000,000"), and counts share a
    /// word of what they count.
    package func supports(_ other: Quantity) -> Bool {
        guard agrees(with: other) else { return false }
        let a = abs(value), b = abs(other.value)
        if max(a, b) > 1.25 * min(a, b) { return false }
        if kind == .count {
            let mine = Set(following.filter { $0.count > 2 })
            return other.following.contains { mine.contains($0) }
        }
        return true
    }

    /// True when the values are numerically equal ignoring bounds and currency (the "same amount").
    package func sameAmount(as other: Quantity) -> Bool {
        abs(value - other.value) <= max(abs(value), abs(other.value)) * 1e-9 && upper == other.upper
    }

    /// The closed interval the quantity allows.
    package var interval: (Double, Double) {
        let hi = upper ?? value
        switch bound {
        case .exact: return (value, hi)
        case .atLeast: return (value, .infinity)
        case .atMost: return (-.infinity, hi)
        case .approximate: return (value * 0.9, hi * 1.1)
        }
    }
}

/// Finds quantities (counts, percentages, ordinals, money) in plain text.
///
/// One pass over tokens of the UTF-8 bytes. Numbers that are part of dates, codes ("0020", "3F",
/// "No. 12") or times are not quantities.
package enum QuantityNormalizer {
    /// Languages (ISO 639-1) whose numbers take a decimal comma and dot (or space) thousands:
    /// "1,234" is one and 234 thousandths there, "1.234" a thousand and more.
    package static let decimalCommaLanguages: Set<String> = [
        "de", "fr", "es", "it", "pt", "nl", "af", "sv", "nb", "nn", "da", "pl", "cs", "fi", "tr", "id", "ro", "hu", "ru", "el",
    ]

    /// Whether numbers in `language` take a decimal comma; nil when the language is unknown
    /// (then a number's own shape decides, as in English, with "250.000" read as thousands).
    package static func decimalComma(_ language: String?) -> Bool? {
        language.map { decimalCommaLanguages.contains($0) }
    }

    /// Every quantity in `text`, in order. `decimalComma` (see `decimalComma(_:)`) reads the one
    /// shape the locales disagree on, a single separator before three digits ("1,234", "1.234"),
    /// the way the text's language writes it.
    package static func quantities(in text: String, decimalComma: Bool? = nil) -> [Quantity] {
        let b = Array(text.utf8)
        let t = FactTokenizer.tokens(b)
        let dates = DateNormalizer.mentions(in: text)
        var inDate = [Bool](repeating: false, count: t.count)
        if !dates.isEmpty {
            var d = 0
            for (k, tok) in t.enumerated() {
                while d < dates.count, dates[d].range.upperBound <= tok.start { d += 1 }
                if d < dates.count, dates[d].range.contains(tok.start) { inDate[k] = true }
            }
        }
        var out: [Quantity] = []
        var lastDollar: Currency? = nil
        var i = 0
        while i < t.count {
            if inDate[i] { i += 1; continue }
            guard var q = scan(b, t, i, inDate, decimalComma) else { i += 1; continue }
            // A bare "$" after an explicit dollar currency in the same text takes that currency.
            if q.quantity.kind == .money, let c = q.quantity.currency {
                if c == .unknownDollar, let prior = lastDollar {
                    q.quantity.currency = prior
                    q.quantity.currencyInferred = true
                } else if c.isDollar, c != .unknownDollar {
                    lastDollar = c
                }
            }
            out.append(q.quantity)
            i = max(q.next, i + 1)
        }
        return out
    }

    /// Money amounts only.
    package static func money(in text: String) -> [Quantity] { quantities(in: text).filter { $0.kind == .money } }

    /// The first quantity of a short value ("3,000 (2019)", "US$1.2 billion").
    package static func parse(_ value: String) -> Quantity? { quantities(in: value).first }

    /// A quantity written for people: "US$767 million", "over $4.1 billion", "45.43%", "1,200".
    ///
    /// Amounts of a million or more take a scale word with at most three decimals, smaller ones
    /// are grouped by thousands; floating-point noise ("4099999999.9999995") is rounded away.
    package static func readable(_ q: Quantity) -> String {
        var s = ""
        switch q.bound {
        case .exact: break
        case .atLeast: s += "over "
        case .atMost: s += "up to "
        case .approximate: s += "about "
        }
        let scale: (Double, String)?
        let top = max(abs(q.value), abs(q.upper ?? q.value))
        if q.kind == .percent || q.kind == .ordinal || top < 1e6 {
            scale = nil
        } else if top >= 1e12 {
            scale = (1e12, " trillion")
        } else if top >= 1e9 {
            scale = (1e9, " billion")
        } else {
            scale = (1e6, " million")
        }
        func number(_ v: Double) -> String {
            guard let (unit, _) = scale else { return grouped(v) }
            return decimals(v / unit, max: 3)
        }
        var amount = number(q.value)
        if let upper = q.upper { amount += "–" + number(upper) }
        if let (_, word) = scale { amount += word }
        switch q.kind {
        case .percent: s += amount + "%"
        case .ordinal: s += amount + ordinalSuffix(Int(q.value))
        case .count: s += amount
        case .money:
            let sign = q.currency.map(symbol) ?? ""
            s += sign.hasSuffix(" ") || sign.isEmpty || sign.last?.isLetter == false ? sign + amount : sign + " " + amount
        }
        return s
    }

    /// The usual sign of a currency before an amount ("US$", "€", "HK$"); an ISO code otherwise ("CHF ").
    static func symbol(_ c: Currency) -> String {
        switch c.code {
        case "$": return "$"
        case "USD": return "US$"
        case "EUR": return "€"
        case "GBP": return "£"
        case "¥": return "¥"
        case "JPY": return "JP¥"
        case "CNY": return "CN¥"
        case "KRW": return "₩"
        case "INR": return "₹"
        case "RUB": return "₽"
        default:
            if let r = c.code.range(of: "-dollar:") { return String(c.code[..<r.lowerBound]) + "$" }
            if c.code.count == 3, c.code.hasSuffix("D") { return String(c.code.prefix(2)) + "$" }
            return c.code + " "
        }
    }

    /// Digits grouped by thousands with commas, and at most three decimals ("1,200", "743.6").
    static func grouped(_ v: Double) -> String {
        let text = decimals(abs(v), max: v.rounded() == v ? 0 : 3)
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = Array(parts[0])
        var out: [Character] = []
        while whole.count > 3 {
            out.insert(contentsOf: [","] + whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        out.insert(contentsOf: whole, at: 0)
        return (v < 0 ? "-" : "") + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `v` with at most `max` decimals, trailing zeros removed ("4.1", "767", "0.25").
    static func decimals(_ v: Double, max: Int) -> String {
        var p = 1.0
        for _ in 0..<max { p *= 10 }
        let r = (v * p).rounded() / p
        if r == r.rounded(), abs(r) < 1e17 { return String(Int64(r)) }
        var text = String(format: "%.\(max)f", r)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func ordinalSuffix(_ n: Int) -> String {
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// Shortest decimal text of a value (`7700000000`, `0.15`).
    package static func format(_ v: Double) -> String {
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e17 { return String(Int64(v)) }
        return String(v)
    }

    // MARK: - Vocabulary

    static let units = LexTables.unitWords
    static let tens = LexTables.tensWords
    static let ordinalWords = LexTables.ordinalWords
    static let scales: [String: Double] = [
        "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "mil": 1e6,
        // South Asian scales: "1.5 crore" = 15 million, "15 lakh" = 1.5 million.
        "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
        // The abbreviations and words of other languages ("2,5 Mio.", "1,2 млрд"); their
        // "billion" words (German "Billion", Spanish "billón") are a million millions, so left out.
        "mio": 1e6, "mrd": 1e9, "tsd": 1e3, "millionen": 1e6, "milliarden": 1e9, "milliarde": 1e9,
        "millions": 1e6, "milliards": 1e9, "milliard": 1e9,
        "millones": 1e6, "milioni": 1e6, "miliardi": 1e9, "miliardo": 1e9, "mld": 1e9, "milhões": 1e6, "milhão": 1e6,
        "miljoen": 1e6, "miljard": 1e9, "miljoner": 1e6, "miljarder": 1e9,
        "тыс": 1e3, "млн": 1e6, "млрд": 1e9,
    ]
    /// Single-letter scales, accepted only glued to the number ("$1.2B", "5k").
    static let letterScales: [String: Double] = ["k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12]

    static let lowerBoundPhrases: [[String]] = [
        ["more", "than"], ["at", "least"], ["in", "excess", "of"], ["upwards", "of"], ["over"], ["above"],
        ["exceeding"], ["greater", "than"],
    ]
    static let upperBoundPhrases: [[String]] = [
        ["up", "to"], ["less", "than"], ["fewer", "than"], ["at", "most"], ["under"], ["below"], ["no", "more", "than"],
    ]
    static let approximatePhrases: [[String]] = [
        ["about"], ["around"], ["approximately"], ["roughly"], ["nearly"], ["almost"], ["some"], ["circa"],
        ["estimated"], ["an", "estimated"], ["close", "to"], ["approx"],
    ]

    // MARK: - Scanning

    private struct Scanned { var quantity: Quantity; var next: Int }

    private static func word(_ b: [UInt8], _ t: [FactToken], _ k: Int) -> String? {
        guard k >= 0, k < t.count, t[k].kind == .word else { return nil }
        return FactTokenizer.lower(b, t[k])
    }

    private static func punct(_ b: [UInt8], _ t: [FactToken], _ k: Int) -> String? {
        guard k >= 0, k < t.count, t[k].kind == .punct else { return nil }
        return String(decoding: b[t[k].start..<t[k].end], as: UTF8.self)
    }

    private static func adjacent(_ t: [FactToken], _ a: Int, _ b: Int) -> Bool {
        a >= 0 && b < t.count && a < b && t[a].end == t[b].start
    }

    /// The bytes between two tokens are one space that may group thousands: " ", a no-break
    /// space, a narrow no-break space or a thin space ("8 871", "8\u{202F}871").
    private static func groupSpace(_ b: [UInt8], _ from: Int, _ to: Int) -> Bool {
        let gap = to - from
        if gap == 1 { return b[from] == 0x20 }
        if gap == 2 { return b[from] == 0xC2 && b[from + 1] == 0xA0 }
        if gap == 3 { return b[from] == 0xE2 && b[from + 1] == 0x80 && (b[from + 2] == 0xAF || b[from + 2] == 0x89) }
        return false
    }

    /// Words after which a number is an identifier (a version or a build), not a quantity.
    static let versionWords: Set<String> = ["version", "versions", "v", "ver", "release", "build", "версия", "версии", "версию", "versión"]

    /// Parses a digit number starting at token `i`: "1,200", "7.7", "54,000,000", and the
    /// other locale shapes: "8 871" (space thousands), "45,43" (decimal comma: not three
    /// digits after it), "250.000" and "1.234.567" (dot thousands: groups of three, or ".000").
    /// "6.2.0" is a version, not a number. Returns value and next token.
    ///
    /// `comma` true (a decimal-comma language): one ",ddd" is a decimal fraction and one ".ddd" a
    /// thousands group; false or nil: the English reading, one ",ddd" a thousands group and one
    /// ".ddd" a fraction (unless ".000", which only thousands write).
    private static func digits(_ b: [UInt8], _ t: [FactToken], _ i: Int, _ comma: Bool?) -> (Double, Int, Bool)? {
        guard t[i].kind == .number else { return nil }
        var text = String(decoding: b[t[i].start..<t[i].end], as: UTF8.self)
        var k = i + 1
        var grouped = false
        let leadShort = t[i].end - t[i].start <= 3
        func isNumber(_ j: Int, digits n: Int? = nil) -> Bool {
            j < t.count && t[j].kind == .number && (n == nil || t[j].end - t[j].start == n!)
        }
        // Thousands groups: ",ddd" repeated (in a decimal-comma language, two groups at least).
        func commaGroup(_ k: Int) -> Bool {
            k + 1 < t.count && adjacent(t, k - 1, k) && adjacent(t, k, k + 1) && t[k].kind == .punct && b[t[k].start] == 0x2C
                && isNumber(k + 1, digits: 3)
        }
        let commaThousands = comma != true || (commaGroup(k) && commaGroup(k + 2))
        while commaThousands, commaGroup(k), leadShort {
            text += String(decoding: b[t[k + 1].start..<t[k + 1].end], as: UTF8.self)
            k += 2
            grouped = true
        }
        // Space-grouped thousands: "8 871", "1 234 567" (each group exactly three digits).
        if !grouped, leadShort {
            while isNumber(k, digits: 3), groupSpace(b, t[k - 1].end, t[k].start) {
                text += String(decoding: b[t[k].start..<t[k].end], as: UTF8.self)
                k += 1
                grouped = true
            }
            // A narrow or thin space is a punctuation token of its own.
            while k + 1 < t.count, t[k].kind == .punct, groupSpace(b, t[k - 1].end, t[k + 1].start), isNumber(k + 1, digits: 3) {
                text += String(decoding: b[t[k + 1].start..<t[k + 1].end], as: UTF8.self)
                k += 2
                grouped = true
            }
        }
        // Dot thousands: "1.234.567", "250.000".
        if !grouped, leadShort, k + 1 < t.count, adjacent(t, k - 1, k), adjacent(t, k, k + 1), t[k].kind == .punct, b[t[k].start] == 0x2E,
            isNumber(k + 1, digits: 3)
        {
            let several = k + 3 < t.count && adjacent(t, k + 1, k + 2) && t[k + 2].kind == .punct && b[t[k + 2].start] == 0x2E
                && adjacent(t, k + 2, k + 3) && isNumber(k + 3, digits: 3)
            let zeros = b[t[k + 1].start..<t[k + 1].end].allSatisfy { $0 == 0x30 }
            if several || zeros || comma == true {
                while k + 1 < t.count, adjacent(t, k - 1, k), adjacent(t, k, k + 1), t[k].kind == .punct, b[t[k].start] == 0x2E,
                    isNumber(k + 1, digits: 3)
                {
                    text += String(decoding: b[t[k + 1].start..<t[k + 1].end], as: UTF8.self)
                    k += 2
                }
                grouped = true
            }
        }
        var decimal = false
        if k + 1 < t.count, adjacent(t, k - 1, k), adjacent(t, k, k + 1), t[k].kind == .punct, b[t[k].start] == 0x2E,
            t[k + 1].kind == .number
        {
            // "6.2.0", "192.168.1.1": an identifier.
            if k + 3 < t.count, adjacent(t, k + 1, k + 2), t[k + 2].kind == .punct, b[t[k + 2].start] == 0x2E, adjacent(t, k + 2, k + 3),
                t[k + 3].kind == .number
            {
                return nil
            }
            text += "." + String(decoding: b[t[k + 1].start..<t[k + 1].end], as: UTF8.self)
            k += 2
            decimal = true
        } else if !grouped || comma == true, k + 1 < t.count, adjacent(t, k - 1, k), adjacent(t, k, k + 1), t[k].kind == .punct, b[t[k].start] == 0x2C,
            t[k + 1].kind == .number, t[k + 1].end - t[k + 1].start != 3 || comma == true,
            !(k + 2 < t.count && adjacent(t, k + 1, k + 2) && t[k + 2].kind == .punct && b[t[k + 2].start] == 0x2C)
        {
            // Decimal comma: "45,43%", "2,5 Mio." (not three digits after the comma).
            text += "." + String(decoding: b[t[k + 1].start..<t[k + 1].end], as: UTF8.self)
            k += 2
            decimal = true
        }
        // Leading zeros mark a code ("0020"), not a quantity.
        if !decimal, text.count > 1, text.hasPrefix("0") { return nil }
        // A number after "version" is an identifier.
        if i > 0, t[i - 1].kind == .word, versionWords.contains(FactTokenizer.lower(b, t[i - 1])) { return nil }
        if i > 1, t[i - 1].kind == .punct, b[t[i - 1].start] == 0x2E, t[i - 2].kind == .word, FactTokenizer.lower(b, t[i - 2]) == "v" { return nil }
        guard let v = Double(text) else { return nil }
        return (v, k, grouped || decimal)
    }

    /// Parses a spelled-out number at token `i`: "nine", "twenty-five", "a dozen", "dozen".
    /// Initial letters of number words ("a dozen", "eight", "first", ...), for a cheap reject.
    private static let numberWordInitials: Set<UInt8> = Set("zotfsendah".utf8)

    private static func spelled(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (Double, Int, Bool)? {
        guard i < t.count, t[i].kind == .word, t[i].end - t[i].start <= 9,
            numberWordInitials.contains(b[t[i].start] | 0x20)
        else { return nil }
        guard let w = word(b, t, i) else { return nil }
        if w == "dozen" { return (12, i + 1, false) }
        if w == "a", word(b, t, i + 1) == "dozen" { return (12, i + 2, false) }
        if let o = ordinalWords[w] { return (Double(o), i + 1, true) }
        if let u = units[w] {
            if u <= 1 { return nil }  // "one", "zero": too often not a quantity ("one of the ...")
            return (Double(u), i + 1, false)
        }
        if let tv = tens[w] {
            if punct(b, t, i + 1) == "-", adjacent(t, i, i + 1), adjacent(t, i + 1, i + 2), let u2 = word(b, t, i + 2), let uv = units[u2], uv < 10 {
                return (Double(tv + uv), i + 3, false)
            }
            return (Double(tv), i + 1, false)
        }
        return nil
    }

    private static func matchPhraseBefore(_ b: [UInt8], _ t: [FactToken], _ end: Int, _ phrases: [[String]]) -> Int? {
        for p in phrases {
            let start = end - p.count
            guard start >= 0 else { continue }
            var ok = true
            for (j, w) in p.enumerated() where !FactTokenizer.wordIs(b, t, start + j, w) { ok = false; break }
            if ok { return start }
        }
        return nil
    }
    /// A currency named after the amount ("HKD", "yuan", "<Place> dollars", "Swiss francs"):
    /// advances `next` and `end` past it and makes the quantity money.
    private static func currencyAfter(
        _ b: [UInt8], _ t: [FactToken], next: inout Int, end: inout Int, currency: inout Currency?,
        kind: inout Quantity.Kind, scaled: Bool
    ) {
        if next < t.count, t[next].kind == .word {
            let raw = String(decoding: b[t[next].start..<t[next].end], as: UTF8.self)
            let w = raw.lowercased()
            if let c = Currency.iso(raw) {
                currency = c; kind = .money; end = t[next].end; next += 1
            } else if w != "dollar" && w != "dollars", let c = Currency.word(w),
                !(w == "pound" || w == "pounds") || scaled || word(b, t, next + 1) == "sterling"
            {
                // "38 pounds" is a weight; "5 million pounds" and "pounds sterling" are money.
                currency = c; kind = .money; end = t[next].end; next += 1
                if word(b, t, next) == "sterling" { end = t[next].end; next += 1 }
            } else {
                // Up to three capitalised place words, then "dollar(s)".
                var k = next
                var place: [String] = []
                while k < t.count, k - next < 3, t[k].kind == .word {
                    let wk = FactTokenizer.lower(b, t[k])
                    if wk == "dollar" || wk == "dollars" { break }
                    let first = b[t[k].start]
                    guard first >= 0x41 && first <= 0x5A else { break }
                    place.append(String(decoding: b[t[k].start..<t[k].end], as: UTF8.self))
                    k += 1
                }
                if let wk = word(b, t, k), wk == "dollar" || wk == "dollars" {
                    currency = place.isEmpty ? (currency ?? .unknownDollar) : Currency.dollarPlace(place)
                    kind = .money
                    end = t[k].end
                    next = k + 1
                } else if !place.isEmpty, let wk = word(b, t, k), wk != "pound" && wk != "pounds" || scaled, let c = Currency.word(wk) {
                    // "300 million Swiss francs", "Indian rupees": the place names the currency.
                    currency = Currency.placed(place, c, word: wk)
                    kind = .money
                    end = t[k].end
                    next = k + 1
                }
            }
        }
    }

    /// A range after the number ("3–5 million", "10-12%"): sets `upper` and advances past it. "3 to
    /// 5" is left alone (often a change, "from 3 to 5").
    private static func rangeAfter(
        _ b: [UInt8], _ t: [FactToken], _ inDate: [Bool], next: inout Int, end: inout Int, value: inout Double,
        upper: inout Double?, kind: inout Quantity.Kind, scaled: Bool, comma: Bool?
    ) {
        if let p = punct(b, t, next), p == "–" || p == "-" || p == "—", next + 1 < t.count, !inDate[next + 1],
            FactTokenizer.spaceGap(b, end, t[next].start, max: 1), FactTokenizer.spaceGap(b, t[next].end, t[next + 1].start, max: 1)
        {
            var k = next + 1
            if let p = punct(b, t, k), ["$", "€", "£", "₩", "₹", "₽", "¥", "￥"].contains(p) { k += 1 }
            if k < t.count, let d = digits(b, t, k, comma) {
                var hi = d.0
                var kk = d.1
                if let w = word(b, t, kk), let sc = scales[w] {
                    hi *= sc
                    kk += 1
                    if !scaled { value *= sc }  // "3–5 million": the scale applies to both ends
                }
                if hi > value {
                    upper = hi
                    end = t[kk - 1].end
                    next = kk
                    if punct(b, t, next) == "%", adjacent(t, next - 1, next) { kind = .percent; end = t[next].end; next += 1 }
                }
            }
        }
    }

    /// A currency sign or ISO code before the number ("US$", "€", "HKD 5", "Rs. 15"): where the
    /// amount starts, its currency, whether a minus sign follows the sign, and where the digits
    /// are; nil when the token at `i` cannot start an amount.
    private static func prefix(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (start: Int, currency: Currency?, negative: Bool, numberAt: Int)? {
        var start = i
        var currency: Currency? = nil
        var negative = false
        var numberAt = i
        // Currency sign or code before the number.
        if let p = punct(b, t, i) {
            var sign: Currency? = nil
            switch p {
            case "$": sign = .unknownDollar
            case "€": sign = Currency("EUR")
            case "£": sign = Currency("GBP")
            case "₩": sign = Currency("KRW")
            case "₹": sign = Currency("INR")
            case "₽": sign = Currency("RUB")
            case "¥", "￥": sign = .yenOrYuan
            default: return nil
            }
            // A minus sign between the sign and the number: "US$−50 million" is a loss of 50 million.
            var digitsAt = i + 1
            if let m = punct(b, t, i + 1), m == "−" || m == "-" || m == "–", adjacent(t, i, i + 1), adjacent(t, i + 1, i + 2) {
                negative = true
                digitsAt = i + 2
            }
            guard digitsAt < t.count, t[digitsAt].kind == .number, FactTokenizer.spaceGap(b, t[digitsAt - 1].end, t[digitsAt].start, max: 1) else { return nil }
            if p == "$", i > 0, adjacent(t, i - 1, i), let w = word(b, t, i - 1), w.count <= 3 {
                sign = Currency.dollarPrefix(w)
                start = i - 1
            }
            currency = sign
            numberAt = digitsAt
        } else if t[i].kind == .word {
            // Only a three-letter upper-case word can be an ISO code; only a short word a number word.
            let len = t[i].end - t[i].start
            if len > 9 { return nil }
            let upper3 = len == 3 && (t[i].start..<t[i].end).allSatisfy { b[$0] >= 0x41 && b[$0] <= 0x5A }
            let raw = upper3 ? String(decoding: b[t[i].start..<t[i].end], as: UTF8.self) : ""
            if upper3, let c = Currency.iso(raw), i + 1 < t.count, t[i + 1].kind == .number, FactTokenizer.spaceGap(b, t[i].end, t[i + 1].start, max: 1) {
                currency = c
                numberAt = i + 1
            } else if i + 1 < t.count, punct(b, t, i + 1) == "$", adjacent(t, i, i + 1) {
                return nil  // handled when the scan reaches the sign
            } else if len == 2, b[t[i].start] == 0x52, b[t[i].start + 1] == 0x73 {
                // "Rs 15 lakh", "Rs. 15 lakh": Indian rupees.
                var k = i + 1
                if punct(b, t, k) == "." { k += 1 }
                if k < t.count, t[k].kind == .number, FactTokenizer.spaceGap(b, t[k - 1].end, t[k].start, max: 1) {
                    currency = Currency("INR")
                    numberAt = k
                }
            }
        }
        return (start, currency, negative, numberAt)
    }

    private static func scan(_ b: [UInt8], _ t: [FactToken], _ i: Int, _ inDate: [Bool], _ comma: Bool?) -> Scanned? {
        guard let before = prefix(b, t, i) else { return nil }
        var start = before.start
        var currency = before.currency
        let negative = before.negative
        let numberAt = before.numberAt
        guard numberAt < t.count, !inDate[numberAt] else { return nil }
        var spelledOut = false
        var value: Double
        var next: Int
        var formatted = false
        // The tail of a number already read or rejected ("6.2" after "version", "0.0.1").
        if currency == nil, numberAt > 1, let p = punct(b, t, numberAt - 1), p == "." || p == ",", adjacent(t, numberAt - 1, numberAt),
            adjacent(t, numberAt - 2, numberAt - 1), t[numberAt - 2].kind == .number
        {
            return nil
        }
        if let d = digits(b, t, numberAt, comma) {
            (value, next, formatted) = d
            if negative { value = -value }
            // Glued to a word before ("CVPR2015", "V2X") or after a "No."-style label: a code.
            if currency == nil, numberAt > 0, adjacent(t, numberAt - 1, numberAt), t[numberAt - 1].kind == .word { return nil }
            if currency == nil, numberAt > 1, punct(b, t, numberAt - 1) == ".", let w = word(b, t, numberAt - 2), w == "no" { return nil }
            if currency == nil, let w = word(b, t, numberAt - 1), w == "no" || w == "number" || w == "nos" { return nil }
        } else if currency == nil, let s = spelled(b, t, numberAt) {
            if s.2 {  // ordinal word
                let r = t[numberAt].start..<t[s.1 - 1].end
                return Scanned(
                    quantity: Quantity(kind: .ordinal, value: s.0, spelledOut: true, range: r, text: text(b, r), following: followingWords(b, t, s.1)),
                    next: s.1)
            }
            (value, next) = (s.0, s.1)
            spelledOut = true
        } else {
            return nil
        }
        var end = t[next - 1].end
        // Time ("21:42") or a ratio: not a quantity.
        if numberAt > 1, punct(b, t, numberAt - 1) == ":", adjacent(t, numberAt - 1, numberAt), t[numberAt - 2].kind == .number,
            adjacent(t, numberAt - 2, numberAt - 1)
        { return nil }
        if punct(b, t, next) == ":", adjacent(t, next - 1, next), next + 1 < t.count, t[next + 1].kind == .number { return nil }
        var kind: Quantity.Kind = currency == nil ? .count : .money
        var scaled = false
        // Glued suffix: ordinal, letter scale, or a code ("3F", "5G").
        if next < t.count, t[next].kind == .word, adjacent(t, next - 1, next), !spelledOut {
            let w = FactTokenizer.lower(b, t[next])
            if ["st", "nd", "rd", "th"].contains(w), !formatted {
                let r = t[start].start..<t[next].end
                return Scanned(
                    quantity: Quantity(kind: .ordinal, value: value, range: r, text: text(b, r), following: followingWords(b, t, next + 1)),
                    next: next + 1)
            } else if w == "m", currency == nil, word(b, t, next + 1) == nil || punct(b, t, next + 1) != nil && !adjacent(t, next, next + 1) {
                // "11.0m" with nothing counted after it is a length in metres, not 11 million
                // ("5m users" and "$5m" stay millions).
                let r = t[start].start..<t[next].end
                return Scanned(
                    quantity: Quantity(kind: .count, value: value, range: r, text: text(b, r), following: ["m"] + followingWords(b, t, next + 1)),
                    next: next + 1)
            } else if let s = letterScales[w] ?? scales[w] {
                value *= s
                scaled = true
                end = t[next].end
                next += 1
            } else {
                return nil
            }
        } else if let w = word(b, t, next), FactTokenizer.spaceGap(b, end, t[next].start), let s = scales[w] {
            value *= s
            scaled = true
            end = t[next].end
            next += 1
        }
        var bound: Quantity.Bound = .exact
        var upper: Double? = nil
        // Suffixes: %, percent, +, currency words, ranges.
        if let p = punct(b, t, next), adjacent(t, next - 1, next) {
            if p == "%" {
                kind = .percent
                end = t[next].end
                next += 1
            } else if p == "+", !(next + 1 < t.count && t[next + 1].kind == .number && adjacent(t, next, next + 1)) {
                bound = .atLeast
                end = t[next].end
                next += 1
            }
        }
        if kind == .count, let w = word(b, t, next) {
            if w == "percent" || w == "pct" {
                kind = .percent; end = t[next].end; next += 1
            } else if w == "per", word(b, t, next + 1) == "cent" {
                kind = .percent; end = t[next + 1].end; next += 2
            }
        }
        // Range: "3–5 million", "3 to 5" is left alone (often a change, "from 3 to 5").
        rangeAfter(b, t, inDate, next: &next, end: &end, value: &value, upper: &upper, kind: &kind, scaled: scaled, comma: comma)
        // Currency after the amount: "HKD", "yuan", "<Place> dollars".
        if kind != .percent {
            currencyAfter(b, t, next: &next, end: &end, currency: &currency, kind: &kind, scaled: scaled)
        }
        // Bound words before the start (and before a currency sign).
        let startTok = start
        if let s = matchPhraseBefore(b, t, startTok, lowerBoundPhrases) {
            bound = .atLeast; start = s
        } else if let s = matchPhraseBefore(b, t, startTok, upperBoundPhrases) {
            bound = .atMost; start = s
        } else if let s = matchPhraseBefore(b, t, startTok, approximatePhrases) {
            bound = .approximate; start = s
        } else if startTok > 0, punct(b, t, startTok - 1) == "~", adjacent(t, startTok - 1, startTok) {
            bound = .approximate; start = startTok - 1
        }
        if spelledOut, kind == .count, bound == .exact, value < 2 { return nil }
        let r = t[start].start..<end
        let q = Quantity(
            kind: kind, value: value, upper: upper, bound: bound, currency: currency, spelledOut: spelledOut, range: r,
            text: text(b, r), following: followingWords(b, t, next))
        return Scanned(quantity: q, next: next)
    }

    private static func followingWords(_ b: [UInt8], _ t: [FactToken], _ k: Int) -> [String] {
        var out: [String] = []
        var j = k
        while j < t.count, out.count < 3 {
            if t[j].kind == .word { out.append(FactTokenizer.lower(b, t[j])) } else if t[j].kind == .punct {
                let c = b[t[j].start]
                if c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x28 || c == 0x29 { break }
                if c == 0x27 { j += 1; continue }
                break
            } else {
                break
            }
            j += 1
        }
        return out
    }

    private static func text(_ b: [UInt8], _ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
}
