import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct WikitextLinkTests {
    @Test func internalLinksBecomeLabelsWithTrail() throws {
        #expect(try wikitextText("See [[Public company|publicly traded]] firms.") == "See publicly traded firms.")
        #expect(try wikitextText("It is in [[Hong Kong]] now.") == "It is in Hong Kong now.")
        #expect(try wikitextText("Many [[mobile app]]s exist.") == "Many mobile apps exist.")
        #expect(try wikitextText("The [[Bank (finance)|]] opened.") == "The Bank opened.")
        #expect(try wikitextText("A [[:Category:Banks]] link.") == "A Category:Banks link.")
    }

    @Test func fileLinksWithNestedCaptionsAreRemoved() throws {
        let text = try wikitextText("[[File:Logo.png|thumb|A [[caption]] with [[x|y]] links]]The firm grew.")
        #expect(text == "The firm grew.")
        #expect(try wikitextText("Before [[Image:A.jpg|left|200px]] after.") == "Before after.")
    }

    @Test func categoriesAreKeptAsMetadataAndInterlanguageLinksDropped() throws {
        let doc = try wikitextDoc("Text here.\n\n[[Category:Software companies|Sort key]]\n[[Category: Banks ]]\n[[de:Beispiel]]\n[[zh-yue:例]]")
        #expect(doc.categories == ["Software companies", "Banks"])
        #expect(try wikitextDoc("A.\n[[Category:X]]\n[[Category:X|k]]").categories == ["X"])
        #expect(wikitextSentences(doc) == ["Text here."])
        // A title with a colon is no interlanguage link.
        #expect(try wikitextText("Read [[Mao: The Unknown Story]].") == "Read Mao: The Unknown Story.")
    }

    @Test func externalLinksKeepOnlyTheirLabel() throws {
        #expect(try wikitextText("Read [https://example.org/a the report] today.") == "Read the report today.")
        #expect(try wikitextText("Read [https://example.org/a] today.") == "Read today.")
        #expect(try wikitextText("Plain https://example.org/ stays.") == "Plain https://example.org/ stays.")
        #expect(try wikitextText("Not a link [see below] here.") == "Not a link [see below] here.")
    }
}

@Suite struct WikitextFormattingTests {
    @Test func boldAndItalicQuotesAreRemoved() throws {
        #expect(try wikitextText("'''Acme''' is ''great'' and '''''bold italic'''''.") == "Acme is great and bold italic.")
        #expect(try wikitextText("Tang Xiao'ou's company.") == "Tang Xiao'ou's company.")
    }

    @Test func headingsOfEveryLevelBuildPaths() throws {
        let doc = try wikitextDoc("Lead.\n==History==\nA.\n=== 2022 ===\nB.\n====Deep====\nC.\n== Other ==\nD.\n")
        #expect(doc.sections.map(\.path) == [[], ["History"], ["History", "2022"], ["History", "2022", "Deep"], ["Other"]])
        #expect(doc.sections.map(\.level) == [0, 2, 3, 4, 2])
        #expect(doc.sections[2].line == 4)
        #expect(doc.sections[2].sentences.map(\.text) == ["B."])
    }

    @Test func headingMarkupAndTrailingCommentsAreHandled() throws {
        let doc = try wikitextDoc("== [[Early life|Early]] ''years'' == <!-- note -->\nText.\n= not a heading\n")
        #expect(doc.sections.map(\.path) == [[], ["Early years"]])
        #expect(wikitextSentences(doc) == ["Text. = not a heading"])
        let empty = try wikitextDoc("Lead.\n== {{anchor|x}} ==\nText.")
        #expect(empty.sections.map(\.path) == [[]])
        #expect(wikitextSentences(empty) == ["Lead.", "Text."])
    }

