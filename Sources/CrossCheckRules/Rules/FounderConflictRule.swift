import CrossCheckCore
import CrossCheckAnalysis
/// `founder-conflict`: founder sets differ after normalising name order and titles.
package struct FounderConflictRule: Rule {
    package static let description = RuleDescription(
        id: "founder-conflict", name: "Founder conflict", severity: .warning,
        summary: "Founder sets differ between variants (after normalising name order and titles).",
        rationale: """
            Digests often drop or add a founder. Founders are read from `founder`/`founders` fields and \
            from "founded ... by" sentences, and compared as sets of people, each person an unordered set \
            of name tokens without titles: "Lin Wei", "Wei Lin" and "Professor Wei Lin" are one person, \
            and so are spellings with and without Latin diacritics ("José"/"Jose"), with an initial \
            ("H. van Aalst") or with the family name alone ("Van Aalst"). A summary or source naming a different set than the revisions is a conflict; a change \
            between revisions is reported as an edit.
            """,
        triggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-02", format: .plaintext, """
                    Hollowreed was co-founded in March 2011 by Anna Sorel, a chemist, and engineer Piet Vane, among others.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2021", """
                    # Hollowreed

                    ## Company Info
                    - **Founder**: Dr. Anna Sorel
                    """), expect: "Piet Vane"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-02", format: .plaintext, """
                    Hollowreed was founded in 2011 by Sorel Anna and Piet Vane.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2021", """
                    # Hollowreed

                    ## Company Info
                    - **Founders**: Professor Anna Sorel, Piet Vane
                    """)),
        ])

    package init() {}

    package func check(_ context: RuleContext) -> [Finding] {
        AttributeJudge(rule: Self.description.id, attribute: .founders, noun: "Founders", severity: Self.description.severity)
            .findings(context)
    }
}
