import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct CoveringCitationsTests {
    func sentence(_ text: String, paragraph: Int, cites: Int) -> Sentence {
        Sentence(
            text: text, line: 1, sourceRange: 0..<0, spans: [],
            citations: (0..<cites).map { Citation(mark: String($0), offset: 0) }, paragraph: paragraph)
    }

    func section(_ sentences: [Sentence]) -> Section {
        Section(path: [], level: 0, line: 1, endLine: 1, sentences: sentences, headingRange: 0..<0, sourceRange: 0..<0)
    }

    @Test func aLaterCitationCoversEarlierSentencesOfItsParagraphOnly() {
        let s = section([
            sentence("a", paragraph: 0, cites: 0), sentence("b", paragraph: 0, cites: 2), sentence("c", paragraph: 0, cites: 0),
            sentence("d", paragraph: 1, cites: 0), sentence("e", paragraph: 2, cites: 1), sentence("f", paragraph: 2, cites: 0),
        ])
        #expect(s.coveringCitations.map(\.count) == [2, 2, 0, 0, 1, 0])
    }

    @Test func aCitationOnTheFirstOrLastSentenceCoversTheSection() {
        let start = section([
            sentence("a", paragraph: 0, cites: 3), sentence("b", paragraph: 1, cites: 0), sentence("c", paragraph: 2, cites: 0),
        ])
        #expect(start.coveringCitations.map(\.count) == [3, 3, 3])
        let end = section([
            sentence("a", paragraph: 0, cites: 0), sentence("b", paragraph: 1, cites: 0), sentence("c", paragraph: 2, cites: 1),
        ])
        #expect(end.coveringCitations.map(\.count) == [1, 1, 1])
    }

    @Test func aCitedSentenceIntroducingAListCoversItsItems() {
        var items = [sentence("61% own their home", paragraph: 1, cites: 0), sentence("12% rent", paragraph: 1, cites: 0)]
        for k in items.indices { items[k].isListItem = true }
        let s = section([sentence("The town has 3,100 households.", paragraph: 0, cites: 0), sentence("Of these:", paragraph: 0, cites: 2)] + items
            + [sentence("Later text.", paragraph: 2, cites: 0)])
        #expect(s.coveringCitations.map(\.count) == [2, 2, 2, 2, 0])
    }

    /// `coveredSentences` (what the claims ask) must say exactly where `coveringCitations` is
    /// non-empty: on the cases above and on every section of the real articles.
    @Test func coveredSentencesAgreeWithCoveringCitations() throws {
        func agree(_ s: Section) -> Bool { s.coveredSentences == s.coveringCitations.map { !$0.isEmpty } }
        var items = [sentence("x", paragraph: 1, cites: 0), sentence("y", paragraph: 1, cites: 0)]
        for k in items.indices { items[k].isListItem = true }
        let made = [
            section([sentence("a", paragraph: 0, cites: 0), sentence("b", paragraph: 0, cites: 2), sentence("c", paragraph: 0, cites: 0),
                     sentence("d", paragraph: 1, cites: 0), sentence("e", paragraph: 2, cites: 1), sentence("f", paragraph: 2, cites: 0)]),
            section([sentence("a", paragraph: 0, cites: 0), sentence("b", paragraph: 1, cites: 0), sentence("c", paragraph: 2, cites: 1)]),
            section([sentence("Of these: ", paragraph: 0, cites: 1)] + items + [sentence("z", paragraph: 2, cites: 0)]),
            section([sentence("Of these:", paragraph: 0, cites: 0)] + items),
            section([]),
        ]
        for s in made { #expect(agree(s)) }
        var checked = 0
        var paths = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/seeds").map { packageRoot + "/seeds/" + $0 }
        if let corpusRoot {
            paths += try FileManager.default.contentsOfDirectory(atPath: corpusRoot + "/articles").map { corpusRoot + "/articles/" + $0 }
        }
        for path in paths.sorted() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            guard let doc = try? DocumentParser.parse(SourceText(path: path, bytes: bytes)) else { continue }
            for s in doc.sections {
                #expect(agree(s), "\(path): section \(s.path)")
                checked += s.sentences.count
            }
        }
        #expect(checked > 100)
    }

    @Test func parseShowsCoverageSeparatelyFromAttachedCitations() throws {
        let r = runCLI(["parse", seedPath("001_e3333450b7a6811b.txt"), "--format", "json"])
        let json = try JSONValue.parse(r.out)
        let lead = try #require(json["sections"]?.arrayValue?.first?["sentences"]?.arrayValue)
        #expect(lead.first?["citations"]?.intValue == 0)
        #expect(lead.first?["coveredBy"]?.intValue == 1)
        #expect(lead.dropFirst().first?["citations"]?.intValue == 1)
        #expect(lead.dropFirst().first?["coveredBy"] == nil)
    }
}