    @Test func listItemsAreSeparateBlocks() throws {
        let doc = try wikitextDoc("Intro.\n* First item\n** Nested item\n# Numbered\n; Term\n: Indented text\nAfter.")
        let sentences = doc.allSentences.map(\.sentence)
        #expect(sentences.map(\.text) == ["Intro.", "First item", "Nested item", "Numbered", "Term", "Indented text", "After."])
        #expect(sentences.map(\.isListItem) == [false, true, true, true, true, true, false])
    }

    @Test func definitionListTermsAndDefinitionsAreSeparateItems() throws {
        let doc = try wikitextDoc("; Founded : [[October]] 2014\n; Site: http://example.org\n; [[a:b|Term]] only")
        #expect(wikitextSentences(doc) == ["Founded", "October 2014", "Site", "http://example.org", "Term only"])
    }

    @Test func paragraphsSplitOnBlankLinesAndJoinSingleNewlines() throws {
        let doc = try wikitextDoc("One line\ncontinues here.\n\nSecond paragraph.")
        let sentences = doc.allSentences.map(\.sentence)
        #expect(sentences.map(\.text) == ["One line continues here.", "Second paragraph."])
        #expect(sentences.map(\.paragraph) == [0, 1])
    }

    @Test func breaksCommentsAndTagsAreRemovedKeepingText() throws {
        #expect(try wikitextText("Line one<br>line two<br />end.") == "Line one line two end.")
        #expect(try wikitextText("Hidden<!-- secret [[x]] --> text.") == "Hidden text.")
        #expect(try wikitextText("A <span style=\"color:red\">red</span> <small>word</small>.") == "A red word.")
        #expect(try wikitextText("Keep a < b and <unknown> text.") == "Keep a < b and <unknown> text.")
    }

    @Test func verbatimTagsKeepTheirContentUnparsed() throws {
        #expect(try wikitextText("Write <nowiki>[[not a link]]</nowiki> here.") == "Write [[not a link]] here.")
        #expect(try wikitextText("Formula <math>x^2 {{y}}</math> holds.") == "Formula x^2 {{y}} holds.")
        #expect(try wikitextText("Code <syntaxhighlight lang=\"c\">int x;</syntaxhighlight> runs.") == "Code int x; runs.")
        #expect(try wikitextText("A<gallery>\nFile:A.jpg|cap\n</gallery> b.") == "A b.")
    }

    @Test func tablesAreDroppedWithoutLeakingMarkup() throws {
        let doc = try wikitextDoc(
            "Before.\n{| class=\"wikitable\"\n|+ Caption\n|-\n! Year !! Revenue\n|-\n| 2019 || {{nowrap|5 bn}}<ref name=t>Table source</ref>\n|}\nAfter.<ref name=t/>")
        #expect(wikitextSentences(doc) == ["Before.", "After."])
        #expect(wikitextLeaks(doc).isEmpty)
        // The reference defined inside the table still resolves the later reuse.
        #expect(doc.allSentences.last?.sentence.citations.first?.title == "Table source")
    }

    @Test func languageConversionShowsTheFirstVariant() throws {
        let text = try wikitextText("A -{香港}- b -{zh-hans:冲; zh-hant:衝;}- c -{H|zh-cn:x;zh-tw:y}- d -{}- e - {f}.")
        #expect(text == "A 香港 b 冲 c d e - {f}.")
    }

    @Test func noBreakSpacesBecomeSpaces() throws {
        #expect(try wikitextText("It costs $7.7\u{A0}billion.\u{A0}Next one.") == "It costs $7.7 billion. | Next one.")
    }

    @Test func unbalancedBoldEndsAtTheLineEnd() throws {
        let doc = try wikitextDoc("'''Broken bold\ncontinues. '''Real''' term.")
        #expect(doc.title == "Real")
        #expect(wikitextSentences(doc) == ["Broken bold continues.", "Real term."])
    }

    @Test func magicWordsAreRemoved() throws {
        #expect(try wikitextText("__NOTOC__Text here.") == "Text here.")
        #expect(try wikitextText("snake_case_name stays.") == "snake_case_name stays.")
    }
}

