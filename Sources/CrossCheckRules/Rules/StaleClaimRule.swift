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
            that no newer revision repeats in any form is reported too: later edits dropped the claim.
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
                guard ok else { continue }
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
        for a in set.variants {
            let newer = set.newer(than: a).filter { $0.document.role != .summary }
            guard !newer.isEmpty else { continue }
            for (section, sentence) in a.document.allSentences {
                let relative = wording(sentence.text)
                guard !relative.isEmpty else { continue }
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
                let states = relative.filter { $0.kind != "recently" }
                if !matched, !states.isEmpty, a.document.role == .revision, let newest = set.newestRevision, newest.order > a.order {
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
