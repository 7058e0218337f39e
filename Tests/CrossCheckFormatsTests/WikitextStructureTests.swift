import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct WikitextFieldTests {
    static let infobox = """
        {{Short description|A firm}}
        {{Infobox company
        | name = Acme Corp
        | logo =
        | type = [[Public company|Public]]; partly [[state-owned enterprise|state-owned]]
        | founder = [[Ann Lee]]<br> [[Bo Chen (engineer)|Bo Chen]]
        | Key_People = {{ubl|[[Cy Dee]] (CEO)|Ed Fu}}
        | products = {{plainlist|
        * Widgets
        * [[Gadget]]s
        }}
        | hq_location = [[Springfield]]<ref>{{cite web |title=Where we are |url=https://example.com/hq |website=[[Example News]]}}</ref>
        | homepage = {{Official URL}}
        | num_employees = 3,000 (2019)<ref>[https://example.com/report.pdf Annual report]</ref>
        }}
        '''Acme Corp''' is a company.
        """

    @Test func infoboxParametersBecomeFields() throws {
        let doc = try wikitextDoc(WikitextFieldTests.infobox)
        let type = try #require(doc.field("type"))
        #expect(type.value == "Public; partly state-owned")
        #expect(type.raw == "[[Public company|Public]]; partly [[state-owned enterprise|state-owned]]")
        #expect(type.line == 5)
        #expect(type.section == [])
        #expect(type.origin == .template("infobox company"))
        #expect(doc.field("founder")?.value == "Ann Lee; Bo Chen")
        #expect(doc.field("key_people")?.value == "Cy Dee (CEO); Ed Fu")
        #expect(doc.field("products")?.value == "Widgets; Gadgets")
        #expect(doc.field("logo") == nil)
        #expect(doc.field("homepage") == nil)
        #expect(doc.title == "Acme Corp")
    }

    @Test func parameterNamesDropCommentsAndCase() throws {
        let doc = try wikitextDoc("{{Infobox company\n| Num_Employees <!-- as of 2019 --> = 3,000\n| key  people = Ann\n}}\nText.")
        #expect(doc.fields.map(\.key) == ["num_employees", "key people"])
        #expect(try wikitextDoc("{{Infobox\n| Отец = Иван\n}}").fields.map(\.key) == ["отец"])
    }

    @Test func fieldValuesCarryTheirCitations() throws {
        let doc = try wikitextDoc(WikitextFieldTests.infobox)
        let hq = try #require(doc.field("hq_location"))
        #expect(hq.value == "Springfield")
        #expect(hq.citations.count == 1)
        #expect(hq.citations.first?.title == "Where we are")
        #expect(hq.citations.first?.work == "Example News")
        #expect(hq.citations.first?.url == "https://example.com/hq")
        let staff = try #require(doc.field("num_employees"))
        #expect(staff.value == "3,000 (2019)")
        #expect(staff.citations.first?.url == "https://example.com/report.pdf")
        #expect(staff.citations.first?.title == "Annual report")
    }

    @Test func keyValueTemplatesAtTheTopBecomeFieldsButNotLater() throws {
        let doc = try wikitextDoc(
            "{{Chinese\n|s = 简体\n|t = 繁體\n}}\nText {{Chinese\n|s = 后\n|t = 後\n}} here.\n== Section ==\n{{Infobox person\n| name = Someone\n| born = 1950\n}}\n")
        #expect(doc.fields.map(\.key) == ["s", "t", "name", "born"])
        #expect(doc.fields.first?.origin == .template("chinese"))
        #expect(doc.field("born")?.section == ["Section"])
        #expect(doc.field("born")?.origin == .template("infobox person"))
        #expect(wikitextSentences(doc) == ["Text 后, 後 here."])
    }

    @Test func tablesInFieldValuesAreDropped() throws {
        let doc = try wikitextDoc(
            "{{Infobox person\n| honours = {{{!}} style=y\n{{!}} Order\n{{!}}}\n| name = Someone\n}}\nText.")
        #expect(doc.field("honours") == nil)
        #expect(doc.field("name")?.value == "Someone")
        #expect(wikitextLeaks(doc).isEmpty)
    }

    @Test func tablesInsideInlineContentAreDropped() throws {
        #expect(try wikitextText("A <poem>\nb\n{| class=x\n! Medal\n|}\nc\n</poem> d.") == "A b c d.")
    }

    @Test func numberedParametersAreNoFields() throws {
        let doc = try wikitextDoc("{{Infobox thing\n| 1 = first\n| label = x\n}}\nText.")
        #expect(doc.fields.map(\.key) == ["label"])
    }

    @Test func sidebarsAndBannersAtTheTopAreNoFields() throws {
        let doc = try wikitextDoc("{{Sidebar with collapsible lists\n| title = Topics\n| list1 = A\n}}\n{{Multiple issues\n| unreferenced = May 2020\n| orphan = May 2020\n}}\nText.")
        #expect(doc.fields.isEmpty)
        #expect(wikitextSentences(doc) == ["Text."])
    }

    @Test func titleFallsBackToTheFirstBoldTerm() throws {
        #expect(try wikitextDoc("{{Use dmy dates}}\n'''Widget Works''' ({{lang|de|Werk}}) is a '''firm'''.").title == "Widget Works")
        #expect(try wikitextDoc("No bold here.").title == nil)
        #expect(try wikitextDoc("Lead.\n== A ==\n'''Late''' bold.").title == nil)
    }

    @Test func declaredDateStyleAndItsLine() throws {
        let doc = try wikitextDoc("{{Short description|x}}\n{{Use dmy dates|date=December 2021}}\nText.")
        #expect(doc.declaredDateStyle == .dmy)
        #expect(doc.declaredDateStyleLine == 2)
        // The declaration's `date=` is maintenance metadata, not an article field.
        #expect(doc.field("date") == nil)
        #expect(try wikitextDoc("{{use mdy dates}}\nText.").declaredDateStyle == .mdy)
        #expect(try wikitextDoc("Text.").declaredDateStyle == nil)
    }
}

