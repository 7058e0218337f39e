import CrossCheckCore
import CrossCheckAnalysis
/// `stale-claim`: time-relative wording ("currently", "as of", "is the most ...") that a newer variant contradicts.
package struct StaleClaimRule: Rule {
    package static let description = RuleDescription(
        id: "stale-claim", name: "Stale claim", severity: .warning,
        summary: "Time-relative wording (\"currently\", \"as of\", \"is the most ...\") that a newer variant states differently.",
        rationale: """
            Claims pinned to the moment of writing ("is currently the largest", "as of March 2019, leads", \
            "to date", "recently", "now") go stale silently. When a newer variant states the same thing in \
            the past tense, with another value or without the time-relative wording, the older wording is \
            out of date and should not be quoted as current. The rule finds the counterpart of each such \
            sentence in every newer revision or source (the most similar sentence, with a lower bar in the \
            section of the same name) and \
            reports the first counterpart that no longer carries the same time-relative wording, citing it. \
            A revision's claim about the present ("currently", "as of", "now", "to date", "is the most") \
            that no newer revision repeats in any form is reported too: later edits dropped the claim. \
            Only whole time phrases count ("as of" before a date or time word, never inside "as well as \
            of"; not "up to date", "is now called" or "presently-existing"). Reference lists, block \
            quotations, quoted words, words reported after a past-tense verb ("argued that") and "how" \
            clauses that describe how something works ("how the looms currently work") are not \
            the article's claims. A newer revision that keeps the claim and only drops "currently" \
            resolves it; a claim a newer revision still makes in another sentence with a time word was \
            not dropped; and a dropped remark that names nothing specific, or a dropped "is the most", \
            is not reported.
            """,
        triggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The Northgate Bridge is currently the longest footbridge in the region. It opened to walkers in spring.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The Northgate Bridge was the longest footbridge in the region until 2021. It opened to walkers in spring.
                    """), expect: "currently"),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The trust is, as of 4 May 2019, raising funds for a second crossing over the river.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    In May 2019, the trust raised funds for a second crossing over the river.
                    """), expect: "as of"),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The bridge trust currently employs forty volunteer guides. The bridge has two towers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The bridge has two towers and a lift.
                    """), expect: "dropped"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The Northgate Bridge is currently the longest footbridge in the region.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The Northgate Bridge is currently the longest footbridge in the region. A café opened beside it.
                    """)),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The Northgate Bridge was the longest footbridge in the region until 2021.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The Northgate Bridge currently carries four thousand walkers a day.
                    """)),
            // Whole phrases only: "as well as of" holds no "as of".
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The Northgate guild is a school of weaving as well as of dyeing. It opened in spring.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    It opened in spring.
                    """)),
            // A reference list's access notes and someone's reported words are not claims.
            RuleExample(
                ExampleFile("old.wiki", role: .revision, date: "2019-05", format: .wikitext, """
                    The Northgate guild trains weavers.

                    == External links ==
                    * Mirror of the Northgate guild site as of 3 May 2006
                    """),
                ExampleFile("new.wiki", role: .revision, date: "2023-02", format: .wikitext, """
                    The Northgate guild trains weavers.
                    """)),
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    In 1850 the founder Ada Brennan argued that the Northgate guild was currently the only school of its kind. The guild trains weavers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The guild trains weavers.
                    """)),
            // A "how" clause describes how something works in general, not a dated state.
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    Visitors to the Northgate guild learn how the Harlow looms currently work. The guild trains weavers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The guild trains weavers.
                    """)),
            // Text under a heading with no letters (a broken edit's line of "=") is no section.
            RuleExample(
                ExampleFile("old.wiki", role: .revision, date: "2019-05", format: .wikitext, """
                    The Northgate guild trains weavers.

                    ===================
                    The Harlow looms are currently the only working looms in Northgate.
                    """),
                ExampleFile("new.wiki", role: .revision, date: "2023-02", format: .wikitext, """
                    The Northgate guild trains weavers.
                    """)),
            // A newer revision that keeps the claim and drops "currently" resolves it.
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2019-05", format: .plaintext, """
                    The Northgate Bridge is currently the longest footbridge in the region.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    The Northgate Bridge is the longest footbridge in the region.
                    """)),
        ])

    package init() {}

    /// Kinds of time-relative wording, by the phrase (lower-case words) that marks them.
    static let markers: [(kind: String, words: [String])] = [
        ("currently", ["currently"]), ("currently", ["presently"]), ("currently", ["at", "present"]),
        ("as of", ["as", "of"]), ("to date", ["to", "date"]), ("recently", ["recently"]),
        ("now", ["is", "now"]), ("now", ["are", "now"]), ("now", ["now", "has"]), ("now", ["now", "have"]),
        ("is the most", ["is", "the", "most"]), ("is the most", ["is", "the", "world's"]),
        ("is the most", ["is", "the", "largest"]), ("is the most", ["is", "the", "biggest"]),
        ("is the most", ["are", "the", "most"]),
    ]

    /// Minimum similarity for a newer sentence to count as the same statement: lower when it sits
    /// in the section with the same heading path (the same place in the article), higher elsewhere.
    static let sameSectionThreshold = 0.4
    static let elsewhereThreshold = 0.55

    /// Time-relative kinds in a sentence, with the first marker phrase as written.
    static func relativeWording(_ text: String) -> [(kind: String, phrase: String)] {
        // Quoted words are someone else's, dated to when they were said, not claims of the article.
        let words = WordScanner.words(in: outsideQuotes(text))
        let lower = words.map(\.lowered)
        var found: [(String, String)] = []
        var kinds = Set<String>()
        for i in lower.indices {
            for m in markers where !kinds.contains(m.kind) && i + m.words.count <= lower.count {
                var ok = true
                for (j, w) in m.words.enumerated() where lower[i + j] != w { ok = false; break }
                // "is the most" also matches "is currently the most"; "is the first" only with a superlative sense is fine.
                guard ok, Self.isWholePhrase(m.kind, at: i, length: m.words.count, words: words, lower: lower, text: text) else { continue }
                kinds.insert(m.kind)
                var end = i + m.words.count
                if m.kind == "as of" {  // quote the date too: "as of 27 November 2019"
                    while end < words.count, end < i + 5, words[end].hasDigit || DateNormalizer.month(named: words[end].text) != nil { end += 1 }
                }
                found.append((m.kind, words[i..<end].map(\.text).joined(separator: " ")))
            }
            // "is currently the world's most ..." carries both kinds.
            if i + 3 < lower.count, lower[i] == "is" || lower[i] == "are", lower[i + 1] == "currently" || lower[i + 1] == "now",
                lower[i + 2] == "the", !kinds.contains("is the most")
            {
                kinds.insert("is the most")
                found.append(("is the most", words[i...(i + 3)].map(\.text).joined(separator: " ")))
            }
        }
        return found
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let set = context.set
        var findings: [Finding] = []
        // Revisions repeat most sentences: read each distinct text's wording once.
        var wordingByText: [String: [(kind: String, phrase: String)]] = [:]
        func wording(_ text: String) -> [(kind: String, phrase: String)] {
            if let w = wordingByText[text] { return w }
            let w = Self.relativeWording(text)
            wordingByText[text] = w
            return w
        }
        // Each variant's sentences that carry time-relative wording, found in one pass when first
        // asked for: the claims to judge, and (their words) what "is the claim still made" looks at.
        // A lone revision has nothing newer to compare with, so it costs nothing here.
        typealias Timed = (section: Section, sentence: Sentence, relative: [(kind: String, phrase: String)])
        var timedSentences: [String: [Timed]] = [:]
        func timedList(_ v: Variant) -> [Timed] {
            if let t = timedSentences[v.id] { return t }
            var list: [Timed] = []
            for (section, s) in v.document.allSentences {
                let r = wording(s.text)
                if !r.isEmpty { list.append((section, s, r)) }
            }
            timedSentences[v.id] = list
            return list
        }
        var timedWords: [String: [Set<String>]] = [:]
        func timed(_ v: Variant) -> [Set<String>] {
            if let t = timedWords[v.id] { return t }
            let out = timedList(v).map { Set(WordScanner.words(in: $0.sentence.text).map(\.lowered)) }
            timedWords[v.id] = out
            return out
        }
        // Block quotation and "still made" verdicts, per sentence text (revisions repeat them).
        var quoted: [String: Bool] = [:]
        func inBlockQuote(_ s: Sentence, _ v: Variant) -> Bool {
            if let q = quoted[s.text] { return q }
            let q = Self.isBlockQuote(s, in: v.document)
            quoted[s.text] = q
            return q
        }
        for a in set.variants {
            let newer = set.newer(than: a).filter { $0.document.role != .summary }
            guard !newer.isEmpty else { continue }
            for (section, sentence, relative) in timedList(a) {
                // Reference lists and reported words are not the article's claims.
                if Self.isReferenceSection(section.path) || Self.isReportedSpeech(sentence.text, phrase: relative[0].phrase)
                    || Self.isGenericProcess(sentence.text, phrase: relative[0].phrase)
                    || Self.isUnderBrokenHeading(section.path)
                { continue }
                let probe = Self.stripMarkers(sentence.text)
                var matched = false
                for b in newer {
                    guard let match = context.bestCounterpart(of: probe, in: b) else { continue }
                    let samePlace = match.section.path.map(DuplicateSectionRule.normalise) == section.path.map(DuplicateSectionRule.normalise)
                    guard match.score >= (samePlace ? Self.sameSectionThreshold : Self.elsewhereThreshold) else { continue }
                    matched = true
                    if match.sentence.text == sentence.text { break }  // the newer variant repeats it: still current there
                    let theirs = Set(wording(match.sentence.text).map(\.kind))
                    let dropped = relative.filter { !theirs.contains($0.kind) }
                    if dropped.isEmpty { break }  // still stated as current
                    // The newer variant keeps the claim word for word and only drops the time word:
                    // the claim still holds, and the newer wording resolves it.
                    if Self.contentWords(probe) == Self.contentWords(Self.stripMarkers(match.sentence.text)) { break }
                    // Nor are block quotations (looked up only for a sentence about to be reported),
                    // and a claim the newer variant still makes in another sentence has not gone stale.
                    if inBlockQuote(sentence, a) || Self.stillMade(sentence.text, in: [timed(b)], wording: wording) { break }
                    // "is currently the" already quotes "currently": show the longer phrase only.
                    let shown = dropped.map(\.phrase).filter { p in !dropped.contains { $0.phrase != p && $0.phrase.lowercased().contains(p.lowercased()) } }
                    let phrases = shown.map { "\"\($0)\"" }.joined(separator: " and ")
                    let newerDate = b.document.date.map { " (\($0))" } ?? ""
                    findings.append(Finding(
                        rule: Self.description.id, severity: Self.description.severity, kind: .change,
                        message: "\(set.shortName(a.id)) says \(phrases) (line \(sentence.line)), but the newer \(set.shortName(b.id))\(newerDate) no longer states it as current (line \(match.sentence.line)): the older wording is out of date",
                        evidence: [context.evidence(a, section, sentence), context.evidence(b, match.section, match.sentence)],
                        values: dropped.map(\.phrase), likelyWrong: a.id,
                        fingerprintParts: [a.id, b.id] + dropped.map(\.kind) + [WordScanner.lower(String(sentence.text.prefix(80)))]))
                    break
                }
                // A revision's time-relative claim that no newer revision repeats in any form was
                // dropped by later edits: it cannot be quoted as current any more.
                // "recently" dates an event rather than a state, so dropping it says little.
                // "is the most" judges rather than dates a state, so dropping it says little too; a
                // remark naming nothing specific ("how society currently works") is no fact that
                // went stale; and a claim a newer revision still makes, reworded, was not dropped.
                let states = relative.filter { $0.kind != "recently" && $0.kind != "is the most" }
                if !matched, !states.isEmpty, Self.isSpecific(sentence.text), !inBlockQuote(sentence, a),
                    !Self.stillMade(sentence.text, in: set.newer(than: a).filter { $0.document.role == .revision }.map(timed), wording: wording), a.document.role == .revision, let newest = set.newestRevision, newest.order > a.order {
                    let relative = states
                    let shown = relative.map(\.phrase).filter { p in !relative.contains { $0.phrase != p && $0.phrase.lowercased().contains(p.lowercased()) } }
                    let phrases = shown.map { "\"\($0)\"" }.joined(separator: " and ")
                    let newestDate = newest.document.date.map { ", \($0)" } ?? ""
                    findings.append(Finding(
                        rule: Self.description.id, severity: Self.description.severity, kind: .change,
                        message: "\(set.shortName(a.id)) says \(phrases) (line \(sentence.line)), but no newer revision repeats the statement (newest: \(set.shortName(newest.id))\(newestDate)): the claim was dropped and is likely out of date",
                        evidence: [context.evidence(a, section, sentence)],
                        values: relative.map(\.phrase), likelyWrong: a.id,
                        fingerprintParts: [a.id, "dropped"] + relative.map(\.kind) + [WordScanner.lower(String(sentence.text.prefix(80)))]))
                }
            }
        }
        return findings
    }

    /// The lower-cased words of a text, function words aside, as a set.
    static func contentWords(_ text: String) -> Set<String> {
        Set(WordScanner.words(in: text).map(\.lowered).filter { !CommonWords.function.contains($0) })
    }

    /// True when a newer revision still makes the claim of `text` with some time-relative wording:
    /// one of its sentences carries a time word and at least two (all, when fewer) of the content
    /// words that follow the time word in `text` ("currently espoused by Joe Peacott").
    static func stillMade(_ text: String, in newer: [[Set<String>]], wording: (String) -> [(kind: String, phrase: String)]) -> Bool {
        let words = WordScanner.words(in: text).map(\.lowered)
        guard let first = wording(text).first else { return false }
        let phrase = WordScanner.words(in: first.phrase).map(\.lowered)
        guard let at = words.indices.first(where: { i in i + phrase.count <= words.count && Array(words[i..<(i + phrase.count)]) == phrase }) else { return false }
        let after = words[(at + phrase.count)...].prefix(8).filter { !CommonWords.function.contains($0) && $0.utf8.count >= 3 }
        let core = Array(after.prefix(4))
        guard !core.isEmpty else { return false }
        let need = min(2, core.count)
        for sentences in newer {
            for theirs in sentences where core.filter(theirs.contains).count >= need { return true }
        }
        return false
    }

    /// Words after "as of" that make it a time phrase ("as of 2009", "as of today"); "as well as
    /// of anarchism" is no time phrase.
    static let timeAfterAsOf: Set<String> = ["today", "now", "yet", "this", "writing", "press", "the", "late", "early", "mid", "spring", "summer", "autumn", "fall", "winter", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// Verbs after "is now" that name rather than state ("as it is now called").
    static let namingVerbs: Set<String> = ["called", "known", "named", "termed", "referred", "spelled", "spelt", "styled", "titled"]

    /// Whether a marker matched at word `i` is the whole time phrase, not part of another phrase:
    /// "as of" before a date or time word, "to date" not in "up to date" nor before an object
    /// ("to date the fossils"), "now" not in a naming phrase ("is now called"), and no marker
    /// joined by a hyphen into a modifier ("presently-existing").
    static func isWholePhrase(_ kind: String, at i: Int, length: Int, words: [WordToken], lower: [String], text: String) -> Bool {
        let end = i + length
        let bytes = text.utf8
        func byte(_ k: Int) -> UInt8? { k >= 0 && k < bytes.count ? bytes[bytes.index(bytes.startIndex, offsetBy: k)] : nil }
        if byte(words[end - 1].range.upperBound) == 0x2D || byte(words[i].range.lowerBound - 1) == 0x2D { return false }
        let next = end < lower.count ? lower[end] : nil
        switch kind {
        case "as of":
            guard let n = next else { return false }
            return words[end].hasDigit || timeAfterAsOf.contains(n)
        case "to date":
            if i > 0, lower[i - 1] == "up" || lower[i - 1] == "out" { return false }
            if let n = next, ["the", "a", "an", "it", "them", "this", "these", "those", "back", "from", "his", "her", "their"].contains(n) { return false }
            return true
        case "now":
            if let n = next, namingVerbs.contains(n) { return false }
            return true
        default:
            return true
        }
    }

    /// Past-tense verbs that report what someone said or thought: a time word after one of them
    /// ("Proudhon argued that, currently, ...") dates to when it was said, not to the article.
    static let reportingVerbs: Set<String> = ["argued", "wrote", "said", "stated", "claimed", "believed", "declared", "noted", "observed", "insisted", "maintained", "asserted", "remarked", "thought", "felt", "held", "contended", "suggested", "predicted", "warned", "explained", "complained", "announced", "reported", "told"]

    /// True when the sentence is someone's reported words: a past-tense reporting verb before its
    /// first time-relative phrase.
    static func isReportedSpeech(_ text: String, phrase: String) -> Bool {
        let lowerText = WordScanner.lower(outsideQuotes(text))
        guard let r = lowerText.range(of: WordScanner.lower(phrase)) else { return false }
        let before = WordScanner.words(in: String(lowerText[..<r.lowerBound])).map(\.text)
        return before.contains { reportingVerbs.contains($0) }
    }

    /// True when the time word sits in an embedded "how" clause ("insight into how society
    /// currently works"): it describes how something works in general, not a dated state of
    /// the subject, so no later revision can make it stale.
    static func isGenericProcess(_ text: String, phrase: String) -> Bool {
        let lowerText = WordScanner.lower(outsideQuotes(text))
        guard let r = lowerText.range(of: WordScanner.lower(phrase)) else { return false }
        let before = WordScanner.words(in: String(lowerText[..<r.lowerBound])).map(\.text)
        // "how" at most four words before the phrase, and not opening the sentence (a question).
        guard let k = before.lastIndex(of: "how"), k > 0, before.count - k <= 4 else { return false }
        return true
    }

    /// True when a heading of `path` has neither a letter nor a digit (a line of `=` signs left by
    /// a broken edit; a year heading such as "2019" is a real one): what stands under it is not an
    /// article section, so it makes no claim.
    static func isUnderBrokenHeading(_ path: [String]) -> Bool {
        path.contains { h in
            !h.isEmpty && !h.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
    }

    /// Headings of reference lists, further reading and link lists: their entries are titles and
    /// access notes ("mirror as of 23 January 2006"), not claims.
    static let referenceHeadings: [String] = ["references", "notes", "footnotes", "sources", "bibliography", "external links", "further reading", "see also", "literature", "works cited", "citations", "links", "reading", "online"]

    /// True when `path` sits under a reference-list heading.
    static func isReferenceSection(_ path: [String]) -> Bool {
        path.contains { h in
            let l = WordScanner.lower(h)
            return referenceHeadings.contains { l == $0 || l.hasPrefix($0 + " ") || l.hasSuffix(" " + $0) }
        }
    }

    /// True when the sentence sits inside a block quotation: `<blockquote>` or a quotation
    /// template (`{{quote}}`, `{{cquote}}`, `{{blockquote}}`, `{{quotation}}`) in wikitext, a `>`
    /// line in markdown and plain text.
    static func isBlockQuote(_ sentence: Sentence, in doc: Document) -> Bool {
        let bytes = doc.source.bytes
        let at = min(sentence.sourceRange.lowerBound, bytes.count)
        var lineStart = at
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        if doc.format != .wikitext {
            var k = lineStart
            while k < at, bytes[k] == 0x20 { k += 1 }
            return k < bytes.count && bytes[k] == 0x3E
        }
        // Look back a bounded stretch for an opening that is not closed before the sentence.
        let from = max(0, at - 20_000)
        func startsWith(_ k: Int, _ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard k + n <= bytes.count else { return false }
            let w = word.utf8Start
            for j in 0..<n where bytes[k + j] | (bytes[k + j] >= 0x41 && bytes[k + j] <= 0x5A ? 0x20 : 0) != w[j] { return false }
            return true
        }
        var k = at - 1
        var sawBlockClose = false
        while k >= from {
            let c = bytes[k]
            if c == 0x3C {
                if startsWith(k, "</blockquote") { sawBlockClose = true } else if startsWith(k, "<blockquote"), !sawBlockClose { return true }
            } else if c == 0x7B, k + 1 < bytes.count, bytes[k + 1] == 0x7B,
                startsWith(k, "{{quote") || startsWith(k, "{{cquote") || startsWith(k, "{{blockquote") || startsWith(k, "{{quotation") || startsWith(k, "{{rquote")
            {
                // Still open at the sentence: more {{ than }} from the opening to it.
                var depth = 0
                var j = k
                while j + 1 < at {
                    if bytes[j] == 0x7B, bytes[j + 1] == 0x7B { depth += 1; j += 2; continue }
                    if bytes[j] == 0x7D, bytes[j + 1] == 0x7D { depth -= 1; j += 2; continue }
                    j += 1
                }
                return depth > 0
            }
            k -= 1
        }
        return false
    }

    /// Number words: "forty volunteer guides" is as specific as "40".
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "dozen", "dozens",
    ]

    /// True when the sentence names something specific (a capitalised word after its first, or
    /// a number): a dropped claim without one ("how society currently works") is a general
    /// remark, not a fact that went stale.
    static func isSpecific(_ text: String) -> Bool {
        let words = WordScanner.words(in: outsideQuotes(text))
        for (k, w) in words.enumerated() {
            if w.hasDigit || numberWords.contains(w.lowered) { return true }
            if k > 0, let f = w.text.utf8.first, f >= 0x41, f <= 0x5A, w.text.utf8.count > 1 { return true }
        }
        return false
    }

    /// `text` with everything between double quotes (straight or curly) blanked out; an unclosed
    /// quote blanks nothing. Byte lengths are kept, so offsets still line up.
    static func outsideQuotes(_ text: String) -> String {
        var b = Array(text.utf8)
        var open: Int? = nil
        var i = 0
        while i < b.count {
            let curlyOpen = i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x9C  // “
            let curlyClose = i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x9D  // ”
            let width = curlyOpen || curlyClose ? 3 : 1
            if let o = open, b[i] == 0x22 || curlyClose {
                for k in o..<(i + width) { b[k] = 0x20 }
                open = nil
            } else if open == nil, b[i] == 0x22 || curlyOpen {
                open = i
            }
            i += width
        }
        return String(decoding: b, as: UTF8.self)
    }

    /// The sentence without its time-relative words, for finding its counterpart.
    static func stripMarkers(_ text: String) -> String {
        let drop: Set<String> = ["currently", "presently", "now", "recently", "as", "of", "to", "date"]
        return WordScanner.words(in: text).filter { !drop.contains($0.lowered) }.map(\.text).joined(separator: " ")
    }
}
