import CrossCheckCore
import CrossCheckAnalysis
/// `date-conflict`: the same statement carries different dates in two variants.
package struct DateConflictRule: Rule {
    package static let description = RuleDescription(
        id: "date-conflict", name: "Date conflict", severity: .warning,
        summary: "The same statement (aligned sentences) carries different dates in two variants.",
        rationale: """
            When two variants make the same statement, its dates must agree. Sentences are aligned \
            between consecutive revisions and between each summary or source and its revision; dates \
            are normalised with their grain, so "On 18 February" equals "On February 18", and "2021" \
            agrees with "30 December 2021". A date without a year takes the year of its section \
            heading ("2021"); without one it is compared by day and month only. Differences between revisions are edits: a warning when the \
            statement keeps its citation, information when it has none or the edit changes the \
            citation too; template parameters (infobox fields, match boxes) count as well as prose. \
            A summary or source that moves an event is a conflict. An "as of" date only \
            stamps the statement, and a date that moves together with a figure ("12,400 at the 2010 \
            census", "13,950 at the 2020 census") in a newer revision restates the figure for another time. A summary's or \
            source's dated field is compared with the same field of its revision ("Born" and \
            "birth_date", "Incorporated" and "established_date").
            """,
        triggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-06", format: .plaintext, """
                    The Harrow Orchestra was formed by local teachers.

                    On 14 March 2012, the orchestra opened its new concert hall in the old market square.
                    """),
                ExampleFile("sum.txt", role: .summary, date: "2021", format: .plaintext, """
                    The Harrow Orchestra was formed by local teachers.

                    On 14 May 2012, the orchestra opened its new concert hall in the old market square.
                    """), expect: "2012-05-14"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-06", format: .plaintext, """
                    On 14 March 2012, the orchestra opened its new concert hall in the old market square.
                    """),
                ExampleFile("sum.txt", role: .summary, date: "2021", format: .plaintext, """
                    On March 14, 2012, the orchestra opened its new concert hall in the old market square.
                    """)),
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-06", format: .plaintext, """
                    In 2012, the orchestra opened its new concert hall in the old market square.
                    """),
                ExampleFile("sum.txt", role: .summary, date: "2021", format: .plaintext, """
                    On 14 March 2012, the orchestra opened its new concert hall in the old market square.
                    """)),
        ])

    package init() {}

    /// Dates agree at the coarser grain; an unknown year (0) matches any year.
    static func agree(_ a: PartialDate, _ b: PartialDate) -> Bool {
        if a.year == 0 || b.year == 0 {
            guard let m1 = a.month, let m2 = b.month else { return true }
            guard m1 == m2 else { return false }
            guard let d1 = a.day, let d2 = b.day else { return true }
            return d1 == d2
        }
        return a.agrees(with: b)
    }

    /// True when both sentences give a count and the counts differ: a figure restated for another
    /// date ("12,400 at the 2010 census" and "13,950 at the 2020 census"), not a wrong date.
    static func restatedFigure(_ a: String, _ b: String) -> Bool {
        let qa = QuantityNormalizer.quantities(in: a).filter { $0.kind == .count && !$0.spelledOut }
        let qb = QuantityNormalizer.quantities(in: b).filter { $0.kind == .count && !$0.spelledOut }
        guard !qa.isEmpty, !qb.isEmpty else { return false }
        return qa.contains { x in !qb.contains { $0.agrees(with: x) } } && qb.contains { y in !qa.contains { $0.agrees(with: y) } }
    }

    /// True when the mention follows "as of" or "as at" ("As of 2016, she lives in ...").
    static func isTimeStamp(_ m: DateMention, in text: String) -> Bool {
        let b = Array(text.utf8)
        var i = min(m.range.lowerBound, b.count)
        // Skip the spaces before the date, then read the two words before it.
        func word() -> String {
            while i > 0, b[i - 1] == 0x20 { i -= 1 }
            let end = i
            while i > 0, (b[i - 1] | 0x20) >= 0x61, (b[i - 1] | 0x20) <= 0x7A { i -= 1 }
            return String(decoding: b[i..<end], as: UTF8.self).lowercased()
        }
        let second = word(), first = word()
        return first == "as" && (second == "of" || second == "at")
    }

    package func check(_ context: RuleContext) -> [Finding] {
        var differences: [(AlignedStatement, String, String)] = []
        for st in context.statementPairs {
            // A yearless date takes the year of its section heading only; otherwise its year is
            // unknown (0) and it is compared by month and day.
            // "As of 2016" dates the statement, not an event: a newer variant moves it forward.
            let da = DateNormalizer.mentions(in: st.sentenceA.text, contextYear: ClaimExtractor.year(of: st.sectionA))
                .filter { !Self.isTimeStamp($0, in: st.sentenceA.text) }.map(\.date)
            let db = DateNormalizer.mentions(in: st.sentenceB.text, contextYear: ClaimExtractor.year(of: st.sectionB))
                .filter { !Self.isTimeStamp($0, in: st.sentenceB.text) }.map(\.date)
            guard !da.isEmpty, !db.isEmpty else { continue }
            let ua = da.filter { x in !db.contains { Self.agree($0, x) } }
            let ub = db.filter { y in !da.contains { Self.agree($0, y) } }
            // Only between revisions: a summary that moves both the date and the figure is still
            // reported once, here (number-conflict leaves figures for other years alone).
            if st.isEdit, !ua.isEmpty, !ub.isEmpty, Self.restatedFigure(st.sentenceA.text, st.sentenceB.text) { continue }
            if ua.count == 1, ub.count == 1 {
                differences.append((st, ua[0].description, ub[0].description))
            } else {
                // Several: pair dates of the same grain and year.
                for x in ua {
                    let m = ub.filter { $0.grain == x.grain && ($0.year == x.year || $0.year == 0 || x.year == 0) }
                    if m.count == 1 { differences.append((st, x.description, m[0].description)) }
                }
            }
        }
        return StatementAlignment.findings(
            rule: Self.description.id, severity: Self.description.severity, noun: "Date", set: context.set, differences: differences)
            + Self.fieldFindings(context.set) + NumberConflictRule.parameterFindings(context, dates: true)
    }

    /// The concept a field key names, for matching keys across formats: "birth_date" and "Born"
    /// are "birth", "death_date" and "Died" are "death"; other keys are their words without "date".
    static func fieldConcept(_ key: String) -> String {
        let parts: [Substring] = key.lowercased().split(whereSeparator: { (c: Character) -> Bool in !c.isLetter })
        let skip: Set<String> = ["date", "the", "of", "total"]
        let words: [String] = parts.map { String($0) }.filter { !skip.contains($0) }
        let mapped = words.map { w -> String in
            switch w {
            case "born", "birth", "birthdate": return "birth"
            case "died", "death", "deathdate": return "death"
            case "founded", "established", "incorporated", "formed", "inception": return "founded"
            default: return w
            }
        }
        return mapped.joined(separator: " ")
    }

    /// Dates in a summary's or source's fields that contradict the same field of its reference
    /// revision ("Born: September 22, 1949" against "birth_date = September 22, 1948").
    ///
    /// Only non-revision variants are checked (a revision's field edits are ordinary edits), and
    /// only a single unmatched date on each side is a conflict: a field that lists several dated
    /// items ("awards") may name fewer of them.
    static func fieldFindings(_ set: VariantSet) -> [Finding] {
        var out: [Finding] = []
        for (ref, v) in StatementAlignment.variantPairs(set) where !Chronology.isEdit(ref, v) {
            var refFields: [String: [Field]] = [:]
            for f in ref.document.fields { refFields[fieldConcept(f.key), default: []].append(f) }
            var seen: Set<String> = []
            for f in v.document.fields {
                let concept = fieldConcept(f.key)
                guard !concept.isEmpty, !seen.contains(concept), let others = refFields[concept], others.count == 1,
                    let g = others.first
                else { continue }
                seen.insert(concept)
                let da = DateNormalizer.mentions(in: g.value).map(\.date).filter { $0.year != 0 }
                let db = DateNormalizer.mentions(in: f.value).map(\.date).filter { $0.year != 0 }
                guard !da.isEmpty, !db.isEmpty else { continue }
                let ua = da.filter { x in !db.contains { Self.agree($0, x) } }
                let ub = db.filter { y in !da.contains { Self.agree($0, y) } }
                guard ua.count == 1, ub.count == 1 else { continue }
                let na = Chronology.shortName(ref.id, in: set), nb = Chronology.shortName(v.id, in: set)
                func evidence(_ w: Variant, _ field: Field, _ value: String) -> Evidence {
                    Evidence(
                        variant: w.id, path: w.document.path, line: field.line, section: field.section.joined(separator: " > "),
                        text: Evidence.trim(field.key + ": " + field.value), value: value)
                }
                out.append(
                    Finding(
                        rule: description.id, severity: description.severity, kind: .conflict,
                        message: "Date differs in the same field (\(f.key)): \(ub[0].description) (\(nb)) vs \(ua[0].description) (\(na))",
                        evidence: [evidence(v, f, ub[0].description), evidence(ref, g, ua[0].description)],
                        values: [ub[0].description, ua[0].description], likelyWrong: v.id,
                        explanation: "\(nb) is a \(Chronology.role(v)) and disagrees with revision \(na) of its time.",
                        fingerprintParts: ["field", concept, ua[0].description, ub[0].description, ref.id, v.id]))
            }
        }
        return out
    }
}
