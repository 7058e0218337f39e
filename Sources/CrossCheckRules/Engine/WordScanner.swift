import CrossCheckCore
import CrossCheckAnalysis
/// A word of plain text found by `WordScanner`: its text and byte range in the scanned string.
package struct WordToken: Sendable, Hashable {
    /// The word as written (letters, digits, inner apostrophes).
    package var text: String
    /// Byte range in the scanned text.
    package var range: Range<Int>
    /// True when the word sits in a URL, e-mail address, path, hashtag, handle or code-like chunk
    /// (a run of non-space characters holding `/`, `@`, `_`, `#`, `=`, `\`, `<`, `>`, or a dot between letters).
    package var inLinkOrCode: Bool
    /// True when the word holds an ASCII digit.
    package var hasDigit: Bool
    /// True when every letter is ASCII.
    package var isASCII: Bool

    /// The word lower-cased (ASCII letters only; other bytes unchanged).
    package var lowered: String { WordScanner.lower(text) }
}

/// Splits plain text into words on UTF-8 bytes (linear; no `Character` iteration).
///
/// A word is a maximal run of letters and digits (any non-ASCII scalar outside general punctuation
/// counts as a letter), with apostrophes (`'`, `’`) kept when they sit between letters. Hyphens,
/// dashes and all other punctuation separate words.
package enum WordScanner {
    /// The words of `text` in order.
    package static func words(in text: String) -> [WordToken] {
        let b = Array(text.utf8)
        let n = b.count
        var out: [WordToken] = []
        var i = 0
        // Code-likeness is decided per whitespace-separated chunk.
        var chunkStart = 0
        var chunkEnd = 0
        var chunkCode = false
        while i < n {
            let w = wordByteLength(b, i)
            guard w > 0 else { i += 1; continue }
            let start = i
            var hasDigit = false
            var ascii = true
            while i < n {
                let l = wordByteLength(b, i)
                if l > 0 {
                    if b[i] >= 0x30 && b[i] <= 0x39 { hasDigit = true }
                    if b[i] >= 0x80 { ascii = false }
                    i += l
                    continue
                }
                // Apostrophe between letters: ' or ’ (E2 80 99).
                let al = b[i] == 0x27 ? 1 : (i + 2 < n && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x99 ? 3 : 0)
                if al > 0, i + al < n, wordByteLength(b, i + al) > 0, i > start {
                    i += al
                    continue
                }
                break
            }
            if start >= chunkEnd {
                chunkStart = start
                while chunkStart > 0 && !isSpace(b[chunkStart - 1]) { chunkStart -= 1 }
                chunkEnd = start
                while chunkEnd < n && !isSpace(b[chunkEnd]) { chunkEnd += 1 }
                chunkCode = isCodeChunk(b, chunkStart, chunkEnd)
            }
            let t = String(decoding: b[start..<i], as: UTF8.self)
            out.append(WordToken(text: t, range: start..<i, inLinkOrCode: chunkCode, hasDigit: hasDigit, isASCII: ascii))
        }
        return out
    }

    /// Lower-cases ASCII letters.
    package static func lower(_ s: String) -> String {
        var bytes = Array(s.utf8)
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] += 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Byte length of the letter or digit scalar at `i`, or 0 when it is not one.
    static func wordByteLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 {
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) ? 1 : 0
        }
        let len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : (c >= 0xC0 ? 2 : 1))
        guard i + len <= b.count else { return 0 }
        if c == 0xC2 { return 0 }  // Latin-1 punctuation and symbols, NBSP
        if c == 0xC3 && (b[i + 1] == 0x97 || b[i + 1] == 0xB7) { return 0 }  // × ÷
        if c == 0xE2 { return 0 }  // general punctuation, symbols, arrows
        if c == 0xE3 && b[i + 1] == 0x80 { return 0 }  // CJK punctuation
        if c == 0xEF && (b[i + 1] == 0xBC || b[i + 1] == 0xBB || b[i + 1] == 0xBD) && !(b[i + 1] == 0xBC && b[i + 2] >= 0xA1) { return 0 }  // fullwidth punctuation, BOM
        if c < 0xC0 { return 0 }
        return len
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    static func isCodeChunk(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            switch b[k] {
            case 0x2F, 0x40, 0x5F, 0x23, 0x3D, 0x5C, 0x3C, 0x3E, 0x7B, 0x7D, 0x60: return true  // / @ _ # = \ < > { } `
            case 0x2E:  // a dot between letters ("example.com", "file.txt")
                if k > s, k + 1 < e, isLetter(b[k - 1]), isLetter(b[k + 1]) { return true }
            default: break
            }
            k += 1
        }
        return false
    }

    static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
}
