import CrossCheckCore
import CrossCheckAnalysis
/// `duplicate-section`: one variant has the same heading twice at the same level under the same parent.
package struct DuplicateSectionRule: Rule {
    package static let description = RuleDescription(
        id: "duplicate-section", name: "Duplicate section", severity: .warning,
        summary: "One variant has the same heading twice at the same level and under the same parent.",
        rationale: """
            A heading repeated under the same parent usually means a section was pasted twice or an edit \
            merged two versions of the page; readers and every section-level comparison then see two \
            competing bodies for one topic. Headings are compared after normalising case, spacing, \
            punctuation and `&` versus "and", so "Awards & Honours" and "awards and honours" count as the \
            same heading. Headings repeated under different parents (a "Reception" under each of two \
            products) are fine.
            """,
        triggering: [
            RuleExample(
                ExampleFile("guide.md", """
                    # Lighthouse keeping

                    ## Lamps & Lenses
                    Early lamps burned whale oil.

                    ## Daily routine
                    Keepers trimmed wicks every evening.

                    ## Lamps and lenses
                    Fresnel lenses replaced reflectors.
                    """), expect: "Lamps"),
            RuleExample(
                ExampleFile("club.txt", format: .wikitext, """
                    The rowing club trains on the river.

                    == History ==
                    It was founded by students.

                    == History ==
                    The boathouse was rebuilt after a flood.
                    """), expect: "History"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("products.md", """
                    # Kettles

                    ## Stovetop kettle
                    A classic design.

                    ### Reception
                    Reviewers liked the whistle.

                    ## Electric kettle
                    Boils water quickly.

                    ### Reception
                    Reviewers praised the speed.
                    """)),
            RuleExample(
                ExampleFile("a.md", "# Ferns\n\n## Habitat\nDamp woods.\n"),
                ExampleFile("b.md", "# Ferns\n\n## Habitat\nShaded valleys.\n")),
        ])

    package init() {}

    /// Heading text normalised for comparison: the lexer's heading key (`Lexer.headingKey`, the
    /// section aligner's too: case, quotes, dashes and number words folded, punctuation and spacing
    /// dropped), with `&` read as "and".
    static func normalise(_ heading: String) -> String {
        // Foundation's replacement only where there is something to replace.
        Lexer.headingKey(heading.utf8.contains(0x26) ? heading.replacingOccurrences(of: "&", with: " and ") : heading)
    }

    package func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for v in context.set.variants {
            struct Key: Hashable { var level: Int; var parent: [String]; var heading: String }
            var groups: [Key: [Section]] = [:]
            var order: [Key] = []
            // A repeated heading repeats its level and its own text first: without such a pair
            // (most documents, and every revision of most histories) there is nothing to group.
            struct Heading: Hashable { var level: Int; var heading: String }
            var headings = Set<Heading>()
            var repeated = false
            let sections = v.document.sections
            // A history asks for the same headings revision after revision: their keys are kept.
            let keys: RevisionCache<String, String>? = context.memo?.cache("duplicate-section.keys")
            func key(_ heading: String) -> String {
                guard let keys else { return Self.normalise(heading) }
                if let k = keys[heading] { return k }
                let k = Self.normalise(heading)
                keys[heading] = k
                return k
            }
            for i in sections.indices where sections[i].level > 0 && !sections[i].path.isEmpty {
                let h = Heading(level: sections[i].level, heading: key(sections[i].heading))
                if !h.heading.isEmpty, !headings.insert(h).inserted { repeated = true; break }
            }
            guard repeated else { continue }
            for s in sections where s.level > 0 && !s.path.isEmpty {
                let key = Key(level: s.level, parent: s.path.dropLast().map(Self.normalise), heading: Self.normalise(s.heading))
                guard !key.heading.isEmpty else { continue }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(s)
            }
            for key in order {
                guard let secs = groups[key], secs.count > 1, let first = secs.first else { continue }
                let src = v.document.source
                let evidence = secs.map { s -> Evidence in
                    let lineText = src.text(src.lines.range(ofLine: s.line, in: src.bytes)).trimmingCharacters(in: .whitespaces)
                    return Evidence(
                        variant: v.id, path: v.document.path, line: s.line, section: s.path.dropLast().joined(separator: " > "),
                        text: Evidence.trim(lineText.isEmpty ? s.heading : lineText), value: s.heading)
                }
                let lines = secs.map { String($0.line) }.joined(separator: ", ")
                let parent = first.path.count > 1 ? " under \"\(first.path.dropLast().joined(separator: " > "))\"" : ""
                findings.append(Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                    message: "Heading \"\(first.heading)\" appears \(secs.count) times at level \(key.level)\(parent) in \(context.set.shortName(v.id)) (lines \(lines))",
                    evidence: evidence, values: secs.map(\.heading).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
                    fingerprintParts: [v.id, String(key.level), key.parent.joined(separator: "/"), key.heading]))
            }
        }
        return findings
    }
}
