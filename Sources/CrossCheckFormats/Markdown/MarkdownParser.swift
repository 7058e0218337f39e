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