@Suite struct WikitextCitationTests {
    @Test func everyRefFormIsACitation() throws {
        let doc = try wikitextDoc(
            """
            One.<ref>Plain note.</ref> Two.<ref name=a>Note A.</ref> Three.<ref name="b" group=n>Note B.</ref> \
            Four.<ref name=a/> Five.<ref name="b" group="n" /> Six.{{efn|A footnote.}} Seven.{{sfn|Smith|2020|p=5}} \
            Eight.{{r|a}}
            """)
        let sentences = doc.allSentences.map(\.sentence)
        #expect(sentences.map(\.text) == ["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "Eight."])
        #expect(sentences.map(\.citations.count) == [1, 1, 1, 1, 1, 1, 1, 1])
        #expect(sentences[0].citations[0].title == "Plain note.")
        #expect(sentences[2].citations[0].name == "b")
        #expect(sentences[2].citations[0].group == "n")
        #expect(sentences[3].citations[0].title == "Note A.")
        #expect(sentences[4].citations[0].title == "Note B.")
        #expect(sentences[5].citations[0].template == "efn")
        #expect(sentences[6].citations[0].work == "Smith")
        #expect(sentences[6].citations[0].date == "2020")
        #expect(sentences[7].citations[0].title == "Note A.")
    }

    @Test func reusesResolveDefinitionsThatComeLater() throws {
        let doc = try wikitextDoc("Early.<ref name=\"late\" /> Middle.\n\nLater.<ref name=\"late\">{{cite news|title=Late story|newspaper=The Daily|date=1 May 2020|url=https://example.com/x}}</ref>")
        let early = doc.allSentences[0].sentence
        #expect(early.citations.count == 1)
        #expect(early.citations[0].title == "Late story")
        #expect(early.citations[0].work == "The Daily")
        #expect(early.citations[0].date == "1 May 2020")
        // The reuse keeps its own position.
        #expect(early.citations[0].offset == 6)
    }

    @Test func citeTemplateParametersAreParsed() throws {
        let doc = try wikitextDoc(
            "Fact.<ref>{{Cite journal |title=''Deep'' results |journal=[[Nature]] |publisher=Springer |year=2019 |archive-url=https://archive.example/x |url-status=dead}}</ref>")
        let c = try #require(doc.allSentences.first?.sentence.citations.first)
        #expect(c.title == "Deep results")
        #expect(c.work == "Nature")
        #expect(c.publisher == "Springer")
        #expect(c.date == "2019")
        #expect(c.url == "https://archive.example/x")
        #expect(c.template == "cite journal")
    }

    @Test func citationsAttachToTheSentenceTheyFollow() throws {
        let doc = try wikitextDoc("First claim.<ref>A</ref><ref>B</ref> Second claim. Third claim.<ref>C</ref>")
        #expect(doc.allSentences.map(\.sentence.citations.count) == [2, 0, 1])
    }

    @Test func reflistDefinitionsResolveReuses() throws {
        let doc = try wikitextDoc("Claim.<ref name=rl/>\n== Notes ==\n{{Reflist|refs=\n<ref name=rl>{{cite web|title=In reflist|url=https://e.x}}</ref>\n}}")
        #expect(doc.allSentences.first?.sentence.citations.first?.title == "In reflist")
    }

    @Test func referencesListDefinitionsResolveReuses() throws {
        let doc = try wikitextDoc("Claim.<ref name=ld/>\n== Notes ==\n<references>\n<ref name=ld>{{cite web|title=Listed|url=https://e.x}}</ref>\n</references>")
        #expect(doc.allSentences.first?.sentence.citations.first?.title == "Listed")
        #expect(doc.sections.last?.sentences.isEmpty == true)
    }
}

@Suite struct WikitextSuppressionTests {
    @Test func crosscheckCommentsBecomeSuppressions() throws {
        let doc = try wikitextDoc("<!-- crosscheck-disable-next-line merged-words -->\n\nText athe.\n<!-- an ordinary comment -->\nMore.<!-- crosscheck-disable-line -->")
        #expect(doc.suppressions.count == 2)
        #expect(doc.suppressions[0].commentLine == 1)
        #expect(doc.suppressions[0].lines == 3...3)
        #expect(doc.suppressions[0].rules == ["merged-words"])
        #expect(doc.suppressions[1].lines == 5...5)
        #expect(doc.suppressions[1].rules.isEmpty)
    }
}
