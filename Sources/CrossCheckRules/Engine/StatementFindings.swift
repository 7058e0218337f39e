import CrossCheckCore
import CrossCheckAnalysis

extension StatementAlignment {
    /// Groups value differences found in aligned statements into findings: one per variant pair
    /// and pair of values, with the evidence of every statement that shows it.
    ///
    /// Between revisions a difference is an edit: a warning when the citation is unchanged (the
    /// source no longer says what the text says), information when the statement has no citation
    /// (an uncited figure is the editor's word either way) or the edit changes the citation too.
    static func findings(
        rule: String, severity: Severity, noun: String, set: VariantSet,
        differences: [(AlignedStatement, String, String)]
    ) -> [Finding] {
        findings(rule: rule, severity: severity, noun: noun, set: set, differences: differences.map { Difference($0.0, $0.1, $0.2) })
    }

    static func findings(rule: String, severity: Severity, noun: String, set: VariantSet, differences: [Difference]) -> [Finding] {
        var groups: [String: [Difference]] = [:]
        var order: [String] = []
        for d in differences {
            let change = d.statement.isEdit ? citationChange(d.statement.sentenceA, d.statement.sentenceB) : .unchanged
            let key = [d.statement.a.id, d.statement.b.id, d.a, d.b, d.statement.isEdit ? "\(change)" : ""].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d)
        }
        var out: [Finding] = []
        for key in order {
            guard let ds = groups[key], let first = ds.first else { continue }
            let st = first.statement
            let na = Chronology.shortName(st.a.id, in: set), nb = Chronology.shortName(st.b.id, in: set)
            var evidence: [Evidence] = []
            for d in ds {
                let s = d.statement
                evidence.append(Self.evidence(s.b, s.sectionB, s.sentenceB, value: d.shownB))
                evidence.append(Self.evidence(s.a, s.sectionA, s.sentenceA, value: d.shownA))
            }
            if st.isEdit {
                let change = citationChange(st.sentenceA, st.sentenceB)
                let how: String, why: String
                switch change {
                case .unchanged:
                    how = "changed under an unchanged citation"
                    why = "The edit changes the value but not the reference after it: the source no longer says what the text says."
                case .none:
                    how = "changed with no citation"
                    why = "The edit changes the value and gives no source for the new one."
                case .changed:
                    how = "updated with a new citation"
                    why = "The edit changes the value and the reference behind it."
                }
                out.append(
                    Finding(
                        rule: rule, severity: change == .unchanged ? severity : .info, kind: .change,
                        message: "\(noun) \(how): \(first.shownA) (\(na)) -> \(first.shownB) (\(nb))",
                        evidence: evidence, values: [first.shownA, first.shownB],
                        explanation: why,
                        fingerprintParts: ["change", first.a, first.b, st.a.id, st.b.id]))
            } else {
                out.append(
                    Finding(
                        rule: rule, severity: severity, kind: .conflict,
                        message: "\(noun) differs in the same statement: \(first.shownB) (\(nb)) vs \(first.shownA) (\(na))",
                        evidence: evidence, values: [first.shownB, first.shownA], likelyWrong: st.b.id,
                        explanation: "\(nb) is a \(Chronology.role(st.b)) and disagrees with revision \(na) of its time.",
                        fingerprintParts: [first.a, first.b, st.a.id, st.b.id]))
            }
        }
        return out
    }
}
