/// The value normalisers' view of the one lexer (`Lexer` with its `Facts` profile; see `Lexer`
/// for what a token is and how the views differ), with helpers for reading fact tokens.
///
/// Words are runs of letters and marks in any script with inner apostrophes; ASCII digit runs are
/// numbers; every other non-space scalar is one punctuation token; whitespace is skipped.
package enum FactTokenizer {
    package static func tokens(_ b: [UInt8]) -> [FactToken] { Lexer.factTokens(b) }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    /// Lower-cased ASCII text of a token.
    ///
    /// Written straight into the string's storage (a short word needs no allocation at all):
    /// the normalisers ask for words at every number they read.
    package static func lower(_ b: [UInt8], _ t: FactToken) -> String {
        let n = t.end - t.start
        guard n > 0 else { return "" }
        return String(unsafeUninitializedCapacity: n) { s in
            for k in 0..<n {
                let c = b[t.start + k]
                s[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            }
            return n
        }
    }

    /// True when token `k` is a word whose lower-cased text is `w` (lower-case ASCII), compared
    /// on bytes without making the word's string.
    package static func wordIs(_ b: [UInt8], _ t: [FactToken], _ k: Int, _ w: String) -> Bool {
        guard k >= 0, k < t.count, t[k].kind == .word, t[k].end - t[k].start == w.utf8.count else { return false }
        var i = t[k].start
        for c in w.utf8 {
            let x = b[i]
            if (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) != c { return false }
            i += 1
        }
        return true
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
