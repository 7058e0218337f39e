import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

@Suite struct MarkdownParserTests {
    @Test func singleTopHeadingIsTheTitleNotASection() throws {
        let d = try fmtMarkdown("# Acme\n\nLead text here.\n\n## Overview\nBody.\n\n### Detail\nMore.\n")
        #expect(d.title == "Acme")
        #expect(d.sections.map(\.path) == [[], ["Overview"], ["Overview", "Detail"]])
        #expect(d.sections[0].sentences.map(\.text) == ["Lead text here."])
        #expect(d.sections[1].level == 2)
        #expect(d.sections[1].line == 5)
    }

    @Test func severalTopHeadingsAreSections() throws {
        let d = try fmtMarkdown("# One\nA.\n# Two\nB.\n")
        #expect(d.title == "One")
        #expect(d.sections.map(\.path) == [[], ["One"], ["Two"]])
    }

    @Test func setextHeadingsAndThematicBreaks() throws {
        let d = try fmtMarkdown("Title\n=====\n\nIntro.\n\nPart\n----\nText.\n\n---\n\nAfter the rule.\n")
        #expect(d.title == "Title")
        #expect(d.sections.map(\.path) == [[], ["Part"]])
        #expect(fmtSentences(d) == ["Intro.", "Text.", "After the rule."])
    }

    @Test func keyValueItemsBecomeFieldsWithTheirSection() throws {
        let text = """
            # Co

            ## Company Info
            - **Founded**: October 2014
            - **Headquarters:** North Town & South City
            * __Website__: [example.org](https://example.org)
            - Growth Rate: 45% YoY
            - Just a plain item
            """
        let d = try fmtMarkdown(text)
        #expect(d.field("founded")?.value == "October 2014")
        #expect(d.field("founded")?.section == ["Company Info"])
        #expect(d.field("founded")?.origin == .list)
        #expect(d.field("founded")?.line == 4)
        #expect(d.field("headquarters")?.value == "North Town & South City")
        #expect(d.field("website")?.value == "example.org")
        #expect(d.field("growth rate")?.value == "45% YoY")
        #expect(d.fields.count == 4)
        // List items are still sentences.
        #expect(fmtSentences(d).contains("Headquarters: North Town & South City"))
        #expect(d.allSentences.allSatisfy { $0.sentence.isListItem })
        #expect(d.links == [DocumentLink(text: "example.org", url: "https://example.org", line: 6)])
    }

    @Test func nestedAndNumberedListsAreItems() throws {
        let d = try fmtMarkdown("- top item\n  continued here\n  1.  **Sub**: one\n  2. two\n- last\n")
        #expect(fmtSentences(d) == ["top item continued here", "Sub: one", "two", "last"])
        #expect(d.field("sub")?.value == "one")
    }

    @Test func inlineMarkupIsRemoved() throws {
        let d = try fmtMarkdown("Some *em* and **strong** and `code` and _under_ and snake_case_name and [a link](http://x.y/(z)) &amp; ![img](i.png) end.\n")
        #expect(fmtSentences(d) == ["Some em and strong and code and under and snake_case_name and a link & end."])
        #expect(d.links.first?.url == "http://x.y/(z)")
    }

    @Test func nestedBracketsAndBadgesInLinks() throws {
        let d = try fmtMarkdown("See [the [2019] report](http://r.org) and [![badge](b.svg)](http://ci) now.\n")
        #expect(fmtSentences(d) == ["See the [2019] report and now."])
        #expect(d.links.map(\.url) == ["http://r.org", "http://ci"])
        #expect(d.links.first?.text == "the [2019] report")
    }

    @Test func codeSpanRunningOutOfALinkLabelIsNotRepeated() throws {
        // The code span wins over the link (as in CommonMark); its text appears once.
        let d = try fmtMarkdown("See [a `b](u) c` d.\n")
        let text = try #require(fmtSentences(d).first)
        #expect(text.components(separatedBy: "(u) c").count == 2)
        #expect(text.hasSuffix(" d."))
    }

    @Test func arithmeticStarsAndLooseStarsStay() throws {
        #expect(fmtSentences(try fmtMarkdown("It is 2*3 and 1_000 and a * b here.\n")) == ["It is 2*3 and 1_000 and a * b here."])
    }

