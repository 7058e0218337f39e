import CrossCheckCore
/// What a token is: the differ, the similarity measure and the fact extractors treat kinds differently.
package enum TokenKind: UInt8, Sendable, Hashable, Codable {
    /// Letters, digits and marks, with inner apostrophes and hyphens (`don't`, `state-owned`).
    case word
    /// Digits with thousands separators and decimals (`1,000`, `7.7`).
    case number
    /// A currency symbol (`$`, `€`), a symbol with a code prefix (`US$`) or a three-letter code (`USD`).
    case currency
    /// A number followed by `%` (`15%`), or a lone `%`.
    case percent
    /// Any other single non-space character.
    case punctuation
    /// A run of whitespace.
    case space
    /// One ideograph or kana character (CJK text has no spaces, so each character is a token).
    case cjk
}

/// One token of plain text: its kind, where it is, and the key it matches under.
///
/// The range is in UTF-8 bytes of the text that was tokenised, so a change maps back to a source
/// line through `Sentence.sourceOffset(ofTextOffset:)` and the `LineTable`.
package struct Token: Sendable, Hashable {
    package var kind: TokenKind
    /// Byte range in the tokenised text.
    package var range: Range<Int>
    /// Normalised key for matching: case folded, typographic quotes and dashes folded, thousands
    /// separators dropped, number words ("nine") spelled as digits ("9"); whitespace is " ".
    package var key: String

    package init(kind: TokenKind, range: Range<Int>, key: String) {
        self.kind = kind; self.range = range; self.key = key
    }

    /// True for tokens that carry content (not whitespace or punctuation).
    package var isContent: Bool { kind != .space && kind != .punctuation }
}

