/// A token of plain text for the value normalisers: a word, a digit run or one punctuation mark.
///
/// The normalisers match short patterns ("18 February 2022", "US$ 1.2 billion") over tokens
/// instead of regular expressions, so a scan is one pass over the UTF-8 bytes.
package struct FactToken: Sendable, Hashable {
    package enum Kind: Sendable, Hashable { case word, number, punct }
    package var kind: Kind
    /// UTF-8 byte range in the scanned text.
    package var start: Int
    package var end: Int
}

/// Splits UTF-8 bytes into `FactToken`s in one pass.
///
/// Words are runs of ASCII letters (plus an inner apostrophe); non-ASCII letters (Latin-1
/// supplement and beyond, except punctuation such as dashes and quotes) join words too.
/// Digits form number tokens; every other non-space scalar is one punctuation token.
package enum FactTokenizer {
    package static func tokens(_ b: [UInt8]) -> [FactToken] {
        var out: [FactToken] = []
        out.reserveCapacity(b.count / 4)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
            if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { i += 2; continue }  // no-break space
            if isDigit(c) {
                let s = i
                while i < n, isDigit(b[i]) { i += 1 }
                out.append(FactToken(kind: .number, start: s, end: i))
                continue
            }
            if isASCIILetter(c) || isWordLead(b, i) {
                let s = i
                while i < n {
                    if isASCIILetter(b[i]) { i += 1; continue }
                    if isWordLead(b, i) { i += scalarLength(b[i]); continue }
                    if b[i] == 0x27, i + 1 < n, isASCIILetter(b[i + 1]), i > s { i += 1; continue }
                    break
                }
                out.append(FactToken(kind: .word, start: s, end: min(i, n)))
                i = min(i, n)
                continue
            }
            let len = c < 0x80 ? 1 : scalarLength(c)
            out.append(FactToken(kind: .punct, start: i, end: min(n, i + len)))
            i += len
        }
        return out
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func scalarLength(_ c: UInt8) -> Int { c < 0xC0 ? 1 : (c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)) }

    /// True at the start of a non-ASCII letter: two-byte scalars (accented Latin, Greek,
    /// Cyrillic) and CJK ideographs; not general punctuation (U+2000–U+206F) or symbols.
    static func isWordLead(_ b: [UInt8], _ i: Int) -> Bool {
        let c = b[i]
        guard c >= 0xC3 else { return false }
        if c < 0xE0 { return !(c == 0xC2) }
        if c == 0xE2 || c == 0xE3 && i + 1 < b.count && b[i + 1] < 0x81 { return false }
        if c == 0xEF { return false }  // full-width forms and specials
        return c < 0xF0
    }

    /// Lower-cased ASCII text of a token.
    package static func lower(_ b: [UInt8], _ t: FactToken) -> String {
        var s = [UInt8]()
        s.reserveCapacity(t.end - t.start)
        for k in t.start..<t.end { let c = b[k]; s.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        return String(decoding: s, as: UTF8.self)
    }

    /// Integer value of a digit token (nil past 18 digits).
    static func intValue(_ b: [UInt8], _ t: FactToken) -> Int? {
        guard t.end - t.start <= 18 else { return nil }
        var v = 0
        for k in t.start..<t.end { v = v * 10 + Int(b[k] - 0x30) }
        return v
    }

    /// True when only spaces (at most `max` bytes of them) separate the two offsets.
    static func spaceGap(_ b: [UInt8], _ from: Int, _ to: Int, max: Int = 3) -> Bool {
        guard to >= from, to - from <= max else { return false }
        var k = from
        while k < to {
            if b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A { k += 1; continue }
            if b[k] == 0xC2, k + 1 < to, b[k + 1] == 0xA0 { k += 2; continue }
            return false
        }
        return true
    }
}

/// ASCII-lower-cased UTF-8 bytes of a text with substring search, for cheap keyword tests
/// before the slower pattern code runs (Foundation's string search is slow on Linux).
package struct LowerText {
    package let bytes: [UInt8]

    package init(_ s: String) {
        var b = Array(s.utf8)
        for i in b.indices where b[i] >= 0x41 && b[i] <= 0x5A { b[i] |= 0x20 }
        bytes = b
    }

    /// Byte offset of the first occurrence of `pattern` (lower-case ASCII) at or after `from`.
    package func find(_ pattern: String, from: Int = 0) -> Int? {
        var pattern = pattern
        return pattern.withUTF8 { p -> Int? in
            guard p.count > 0, p.count <= bytes.count else { return nil }
            return bytes.withUnsafeBufferPointer { h -> Int? in
                let first = p[0]
                var i = max(0, from)
                let last = h.count - p.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < p.count && h[i + k] == p[k] { k += 1 }
                        if k == p.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    package func contains(_ pattern: String) -> Bool { find(pattern) != nil }

    /// True when any of the patterns occurs.
    package func containsAny(_ patterns: [String]) -> Bool { patterns.contains { find($0) != nil } }
}
