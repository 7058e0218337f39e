import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

/// The byte-level fast paths of the wikitext renderer give what the general paths give:
/// reference attributes, citation parameters, link prefixes, text runs and sentence ends.
@Suite struct WikitextFastPathTests {
    /// The citations of the first sentence of a snippet.
    func fastPathCitations(_ text: String) throws -> [Citation] {
        try #require(try wikitextDoc(text).allSentences.first).sentence.citations
    }

    @Test func refAttributesAreCaseInsensitiveAndTheLastOneWins() throws {
        let c = try fastPathCitations("One.<ref NAME=\"a&amp;b\" Group=g>Note.</ref>")
        #expect(c.first?.name == "a&b")
        #expect(c.first?.group == "g")
        let last = try fastPathCitations("One.<ref name=a group=x name='b c'>Note.</ref>")
        #expect(last.first?.name == "b c")
        #expect(last.first?.group == "x")
        // A key without `=` has an empty value, which names nothing.
        let bare = try fastPathCitations("One.<ref name=a name>Note.</ref>")
        #expect(bare.first?.name == nil)
        #expect(bare.first?.title == "Note.")
        let reuse = try fastPathCitations("One.<ref name=a>Note A.</ref> Two.<ref GROUP=n NAME=a />")
        #expect(reuse.count == 1)
        let doc = try wikitextDoc("One.<ref name=a>Note A.</ref> Two.<ref Name=a />")
        #expect(doc.allSentences.map(\.sentence.citations.first?.title) == ["Note A.", "Note A."])
    }

    @Test func citationParametersMatchByNormalisedName() throws {
        let c = try #require(try fastPathCitations(
            "One.<ref>{{Cite web |TITLE = Big  Title\n here | Work=<!-- x -->Paper |url= http://a.example/x |date=2020}}</ref>"
        ).first)
        #expect(c.title == "Big Title here")
        #expect(c.work == "Paper")
        #expect(c.url == "http://a.example/x")
        #expect(c.date == "2020")
        #expect(c.template == "cite web")
        // The last parameter of a name counts, even when empty: the next key is used then.
        let d = try #require(try fastPathCitations(
            "One.<ref>{{cite news|title=First|title=|trans-title=Second|archive url=x|archive-url=y}}</ref>").first)
        #expect(d.title == "Second")
        #expect(d.url == "y")
        // A comment inside a name is a space: `ti tle` is no key.
        let e = try #require(try fastPathCitations("One.<ref>{{cite book|ti<!-- -->tle=T|chapter=C}}</ref>").first)
        #expect(e.title == "C")
        // Markup in a value is rendered.
        let f = try #require(try fastPathCitations("One.<ref>{{cite book|title=''The [[Book|Books]]''}}</ref>").first)
        #expect(f.title == "The Books")
    }

    @Test func longTextReferencesAreCappedOnAScalarBoundary() throws {
        let body = String(repeating: "é", count: 200)
        let c = try #require(try fastPathCitations("One.<ref>\(body)</ref>").first)
        let title = try #require(c.title)
        #expect(title.hasSuffix("…"))
        #expect(title.utf8.count == 300 + "…".utf8.count)
        let short = try #require(try fastPathCitations("One.<ref>  Short   note.\n</ref>").first)
        #expect(short.title == "Short note.")
        let url = try #require(try fastPathCitations("One.<ref>https://a.example/x Some title</ref>").first)
        #expect(url.url == "https://a.example/x")
        #expect(url.title == "Some title")
    }

    @Test func linkPrefixesDecideWhatALinkShows() throws {
        let doc = try wikitextDoc(
            "A [[File:x.jpg|thumb|Caption]] B [[IMAGE:y.png]] C [[:Category:Foo]] D [[de:Foo]] E [[de:Foo|Bar]] F "
                + "[[simple:Baz]] G [[Simple:Baz]] H [[Ab c:Qux]].\n[[Category:Things]]")
        // Interlanguage codes are lower-case as written: `Simple:` is an ordinary title.
        #expect(wikitextSentences(doc) == ["A B C Category:Foo D E Bar F G Simple:Baz H Ab c:Qux."])
        #expect(doc.categories == ["Things"])
    }

    @Test func textRunsKeepLoneMarkupBytes() throws {
        let text = try wikitextText(
            "A well-known o'clock snake_case value -1 and __x__ with&nbsp;space, -{zh:Han}- and ''it'' end.")
        #expect(text == "A well-known o'clock snake_case value -1 and __x__ with space, Han and it end.")
        // White space collapses the same wherever it falls in a long run.
        let spaced = try wikitextText("Alpha beta gamma delta  epsilon\tzeta eta theta iota kappa lambda   mu nu xi.")
        #expect(spaced == "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi.")
    }

    @Test func closingAbbreviationsSplitOnlyBeforeOpeners() {
        func split(_ text: String) -> [String] {
            var b = PlainTextBuilder()
            let bytes = Array(text.utf8)
            b.append(source: bytes, range: 0..<bytes.count)
            return SentenceSplitter.split(b.finish(), lines: LineTable(bytes: bytes), paragraph: 0).map(\.text)
        }
        #expect(split("They joined Acme Inc. The firm grew.") == ["They joined Acme Inc.", "The firm grew."])
        #expect(split("They joined Acme Inc. Products grew.") == ["They joined Acme Inc. Products grew."])
        #expect(split("It moved to the U.S. Meanwhile prices rose.") == ["It moved to the U.S.", "Meanwhile prices rose."])
        #expect(split("It moved to the U.S. Department of State.") == ["It moved to the U.S. Department of State."])
        #expect(split("See Dr. Smith and J. Doe. They left.") == ["See Dr. Smith and J. Doe.", "They left."])
    }

    @Test func hintedLineLookupAgreesWithBisection() {
        let bytes = Array("a\nbb\r\nccc\rd\n\n\neeee\nf".utf8)
        let table = LineTable(bytes: bytes)
        for offset in -1...(bytes.count + 1) {
            for hint in 0...(table.count + 2) {
                #expect(table.line(of: offset, from: hint) == table.line(of: offset), "offset \(offset) hint \(hint)")
            }
        }
    }
}
