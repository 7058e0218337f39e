import CrossCheckCore
/// Parses a rendered article (plain text with `#` headings) into the document model.
///
/// Headings nest by their `#` depth; a first title line and a single top-level `# Title` that
/// repeats it name the document (the text under it is the lead). Paragraphs are separated by
/// blank lines; `*italic*` and `**bold**` markers are removed; superscript footnote marks (`²⁸¹`)
/// and `[12]` marks become citations on the sentence they follow. No links or key/value fields:
/// a rendered article has none.
package enum PlainTextParser {
    package static func parse(_ source: SourceText) throws(CrossCheckError) -> Document {
        MarkdownParser.parse(source, from: source.contentStart, format: .plaintext, markdown: false, titleLine: true)
    }
}
