import Foundation

/// One file of an inline example variant set.
public struct ExampleFile: Sendable {
    public var name: String
    public var text: String
    public var role: VariantRole?
    public var date: PartialDate?
    public var format: DocumentFormat?

    public init(_ name: String, role: VariantRole? = nil, date: String? = nil, format: DocumentFormat? = nil, _ text: String) {
        self.name = name; self.text = text; self.role = role; self.date = date.flatMap(PartialDate.init(iso:)); self.format = format
    }
}

/// A small variant set written inline in a rule file; the test suite runs every one.
public struct RuleExample: Sendable {
    public var files: [ExampleFile]
    /// For triggering examples: a text every finding's message or evidence must contain (optional).
    public var expect: String?
    public init(_ files: [ExampleFile], expect: String? = nil) { self.files = files; self.expect = expect }
    public init(_ files: ExampleFile..., expect: String? = nil) { self.files = files; self.expect = expect }

    /// Builds the variant set from the inline files.
    public func variantSet() throws(CrossCheckError) -> VariantSet {
        var variants: [Variant] = []
        for f in files {
            let source = try SourceText(path: f.name, bytes: Array(f.text.utf8))
            var doc = try DocumentParser.parse(source, format: f.format)
            if let r = f.role { doc.role = r }
            if let d = f.date { doc.date = d }
            variants.append(Variant(id: (f.name as NSString).deletingPathExtension, document: doc, order: variants.count))
        }
        return VariantSet(subject: nil, variants: variants, manifest: nil)
    }
}

/// What a rule is, for `crosscheck rules`, reports, SARIF and the example tests.
public struct RuleDescription: Sendable {
    public var id: String
    public var name: String
    public var severity: Severity
    /// One line for listings.
    public var summary: String
    /// A paragraph: why this matters and how the rule decides.
    public var rationale: String
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(
        id: String, name: String, severity: Severity, summary: String, rationale: String,
        triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id; self.name = name; self.severity = severity; self.summary = summary; self.rationale = rationale
        self.triggering = triggering; self.nonTriggering = nonTriggering
    }
}

/// A rule: one file, one struct. It reads the whole variant set through the context and returns findings.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings at the rule's default severity; the engine applies configuration and suppressions.
    func check(_ context: RuleContext) -> [Finding]
}

/// Per-run shared state for rules: the variant set and lazily computed analyses (claims, alignment).
///
/// Analyses are computed once per run and shared by every rule through `memo`.
public final class RuleContext: @unchecked Sendable {
    public let set: VariantSet
    private var cache: [String: Any] = [:]
    private var notes: [RuleNote] = []
    private let lock = NSLock()

    public init(set: VariantSet) { self.set = set }

    /// Returns the cached value for `key`, computing it once.
    /// Records a note once (see `RuleNote`).
    package func addNote(_ n: RuleNote) {
        lock.lock()
        if !notes.contains(n) { notes.append(n) }
        lock.unlock()
    }

    /// The notes recorded so far, in the order they were made.
    package var recordedNotes: [RuleNote] {
        lock.lock()
        defer { lock.unlock() }
        return notes
    }

    public func memo<T>(_ key: String, _ compute: () -> T) -> T {
        lock.lock()
        // Unwrap the stored entry first: a missing entry cast to an Optional `T` would succeed as nil.
        if let entry = cache[key], let v = entry as? T { lock.unlock(); return v }
        lock.unlock()
        let v = compute()
        lock.lock()
        cache[key] = v
        lock.unlock()
        return v
    }

    /// Evidence for a sentence of a variant.
    public func evidence(_ variant: Variant, _ section: Section, _ sentence: Sentence, value: String? = nil) -> Evidence {
        Evidence(
            variant: variant.id, path: variant.document.path, line: sentence.line,
            section: section.path.joined(separator: " > "), text: Evidence.trim(sentence.text), value: value)
    }

    /// Evidence for a field of a variant (quotes the source line).
    public func evidence(_ variant: Variant, _ field: Field, value: String? = nil) -> Evidence {
        let src = variant.document.source
        let line = src.text(src.lines.range(ofLine: field.line, in: src.bytes)).trimmingCharacters(in: .whitespaces)
        return Evidence(
            variant: variant.id, path: variant.document.path, line: field.line,
            section: field.section.joined(separator: " > "), text: Evidence.trim(line), value: value)
    }
}

extension Evidence {
    /// Trims quoted text to at most `limit` characters at a word boundary.
    public static func trim(_ text: String, limit: Int = 240) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + " …" }
        return String(cut) + "…"
    }
}
