import CrossCheckCore
/// Two sentences that make the same statement in two variants, for the value-comparing rules.
package struct AlignedStatement: Sendable {
    /// The earlier variant of the pair (for a summary or source: its reference revision).
    package var a: Variant
    package var b: Variant
    package var sectionA: Section
    package var sentenceA: Sentence
    package var sectionB: Section
    package var sentenceB: Sentence
    package var similarity: Double
    /// True when both are revisions: a difference is an edit.
    package var isEdit: Bool
}

/// Aligns the sentences of the variant pairs that chronology says to compare: consecutive
/// revisions (edits), and each summary or source with its reference revision (contradictions).
///
/// Computed once per run through `RuleContext.memo`; uses `SentenceAligner` over all sentences
/// of the two documents, so a statement that moved to another section still pairs.
package enum StatementAlignment {
    /// Minimum similarity for two sentences to count as the same statement.
    package static let threshold = 0.5

    /// The variant pairs to compare, older (or reference) first.
    package static func variantPairs(_ set: VariantSet) -> [(Variant, Variant)] {
        var out: [(Variant, Variant)] = []
        let revs = set.revisions
        for (x, y) in zip(revs, revs.dropFirst()) { out.append((x, y)) }
        for v in set.variants where v.document.role != .revision {
            if let ref = Chronology.reference(for: v, in: set) { out.append((ref, v)) }
        }
        return out
    }

    /// Every aligned statement pair of the set whose texts differ.
    package static func compute(_ set: VariantSet) -> [AlignedStatement] {
        var out: [AlignedStatement] = []
        // Each sentence by its section's index (not a copy of the section per sentence: on a
        // long document those copies were the largest allocation of a gate).
        func flat(_ d: Document) -> (sentences: [Sentence], sections: [Int]) {
            let n = d.sections.reduce(0) { $0 + $1.sentences.count }
            var sentences: [Sentence] = []
            var sections: [Int] = []
            sentences.reserveCapacity(n)
            sections.reserveCapacity(n)
            for (i, s) in d.sections.enumerated() {
                sentences += s.sentences
                sections += repeatElement(i, count: s.sentences.count)
            }
            return (sentences, sections)
        }
        for (x, y) in variantPairs(set) {
            let fa = flat(x.document)
            let fb = flat(y.document)
            guard !fa.sentences.isEmpty, !fb.sentences.isEmpty else { continue }
            let pairs = SentenceAligner.align(fa.sentences, fb.sentences)
            for p in pairs where p.similarity >= threshold && p.a < fa.sentences.count && p.b < fb.sentences.count {
                let ta = fa.sentences[p.a], tb = fb.sentences[p.b]
                if ta.text == tb.text { continue }
                out.append(
                    AlignedStatement(
                        a: x, b: y, sectionA: x.document.sections[fa.sections[p.a]], sentenceA: ta,
                        sectionB: y.document.sections[fb.sections[p.b]], sentenceB: tb, similarity: p.similarity,
                        isEdit: Chronology.isEdit(x, y)))
            }
        }
        return out
    }

    /// Evidence for one side of a pair.
    package static func evidence(_ v: Variant, _ section: Section, _ s: Sentence, value: String) -> Evidence {
        Evidence(
            variant: v.id, path: v.document.path, line: s.line, section: section.path.joined(separator: " > "),
            text: Evidence.trim(s.text), value: value)
    }

    /// One value that differs between two aligned statements: the normalised values (for
    /// grouping and fingerprints) and the same values written for people.
    package struct Difference: Sendable {
        package var statement: AlignedStatement
        package var a: String
        package var b: String
        package var shownA: String
        package var shownB: String
        package init(_ statement: AlignedStatement, _ a: String, _ b: String, shownA: String? = nil, shownB: String? = nil) {
            self.statement = statement; self.a = a; self.b = b; self.shownA = shownA ?? a; self.shownB = shownB ?? b
        }
    }

    /// How an edit changed the citations of a statement whose value it changed.
    package enum CitationChange: Sendable {
        /// Both sides cite the same sources: the source no longer says what the text says.
        case unchanged
        /// Neither side cites anything: the new value has no source either.
        case none
        /// The edit adds, removes or replaces a citation: an update.
        case changed
    }

    /// Compares the sources of two sentences by URL, else title, else name, else the
    /// reference's text.
    package static func citationChange(_ a: Sentence, _ b: Sentence) -> CitationChange {
        func ids(_ s: Sentence) -> Set<String> {
            Set(s.citations.map { c in c.url ?? c.title ?? c.name ?? c.work ?? c.mark ?? "" })
        }
        let ia = ids(a), ib = ids(b)
        if ia == ib { return ia.isEmpty ? .none : .unchanged }
        return .changed
    }

}
