import Foundation
import CrossCheckCore
import CrossCheckAnalysis

/// A piece of plain text a rule reads: a sentence, or a field's value, with where it sits.
///
/// A unit is kept for every sentence of every variant for the whole run, so it holds no copy of
/// anything it can reach: a sentence is its place in the document's sections (shared, not
/// copied), and a field (rare) is boxed. 24 bytes, where copies of the section path and the
/// sentence made 216.
package struct TextUnit: Sendable {
    private let sections: [Section]
    private let sectionIndex: Int32
    /// The sentence's index in its section; -1 for a field.
    private let sentenceIndex: Int32
    private let fieldBox: FieldBox?

    /// The sentence `sentence` of section `section` of `sections` (a document's).
    package init(_ sections: [Section], section: Int, sentence: Int) {
        self.sections = sections; self.sectionIndex = Int32(section); self.sentenceIndex = Int32(sentence); self.fieldBox = nil
    }
    package init(field: Field) {
        self.sections = []; self.sectionIndex = 0; self.sentenceIndex = -1; self.fieldBox = FieldBox(field: field)
    }

    /// The heading path of the unit's section (the field's, for a field).
    package var section: [String] { fieldBox?.field.section ?? sections[Int(sectionIndex)].path }
    /// The sentence, for prose and list items.
    package var sentence: Sentence? { sentenceIndex < 0 ? nil : sections[Int(sectionIndex)].sentences[Int(sentenceIndex)] }
    /// The field, for key/value lines.
    package var field: Field? { fieldBox?.field }
    /// The sentence's plain text or the field's value.
    package var text: String {
        if let f = fieldBox { return f.field.value }
        return sections[Int(sectionIndex)].sentences[Int(sentenceIndex)].text
    }

    /// 1-based line of the unit's first character.
    package var line: Int {
        if let f = fieldBox { return f.field.line }
        return sections[Int(sectionIndex)].sentences[Int(sentenceIndex)].line
    }

    private final class FieldBox: Sendable {
        let field: Field
        init(field: Field) { self.field = field }
    }
}

/// The words a computation asked `WordStats.count` about: what its result depends on, so that a
/// result kept from one revision to the next is dropped when the edit touched one of them.
/// Used by one rule on one thread at a time.
package final class CountRecorder: @unchecked Sendable {
    package var words: [String] = []
    package init() {}

    /// How a read is noted: the word itself when the exact count matters, else the word and the
    /// cap below which counts were told apart (after a control character no word contains).
    package static func name(_ word: String, cap: Int) -> String {
        cap == .max ? word : word + "\u{2}" + String(cap)
    }

    /// The caps `count` is called with (besides none).
    package static let caps = [1, 3, 4]

    /// The noted names of `word`'s reads that an edit moving its count from `old` to `now` can
    /// have changed: the exact one always, a capped one when the count crossed the cap.
    package static func affected(_ word: String, old: Int, now: Int, everyCap: Bool) -> [String] {
        var out = [word]
        for c in caps where everyCap || min(old, c) != min(now, c) { out.append(name(word, cap: c)) }
        return out
    }
}

/// Word counts and the texts they were counted from, kept by a `RuleMemo` for the next run.
struct WordStatsState {
    var ids: [String]
    /// Per variant: its units in order (the run's own list: keeping it costs no copy of the texts).
    var units: [[TextUnit]]
    var stats: WordStats
}

