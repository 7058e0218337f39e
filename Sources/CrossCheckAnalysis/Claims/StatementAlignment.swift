/// Two sentences that make the same statement in two variants, for the value-comparing rules.
public struct AlignedStatement: Sendable {
    /// The earlier variant of the pair (for a summary or source: its reference revision).
    public var a: Variant
    public var b: Variant
    public var sectionA: Section
    public var sentenceA: Sentence
    public var sectionB: Section
    public var sentenceB: Sentence
    public var similarity: Double
    /// True when both are revisions: a difference is an edit.
    public var isEdit: Bool
}

/// Aligns the sentences of the variant pairs that chronology says to compare: consecutive
/// revisions (edits), and each summary or source with its reference revision (contradictions).
///
/// Computed once per run through `RuleContext.memo`; uses `SentenceAligner` over all sentences
/// of the two documents, so a statement that moved to another section still pairs.
public enum StatementAlignment {
    /// Minimum similarity for two sentences to count as the same statement.
    public static let threshold = 0.5

    public static func pairs(_ context: RuleContext) -> [AlignedStatement] {
        context.memo("facts.statementPairs") { compute(context.set) }
    }

    /// The variant pairs to compare, older (or reference) first.
    public static func variantPairs(_ set: VariantSet) -> [(Variant, Variant)] {
        var out: [(Variant, Variant)] = []
        let revs = set.revisions
        for (x, y) in zip(revs, revs.dropFirst()) { out.append((x, y)) }
        for v in set.variants where v.document.role != .revision {
            if let ref = Chronology.reference(for: v, in: set) { out.append((ref, v)) }
        }
        return out
    }

    static func compute(_ set: VariantSet) -> [AlignedStatement] {
        var out: [AlignedStatement] = []
        for (x, y) in variantPairs(set) {
            let fa = x.document.sections.flatMap { s in s.sentences.map { (s, $0) } }
            let fb = y.document.sections.flatMap { s in s.sentences.map { (s, $0) } }
            guard !fa.isEmpty, !fb.isEmpty else { continue }
            let pairs = SentenceAligner.align(fa.map(\.1), fb.map(\.1))
            for p in pairs where p.similarity >= threshold && p.a < fa.count && p.b < fb.count {
                let (sa, ta) = fa[p.a], (sb, tb) = fb[p.b]
                if ta.text == tb.text { continue }
                out.append(
                    AlignedStatement(
                        a: x, b: y, sectionA: sa, sentenceA: ta, sectionB: sb, sentenceB: tb, similarity: p.similarity,
                        isEdit: Chronology.isEdit(x, y)))
            }
        }
        return out
    }

    /// Evidence for one side of a pair.
    public static func evidence(_ v: Variant, _ section: Section, _ s: Sentence, value: String) -> Evidence {
        Evidence(
            variant: v.id, path: v.document.path, line: s.line, section: section.path.joined(separator: " > "),
            text: Evidence.trim(s.text), value: value)
    }

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
