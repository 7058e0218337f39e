import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

/// An incremental parse (reusing an earlier revision's parse) must give exactly what a full parse
/// gives, and must actually reuse when an edit is local.
@Suite("Wikitext incremental parsing")
struct WikitextIncrementalTests {
    func parseFull(_ bytes: [UInt8], path: String = "a.wiki") throws -> Document {
        try DocumentParser.parse(SourceText(path: path, bytes: bytes), format: .wikitext)
    }

    func parseReusing(_ bytes: [UInt8], _ previous: Document, path: String = "a.wiki") throws -> Document {
        try DocumentParser.parse(SourceText(path: path, bytes: bytes), format: .wikitext, previous: previous)
    }

    /// A synthetic article: a lead and `count` sections of about 2.5 KB each.
    func article(sections count: Int, extra: [Int: String] = [:]) -> String {
        var out = "'''Quillon Works''' is a maker of clocks.<ref name=\"lead\">{{cite web|title=Lead source|url=http://example.org/lead}}</ref>\n\n"
        for s in 1...count {
            out += "== Part \(s) ==\n"
            if let e = extra[s] { out += e + "\n" }
            for k in 1...36 { out += "Sentence \(k) of part \(s) tells of gears and springs. " }
            out += "\n\n"
        }
        out += "== References ==\n{{reflist}}\n\n[[Category:Clockmakers]]\n"
        return out
    }

    @Test("reusing the older seed revision gives the full parse of the newer, and back")
    func seedRevisions() throws {
        let older = try Array(Data(contentsOf: URL(fileURLWithPath: seedPath("002_73259c55204946b0.txt"))))
        let newer = try Array(Data(contentsOf: URL(fileURLWithPath: seedPath("001_e3333450b7a6811b.txt"))))
        let fullOld = try parseFull(older)
        let fullNew = try parseFull(newer)
        #expect(try parseReusing(newer, fullOld).parseDifference(from: fullNew) == nil)
        #expect(try parseReusing(older, fullNew).parseDifference(from: fullOld) == nil)
    }

    @Test("a one-word edit in one section reparses only around that section")
    func localEdit() throws {
        let text = article(sections: 10)
        let old = try parseFull(Array(text.utf8))
        let target = "Sentence 7 of part 5 tells of gears"
        let edited = text.replacingOccurrences(of: target, with: "Sentence 7 of part 5 tells of wheels")
        let editOffset = try #require(text.range(of: target)).lowerBound.utf16Offset(in: text)
        let new = try parseReusing(Array(edited.utf8), old)
        #expect(new.parseDifference(from: try parseFull(Array(edited.utf8))) == nil)
        let reparsed = try #require(new.reparsedRange)
        #expect(reparsed.contains(editOffset))
        #expect(reparsed.count < edited.utf8.count / 3)
        #expect(new.sections.first { $0.heading == "Part 5" }?.sentences[6].text.contains("wheels") == true)
        // A full parse reports the whole source.
        #expect(old.reparsedRange == 0..<text.utf8.count)
    }

