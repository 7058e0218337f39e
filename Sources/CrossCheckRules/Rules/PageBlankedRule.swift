import CrossCheckCore
import CrossCheckAnalysis

/// `page-blanked`: a revision that keeps less than a quarter of the words of the one before it.
///
/// The gate reports it for an edited file against its own previous version (an emptied file
/// included, which cannot be parsed and so is no variant); `check` reports it between
/// consecutive revisions of one format.
package struct PageBlankedRule: Rule {
    package static let description = RuleDescription(
        id: "page-blanked", name: "Page blanked", severity: .error,
        summary: "An edit blanked a page or removed most of it (less than a quarter of its words left).",
        rationale: """
            Blanking a page, or cutting it to a stub, is the commonest form of vandalism and the \
            commonest accident of a bad merge or a failed export. Every other rule goes quiet on an \
            empty page (there is nothing left to disagree), so the edit would otherwise pass. A \
            revision that keeps less than a quarter of the words of the revision before it (which \
            had at least 50) is reported; the gate compares an edited file with its own previous \
            version, and reports an emptied file too.
            """,
        triggering: [
            RuleExample(
                ExampleFile("01_old.wiki", format: .wikitext, PageBlankedRule.exampleText),
                ExampleFile("02_new.wiki", format: .wikitext, "'''Harbour Mill''' was a mill.\n"), expect: "02"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("01_old.wiki", format: .wikitext, PageBlankedRule.exampleText),
                ExampleFile("02_new.wiki", format: .wikitext, PageBlankedRule.exampleText + "\nIt closed in 1962.\n")),
        ])

    static let exampleText = """
        '''Harbour Mill''' was a water-powered corn mill on the estuary of a small river. It was built \
        by a local family of millers in the early nineteenth century and ground wheat and barley for \
        the farms of the valley. The mill had two wheels, a drying kiln and a granary beside the quay, \
        from which sacks of flour were loaded onto coastal boats bound for the larger towns along the coast.

        """

    /// Words the earlier version must have for a cut to count.
    package static let minimumWords = 50

    package init() {}

    package func check(_ context: RuleContext) -> [Finding] {
        let revisions = context.set.variants.filter { $0.document.role == .revision }.sorted { $0.order < $1.order }
        var out: [Finding] = []
        for (a, b) in zip(revisions, revisions.dropFirst()) where a.document.format == b.document.format {
            if let f = Self.finding(before: a.document.wordCount, after: b.document.wordCount, variant: b, beforeName: context.set.shortName(a.id), name: context.set.shortName(b.id), severity: Self.description.severity, parts: [a.id]) {
                out.append(f)
            }
        }
        return out
    }

    /// The finding for a variant that went from `before` words to `after` (0: emptied), or nil
    /// when enough is left.
    package static func finding(
        before: Int, after: Int, variant: Variant?, path: String? = nil, id: String? = nil, beforeName: String?, name: String,
        severity: Severity, parts: [String] = []
    ) -> Finding? {
        guard before >= minimumWords, after * 4 < before else { return nil }
        let vid = variant?.id ?? id ?? name
        let file = variant?.document.path ?? path ?? vid
        let since = beforeName.map { " (\($0) had \(format(before)))" } ?? " of its \(format(before))"
        let message = after == 0
            ? "\(name) was blanked: none of its \(format(before)) words is left"
            : "\(name) keeps \(format(after)) word\(after == 1 ? "" : "s")\(since): \(100 - after * 100 / before)% of the page was removed"
        var quote = "(the file is empty)"
        var line = 1
        var section = ""
        if let d = variant?.document, let s = d.sections.first(where: { !$0.sentences.isEmpty }), let t = s.sentences.first {
            quote = Evidence.trim(t.text)
            line = t.line
            section = s.path.joined(separator: " > ")
        }
        return Finding(
            rule: description.id, severity: severity, kind: .problem, message: message,
            evidence: [Evidence(variant: vid, path: file, line: line, section: section, text: quote)],
            values: [], likelyWrong: vid,
            explanation: "An edit that removes most of a page is usually vandalism or an accident; restore the text, or split the page deliberately.",
            fingerprintParts: [vid] + parts)
    }

    /// "1,204".
    static func format(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
