import CrossCheckCore
import CrossCheckAnalysis

/// What one edit changes, found by comparing the old and the new revision directly: figures and
/// dates changed in prose or in template parameters, and uncited figures added.
///
/// `gate` reports these whatever the context: an edit that turns "300 BC" into "3000 BC" or an
/// attendance of 4,000 into 4,136 is the edit's own doing, and a check of NEW alone cannot see it.
/// The same rules report the same changes in `check`, between consecutive revisions.
package enum EditChanges {
    /// The rules that report changes between revisions.
    package static let ruleIDs: Set<String> = ["number-conflict", "date-conflict", "unsourced-figure"]

    /// The change findings of the edit `old` -> `new` (both revisions), with `configuration`'s
    /// disabled rules and severities applied. Empty when either is not a revision.
    ///
    /// `memo` (the one `gate` kept over its runs on OLD and NEW) supplies the claims of the
    /// sentences those runs read; the findings are the same without it.
    package static func findings(
        old: Variant, new: Variant, configuration: RuleConfiguration, memo: RuleMemo? = nil
    ) throws(CrossCheckError) -> [Finding] {
        guard old.document.role == .revision, new.document.role == .revision else { return [] }
        var o = old
        var n = new
        o.order = 0
        n.order = 1
        if n.id == o.id { n.id += "-new" }
        let set = VariantSet(subject: nil, variants: [o, n], manifest: nil)
        let rules = RuleRegistry.all.filter { ruleIDs.contains($0.description.id) }
        let run = try RuleEngine.run(set, configuration: configuration, rules: rules, memo: memo)
        return run.findings.filter { f in f.kind == .change && f.evidence.contains { $0.variant == n.id } }
    }
}
