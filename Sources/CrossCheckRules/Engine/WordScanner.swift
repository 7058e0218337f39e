import CrossCheckCore

/// The text rules' view of the one lexer (`Lexer` with its `Words` profile; see `Lexer` for what
/// a word is and how the views differ).
///
/// A word is a maximal run of letters, marks and digits in any script, with apostrophes (`'`, `’`)
/// kept when they sit between word characters. Hyphens, dashes and all other punctuation separate
/// words. Each word carries whether it sits in a link or code-like chunk (`WordToken.inLinkOrCode`).
package enum WordScanner {
    /// The words of `text` in order.
    package static func words(in text: String) -> [WordToken] { Lexer.words(in: text) }

    /// Lower-cases ASCII letters.
    package static func lower(_ s: String) -> String { Lexer.asciiLower(s) }

    /// Whether `text` contains `needle` (already lower-cased with `lower`) with ASCII letters
    /// compared case-blind: a byte scan that rules out texts before they are tokenised, since a
    /// word whose `lowered` equals `needle` is such an occurrence.
    package static func mayContain(_ text: String, lowered needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var t = text
        return t.withUTF8 { b -> Bool in
            let n = needle.count
            guard b.count >= n else { return false }
            var i = 0
            while i <= b.count - n {
                var c = b[i]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c == first {
                    var k = 1
                    while k < n {
                        var x = b[i + k]
                        if x >= 0x41 && x <= 0x5A { x |= 0x20 }
                        if x != needle[k] { break }
                        k += 1
                    }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// True for an ASCII letter (a word boundary test next to an ASCII word).
    package static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// The byte length of the word character at `i` (the lexer's letters, digits, marks, CJK and
    /// Thai), or 0 when the scalar there ends a word.
    package static func wordByteLength(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        return b.withUnsafeBufferPointer { buf -> Int in
            let (cls, length, _) = Lexer.classAt(buf, i)
            switch cls {
            case .letter, .digit, .mark, .cjk, .thai: return i + length <= buf.count ? length : 0
            case .space, .currency, .other: return 0
            }
        }
    }
}
