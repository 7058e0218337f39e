import CrossCheckCore
/// Parses a CommonMark-style document (e.g. a model-written summary) into the document model.
///
/// ATX and setext headings, paragraphs, nested bullet and numbered lists (one list-item block per
/// item), `**Key**: value` items and two-column tables as fields, links reduced to their labels
/// (targets kept in `Document.links`), code kept out of the sentences, HTML comments removed and
/// `crosscheck-disable...` comments turned into suppressions. A single top-level `# Title` that
/// precedes every other heading is the document title, not a section.
package enum MarkdownParser {
    package static func parse(_ source: SourceText) throws(CrossCheckError) -> Document {
        parse(source, from: source.contentStart, format: .markdown)
    }

    /// Parses the markdown in `source` from byte `start` on (a front-matter body starts later).
    static func parse(
        _ source: SourceText, from start: Int, format: DocumentFormat, lead: [TextBlock] = [],
        markdown: Bool = true, titleLine: Bool = false
    ) -> Document {
        var blocks = MarkupBlocks(src: source.bytes, markdown: markdown, lines: source.lines)
        blocks.parse(start..<source.bytes.count)
        var builder = SectionBuilder(lines: source.lines, leadStart: start)
        for block in lead { builder.add(block) }
        let result = MarkupBlocks.assemble(
            blocks.events, builder: &builder, end: source.bytes.count, titleLine: titleLine)
        var document = Document(
            source: source, format: format, title: result.title, fields: result.fields, sections: result.sections,
            suppressions: blocks.suppressions)
        document.links = blocks.inline.links
        return document
    }
}

extension MarkdownParser: FormatParser {
    package static var format: DocumentFormat { .markdown }
    package static var fileExtensions: [String] { ["md", "markdown"] }

    package static func score(_ s: FormatSignals) -> Double {
        4 * cap(s.keyLines, 25) + cap(s.bullets, 40) + 3 * cap(s.mdLinks, 25) + 3 * cap(s.fences, 10)
            + 4 * cap(s.tableRules, 5) + 2 * cap(s.inlineCode, 10) + (s.atxHeadings > 0 && (s.bullets > 0 || s.mdLinks > 0) ? 3 : 0)
    }

    package static func parse(_ source: SourceText, previous: Document?) throws(CrossCheckError) -> Document {
        try parse(source)
    }

    /// A cited markdown text without key lists or tables is an article rendering; otherwise a digest.
    package static func role(of document: Document) -> VariantRole {
        if document.citationCount > 0 && !document.fields.contains(where: { $0.origin == .list || $0.origin == .table }) {
            return .revision
        }
        return .summary
    }
}
