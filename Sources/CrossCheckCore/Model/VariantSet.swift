import Foundation

/// Per-rule settings from a manifest or config file.
package struct RuleSetting: Sendable, Equatable {
    package var enabled: Bool?
    package var severity: Severity?
    package init(enabled: Bool? = nil, severity: Severity? = nil) { self.enabled = enabled; self.severity = severity }
}

/// The `crosscheck.json` manifest (SPEC "Inputs"); every key optional.
package struct Manifest: Sendable {
    package struct Entry: Sendable, Equatable {
        package var path: String
        package var role: VariantRole?
        package var format: DocumentFormat?
        package var date: PartialDate?
        package var label: String?
        /// Declared language of the variant ("en", "de", "pt-BR"): overrides inference.
        package var language: String? = nil
    }
    /// Where the manifest was read from.
    package var path: String
    package var subject: String?
    package var variants: [Entry]
    package var rules: [String: RuleSetting]
    package var failOn: Severity.Threshold?

    package init(path: String, subject: String? = nil, variants: [Entry] = [], rules: [String: RuleSetting] = [:], failOn: Severity.Threshold? = nil) {
        self.path = path; self.subject = subject; self.variants = variants; self.rules = rules; self.failOn = failOn
    }

    /// Keys a manifest may hold; any other is an error (a misspelt key would be ignored silently).
    package static let keys: Set<String> = ["$schema", "subject", "variants", "rules", "failOn"]
    /// Keys a `variants` entry may hold.
    package static let entryKeys: Set<String> = ["path", "role", "format", "date", "label", "language"]
    /// Keys a rule setting may hold.
    package static let ruleKeys: Set<String> = ["enabled", "severity"]
    /// True for a language code of two or three lower-case letters, optionally with a region or
    /// script after a hyphen ("en", "nds", "pt-BR", "zh-Hant").
    package static func isLanguageCode(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let head = parts.first, (2...3).contains(head.count), head.allSatisfy({ $0 >= "a" && $0 <= "z" }), parts.count <= 2 else { return false }
        if parts.count == 2 { return (2...8).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        return true
    }

    /// Reads and validates a manifest or config file.
    package static func load(path: String) throws(CrossCheckError) -> Manifest {
        try parse(SourceText.load(path: path))
    }

    /// Validates a manifest already in memory (a git blob); `source.path` names it in errors.
    package static func parse(_ source: SourceText) throws(CrossCheckError) -> Manifest {
        let path = source.path
        let json: JSONValue
        do { json = try JSONValue.parse(source.string) } catch {
            throw .configuration(path: path, reason: "line \(error.line): \(error.message)")
        }
        guard case let .object(o) = json else { throw .configuration(path: path, reason: "expected a JSON object") }
        try rejectUnknown(o, allowed: keys, in: "the manifest", path: path)
        var m = Manifest(path: path)
        m.subject = o["subject"]?.stringValue
        if let list = o["variants"] {
            guard let items = list.arrayValue else { throw .configuration(path: path, reason: "\"variants\" must be a list") }
            for item in items {
                guard let p = item["path"]?.stringValue else { throw .configuration(path: path, reason: "every variant needs a \"path\"") }
                if let fields = item.objectValue { try rejectUnknown(fields, allowed: entryKeys, in: "the entry for \(p)", path: path) }
                var e = Entry(path: p)
                if let r = item["role"]?.stringValue {
                    guard let role = VariantRole(rawValue: r) else { throw .configuration(path: path, reason: "unknown role \"\(r)\" for \(p)") }
                    e.role = role
                }
                if let f = item["format"]?.stringValue {
                    // The name is checked against the registered parsers when the set is loaded.
                    e.format = DocumentFormat(rawValue: f)
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
                if let fields = v.objectValue { try rejectUnknown(fields, allowed: ruleKeys, in: "the settings of rule \(id)", path: path) }
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

    /// Throws for the first key (in sorted order) of `object` that is not `allowed`.
    static func rejectUnknown(_ object: [String: JSONValue], allowed: Set<String>, in place: String, path: String) throws(CrossCheckError) {
        guard let bad = object.keys.filter({ !allowed.contains($0) }).sorted().first else { return }
        throw .configuration(path: path, reason: "unknown key \"\(bad)\" in \(place) (known: \(allowed.sorted().joined(separator: ", ")))")
    }

    /// Throws when an entry names a file that `exists` does not know (a renamed or deleted variant).
    package func requireEntries(exist exists: (String) -> Bool) throws(CrossCheckError) {
        for e in variants where !exists((e.path as NSString).lastPathComponent) {
            throw .configuration(path: path, reason: "the entry for \(e.path) names no file beside the manifest (renamed or deleted? update or remove the entry)")
        }
    }
}

/// One variant of the article: a parsed document with its identity in the set.
package struct Variant: Sendable {
    /// File name without extension (`002_73259c55204946b0`): stable across machines.
    package var id: String
    package var document: Document
    /// Position from oldest (0) to newest.
    package var order: Int
    /// Human label from the manifest, if any.
    package var label: String?
    /// The name messages use when it is not the id: `gate`'s NEW takes OLD's id so that the
    /// findings it leaves alone match, but is named after its own file.
    package var name: String?

    package init(id: String, document: Document, order: Int, label: String? = nil) {
        self.id = id; self.document = document; self.order = order; self.label = label
    }
}

/// All variants of one article, ordered oldest to newest.
package struct VariantSet: Sendable {
    package var subject: String?
    package var variants: [Variant]
    package var manifest: Manifest?

    package init(subject: String?, variants: [Variant], manifest: Manifest?) {
        self.subject = subject; self.variants = variants; self.manifest = manifest
    }

    /// The variant with `id`.
    package func variant(_ id: String) -> Variant? { variants.first { $0.id == id } }

    /// Revisions, oldest to newest.
    package var revisions: [Variant] { variants.filter { $0.document.role == .revision } }
    /// The newest revision, the reference every other variant is judged against.
    package var newestRevision: Variant? { revisions.last }
}
