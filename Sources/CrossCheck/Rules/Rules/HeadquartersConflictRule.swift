/// `headquarters-conflict`: the headquarters location differs between variants, or within one.
public struct HeadquartersConflictRule: Rule {
    public static let description = RuleDescription(
        id: "headquarters-conflict", name: "Headquarters conflict", severity: .error,
        summary: "The headquarters location differs between variants, or within one variant.",
        rationale: """
            A company has one headquarters; an article and its digests must name the same place. \
            Locations are read from `headquarters`/`hq_location`/`location` fields and from sentences \
            ("headquartered in", "based in", "City (Headquarters)"), split into places ("A & B" is two), \
            and reduced to the settlement they name: "Science Park, Port City" and "Port City Science \
            Park" both name Port City and agree with "Port City". A summary or source naming a place the \
            revisions do not is an error; a variant naming different headquarters in different places \
            contradicts itself. Moves between revisions are reported as changes.
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

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        AttributeJudge(
            rule: Self.description.id, attribute: .headquarters, noun: "Headquarters", severity: Self.description.severity,
            selfSeverity: .error
        ).findings(context)
    }
}
