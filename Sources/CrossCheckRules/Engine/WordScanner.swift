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
}
