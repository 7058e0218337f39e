import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckReports
@testable import CrossCheckCLI

/// Inputs the fuzz targets (Tests/Fuzz) crashed on, replayed the way the target reads them.
@Suite struct FuzzReproducerTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        return Array(try Data(contentsOf: url.appendingPathComponent("Tests/Fuzz/Crashes/config/\(name)")))
    }

    /// The `config` target: an output name Foundation's `pathExtension` trapped on. Every
    /// command's options are parsed and every output name's format guessed, as the target does.
    @Test func anOutputNameFoundationTrappedOn() throws {
        let bytes = try Self.fixture("config-output-name-crash.bin")
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map(Array.init)
        try #require(parts.count == 2)
        let args = String(decoding: parts[1], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // ReportOptions.parse guesses each output name's format: that is where it trapped.
        var attempted = 0
        for command in CrossCheckCLI.commands {
            guard let parsed = try? ParsedArguments.parse(args, spec: command.spec, command: command.name) else { continue }
            attempted += 1
            guard let options = try? ReportOptions.parse(parsed, command: command.name) else { continue }
            for t in options.targets { if let p = t.path { _ = ReportFormat.guess(path: p) } }
        }
        // The crashing arguments do reach the option parser (the test replays the crash).
        #expect(attempted > 0)
        for arg in args { _ = FileNames.pathExtension(arg) }
    }

    @Test func pathExtensionsAsFoundationReadsThem() {
        #expect(FileNames.pathExtension("reports/seeds.md") == "md")
        #expect(FileNames.pathExtension("out.SARIF") == "SARIF")
        #expect(FileNames.pathExtension("a.tar.gz") == "gz")
        #expect(FileNames.pathExtension(".hidden") == "")
        #expect(FileNames.pathExtension("dir.d/file") == "")
        #expect(FileNames.pathExtension("name.") == "")
        #expect(FileNames.pathExtension("report.json/") == "json")
        #expect(FileNames.pathExtension("") == "")
        #expect(FileNames.pathExtension("x\u{0}.md") == "md")
    }
}
