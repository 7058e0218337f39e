import CrossCheckCore
import CrossCheckAnalysis
/// `merged-words`: tokens that are two words fused at a shared letter ("globaleader", "athe").
package struct MergedWordsRule: Rule {
    package static let description = RuleDescription(
        id: "merged-words", name: "Merged words", severity: .warning,
        summary: "A token is two known words fused at a shared letter (\"globaleader\", \"athe\").",
        rationale: """
            Text that went through a lossy pipeline (OCR, a language model, a careless find-and-replace) \
            sometimes loses the space between two words together with one copy of the letter they share: \
            "global leader" becomes "globaleader", "at the" becomes "athe". Such tokens read as typos and \
            hide words from every comparison. A token is flagged when it is not itself a known word (used \
            in another variant or in the built-in list of common English words, nor such a word with \
            regular endings or behind a prefix: "gatherings", "viability", "discount") and splits into two \
            known words where the first ends with the letter the second begins with. Short halves split \
            real words too easily ("fell" + "low"), so beside a half of four letters or fewer one half must \
            be a function word or both common words, and a doubled letter at the join needs two long \
            halves. A plain concatenation is flagged when both halves are long (seven letters or more) and \
            the token is not capitalised, or when a determiner runs into the next word ("theirfirst", \
            "aleading") or onto a function word ("ofthe"). Beside a two-letter half the other half must be \
            a common word. Possessives fused with the next word ("the firm'sales") are flagged too. Words \
            inside links, e-mail addresses and code, tokens with digits, all-capital acronyms and \
            inflections of known words are left alone. \
            Each text is read in its language (see `parse`): on English text a word of the English \
            dictionary or a name is no fusion (a less common word only when it does not split into two \
            function words, as "intone" does), nor a word its link's target spells, a word in italics or \
            a span marked as another language, the closed form of a compound the set hyphenates, or a \
            slip of a common word (left to `introduced-typo`); on other languages there is no word list, \
            so a token is reported only when the set also writes its two words apart, side by side.
            """,
        triggering: [
            RuleExample(
                ExampleFile("summary.md", """
                    # Orchard cooperative

                    ## Overview
                    The cooperative is a regional leader in apple growing. It started as a small group athe edge of town and grew intone of the largest orchards, a globaleader in cider apples.
                    """), expect: "globaleader"),
            RuleExample(
                ExampleFile("notes.txt", format: .plaintext, """
                    The museum opened a new wing for sculpture. Its curators run workshops for schools.

                    The museum'schedule lists talks every weekend, and the curators plan a datanalysis of visitor numbers.
                    """), expect: "datanalysis"),
            RuleExample(
                ExampleFile("summary.md", """
                    # Orchard cooperative

                    ## Overview
                    The cooperative sold theirfirst cider in the autumn.
                    """), expect: "theirfirst"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("summary.md", """
                    # Orchard cooperative

                    ## Overview
                    The cooperative is a global leader in cider apples. Its website is https://orchard.example/global_leader and its contact is info@orchardleader.example. The AppleTrack tool is used by AppleTrack members, and the athletic club shelters the hives.
                    """)),
            RuleExample(
                ExampleFile("profile.txt", format: .plaintext, """
                    Richard Davidson moved to a small town in the southeast of the valley. Its designation as a notable site threatened nobody, and the usage of the old mill herself remained everyday business for the Aryan-studies society.
                    """)),
            RuleExample(
                ExampleFile("notes.txt", format: .plaintext, """
                    The guild fell silent. The guild holds gatherings for every fellow member, and its viability depends on them. Members discount their fees.
                    """)),
            RuleExample(
                ExampleFile("older.txt", format: .plaintext, "The team runs the DataForge platform at the start of each season."),
                ExampleFile("newer.txt", format: .plaintext, "The team still runs the DataForge platform, now in its tenth season.")),
            // German text is not judged by English word lists: a compound is no fusion unless the
            // set writes its two words apart.
            RuleExample(
                ExampleFile("artikel.txt", format: .plaintext, """
                    Die Firma hat weitere Produkte entwickelt und das alte Gerät weiterentwickelt, das von der Stadt für die Schulen gekauft wurde. Es ist heute noch im Einsatz.
                    """)),
            // A surname in the dictionary of names, and a name its link's target spells.
            RuleExample(
                ExampleFile("club.txt", format: .plaintext, """
                    The club signed the goalkeeper Peter Howell from a rival team, and he played in every match of the season.
                    """)),
            RuleExample(
                ExampleFile("lamp.wiki", format: .wikitext, """
                    The lamp ran on a battery from the [[Eveready Battery Company]], and a spare was kept in the case.
                    """)),
            // The closed form of a compound the text also hyphenates.
            RuleExample(
                ExampleFile("report.txt", format: .plaintext, """
                    The report gives a politico-economic reading of the strike, and a politicoeconomic model of wages.
                    """)),
        ])

    package init() {}

    /// Endings that make an inflection of a known word ("leaders", "backed").
    static let suffixes = ["s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ment", "ments", "ness", "al"]
    /// Two-letter words allowed as one half of a fusion (longer halves must simply be known).
    static let shortParts: Set<String> = ["at", "in", "an", "of", "to", "is", "on", "by", "as", "or", "it", "we", "he", "be", "so", "no", "up", "ai", "my", "us"]
    /// Long words that start closed compounds ("counterproductive", "throughout").
    static let compoundHeads: Set<String> = ["counter", "through", "together", "another", "whatever", "everything", "something", "anything", "electro", "thermo"]
    /// Prefixes that make words of words ("con" + "tribute", "dis" + "count"); not "in" or "fore",
    /// which begin fusions as often ("intone" = "into one", "foretail" = "for retail").
    static let prefixes = ["con", "com", "dis", "sub", "pre", "pro", "trans", "ex", "un", "de", "per", "inter", "counter", "over", "under", "out", "self", "super", "mis", "non", "anti", "post", "semi", "multi", "re"]
    /// Determiners and possessives that a careless pipeline runs into the next word ("theirfirst",
    /// "aleading"); none of them begins a real compound with a word of four letters or more.
    static let runOnHeads: Set<String> = ["a", "the", "their", "its", "our", "this", "these", "those", "your", "her", "his"]
    /// Heads that begin many real words ("herald", "history"): the rest must be a plain word of
    /// four letters or more ("hermost", "hisfirst").
    static let strictRunOnHeads: Set<String> = ["her", "his"]
    /// Determiners that a careless pipeline runs onto the word before ("ofthe", "tothe").
    static let runOnTails: Set<String> = ["the", "their", "this", "these", "those"]

    /// Contraction and possessive endings after an apostrophe.
    static let clitics: Set<String> = ["s", "t", "d", "ll", "re", "ve", "m"]

    /// A suggested split of a fused token.
    struct Split { var first: String; var second: String; var shared: Bool }

    /// The judgeable words of a text (not in links or code, no digits, ASCII), with their lower-case key.
    struct Candidate { var text: String; var key: String; var offset: Int }

    /// Verdicts and scanned texts kept from one revision's run to the next (`RuleMemo`).
    ///
    /// A verdict depends on the token and on the counts it read (recorded with `CountRecorder`);
    /// it is dropped when the edit touched one of those words. A text's scan (its words, and
    /// whether any of them judges as a fusion) is dropped when a verdict it used is. A verdict
    /// that read no count (most words: common words are known without counting) never expires.
    final class Memo {
        struct VerdictKey: Hashable { var text: String; var outside: Bool }
        /// A verdict, and whether it read any count.
        let verdicts = RevisionCache<VerdictKey, (split: Split?, reads: Bool)>(keep: 256)
        /// Counted word -> verdicts that read its count.
        var readers: [String: [VerdictKey]] = [:]
        /// A text's scan, shared by the cache and the last run's units, so that `invalidate`
        /// marks a dropped scan for both and a run finds it dropped without a lookup.
        final class Scan {
            let text: String
            /// The text's judgeable words; kept only when the text is relevant.
            let words: [Candidate]
            /// Whether some word judges as a fusion (the text must be looked at).
            let relevant: Bool
            var dropped = false
            init(text: String, words: [Candidate], relevant: Bool) {
                self.text = text; self.words = words; self.relevant = relevant
            }
        }
        let texts = RevisionCache<TextKey, Scan>(keep: 256)
        /// Token -> texts whose scan used its verdict.
        var users: [String: [TextKey]] = [:]
        var indexed = 0
        /// The last run's units' scans in order: the units at both unchanged ends of a revision
        /// need no lookup.
        var previous: [Scan] = []

        func clear() {
            verdicts.removeAll(); texts.removeAll(); readers.removeAll(); users.removeAll(); indexed = 0
            previous = []
        }

        /// Drops what the edit may have changed: verdicts that read a count whose answer to "none,
        /// one, or more" the edit changed (`judge` asks no more of a count); everything when there
        /// was no previous run or the set has several variants (a text's scan then also reads its
        /// words' variant counts).
        func invalidate(_ stats: WordStats, multiVariant: Bool) {
            guard stats.changed != nil, !multiVariant else {
                clear()
                return
            }
            var tokens: [String] = []
            for (w, d) in stats.totalDelta {
                let now = stats.total[w] ?? 0
                guard min(now, 2) != min(now - d, 2) else { continue }
                guard let keys = readers.removeValue(forKey: w) else { continue }
                // Also for a verdict swept away since: a text's scan may still hold what it said.
                for k in keys {
                    verdicts[k] = nil
                    tokens.append(k.text)
                }
            }
            for t in tokens {
                guard let list = users.removeValue(forKey: t) else { continue }
                for text in list {
                    texts[text]?.dropped = true
                    texts[text] = nil
                }
            }
            // The indexes only grow between sweeps; rebuild them from scratch now and then.
            if indexed > 400_000 { clear() }
            verdicts.nextRun()
            // The last run's units are in use though found by position.
            if texts.sweepsAtNextRun { for e in previous { texts.touch(TextKey(e.text)) } }
            texts.nextRun()
        }
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let stats = context.wordStats
        var findings: [Finding] = []
        let memo = context.memo.map { m in m.state("merged-words") { Memo() } }
        memo?.invalidate(stats, multiVariant: context.set.variants.count > 1)
        // Revisions repeat most texts and words: scan each distinct text once and judge each
        // distinct token once per answer to "is it used in another variant" (the only way the
        // variant enters `judge`).
        var candidatesByText: [String: Memo.Scan] = [:]
        var judged: [String: Split?] = [:]
        var judgedInside: [String: Split?] = [:]
        /// The tokens whose verdicts the scan under way used, when they read counts.
        var used: [String] = []
        func judgeOnce(_ text: String, _ key: String, outside: Bool) -> Split? {
            if let memo {
                let k = Memo.VerdictKey(text: text, outside: outside)
                if let j = memo.verdicts[k] {
                    if j.reads { used.append(text) }
                    return j.split
                }
                var recording = stats
                let recorder = CountRecorder()
                recording.recorder = recorder
                let j = Self.judge(text, key, stats: recording, knownOutside: outside)
                memo.verdicts[k] = (j, !recorder.words.isEmpty)
                for w in Set(recorder.words) { memo.readers[w, default: []].append(k) }
                memo.indexed += recorder.words.count
                if !recorder.words.isEmpty { used.append(text) }
                return j
            }
            if outside {
                if let j = judged[text] { return j }
                let j = Self.judge(text, key, stats: stats, knownOutside: true)
                judged[text] = j
                return j
            }
            if let j = judgedInside[text] { return j }
            let j = Self.judge(text, key, stats: stats, knownOutside: false)
            judgedInside[text] = j
            return j
        }
        /// A set of one variant (a history's revision): a scan kept in the memo is dropped
        /// whenever a run has more (`Memo.invalidate`), so it may ask only the one answer.
        let lone = context.set.variants.count == 1
        /// A text whose every token judges as a word however the variant question is answered
        /// yields no hit and no verdict that differs by variant: it can be skipped.
        func candidates(_ text: String) -> Memo.Scan {
            if let memo, let c = memo.texts[TextKey(text)] { return c }
            if let c = candidatesByText[text] { return c }
            used.removeAll(keepingCapacity: true)
            var words: [Candidate] = []
            var relevant = false
            for w in WordScanner.words(in: text) where !w.inLinkOrCode && !w.hasDigit && w.isASCII {
                let key = w.lowered
                words.append(Candidate(text: w.text, key: key, offset: w.range.lowerBound))
                if !relevant {
                    if lone {
                        // One variant: no word is used outside it, so that is the only answer.
                        relevant = judgeOnce(w.text, key, outside: false) != nil
                    } else {
                        // Used in two variants: used outside whichever variant holds it.
                        let everywhere = (stats.variantCount[key] ?? 0) >= 2
                        relevant = judgeOnce(w.text, key, outside: true) != nil || (!everywhere && judgeOnce(w.text, key, outside: false) != nil)
                    }
                }
            }
            // Only a relevant text's words are looked at again: keep no others.
            let c = Memo.Scan(text: text, words: relevant ? words : [], relevant: relevant)
            if let memo {
                memo.texts[TextKey(text)] = c
                for t in Set(used) { memo.users[t, default: []].append(TextKey(text)) }
                memo.indexed += used.count
            } else {
                candidatesByText[text] = c
            }
            return c
        }
        for (vi, v) in context.set.variants.enumerated() {
            struct Hit { var token: String; var split: Split; var units: [(TextUnit, Int)] }
            var hits: [String: Hit] = [:]
            var order: [String] = []
            var verdicts: [String: Split?] = [:]
            let units = context.textUnits(v)
            // One variant with a memo: the units the edit left in place keep their scans.
            let single = memo != nil && context.set.variants.count == 1
            let alignment = single ? memo.map { m in UnitAlignment(old: m.previous.count, new: units, text: { m.previous[$0].text }) } : nil
            func look(_ c: Memo.Scan, _ u: TextUnit) {
                for w in c.words {
                    let key = w.key
                    let verdict: Split?
                    if let cached = verdicts[key] { verdict = cached } else {
                        verdict = judgeOnce(w.text, key, outside: stats.countOutside(key, variant: vi) > 0)
                        verdicts[key] = verdict
                    }
                    guard let split = verdict, Self.stands(split, token: w.text, key: key, unit: u, offset: w.offset, variant: v, context: context) else { continue }
                    let line = context.line(v, u, textOffset: w.offset)
                    if hits[key] == nil { order.append(key); hits[key] = Hit(token: w.text, split: split, units: []) }
                    hits[key]?.units.append((u, line))
                }
            }
            if let memo, let alignment {
                // The units the edit left in place keep their scans unless the edit dropped them;
                // the irrelevant ones (most) are passed over untouched, and the last run's list
                // is updated in place.
                var replaced: [(Int, Memo.Scan)] = []
                var middle: [Memo.Scan] = []
                middle.reserveCapacity(alignment.newCount - alignment.head - alignment.tail)
                for ui in units.indices {
                    let c: Memo.Scan
                    if let p = alignment.previous(ui) {
                        let kept = memo.previous[p]
                        if !kept.dropped {
                            if kept.relevant { look(kept, units[ui]) }
                            continue
                        }
                        c = candidates(units[ui].text)
                        replaced.append((p, c))
                    } else {
                        c = candidates(units[ui].text)
                        middle.append(c)
                    }
                    if c.relevant { look(c, units[ui]) }
                }
                for (p, c) in replaced { memo.previous[p] = c }
                memo.previous.replaceSubrange(alignment.head..<(memo.previous.count - alignment.tail), with: middle)
            } else {
                for u in units {
                    let c = candidates(u.text)
                    if c.relevant { look(c, u) }
                }
            }
            for key in order {
                guard let h = hits[key] else { continue }
                var lines: [Int] = []
                var evidence: [Evidence] = []
                for (u, line) in h.units where !lines.contains(line) {
                    lines.append(line)
                    evidence.append(context.evidence(v, u, line: line, value: h.split.first + " " + h.split.second))
                }
                let how = h.split.shared ? "fused at a shared \"\(h.split.second.prefix(1))\"" : "run together"
                let lineList = lines.map(String.init).joined(separator: ", ")
                findings.append(Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                    message: "\"\(h.token)\" looks like \"\(h.split.first) \(h.split.second)\" \(how) in \(context.set.shortName(v.id)) (line\(lines.count > 1 ? "s" : "") \(lineList))",
                    evidence: evidence, values: [h.token, h.split.first + " " + h.split.second],
                    fingerprintParts: [v.id, key]))
            }
        }
        return findings
    }

    /// Whether a split the word lists found stands once the word's language and markup are known.
    ///
    /// English text read with English word lists: a word of the English dictionary or a name is
    /// no fusion (a less common word only when it does not split into two function words, as
    /// "intone" does), nor a word of a link whose target spells it, a word in italics or in a
    /// span marked as another language, a closed form of a compound the variant also hyphenates
    /// ("anarcho-" before "anarchosyndicalist"), or a word one slip from a common word (a typo,
    /// left to `introduced-typo`). Text in another language has no word list here: a split stands
    /// only when the set also writes its two words apart, side by side.
    static func stands(_ split: Split, token: String, key: String, unit: TextUnit, offset: Int, variant v: Variant, context: RuleContext) -> Bool {
        let first = WordScanner.lower(split.first), second = WordScanner.lower(split.second)
        let language = context.language(of: unit, in: v)
        guard language == "en" else {
            context.note(description.id, v, "text in \(language) has no word list here: only fusions whose words the set also writes apart are reported")
            return context.writesApart(first, second)
        }
        // What the word lists say of the token, once per token.
        let lexical = context.analysis(AnalysisKey<Bool>("merged-words.lexical", scope: key)) { () -> Bool in
            switch EnglishLexicon.entry(key) {
            case .common?, .name?: return false
            case .extended?:
                guard split.shared, CommonWords.function.contains(first), CommonWords.function.contains(second) else { return false }
            case nil: break
            }
            if first.utf8.count >= 4, context.hyphenates(first) { return false }
            return context.dictionarySlip(key) == nil
        }
        guard lexical else { return false }
        let markup = context.markup(unit, textOffset: offset, in: v)
        if markup.isForeignOrTitle { return false }
        if let target = markup.linkTarget, ByteSearch.contains(WordScanner.lower(target), key) { return false }
        return true
    }

    /// Whether `word` is known: common, used in another variant, or an inflection of such a word.
    static func isKnownWhole(_ w: String, stats: WordStats, variant: Int) -> Bool {
        isKnownWhole(w, stats: stats, knownOutside: stats.countOutside(w, variant: variant) > 0)
    }

    /// `isKnownWhole` with the answer to "is `w` used in another variant" given.
    static func isKnownWhole(_ w: String, stats: WordStats, knownOutside: Bool) -> Bool {
        if knownOutside || CommonWords.contains(w) { return true }
        for s in suffixes where w.count > s.count + 2 && w.hasSuffix(s) {
            let stem = String(w.dropLast(s.count))
            if CommonWords.contains(stem) || stats.count(stem) > 0 || CommonWords.contains(stem + "e") || stats.count(stem + "e") > 0 { return true }
        }
        // Regular endings on a known stem, up to two ("gatherings", "viability", "trustier").
        return WordForms.isDerived(w) { CommonWords.contains($0) || stats.count($0) > 1 }
    }

    /// Whether a part of a split is a known word (anywhere in the set, or common, or an inflection of one).
    ///
    /// Parts shorter than four letters must be common words: short tokens seen in the set are often
    /// names or acronyms ("Abu" in "Abu Dhabi" must not make "abuse" a fusion).
    static func isKnownPart(_ w: String, stats: WordStats) -> Bool {
        let n = w.utf8.count
        guard n >= 2 else { return false }
        if n == 2 { return shortParts.contains(w) }
        if n == 3 { return CommonWords.isPlainWord(w) }
        if CommonWords.contains(w) || stats.count(w) > 0 { return true }
        for s in ["s", "es", "ed", "ing", "ment", "ments"] where n > s.utf8.count + 3 && w.hasSuffix(s) {
            let stem = String(w.dropLast(s.count))
            if CommonWords.contains(stem) || stats.count(stem) > 0 || stats.count(stem + "e") > 0 { return true }
        }
        return false
    }

    /// Derivational endings: a known word plus one of these is a real word ("designation", "threaten",
    /// "notable"; "son" for patronymic names such as "Davidson").
    static let derivations = ["ation", "ations", "ion", "ions", "en", "ened", "ening", "ity", "ive", "ize", "ise", "ous", "ful", "less", "ship", "able", "ably", "ism", "ist", "ists", "ance", "ence", "ant", "ent", "son"]

    /// The best split of `bytes` into two known parts sharing a letter (longest shorter part wins).
    ///
    /// For a name-like token (`titleCase`: capital then lower case) both parts must be common words,
    /// or the second a function word ("Asiand"): names split into words too easily ("Rich" + "hard").
    static func sharedLetterSplit(_ bytes: [UInt8], stats: WordStats, titleCase: Bool = false, acronymStart: Bool = false) -> Int? {
        let n = bytes.count
        guard n >= 4 else { return nil }
        var best: (k: Int, score: Int)? = nil
        for k in 1..<(n - 1) {
            let first = String(decoding: bytes[0...k], as: UTF8.self)
            let second = String(decoding: bytes[k..<n], as: UTF8.self)
            guard isKnownPart(first, stats: stats), isKnownPart(second, stats: stats) else { continue }
            // Beside a two-letter word the other part must be a common word ("at" + "the"), not just a
            // word of the set: "us" + "sage" or "Africa" + "an" are real words, not fusions.
            // A two-letter acronym written in capitals ("AI", "US") may precede any known word.
            if k + 1 == 2, !CommonWords.contains(second), !acronymStart { continue }
            if n - k == 2, !CommonWords.contains(first) { continue }
            if titleCase, !(CommonWords.contains(first) && CommonWords.contains(second)), !CommonWords.function.contains(second) { continue }
            // Two short halves split real words too easily ("surf" + "face", "mist" + "take",
            // "villa" + "age"): beside a half of four letters or fewer, one half must be a function
            // word ("at" + "the", "into" + "one") or both must be common words ("data" + "analysis").
            if !acronymStart, min(k + 1, n - k) <= 4,
                !(CommonWords.function.contains(first) || CommonWords.function.contains(second)),
                !(CommonWords.isPlainWord(first) && CommonWords.isPlainWord(second))
            { continue }
            // A doubled letter at the join would be a tripled letter before the fusion ("fell" +
            // "low" for "fellow", "all" + "location"): rare unless both words are long
            // ("business" + "solutions").
            if k >= 2, bytes[k - 1] == bytes[k], min(k + 1, n - k) < 6 { continue }
            let score = min(k + 1, n - k)
            if score > (best?.score ?? 0) { best = (k, score) }
        }
        return best?.k
    }

    /// The split that makes `token` a fusion, or nil when it is a word (or cannot be judged).
    static func judge(_ original: String, _ lowered: String, stats: WordStats, variant: Int) -> Split? {
        judge(original, lowered, stats: stats, knownOutside: stats.countOutside(lowered, variant: variant) > 0)
    }

    /// `judge` with the answer to "is `lowered` used in another variant" given: the only way the
    /// variant enters the verdict.
    static func judge(_ original: String, _ lowered: String, stats: WordStats, knownOutside: Bool) -> Split? {
        let bytes = Array(lowered.utf8)
        guard bytes.count >= 4 else { return nil }
        let orig = Array(original.utf8)
        // Acronyms and all-capital words are not judged.
        let uppers = orig.filter { $0 >= 0x41 && $0 <= 0x5A }.count
        let lowers = orig.filter { $0 >= 0x61 && $0 <= 0x7A }.count
        if lowers == 0 || uppers * 2 > orig.count { return nil }
        if let ap = bytes.firstIndex(where: { $0 == 0x27 || $0 >= 0x80 }) {
            // Apostrophe: "x's" is fine; "x'strategy" is "x's strategy".
            guard bytes[ap] == 0x27 else { return nil }
            let head = String(decoding: bytes[..<ap], as: UTF8.self)
            let tail = String(decoding: bytes[(ap + 1)...], as: UTF8.self)
            if clitics.contains(tail) { return nil }
            if tail.count >= 3, tail.hasPrefix("s"), isKnownPart(tail, stats: stats), !head.isEmpty {
                let headOriginal = String(decoding: orig[..<ap], as: UTF8.self)
                return Split(first: headOriginal + "'s", second: String(decoding: orig[(ap + 1)...], as: UTF8.self), shared: true)
            }
            return nil
        }
        if isKnownWhole(lowered, stats: stats, knownOutside: knownOutside) { return nil }
        // A known word behind a prefix ("contribute", "discount", "restore") is a word.
        for p in prefixes where bytes.count >= p.utf8.count + 4 && lowered.hasPrefix(p) {
            let rest = String(lowered.dropFirst(p.count))
            if CommonWords.isPlainWord(rest) || stats.count(rest) > 0
                || WordForms.isDerived(rest, known: { CommonWords.isPlainWord($0) || stats.count($0) > 0 })
            { return nil }
        }
        // A known word plus a derivational ending is a word, not a fusion.
        for d in derivations where bytes.count >= d.utf8.count + 3 && lowered.hasSuffix(d) {
            let stem = String(lowered.dropLast(d.count))
            if CommonWords.contains(stem) || stats.count(stem) > 0 || stats.count(stem + "e") > 0 { return nil }
        }
        let n = bytes.count
        // A determiner run into the next word ("theirfirst", "aleading") or onto the word before
        // ("ofthe"), in a lower-case token.
        if orig[0] >= 0x61 && orig[0] <= 0x7A, uppers == 0 {
            for h in runOnHeads where n >= h.utf8.count + 4 && lowered.hasPrefix(h) {
                let rest = String(decoding: bytes[h.utf8.count...], as: UTF8.self)
                let restKnown = h == "a" ? CommonWords.isPlainWord(rest) && rest.utf8.count >= 5 && !CommonWords.lookalikes.contains(lowered)
                    : Self.strictRunOnHeads.contains(h) ? CommonWords.isPlainWord(rest) && !CommonWords.lookalikes.contains(lowered)
                    : (CommonWords.isPlainWord(rest) || isKnownPart(rest, stats: stats) && stats.count(rest) > 1)
                if restKnown {
                    return Split(first: String(decoding: orig[..<h.utf8.count], as: UTF8.self), second: String(decoding: orig[h.utf8.count...], as: UTF8.self), shared: false)
                }
            }
            for t in runOnTails where n >= t.utf8.count + 2 && lowered.hasSuffix(t) {
                let head = String(decoding: bytes[..<(n - t.utf8.count)], as: UTF8.self)
                if CommonWords.function.contains(head) {
                    return Split(first: String(decoding: orig[..<(n - t.utf8.count)], as: UTF8.self), second: String(decoding: orig[(n - t.utf8.count)...], as: UTF8.self), shared: false)
                }
            }
        }
        // A compound of two known words of four letters or more ("southeast", "framework") is a word,
        // unless both halves are long (see the plain concatenation below).
        if n >= 7 {
            for k in 3...(n - 3) where k < 6 || n - k < 6 {
                if isKnownPart(String(decoding: bytes[0..<k], as: UTF8.self), stats: stats),
                    isKnownPart(String(decoding: bytes[k..<n], as: UTF8.self), stats: stats)
                { return nil }
            }
        }
        // Shared letter: first = t[0...k], second = t[k..<n].
        let titleCase = uppers == 1 && orig[0] >= 0x41 && orig[0] <= 0x5A
        let acronymStart = orig.count > 2 && orig[0] >= 0x41 && orig[0] <= 0x5A && orig[1] >= 0x41 && orig[1] <= 0x5A
        if let k = sharedLetterSplit(bytes, stats: stats, titleCase: titleCase, acronymStart: acronymStart) {
            // "passengerservices" is "passenger services" run together, not "passengers" + "services".
            if bytes[k] == 0x73, k >= 5, n - k >= 5, isKnownPart(String(decoding: bytes[0..<k], as: UTF8.self), stats: stats) {
                return Split(first: String(decoding: orig[0..<k], as: UTF8.self), second: String(decoding: orig[k..<n], as: UTF8.self), shared: false)
            }
            return Split(first: String(decoding: orig[0...k], as: UTF8.self), second: String(decoding: orig[k..<n], as: UTF8.self), shared: true)
        }
        // Three words: a known first part sharing a letter with a fused remainder ("andatanalytics").
        for k in 1..<max(1, n - 4) where n >= 10 {
            let first = String(decoding: bytes[0...k], as: UTF8.self)
            guard isKnownPart(first, stats: stats) else { continue }
            let rest = Array(bytes[k..<n])
            if let j = sharedLetterSplit(rest, stats: stats, titleCase: titleCase), j >= 2 {
                let r = Array(orig[k..<n])
                let second = String(decoding: r[0...j], as: UTF8.self) + " " + String(decoding: r[j...], as: UTF8.self)
                return Split(first: String(decoding: orig[0...k], as: UTF8.self), second: second, shared: true)
            }
        }
        // Plain concatenation of two long words, unless the token is CamelCase at the join (a name).
        // Capitalised tokens are left alone here: a proper noun is often a compound ("Northumberland").
        guard n >= 14, !(orig[0] >= 0x41 && orig[0] <= 0x5A) else { return nil }
        for k in 7...(n - 7) {
            if orig[k] >= 0x41 && orig[k] <= 0x5A { continue }
            let first = String(decoding: bytes[0..<k], as: UTF8.self)
            let second = String(decoding: bytes[k..<n], as: UTF8.self)
            if compoundHeads.contains(first) { continue }  // "counterproductive", "throughput"
            if isKnownPart(first, stats: stats) && isKnownPart(second, stats: stats) {
                return Split(first: String(decoding: orig[0..<k], as: UTF8.self), second: String(decoding: orig[k..<n], as: UTF8.self), shared: false)
            }
        }
        return nil
    }
}
