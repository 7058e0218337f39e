import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckRules
@testable import CrossCheckReports

/// The same quote in many revisions is shown once with its span; short lists stay as they are.
@Suite struct ReportCompactionTests {
    func evidence(_ variant: String, _ text: String) -> Evidence {
        Evidence(variant: variant, path: variant + ".wiki", line: 3, section: "", text: text)
    }

    func variant(_ id: String, _ order: Int, _ date: String) -> ReportVariant {
        ReportVariant(
            id: id, path: id + ".wiki", sourcePath: id + ".wiki", format: "wikitext", role: "revision", date: date,
            order: order, label: nil, sections: 1, words: 10, citations: 0)
    }

    @Test func repeatedQuotesCollapseWithTheirSpan() {
        let ids = ["r1", "r2", "r3", "r4"]
        let ev = ids.map { evidence($0, "The firm is currently the largest.") } + [evidence("r4", "Another sentence.")]
        let groups = ReportCompaction.groups(ev)
        #expect(groups.count == 2)
        #expect(groups[0].collapsed && groups[0].members.count == 4)
        #expect(!groups[1].collapsed)
        let variants = ids.enumerated().map { variant($1, $0, "2020-0\($0 + 1)") }
        let report = Report(subject: "X", variants: variants, findings: [], paths: ReportPaths(workingDirectory: "/tmp"))
        #expect(ReportCompaction.span(groups[0], report: report) == "same text in 4 revisions, 2020-01 … 2020-04")
    }

    @Test func twoQuotesStayApartAndShortListsDoNotFold() {
        let groups = ReportCompaction.groups([evidence("a", "Same."), evidence("b", "Same.")])
        #expect(groups.count == 2 && groups.allSatisfy { !$0.collapsed })
        let rows = (0..<12).map { variant("v\($0)", $0, "2020") }
        #expect(ReportCompaction.fold(rows).omitted.isEmpty)
        let long = (0..<20).map { variant("v\($0)", $0, "2020") }
        let folded = ReportCompaction.fold(long)
        #expect(folded.head.count == 4 && folded.tail.count == 4 && folded.omitted.count == 12)
    }
}
