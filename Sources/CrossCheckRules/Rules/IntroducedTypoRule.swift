import CrossCheckCore
import CrossCheckAnalysis
/// `introduced-typo`: a word introduced by an edit that is one edit away from a word used elsewhere in the set.
package struct IntroducedTypoRule: Rule {
    package static let description = RuleDescription(
        id: "introduced-typo", name: "Introduced typo", severity: .warning,
        summary: "A word new in a revision is one keystroke away from a word the set uses more often.",
        rationale: """
            Edits introduce typos that spell-checkers miss because the word is a name or a term of art. \
            A word that first appears in a revision (absent from the previous revision; every word of the \
            oldest revision counts as new, since its edit history is not in the set), is not a real word \
            (a common English word, one of the real words a slip away from another such as "ethic" and \
            "ensue", a word an older variant or an outside source already uses, or a word whose other \
            forms the set uses, such as "ethics"), and is one slip of the keyboard away from a word the article itself uses at least \
            five times (and three times as often) is most likely a misspelling of that word. To stay clear \
            of real words that differ by one letter, the slip must spare the first and last letters, keep \
            the capitalisation and not touch a plural ending; a dropped or swapped letter always counts, a \
            doubled letter counts except in plain names (name variants such as "Allan" and "Alan" differ \
            that way), and a replaced letter counts only in CamelCase names. The intended word must come \
            from the article itself (the previous revision or the rest of the new one), never only from an \
            outside source. British and American spellings of one word ("colour"/"color", \
            "travelled"/"traveled", "centre"/"center", "organise"/"organize", "catalogue"/"catalog", \
            "defence"/"defense") are never typos of each other, nor are transliterations that differ by \
            an apostrophe ("Qur'an"/"Quran"). English word lists apply only to English text: there, any \
            dictionary word or name is real, and a lower-case word in no dictionary that is one slip from \
            exactly one common English word is reported even when the article never uses that word \
            ("heavilly"). Text in another language is judged only against its own vocabulary, and only \
            where an edit is visible (a note says when it is not judged). A possessive is checked as the \
            word it is; a word its link's target spells the same way, a word in italics or in a span \
            marked as another language, and a technical token with capitals inside ("shRNA") are not \
            slips; a link whose label is a slip of its own target ("[[Harbour Mill|Harbuor Mill]]") is.
            """,
        triggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    BrightWater Labs builds water filters. BrightWater Labs was founded by two engineers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    BrightWater Labs builds water filters. BrightWatter Labs was founded by two engineers. BrightWater Labs opened a plant, and BrightWater staff run it.
                    """), expect: "BrightWatter"),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    The plant uses membrane filtration. Membrane filtration removes salt, and filtration runs all day.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    The plant uses membrane filtration. A second filtraton line opened, and filtration runs all day.
                    """), expect: "filtraton"),
            // A possessive is checked as the word it is.
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Brackwater wrote the pamphlet. Brackwater argued for free schools. Brackwater spoke in the hall, and Brackwater printed it. Brackwater left in spring.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    Brackwater wrote the pamphlet. Brackwater argued for free schools. Brackwater spoke in the hall, and Brackwater printed it. Brakwater's critics replied.
                    """), expect: "Brakwater"),
            // A link's label misspelling the link's own target.
            RuleExample(
                ExampleFile("old.wiki", role: .revision, date: "2020-01", format: .wikitext, """
                    The town grew around a mill on the river.
                    """),
                ExampleFile("new.wiki", role: .revision, date: "2021-01", format: .wikitext, """
                    The town grew around the [[Harbour Mill|Harbuor Mill]] on the river.
                    """), expect: "Harbuor"),
            // English text: a slip of a common English word the article never uses itself.
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    The town relies on tourism in the summer.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    The town relies heavilly on tourism in the summer.
                    """), expect: "heavilly"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Brightwater Labs builds a water filter. Brightwater Labs was founded by two engineers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    Brightwater Labs builds water filters. Brightwater Labs was founded by two engineers and organized a modest launch.
                    """)),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Problems arising from the flood were reported. Problems arising from the flood closed the road. The Kestrel report covers problems arising from the flood, and problems arising from drought.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    Raising the road fixed problems arising from the flood. The Kestrel report covers problems arising from the flood. Volunteers from Kestral Farm helped.
                    """)),
            RuleExample(
                ExampleFile("only.txt", role: .revision, format: .plaintext, "Brightwatter Labs builds water filters, says Brightwater Labs.")),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    The guild traveled to fairs. Members traveled by rail and traveled by boat. They traveled far, and once traveled abroad. Its rules ensure fair prices and ensure quality, ensure safety, ensure training and ensure access.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    The guild traveled to fairs. Members traveled by rail and traveled by boat. A new member travelled from abroad. A dispute was expected to ensue. Its rules ensure fair prices and ensure quality, ensure safety, ensure training and ensure access.
                    """)),
            // Real words: a dictionary word beside a more frequent one a slip away, a
            // transliteration written two ways, a technical token with capitals inside.
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    The pleural lining was inflamed. A pleural tap drained it, and the pleural space was checked. Pleural fluid and pleural pressure were measured.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    The pleural lining was inflamed. A pleural tap drained it, and the pleural space was checked. Pleural fluid and pleural pressure were measured. The plural form is used in the notes.
                    """)),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    The Qur'an was copied here. The Qur'an school taught the Qur'an, and a Qur'an of the tenth century and a second Qur'an are kept.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    The Qur'an was copied here. The Qur'an school taught the Qur'an, and a Qur'an of the tenth century and a second Quran are kept.
                    """)),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    The lab designs siRNA probes. Each siRNA is tested, and siRNA libraries, siRNA screens and siRNA pools are sold.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    The lab designs siRNA probes. Each siRNA is tested, and siRNA libraries, siRNA screens and siRNA pools are sold. It also makes shRNA vectors.
                    """)),
            // German text with no earlier revision: no word list and no edit to judge (a note says so).
            RuleExample(
                ExampleFile("artikel.txt", role: .revision, format: .plaintext, """
                    Er kam wieder in die Stadt und wollte wieder arbeiten. Sie sah ihn wieder, aber er war weder froh noch traurig. Dann ging er wieder und kam nie wieder zurück.
                    """)),
            // A word in a span marked as another language is not English.
            RuleExample(
                ExampleFile("region.wiki", role: .revision, format: .wikitext, """
                    Lombardia is a region of the north. The people of Lombardia call it Lombardia, and Lombardia borders Switzerland. Lombardia has twelve provinces.

                    A woman from the region is called {{lang-it|Lombarda}} in Italian.
                    """)),
        ])

    package init() {}

    /// What one text unit yields before the position-dependent tests (markup around each word):
    /// the words that look like slips with their intended word, and the candidates for a link
    /// label that is a slip of its own target.
    struct UnitScan {
        struct Word { var original: String; var key: String; var target: String?; var offset: Int }
        var hits: [Word] = []
        var labelCandidates: [Word] = []
        /// Whether the unit was read as English (when any word needed to know).
        var english = true
        /// The unit's language when its words go unjudged for want of a word list (a note).
        var unjudgedLanguage: String? = nil
    }

    /// Unit scans kept from one revision's run to the next (`RuleMemo`), for a revision with no
    /// earlier one in the set (a history walk's lone revision): keyed by the unit's text and the
    /// language its section or variant gives it, dropped when the edit touches a word whose count
    /// the scan read (or a bucket of frequent words it searched).
    final class Memo {
        struct Key: Hashable { var text: TextKey; var fallback: String }
        /// A unit's scan as the memo holds it: shared by the cache and the last run's units, so
        /// that `update` marks a dropped scan for both, and a run finds it dropped without a lookup.
        final class Entry {
            let key: Key
            let scan: UnitScan
            /// Whether a run has anything to look at in it (hits, label candidates, a note).
            let interesting: Bool
            /// Set when an edit drops the scan: a unit holding it is scanned again.
            var dropped = false
            init(key: Key, scan: UnitScan) {
                self.key = key
                self.scan = scan
                self.interesting = !scan.hits.isEmpty || !scan.labelCandidates.isEmpty || scan.unjudgedLanguage != nil
            }
        }
        let scans = RevisionCache<Key, Entry>(keep: 256)
        /// Word (or frequent-word bucket) -> scans that read it.
        var readers: [String: [Key]] = [:]
        var indexed = 0
        /// Words used five times or more, by bucket; kept up to date with the counts.
        var frequent: FrequentWords? = nil
        var frequentSet: Set<String> = []

        /// Word verdicts (by the scan's verdict key), with the counts each read.
        let verdicts = RevisionCache<String, Verdict>(keep: 256)
        /// Word (or bucket) -> verdict keys that read it.
        var verdictReaders: [String: [String]] = [:]
        /// Words some scan or verdict read with a cap (most touched words have none).
        var cappedWords: Set<String> = []

        /// Notes that `key` read the counts named in `names` (see `CountRecorder.name`).
        func noteCapped(_ names: Set<String>) {
            for n in names {
                guard let i = n.utf8.firstIndex(of: 0x02) else { continue }
                cappedWords.insert(String(n[..<i]))
            }
        }

        /// The last run's units in order (empty when it had section languages).
        var previous: [Entry] = []
        var previousLanguage = ""
        /// Intended word -> the unit (index in the last run's units) and byte offset of its first
        /// use. Kept while the edits leave everything up to that unit alone (`keepFirstUses`).
        var firstUses: [String: (unit: Int, offset: Int)] = [:]

        /// Drops the first uses an edit starting at unit `head` may have moved.
        func keepFirstUses(before head: Int) {
            guard !firstUses.isEmpty else { return }
            firstUses = firstUses.filter { $0.value.unit < head }
        }

        func reset() {
            scans.removeAll(); readers.removeAll(); indexed = 0; frequent = nil; frequentSet = []
            verdicts.removeAll(); verdictReaders.removeAll(); cappedWords = []
            previous = []
            firstUses = [:]
        }

        /// Aligns this run's units with the last run's: none are shared when the language
        /// changed or there was no last run.
        func align(_ units: [TextUnit], language: String) -> UnitAlignment {
            guard language == previousLanguage, !previous.isEmpty else {
                previousLanguage = language
                previous = []
                return UnitAlignment(old: 0, new: units, text: { _ in "" })
            }
            return UnitAlignment(old: previous.count, new: units, text: { self.previous[$0].key.text.text })
        }

        /// Makes this run's units the next run's previous ones: `replaced` are shared units
        /// scanned again (their scans were dropped), `middle` the units between the shared ends.
        /// In place: the shared units are not copied.
        func finishRun(_ alignment: UnitAlignment, replaced: [(Int, Entry)], middle: [Entry]) {
            for (p, e) in replaced { previous[p] = e }
            previous.replaceSubrange(alignment.head..<(previous.count - alignment.tail), with: middle)
        }

        /// Brings the frequent words up to date and drops the scans the edit may have changed.
        /// With several variants a capped read is dropped on any change (their counts differ
        /// from the set-wide one `totalDelta` follows).
        func update(_ stats: WordStats, multiVariant: Bool) {
            guard let changed = stats.changed, var f = frequent else {
                reset()
                var f = FrequentWords(stats)
                frequentSet = Set(stats.total.filter { $0.value >= 5 }.keys)
                f.recordsBuckets = true
                frequent = f
                return
            }
            frequent = nil  // updated in place below
            var touched = changed
            for w in changed {
                let now = (stats.total[w] ?? 0) >= 5
                guard now != frequentSet.contains(w) else { continue }
                if now { frequentSet.insert(w); f.insert(w) } else { frequentSet.remove(w); f.remove(w) }
                if let b = FrequentWords.bucketName(w) { touched.insert(b) }
            }
            frequent = f
            for w in touched {
                let now = stats.total[w] ?? 0
                let names = cappedWords.contains(w) ? CountRecorder.affected(w, old: now - (stats.totalDelta[w] ?? 0), now: now, everyCap: multiVariant) : [w]
                for name in names {
                    if let keys = verdictReaders.removeValue(forKey: name) { for k in keys { verdicts[k] = nil } }
                    guard let keys = readers.removeValue(forKey: name) else { continue }
                    for k in keys {
                        scans[k]?.dropped = true
                        scans[k] = nil
                    }
                }
            }
            if indexed > 400_000 {
                scans.removeAll(); readers.removeAll(); verdicts.removeAll(); verdictReaders.removeAll(); cappedWords = []; indexed = 0
                previous = []
            }
            // The last run's units are in use though found by position.
            if scans.sweepsAtNextRun { for e in previous { scans.touch(e.key) } }
            scans.nextRun()
            verdicts.nextRun()
        }
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let set = context.set
        let stats = context.wordStats
        let memo = context.memo.map { m in m.state("introduced-typo") { Memo() } }
        memo?.update(stats, multiVariant: set.variants.count > 1)
        // The spellings follow every edit, so that the next run can update them by its delta.
        if memo != nil { _ = Self.spelling(of: "", in: set, context: context) }
        let frequent = memo?.frequent ?? FrequentWords(stats)
        var findings: [Finding] = []
        for (bi, b) in set.variants.enumerated() where b.document.role == .revision {
            // The oldest revision has no visible edit; its words are all "new", judged the same way, so
            // a gate can tell when an edit fixes a typo that the revision before it already had.
            let a = set.previousRevision(of: b)
            let ai = a.flatMap { set.index(of: $0) } ?? bi
            var seen: [String: (original: String, target: String, units: [(TextUnit, Int)])] = [:]
            var order: [String] = []
            // Verdicts of this run, with the counts each read.
            let judged = Verdicts(a == nil ? memo : nil)
            // A word an older variant (of any role) or an outside source already uses was not
            // introduced by this edit, and is a real word.
            let witnesses = set.variants.indices.filter { vi in
                let v = set.variants[vi]
                return vi != bi && (v.order < b.order || v.document.role == .source)
            }
            // A text the previous revision also holds brings no word it lacks: skip it unscanned.
            let previousTexts: Set<String> = a.map { Self.unitTexts($0, context) } ?? []
            let scanner = Scanner(
                context: context, variant: b, variantIndex: bi, previousIndex: ai, hasPrevious: a != nil,
                before: a == nil ? [:] : stats.perVariant[ai], witnesses: witnesses, frequent: frequent)
            var labelSlips: [(original: String, target: String, unit: TextUnit, line: Int)] = []
            // Only a revision with no earlier one reads every unit the same way run after run.
            let cache = a == nil ? memo : nil
            // The language a unit falls back on, when its own words do not decide: with no section
            // languages, the variant's (asked once).
            let sectionLanguages = b.document.sections.contains { $0.language != nil }
            let variantLanguage = context.language(of: b)
            let units = context.textUnits(b)
            // With the memo: the scans of the units the edit left in place (the same texts at both
            // ends of the revision) are the previous run's, unless the edit dropped them.
            let alignment = cache.flatMap { c in sectionLanguages ? nil : c.align(units, language: variantLanguage) }
            func look(_ scan: UnitScan, _ u: TextUnit) {
                if let language = scan.unjudgedLanguage {
                    context.note(Self.description.id, b, "text in \(language) with no earlier revision in the set: no edit to judge and no word list for that language, so its words are not judged")
                }
                for w in scan.labelCandidates {
                    // A link whose label is a slip of its own target ("[[Harbour Mill|Harbuor Mill]]").
                    if context.mayBeLinkLabel(u, textOffset: w.offset, in: b),
                        let slip = Self.labelSlip(w.key, context.markup(u, textOffset: w.offset, in: b))
                    {
                        labelSlips.append((w.original, slip, u, context.line(b, u, textOffset: w.offset)))
                    }
                }
                for w in scan.hits {
                    guard let t = w.target else { continue }
                    // A word its link's target spells the same way is a name, not a slip; a word in
                    // italics or a span marked as another language is quoted, not English.
                    let markup = context.markup(u, textOffset: w.offset, in: b)
                    if let linked = markup.linkTarget, ByteSearch.contains(WordScanner.lower(linked), w.key) { continue }
                    if scan.english && markup.isForeignOrTitle { continue }
                    if seen[w.key] == nil { order.append(w.key); seen[w.key] = (w.original, t, []) }
                    seen[w.key]?.units.append((u, context.line(b, u, textOffset: w.offset)))
                }
            }
            /// The memo's scan of `u` (found, or made and kept).
            func entry(_ u: TextUnit, _ cache: Memo) -> Memo.Entry {
                let fallback = sectionLanguages ? context.fallbackLanguage(of: u, in: b) : variantLanguage
                let key = Memo.Key(text: TextKey(u.text), fallback: fallback)
                if let known = cache.scans[key] { return known }
                let recorder = CountRecorder()
                let e = Memo.Entry(key: key, scan: scanner.scan(u, stats: stats, recorder: recorder, judged: judged))
                cache.scans[key] = e
                let names = Set(recorder.words)
                for w in names { cache.readers[w, default: []].append(key) }
                cache.noteCapped(names)
                cache.indexed += recorder.words.count
                return e
            }
            if let cache, let alignment {
                // The units the edit left in place (the same texts at both ends of the revision)
                // keep the last run's scans, unless the edit dropped them; most have nothing to
                // look at and are passed over without touching them.
                var replaced: [(Int, Memo.Entry)] = []
                var middle: [Memo.Entry] = []
                middle.reserveCapacity(alignment.newCount - alignment.head - alignment.tail)
                for ui in units.indices {
                    if let p = alignment.previous(ui) {
                        let kept = cache.previous[p]
                        if !kept.dropped {
                            if kept.interesting { look(kept.scan, units[ui]) }
                            continue
                        }
                        let e = entry(units[ui], cache)
                        replaced.append((p, e))
                        if e.interesting { look(e.scan, units[ui]) }
                    } else {
                        let e = entry(units[ui], cache)
                        middle.append(e)
                        if e.interesting { look(e.scan, units[ui]) }
                    }
                }
                cache.finishRun(alignment, replaced: replaced, middle: middle)
                cache.keepFirstUses(before: alignment.head)
            } else {
                for u in units where !previousTexts.contains(u.text) {
                    if let cache {
                        let e = entry(u, cache)
                        if e.interesting { look(e.scan, u) }
                    } else {
                        look(scanner.scan(u, stats: stats, recorder: nil, judged: judged), u)
                    }
                }
                // Section languages: no alignment, so nothing for the next run to align with.
                cache?.previous = []
                cache?.firstUses = [:]
            }
            for slip in labelSlips where seen[WordScanner.lower(slip.original)] == nil {
                findings.append(Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .change,
                    message: "\"\(slip.original)\" (\(a == nil ? "in the oldest revision" : "new in") \(set.shortName(b.id)), line \(slip.line)) labels a link to \"\(slip.target)\" and is one edit away from it; likely a typo",
                    evidence: [context.evidence(b, slip.unit, line: slip.line, value: slip.original)], values: [slip.original, slip.target], likelyWrong: b.id,
                    fingerprintParts: [b.id, WordScanner.lower(slip.original), WordScanner.lower(slip.target)]))
            }
            /// The first use of an intended word. With the memo and one variant, a first use the
            /// edit cannot have moved (its unit lies before the first unit the edit changed, so no
            /// earlier unit gained the word) is the last run's, at the same place.
            func firstUse(_ target: String) -> (Variant, TextUnit, Int)? {
                guard let cache, cache.previous.count == units.count, set.variants.count == 1 else {
                    return Self.firstUse(of: target, in: set, preferring: a ?? b, context: context)
                }
                if let known = cache.firstUses[target], known.unit < units.count {
                    let u = units[known.unit]
                    return (b, u, context.line(b, u, textOffset: known.offset))
                }
                guard let found = Self.firstUse(of: target, in: b, context: context) else { return nil }
                cache.firstUses[target] = (found.unit, found.offset)
                let u = units[found.unit]
                return (b, u, context.line(b, u, textOffset: found.offset))
            }
            for key in order {
                guard let hit = seen[key], let first = hit.units.first else { continue }
                var evidence = [context.evidence(b, first.0, line: first.1, value: hit.original)]
                let shown = Self.spelling(of: hit.target, in: set, context: context) ?? hit.target
                // A word only the dictionary knows is used nowhere in the set: nothing to quote.
                if (stats.total[hit.target] ?? 0) > 0, let (v, u, line) = firstUse(hit.target) {
                    evidence.append(context.evidence(v, u, line: line, value: shown))
                }
                let uses = stats.total[hit.target] ?? 0
                let intended = uses == 0 ? "the English word \"\(shown)\"" : "\"\(shown)\", used \(uses) times in the set"
                findings.append(Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .change,
                    message: "\"\(hit.original)\" (\(a == nil ? "in the oldest revision" : "new in") \(set.shortName(b.id)), line \(first.1)) is one edit away from \(intended); likely a typo",
                    evidence: evidence, values: [hit.original, shown], likelyWrong: b.id,
                    fingerprintParts: [b.id, key, hit.target]))
            }
        }
        return findings
    }

    /// A word's likely intended word (nil: no slip), with the counts the verdict read.
    typealias Verdict = (target: String?, reads: [String])

    /// The verdicts a run has made: its own, or with a memo kept from run to run (and dropped by
    /// `Memo.update` when the edit touches a count one read).
    final class Verdicts {
        private var local: [String: Verdict] = [:]
        private let memo: Memo?
        init(_ memo: Memo?) { self.memo = memo }

        subscript(key: String) -> Verdict? {
            get { memo.map { $0.verdicts[key] } ?? local[key] }
            set {
                guard let newValue else { return }
                guard let memo else { local[key] = newValue; return }
                memo.verdicts[key] = newValue
                let names = Set(newValue.reads)
                for w in names { memo.verdictReaders[w, default: []].append(key) }
                memo.noteCapped(names)
                memo.indexed += newValue.reads.count
            }
        }
    }

    /// Reads one text unit of a revision: the per-word half of `check`, before the tests that
    /// look at the markup around a word.
    struct Scanner {
        let context: RuleContext
        let variant: Variant
        let variantIndex: Int
        let previousIndex: Int
        let hasPrevious: Bool
        /// The previous revision's word counts (empty without one).
        let before: [String: Int]
        let witnesses: [Int]
        let frequent: FrequentWords

        /// The unit's slips and label candidates. Counts are read through `recorder` when given
        /// (what the scan depends on); `judged` holds this run's verdicts with the counts they read.
        func scan(_ u: TextUnit, stats plain: WordStats, recorder: CountRecorder?, judged: Verdicts) -> UnitScan {
            var stats = plain
            stats.recorder = recorder
            let witnesses = self.witnesses
            let attested: (String) -> Bool = { [stats] w in
                witnesses.contains { stats.count(w, in: $0, cap: 1) > 0 } || IntroducedTypoRule.hasFamily(w, stats: stats)
            }
            var out = UnitScan()
            // The unit's language, asked once a word needs it.
            var unitEnglish: Bool? = nil
            for (wi, w) in WordScanner.words(in: u.text).enumerated() where !w.inLinkOrCode && !w.hasDigit && w.isASCII {
                var key = w.lowered
                var original = w.text
                // A possessive is checked as the word it is ("Prouhon's" as "Prouhon").
                if key.hasSuffix("'s") {
                    key.removeLast(2)
                    original.removeLast(2)
                }
                guard key.utf8.count >= 5, before[key] == nil, key.utf8.count == w.text.utf8.count || before[w.lowered] == nil, !key.utf8.contains(0x27) else { continue }
                // Technical tokens: a lower-case start with capitals inside ("shRNA", "iPhone").
                if let f = original.utf8.first, f >= 0x61, f <= 0x7A, original.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { continue }
                if unitEnglish == nil {
                    unitEnglish = context.language(of: u, in: variant) == "en"
                    out.english = unitEnglish ?? true
                }
                let english = unitEnglish ?? true
                // Without English word lists, only an edit against the text's own vocabulary
                // tells a slip; the oldest revision shows no edit.
                if !english && !hasPrevious {
                    out.unjudgedLanguage = context.language(of: u, in: variant)
                    continue
                }
                // A lower-case word (or one opening its sentence) may also be judged against the dictionary.
                // Not a part of a hyphenated word ("pre-empted"): prefixes make words no list has.
                let hyphenated = (w.range.lowerBound > 0 && u.text.utf8[u.text.utf8.index(u.text.utf8.startIndex, offsetBy: w.range.lowerBound - 1)] == 0x2D)
                    || (w.range.upperBound < u.text.utf8.count && u.text.utf8[u.text.utf8.index(u.text.utf8.startIndex, offsetBy: w.range.upperBound)] == 0x2D)
                let plain = !hyphenated && (w.text.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false || wi == 0)
                let cacheKey = (english ? (plain ? "e" : "n") : "x") + key
                let target: String?
                if let j = judged[cacheKey] {
                    target = j.target
                    recorder?.words.append(contentsOf: j.reads)
                } else {
                    let mark = recorder?.words.count ?? 0
                    let set = context.set
                    target = IntroducedTypoRule.likelyIntended(
                        key, original: original, stats: stats, frequent: frequent, variant: variantIndex, previous: previousIndex,
                        spelling: { IntroducedTypoRule.spelling(of: $0, in: set, context: context) ?? $0 }, attested: attested,
                        english: english, dictionary: english && plain, slip: { context.dictionarySlip($0) })
                    judged[cacheKey] = (target, recorder.map { Array($0.words[mark...]) } ?? [])
                }
                let word = UnitScan.Word(original: original, key: key, target: target, offset: w.range.lowerBound)
                if target != nil {
                    out.hits.append(word)
                } else if english ? !EnglishLexicon.contains(key) : true, stats.count(key, in: variantIndex, cap: 3) <= 2, !attested(key) {
                    // The word-list and count tests here; the link-label tests need the markup.
                    out.labelCandidates.append(word)
                }
            }
            return out
        }
    }

    /// The texts of a variant's units (sentences and field values), once per run.
    static func unitTexts(_ v: Variant, _ context: RuleContext) -> Set<String> {
        context.analysis(AnalysisKey<Set<String>>("introduced-typo.unitTexts", scope: v.id)) { Set(context.textUnits(v).map(\.text)) }
    }

    /// The more frequent word one edit away from `w`, when `w` looks like its misspelling.
    ///
    /// The intended word must belong to the article's own vocabulary (used in the previous revision
    /// or elsewhere in the new one), be used at least five times and three times as often as `w`, and
    /// be spelt with the same capitalisation. The edit must look like a slip of the keyboard rather
    /// than another word: never on the first or last letter (that is how different words and
    /// inflections differ: "raising"/"arising", "real"/"realm"), and for a lower-case word only a
    /// dropped letter, a doubled letter or two swapped letters (a substituted or added letter in an
    /// ordinary word usually makes another real word: "print"/"point", "forums"/"forms").
    static func likelyIntended(
        _ w: String, original: String, stats: WordStats, frequent: FrequentWords, variant: Int, previous: Int,
        spelling: (String) -> String, attested: (String) -> Bool = { _ in false }, english: Bool = true, dictionary: Bool = false,
        slip: (String) -> String? = { dictionarySlip($0) }
    ) -> String? {
        // Real words are not typos: common words, words one slip from another real word
        // ("ethic"/"ethnic"), English words and names at any frequency (English text only), and
        // words the set attests independently of this edit.
        if w.utf8.contains(0x27) { return nil }
        if english, CommonWords.contains(w) || CommonWords.nearMisses.contains(w) || EnglishLexicon.contains(w) { return nil }
        // Uses in this variant: a word written several times here is deliberate (a typo carried
        // on by later revisions is counted once per revision, not summed).
        let mine = stats.count(w, in: variant, cap: 4)
        // A word used several times is deliberate (tested before the costlier `attested`).
        guard mine <= 3 else { return nil }
        if attested(w) { return nil }
        let capitalised = original.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false
        let innerCaps = original.utf8.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
        var best: (word: String, count: Int)? = nil
        // Candidates in any order: ties go to the alphabetically first, as in sorted order.
        for c in frequent.unsortedCandidates(for: w, recorder: stats.recorder) where c != w {
            // The byte comparison first: most candidates are not one edit away at all.
            guard let edit = classify(typo: w, intended: c), edit.interior else { continue }
            let count = stats.count(c)
            guard count >= 5, count >= 3 * max(1, mine) else { continue }
            guard stats.count(c, in: previous, cap: 1) > 0 || stats.count(c, in: variant, cap: 1) > 0 else { continue }
            guard !isInflection(w, c), !isSpellingVariant(w, c) else { continue }
            // Both plural or third-person forms differing near the end: "organizes"/"organizers".
            if w.hasSuffix("s"), c.hasSuffix("s"), edit.position >= min(w.utf8.count, c.utf8.count) - 3 { continue }
            switch edit.kind {
            case .deletion, .transposition: break
            // Doubled letters in ordinary words are slips; in plain names they are variants ("Allan").
            case .doubling: guard !capitalised || innerCaps else { continue }
            // A replaced letter makes another real word or name, except in a CamelCase name.
            case .substitution: guard innerCaps else { continue }
            case .insertion: continue
            }
            let shown = spelling(c)
            let shownCapitalised = shown.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false
            let shownInnerCaps = shown.utf8.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
            guard shownCapitalised == capitalised, !shownInnerCaps || innerCaps else { continue }
            if let b = best, count < b.count || (count == b.count && b.word < c) { continue }
            best = (c, count)
        }
        if let b = best { return b.word }
        // English text: a lower-case word that no dictionary has, one slip from exactly one
        // common English word, is that word misspelt ("heavilly"), even when the article never
        // uses the word itself.
        return dictionary ? slip(w) : nil
    }

    /// The one common English word that `w` (lower-case letters, six or more, in no dictionary)
    /// is a slip of: an inner letter dropped, doubled, or two inner letters swapped; nil when
    /// there is none or more than one.
    static func dictionarySlip(_ w: String) -> String? {
        // Most words are not candidates: the tests before the search are cheap.
        guard w.utf8.count >= 6 else { return nil }
        let b = Array(w.utf8)
        let n = b.count
        guard n >= 6, b.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), !EnglishLexicon.contains(w) else { return nil }
        var found: String? = nil
        func consider(_ c: [UInt8]) -> Bool {
            guard EnglishLexicon.isCommon(bytes: c) else { return true }
            let word = String(decoding: c, as: UTF8.self)
            if let f = found, f != word { found = nil; return false }  // two words: not clear which
            found = word
            return true
        }
        // A dropped inner letter.
        for i in 1..<n {
            for letter in UInt8(0x61)...UInt8(0x7A) {
                var c = b
                c.insert(letter, at: i)
                if !consider(c) { return nil }
            }
        }
        // A doubled inner letter.
        for i in 1..<(n - 1) where b[i] == b[i + 1] {
            var c = b
            c.remove(at: i)
            if !consider(c) { return nil }
        }
        // Two inner letters swapped.
        for i in 1..<(n - 2) where b[i] != b[i + 1] {
            var c = b
            c.swapAt(i, i + 1)
            if !consider(c) { return nil }
        }
        guard let f = found, !isInflection(w, f), !isSpellingVariant(w, f) else { return nil }
        return f
    }

    /// The word of a link's target that `key` (a word of the link's own label) is a slip of:
    /// "[[Harbour Mill|Harbuor Mill]]". Nil when the link shows no label of its own or no target
    /// word is one inner slip away.
    static func labelSlip(_ key: String, _ markup: MarkupContext) -> String? {
        guard markup.linkHasLabel, let target = markup.linkTarget else { return nil }
        let lowered = WordScanner.lower(target)
        guard !ByteSearch.contains(lowered, key) else { return nil }
        for t in WordScanner.words(in: target) where t.text.utf8.count >= 5 {
            guard let edit = classify(typo: key, intended: t.lowered), edit.interior else { continue }
            switch edit.kind {
            case .deletion, .transposition, .doubling: return t.text
            case .insertion, .substitution: continue
            }
        }
        return nil
    }

    /// How a misspelling differs from the intended word.
    enum EditKind { case deletion, insertion, doubling, substitution, transposition }

    /// The single edit turning `intended` into `typo`, where it is, and whether it spares the first
    /// and last letters.
    static func classify(typo: String, intended: String) -> (kind: EditKind, position: Int, interior: Bool)? {
        let t = Array(typo.utf8), c = Array(intended.utf8)
        var i = 0
        while i < t.count && i < c.count && t[i] == c[i] { i += 1 }
        if t.count + 1 == c.count {  // a letter of the intended word was dropped at i
            guard Array(t[i...]) == Array(c[(i + 1)...]) else { return nil }
            return (.deletion, i, i > 0 && i < c.count - 1)
        }
        if t.count == c.count + 1 {  // a letter was added at i
            guard Array(t[(i + 1)...]) == Array(c[i...]) else { return nil }
            let doubled = (i > 0 && t[i] == t[i - 1]) || (i + 1 < t.count && t[i] == t[i + 1])
            return (doubled ? .doubling : .insertion, i, i > 0 && i < t.count - 1)
        }
        guard t.count == c.count, i < t.count else { return nil }
        if i + 1 < t.count, t[i] == c[i + 1], t[i + 1] == c[i], Array(t[(i + 2)...]) == Array(c[(i + 2)...]) {
            return (.transposition, i, i > 0 && i + 1 < t.count - 1)
        }
        guard Array(t[(i + 1)...]) == Array(c[(i + 1)...]) else { return nil }
        return (.substitution, i, i > 0 && i < t.count - 1)
    }

    /// Every lower-case ASCII string one Damerau-Levenshtein edit from `w`.
    /// The set's frequent words (5+ uses) by first letter, last letter and length.
    ///
    /// Every slip the rule accepts spares the first and last letters and changes the length by at
    /// most one, so a word's possible intended words are in three buckets; comparing against them
    /// costs far less than generating every one-edit neighbour of every word.
    struct FrequentWords {
        struct Key: Hashable { var first: UInt8; var last: UInt8; var length: Int }
        private var buckets: [Key: [String]] = [:]
        /// Whether a search notes the buckets it reads (as `bucketName`) in the stats' recorder.
        var recordsBuckets = false

        init(_ stats: WordStats) {
            for (word, count) in stats.total where count >= 5 { insert(word) }
        }

        /// The name under which a read of `w`'s bucket is recorded (not a word: it starts with a
        /// control character).
        static func bucketName(_ w: String) -> String? {
            guard let f = w.utf8.first, let l = w.utf8.last else { return nil }
            return bucketName(Key(first: f, last: l, length: w.utf8.count))
        }

        static func bucketName(_ k: Key) -> String { "\u{1}\(k.first)-\(k.last)-\(k.length)" }

        mutating func insert(_ word: String) {
            guard let f = word.utf8.first, let l = word.utf8.last else { return }
            buckets[Key(first: f, last: l, length: word.utf8.count), default: []].append(word)
        }

        mutating func remove(_ word: String) {
            guard let f = word.utf8.first, let l = word.utf8.last else { return }
            buckets[Key(first: f, last: l, length: word.utf8.count)]?.removeAll { $0 == word }
        }

        /// Frequent words that could be `w` with one interior letter dropped, added, changed or swapped.
        func candidates(for w: String) -> [String] {
            unsortedCandidates(for: w, recorder: nil).sorted()
        }

        /// `candidates(for:)` without the sort, for callers that break ties themselves.
        func unsortedCandidates(for w: String, recorder: CountRecorder?) -> [String] {
            guard let f = w.utf8.first, let l = w.utf8.last else { return [] }
            let n = w.utf8.count
            return (n - 1...n + 1).flatMap { length -> [String] in
                let k = Key(first: f, last: l, length: length)
                if recordsBuckets { recorder?.words.append(Self.bucketName(k)) }
                return buckets[k] ?? []
            }
        }
    }

    /// One word is the other plus a one-letter ending ("model"/"models", "use"/"used", "large"/"larger"),
    /// or the two differ only in their last letter ("joins"/"joint", "denied"/"denies").
    static func isInflection(_ x: String, _ y: String) -> Bool {
        if x.utf8.count == y.utf8.count, x.utf8.dropLast().elementsEqual(y.utf8.dropLast()) { return true }
        let (s, l) = x.utf8.count < y.utf8.count ? (x, y) : (y, x)
        guard l.utf8.count == s.utf8.count + 1, l.hasPrefix(s), let last = l.utf8.last else { return false }
        return [0x73, 0x64, 0x72, 0x6E, 0x79].contains(last)  // s d r n y
    }

    /// Endings that build other forms of a word; a rare word whose other forms the set also uses
    /// ("ethic" beside "ethics" or "ethical") is a real word, not a one-off slip.
    static let familyEndings = ["s", "es", "ed", "d", "ing", "al", "ally", "ly", "er", "ers", "ion", "ions", "ic", "ics", "ical", "ment", "ments"]

    /// True when another form of `w` (with one of `familyEndings` added, or a final "s" removed) is in the set.
    static func hasFamily(_ w: String, stats: WordStats) -> Bool {
        for e in familyEndings where stats.count(w + e, cap: 1) > 0 { return true }
        if w.hasSuffix("s"), w.utf8.count > 5, stats.count(String(w.dropLast()), cap: 1) > 0 { return true }
        return false
    }

    /// British and American spellings of one word, reduced to one key: -our/-or, -ise/-ize,
    /// -yse/-yze, -lled/-led, -lling/-ling, -ller/-ler, -tre/-ter, -bre/-ber, -ogue/-og,
    /// -ence/-ense, ae/oe/e, -eing/-ing, -dgement/-dgment, -llment/-lment, -lful/-llful.
    static func spellingKey(_ w: String) -> String {
        var k = w
        for (a, b) in spellingPairs where k.contains(a) { k = k.replacingOccurrences(of: a, with: b) }
        for (a, b) in [("tre", "ter"), ("bre", "ber"), ("tres", "ters"), ("bres", "bers"), ("tred", "tered"), ("bred", "bered")] where k.hasSuffix(a) {
            k = String(k.dropLast(a.count)) + b
            break
        }
        return k
    }

    static let spellingPairs: [(String, String)] = [
        ("our", "or"), ("llment", "lment"), ("llful", "lful"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
        ("llor", "lor"), ("yse", "yze"), ("ysi", "yzi"), ("ise", "ize"), ("isi", "izi"), ("isa", "iza"), ("ae", "e"),
        ("oe", "e"), ("eing", "ing"), ("dgement", "dgment"), ("ogued", "oged"), ("oguing", "oging"), ("ogue", "og"), ("ence", "ense"), ("mme", "m"),
    ]

    /// British/American spelling pairs differing by one s/z or c/s ("organise"/"organize", "licence"/"license"),
    /// or by a spelling convention (`spellingKey`: "colour"/"color", "equalled"/"equaled", "centres"/"centers").
    static func isSpellingVariant(_ x: String, _ y: String) -> Bool {
        if x != y, spellingKey(x) == spellingKey(y) { return true }
        // British doubling of a final s or t before an ending ("focussed", "facetted").
        if x.utf8.count + 1 == y.utf8.count || y.utf8.count + 1 == x.utf8.count {
            let (s, l) = x.utf8.count < y.utf8.count ? (Array(x.utf8), Array(y.utf8)) : (Array(y.utf8), Array(x.utf8))
            var i = 0
            while i < s.count, s[i] == l[i] { i += 1 }
            if i > 0, i < s.count, l[i] == l[i - 1], l[i] == 0x73 || l[i] == 0x74, Array(l[(i + 1)...]) == Array(s[i...]),
                ["ed", "ing"].contains(String(decoding: s[i...], as: UTF8.self))
            {
                return true
            }
        }
        // Transliterations that differ by an apostrophe or a hyphen ("Qur'an"/"Quran").
        let bare = { (s: String) in s.utf8.filter { $0 != 0x27 && $0 != 0x2D } }
        if x != y, bare(x) == bare(y) { return true }
        let a = Array(x.utf8), b = Array(y.utf8)
        guard a.count == b.count else { return false }
        var diffs: [(UInt8, UInt8)] = []
        for i in a.indices where a[i] != b[i] { diffs.append((a[i], b[i])) }
        guard diffs.count == 1, let d = diffs.first else { return false }
        let pair = Set([d.0, d.1])
        return pair == Set([0x73, 0x7A]) || pair == Set([0x63, 0x73])
    }

    /// The most frequent original spelling of a lower-cased word in the set (one pass, cached).
    ///
    /// With a history memo the spellings are kept from run to run (`RuleMemo.spellings`, updated
    /// with the word counts), and built afresh only when they fell behind.
    static func spelling(of lowered: String, in set: VariantSet, context: RuleContext) -> String? {
        if let memo = context.memo {
            if memo.spellingsRun != memo.runs {
                var forms: [String: [String: Int]] = [:]
                for v in set.variants {
                    for u in context.textUnits(v) {
                        for w in WordScanner.words(in: u.text) where !w.inLinkOrCode { forms[w.lowered, default: [:]][w.text, default: 0] += 1 }
                    }
                }
                memo.spellings = forms
                memo.spellingsRun = memo.runs
            }
            // The most used spelling; ties go to the first in byte order, as in the table below.
            let best = memo.spellings[lowered]?.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            return best.flatMap { $0.isEmpty ? nil : $0 }
        }
        let table = context.analysis(AnalysisKey<[String: String]>("introduced-typo.spellings")) { () -> [String: String] in
            // Each distinct text is scanned once, its words counted as often as the text occurs.
            var texts: [String: Int] = [:]
            var order: [String] = []
            for v in set.variants {
                for u in context.textUnits(v) {
                    if texts[u.text] == nil { order.append(u.text) }
                    texts[u.text, default: 0] += 1
                }
            }
            var counts: [String: [String: Int]] = [:]
            for t in order {
                let times = texts[t] ?? 1
                for w in WordScanner.words(in: t) where !w.inLinkOrCode { counts[w.lowered, default: [:]][w.text, default: 0] += times }
            }
            return counts.mapValues { forms in
                forms.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
            }
        }
        return table[lowered].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Where `lowered` is first used, in `preferred` when it uses it, else in the first variant that does.
    /// The unit (its index in `variant`'s units) and byte offset of `lowered`'s first use in
    /// `variant`, as `firstUse(of:in:preferring:context:)` finds it.
    static func firstUse(of lowered: String, in variant: Variant, context: RuleContext) -> (unit: Int, offset: Int)? {
        let needle = Array(lowered.utf8)
        for (i, u) in context.textUnits(variant).enumerated() where WordScanner.mayContain(u.text, lowered: needle) {
            for w in WordScanner.words(in: u.text) where !w.inLinkOrCode && w.lowered == lowered {
                return (i, w.range.lowerBound)
            }
        }
        return nil
    }

    static func firstUse(of lowered: String, in set: VariantSet, preferring preferred: Variant, context: RuleContext) -> (Variant, TextUnit, Int)? {
        for v in [preferred] + set.variants {
            guard let found = firstUse(of: lowered, in: v, context: context) else { continue }
            let u = context.textUnits(v)[found.unit]
            return (v, u, context.line(v, u, textOffset: found.offset))
        }
        return nil
    }
}
