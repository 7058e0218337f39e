import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

/// Parses an in-memory wikitext snippet.
func wikitextDoc(_ text: String) throws -> Document {
    try WikitextParser.parse(source(text, path: "snippet.wiki"))
}

/// Every sentence's text in document order.
func wikitextSentences(_ doc: Document) -> [String] {
    doc.allSentences.map(\.sentence.text)
}

/// All sentence text of a snippet joined with " | ".
func wikitextText(_ text: String) throws -> String {
    wikitextSentences(try wikitextDoc(text)).joined(separator: " | ")
}

/// Markup that must never reach plain text.
let wikitextLeakMarkers = ["{{", "}}", "[[", "]]", "<ref", "</ref", "'''", "''", "<!--", "-->", "{|", "|}"]

/// Sentences and field values of `doc` that contain leaked markup.
func wikitextLeaks(_ doc: Document) -> [String] {
    let texts = doc.allSentences.map(\.sentence.text) + doc.fields.map(\.value)
    return texts.filter { t in wikitextLeakMarkers.contains { t.contains($0) } }
}
