import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

@Suite struct WikitextSeedTests {
    static func seed(_ name: String) throws -> Document {
        // A relative path keeps the golden files the same in every checkout.
        let bytes = try SourceText.load(path: seedPath(name)).bytes
        return try WikitextParser.parse(SourceText(path: "seeds/" + name, bytes: bytes))
    }

    @Test(arguments: ["001_e3333450b7a6811b.txt", "002_73259c55204946b0.txt"])
    func seedDumpsMatchTheirGoldenFiles(name: String) throws {
        let doc = try WikitextSeedTests.seed(name)
        let id = String(name.prefix(3))
        try expectGolden("wikitext-\(id).txt", DocumentDump.text(doc))
    }

    @Test(arguments: ["001_e3333450b7a6811b.txt", "002_73259c55204946b0.txt"])
    func noMarkupLeaksIntoSeedText(name: String) throws {
        let doc = try WikitextSeedTests.seed(name)
        #expect(wikitextLeaks(doc) == [])
        let all = doc.allSentences.map(\.sentence.text) + doc.fields.map(\.value)
        #expect(!all.contains { $0.contains("<") || $0.contains("|") || $0.contains("&nbsp;") })
    }

    @Test func newerSeedAcceptanceFacts() throws {
        let doc = try WikitextSeedTests.seed("001_e3333450b7a6811b.txt")
        #expect(doc.field("type")?.value == "Public; partly state-owned")
        let founder = try #require(doc.field("founder")?.value)
        #expect(founder.contains("Tang Xiao'ou") && founder.contains("Xu Li"))
        for year in 2014...2023 {
            #expect(doc.sections.contains { $0.path == ["History", String(year)] }, "History > \(year)")
        }
        #expect(doc.declaredDateStyle == .dmy)
        #expect(doc.declaredDateStyleLine == 2)
        #expect(doc.title == "SenseTime")
        // The lead's first cited sentence carries its reference with metadata.
        let lead = try #require(doc.sections.first)
        let cited = try #require(lead.sentences.first { !$0.citations.isEmpty })
        #expect(cited.line == 38)
        #expect(cited.citations.first?.work == "Forbes")
        #expect(cited.citations.first?.title == "Meet The World's Most Valuable AI Startup: China's SenseTime")
        // The history's first sentence (the SPEC example) has its citation.
        let founded = try #require(doc.sections.first { $0.path == ["History", "2014"] }?.sentences.first)
        #expect(founded.text.hasPrefix("SenseTime was co-founded in October 2014 by Tang Xiao'ou"))
        #expect(founded.line == 45)
        #expect(founded.citations.count == 1)
        #expect(doc.field("traded_as")?.value == "HKEX: 0020")
        #expect(doc.field("foundation")?.value == "October 2014")
        #expect(doc.categories.count == 9)
    }

    @Test func olderSeedAcceptanceFacts() throws {
        let doc = try WikitextSeedTests.seed("002_73259c55204946b0.txt")
        #expect(doc.field("type")?.value == "Private")
        let hq = try #require(doc.field("hq_location"))
        #expect(hq.citations.count == 1)
        #expect(hq.value == "Science Park, Hong Kong")
        #expect(doc.declaredDateStyle == .dmy)
        #expect(doc.field("homepage")?.value == "sensetime.com")
    }

    @Test func parseCommandPrintsSpecShape() throws {
        let result = runCLI(["parse", "--format", "json", "seeds/001_e3333450b7a6811b.txt"])
        #expect(result.status == 0)
        let json = try JSONValue.parse(result.out)
        guard case .object(let root) = json, case .array(let fields)? = root["fields"] else {
            Issue.record("no fields array")
            return
        }
        #expect(fields.contains { f in
            guard case .object(let o) = f else { return false }
            return o["key"] == .string("type") && o["value"] == .string("Public; partly state-owned") && o["line"] == .int(9)
        })
    }
}
