/// The lexer's tables: which characters join two parts of a word, which upper-case codes name a
/// currency, and which words spell a number. Every view of text reads these, so a word, a currency
/// code or a number word means the same thing to the differ, the value normalisers and the rules.
package enum LexTables {
    /// What kind of joiner a scalar is, if any: a character that may sit between two word
    /// characters inside one word.
    package enum Joiner: Sendable { case apostrophe, hyphen }

    /// Apostrophes (`'`, `’`) and hyphens (`-`, `‐` U+2010, non-breaking `‑` U+2011). Dashes
    /// (`‒ – — ―`) and the minus sign are never joiners.
    @inlinable @inline(__always)
    package static func joiner(_ v: UInt32) -> Joiner? {
        switch v {
        case 0x27, 0x2019: return .apostrophe
        case 0x2D, 0x2010, 0x2011: return .hyphen
        default: return nil
        }
    }

    /// Upper-case three-letter ISO 4217 codes (and `RMB`) recognised as currencies: a currency token
    /// for the differ, a currency for an amount written next to one (`USD 5`, `EUR12`).
    package static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "CHF", "CAD", "AUD", "NZD", "INR", "KRW", "SGD", "TWD",
        "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "THB", "IDR", "MYR", "PHP", "VND", "TRY", "AED",
        "SAR", "ILS", "CZK", "HUF",
    ]

    /// Cardinal number words from zero to nineteen.
    package static let unitWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    /// The tens from twenty to ninety.
    package static let tensWords: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    /// Ordinal number words.
    package static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
    ]
    /// Words that the differ matches with their digits ("nine" and "9" are one key): the units, the
    /// tens, "hundred" and "dozen".
    package static let digitWords: [String: String] = {
        var out: [String: String] = ["hundred": "100", "dozen": "12"]
        for (w, v) in unitWords { out[w] = String(v) }
        for (w, v) in tensWords { out[w] = String(v) }
        return out
    }()
}
