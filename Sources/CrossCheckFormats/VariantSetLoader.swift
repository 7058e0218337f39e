import Foundation
import CrossCheckCore

/// Loading a variant set from files: the one place where paths become parsed documents.
extension VariantSet {
    /// The variant files a list of paths names, and the first folder manifest met.
    ///
    /// A file is itself; a folder is its regular, non-hidden files in name order, except its
    /// `crosscheck.json`, which is the manifest.
    package static func expand(paths: [String]) throws(CrossCheckError) -> (files: [String], manifest: Manifest?) {
        var files: [String] = []
        var manifest: Manifest? = nil
        let fm = FileManager.default
        for p in paths {
            if VirtualFiles.shared.entry(p) != nil { files.append(p); continue }
            if p == "-" { files.append(p); continue }  // standard input
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .unreadable(path: p, reason: "no such file or directory") }
            guard isDir.boolValue else { files.append(p); continue }
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: p) } catch { throw .unreadable(path: p, reason: "cannot list directory") }
            let base = p.hasSuffix("/") ? String(p.dropLast()) : p
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = base + "/" + name
                if name == "crosscheck.json" {
                    if manifest == nil {
                        let m = try Manifest.load(path: full)
                        try m.requireEntries { names.contains($0) }
                        manifest = m
                    }
                    continue
                }
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { files.append(full) }
            }
        }
        return (files, manifest)
    }

    /// Loads every path (files, or folders of files with an optional `crosscheck.json`) as one set.
    ///
    /// Variants are ordered oldest to newest by date; undated variants come last and ties keep
    /// file-name order.
    package static func load(paths: [String], manifest explicit: Manifest? = nil) throws(CrossCheckError) -> VariantSet {
        let (files, found) = try expand(paths: paths)
        let manifest = explicit ?? found
        if let manifest {
            for e in manifest.variants {
                if let f = e.format, FormatRegistry.parser(for: f) == nil {
                    throw .configuration(
                        path: manifest.path,
                        reason: "unknown format \"\(f)\" for \(e.path) (known: \(FormatRegistry.names.joined(separator: ", ")))")
                }
            }
        }
        if files.isEmpty { throw .noVariants(paths: paths) }
        var docs: [(id: String, doc: Document, label: String?)] = []
        var seen = Set<String>()
        // Revisions of one article share most of their text: each wikitext file's parse reuses
        // the previous one's where the bytes are the same (the result is that of a full parse).
        var lastWikitext: Document?
        for f in files {
            let name = (f as NSString).lastPathComponent
            let entry = manifest?.variants.first { ($0.path as NSString).lastPathComponent == name }
            var doc = try DocumentParser.parse(path: f, format: entry?.format, previous: lastWikitext)
            if doc.format == .wikitext { lastWikitext = doc }
            if let r = entry?.role { doc.role = r }
            if let d = entry?.date { doc.date = d }
            let virtual = VirtualFiles.shared.entry(f)
            if entry?.date == nil, let d = virtual?.date { doc.date = d }
            var id = (name as NSString).deletingPathExtension
            if id.isEmpty { id = name }
            while seen.contains(id) { id += "'" }
            seen.insert(id)
            docs.append((id, doc, entry?.label ?? virtual?.label))
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
