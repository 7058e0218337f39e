/// A piece of plain text a rule reads: a sentence, or a field's value, with where it sits.
public struct TextUnit: Sendable {
    public var section: [String]
    public var text: String
    /// The sentence, for prose and list items.
    public var sentence: Sentence?
    /// The field, for key/value lines.
    public var field: Field?

    /// 1-based line of the unit's first character.
    public var line: Int { sentence?.line ?? field?.line ?? 1 }
}

/// Word statistics over the whole variant set, computed once per run.
public struct WordStats: Sendable {
    /// Per variant (same order as the set): lower-cased word -> occurrences.
    public var perVariant: [[String: Int]]
    /// Lower-cased word -> occurrences in the whole set.
    public var total: [String: Int]
    /// Lower-cased word -> number of variants using it.
    public var variantCount: [String: Int]

    /// Occurrences of `word` (lower-cased) outside variant `index`.
    public func countOutside(_ word: String, variant index: Int) -> Int {
        (total[word] ?? 0) - (index < perVariant.count ? perVariant[index][word] ?? 0 : 0)
    }
}

extension VariantSet {
    /// Variants after `variant` in date order.
    public func newer(than variant: Variant) -> [Variant] { variants.filter { $0.order > variant.order } }
    /// Variants before `variant` in date order.
    public func older(than variant: Variant) -> [Variant] { variants.filter { $0.order < variant.order } }
    /// Variants with `role`, oldest first.
    public func variants(role: VariantRole) -> [Variant] { variants.filter { $0.document.role == role } }
    /// The revision just before `variant` (itself a revision or not), if any.
    public func previousRevision(of variant: Variant) -> Variant? {
        variants.last { $0.order < variant.order && $0.document.role == .revision }
    }
    /// A short name for messages: the id's prefix before `_` when no other variant shares it
    /// (`003` for `003_7ef6…`), else the whole id.
    public func shortName(_ id: String) -> String {
        guard let us = id.firstIndex(of: "_"), us != id.startIndex else { return id }
        let prefix = String(id[..<us])
        let clash = variants.contains { ($0.id != id && $0.id.hasPrefix(prefix + "_")) || $0.id == prefix }
        return clash ? id : prefix
    }

    /// Index of `variant` in `variants`.
    public func index(of variant: Variant) -> Int? { variants.firstIndex { $0.id == variant.id } }
}

extension RuleContext {
    /// Sentences (with their section) and then field values of `variant`, in document order.
    public func textUnits(_ variant: Variant) -> [TextUnit] {
        memo("engine.units.\(variant.id)") {
            var out: [TextUnit] = []
            for s in variant.document.sections {
                for t in s.sentences { out.append(TextUnit(section: s.path, text: t.text, sentence: t, field: nil)) }
            }
            for f in variant.document.fields {
                out.append(TextUnit(section: f.section, text: f.value, sentence: nil, field: f))
            }
            return out
        }
    }

    /// Line of a byte offset inside a unit's text.
    public func line(_ variant: Variant, _ unit: TextUnit, textOffset: Int) -> Int {
        if let s = unit.sentence {
            return variant.document.source.lines.line(of: s.sourceOffset(ofTextOffset: textOffset))
        }
        return unit.field?.line ?? 1
    }

    /// Evidence quoting a unit (its sentence, or its field's source line) at `line`.
    public func evidence(_ variant: Variant, _ unit: TextUnit, line: Int? = nil, value: String? = nil) -> Evidence {
        var e: Evidence
        if let f = unit.field {
            e = evidence(variant, f, value: value)
        } else {
            e = Evidence(
                variant: variant.id, path: variant.document.path, line: unit.line,
                section: unit.section.joined(separator: " > "), text: Evidence.trim(unit.text), value: value)
        }
        if let line { e.line = line }
        return e
    }

    /// Word statistics of the set (lower-cased words; words in links and code are skipped).
    public var wordStats: WordStats {
        memo("engine.wordStats") {
            var per: [[String: Int]] = []
            var total: [String: Int] = [:]
            var vc: [String: Int] = [:]
            for v in set.variants {
                var counts: [String: Int] = [:]
                for u in textUnits(v) {
                    for w in WordScanner.words(in: u.text) where !w.inLinkOrCode {
                        counts[w.lowered, default: 0] += 1
                    }
                }
                for (w, c) in counts { total[w, default: 0] += c; vc[w, default: 0] += 1 }
                per.append(counts)
            }
            return WordStats(perVariant: per, total: total, variantCount: vc)
        }
    }

    /// The sentence of `variant` most similar to `text`, with its `TextSimilarity` score.
    ///
    /// Candidates are first filtered cheaply by content-word overlap (Dice >= `prefilter` over
    /// words that are not function words), then scored with `TextSimilarity.similarity`.
    public func bestCounterpart(of text: String, in variant: Variant, prefilter: Double = 0.2) -> (section: Section, sentence: Sentence, score: Double)? {
        let probe = SimilarityWords.contentWords(text)
        guard !probe.isEmpty else { return nil }
        var best: (Section, Sentence, Double)? = nil
        for s in variant.document.sections {
            for t in s.sentences where SimilarityWords.dice(probe, contentWords(t.text)) >= prefilter {
                let score = TextSimilarity.similarity(text, t.text)
                if score > (best?.2 ?? 0) { best = (s, t, score) }
            }
        }
        return best.map { (section: $0.0, sentence: $0.1, score: $0.2) }
    }

    /// Content words of a sentence, cached per text.
    func contentWords(_ text: String) -> Set<String> {
        memo("engine.cw." + text) { SimilarityWords.contentWords(text) }
    }
}

/// Word-set similarity used to find a sentence's counterpart in another variant.
public enum SimilarityWords {
    /// Lower-cased words that are not function words.
    public static func contentWords(_ text: String) -> Set<String> {
        var out = Set<String>()
        for w in WordScanner.words(in: text) where !w.inLinkOrCode {
            let l = w.lowered
            if !CommonWords.function.contains(l) { out.insert(l) }
        }
        return out
    }

    /// Dice coefficient of two word sets (0...1).
    public static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
