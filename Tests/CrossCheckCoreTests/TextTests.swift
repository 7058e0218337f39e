import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite struct LineTableTests {
    @Test func mapsOffsetsAcrossLineEndStyles() {
        let t = LineTable(bytes: Array("a\nbb\r\ncc\rd".utf8))
        #expect(t.count == 4)
        #expect(t.line(of: 0) == 1)
        #expect(t.line(of: 2) == 2)
        #expect(t.line(of: 6) == 3)
        #expect(t.line(of: 9) == 4)
        #expect(t.column(of: 7) == 2)
        #expect(t.line(of: 999) == 4)
    }
}

@Suite struct SourceTextTests {
    @Test func stripsUTF8ByteOrderMark() throws {
        let s = try SourceText(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("hello".utf8))
        #expect(s.contentStart == 3)
        #expect(s.string == "hello")
    }

    @Test func transcodesUTF16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "héllo\nworld".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let s = try SourceText(path: "x", bytes: bytes)
        #expect(s.string == "héllo\nworld")
        #expect(s.transcoded)
        #expect(s.lines.count == 2)
    }

    @Test func rejectsEmptyBinaryAndInvalidUTF8WithFileAndLine() {
        #expect(throws: CrossCheckError.empty(path: "e.txt")) { try SourceText(path: "e.txt", bytes: Array(" \n\t".utf8)) }
        #expect(throws: CrossCheckError.binary(path: "b.bin")) { try SourceText(path: "b.bin", bytes: [0x41, 0x00, 0x42]) }
        #expect(throws: CrossCheckError.invalidEncoding(path: "u.txt", line: 2, reason: "invalid UTF-8 byte sequence")) {
            try SourceText(path: "u.txt", bytes: Array("ok\nbad ".utf8) + [0xC3, 0x28])
        }
        #expect(CrossCheckError.invalidEncoding(path: "u.txt", line: 2, reason: "invalid UTF-8 byte sequence").description == "u.txt:2: invalid UTF-8 byte sequence")
    }

    @Test func notesCRLF() throws {
        #expect(try SourceText(path: "x", bytes: Array("a\r\nb".utf8)).hasCRLF)
        #expect(try !SourceText(path: "x", bytes: Array("a\nb".utf8)).hasCRLF)
    }
}

@Suite struct SentenceSplitterTests {
    func split(_ text: String, citationsAt: [Int] = []) -> [Sentence] {
        var b = PlainTextBuilder()
        let bytes = Array(text.utf8)
        var cites = Set(citationsAt)
        for (i, byte) in bytes.enumerated() {
            if cites.contains(i) { b.attach(Citation(mark: String(i), offset: i)); cites.remove(i) }
            b.append(byte: byte, at: i)
        }
        for c in cites.sorted() { _ = c; b.attach(Citation(mark: "end", offset: bytes.count)) }
        return SentenceSplitter.split(b.finish(), lines: LineTable(bytes: bytes), paragraph: 0)
    }

    @Test func survivesAbbreviationsInitialsAndDecimals() {
        let s = split("The U.S. government sued Foo Co. in 2019. It was valued at $7.7 billion. Gregory C. Allen wrote it, e.g. here. Weight rose from 0.15 to 1.76. Done!")
        #expect(s.map(\.text) == [
            "The U.S. government sued Foo Co. in 2019.",
            "It was valued at $7.7 billion.",
            "Gregory C. Allen wrote it, e.g. here.",
            "Weight rose from 0.15 to 1.76.",
            "Done!",
        ])
    }

    @Test func keepsQuotesWithTheirSentence() {
        let s = split("He said \"it works.\" Then he left. (A note.) Next")
        #expect(s.map(\.text) == ["He said \"it works.\"", "Then he left.", "(A note.)", "Next"])
    }

    @Test func attachesACitationToTheSentenceItFollows() {
        // Citation right after "one." (offset 4) belongs to the first sentence.
        let s = split("One. Two.", citationsAt: [4])
        #expect(s.count == 2)
        #expect(s[0].citations.count == 1)
        #expect(s[1].citations.isEmpty)
    }

    @Test func mapsSentencesBackToSourceBytes() {
        let text = "First line.\n\nSecond   sentence here."
        let s = split(text)
        #expect(s.count == 2)
        #expect(s[1].text == "Second sentence here.")
        #expect(s[1].line == 3)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[s[1].sourceRange], as: UTF8.self) == "Second   sentence here.")
        // "sentence" starts at plain offset 7 and source offset 13 + 9.
        #expect(s[1].sourceOffset(ofTextOffset: 7) == 22)
    }

    @Test func splitsChineseFullStops() {
        #expect(split("第一句。第二句。").map(\.text) == ["第一句。", "第二句。"])
    }
}

@Suite struct JSONTests {
    @Test func writesSortedKeysAndRoundTrips() throws {
        let v: JSONValue = .object(["b": .int(1), "a": .array([.string("x\"y\n"), .bool(true), .null, .number(1.5)])])
        let text = v.serialized()
        #expect(text.hasPrefix("{\n  \"a\""))
        #expect(try JSONValue.parse(text) == v)
        #expect(v.serialized(pretty: false) == "{\"a\":[\"x\\\"y\\n\",true,null,1.5],\"b\":1}")
    }

    @Test func escapesControlCharactersAndKeepsOtherTextAsWritten() throws {
        let s = "a\u{1}b\u{1F}\\ \"é 中\r\n\t😀"
        let text = JSONValue.string(s).serialized(pretty: false)
        #expect(text == "\"a\\u0001b\\u001f\\\\ \\\"é 中\\r\\n\\t😀\"")
        #expect(try JSONValue.parse(text) == .string(s))
        #expect(JSONValue.string("plain").serialized(pretty: false) == "\"plain\"")
    }

    @Test func reportsTheLineOfAnError() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse("{\n\"a\": tru\n}") }
        do { _ = try JSONValue.parse("{\n\"a\": tru\n}") } catch { #expect(error.line == 2) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(String(repeating: "[", count: 10_000)) }
    }
}

/// `TextKey` hashes a text's ends whole and folds its middle: the rows of a table written from one
/// pattern share their length and both ends, and must still spread over a dictionary's buckets.
@Suite struct TextKeyTests {
    @Test func patternRowsWithTheSameEndsHashApart() {
        let rows = (1000..<3000).map { "The harbour museum reported \($0) visitors in the year and the tower grew." }
        #expect(Set(rows.map { $0.utf8.count }).count == 1)
        let hashes = Set(rows.map { TextKey($0).hashValue })
        #expect(hashes.count > 1990)
        // Equality is still by bytes.
        #expect(TextKey(rows[0]) == TextKey(String(decoding: Array(rows[0].utf8), as: UTF8.self)))
        #expect(TextKey(rows[0]) != TextKey(rows[1]))
        #expect(TextKey("caf\u{E9}") != TextKey("cafe\u{301}"))
    }
}
