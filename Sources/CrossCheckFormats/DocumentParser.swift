import CrossCheckCore
/// Reads a source file into the document model, detecting its format when none is given.
package enum DocumentParser {
    /// Parses `source` as `format` (detected from content when nil).
    ///
    /// Role and date are inferred here; a manifest may override them afterwards.
    package static func parse(_ source: SourceText, format: DocumentFormat? = nil) throws(CrossCheckError) -> Document {
        try parse(source, format: format, previous: nil)
    }

    /// Parses `source` as `format`, reusing the parse of `previous` (an earlier revision of the
    /// same article, in the same format) where the bytes did not change.
    ///
    /// The result equals what `parse(_:format:)` gives; only the work differs. Worth it for a
    /// stream of revisions or an edit gate, where most sections are untouched. A `date` known from
    /// elsewhere (an export's revision timestamp) is the document's date, and spares reading the
    /// text for one.
    package static func parse(
        _ source: SourceText, format: DocumentFormat? = nil, previous: Document?, date: PartialDate? = nil
    ) throws(CrossCheckError) -> Document {
        let format = format ?? FormatDetector.detect(source)
        // Escaped tags (`&lt;ref&gt;`) are decoded first, so reference bodies stay references.
        var source = source
        var decoded = false
        if format == .wikitext, EscapedMarkup.isEscaped(source.bytes) {
            source = try SourceText(path: source.path, bytes: EscapedMarkup.decode(source.bytes))
            decoded = true
        }
        guard let parser = FormatRegistry.parser(for: format) else {
            throw .unreadable(path: source.path, reason: "unknown format '\(format)' (known: \(FormatRegistry.names.joined(separator: ", ")))")
        }
        var document = try parser.parse(source, previous: !decoded && previous?.format == format ? previous : nil)
        document.role = parser.role(of: document)
        if let date { document.date = date }
        if document.date == nil { document.date = VariantInference.date(of: document) }
        document.decodedEscapedMarkup = decoded
        LanguageInference.apply(to: &document, previous: !decoded && previous?.format == format ? previous : nil)
        return document
    }

    /// Loads and parses the file at `path`.
    package static func parse(
        path: String, format: DocumentFormat? = nil, previous: Document? = nil
    ) throws(CrossCheckError) -> Document {
        try parse(SourceText.load(path: path), format: format, previous: previous)
    }
}
