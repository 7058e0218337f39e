/// Detects an input's format from its content (SPEC "Inputs").
public enum FormatDetector {
    /// The most likely format of `source`.
    public static func detect(_ source: SourceText) -> DocumentFormat {
        let text = source.string
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") { return .frontmatter }
        if text.contains("{{") || text.contains("[[") || text.contains("<ref") || text.contains("\n==") { return .wikitext }
        if text.contains("**") || text.contains("\n- ") { return .markdown }
        return .plaintext
    }
}
