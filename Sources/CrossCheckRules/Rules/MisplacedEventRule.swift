import CrossCheckCore
import CrossCheckAnalysis
/// `misplaced-event`: an event dated in year X filed under the section for year Y.
package struct MisplacedEventRule: Rule {
    package static let description = RuleDescription(
        id: "misplaced-event", name: "Misplaced event", severity: .warning,
        summary: "A sentence opening with a date in one year sits under a section headed with another year.",
        rationale: """
            Chronological articles file events under year headings ("2018", "2010–2015"). A sentence that \
            opens with its own date ("In September 2018, ...", "On 20 September 2018", "During 2015") \
            but sits under a heading for another year is either misfiled or misdated, and readers scanning \
            the timeline will place it wrongly. Only the date that opens the sentence counts: later \
            mentions ("... cancelled in 2020 following a review") describe consequences and are fine. \
            Openings that describe spans ("Since 2015", "By 2016", "Until 2012") are not checked, nor \
            sentences that also date something in the heading's years ("In late 2018, talks began; the \
            deal closed in January 2019" under "2019").
            """,
        triggering: [
            RuleExample(
                ExampleFile("timeline.txt", format: .wikitext, """
                    The '''Riverside Choir''' is an amateur choir.

                    == History ==
                    === 2016 ===
                    The choir gave its first concert.

                    === 2017 ===
                    In March 2016, the choir recorded an album. It toured abroad in 2017.
                    """), expect: "2016"),
            RuleExample(
                ExampleFile("timeline.md", """
                    # Riverside Choir

                    ## 2010–2012
                    During 2014, the choir moved to a new hall.
                    """), expect: "2014"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("timeline.txt", format: .wikitext, """
                    The '''Riverside Choir''' is an amateur choir.

                    == History ==
                    === 2017 ===
                    In March 2017, the choir recorded an album, which was reissued in 2021 after a restoration. Since 2015, it has rehearsed weekly. On 9 July, it sang at a festival.

                    === 2018 ===
                    During 2018, the choir toured.

                    === 2019 ===
                    In late 2018, the choir began planning a tour, which opened in March 2019.
                    """)),
            RuleExample(
                ExampleFile("timeline.md", """
                    # Riverside Choir

                    ## 2010–2012
                    In 2011, the choir moved to a new hall.
                    """)),
        ])

    package init() {}

    /// Words that may precede the opening date ("In early", "At the end of", "During the summer of").
    static let openers: Set<String> = [
        "in", "on", "during", "at", "around", "throughout", "early", "late", "mid", "the", "end", "beginning", "start",
        "middle", "first", "second", "third", "fourth", "last", "half", "quarter", "of", "spring", "summer", "autumn",
        "fall", "winter", "q1", "q2", "q3", "q4", "h1", "h2",
    ]

    /// The year or year range a heading names ("2019", "2010–2015", "2010 to 2015"), if it names only that.
    static func years(ofHeading heading: String) -> ClosedRange<Int>? {
        // A year is four ASCII digits: most headings have none, and are passed over without
        // splitting them into words (this runs for every heading of every revision of a history).
        guard ByteSearch.asciiDigits(heading) >= 4 else { return nil }
        let words = WordScanner.words(in: heading).map(\.text)
        func year(_ s: String) -> Int? {
            guard s.utf8.count == 4, let y = Int(s), (1000...2999).contains(y) else { return nil }
            return y
        }
        switch words.count {
        case 1: return year(words[0]).map { $0...$0 }
        case 2:
            guard let a = year(words[0]) else { return nil }
            if words[1].lowercased() == "present" { return a...9999 }
            guard let b = year(words[1]), a <= b else { return nil }
            return a...b
        case 3:
            guard words[1].lowercased() == "to", let a = year(words[0]) else { return nil }
            if words[2].lowercased() == "present" { return a...9999 }
            guard let b = year(words[2]), a <= b else { return nil }
            return a...b
        default: return nil
        }
    }

    /// The date that opens `text`, when the sentence starts with one (after allowed opener words).
    static func openingDate(_ text: String) -> DateMention? {
        guard let first = DateNormalizer.mentions(in: text).first, !first.yearInferred, first.date.year > 0 else { return nil }
        let prefix = String(decoding: Array(text.utf8)[0..<min(first.range.lowerBound, text.utf8.count)], as: UTF8.self)
        let words = WordScanner.words(in: prefix)
        guard words.count <= 6 else { return nil }
        for w in words where !openers.contains(w.lowered) { return nil }
        return first
    }

    package func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for v in context.set.variants {
            for section in v.document.sections {
                guard let (heading, range) = section.path.reversed().lazy.compactMap({ h in Self.years(ofHeading: h).map { (h, $0) } }).first else { continue }
                for sentence in section.sentences {
                    guard let date = Self.openingDate(sentence.text), !range.contains(date.date.year) else { continue }
                    // A sentence that also dates something in the heading's years tells how the
                    // section's event came about ("In late 2018, talks began; the deal closed in
                    // January 2019", "In 2018 and 2019, ..."): it is filed correctly.
                    if DateNormalizer.mentions(in: sentence.text).dropFirst().contains(where: { !$0.yearInferred && range.contains($0.date.year) }) { continue }
                    findings.append(Finding(
                        rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                        message: "\"\(date.text)\" opens a sentence filed under \"\(heading)\" in \(context.set.shortName(v.id)); the event is dated \(date.date.year)",
                        evidence: [context.evidence(v, section, sentence, value: date.date.description)],
                        values: [date.date.description, heading],
                        fingerprintParts: [v.id, heading, date.date.description, WordScanner.lower(String(sentence.text.prefix(80)))]))
                }
            }
        }
        return findings
    }
}
