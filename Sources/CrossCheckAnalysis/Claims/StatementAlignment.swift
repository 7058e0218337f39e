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

    /// One value that differs between two aligned statements: the normalised values (for
    /// grouping and fingerprints) and the same values written for people.
    public struct Difference: Sendable {
        public var statement: AlignedStatement
        public var a: String
        public var b: String
        public var shownA: String
        public var shownB: String
        public init(_ statement: AlignedStatement, _ a: String, _ b: String, shownA: String? = nil, shownB: String? = nil) {
            self.statement = statement; self.a = a; self.b = b; self.shownA = shownA ?? a; self.shownB = shownB ?? b
        }
    }

    /// How an edit changed the citations of a statement whose value it changed.
    public enum CitationChange: Sendable {
        /// Both sides cite the same sources: the source no longer says what the text says.
        case unchanged
        /// Neither side cites anything: the new value has no source either.
        case none
        /// The edit adds, removes or replaces a citation: an update.
        case changed
    }

    /// Compares the sources of two sentences by URL, else title, else name, else the
    /// reference's text.
    public static func citationChange(_ a: Sentence, _ b: Sentence) -> CitationChange {
        func ids(_ s: Sentence) -> Set<String> {
            Set(s.citations.map { c in c.url ?? c.title ?? c.name ?? c.work ?? c.mark ?? "" })
        }
        let ia = ids(a), ib = ids(b)
        if ia == ib { return ia.isEmpty ? .none : .unchanged }
        return .changed
    }

    /// Groups value differences found in aligned statements into findings: one per variant pair
    /// and pair of values, with the evidence of every statement that shows it.
    ///
    /// Between revisions a difference is an edit: a warning when the citation is unchanged (or
    /// there is none), information when the edit changes the citation too.
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
                        rule: rule, severity: change == .changed ? .info : severity, kind: .change,
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
