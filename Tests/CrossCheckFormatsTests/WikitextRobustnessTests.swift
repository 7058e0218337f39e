import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct WikitextRobustnessTests {
    @Test func unterminatedConstructsNeverSwallowTheRest() throws {
        #expect(try wikitextText("A {{broken|x and more.") == "A {{broken|x and more.")
        #expect(try wikitextText("A [[broken link and more.") == "A [[broken link and more.")
        #expect(try wikitextText("A <ref>unclosed and more.") == "A unclosed and more.")
        #expect(try wikitextText("A <nowiki>open and more.") == "A open and more.")
        #expect(try wikitextText("A <span>open and more.") == "A open and more.")
        #expect(try wikitextText("A [https://example.org open and more.") == "A [https://example.org open and more.")
        // An unterminated comment runs to the end of the input, as in MediaWiki.
        #expect(try wikitextText("A.<!-- open\n\nB.") == "A.")
        // So does an unterminated table.
        let doc = try wikitextDoc("Text.\n{|\n| cell\n\nMore.")
        #expect(wikitextSentences(doc) == ["Text."])
    }

    @Test func loneClosersAreText() throws {
        #expect(try wikitextText("A }} b ]] c |} d.") == "A }} b ]] c |} d.")
        #expect(try wikitextText("{{a}}}} [[b]]]].") == "}} b]].")
    }

    @Test func mismatchedNestingResolvesLikeMediaWiki() throws {
        // `}}` closes the template even with a link left open inside it.
        #expect(try wikitextText("A {{nowrap|[[x}} b.") == "A [[x b.")
        // `]]` cannot close a link across an open template.
        #expect(try wikitextText("A [[x|{{y]] b}} c.") == "A [[x| c.")
        // Nothing opened inside a reference closes outside it.
        let doc = try wikitextDoc("Alpha.<ref>{{cite web|title=T</ref> Beta }} gamma.")
        #expect(doc.allSentences.map(\.sentence.text) == ["Alpha.", "Beta }} gamma."])
    }

    @Test func deeplyNestedTemplatesAndLinksDoNotRecurse() throws {
        let depth = 10_000
        let templates = String(repeating: "{{x|", count: depth) + "core" + String(repeating: "}}", count: depth)
        #expect(try wikitextText("A \(templates) b.") == "A b.")
        let links = String(repeating: "[[a|", count: depth) + "core" + String(repeating: "]]", count: depth)
        let text = try wikitextText("A \(links) b.")
        #expect(text.hasPrefix("A "))
        #expect(text.hasSuffix(" b."))
        #expect(!text.contains("[["))
        let nowraps = String(repeating: "{{nowrap|", count: depth) + "core" + String(repeating: "}}", count: depth)
        #expect(try wikitextText("A \(nowraps) b.") == "A b.")
        let unclosed = String(repeating: "{{", count: depth) + String(repeating: "[[", count: depth)
        #expect(try wikitextText("A \(unclosed)") == "A \(unclosed)")
    }

    @Test func aLongSingleLineParses() throws {
        let unit = "Word [[link|label]] {{nowrap|x}} &amp; ''it''<ref>r</ref>, "
        let count = 3_000_000 / unit.utf8.count
        let doc = try wikitextDoc(String(repeating: unit, count: count) + "end.")
        let sentence = try #require(doc.allSentences.first?.sentence)
        #expect(sentence.text.hasPrefix("Word label x & it, Word label"))
        #expect(sentence.citations.count == count)
    }

    @Test func manyUnterminatedOpenersStayLinear() throws {
        let text = String(repeating: "<ref>a <!-- [http://x ", count: 20_000)
        let doc = try wikitextDoc("Start " + text)
        #expect(wikitextSentences(doc) == ["Start a"])
        let quoted = String(repeating: "<a x=\"<b y='", count: 50_000)
        #expect(try wikitextText(quoted + "end.").hasSuffix("end."))
        let refs = String(repeating: "<ref>a <nowiki>b [http://x y ", count: 20_000)
        #expect(try wikitextText(refs).hasPrefix("a b [http://x y a b"))
    }

    @Test func crlfAndByteOrderMarkKeepOffsetsRight() throws {
        let text = "== Head ==\r\nFirst [[x|line]].\r\n\r\n* item<ref>r</ref>\r\n"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let source = try SourceText(path: "crlf.wiki", bytes: bytes)
        let doc = try WikitextParser.parse(source)
        #expect(doc.sections.map(\.path) == [[], ["Head"]])
        let sentences = doc.sections[1].sentences
        #expect(sentences.map(\.text) == ["First line.", "item"])
        #expect(sentences.map(\.line) == [2, 4])
        #expect(sentences[1].citations.count == 1)
        // Offsets point into the file bytes (after the byte-order mark).
        let first = sentences[0]
        #expect(source.text(first.sourceRange).hasPrefix("First"))
        #expect(first.sourceOffset(ofTextOffset: 6) == bytes.count - text.utf8.count + "== Head ==\r\nFirst [[x|".utf8.count)
        #expect(doc.sections[1].line == 1)
    }
}

@Suite struct WikitextFuzzTests {
    /// Pieces of markup, combined at random (deterministically) into malformed documents.
    static let pieces = [
        "{{", "}}", "{{{", "}}}", "[[", "]]", "[", "]", "|", "=", "==", "\n", "\n\n", "\r\n", "<ref>", "</ref>",
        "<ref name=a/>", "<ref name=\"a\">", "<!--", "-->", "<nowiki>", "</nowiki>", "{|", "|}", "|-", "'''", "''",
        "&amp;", "&#x41;", "&", "* ", "# ", ": ", "text ", "Word. ", "[[File:", "[[Category:", "{{Infobox x\n| a = ",
        "http://x ", "[http://y z]", "<br>", "<span>", "-{", "}-", "__NOTOC__", "{{cite web|title=", "é", "中文",
    ]

    @Test func randomMarkupNeverBreaksTheModel() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        // WIKITEXT_FUZZ_ITERATIONS runs a longer search by hand.
        let iterations = ProcessInfo.processInfo.environment["WIKITEXT_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 1_500
        for _ in 0..<iterations {
            var text = "x"
            for _ in 0..<(next() % 60) { text += WikitextFuzzTests.pieces[next() % WikitextFuzzTests.pieces.count] }
            let src = try source(text)
            let doc = try WikitextParser.parse(src)
            #expect(doc.sections.first?.path == [])
            for (_, sentence) in doc.allSentences {
                #expect(sentence.sourceRange.lowerBound >= 0 && sentence.sourceRange.upperBound <= src.bytes.count)
                #expect(sentence.line >= 1 && sentence.line <= src.lines.count)
                #expect(!sentence.text.isEmpty)
            }
            for field in doc.fields {
                #expect(field.sourceRange.upperBound <= src.bytes.count)
                #expect(!field.value.isEmpty)
            }
        }
    }
}
