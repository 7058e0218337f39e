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
        if files.isEmpty { throw .noVariants(paths: paths) }
        var sources: [SourceText] = []
        sources.reserveCapacity(files.count)
        for f in files { sources.append(try SourceText.load(path: f)) }
        return try load(sources: sources, manifest: manifest)
    }
}
