import Foundation

/// Per-rule settings from a manifest or config file.
public struct RuleSetting: Sendable, Equatable {
    public var enabled: Bool?
    public var severity: Severity?
    public init(enabled: Bool? = nil, severity: Severity? = nil) { self.enabled = enabled; self.severity = severity }
}

/// The `crosscheck.json` manifest (SPEC "Inputs"); every key optional.
public struct Manifest: Sendable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var role: VariantRole?
        public var format: DocumentFormat?
        public var date: PartialDate?
        public var label: String?
        /// Declared language of the variant ("en", "de", "pt-BR"): overrides inference.
        package var language: String? = nil
    }
    /// Where the manifest was read from.
    public var path: String
    public var subject: String?
    public var variants: [Entry]
    public var rules: [String: RuleSetting]
    public var failOn: Severity.Threshold?

    public init(path: String, subject: String? = nil, variants: [Entry] = [], rules: [String: RuleSetting] = [:], failOn: Severity.Threshold? = nil) {
        self.path = path; self.subject = subject; self.variants = variants; self.rules = rules; self.failOn = failOn
    }

    /// True for a language code of two or three lower-case letters, optionally with a region or
    /// script after a hyphen ("en", "nds", "pt-BR", "zh-Hant").
    package static func isLanguageCode(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let head = parts.first, (2...3).contains(head.count), head.allSatisfy({ $0 >= "a" && $0 <= "z" }), parts.count <= 2 else { return false }
        if parts.count == 2 { return (2...8).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        return true
    }

    /// Reads and validates a manifest or config file.
    public static func load(path: String) throws(CrossCheckError) -> Manifest {
        let source = try SourceText.load(path: path)
        let json: JSONValue
        do { json = try JSONValue.parse(source.string) } catch {
            throw .configuration(path: path, reason: "line \(error.line): \(error.message)")
        }
        guard case let .object(o) = json else { throw .configuration(path: path, reason: "expected a JSON object") }
        var m = Manifest(path: path)
        m.subject = o["subject"]?.stringValue
        if let list = o["variants"] {
            guard let items = list.arrayValue else { throw .configuration(path: path, reason: "\"variants\" must be a list") }
            for item in items {
                guard let p = item["path"]?.stringValue else { throw .configuration(path: path, reason: "every variant needs a \"path\"") }
                var e = Entry(path: p)
                if let r = item["role"]?.stringValue {
                    guard let role = VariantRole(rawValue: r) else { throw .configuration(path: path, reason: "unknown role \"\(r)\" for \(p)") }
                    e.role = role
                }
                if let f = item["format"]?.stringValue {
                    guard let format = DocumentFormat(rawValue: f) else { throw .configuration(path: path, reason: "unknown format \"\(f)\" for \(p)") }
                    e.format = format
                }
                if let d = item["date"]?.stringValue {
                    guard let date = PartialDate(iso: d) else { throw .configuration(path: path, reason: "bad date \"\(d)\" for \(p) (want YYYY, YYYY-MM or YYYY-MM-DD)") }
                    e.date = date
                }
                e.label = item["label"]?.stringValue
                if let l = item["language"]?.stringValue {
                    guard Manifest.isLanguageCode(l) else {
                        throw .configuration(path: path, reason: "bad language \"\(l)\" for \(p) (want a code such as en, de or pt-BR)")
                    }
                    e.language = l
                }
                m.variants.append(e)
            }
        }
        if let rules = o["rules"]?.objectValue {
            for (id, v) in rules {
                var s = RuleSetting()
                if let b = v.boolValue { s.enabled = b }
                s.enabled = v["enabled"]?.boolValue ?? s.enabled
                if let sv = v["severity"]?.stringValue {
                    guard let sev = Severity(rawValue: sv) else { throw .configuration(path: path, reason: "unknown severity \"\(sv)\" for rule \(id)") }
                    s.severity = sev
                }
                m.rules[id] = s
            }
        }
        if let f = o["failOn"]?.stringValue {
            guard let t = Severity.Threshold(rawValue: f) else { throw .configuration(path: path, reason: "failOn must be error, warning, info or never") }
            m.failOn = t
        }
        return m
    }
}

/// One variant of the article: a parsed document with its identity in the set.
public struct Variant: Sendable {
    /// File name without extension (`002_73259c55204946b0`): stable across machines.
    public var id: String
    public var document: Document
    /// Position from oldest (0) to newest.
    public var order: Int
    /// Human label from the manifest, if any.
    public var label: String?

    public init(id: String, document: Document, order: Int, label: String? = nil) {
        self.id = id; self.document = document; self.order = order; self.label = label
    }
}

/// All variants of one article, ordered oldest to newest.
public struct VariantSet: Sendable {
    public var subject: String?
    public var variants: [Variant]
    public var manifest: Manifest?

    public init(subject: String?, variants: [Variant], manifest: Manifest?) {
        self.subject = subject; self.variants = variants; self.manifest = manifest
    }

    /// The variant with `id`.
    public func variant(_ id: String) -> Variant? { variants.first { $0.id == id } }

    /// The variant files a list of paths names, and the first folder manifest met.
    ///
    /// A file is itself; a folder is its regular, non-hidden files in name order, except its
    /// `crosscheck.json`, which is the manifest.
    public static func expand(paths: [String]) throws(CrossCheckError) -> (files: [String], manifest: Manifest?) {
        var files: [String] = []
        var manifest: Manifest? = nil
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .unreadable(path: p, reason: "no such file or directory") }
            guard isDir.boolValue else { files.append(p); continue }
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: p) } catch { throw .unreadable(path: p, reason: "cannot list directory") }
            let base = p.hasSuffix("/") ? String(p.dropLast()) : p
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = base + "/" + name
                if name == "crosscheck.json" {
                    if manifest == nil { manifest = try Manifest.load(path: full) }
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
    public static func load(paths: [String], manifest explicit: Manifest? = nil) throws(CrossCheckError) -> VariantSet {
        let (files, found) = try expand(paths: paths)
        let manifest = explicit ?? found
        if files.isEmpty { throw .usage("no variants to read in \(paths.joined(separator: ", "))") }
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
            if let l = entry?.language {
                doc.language = l
                doc.languageEvidence = .declared
                LanguageInference.apply(to: &doc)
            }
            var id = (name as NSString).deletingPathExtension
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

    /// Revisions, oldest to newest.
    public var revisions: [Variant] { variants.filter { $0.document.role == .revision } }
    /// The newest revision, the reference every other variant is judged against.
    public var newestRevision: Variant? { revisions.last }
}
