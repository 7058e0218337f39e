import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

/// Every rendered-text offset maps inside its source: the sentence's range, and the file.
///
/// Text that a rendering adds (a table's cell separators, a template's output) can be longer than
/// the markup that made it; counting on past that markup once put ranges past the end of the file
/// (issue 11: `diff` trapped on two tiny pipe tables).
@Suite struct OffsetMappingTests {
    static let snippets: [String] = [
        "ta||s\n|-\n|}", "h|||\n|-\n|}", "{|\n| a || b\n|}", "{|\n|-\n| x ||| y\n|-\n|}",
        "{| class=\"wikitable\"\n! A !! B\n|-\n| 1 || 2\n|}", "a {{convert|5|km|mi}}", "x &amp;&nbsp;y",
        "'''b''' [[a|b]] {{lang|fr|t}}", "| a || b || c", "!! x !! y",
    ]

    static func check(_ d: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let count = d.source.bytes.count
        for (_, s) in d.allSentences {
            #expect(s.sourceRange.lowerBound >= 0 && s.sourceRange.upperBound <= count, "\(s.sourceRange) in \(count) bytes", sourceLocation: sourceLocation)
            for t in 0...s.text.utf8.count {
                let o = s.sourceOffset(ofTextOffset: t)
                #expect(o >= s.sourceRange.lowerBound && o <= s.sourceRange.upperBound, sourceLocation: sourceLocation)
            }
            for span in s.spans { #expect(span.sourceOffset >= 0 && span.sourceOffset <= count, sourceLocation: sourceLocation) }
        }
    }

    static func checkDiff(_ old: Document, _ new: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let diff = DocumentDiffer.diff(old: old, new: new)
        for op in diff.sections.flatMap(\.operations) {
            if let r = op.oldRange { #expect(r.upperBound <= old.source.bytes.count, sourceLocation: sourceLocation) }
            if let r = op.newRange { #expect(r.upperBound <= new.source.bytes.count, sourceLocation: sourceLocation) }
            if let l = op.oldLine { #expect(l >= 1 && l <= old.source.lines.count, sourceLocation: sourceLocation) }
            if let l = op.newLine { #expect(l >= 1 && l <= new.source.lines.count, sourceLocation: sourceLocation) }
        }
        _ = DiffReport.text(diff, color: false)
        _ = DiffReport.markdown(diff)
        _ = DiffReport.json(diff, old: old, new: new).serialized()
    }

    @Test(arguments: snippets)
    func renderedOffsetsStayInsideTheSource(_ text: String) throws {
        var parsed = 0
        for format in FormatRegistry.all.map({ $0.format }) {
            // Front matter refuses text without a `---` line: a clear error, nothing to check.
            guard let d = try? DocumentParser.parse(source(text, path: "s.wiki"), format: format) else { continue }
            Self.check(d)
            parsed += 1
        }
        #expect(parsed >= 3)
    }

    @Test func tinyPipeTablesDiffWithoutTrapping() throws {
        let old = try DocumentParser.parse(source("ta||s\n|-\n|}", path: "a.wiki"))
        let new = try DocumentParser.parse(source("h|||\n|-\n|}", path: "b.wiki"))
        Self.check(old)
        Self.check(new)
        Self.checkDiff(old, new)
        // Every snippet against every other: the same class of input.
        let docs = try Self.snippets.map { try DocumentParser.parse(source($0, path: "x.wiki"), format: .wikitext) }
        for a in docs { for b in docs { Self.checkDiff(a, b) } }
    }

    /// Inputs that crashed `scripts/fuzz.sh --target diff` (OLD and NEW split at the first NUL).
    @Test func diffFuzzReproducers() throws {
        let dir = packageRoot + "/Tests/Fuzz/Crashes/diff"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map(Array.init)
            guard parts.count == 2,
                let old = try? DocumentParser.parse(SourceText(path: "old", bytes: parts[0])),
                let new = try? DocumentParser.parse(SourceText(path: "new", bytes: parts[1]))
            else { continue }
            Self.check(old)
            Self.check(new)
            Self.checkDiff(old, new)
        }
    }
}