@Suite struct WikitextEntityTests {
    @Test func namedAndNumericEntitiesAreDecoded() throws {
        #expect(try wikitextText("A&nbsp;B &amp; C&ndash;D &#124; E&#x2014;F &eacute; &lt;x&gt;.") == "A B & C–D | E—F é <x>.")
        #expect(try wikitextText("Unknown &bogus; and lone & stay.") == "Unknown &bogus; and lone & stay.")
    }

    @Test func decoderHandlesEdgeCases() {
        let bytes = Array("&#0; &#xD800; &#x110000; &#65; &alpha; &Omega; &sigmaf;".utf8)
        #expect(HTMLEntities.decode(bytes, at: 0) == nil)
        #expect(HTMLEntities.decode(bytes, at: 5) == nil)
        #expect(HTMLEntities.decode(bytes, at: 14) == nil)
        #expect(HTMLEntities.decode(bytes, at: 25)?.scalar == "A")
        #expect(HTMLEntities.decodeAll("&alpha;&Omega;&sigmaf;&yuml;&nbsp;") == "αΩςÿ\u{A0}")
        #expect(HTMLEntities.decodeAll("no entities") == "no entities")
        #expect(HTMLEntities.decodeAll("&amp") == "&amp")
    }
}

@Suite struct WikitextTemplateTests {
    @Test func maintenanceAndUnknownTemplatesRenderNothing() throws {
        let text = try wikitextText(
            "{{Short description|A firm}}\n{{Use mdy dates|date=May 2020}}\nIt grew.{{citation needed|date=May 2020}} {{main|Other article}}{{Some unknown template|x=1}}\n{{reflist}}")
        #expect(text == "It grew.")
    }

    @Test func noSpaceIsLeftBeforePunctuationAfterDroppedMarkup() throws {
        #expect(try wikitextText("It grew {{citation needed|date=May 2020}}. Then {{sfn|A|2001}}, more <!-- c -->; end (x {{cn}}).") == "It grew. | Then, more; end (x).")
        #expect(try wikitextText("Keep a {{cn}} space.") == "Keep a space.")
    }

    @Test func nestedMultiLineTemplatesAreMatched() throws {
        let text = try wikitextText("A {{outer|\n x = {{inner|{{deep|1}}}}\n| y = [[z|w]]\n}} b {{nowrap|c {{nowrap|d}}}}.")
        #expect(text == "A b c d.")
    }

    @Test func templateParametersSplitAtTheTopLevelOnly() throws {
        let src = try source("{{Template:Name_of  Template|first|Key = [[a|b]] {{x|y=z}}|second|k2=<ref>a|b=c</ref>|3=third}}")
        let scan = WikitextScanner.scan(src.bytes, from: 0)
        let renderer = WikitextRenderer(bytes: src.bytes, scan: scan, lines: src.lines)
        let region = try #require(scan.regions[0])
        let call = renderer.split(region, at: 0)
        #expect(call.name == "name of template")
        #expect(call.params.map(\.name) == [nil, "key", nil, "k2", "3"])
        #expect(call.positionals.map { renderer.raw($0.value) } == ["first", "second"])
        #expect(renderer.raw(try #require(call.named("key")).value) == "[[a|b]] {{x|y=z}}")
        #expect(renderer.raw(try #require(call.named("k2")).value) == "<ref>a|b=c</ref>")
        #expect(call.positional(3).map { renderer.raw($0.value) } == "third")
    }

    @Test func parametersRenderTheirDefault() throws {
        #expect(try wikitextText("Value {{{1|fallback}}} and {{{name}}} end.") == "Value fallback and end.")
    }