    @Test func codeBlocksStayOutOfSentences() throws {
        let d = try fmtMarkdown("Before.\n\n```swift\nlet x = 1. Not prose.\n```\n\n    indented code\n\nAfter.\n")
        #expect(fmtSentences(d) == ["Before.", "After."])
    }

    @Test func commentsAreRemovedAndSuppressionsKept() throws {
        let d = try fmtMarkdown("Alpha <!-- hidden --> beta.\n\n<!-- crosscheck-disable-next-line merged-words -->\nA globaleader.\n\n<!--\nmulti\nline -->\nGamma.\n")
        #expect(fmtSentences(d) == ["Alpha beta.", "A globaleader.", "Gamma."])
        #expect(d.suppressions.count == 1)
        #expect(d.suppressions.first?.rules == ["merged-words"])
        #expect(d.suppressions.first?.lines == 4...4)
    }

    @Test func inlineConstructsMayRunOverALineEnd() throws {
        let d = try fmtMarkdown("Text <!-- a note\nover lines --> goes [on\nhere](http://x) and `co\nde` ends.\n\n- **Key**: one\n  two <!-- c\n  d --> three\n")
        #expect(fmtSentences(d) == ["Text goes on here and co de ends.", "Key: one two three"])
        #expect(d.field("key")?.value == "one two three")
        #expect(d.links.map(\.text) == ["on here"])
    }

    @Test func twoColumnTablesBecomeFields() throws {
        let d = try fmtMarkdown("## Facts\n\n| Key | Value |\n|---|---|\n| Founded | 2014 |\n| **CEO** | Jane Roe |\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n")
        #expect(d.field("founded")?.value == "2014")
        #expect(d.field("founded")?.origin == .table)
        #expect(d.field("ceo")?.value == "Jane Roe")
        #expect(d.fields.count == 2)
        #expect(fmtSentences(d) == ["Founded: 2014", "CEO: Jane Roe", "a: 1; b: 2; c: 3"])
    }

    @Test func boldKeyLinesWithoutBulletsAreFieldsEach() throws {
        let d = try fmtMarkdown("**Founded:** 2014\n**CEO**: Jane Roe\nmore about her\n")
        #expect(d.field("founded")?.value == "2014")
        #expect(d.field("ceo")?.value == "Jane Roe more about her")
        #expect(fmtSentences(d) == ["Founded: 2014", "CEO: Jane Roe more about her"])
    }

    @Test func definitionsAreNotProse() throws {
        let d = try fmtMarkdown("Text with a note.[^1]\n\n[^1]: The note body.\n[id]: http://example.org\n")
        #expect(fmtSentences(d) == ["Text with a note."])
        #expect(d.allSentences.first?.sentence.citations.first?.mark == "1")
    }

    @Test func blockQuotesReadAsText() throws {
        let d = try fmtMarkdown("> Quoted words.\n> More.\n")
        #expect(fmtSentences(d) == ["Quoted words.", "More."])
    }

    @Test func seedSummaryHasFieldsSectionsAndNoMarkup() throws {
        let d = try fmtSeed("003_7ef685683aa46a24.txt")
        #expect(d.format == .markdown)
        #expect(d.title == "SenseTime")
        #expect(d.field("headquarters")?.value == "Hong Kong & Shanghai")
        #expect(d.field("headquarters")?.line == 9)
        #expect(d.field("headquarters")?.section == ["Company Info"])
        #expect(Array(d.sections.dropFirst().prefix(2).map(\.path)) == [["Overview"], ["Company Info"]])
        #expect(d.sections.filter { $0.path == ["Controversies & Challenges"] }.count == 2)
        #expect(d.field("website")?.value == "https://www.sensetime.com")
        #expect(d.links.contains { $0.url == "mailto:ir@sensetime.com" && $0.text == "ir@sensetime.com" })
        for (_, s) in d.allSentences { fmtExpectNoMarkup(s.text) }
        for f in d.fields { fmtExpectNoMarkup(f.value) }
        #expect(fmtSentences(d).contains("2023 Revenue: $1.2B (estimated)"))
        try expectGolden("markdown-003.txt", DocumentDump.text(d))
    }
}
