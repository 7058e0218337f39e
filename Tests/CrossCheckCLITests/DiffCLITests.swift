import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// Writes `contents` to a fresh temporary file and returns its path.
func diffTestTempFile(_ name: String, _ contents: [UInt8]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-diff-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(contents).write(to: url)
    return url.path
}

@Suite struct DiffCLITests {
    static let older = "seeds/002_73259c55204946b0.txt"
    static let newer = "seeds/001_e3333450b7a6811b.txt"

    @Test func identicalFilesSayNoDifferences() {
        let r = runCLI(["diff", Self.older, Self.older])
        #expect(r.status == 0)
        #expect(r.out.contains("No differences."))
        #expect(r.err.isEmpty)
        let j = runCLI(["diff", Self.older, Self.older, "--format", "json"])
        let v = try? JSONValue.parse(j.out)
        #expect(v?["identical"]?.boolValue == true)
    }

    @Test func textMarksChangesWithoutColourOffATerminal() {
        let r = runCLI(["diff", Self.older, Self.newer])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("--- \(Self.older)\n+++ \(Self.newer)\n"))
        #expect(r.out.contains("{+") && r.out.contains("[-"))
        #expect(!r.out.contains("\u{1B}["))
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        var ctx = CommandContext(environment: [:], stdoutIsTerminal: true, workingDirectory: packageRoot)
        #expect(CrossCheckCLI.run(["diff", Self.older, Self.newer], context: &ctx) == 0)
        #expect(ctx.out.contains("\u{1B}[32m"))
        var plain = CommandContext(environment: ["NO_COLOR": "1"], stdoutIsTerminal: true, workingDirectory: packageRoot)
        #expect(CrossCheckCLI.run(["diff", Self.older, Self.newer], context: &plain) == 0)
        #expect(!plain.out.contains("\u{1B}["))
    }

    @Test func markdownHasATableAndMarkedPassages() {
        let r = runCLI(["diff", Self.older, Self.newer, "--format", "markdown"])
        #expect(r.status == 0)
        #expect(r.out.contains("| Section | Status |"))
        #expect(r.out.contains("~~") && r.out.contains("**"))
    }

    @Test func jsonCarriesOperationsWithRangesAndLines() throws {
        let r = runCLI(["diff", Self.older, Self.newer, "--format", "json"])
        #expect(r.status == 0)
        let v = try JSONValue.parse(r.out)
        let sections = try #require(v["sections"]?.arrayValue)
        #expect(!sections.isEmpty)
        let ops = sections.flatMap { $0["operations"]?.arrayValue ?? [] }
        let insert = try #require(ops.first { $0["kind"]?.stringValue == "insert" })
        #expect(insert["new"]?["line"]?.intValue != nil)
        #expect(insert["new"]?["start"]?.intValue != nil)
        // An insertion has no old range, only the line where it applies.
        #expect(insert["old"]?["start"] == nil)
        #expect(insert["old"] == .null || insert["old"]?["line"]?.intValue != nil)
        let newText = try String(contentsOfFile: packageRoot + "/" + Self.newer, encoding: .utf8)
        #expect((insert["new"]?["end"]?.intValue ?? Int.max) <= newText.utf8.count)
        #expect(v["summary"]?["moves"]?.intValue != nil)
    }

    @Test func differentFormatsStillAlign() {
        let r = runCLI(["diff", "seeds/000_1c75f7c1b93db0bb.txt", Self.newer, "--format", "json"])
        #expect(r.status == 0)
        let v = try? JSONValue.parse(r.out)
        let paired = v?["sections"]?.arrayValue?.filter { $0["old"] != .null && $0["new"] != .null } ?? []
        #expect(!paired.isEmpty)
    }

    @Test func badInputsExitTwo() throws {
        let empty = try diffTestTempFile("empty.txt", [])
        let binary = try diffTestTempFile("binary.bin", [0x00, 0x01, 0x02, 0xFF, 0x00])
        for args in [["diff", Self.older], ["diff", Self.older, empty], ["diff", empty, empty], ["diff", Self.older, binary],
                     ["diff", Self.older, "/nonexistent/x.txt"], ["diff", Self.older, Self.newer, "--format", "yaml"]] {
            let r = runCLI(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.out.isEmpty)
            #expect(r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
        }
        let b = runCLI(["diff", Self.older, binary])
        #expect(b.err.contains(binary))
    }

    @Test func alignPrintsOneColumnPerVariant() throws {
        let r = runCLI(["align", "seeds"])
        #expect(r.status == 0)
        let header = try #require(r.out.split(separator: "\n").first)
        #expect(header.split(separator: "|").count == 5)
        let j = runCLI(["align", "seeds", "--format", "json"])
        let v = try JSONValue.parse(j.out)
        #expect(v["variants"]?.arrayValue?.count == 5)
        let rows = try #require(v["rows"]?.arrayValue)
        #expect(rows.allSatisfy { $0["cells"]?.arrayValue?.count == 5 })
        // The lead of every variant sits in the first row.
        #expect(rows.first?["cells"]?.arrayValue?.allSatisfy { $0["path"] == .array([]) } == true)
        let m = runCLI(["align", Self.older, Self.newer, "--format", "markdown"])
        #expect(m.out.hasPrefix("| `002_73259c55204946b0` | `001_e3333450b7a6811b` |"))
        #expect(runCLI(["align"]).status == 2)
        #expect(runCLI(["align", "seeds", "--format", "sarif"]).status == 2)
    }
}
