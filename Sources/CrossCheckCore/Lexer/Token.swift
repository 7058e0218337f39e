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

/// The differ's keys: the normalised form under which two tokens match.
extension Lexer {
    // MARK: - Keys

    /// Keys of single ASCII bytes: the byte, upper-case letters folded to lower case.
    static let asciiKeys: [String] = (0..<128).map { b in
        let c = UInt8(b)
        return String(decoding: [(c >= 0x41 && c <= 0x5A) ? c | 0x20 : c], as: UTF8.self)
    }

    /// Number words packed into integers (up to eight lower-case ASCII bytes), sorted for search.
    static let packedNumberWords: [(packed: UInt64, digits: String)] = LexTables.digitWords.compactMap { word, digits in
        word.utf8.count <= 8 ? (pack(word.utf8), digits) : nil
    }.sorted { $0.packed < $1.packed }

    /// Bit `c - 'a'` is set when some number word starts with lower-case letter `c`.
    static let numberWordInitials: UInt64 = LexTables.digitWords.keys.reduce(0) { mask, word in
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
            // A number word hashes as its digits.
            if kind == .word, let digits = numberWordDigits(buf, range) { return Lexer.fnv1a(digits) }
            for k in range {
                let b = buf[k]
                if kind == .percent && b == 0x2C { continue }
                h = (h ^ UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)) &* 0x0000_0100_0000_01B3
            }
            return h
        }
        return Lexer.fnv1a(key(buf, kind: kind, range: range))
    }

    /// The digits an ASCII number word stands for ("seventeen" -> "17"), read from at most its
    /// first eight bytes packed into one integer; nil for any other word.
    @inline(__always) static func numberWordDigits(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard range.count >= 3 && range.count <= 9 else { return nil }
        var packed: UInt64 = 0
        for k in range.prefix(8) {
            let b = buf[k]
            packed = packed << 8 | UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
        }
        if range.count == 9 {
            return packed == pack("seventee".utf8) && buf[range.upperBound - 1] | 0x20 == 0x6E ? "17" : nil
        }
        return packedDigits(packed)
    }

    /// Appends the bytes of `key(buf, kind:, range:)` to `out`, building a string only for
    /// tokens with non-ASCII letters.
    package static func appendKey(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>, to out: inout [UInt8]) {
        switch kind {
        case .space: out.append(0x20)
        case .number: for k in range where buf[k] != 0x2C { out.append(buf[k]) }
        case .punctuation, .currency, .percent, .cjk, .word:
            for k in range where buf[k] >= 0x80 {
                out.append(contentsOf: key(buf, kind: kind, range: range).utf8)
                return
            }
            if kind == .word, let digits = numberWordDigits(buf, range) { out.append(contentsOf: digits.utf8); return }
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

    /// A deterministic 64-bit FNV-1a hash (Swift's `Hasher` is seeded per process).
    @inline(__always) package static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
