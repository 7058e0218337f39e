/// Parses FrontMatter input into the document model. (Placeholder: paragraphs only.)
public enum FrontMatterParser {
    public static func parse(_ source: SourceText) throws(CrossCheckError) -> Document {
        var builder = SectionBuilder(lines: source.lines, leadStart: source.contentStart)
        var text = PlainTextBuilder()
        var i = source.contentStart
        let bytes = source.bytes
        while i < bytes.count {
            if bytes[i] == 0x0A, i + 1 < bytes.count, bytes[i + 1] == 0x0A { builder.add(text.finish()) }
            text.append(byte: bytes[i], at: i)
            i += 1
        }
        builder.add(text.finish())
        return Document(source: source, format: .frontmatter, sections: builder.finish(at: bytes.count))
    }
}
