import CrossCheckCore

/// One input format: how to recognise it and how to read it into the document model.
///
/// Every format is one type conforming to this protocol plus one line in `FormatRegistry`;
/// detection, `parse --as`, manifests and variant loading all find it there.
package protocol FormatParser {
    /// The format's name (manifest `format`, `parse --as`, reports).
    static var format: DocumentFormat { get }
    /// File extensions (lower case, no dot) that suggest this format; they only break ties.
    static var fileExtensions: [String] { get }
    /// How strongly the signals of one scan say "this format" (0: not at all).
    ///
    /// Scores of different formats are compared with each other; the highest wins.
    static func score(_ signals: FormatSignals) -> Double
    /// Parses `source`, reusing `previous` (an earlier revision in the same format) where the
    /// format supports it; the result must equal a parse without `previous`.
    static func parse(_ source: SourceText, previous: Document?) throws(CrossCheckError) -> Document
    /// The role a document of this format plays when the manifest does not say.
    static func role(of document: Document) -> VariantRole
}

extension FormatParser {
    package static func role(of document: Document) -> VariantRole { .revision }
}

/// The registered input formats. Order matters only to break exact ties in detection.
package enum FormatRegistry {
    package static let all: [any FormatParser.Type] = [
        PlainTextParser.self,
        MarkdownParser.self,
        WikitextParser.self,
        FrontMatterParser.self,
    ]

    /// The parser registered for `format`, if any.
    package static func parser(for format: DocumentFormat) -> (any FormatParser.Type)? {
        all.first { $0.format == format }
    }

    /// The registered names, for messages ("wikitext, plaintext, ...").
    package static var names: [String] { all.map { $0.format.rawValue } }
}