/// Word statistics over the whole variant set, computed once per run.
package struct WordStats: Sendable {
    /// Per variant (same order as the set): lower-cased word -> occurrences.
    package var perVariant: [[String: Int]]
    /// Lower-cased word -> occurrences in the whole set.
    package var total: [String: Int]
    /// Lower-cased word -> number of variants using it.
    package var variantCount: [String: Int]
    /// With a history walk's memo: the lower-cased words whose count in some variant, or whose
    /// spellings (`RuleMemo.spellings`), the edit changed since the previous run; a verdict that
    /// read none of them still holds. A word of a reworded sentence that the new wording keeps,
    /// spelt the same, is not among them. Nil when there was no previous run to compare with:
    /// every cached verdict must go.
    package var changed: Set<String>? = nil
    /// With a memo: the net change of each word's set-wide count since the previous run (words
    /// whose count did not change are absent). Its keys are a subset of `changed`.
    package var totalDelta: [String: Int] = [:]
    /// While set, `count(_:)` notes every word it is asked about: the words a verdict read.
    package var recorder: CountRecorder? = nil

    /// Occurrences of `word` (lower-cased) in variant `index`, noted by the recorder if there is one.
    ///
    /// `cap`: the caller only tells apart counts below it (`count(w, cap: 3) <= 2` asks about 0, 1,
    /// 2 and "more"), so a change above it changes nothing the caller saw (see `CountRecorder.name`).
    package func count(_ word: String, in index: Int, cap: Int = .max) -> Int {
        recorder?.words.append(CountRecorder.name(word, cap: cap))
        return perVariant[index][word] ?? 0
    }

    /// Occurrences of `word` (lower-cased) in the whole set, noted by the recorder if there is one.
    package func count(_ word: String, cap: Int = .max) -> Int {
        recorder?.words.append(CountRecorder.name(word, cap: cap))
        return total[word] ?? 0
    }

    /// Occurrences of `word` (lower-cased) outside variant `index`.
    package func countOutside(_ word: String, variant index: Int) -> Int {
        (total[word] ?? 0) - (index < perVariant.count ? perVariant[index][word] ?? 0 : 0)
    }
}

extension VariantSet {
    /// Variants after `variant` in date order.
    package func newer(than variant: Variant) -> [Variant] { variants.filter { $0.order > variant.order } }
    /// Variants before `variant` in date order.
    package func older(than variant: Variant) -> [Variant] { variants.filter { $0.order < variant.order } }
    /// Variants with `role`, oldest first.
    package func variants(role: VariantRole) -> [Variant] { variants.filter { $0.document.role == role } }
    /// The revision just before `variant` (itself a revision or not), if any.
    package func previousRevision(of variant: Variant) -> Variant? {
        variants.last { $0.order < variant.order && $0.document.role == .revision }
    }
    /// The name of a variant in messages: its full id, or the name it carries (gate's NEW).
    package func shortName(_ id: String) -> String {
        variants.first { $0.id == id }?.name ?? VariantNames.short(id, among: variants.lazy.map(\.id))
    }

    /// Index of `variant` in `variants`.
    package func index(of variant: Variant) -> Int? { variants.firstIndex { $0.id == variant.id } }
}

extension RuleContext {
    /// `IntroducedTypoRule.dictionarySlip(w)`, kept from run to run with a memo.
    func dictionarySlip(_ w: String) -> String? {
        guard let memo else { return IntroducedTypoRule.dictionarySlip(w) }
        if let known = memo.dictionarySlips[w] { return known }
        let slip = IntroducedTypoRule.dictionarySlip(w)
        if memo.dictionarySlips.count > 200_000 { memo.dictionarySlips.removeAll() }
        memo.dictionarySlips[w] = .some(slip)
        return slip
    }

    /// Sentences (with their section) and then field values of `variant`, in document order.
    package func textUnits(_ variant: Variant) -> [TextUnit] {
        analysis(AnalysisKey<[TextUnit]>("textUnits", scope: variant.id)) {
            var out: [TextUnit] = []
            out.reserveCapacity(variant.document.sections.reduce(variant.document.fields.count) { $0 + $1.sentences.count })
            let sections = variant.document.sections
            for (i, s) in sections.enumerated() {
                for k in s.sentences.indices { out.append(TextUnit(sections, section: i, sentence: k)) }
            }
            for f in variant.document.fields {
                out.append(TextUnit(field: f))
            }
            return out
        }
    }

    /// Line of a byte offset inside a unit's text.
    package func line(_ variant: Variant, _ unit: TextUnit, textOffset: Int) -> Int {
        if let s = unit.sentence {
            return variant.document.source.lines.line(of: s.sourceOffset(ofTextOffset: textOffset))
        }
        return unit.field?.line ?? 1
    }

