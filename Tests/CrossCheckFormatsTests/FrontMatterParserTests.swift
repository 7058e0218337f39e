import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

@Suite struct FrontMatterParserTests {
    @Test func scalarsMapsAndListsBecomeDottedFields() throws {
        let text = """
            ---
            title: "Quoted \\"title\\" \\u00e9"
            single: 'it''s'
            plain: some words # a comment
            Provider:
              Name: Example News
              domain: example.org
            topics:
              - AI
              - "Chips"
            related:
              - title: First
                score: 3
              - title: Second
            flow: [a, "b c"]
            block: |
              line one
              line two
            folded: >
              folded
              text
            ---
            """
        let d = try fmtFrontMatter(text)
        let kv = Dictionary(d.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(kv["title"] == "Quoted \"title\" é")
        #expect(kv["single"] == "it's")
        #expect(kv["plain"] == "some words")
        #expect(kv["provider.name"] == "Example News")
        #expect(kv["provider.domain"] == "example.org")
        #expect(kv["topics.0"] == "AI")
        #expect(kv["topics.1"] == "Chips")
        #expect(kv["related.0.title"] == "First")
        #expect(kv["related.0.score"] == "3")
        #expect(kv["related.1.title"] == "Second")
        #expect(kv["flow.0"] == "a")
        #expect(kv["flow.1"] == "b c")
        #expect(kv["block"] == "line one\nline two")
        #expect(kv["folded"] == "folded text")
        #expect(d.title == "Quoted \"title\" é")
        #expect(d.field("provider.name")?.line == 6)
        #expect(d.fields.allSatisfy { $0.origin == .frontMatter && $0.section.isEmpty })
    }

    @Test func excerptIsTheLeadAndTheBodyIsMarkdown() throws {
        let d = try fmtFrontMatter("---\ntitle: T\nexcerpt: \"First claim. Second claim.\"\ndate: 2020-05-01\n---\n\n## Body\n\n- **Key**: value\n")
        #expect(d.sections.map(\.path) == [[], ["Body"]])
        #expect(d.sections[0].sentences.map(\.text) == ["First claim.", "Second claim."])
        #expect(d.sections[0].sentences[0].line == 3)
        #expect(d.field("key")?.value == "value")
        #expect(d.field("key")?.section == ["Body"])
    }

    @Test func listsAtTheKeysIndentation() throws {
        let d = try fmtFrontMatter("---\nrelated:\n- title: A\n  x: 1\n- B\nother: 2\ntags:\n- t\n---\n")
        #expect(d.fields.map(\.key) == ["related.0.title", "related.0.x", "related.1", "other", "tags.0"])
        #expect(d.field("other")?.value == "2")
    }

    @Test func plainScalarsContinueOnMoreIndentedLines() throws {
        let d = try fmtFrontMatter("---\ndescription: A long\n  description here.\nnext: x\n---\n")
        #expect(d.field("description")?.value == "A long description here.")
        #expect(fmtSentences(d) == ["A long description here."])
    }

    @Test func multiLineQuotedScalarsFold() throws {
        let d = try fmtFrontMatter("---\nexcerpt: \"one\n  two\"\n---\n")
        #expect(d.field("excerpt")?.value == "one two")
    }

    @Test func malformedInputIsReportedWithItsLine() {
        #expect(throws: CrossCheckError.malformed(path: "t.yaml", line: 1, reason: "front matter opened here is never closed by a '---' line")) {
            try fmtFrontMatter("---\ntitle: x\ndate: 2020\n")
        }
        #expect(throws: CrossCheckError.malformed(path: "t.yaml", line: 2, reason: "unterminated quoted string in front matter")) {
            try fmtFrontMatter("---\ntitle: \"never closed\nnext: 1\n---\n")
        }
        #expect(throws: CrossCheckError.malformed(path: "t.yaml", line: 4, reason: "bad indentation in front matter")) {
            try fmtFrontMatter("---\na:\n    b: 1\n  c: 2\n---\n")
        }
        #expect(throws: CrossCheckError.malformed(path: "t.yaml", line: 3, reason: "unexpected list item in front matter")) {
            try fmtFrontMatter("---\na: 1\n- b\n---\n")
        }
    }

    @Test func seedNewsItemHasMetadataAndReadableClaims() throws {
        let d = try fmtSeed("004_dae551df292514b4.txt")
        #expect(d.format == .frontmatter)
        #expect(d.role == .source)
        #expect(d.title == "Tip Sheet: Key Facts on China’s AI Behemoth SenseTime")
        #expect(d.field("publisheddatetime")?.value == "2021-11-23T21:42:00Z")
        #expect(d.field("provider.name")?.value == "Caixin Global")
        #expect(d.field("related.3.provider.name")?.value == "Biometric Companies")
        #expect(d.field("topics.1")?.value == "AI")
        #expect(d.date == PartialDate(year: 2021, month: 11, day: 23))
        #expect(fmtSentences(d).first?.hasPrefix("This tip sheet was compiled") == true)
        #expect(fmtSentences(d).count == 2)
        for f in d.fields { fmtExpectNoMarkup(f.value) }
        try expectGolden("frontmatter-004.txt", DocumentDump.text(d))
    }
}
