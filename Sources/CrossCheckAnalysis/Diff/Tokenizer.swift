import CrossCheckCore

/// The differ's view of the one lexer (`Lexer` with its `Differ` profile; see `Lexer` for what a
/// token is and how the views differ).
///
/// Every byte of the text belongs to exactly one token: words (letters, digits and marks with inner
/// apostrophes and hyphens), numbers with thousands separators and decimals, currency symbols and
/// codes, percentages, one token per CJK ideograph or kana, one per Thai character with its marks,
/// whitespace runs and single punctuation marks.
package enum Tokenizer {
    /// Tokens of `text` with byte ranges into `text.utf8`.
    package static func tokens(_ text: String) -> [Token] {
        var t = text
        return t.withUTF8 { Lexer.differTokens($0) }
    }

    /// Tokens of UTF-8 `bytes`.
    package static func tokens(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { Lexer.differTokens($0) }
    }

    /// Tokens of a UTF-8 buffer.
    package static func tokens(_ buf: UnsafeBufferPointer<UInt8>) -> [Token] { Lexer.differTokens(buf) }

    /// Kinds and ranges only (no keys): the differ's fast path.
    package static func spans(_ buf: UnsafeBufferPointer<UInt8>) -> [(kind: TokenKind, range: Range<Int>)] {
        var out: [(kind: TokenKind, range: Range<Int>)] = []
        out.reserveCapacity(buf.count / 3 + 1)
        Lexer.scanDiffer(buf) { out.append(($0, $1)) }
        return out
    }

    /// Calls `emit` for every token of `buf` in order; the ranges tile the buffer.
    @inline(__always)
    package static func scan(_ buf: UnsafeBufferPointer<UInt8>, _ emit: (TokenKind, Range<Int>) -> Void) {
        Lexer.scanDiffer(buf, emit)
    }

    /// FNV-1a hash of the normalised key of one token (`Lexer.keyHash`).
    @inline(__always)
    package static func keyHash(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>) -> UInt64 {
        Lexer.keyHash(buf, kind: kind, range: range)
    }

    /// Appends the bytes of the token's key to `out` (`Lexer.appendKey`).
    @inline(__always)
    static func appendKey(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>, to out: inout [UInt8]) {
        Lexer.appendKey(buf, kind: kind, range: range, to: &out)
    }

    /// The normalised key of one token (`Lexer.key`).
    package static func key(_ buf: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>) -> String {
        Lexer.key(buf, kind: kind, range: range)
    }
}
