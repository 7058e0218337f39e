import CrossCheckCore
import CrossCheckAnalysis
/// What an edit changes in a set's findings: the ones it introduces and the ones it resolves.
///
/// Findings are matched by fingerprint (NEW carries OLD's variant id, so unchanged findings
/// match). One refinement keeps the gate honest about blame: a finding that only moved onto an
/// unchanged context variant (same rule and values as a finding before the edit, its primary
/// evidence outside the edited variant) is not introduced by the edit. Fixing a typo in the edited
/// file that a context file still carries is then "resolved", not "resolved and re-introduced".
package enum GateDelta {
    /// Splits findings into introduced (in `after`, new) and resolved (in `before`, gone).
    ///
    /// - Parameter edited: the variant id the edited file has in both sets.
    package static func compare(before: [Finding], after: [Finding], edited: String) -> (introduced: [Finding], resolved: [Finding]) {
        let beforePrints = Set(before.map(\.fingerprint))
        let afterPrints = Set(after.map(\.fingerprint))
        let beforeProblems = Set(before.map(problemKey))
        let introduced = after.filter { f in
            guard !beforePrints.contains(f.fingerprint) else { return false }
            let movedOntoContext = f.primary.map { $0.variant != edited } ?? false
            return !(movedOntoContext && beforeProblems.contains(problemKey(f)))
        }
        let resolved = before.filter { !afterPrints.contains($0.fingerprint) }
        return (introduced, resolved)
    }

    /// A finding's problem regardless of where it is located: rule and sorted values.
    private static func problemKey(_ f: Finding) -> String {
        ([f.rule] + f.values.sorted()).joined(separator: "\u{1F}")
    }
}