    /// Evidence quoting a unit (its sentence, or its field's source line) at `line`.
    package func evidence(_ variant: Variant, _ unit: TextUnit, line: Int? = nil, value: String? = nil) -> Evidence {
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
    ///
    /// Consecutive revisions share most of their texts, so each variant's counts are the previous
    /// variant's counts plus the words of the texts it adds, minus those of the texts it drops
    /// (each distinct text is scanned once). Set totals are summed the same way: a change at
    /// variant `i` of `n` holds for the `n - i` variants from `i` on, until a later change undoes it.
    /// With a memo, each variant's counts are the previous run's counts of the same variant,
    /// updated the same way, and `changed` names the words the update touched.
    package var wordStats: WordStats {
        analysis(AnalysisKey<WordStats>("wordStats")) {
            let n = set.variants.count
            // Each distinct text's counted words (lower-cased, repeats kept), scanned once.
            var wordsByText: [String: [String]] = [:]
            func words(_ text: String) -> [String] {
                if let w = wordsByText[text] { return w }
                var words: [String] = []
                for w in WordScanner.words(in: text) where !w.inLinkOrCode { words.append(w.lowered) }
                // One variant reads each text once: nothing to reuse, so nothing to keep.
                if n > 1 { wordsByText[text] = words }
                return words
            }
            func unitTexts(_ v: Variant) -> [TextKey: Int] {
                var texts: [TextKey: Int] = [:]
                for u in textUnits(v) { texts[TextKey(u.text), default: 0] += 1 }
                return texts
            }
            /// Texts added (positive) or dropped (negative) from `old` to `new`, as word deltas.
            func delta(from old: [TextKey: Int], to new: [TextKey: Int]) -> [String: Int] {
                var delta: [String: Int] = [:]
                for (t, c) in new {
                    let d = c - (old[t] ?? 0)
                    if d != 0 { for w in words(t.text) { delta[w, default: 0] += d } }
                }
                for (t, c) in old where new[t] == nil {
                    for w in words(t.text) { delta[w, default: 0] -= c }
                }
                return delta
            }
            let ids = set.variants.map(\.id)
            if let memo, var state = memo.words, state.ids == ids {
                // Take the state out of the memo so that its dictionaries are updated in place.
                memo.words = nil
                var changed = Set<String>()
                var totalDelta: [String: Int] = [:]
                // The spellings follow the same texts when they followed the last run's.
                let spellings = memo.spellingsRun == memo.runs - 1
                if !spellings { memo.spellings = [:] }
                // One variant: the set-wide counts are its counts. `total` shares their storage,
                // released here so that they are updated in place, and shared again at the end.
                let lone = n == 1
                if lone { state.stats.total = [:] }
                for (i, v) in set.variants.enumerated() {
                    // Only the units between the common first and last ones changed: an edit
                    // touches one place, and unchanged sentences keep their storage, so the ends
                    // compare at the cost of a pointer.
                    let units = textUnits(v)
                    let old = state.units[i]
                    let shared = UnitAlignment(old: old.count, new: units, text: { old[$0].text })
                    let head = shared.head, tail = shared.tail
                    // Between them, texts that merely moved (or repeat) cancel out.
                    var middle: [TextKey: Int] = [:]
                    for k in head..<(units.count - tail) { middle[TextKey(units[k].text), default: 0] += 1 }
                    for k in head..<(old.count - tail) { middle[TextKey(old[k].text), default: 0] -= 1 }
                    // A text with a hyphen came or went: what the set hyphenates may have changed.
                    if !memo.hyphenated.isEmpty, middle.contains(where: { $0.value != 0 && $0.key.text.utf8.contains(0x2D) }) {
                        memo.hyphenated = [:]
                    }
                    var d: [String: Int] = [:]
                    // Net change per spelling: a reworded sentence's kept words cancel out here.
                    var spelt: [String: (lowered: String, delta: Int)] = [:]
                    for (t, c) in middle where c != 0 {
                        for w in WordScanner.words(in: t.text) where !w.inLinkOrCode {
                            let lowered = w.lowered
                            d[lowered, default: 0] += c
                            if spellings { spelt[w.text, default: (lowered, 0)].delta += c }
                        }
                    }
                    for (text, e) in spelt where e.delta != 0 {
                        let now = (memo.spellings[e.lowered]?[text] ?? 0) + e.delta
                        memo.spellings[e.lowered, default: [:]][text] = now == 0 ? nil : now
                        if memo.spellings[e.lowered]?.isEmpty == true { memo.spellings[e.lowered] = nil }
                        changed.insert(e.lowered)
                    }
                    for (w, dw) in d {
                        // Without the spellings following the edit, any word of a changed text may
                        // read differently.
                        if dw != 0 || !spellings { changed.insert(w) }
                        guard dw != 0 else { continue }
                        let old = state.stats.perVariant[i][w] ?? 0
                        let now = old + dw
                        state.stats.perVariant[i][w] = now == 0 ? nil : now
                        if !lone {
                            let t = (state.stats.total[w] ?? 0) + dw
                            state.stats.total[w] = t == 0 ? nil : t
                        }
                        totalDelta[w, default: 0] += dw
                        if old == 0 || now == 0 {
                            let c = (state.stats.variantCount[w] ?? 0) + (old == 0 ? 1 : -1)
                            state.stats.variantCount[w] = c == 0 ? nil : c
                        }
                    }
                    state.units[i] = units
                }
                if lone { state.stats.total = state.stats.perVariant[0] }
                state.stats.changed = changed
                state.stats.totalDelta = totalDelta.filter { $0.value != 0 }
                memo.words = state
                if spellings { memo.spellingsRun = memo.runs }
                return state.stats
            }
            var per: [[String: Int]] = []
            per.reserveCapacity(n)
            var total: [String: Int] = [:]
            var vc: [String: Int] = [:]
            var counts: [String: Int] = [:]
            var previousTexts: [TextKey: Int] = [:]
            var allUnits: [[TextUnit]] = []
            for (i, v) in set.variants.enumerated() {
                let texts = unitTexts(v)
                let d = delta(from: previousTexts, to: texts)
                let span = n - i
                for (w, dw) in d where dw != 0 {
                    let old = counts[w] ?? 0
                    let now = old + dw
                    counts[w] = now == 0 ? nil : now
                    total[w, default: 0] += dw * span
                    if old == 0 { vc[w, default: 0] += span } else if now == 0 { vc[w, default: 0] -= span }
                }
                per.append(counts)
                previousTexts = texts
                if memo != nil { allUnits.append(textUnits(v)) }
            }
            let stats = WordStats(perVariant: per, total: total.filter { $0.value != 0 }, variantCount: vc.filter { $0.value != 0 })
            if let memo {
                memo.words = WordStatsState(ids: ids, units: allUnits, stats: stats)
                memo.hyphenated = [:]
            }
            return stats
        }
    }

    /// The sentence of `variant` most similar to `text`, with its `TextSimilarity` score.
    ///
    /// Candidates are first filtered cheaply by content-word overlap (Dice >= `prefilter` over
    /// words that are not function words), then scored with `TextSimilarity.similarity`.
    /// Each variant's sentences are indexed once per run (content words as sorted integer ids,
    /// similarity hashes per distinct text), so repeated searches do no string hashing per sentence.
    package func bestCounterpart(of text: String, in variant: Variant, prefilter: Double = 0.2) -> (section: Section, sentence: Sentence, score: Double)? {
        let texts = counterpartTexts
        let probe = texts.words(text)
        guard !probe.isEmpty else { return nil }
        let index = counterpartIndex(variant, texts)
        let sections = variant.document.sections
        var probeHashes: [UInt64]? = nil
        var best: (s: Int, t: Int, score: Double)? = nil
        for e in index {
            let inter = CounterpartTexts.common(probe, e.words)
            guard 2 * Double(inter) / Double(probe.count + e.words.count) >= prefilter else { continue }
            // `TextSimilarity.similarity`, with both sides' hashes computed once.
            let other = sections[e.section].sentences[e.sentence].text
            let score: Double
            if text == other {
                score = 1
            } else {
                let x = probeHashes ?? TextSimilarity.hashes(text)
                probeHashes = x
                let y = texts.hashes(other)
                if x.isEmpty || y.isEmpty {
                    score = 0
                } else {
                    score = 2 * Double(CounterpartTexts.common(x, y)) / Double(x.count + y.count)
                }
            }
            if score > (best?.score ?? 0) { best = (e.section, e.sentence, score) }
        }
        return best.map { (section: sections[$0.s], sentence: sections[$0.s].sentences[$0.t], score: $0.score) }
    }

    /// Content words of a sentence, cached per text.
    func contentWords(_ text: String) -> Set<String> {
        analysis(AnalysisKey<Set<String>>("contentWords", scope: text)) { SimilarityWords.contentWords(text) }
    }

    /// The run's cache of per-text counterpart data.
    var counterpartTexts: CounterpartTexts { analysis(AnalysisKey<CounterpartTexts>("counterpartTexts")) { CounterpartTexts() } }

    /// Every sentence of `variant` with its content-word ids, in document order.
    func counterpartIndex(_ variant: Variant, _ texts: CounterpartTexts) -> [CounterpartTexts.Entry] {
        analysis(AnalysisKey<[CounterpartTexts.Entry]>("counterparts", scope: variant.id)) {
            var out: [CounterpartTexts.Entry] = []
            for (si, s) in variant.document.sections.enumerated() {
                for ti in s.sentences.indices {
                    out.append(CounterpartTexts.Entry(section: si, sentence: ti, words: texts.words(s.sentences[ti].text)))
                }
            }
            return out
        }
    }
}

/// Per-text data for `bestCounterpart`, shared by every variant of a run: content words interned
/// as sorted integer ids (Dice over sets is a merge of sorted arrays) and `TextSimilarity` hashes.
final class CounterpartTexts: @unchecked Sendable {
    struct Entry { var section: Int; var sentence: Int; var words: [Int32] }

    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var wordsByText: [String: [Int32]] = [:]
    private var hashesByText: [String: [UInt64]] = [:]

