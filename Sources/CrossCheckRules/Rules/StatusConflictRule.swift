import CrossCheckCore
import CrossCheckAnalysis
/// `status-conflict`: ownership or listing status differs between variants.
package struct StatusConflictRule: Rule {
    package static let description = RuleDescription(
        id: "status-conflict", name: "Status conflict", severity: .error,
        summary: "Ownership or listing status differs between variants (private vs public vs state-owned).",
        rationale: """
            Whether a company is private, publicly traded or state-owned is one of the first facts a \
            reader takes from an article, and digests copy it verbatim. Statuses are read from infobox \
            `type` fields, `IPO`/`traded as` fields and descriptions such as "is a publicly traded \
            company", then compared per dimension (listing; state ownership). A change between an older \
            and a newer revision is an edit: it is reported for information with the sentence of the \
            newer revision that explains it (a completed IPO explains private -> public). A summary or \
            source that disagrees with the revisions, or a variant that disagrees with itself, is a \
            conflict.
            """,
        triggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2015-01", format: .plaintext, """
                    Quillfeather Labs is a privately held software company based in Northport.

                    It builds note-taking tools.
                    """),
                ExampleFile("digest.md", role: .summary, date: "2016", """
                    # Quillfeather Labs

                    ## Company Info
                    - **Type**: Public company
                    - **Founded**: 2009
                    """), expect: "private"),
            RuleExample(
                ExampleFile("v1.txt", role: .revision, date: "2018-03", format: .plaintext, """
                    Brindle Foods is a privately held grocery company.
                    """),
                ExampleFile("v2.txt", role: .revision, date: "2022-06", format: .plaintext, """
                    Brindle Foods is a publicly traded grocery company.

                    # History

                    On 4 May 2021, Brindle Foods completed its IPO on the national exchange.
                    """), expect: "public"),
            RuleExample(
                ExampleFile("article.wiki", role: .revision, date: "2022-02", format: .wikitext, """
                    {{Infobox company
                    | name = Corvid Mapping
                    | type = [[Privately held company|Private]]
                    }}
                    '''Corvid Mapping''' is a [[Public company|publicly traded]] cartography company.
                    """), expect: "private"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("a.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Marlow Freight is a publicly traded logistics company.
                    """),
                ExampleFile("b.md", role: .summary, date: "2021", """
                    # Marlow Freight

                    ## Facts
                    - **Type**: Public
                    """)),
            RuleExample(
                ExampleFile("a.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Tidewell is a privately held boat builder. It was considering an IPO in 2019.
                    """)),
            // A dated event is history: the infobox and a later listing say what the status is now.
            RuleExample(
                ExampleFile("article.wiki", role: .revision, date: "2022-02", format: .wikitext, """
                    {{Infobox company
                    | name = Harrow Looms
                    | type = [[Public company|Public]]
                    }}
                    '''Harrow Looms''' makes carpets. In 2011 the company was delisted and became privately held. In 2019 it listed its shares on the national exchange again.
                    """)),
            // Statements about related organisations are not about the subject.
            RuleExample(
                ExampleFile("a.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Moorcroft Foods is a publicly traded food company. Its former parent, Ashdown Holdings, is a privately held company. The company's subsidiary, Moorcroft Dairy, is a privately owned dairy.
                    """)),
        ])

    package init() {}

    /// True for a status a dated sentence gives as history ("In 2016 the company was delisted
    /// and became privately held", "in 1990 it was a private company"): it says what the status
    /// was then, not what it is now, so it contradicts neither the infobox nor a later event.
    static func isHistory(_ c: Claim) -> Bool {
        guard c.origin == .sentence, c.label == "event" || c.label == "description" else { return false }
        if c.label == "description" {
            let lower = c.statement.lowercased()
            guard lower.contains(" was a ") || lower.contains(" was an ") || lower.contains(" became a ") || lower.contains(" became an ") else {
                return false
            }
        }
        return DateNormalizer.mentions(in: c.statement).contains { $0.date.year != 0 && !$0.yearInferred }
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let judge = AttributeJudge(rule: Self.description.id, attribute: .status, noun: "Status", severity: Self.description.severity)
        let claims = context.claims
        return judge.findings(context, filter: { !Self.isHistory($0) }, explain: { older, newer, oldClaims, newClaims in
            let wasListed = oldClaims.lazy.compactMap { c -> Bool? in if case let .status(s) = c.value { return StatusComparison.listed(s) }; return nil }.first
            let isListed = newClaims.lazy.compactMap { c -> Bool? in if case let .status(s) = c.value { return StatusComparison.listed(s) }; return nil }.first
            guard let wasListed, let isListed, wasListed != isListed else { return nil }
            let wanted = isListed ? "listing" : "delisting"
            let events = claims.claims(newer.id).filter { c in
                guard c.attribute == .event, case let .text(kind, date) = c.value, kind == wanted else { return false }
                if let date, let since = older.document.date { return !(date < since) || date.agrees(with: since) }
                return true
            }
            guard let e = events.first(where: { $0.origin == .sentence }) ?? events.first else { return nil }
            var when = ""
            if case let .text(_, d) = e.value, let d { when = " (\(d))" }
            let what = isListed ? "the IPO" : "the delisting"
            return ("explained by \(what) reported in \(Chronology.shortName(newer.id, in: context.set))\(when)", e.evidence)
        })
    }
}