    @Test("sections after the edit are shifted to their new lines and offsets")
    func shiftedSuffix() throws {
        let text = article(sections: 10)
        let edited = text.replacingOccurrences(of: "== Part 3 ==\n", with: "== Part 3 ==\nA new line.\n\nAnother new paragraph here.\n")
        let new = try parseReusing(Array(edited.utf8), try parseFull(Array(text.utf8)))
        #expect(new.parseDifference(from: try parseFull(Array(edited.utf8))) == nil)
        let part9 = try #require(new.sections.first { $0.heading == "Part 9" })
        let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[part9.line - 1] == "== Part 9 ==")
        let bytes = Array(edited.utf8)
        let first = try #require(part9.sentences.first)
        #expect(String(decoding: bytes[first.sourceRange], as: UTF8.self).hasPrefix("Sentence 1 of part 9"))
    }

    @Test("a changed reference definition reaches its reuse in an untouched later section")
    func definitionReachesReuse() throws {
        let define = "Defined here.<ref name=\"gear\">{{cite web|title=Old gear title|url=http://example.org/g}}</ref>"
        let reuse = "Reused here.<ref name=\"gear\"/>"
        let text = article(sections: 10, extra: [3: define, 8: reuse])
        let edited = text.replacingOccurrences(of: "Old gear title", with: "New gear title")
        let new = try parseReusing(Array(edited.utf8), try parseFull(Array(text.utf8)))
        #expect(new.parseDifference(from: try parseFull(Array(edited.utf8))) == nil)
        let part8 = try #require(new.sections.first { $0.heading == "Part 8" })
        #expect(part8.sentences.first?.citations.first?.title == "New gear title")
        let reparsed = try #require(new.reparsedRange)
        #expect(reparsed.upperBound <= part8.sourceRange.lowerBound)
    }

    @Test("edits that open constructs across sections still give the full parse")
    func openConstructs() throws {
        let text = article(sections: 10, extra: [2: "{{Infobox clock|name=Quill}}", 7: "[[Category:Gears]] <!-- note -->"])
        let old = try parseFull(Array(text.utf8))
        let fragments = [
            "<!-- unterminated ", "{{unclosed template|x=", "<ref name=\"late\">never closed", "[[unclosed link",
            "{| class=\"wikitable\"\n| cell\n", "<nowiki>", "\n== Part 4 ==\n", "\n=== Inner ===\n",
            "<!-- crosscheck-disable-next-line merged-words -->\n", "{{Use dmy dates|date=May 2020}}",
            "'''Bold Name''' ", "[[Category:Springs]]", "<ref name=\"gear\">{{cite web|title=T}}</ref>",
        ]
        let anchor = "Sentence 5 of part 5 tells"
        let at = try #require(text.range(of: anchor)).lowerBound
        for fragment in fragments {
            var edited = text
            edited.insert(contentsOf: fragment, at: at)
            let new = try parseReusing(Array(edited.utf8), old)
            let difference = new.parseDifference(from: try parseFull(Array(edited.utf8)))
            #expect(difference == nil, "inserting \(fragment.debugDescription): \(difference ?? "")")
        }
    }

    @Test("a stray tag opener before an edit that completes it further on still gives the full parse")
    func longProbe() throws {
        let filler = String(repeating: "plain words without any angle bracket ", count: 8)
        let last = "Sentence 36 of part 4 tells of gears and springs. "
        let text = article(sections: 10, extra: [5: filler])
            .replacingOccurrences(of: last, with: last + "A stray <span title=\"x")
        let old = try parseFull(Array(text.utf8))
        // Close the stray tag in the next section, a few hundred bytes on.
        let edited = text.replacingOccurrences(of: "== Part 5 ==\n" + filler, with: "== Part 5 ==\n" + filler + ">")
        #expect(edited != text)
        let new = try parseReusing(Array(edited.utf8), old)
        #expect(new.parseDifference(from: try parseFull(Array(edited.utf8))) == nil)
    }

    @Test("CRLF line ends: an edited section reparses alone and the rest keeps its lines")
    func crlf() throws {
        let text = article(sections: 10).replacingOccurrences(of: "\n", with: "\r\n")
        let edited = text.replacingOccurrences(of: "Sentence 3 of part 6 tells", with: "Sentence 3 of part 6 now tells\r\nof more, and")
        let new = try parseReusing(Array(edited.utf8), try parseFull(Array(text.utf8)))
        #expect(new.parseDifference(from: try parseFull(Array(edited.utf8))) == nil)
        let reparsed = try #require(new.reparsedRange)
        #expect(reparsed.count < edited.utf8.count / 3)
    }

    @Test("common prefix and suffix never overlap and match a byte-by-byte count")
    func commonEnds() {
        func slow(_ a: [UInt8], _ b: [UInt8]) -> (Int, Int) {
            var p = 0
            while p < min(a.count, b.count) && a[p] == b[p] { p += 1 }
            var s = 0
            while s < min(a.count, b.count) - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
            return (p, s)
        }
        let cases: [(String, String)] = [
            ("", ""), ("", "abc"), ("abc", "abc"), ("abcabc", "abc"), ("abc", "abcabc"),
            ("0123456789abcdefXYZ0123456789abcdef", "0123456789abcdef0123456789abcdef"),
            (String(repeating: "a", count: 37), String(repeating: "a", count: 20)),
            ("the quick brown fox jumps over", "the quick red fox jumps over"),
        ]
        for (x, y) in cases {
            let r = WikitextIncremental.commonEnds(Array(x.utf8), Array(y.utf8))
            let e = slow(Array(x.utf8), Array(y.utf8))
            #expect(r.prefix == e.0 && r.suffix == e.1, "\(x) / \(y)")
            #expect(r.prefix + r.suffix <= min(x.utf8.count, y.utf8.count))
        }
    }

    @Test("random edits of a real revision: the incremental parse always equals the full parse")
    func randomEdits() throws {
        let base = try Array(Data(contentsOf: URL(fileURLWithPath: seedPath("001_e3333450b7a6811b.txt"))))
        let fragments: [[UInt8]] = [
            "{{", "}}", "[[", "]]", "<ref name=\"x\">", "</ref>", "<ref name=x/>", "<!--", "-->", "\n== New ==\n",
            "\n=== Sub ===\n", "{|", "\n|}\n", "'''", "[[Category:Foo]]", "{{Use mdy dates|date=May 2020}}", "\n",
            "\n\n", "word ", "<nowiki>", "</nowiki>", "{{Infobox company|name=Acme}}", "* item\n", "&amp;", "''",
        ].map { Array($0.utf8) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(max(1, n)))
        }
        var previous = try parseFull(base)
        var bytes = base
        var reused = 0
        for round in 0..<120 {
            var edited = bytes
            let at = next(edited.count)
            switch next(3) {
            case 0: edited.insert(contentsOf: fragments[next(fragments.count)], at: at)
            case 1: edited.removeSubrange(at..<min(edited.count, at + 1 + next(40)))
            default:
                edited.replaceSubrange(at..<min(edited.count, at + next(8)), with: fragments[next(fragments.count)])
            }
            // Keep the text valid UTF-8 for the source loader.
            guard String(validating: edited, as: UTF8.self) != nil else { continue }
            let full = try parseFull(edited)
            let incremental = try parseReusing(edited, previous)
            let difference = incremental.parseDifference(from: full)
            #expect(difference == nil, "round \(round): \(difference ?? "")")
            if let r = incremental.reparsedRange, r.count < edited.count { reused += 1 }
            // Every other round chains on the incremental result, as a stream of revisions would.
            previous = round % 2 == 0 ? incremental : full
            bytes = edited
        }
        #expect(reused > 20)
    }
}