/// Splits plain text into tokens on UTF-8 bytes (no `Character` iteration); linear in the text.
///
/// Words are letters, digits and combining marks with inner apostrophes and hyphens; numbers keep
/// thousands separators and decimals; currency symbols and codes and percentages are tokens of
/// their own; each CJK ideograph or kana is one token; a Thai character with its combining marks
/// is one token (Thai is written without spaces); Devanagari and Cyrillic words are letter runs
/// with their marks. Every byte of the text belongs to exactly one token.
package enum Tokenizer {
    /// Tokens of `text` with byte ranges into `text.utf8`.
    package static func tokens(_ text: String) -> [Token] {
        var t = text
        return t.withUTF8 { tokens($0) }
    }

    /// Tokens of UTF-8 `bytes`.
    package static func tokens(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { tokens($0) }
    }

    /// Tokens of a UTF-8 buffer.
    package static func tokens(_ buf: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(buf.count / 3 + 1)
        scan(buf) { kind, range in
            out.append(Token(kind: kind, range: range, key: key(buf, kind: kind, range: range)))
        }
        return out
    }

    /// Kinds and ranges only (no keys): the differ's fast path.
    package static func spans(_ buf: UnsafeBufferPointer<UInt8>) -> [(kind: TokenKind, range: Range<Int>)] {
        var out: [(kind: TokenKind, range: Range<Int>)] = []
        out.reserveCapacity(buf.count / 3 + 1)
        scan(buf) { out.append(($0, $1)) }
        return out
    }

    // MARK: - Character classes

    /// Coarse class of one Unicode scalar.
    enum CharClass: UInt8 { case letter, digit, mark, cjk, thai, space, currency, other }

    @inline(__always) static func asciiClass(_ b: UInt8) -> CharClass {
        switch b {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: return .space
        case 0x24: return .currency
        default: return .other
        }
    }

    static func scalarClass(_ v: UInt32) -> CharClass {
        if v < 0x80 { return asciiClass(UInt8(v)) }
        switch v {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0x200B...0x200D, 0xFEFF: return .mark  // zero-width characters stay inside words
        case 0x0E00...0x0E7F:
            if v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E3A) || (v >= 0x0E47 && v <= 0x0E4E) { return .mark }
            if v >= 0x0E50 && v <= 0x0E59 { return .digit }
            if v == 0x0E3F { return .currency }
            return .thai
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x31F0...0x31FF:
            if v == 0x30FC { return .cjk }
            return .cjk
        case 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20: return .other  // CJK punctuation, fullwidth punctuation
        default: break
        }
        guard let s = Unicode.Scalar(v) else { return .other }
        let p = s.properties
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .digit
        case .letterNumber, .otherNumber: return .letter
        case .currencySymbol: return .currency
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        default: return .other
        }
    }

    /// Decodes the scalar at `i` (valid UTF-8 assumed; invalid bytes decode as themselves, length 1).
    @inline(__always) static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, length: Int) {
        let b = buf[i]
        if b < 0x80 { return (UInt32(b), 1) }
        let n = buf.count
        if b & 0xE0 == 0xC0, i + 1 < n { return ((UInt32(b & 0x1F) << 6) | UInt32(buf[i + 1] & 0x3F), 2) }
        if b & 0xF0 == 0xE0, i + 2 < n {
            return ((UInt32(b & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F), 3)
        }
        if b & 0xF8 == 0xF0, i + 3 < n {
            return ((UInt32(b & 0x07) << 18) | (UInt32(buf[i + 1] & 0x3F) << 12) | (UInt32(buf[i + 2] & 0x3F) << 6)
                | UInt32(buf[i + 3] & 0x3F), 4)
        }
        return (UInt32(b), 1)
    }

    @inline(__always) static func classAt(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharClass, Int, UInt32) {
        let b = buf[i]
        if b < 0x80 { return (asciiClass(b), 1, UInt32(b)) }
        let d = decode(buf, i)
        return (scalarClass(d.value), d.length, d.value)
    }

    /// Apostrophes and hyphens that may sit inside a word: ' ’ - ‐ ‑.
    @inline(__always) static func isJoiner(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2D || v == 0x2010 || v == 0x2011
    }

    @inline(__always) static func isWordClass(_ c: CharClass) -> Bool { c == .letter || c == .digit || c == .mark }

    /// Upper-case three-letter currency codes recognised as currency tokens.
    static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "CHF", "CAD", "AUD", "NZD", "INR", "KRW", "SGD", "TWD",
        "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "THB", "IDR", "MYR", "PHP", "VND", "TRY", "AED",
        "SAR", "ILS", "CZK", "HUF",
    ]

    // MARK: - Scanner

    /// The offset after the run of characters of class `cls` starting at `i`.
    @inline(__always)
    static func skip(_ cls: CharClass, _ buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i < buf.count {
            let (c, l, _) = classAt(buf, i)
            if c != cls { break }
            i += l
        }
        return i
    }

    /// Calls `emit` for every token of `buf` in order; the ranges tile the buffer.
    package static func scan(_ buf: UnsafeBufferPointer<UInt8>, _ emit: (TokenKind, Range<Int>) -> Void) {
        let n = buf.count
        var i = 0
        while i < n {
            let start = i
            let (cls, len, v) = classAt(buf, i)
            switch cls {
            case .space:
                i = skip(.space, buf, from: i + len)
                emit(.space, start..<i)
            case .cjk:
                // Absorb combining marks (voicing marks on kana).
                i = skip(.mark, buf, from: i + len)
                emit(.cjk, start..<i)
            case .thai:
                i = skip(.mark, buf, from: i + len)
                emit(.word, start..<i)
            case .currency:
                i += len
                emit(.currency, start..<i)
            case .digit:
                i = scanNumber(buf, start)
                // A percentage.
                if i < n && buf[i] == 0x25 { emit(.percent, start..<(i + 1)); i += 1; continue }
                // "10th", "3D", "1990s": digits running into letters form a word.
                if i < n, isWordClass(classAt(buf, i).0) {
                    i = scanWord(buf, i)
                    emit(.word, start..<i)
                } else {
                    emit(.number, start..<i)
                }
            case .letter, .mark:
                i = scanWord(buf, start)
                // A code prefix on a currency symbol: "US$", "HK$", "R$".
                if i < n && buf[i] == 0x24 && i - start <= 3 && isUpperASCII(buf, start..<i) {
                    emit(.currency, start..<(i + 1)); i += 1; continue
                }
                if i - start == 3 && isUpperASCII(buf, start..<i),
                   currencyCodes.contains(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)) {
                    emit(.currency, start..<i); continue
                }
                emit(.word, start..<i)
            case .other:
                i += len
                if v == 0x25 { emit(.percent, start..<i) } else { emit(.punctuation, start..<i) }
            }
        }
    }

    @inline(__always) static func isUpperASCII(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if r.isEmpty { return false }
        for k in r where !(buf[k] >= 0x41 && buf[k] <= 0x5A) { return false }
        return true
    }

    /// End of a number starting at `i`: digits, with `,` or `.` (or a thin space) between digits.
    static func scanNumber(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = buf.count
        var i = start
        while i < n {
            let (c, l, _) = classAt(buf, i)
            if c == .digit { i += l; continue }
            let b = buf[i]
            if (b == 0x2C || b == 0x2E) && i + 1 < n && classAt(buf, i + 1).0 == .digit { i += 1; continue }
            break
        }
        return i
    }

    /// End of a word starting at `i`: letters, digits and marks, with single inner joiners.
    static func scanWord(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = buf.count
        var i = start
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                // ASCII: letters and digits continue the word; `'` and `-` join two parts.
                // (b | 0x20) folds upper-case letters onto lower-case ones (and nothing else onto them).
                if (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 { i += 1; continue }
                if (b == 0x27 || b == 0x2D) && i > start && i + 1 < n {
                    let next = classAt(buf, i + 1).0
                    if next == .letter || next == .digit { i += 1; continue }
                }
                break
            }
            let (c, l, v) = classAt(buf, i)
            if isWordClass(c) { i += l; continue }
            if isJoiner(v) && i > start && i + l < n {
                let next = classAt(buf, i + l).0
                if next == .letter || next == .digit { i += l; continue }
            }
            break
        }
        return i
    }

    // MARK: - Keys

    /// Keys of single ASCII bytes: the byte, upper-case letters folded to lower case.
    static let asciiKeys: [String] = (0..<128).map { b in
        let c = UInt8(b)
        return String(decoding: [(c >= 0x41 && c <= 0x5A) ? c | 0x20 : c], as: UTF8.self)
    }

    /// Number words that match their digits ("nine" and "9" are the same key).
    static let numberWords: [String: String] = [
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
        "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
        "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
        "hundred": "100", "dozen": "12",
    ]

    /// Number words packed into integers (up to eight lower-case ASCII bytes), sorted for search.
    static let packedNumberWords: [(packed: UInt64, digits: String)] = numberWords.compactMap { word, digits in
        word.utf8.count <= 8 ? (pack(word.utf8), digits) : nil
    }.sorted { $0.packed < $1.packed }

    /// Bit `c - 'a'` is set when some number word starts with lower-case letter `c`.
    static let numberWordInitials: UInt64 = numberWords.keys.reduce(0) { mask, word in
        guard let c = word.utf8.first, c >= 0x61 && c <= 0x7A else { return mask }
        return mask | (1 << UInt64(c - 0x61))
    }

    @inline(__always) static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b) }
        return v
    }

    /// Digits for a number word packed by `pack` (up to eight lower-case bytes).
    static func packedDigits(_ v: UInt64) -> String? {
        // Most words start with a letter no number word starts with.
        var first = v
        while first > 0xFF { first >>= 8 }
        if first < 0x61 || first > 0x7A || numberWordInitials & (1 << (first - 0x61)) == 0 { return nil }
        let table = packedNumberWords
        var lo = 0, hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[mid].packed < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < table.count && table[lo].packed == v ? table[lo].digits : nil
    }

    /// FNV-1a hash of the normalised key of one token, without building the key for ASCII tokens.
    ///
    /// Equal to `fnv1a(key(...))`; used where keys are only compared (similarity, sketches), so a
    /// 64-bit collision can at worst nudge a similarity score.
    package static func keyHash(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        switch kind {
        case .space:
            return (h ^ 0x20) &* 0x0000_0100_0000_01B3
        case .number:
            for k in range where buf[k] != 0x2C { h = (h ^ UInt64(buf[k])) &* 0x0000_0100_0000_01B3 }
            return h
        default:
            var ascii = true
            for k in range where buf[k] >= 0x80 { ascii = false; break }
            guard ascii else { break }
            if kind == .word && range.count >= 3 && range.count <= 9 {
                // A number word hashes as its digits.
                var packed: UInt64 = 0
                for k in range.prefix(8) {
                    let b = buf[k]
                    packed = packed << 8 | UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                }
                var digits: String? = nil
                if range.count == 9 {
                    let last = buf[range.upperBound - 1] | 0x20
                    if packed == pack("seventee".utf8) && last == 0x6E { digits = "17" }
                } else {
                    digits = packedDigits(packed)
                }
                if let digits { return fnv1a(digits) }
            }
            for k in range {
                let b = buf[k]
                if kind == .percent && b == 0x2C { continue }
                h = (h ^ UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)) &* 0x0000_0100_0000_01B3
            }
            return h
        }
        return fnv1a(key(buf, kind: kind, range: range))
    }

    /// Appends the bytes of `key(buf, kind:, range:)` to `out`, building a string only for
    /// tokens with non-ASCII letters.
    static func appendKey(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>, to out: inout [UInt8]) {
        switch kind {
        case .space: out.append(0x20)
        case .number: for k in range where buf[k] != 0x2C { out.append(buf[k]) }
        case .punctuation, .currency, .percent, .cjk, .word:
            for k in range where buf[k] >= 0x80 {
                out.append(contentsOf: key(buf, kind: kind, range: range).utf8)
                return
            }
            if kind == .word && range.count >= 3 && range.count <= 9 {
                var packed: UInt64 = 0
                for k in range.prefix(8) {
                    let b = buf[k]
                    packed = packed << 8 | UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                }
                var digits: String? = nil
                if range.count == 9 {
                    if packed == pack("seventee".utf8) && buf[range.upperBound - 1] | 0x20 == 0x6E { digits = "17" }
                } else {
                    digits = packedDigits(packed)
                }
                if let digits { out.append(contentsOf: digits.utf8); return }
            }
            for k in range {
                let b = buf[k]
                if kind == .percent && b == 0x2C { continue }
                out.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
            }
        }
    }

    /// The normalised key of one token.
    package static func key(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>) -> String {
        switch kind {
        case .space: return " "
        case .number:
            // Drop thousands separators (commas); a period stays a decimal point.
            return String(unsafeUninitializedCapacity: range.count) { out in
                var n = 0
                for k in range where buf[k] != 0x2C { out[n] = buf[k]; n += 1 }
                return n
            }
        case .punctuation, .currency, .percent, .cjk, .word:
            var ascii = true
            for k in range where buf[k] >= 0x80 { ascii = false; break }
            if ascii {
                // One byte (punctuation, a letter, a digit): a ready-made key, nothing to build.
                if range.count == 1 { return asciiKeys[Int(buf[range.lowerBound])] }
                // A number word: its digits, without building the word first.
                if kind == .word && range.count >= 3 && range.count <= 9 {
                    var packed: UInt64 = 0
                    for k in range.prefix(8) {
                        let b = buf[k]
                        packed = packed << 8 | UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                    }
                    if range.count == 9 {
                        if packed == pack("seventee".utf8) && buf[range.upperBound - 1] | 0x20 == 0x6E { return "17" }
                    } else if let d = packedDigits(packed) {
                        return d
                    }
                }
                return String(unsafeUninitializedCapacity: range.count) { out in
                    var n = 0
                    for k in range {
                        let b = buf[k]
                        if kind == .percent && b == 0x2C { continue }
                        out[n] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                        n += 1
                    }
                    return n
                }
            }
            let raw = String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self)
            var folded = ""
            folded.unicodeScalars.reserveCapacity(raw.unicodeScalars.count)
            for s in raw.unicodeScalars {
                switch s.value {
                case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x0060: folded.unicodeScalars.append("'")
                case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: folded.unicodeScalars.append("\"")
                case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: folded.unicodeScalars.append("-")
                case 0x200B, 0x200C, 0x200D, 0xFEFF: break
                default: folded.unicodeScalars.append(s)
                }
            }
            return folded.lowercased()
        }
    }
}
