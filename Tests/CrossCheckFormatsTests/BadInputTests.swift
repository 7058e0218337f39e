import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct BadInputTests {
    /// Runs `crosscheck parse PATH` and checks exit status 2 with one stderr line naming the file.
    func expectParseRejects(_ path: String, _ fragment: String, args: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let r = runCLI(["parse", path] + args)
        #expect(r.status == 2, sourceLocation: sourceLocation)
        #expect(r.out.isEmpty, sourceLocation: sourceLocation)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(path), sourceLocation: sourceLocation)
        #expect(r.err.contains(fragment), "stderr: \(r.err)", sourceLocation: sourceLocation)
    }

    /// Deterministic pseudo-random bytes.
    func randomBytes(_ n: Int, seed: UInt64) -> [UInt8] {
        var x = seed
        return (0..<n).map { _ in
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            return UInt8(truncatingIfNeeded: x)
        }
    }

    @Test func missingFileAndDirectory() throws {
        expectParseRejects("/nonexistent/crosscheck/missing.md", "no such file")
        let dir = (try fmtTempFile("x.txt", Array("x".utf8)) as NSString).deletingLastPathComponent
        expectParseRejects(dir, "is a directory")
    }

    @Test func emptyAndWhitespaceOnlyFiles() throws {
        expectParseRejects(try fmtTempFile("empty.md", []), "file is empty")
        expectParseRejects(try fmtTempFile("space.md", Array(" \n\t\r\n  \n".utf8)), "file is empty")
        #expect(throws: CrossCheckError.empty(path: "s.md")) { try SourceText(path: "s.md", bytes: Array("\n\n".utf8)) }
    }

    @Test func randomBytesAreBinaryData() throws {
        for seed in [1, 7, 42, 99] as [UInt64] {
            let bytes = randomBytes(4096, seed: seed)
            #expect(throws: CrossCheckError.binary(path: "r.bin")) { try SourceText(path: "r.bin", bytes: bytes) }
        }
        // Small random blobs too.
        #expect(throws: CrossCheckError.binary(path: "r.bin")) { try SourceText(path: "r.bin", bytes: randomBytes(64, seed: 3)) }
        let blob = try fmtTempFile("blob.bin", randomBytes(10_000, seed: 5))
        defer { fmtRemove(blob) }
        expectParseRejects(blob, "binary data")
    }

    @Test func legacyEncodedTextIsInvalidUTF8NotBinary() throws {
        // "café crème" in Latin-1 on line 2.
        let bytes = Array("ok\ncaf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me\n".utf8)
        #expect(throws: CrossCheckError.invalidEncoding(path: "l.txt", line: 2, reason: "invalid UTF-8 byte sequence")) {
            try SourceText(path: "l.txt", bytes: bytes)
        }
        expectParseRejects(try fmtTempFile("latin1.txt", bytes), ":2: invalid UTF-8")
    }

    @Test func utf16WithByteOrderMarkParses() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]  // big endian this time
        for u in "# T\n\n## Part\n- **Key**: välue\n".utf16 { bytes += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let path = try fmtTempFile("utf16.md", bytes)
        let d = try DocumentParser.parse(path: path)
        #expect(d.format == .markdown)
        #expect(d.field("key")?.value == "välue")
        #expect(d.field("key")?.line == 4)
        #expect(runCLI(["parse", path]).status == 0)
    }

    @Test func crlfAndMixedLineEndsKeepLinesRight() throws {
        let d = try fmtMarkdown("# T\r\n\r\n## A\r\nOne.\rTwo.\n\r\n- **K**: v\r\n")
        #expect(d.sections.map(\.path) == [[], ["A"]])
        #expect(d.sections[1].line == 3)
        #expect(d.allSentences.map(\.sentence.line) == [4, 5, 7])
        #expect(d.field("k")?.line == 7)
        #expect(d.field("k")?.value == "v")
        let f = try fmtFrontMatter("---\r\ntitle: x\r\nlist:\r\n  - a\r\n---\r\n")
        #expect(f.field("list.0")?.line == 4)
        #expect(f.title == "x")
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        let s = try SourceText(path: "b.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: x\n---\n".utf8))
        #expect(FormatDetector.detect(s) == .frontmatter)
        #expect(try DocumentParser.parse(s).title == "x")
        let m = try MarkdownParser.parse(SourceText(path: "b.md", bytes: [0xEF, 0xBB, 0xBF] + Array("# T\nText.\n".utf8)))
        #expect(m.title == "T")
        #expect(fmtSentences(m) == ["Text."])
    }

    @Test func byteOrderMarkAndCRLFThroughTheCLI() throws {
        let path = try fmtTempFile("bom.md", [0xEF, 0xBB, 0xBF] + Array("# T\r\n\r\n## Part\r\n- **Key**: value\r\n".utf8))
        let r = runCLI(["parse", path, "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        #expect(json["format"]?.stringValue == "markdown")
        #expect(json["title"]?.stringValue == "T")
        let field = json["fields"]?.arrayValue?.first
        #expect(field?["key"]?.stringValue == "key")
        #expect(field?["value"]?.stringValue == "value")
        #expect(field?["line"] == .int(4))
    }

    @Test func deepNestingIsLinear() throws {
        let n = 10_000
        let lists = String(repeating: "- ", count: n) + "deep item\n"
        #expect(fmtSentences(try fmtMarkdown(lists)) == ["deep item"])
        let indented = (0..<n).map { String(repeating: " ", count: min($0, 40)) + "- item \($0)" }.joined(separator: "\n")
        #expect(try fmtMarkdown(indented).allSentences.count == n)
        let quotes = String(repeating: "> ", count: n) + "deep quote.\n"
        #expect(fmtSentences(try fmtMarkdown(quotes)) == ["deep quote."])
        let brackets = String(repeating: "[", count: n) + "x" + String(repeating: "]", count: n) + "(u)"
        #expect(try fmtMarkdown(brackets).allSentences.count == 1)
        let stars = String(repeating: "*", count: n) + "x" + String(repeating: "_", count: n)
        #expect(try fmtMarkdown(stars).allSentences.count == 1)
        let comments = String(repeating: "<!--", count: n) + " x"
        #expect(try fmtMarkdown(comments).allSentences.isEmpty)
        let ticks = String(repeating: "`a", count: n)
        #expect(try fmtMarkdown(ticks).allSentences.count == 1)
        let yaml = "---\n" + (0..<200).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " v\n---\n"
        #expect(try fmtFrontMatter(yaml).fields.first?.key.hasSuffix("k199") == true)
        // Through the CLI with an explicit format.
        let path = try fmtTempFile("deep.md", Array((lists + quotes + brackets).utf8))
        defer { fmtRemove(path) }
        #expect(runCLI(["parse", path, "--as", "markdown"]).status == 0)
    }

    @Test func hugeSingleLine() throws {
        let sentence = "Word word **bold** [link](http://x) text²³ and more. "
        // Sizes keep debug test runs quick; 50 MB lines are measured in release (docs/performance.md).
        let line = String(repeating: sentence, count: 12_000)  // about 0.7 MB on one line
        let d = try fmtMarkdown(line)
        #expect(d.allSentences.count == 12_000)
        #expect(d.links.count == 12_000)
        let shorter = String(repeating: sentence, count: 6_000)  // about 0.3 MB
        let p = try fmtPlain(shorter)
        #expect(p.allSentences.count == 6_000)
        #expect(p.citationCount == 6_000)
        let path = try fmtTempFile("huge.txt", Array(shorter.utf8))
        defer { fmtRemove(path) }
        #expect(runCLI(["parse", path, "--format", "json"]).status == 0)
    }

    @Test func unterminatedFrontMatter() throws {
        let path = try fmtTempFile("open.md", Array("---\ntitle: x\ndate: 2020-01-01\nbody text\n".utf8))
        expectParseRejects(path, "never closed")
        expectParseRejects(path, ":1:")
    }

    @Test func malformedFrontMatterThroughTheCLI() throws {
        expectParseRejects(try fmtTempFile("q.md", Array("---\ntitle: \"open\n---\n".utf8)), ":2: unterminated quoted string")
    }
}
