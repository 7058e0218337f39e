/// A word of plain text in the text rules' view (`Lexer.words(in:)`): its text and byte range.
package struct WordToken: Sendable, Hashable {
    /// The word as written (letters, digits, marks, inner apostrophes).
    package var text: String
    /// Byte range in the scanned text.
    package var range: Range<Int>
    /// True when the word sits in a URL, e-mail address, path, hashtag, handle or code-like chunk
    /// (a run of non-space characters holding `/`, `@`, `_`, `#`, `=`, `\`, `<`, `>`, `{`, `}`,
    /// a backquote, or a dot between letters).
    package var inLinkOrCode: Bool
    /// True when the word holds an ASCII digit.
    package var hasDigit: Bool
    /// True when every byte is ASCII.
    package var isASCII: Bool

    /// The word lower-cased (ASCII letters only; other bytes unchanged).
    package var lowered: String { Lexer.asciiLower(text) }
}

/// A token of plain text for the value normalisers (`Lexer.factTokens`): a word, an ASCII digit run
/// or one punctuation mark.
///
/// The normalisers match short patterns ("18 February 2022", "US$ 1.2 billion") over tokens
/// instead of regular expressions, so a scan is one pass over the UTF-8 bytes.
package struct FactToken: Sendable, Hashable {
    package enum Kind: Sendable, Hashable { case word, number, punct }
    package var kind: Kind
    /// UTF-8 byte range in the scanned text.
    package var start: Int
    package var end: Int

    package init(kind: Kind, start: Int, end: Int) {
        self.kind = kind; self.start = start; self.end = end
    }
}

extension Lexer {
    // MARK: - The differ's view

    /// Calls `emit` for every differ token of `buf` in order; the ranges tile the buffer.
    package static func scanDiffer(_ buf: UnsafeBufferPointer<UInt8>, _ emit: (TokenKind, Range<Int>) -> Void) {
        scan(Differ.self, buf, emit)
    }

    /// Differ tokens of a UTF-8 buffer, with keys.
    package static func differTokens(_ buf: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(buf.count / 3 + 1)
        scan(Differ.self, buf) { kind, range in
            out.append(Token(kind: kind, range: range, key: key(buf, kind: kind, range: range)))
        }
        return out
    }

    /// A heading's key for matching headings, within a document (`duplicate-section`) and across
    /// documents (the section aligner): the differ's keys of its content tokens joined by single
    /// spaces, so case in every script, typographic quotes and dashes, thousands separators and
    /// number words ("Nine" = "9") are folded, and punctuation and spacing are dropped.
    package static func headingKey(_ heading: String) -> String {
        var out: [UInt8] = []
        var t = heading
        t.withUTF8 { buf in
            out.reserveCapacity(buf.count)
            var first = true
            scan(Differ.self, buf) { kind, range in
                guard kind != .space && kind != .punctuation else { return }
                if !first { out.append(0x20) }
                first = false
                appendKey(buf, kind: kind, range: range, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - The value normalisers' view

    /// Fact tokens of UTF-8 bytes: words, ASCII digit runs and single punctuation marks; whitespace
    /// is skipped.
    package static func factTokens(_ bytes: [UInt8]) -> [FactToken] {
        var out: [FactToken] = []
        out.reserveCapacity(bytes.count / 4)
        bytes.withUnsafeBufferPointer { buf in
            scan(Facts.self, buf) { kind, r in
                switch kind {
                case .space: break
                case .number: out.append(FactToken(kind: .number, start: r.lowerBound, end: r.upperBound))
                case .punctuation, .currency, .percent: out.append(FactToken(kind: .punct, start: r.lowerBound, end: r.upperBound))
                case .word, .cjk: out.append(FactToken(kind: .word, start: r.lowerBound, end: r.upperBound))
                }
            }
        }
        return out
    }

    // MARK: - The text rules' view

    /// The words of `text` in order, with their link-or-code flags.
    package static func words(in text: String) -> [WordToken] {
        let b = Array(text.utf8)
        let n = b.count
        var out: [WordToken] = []
        // Code-likeness is decided per whitespace-separated chunk.
        var chunkEnd = 0
        var chunkCode = false
        b.withUnsafeBufferPointer { buf in
            scan(Words.self, buf) { kind, r in
                guard kind == .word || kind == .cjk || kind == .number else { return }
                var hasDigit = false, ascii = true
                for k in r {
                    if buf[k] &- 0x30 < 10 { hasDigit = true }
                    if buf[k] >= 0x80 { ascii = false }
                }
                if r.lowerBound >= chunkEnd {
                    var chunkStart = r.lowerBound
                    while chunkStart > 0 && !isChunkSpace(buf[chunkStart - 1]) { chunkStart -= 1 }
                    chunkEnd = r.lowerBound
                    while chunkEnd < n && !isChunkSpace(buf[chunkEnd]) { chunkEnd += 1 }
                    chunkCode = isCodeChunk(buf, chunkStart, chunkEnd)
                }
                let t = String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
                out.append(WordToken(text: t, range: r, inLinkOrCode: chunkCode, hasDigit: hasDigit, isASCII: ascii))
            }
        }
        return out
    }

    /// Lower-cases ASCII letters.
    package static func asciiLower(_ s: String) -> String {
        var bytes = Array(s.utf8)
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] += 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func isChunkSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    static func isCodeChunk(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            switch b[k] {
            case 0x2F, 0x40, 0x5F, 0x23, 0x3D, 0x5C, 0x3C, 0x3E, 0x7B, 0x7D, 0x60: return true  // / @ _ # = \ < > { } `
            case 0x2E:  // a dot between letters ("example.com", "file.txt")
                if k > s, k + 1 < e, isASCIILetter(b[k - 1]), isASCIILetter(b[k + 1]) { return true }
            default: break
            }
            k += 1
        }
        return false
    }

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
}
