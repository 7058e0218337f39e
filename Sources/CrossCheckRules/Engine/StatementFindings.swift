import CrossCheckCore
import CrossCheckAnalysis

extension StatementAlignment {
    /// Groups value differences found in aligned statements into findings: one per variant pair
    /// and pair of values, with the evidence of every statement that shows it.
    static func findings(
        rule: String, severity: Severity, noun: String, set: VariantSet,
        differences: [(AlignedStatement, String, String)]
    ) -> [Finding] {
        var groups: [String: [(AlignedStatement, String, String)]] = [:]
        var order: [String] = []
        for d in differences {
            let key = [d.0.a.id, d.0.b.id, d.1, d.2].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d)
        }
        var out: [Finding] = []
        for key in order {
            guard let ds = groups[key], let first = ds.first else { continue }
            let st = first.0
            let na = Chronology.shortName(st.a.id, in: set), nb = Chronology.shortName(st.b.id, in: set)
            var evidence: [Evidence] = []
            for (s, va, vb) in ds {
                evidence.append(Self.evidence(s.b, s.sectionB, s.sentenceB, value: vb))
                evidence.append(Self.evidence(s.a, s.sectionA, s.sentenceA, value: va))
            }
            if st.isEdit {
                out.append(
                    Finding(
                        rule: rule, severity: .info, kind: .change,
                        message: "\(noun) changed between revisions in the same statement: \(first.1) (\(na)) -> \(first.2) (\(nb))",
                        evidence: evidence, values: [first.1, first.2],
                        explanation: "An edit between revisions; check that the newer value is sourced.",
                        fingerprintParts: ["change", first.1, first.2, st.a.id, st.b.id]))
            } else {
                out.append(
                    Finding(
                        rule: rule, severity: severity, kind: .conflict,
                        message: "\(noun) differs in the same statement: \(first.2) (\(nb)) vs \(first.1) (\(na))",
                        evidence: evidence, values: [first.2, first.1], likelyWrong: st.b.id,
                        explanation: "\(nb) is a \(Chronology.role(st.b)) and disagrees with revision \(na) of its time.",
                        fingerprintParts: [first.1, first.2, st.a.id, st.b.id]))
            }
        }
        return out
    }
}