    /// Sorted distinct ids of the text's content words (`SimilarityWords.contentWords`).
    func words(_ text: String) -> [Int32] {
        lock.lock(); defer { lock.unlock() }
        if let w = wordsByText[text] { return w }
        // The words `SimilarityWords.contentWords` keeps, interned straight from the scan.
        var out: [Int32] = []
        for w in WordScanner.words(in: text) where !w.inLinkOrCode {
            let l = w.lowered
            guard !CommonWords.function.contains(l) else { continue }
            if let id = ids[l] { out.append(id) } else {
                let id = Int32(ids.count)
                ids[l] = id
                out.append(id)
            }
        }
        out.sort()
        // Distinct ids only: a set of words.
        var n = 0
        for id in out where n == 0 || out[n - 1] != id { out[n] = id; n += 1 }
        out.removeLast(out.count - n)
        wordsByText[text] = out
        return out
    }

    /// `TextSimilarity.hashes` of the text.
    func hashes(_ text: String) -> [UInt64] {
        lock.lock(); defer { lock.unlock() }
        if let h = hashesByText[text] { return h }
        let h = TextSimilarity.hashes(text)
        hashesByText[text] = h
        return h
    }

    /// Size of the multiset intersection of two sorted arrays.
    static func common<T: Comparable>(_ x: [T], _ y: [T]) -> Int {
        var i = 0, j = 0, c = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { c += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return c
    }
}

/// Word-set similarity used to find a sentence's counterpart in another variant.
package enum SimilarityWords {
    /// Lower-cased words that are not function words.
    package static func contentWords(_ text: String) -> Set<String> {
        var out = Set<String>()
        for w in WordScanner.words(in: text) where !w.inLinkOrCode {
            let l = w.lowered
            if !CommonWords.function.contains(l) { out.insert(l) }
        }
        return out
    }

    /// Dice coefficient of two word sets (0...1).
    package static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
