import CrossCheckCore
import CrossCheckAnalysis
/// `date-format`: dates written in another style than the one the article declares.
package struct DateFormatRule: Rule {
    package static let description = RuleDescription(
        id: "date-format", name: "Date format", severity: .info,
        summary: "A date in running text is not in the style the article declares (e.g. {{Use dmy dates}}).",
        rationale: """
            Articles that declare a date style (`{{Use dmy dates}}` for "18 February 2022", `{{Use mdy \
            dates}}` for "February 18, 2022") should write every date in prose that way; a mix signals \
            text pasted from elsewhere and makes dates harder to compare. Only day-and-month dates in \
            sentences are checked (citation metadata is not prose, and "December 2021" or ISO dates have \
            no day-month order), and neither are dates in quotation marks (titles, quoted speech) or a \
            day and month that name something ("May 4 Movement"). A style difference is never a date conflict: "On 18 February" and \
            "On February 18" are the same date, and `date-conflict` treats them so.
            """,
        triggering: [
            RuleExample(
                ExampleFile("ferry.txt", format: .wikitext, """
                    {{Use dmy dates|date=March 2020}}
                    The '''Harbour Ferry''' links the two piers.

                    == History ==
                    On 3 March 2019, the ferry resumed service. On July 14, 2019, a second boat was added.
                    """), expect: "July 14"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("ferry.txt", format: .wikitext, """
                    {{Use dmy dates|date=March 2020}}
                    The '''Harbour Ferry''' links the two piers.

                    == History ==
                    On 3 March 2019, the ferry resumed service. On 14 July 2019, a second boat was added in July 2019.
                    """)),
            RuleExample(
                ExampleFile("article.wiki", format: .wikitext, """
                    {{Use dmy dates|date=May 2020}}
                    Harbour Ferry is a ferry line.

                    == History ==
                    Its crew recorded the song "September 11, 2001" on 3 March 2019. The May 4 Movement museum opened on 5 May 2019.
                    """)),
            RuleExample(
                ExampleFile("notes.md", """
                    # Harbour Ferry

                    On July 14, 2019, a second boat was added; on 3 March 2019 service resumed.
                    """)),
        ])

    package init() {}

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    package func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for v in context.set.variants {
            guard let declared = v.document.declaredDateStyle else { continue }
            let wrong: DateMention.Style = declared == .dmy ? .mdy : .dmy
            let declaredAt = v.document.declaredDateStyleLine.map { " (line \($0))" } ?? ""
            for (section, sentence) in v.document.allSentences {
                // Dates inside quotation marks belong to titles and quoted speech ("September 11,
                // 2001" as a song's name), and a day-and-month followed by a capitalised word names
                // something ("May 4 Movement"): neither is the article's own date style.
                let bytes = Array(sentence.text.utf8)
                for m in DateNormalizer.mentions(in: StaleClaimRule.outsideQuotes(sentence.text)) where m.style == wrong {
                    if m.yearInferred, Self.followedByCapital(bytes, m.range.upperBound) { continue }
                    let line = v.document.source.lines.line(of: sentence.sourceOffset(ofTextOffset: m.range.lowerBound))
                    var e = context.evidence(v, section, sentence, value: m.text)
                    e.line = line
                    let suggestion = Self.rewrite(m, as: declared)
                    findings.append(Finding(
                        rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                        message: "\"\(m.text)\" is written \(wrong == .mdy ? "month first" : "day first") but \(context.set.shortName(v.id)) declares \(declared.rawValue) dates\(declaredAt)" + (suggestion.map { "; write \"\($0)\"" } ?? ""),
                        evidence: [e], values: [m.text] + (suggestion.map { [$0] } ?? []),
                        fingerprintParts: [v.id, declared.rawValue, m.text, String(sentence.text.prefix(60))]))
                }
            }
        }
        return findings
    }

    /// True when a space and a capital letter follow offset `i` ("May 4 Movement").
    static func followedByCapital(_ b: [UInt8], _ i: Int) -> Bool {
        guard i + 1 < b.count, b[i] == 0x20 else { return false }
        return b[i + 1] >= 0x41 && b[i + 1] <= 0x5A
    }

    /// The mention rewritten in `style` ("February 18, 2022" -> "18 February 2022").
    static func rewrite(_ m: DateMention, as style: DateStyle) -> String? {
        guard let month = m.date.month, let day = m.date.day, (1...12).contains(month) else { return nil }
        let name = monthNames[month - 1]
        let year = m.yearInferred ? "" : String(m.date.year)
        switch style {
        case .dmy: return "\(day) \(name)" + (year.isEmpty ? "" : " \(year)")
        case .mdy: return "\(name) \(day)" + (year.isEmpty ? "" : ", \(year)")
        }
    }
}
