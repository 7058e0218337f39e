import CrossCheckCore
import CrossCheckAnalysis
/// What to run and how: enabled rules and severity overrides, from the manifest, a config file and flags.
package struct RuleConfiguration: Sendable {
    /// Per-rule settings (enabled, severity), keyed by rule id.
    package var settings: [String: RuleSetting]
    /// `--enable` ids: when non-empty, only these rules run (plus none disabled).
    package var enableOnly: [String]
    /// `--disable` ids.
    package var disabled: [String]

    package init(settings: [String: RuleSetting] = [:], enableOnly: [String] = [], disabled: [String] = []) {
        self.settings = settings; self.enableOnly = enableOnly; self.disabled = disabled
    }
}

/// The outcome of running the rules over one variant set.
package struct RuleRun: Sendable {
    /// Findings after configuration and suppressions, in report order.
    package var findings: [Finding]
    /// Notes for stderr (e.g. a suppression comment that suppressed nothing).
    package var warnings: [String]
    /// What rules left unjudged and why (a variant in a language they have no word list for).
    package var notes: [RuleNote] = []
    package init(findings: [Finding], warnings: [String]) { self.findings = findings; self.warnings = warnings }
}

/// Runs the registered rules over a variant set (two passes: analyses are computed once in the
/// context, then every rule judges).
package enum RuleEngine {
    /// Runs every enabled rule. Throws `.usage` for an unknown rule id in the configuration.
    ///
    /// Settings are layered: the manifest's `rules`, then `configuration.settings` (a `--config`
    /// file), then the flags (`enableOnly` restricts, `disabled` removes). Findings are given the
    /// configured severity, dropped when an inline suppression covers their evidence, deduplicated
    /// by fingerprint and sorted in report order.
    ///
    /// `memo` carries work from the previous run over the page's previous revision (`history`);
    /// the findings are the same with or without it.
    package static func run(_ set: VariantSet, configuration: RuleConfiguration = RuleConfiguration(), memo: RuleMemo? = nil) throws(CrossCheckError) -> RuleRun {
        try run(set, configuration: configuration, rules: RuleRegistry.all, memo: memo)
    }

    /// Runs `rules` (instead of the registry) with `configuration`; for tests and embedding.
    package static func run(
        _ set: VariantSet, configuration: RuleConfiguration, rules: [any Rule.Type], memo: RuleMemo? = nil
    ) throws(CrossCheckError) -> RuleRun {
        let plan = try resolve(set: set, configuration: configuration, rules: rules)
        memo?.beginRun()
        let context = RuleContext(set: set, memo: memo)
        var findings: [Finding] = []
        for (rule, severity) in plan {
            for var f in rule.init().check(context) {
                f.rule = rule.description.id
                // A configured severity replaces every finding's; otherwise the rule's own choice
                // stands (a rule may report an explained change below its default severity).
                if let severity { f.severity = severity }
                findings.append(f)
            }
        }
        let ran = Set(plan.map { $0.rule.description.id })
        var warnings: [String] = []
        findings = applySuppressions(findings, set: set, ran: ran, known: Set(rules.map { $0.description.id }), warnings: &warnings)
        findings.sort(by: Finding.reportOrder)
        var seen = Set<String>()
        findings = findings.filter { seen.insert($0.fingerprint).inserted }
        var run = RuleRun(findings: findings, warnings: warnings)
        run.notes = context.recordedNotes.sorted { ($0.rule, $0.variant, $0.message) < ($1.rule, $1.variant, $1.message) }
        return run
    }

    /// The rules that run, with their configured severity (nil: the rule decides), in registry order.
    ///
    /// Throws `.usage` naming the first unknown rule id (manifest, config file or flag).
    package static func resolve(
        set: VariantSet, configuration: RuleConfiguration, rules: [any Rule.Type] = RuleRegistry.all
    ) throws(CrossCheckError) -> [(rule: any Rule.Type, severity: Severity?)] {
        let known = Set(rules.map { $0.description.id })
        func check(_ ids: [String], _ origin: String) throws(CrossCheckError) {
            for id in ids.sorted() where !known.contains(id) {
                throw .unknownRule(id: id, origin: origin)
            }
        }
        let manifestRules = set.manifest?.rules ?? [:]
        if let m = set.manifest { try check(Array(manifestRules.keys), m.path) }
        try check(Array(configuration.settings.keys), "the configuration")
        try check(configuration.enableOnly, "--enable")
        try check(configuration.disabled, "--disable")
        let only = Set(configuration.enableOnly)
        let off = Set(configuration.disabled)
        var plan: [(rule: any Rule.Type, severity: Severity?)] = []
        for rule in rules {
            let d = rule.description
            let base = manifestRules[d.id]
            let over = configuration.settings[d.id]
            var enabled = over?.enabled ?? base?.enabled ?? true
            if !only.isEmpty { enabled = only.contains(d.id) }
            if off.contains(d.id) { enabled = false }
            guard enabled else { continue }
            plan.append((rule, over?.severity ?? base?.severity))
        }
        return plan
    }

    /// Drops findings whose evidence sits on a line an inline suppression covers, and warns about
    /// suppressions (of rules that ran) that matched nothing.
    static func applySuppressions(_ findings: [Finding], set: VariantSet, ran: Set<String>, known: Set<String>, warnings: inout [String]) -> [Finding] {
        struct Key: Hashable { var variant: Int; var index: Int }
        var byVariant: [String: (Int, Variant)] = [:]
        for (i, v) in set.variants.enumerated() { byVariant[v.id] = (i, v) }
        guard set.variants.contains(where: { !$0.document.suppressions.isEmpty }) else { return findings }
        var used = Set<Key>()
        var kept: [Finding] = []
        for f in findings {
            var suppressed = false
            for e in f.evidence {
                guard let (vi, v) = byVariant[e.variant] else { continue }
                for (si, s) in v.document.suppressions.enumerated()
                where s.lines.contains(e.line) && (s.rules.isEmpty || s.rules.contains(f.rule)) {
                    used.insert(Key(variant: vi, index: si))
                    suppressed = true
                }
            }
            if !suppressed { kept.append(f) }
        }
        for (vi, v) in set.variants.enumerated() {
            for (si, s) in v.document.suppressions.enumerated() {
                let where_ = "\(v.document.path):\(s.commentLine)"
                for id in s.rules where !known.contains(id) {
                    warnings.append("\(where_): suppression names unknown rule \(id)")
                }
                guard !used.contains(Key(variant: vi, index: si)) else { continue }
                let relevant = s.rules.isEmpty ? !ran.isEmpty : s.rules.contains { ran.contains($0) }
                guard relevant else { continue }
                let what = s.rules.isEmpty ? "all rules" : s.rules.joined(separator: ", ")
                warnings.append("\(where_): suppression of \(what) matched no finding")
            }
        }
        return kept
    }
}
