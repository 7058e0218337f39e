/// The lexer's one Unicode classifier: the coarse class of a scalar, decoded from UTF-8 bytes.
///
/// Letters are the Unicode letter categories in every script (plus letter-like numbers such as `½`
/// and `Ⅻ`), digits the decimal digits of every script, marks the combining marks (and the
/// zero-width space, joiners and BOM, which stay inside a word). Han ideographs and kana are `cjk`,
/// Thai letters `thai` (both scripts are written without spaces between words). Every other
/// scalar that is not whitespace or a currency sign is `other` (punctuation and symbols).
package enum LexClass: UInt8, Sendable { case letter, digit, mark, cjk, thai, space, currency, other }

extension Lexer {
    @inline(__always) static func asciiClass(_ b: UInt8) -> LexClass {
        switch b {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: return .space
        case 0x24: return .currency
        default: return .other
        }
    }

    /// Class of one Unicode scalar value.
    package static func scalarClass(_ v: UInt32) -> LexClass {
        if v < 0x80 { return asciiClass(UInt8(v)) }
        if v < tableLimit { return table[Int(v)] }
        return computedClass(v)
    }

    /// Scalars below this (Latin, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts,
    /// Sinhala, Thai) are classified by a table built once (about 3,700 look-ups, well under a
    /// millisecond), instead of a Unicode property look-up per scalar; CJK is recognised by ranges
    /// before any look-up.
    static let tableLimit: UInt32 = 0x0E80
    static let table: [LexClass] = (0..<tableLimit).map { computedClass($0) }

    /// Class of one Unicode scalar value, from its ranges and general category.
    static func computedClass(_ v: UInt32) -> LexClass {
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
            return .cjk
        case 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20: return .other  // CJK punctuation, fullwidth punctuation
        default: break
        }
        guard let s = Unicode.Scalar(v) else { return .other }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .digit
        case .letterNumber, .otherNumber: return .letter
        case .currencySymbol: return .currency
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        default: return .other
        }
    }

    /// Decodes the scalar at `i` (valid UTF-8 assumed; an invalid or truncated byte decodes as
    /// itself, length 1).
    @inline(__always) package static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, length: Int) {
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

    /// Class, byte length and scalar value of the scalar at `i`.
    @inline(__always) package static func classAt(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (LexClass, Int, UInt32) {
        let b = buf[i]
        if b < 0x80 { return (asciiClass(b), 1, UInt32(b)) }
        let d = decode(buf, i)
        return (scalarClass(d.value), d.length, d.value)
    }
}
