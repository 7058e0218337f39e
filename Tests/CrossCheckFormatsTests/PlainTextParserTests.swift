import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

@Suite struct PlainTextParserTests {
    @Test func titleLineAndRepeatedTopHeadingNameTheDocument() throws {
        let d = try fmtPlain("Acme\n\n\n# Acme\n\nAcme makes things.\n\n## History\n\n### 2014\n\nFounded.\n")
        #expect(d.title == "Acme")
        #expect(d.sections.map(\.path) == [[], ["History"], ["History", "2014"]])
        #expect(d.sections[0].sentences.map(\.text) == ["Acme makes things."])
        #expect(d.sections[0].line == 6)
    }

    @Test func footnoteMarksBecomeCitationsOfThePrecedingSentence() throws {
        let text = "It was valued in 2018.²⁸¹ Next one[12] here. Area is 5 km² wide."
        let d = try fmtPlain(text)
        let s = d.allSentences.map(\.sentence)
        #expect(s.map(\.text) == ["It was valued in 2018.", "Next one here.", "Area is 5 km² wide."])
        #expect(s[0].citations.map(\.mark) == ["281"])
        let bytes = Array(text.utf8)
        let offset = try #require(s[0].citations.first?.offset)
        #expect(bytes[offset] == 0xC2)  // the mark's first byte in the source
        #expect(s[1].citations.map(\.mark) == ["12"])
        #expect(s[2].citations.isEmpty)
    }

    @Test func editorialMarksAreNotProse() throws {
        let d = try fmtPlain("It grew fast.[citation needed] It was sold[when?] in 2020.[a] See [Section B] here.\n")
        #expect(fmtSentences(d) == ["It grew fast.", "It was sold in 2020.", "See [Section B] here."])
        #expect(d.citationCount == 0)
    }

    @Test func emphasisMarkersAreRemoved() throws {
        let d = try fmtPlain("**Acme** is big. *The Daily* said so.\n")
        #expect(fmtSentences(d) == ["Acme is big.", "The Daily said so."])
    }

    @Test func noLinksOrFieldsInARenderedArticle() throws {
        let d = try fmtPlain("Key: value\n\nSee [x](y) now.\n")
        #expect(d.fields.isEmpty)
        #expect(d.links.isEmpty)
    }

    @Test func seedRenderingHasTheRightSectionsAndCitations() throws {
        let d = try fmtSeed("000_1c75f7c1b93db0bb.txt")
        #expect(d.format == .plaintext)
        #expect(d.title == "SenseTime")
        let paths = d.sections.map(\.path)
        #expect(paths.first == [])
        #expect(paths.contains(["History", "2014"]))
        #expect(paths.contains(["History", "2024"]))
        #expect(paths.last == ["Products and services"])
        #expect(!paths.contains(["SenseTime"]))
        #expect(d.sections[0].sentences.first?.text.hasPrefix("SenseTime is a partly state-owned") == true)
        let cited = d.allSentences.filter { !$0.sentence.citations.isEmpty }
        #expect(cited.count == 1)
        #expect(cited.first?.sentence.citations.first?.mark == "281")
        #expect(cited.first?.sentence.text == "China's government designated SenseTime as one of its \"AI champions\" in 2018.")
        #expect(fmtSentences(d).contains("On 18 February, index compiler Hang Seng Indexes Co. added SenseTime to the Hang Seng TECH Index."))
        for (_, s) in d.allSentences { fmtExpectNoMarkup(s.text) }
        try expectGolden("plaintext-000.txt", DocumentDump.text(d))
    }
}
