import CrossCheckCore
import CrossCheckAnalysis
/// `headquarters-conflict`: the headquarters location differs between variants, or within one.
package struct HeadquartersConflictRule: Rule {
    package static let description = RuleDescription(
        id: "headquarters-conflict", name: "Headquarters conflict", severity: .error,
        summary: "The headquarters location differs between variants, or within one variant.",
        rationale: """
            A company has one headquarters; an article and its digests must name the same place. \
            Locations are read from `headquarters`/`hq_location`/`location` fields and from sentences \
            ("headquartered in", "based in", "City (Headquarters)"), split into places ("A & B" is two), \
            and reduced to the settlement they name: "Science Park, Port City" and "Port City Science \
            Park" both name Port City and agree with "Port City", and a country alone agrees with a city \
            written with that country. A summary or source naming a place the revisions do not is an \
            error; a variant naming different headquarters in different places contradicts itself. Moves \
            between revisions are reported as changes, explained by the newer revision's sentence that \
            reports the move. Statements about a related organisation ("its parent ... is based in") are \
            not the subject's.
            """,
        triggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2021-05", format: .plaintext, """
                    Ottervale Systems is a software company headquartered in Lindenport.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2022", """
                    # Ottervale Systems

                    ## Company Info
                    - **Headquarters**: Lindenport & Carrow Bay
                    - **Global Headquarters**: 12 Mill Street, Harbour District, Carrow Bay, Northland
                    """), expect: "Carrow Bay"),
            RuleExample(
                ExampleFile("one.md", role: .summary, """
                    # Pellucid Inc

                    ## Facts
                    - **Headquarters**: Easthaven

                    ## Offices
                    1. **Westmere** (Headquarters)
                    """), expect: "Westmere"),
            // A move between revisions is an edit (info), explained by the sentence reporting it.
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2018-03", format: .plaintext, """
                    Fernhollow Games is a video game developer headquartered in Easthaven.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2022-06", format: .plaintext, """
                    Fernhollow Games is a video game developer headquartered in Westmere.

                    In 2020, the company moved its head office from Easthaven to Westmere.
                    """), expect: "explained by the move"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2021-05", format: .plaintext, """
                    Ottervale Systems is a software company headquartered in Lindenport.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2022", """
                    # Ottervale Systems

                    ## Company Info
                    - **Headquarters**: Lindenport Science Park, Lindenport
                    """)),
            RuleExample(
                ExampleFile("a.md", role: .summary, """
                    # Pellucid Inc

                    ## Facts
                    - **Headquarters**: Science Park, Easthaven
                    - **Location**: Easthaven Science Park
                    """)),
        ])

    package init() {}

    package func check(_ context: RuleContext) -> [Finding] {
        AttributeJudge(
            rule: Self.description.id, attribute: .headquarters, noun: "Headquarters", severity: Self.description.severity,
            selfSeverity: .error
        ).findings(context, explain: { _, newer, _, newClaims in
            Self.relocation(in: newer, to: newClaims).map { ("explained by the move reported in \(Chronology.shortName(newer.id, in: context.set))", $0) }
        })
    }

    /// Words that report a move of the head office.
    static let moveWords: Set<String> = ["moved", "moves", "relocated", "relocates", "relocation", "transferred", "move", "relocate"]
    static let officeWords: Set<String> = ["headquarters", "headquartered", "hq"]

    /// A sentence of `variant` reporting that the headquarters moved to one of the places `claims` name
    /// ("In 2020, the company moved its headquarters from A to B"): it explains a changed headquarters.
    static func relocation(in variant: Variant, to claims: [Claim]) -> Evidence? {
        var targets = Set<String>()
        for c in claims {
            if case let .places(ps) = c.value {
                for p in ps { for w in p.settlement.lowercased().split(whereSeparator: { !$0.isLetter }) { targets.insert(String(w)) } }
            }
        }
        guard !targets.isEmpty else { return nil }
        for section in variant.document.sections {
            for s in section.sentences {
                let words = Set(s.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                let office = !words.isDisjoint(with: officeWords) || (words.contains("head") && words.contains("office"))
                guard office, !words.isDisjoint(with: moveWords), !words.isDisjoint(with: targets) else { continue }
                return StatementAlignment.evidence(variant, section, s, value: "relocation")
            }
        }
        return nil
    }
}
