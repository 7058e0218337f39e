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

extension PlainTextParser: FormatParser {
    package static var format: DocumentFormat { .plaintext }
    package static var fileExtensions: [String] { ["txt", "text"] }

    /// Prose alone fits every format; it counts for a rendered article only next to its own marks
    /// (footnote marks or `#` headings), so markup-free text falls to the extension.
    package static func score(_ s: FormatSignals) -> Double {
        let rendered = s.footnoteMarks > 0 || s.atxHeadings > 0
        return 3 * cap(s.footnoteMarks, 30) + (rendered ? 0.5 * cap(s.proseLines, 100) + 1 : 0)
    }

    package static func parse(_ source: SourceText, previous: Document?) throws(CrossCheckError) -> Document {
        try parse(source)
    }
}