    @Test func textTemplatesRender() throws {
        #expect(try wikitextText("5{{nbsp}}km {{ndash}} {{mdash}} a{{snd}}b.") == "5 km – — a – b.")
        #expect(try wikitextText("It is {{convert|5|km}} long, {{convert|3|to|4|mi|abbr=on}} wide.") == "It is 5 km long, 3 to 4 mi wide.")
        #expect(try wikitextText("Site: {{URL|http://www.example.com|example.com}}, {{URL|https://example.org/}}.") == "Site: example.com, example.org.")
        #expect(try wikitextText("Home {{Official website}}{{Official URL}} page.") == "Home page.")
        #expect(try wikitextText("Worth {{US$|5 million}} or {{HK$|40}}.") == "Worth US$5 million or HK$40.")
        #expect(try wikitextText("Built {{circa|1900}}, {{frac|1|2}} done.") == "Built c. 1900, 1/2 done.")
    }

    @Test func namingTemplatesRenderTheirText() throws {
        #expect(try wikitextText("The {{HMS|Victory}} and {{ship|SS|Great Britain}} sailed.") == "The HMS Victory and SS Great Britain sailed.")
        #expect(try wikitextText("See {{bibleverse||Leviticus|23:5}} in {{by|1990}}, {{n/a}}.") == "See Leviticus 23:5 in 1990, N/A.")
    }

    @Test func tagRefParserFunctionIsACitation() throws {
        let doc = try wikitextDoc("Claim.{{#tag:ref|{{cite web|title=Tagged|url=https://e.x}}|name=tg}} Again.<ref name=tg/>")
        #expect(doc.allSentences.map(\.sentence.citations.first?.title) == ["Tagged", "Tagged"])
    }

    @Test func languageTemplatesRenderTheirText() throws {
        #expect(try wikitextText("Called {{lang|fr|la société}} there.") == "Called la société there.")
        #expect(try wikitextText("Called {{lang-de|Gesellschaft}} there.") == "Called Gesellschaft there.")
        #expect(try wikitextText("Name ({{zh|s=简体|t=繁體|labels=no}}) here.") == "Name (简体, 繁體) here.")
        #expect(try wikitextText("Name ({{xx|s=文字}}) here.") == "Name (文字) here.")
    }

    @Test func tickerTemplatesRenderExchangeAndCode() throws {
        #expect(try wikitextText("Listed as {{NYSE|IBM}} and {{tyo|7203}}.") == "Listed as NYSE: IBM and TYO: 7203.")
        // Not ticker-like: long names, lower-case parameters, several parameters.
        #expect(try wikitextText("A{{Verylongname|IBM}}{{abc|word}}{{ab|X|Y}} b.") == "A b.")
    }

    @Test func dateTemplatesUseTheDeclaredStyle() throws {
        #expect(try wikitextText("Founded {{Start date and age|df=yes|October 2014}}.") == "Founded October 2014.")
        #expect(try wikitextText("{{Use dmy dates}}\nFounded {{Start date|2014|10|1}}.") == "Founded 1 October 2014.")
        #expect(try wikitextText("{{Use mdy dates}}\nFounded {{Start date|2014|10|1|df=y}}.") == "Founded October 1, 2014.")
        #expect(try wikitextText("Founded {{Start date|2014|10}} and {{end date|2015}}.") == "Founded October 2014 and 2015.")
        #expect(try wikitextText("Founded {{Start date|2014|10|1|df=yes}}.") == "Founded 1 October 2014.")
    }

    @Test func listTemplatesJoinItems() throws {
        #expect(try wikitextText("Items {{hlist|a|b|c}} end.") == "Items a, b, c end.")
        #expect(try wikitextText("Items {{ubl|[[x|a]]|b}}; end.") == "Items a, b; end.")
    }

    @Test func parserFunctionsRenderNothingButFormatnumRendersItsArgument() throws {
        #expect(try wikitextText("A {{#if:x|yes|no}} b {{formatnum:1234}} c.{{DEFAULTSORT:Name}}") == "A b 1234 c.")
    }
}
