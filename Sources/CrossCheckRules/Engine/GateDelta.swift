import CrossCheckCore

/// What an edit changes in a set's findings: the ones it introduces and the ones it resolves.
///
/// A finding's identity across an edit (docs/gate.md, "Finding identity"):
/// 1. The same fingerprint (rule, normalised values, variant ids) is the same finding.
/// 2. Otherwise a finding after the edit continues one from before when both are of the same rule
///    and kind and state a disagreement between the same two variants (a pair of evidence from
///    two variants, or two places of one variant, with different values). Its values and its
///    variant list may have changed: the conflict still stands, so it is neither introduced nor
///    resolved. Problems of a single place (a typo, fused words, an unsourced figure) have no
///    such pair and keep rule 1 only. Matching is one to one, strongest first: pairs that also
///    keep their values, then pairs of variants.
/// 3. A finding that only moved onto an unchanged context variant (same rule and values as a
///    finding before, its primary evidence outside the edited variants) is not introduced: fixing
///    a typo in the edited file that a context file still carries is "resolved", not "resolved
///    and re-introduced".
/// So "introduced" means a new conflict: a new pair of variants disagreeing (which a new value
/// makes), a new problem, a new rule firing.
package enum GateDelta {
    /// Splits findings into introduced (in `after`, new) and resolved (in `before`, gone).
    ///
    /// - Parameter edited: the variant ids the edit touched (in both sets, renamed files keep
    ///   their old id).
    package static func compare(before: [Finding], after: [Finding], edited: Set<String>) -> (introduced: [Finding], resolved: [Finding]) {
        let beforePrints = Set(before.map(\.fingerprint))
        let afterPrints = Set(after.map(\.fingerprint))
        var introduced = after.filter { !beforePrints.contains($0.fingerprint) }
        var resolved = before.filter { !afterPrints.contains($0.fingerprint) }

        // Rule 2: standing conflicts whose values or variants changed.
        for strength in [Strength.valuePairs, .variantPairs] {
            var keptAfter: [Finding] = []
            for f in introduced {
                let mine = pairs(f, strength)
                guard !mine.isEmpty,
                    let i = resolved.firstIndex(where: { $0.rule == f.rule && $0.kind == f.kind && !pairs($0, strength).isDisjoint(with: mine) })
                else { keptAfter.append(f); continue }
                resolved.remove(at: i)
            }
            introduced = keptAfter
        }

        // Rule 3: moved onto an unchanged context variant.
        let beforeProblems = Set(before.map(problemKey))
        introduced = introduced.filter { f in
            let movedOntoContext = f.primary.map { !edited.contains($0.variant) } ?? false
            return !(movedOntoContext && beforeProblems.contains(problemKey(f)))
        }
        return (introduced, resolved)
    }

    /// One edited variant (the form `gate OLD NEW` uses).
    package static func compare(before: [Finding], after: [Finding], edited: String) -> (introduced: [Finding], resolved: [Finding]) {
        compare(before: before, after: after, edited: [edited])
    }

    enum Strength { case valuePairs, variantPairs }

    /// The disagreements a finding states: unordered pairs of evidence with different values,
    /// as variant pairs (with their values for `.valuePairs`).
    static func pairs(_ f: Finding, _ strength: Strength) -> Set<String> {
        let stated = f.evidence.compactMap { e in e.value.map { (variant: e.variant, value: $0) } }
        guard stated.count >= 2, f.kind != .problem else { return [] }
        var out = Set<String>()
        for i in stated.indices {
            for j in stated.indices where j > i && stated[i].value != stated[j].value {
                var a = stated[i].variant
                var b = stated[j].variant
                if strength == .valuePairs {
                    a += "\u{1F}" + stated[i].value
                    b += "\u{1F}" + stated[j].value
                }
                out.insert(a < b ? a + "\u{1E}" + b : b + "\u{1E}" + a)
            }
        }
        return out
    }

    /// A finding's problem regardless of where it is located: rule and sorted values.
    private static func problemKey(_ f: Finding) -> String {
        ([f.rule] + f.values.sorted()).joined(separator: "\u{1F}")
    }
}
