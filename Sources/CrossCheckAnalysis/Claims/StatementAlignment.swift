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
        // Each sentence's text and place (section and sentence index), not a copy of its
        // section and sentence: on a long document those copies were a gate's largest allocation.
        func flat(_ d: Document) -> (texts: [String], places: [(section: Int32, sentence: Int32)]) {
            let n = d.sections.reduce(0) { $0 + $1.sentences.count }
            var texts: [String] = []
            var places: [(section: Int32, sentence: Int32)] = []
            texts.reserveCapacity(n)
            places.reserveCapacity(n)
            for (i, s) in d.sections.enumerated() {
                for (k, t) in s.sentences.enumerated() {
                    texts.append(t.text)
                    places.append((Int32(i), Int32(k)))
                }
            }
            return (texts, places)
        }
        for (x, y) in variantPairs(set) {
            let fa = flat(x.document)
            let fb = flat(y.document)
            guard !fa.texts.isEmpty, !fb.texts.isEmpty else { continue }
            let pairs = SentenceAligner.alignTexts(fa.texts, fb.texts)
            for p in pairs where p.similarity >= threshold && p.a < fa.texts.count && p.b < fb.texts.count {
                if fa.texts[p.a] == fb.texts[p.b] { continue }
                let (ia, ka) = fa.places[p.a], (ib, kb) = fb.places[p.b]
                let sa = x.document.sections[Int(ia)], sb = y.document.sections[Int(ib)]
                out.append(
                    AlignedStatement(
                        a: x, b: y, sectionA: sa, sentenceA: sa.sentences[Int(ka)], sectionB: sb, sentenceB: sb.sentences[Int(kb)],
                        similarity: p.similarity, isEdit: Chronology.isEdit(x, y)))
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
