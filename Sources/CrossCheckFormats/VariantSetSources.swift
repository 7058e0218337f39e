import Foundation
import CrossCheckCore

/// Loading a variant set from bytes already in memory (files read from git's object store).
extension VariantSet {
    /// Parses `sources` (each with the path it is shown under) as one set, as `load(paths:)`
    /// parses files: manifest entries matched by file name, oldest first, undated last.
    ///
    /// - Parameter ids: variant ids to use instead of the file stem, by path (a renamed file
    ///   keeps the id it had before the rename, so its findings keep their fingerprints).
    package static func load(sources: [SourceText], manifest: Manifest?, ids: [String: String] = [:]) throws(CrossCheckError) -> VariantSet {
        if sources.isEmpty { throw .noVariants(paths: []) }
        if let manifest {
            for e in manifest.variants {
                if let f = e.format, FormatRegistry.parser(for: f) == nil {
                    throw .configuration(
                        path: manifest.path,
                        reason: "unknown format \"\(f)\" for \(e.path) (known: \(FormatRegistry.names.joined(separator: ", ")))")
                }
            }
        }
        var docs: [(id: String, doc: Document, label: String?)] = []
        var seen = Set<String>()
        var lastWikitext: Document?
        for source in sources {
            let name = (source.path as NSString).lastPathComponent
            let entry = manifest?.variants.first { ($0.path as NSString).lastPathComponent == name }
            var doc = try DocumentParser.parse(source, format: entry?.format, previous: lastWikitext)
            if doc.format == .wikitext { lastWikitext = doc }
            if let r = entry?.role { doc.role = r }
            if let d = entry?.date { doc.date = d }
            if let l = entry?.language {
                doc.language = l
                doc.languageEvidence = .declared
                LanguageInference.apply(to: &doc)
            }
            var id = ids[source.path] ?? (name as NSString).deletingPathExtension
            if id.isEmpty { id = name }
            while seen.contains(id) { id += "'" }
            seen.insert(id)
            docs.append((id, doc, entry?.label))
        }
        let ordered = docs.enumerated().sorted { a, b in
            switch (a.element.doc.date, b.element.doc.date) {
            case let (dx?, dy?) where dx != dy: return dx < dy
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }
        let variants = ordered.enumerated().map { i, e in Variant(id: e.element.id, document: e.element.doc, order: i, label: e.element.label) }
        let subject = manifest?.subject ?? variants.lazy.compactMap { $0.document.title }.first
        return VariantSet(subject: subject, variants: variants, manifest: manifest)
    }
}
