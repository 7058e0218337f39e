import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// A fresh temporary folder for one test.
func checkTestTempDir(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "crosscheck-check-\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct CheckCommandTests {
    @Test func exitStatusFollowsTheFindings() throws {
        let r = runCLI(["check", "seeds", "--format", "json"])
        let json = try JSONValue.parse(r.out)
        let errors = try #require(json["summary"]?["error"]?.intValue)
        #expect(r.status == (errors > 0 ? 1 : 0))
        let warnings = try #require(json["summary"]?["warning"]?.intValue)
        let w = runCLI(["check", "seeds", "--format", "json", "--fail-on", "warning"])
        #expect(w.status == (errors + warnings > 0 ? 1 : 0))
        #expect(runCLI(["check", "seeds", "--fail-on", "never"]).status == 0)
        #expect(json["variants"]?.arrayValue?.count == 5)
        #expect(json["subject"]?.stringValue == "SenseTime")
        #expect(json["variants"]?.arrayValue?.first?["path"]?.stringValue == "seeds/002_73259c55204946b0.txt")
    }

    @Test
    func seedsFailAtErrorAndPassWithNever() {
        #expect(runCLI(["check", "seeds"]).status == 1)
        #expect(runCLI(["check"]).status == 1)
        #expect(runCLI(["check", "seeds", "--fail-on", "never"]).status == 0)
    }

    @Test func noPathChecksSeeds() {
        let a = runCLI(["check", "--format", "json"])
        let b = runCLI(["check", "seeds", "--format", "json"])
        #expect(a.status == b.status)
        #expect(a.out == b.out)
        #expect(!a.out.isEmpty)
    }

    @Test func reportOnStdoutSummaryOnStderr() {
        let r = runCLI(["check", "seeds"])
        #expect(r.out.hasPrefix("crosscheck: SenseTime (5 variants)\n"))
        let lines = r.err.split(separator: "\n")
        #expect(lines.last?.hasSuffix(" in 5 variants") == true)
        #expect(lines.last?.contains(" errors, ") == true || lines.last?.contains(" error, ") == true)
        #expect(!r.out.contains(" in 5 variants"))
        #expect(!r.out.contains("\u{1B}["))  // not a terminal: no colour
    }

    @Test func colourOnATerminalOnlyWithoutNoColor() {
        func run(_ env: [String: String], terminal: Bool) -> String {
            var ctx = CommandContext(environment: env, stdoutIsTerminal: terminal, workingDirectory: packageRoot)
            _ = CrossCheckCLI.run(["check", "seeds", "--fail-on", "never"], context: &ctx)
            return ctx.out
        }
        #expect(run([:], terminal: true).contains("\u{1B}[1m"))
        #expect(!run(["NO_COLOR": "1"], terminal: true).contains("\u{1B}["))
        #expect(!run([:], terminal: false).contains("\u{1B}["))
        // Files never get colour, even from a terminal.
        var ctx = CommandContext(environment: [:], stdoutIsTerminal: true, workingDirectory: packageRoot)
        let file = NSTemporaryDirectory() + "crosscheck-colour-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = CrossCheckCLI.run(["check", "seeds", "--fail-on", "never", "--format", "text", "--output", file], context: &ctx)
        #expect((try? String(contentsOfFile: file, encoding: .utf8))?.contains("\u{1B}[") == false)
        #expect(ctx.out.isEmpty)
    }

    @Test func severalFormatsInOneRun() throws {
        let dir = try checkTestTempDir("multi")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI([
            "check", "seeds", "--format", "json", "--output", dir + "/a.json", "--format", "markdown", "--output", dir + "/new/b.md",
            "--format", "sarif", "--output", dir + "/c.sarif", "--format", "text", "--fail-on", "never",
        ])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("crosscheck: SenseTime"))
        let json = try JSONValue.parse(try String(contentsOfFile: dir + "/a.json", encoding: .utf8))
        #expect(json["findings"]?.arrayValue != nil)
        let md = try String(contentsOfFile: dir + "/new/b.md", encoding: .utf8)
        #expect(md.hasPrefix("# crosscheck report: SenseTime\n"))
        let sarif = try JSONValue.parse(try String(contentsOfFile: dir + "/c.sarif", encoding: .utf8))
        #expect(sarif["version"]?.stringValue == "2.1.0")
        // No temporary files are left beside the outputs.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["a.json", "c.sarif", "new"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/new") == ["b.md"])
    }

    @Test func outputFormatFromExtensionAndPairing() throws {
        func parse(_ args: [String]) throws -> [ReportTarget] {
            try ReportOptions.parse(try ParsedArguments.parse(args, spec: CheckCommand.spec, command: "check"), command: "check").targets
        }
        #expect(try parse([]) == [ReportTarget(format: .text)])
        #expect(try parse(["--format", "json", "--output", "a.json", "--format", "markdown", "--output", "b.md"])
            == [ReportTarget(format: .json, path: "a.json"), ReportTarget(format: .markdown, path: "b.md")])
        #expect(try parse(["--output", "x.sarif"]) == [ReportTarget(format: .sarif, path: "x.sarif")])
        #expect(try parse(["--output", "r.md", "--format", "json"]) == [ReportTarget(format: .json, path: "r.md")])
        #expect(try parse(["--format", "github", "--format", "json", "--output", "a.json"])
            == [ReportTarget(format: .github), ReportTarget(format: .json, path: "a.json")])
    }

    @Test func markdownLinksAreRelativeToTheReportAndStable() throws {
        let dir = packageRoot + "/.build/crosscheck-check-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/reports/seeds.md"
        let args = ["check", packageRoot + "/seeds", "--format", "markdown", "--output", out, "--format", "json", "--output", dir + "/s.json", "--fail-on", "never"]
        #expect(runCLI(args).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: out))
        let firstJSON = try Data(contentsOf: URL(fileURLWithPath: dir + "/s.json"))
        #expect(runCLI(args).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/s.json")) == firstJSON)
        let md = String(decoding: first, as: UTF8.self)
        // From .build/<dir>/reports/ back to seeds/: three levels up, and no absolute path anywhere.
        #expect(md.contains("(../../../seeds/002_73259c55204946b0.txt)"))
        #expect(!md.contains(packageRoot))
        #expect(!String(decoding: firstJSON, as: UTF8.self).contains(packageRoot))
    }

    @Test func baselineRoundTripThroughTheCLI() throws {
        let dir = try checkTestTempDir("baseline")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let b = dir + "/baseline.json"
        let w = runCLI(["check", "seeds", "--write-baseline", b, "--format", "json"])
        #expect(w.status == 0)  // everything recorded is accepted
        let baseline = try Baseline.load(path: b)
        let findings = try #require(JSONValue.parse(w.out)["findings"]?.arrayValue)
        #expect(baseline.fingerprints == Set(findings.compactMap { $0["fingerprint"]?.stringValue }))
        #expect(findings.allSatisfy { $0["baselined"]?.boolValue == true })
        let r = runCLI(["check", "seeds", "--baseline", b, "--fail-on", "info", "--format", "json"])
        #expect(r.status == 0)
        let again = try #require(JSONValue.parse(r.out)["summary"])
        #expect(again["error"]?.intValue == 0 && again["warning"]?.intValue == 0 && again["info"]?.intValue == 0)
        #expect(again["baselined"]?.intValue == findings.count)
        // Rewriting an unchanged baseline changes no byte.
        let text = try String(contentsOfFile: b, encoding: .utf8)
        _ = runCLI(["check", "seeds", "--baseline", b, "--write-baseline", b])
        #expect(try String(contentsOfFile: b, encoding: .utf8) == text)
    }

    @Test func fingerprintsSurviveBlankLinesAtTheTop() throws {
        let dir = try checkTestTempDir("shift")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: packageRoot + "/seeds") {
            let text = try String(contentsOfFile: seedPath(name), encoding: .utf8)
            let shifted = name.hasPrefix("003_") ? "\n\n\n" + text : text
            try shifted.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        let a = try JSONValue.parse(runCLI(["check", "seeds", "--format", "json"]).out)
        let b = try JSONValue.parse(runCLI(["check", dir, "--format", "json"]).out)
        let fa = (a["findings"]?.arrayValue ?? []).compactMap { $0["fingerprint"]?.stringValue }
        let fb = (b["findings"]?.arrayValue ?? []).compactMap { $0["fingerprint"]?.stringValue }
        try #require(!fa.isEmpty)
        #expect(Set(fa) == Set(fb))
        // The lines did move.
        let la = (a["findings"]?.arrayValue ?? []).flatMap { $0["evidence"]?.arrayValue ?? [] }.filter { $0["variant"]?.stringValue?.hasPrefix("003_") == true }
        let lb = (b["findings"]?.arrayValue ?? []).flatMap { $0["evidence"]?.arrayValue ?? [] }.filter { $0["variant"]?.stringValue?.hasPrefix("003_") == true }
        if let x = la.first?["line"]?.intValue, let y = lb.first?["line"]?.intValue { #expect(y == x + 3) }
    }

    @Test func enableAndDisableReachTheEngine() throws {
        func rules(_ extra: [String]) throws -> Set<String> {
            let r = runCLI(["check", "seeds", "--format", "json", "--fail-on", "never"] + extra)
            #expect(r.status == 0, "\(extra): \(r.err)")
            return Set((try JSONValue.parse(r.out)["findings"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue })
        }
        let all = try rules([])
        try #require(all.count >= 2, "needs findings of at least two rules")
        let one = try #require(all.sorted().first)
        #expect(try rules(["--enable", one]) == [one])
        #expect(try rules(["--disable", one]) == all.subtracting([one]))
        #expect(try rules(["--disable", all.sorted().joined(separator: ",")]).isEmpty)
        let unknown = runCLI(["check", "seeds", "--enable", "no-such-rule"])
        #expect(unknown.status == 2)
        #expect(unknown.err.split(separator: "\n").count == 1)
    }

    @Test func githubFormatAppendsTheJobSummary() throws {
        let dir = try checkTestTempDir("summary")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = dir + "/step-summary.md"
        try "earlier step\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let r = runCLI(["check", "seeds", "--format", "github", "--fail-on", "never"], env: ["GITHUB_STEP_SUMMARY": summary])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n# crosscheck report: SenseTime\n"))
        #expect(!r.out.contains("# crosscheck report"))
        // Without the variable nothing is written anywhere else.
        #expect(runCLI(["check", "seeds", "--format", "github", "--fail-on", "never"]).status == 0)
    }

    @Test func configAndFlagsSelectRules() throws {
        let dir = try checkTestTempDir("config")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = dir + "/config.json"
        try #"{"failOn": "never", "rules": {"merged-words": {"severity": "info"}}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let c = runCLI(["check", "seeds", "--config", config])
        #expect(c.status == 0)  // failOn never from the config
        let options = try ReportOptions.parse(
            try ParsedArguments.parse(["--enable", "a,b", "--enable", "c", "--disable", "d"], spec: CheckCommand.spec, command: "check"), command: "check")
        let manifest = Manifest(path: "m", rules: ["a": RuleSetting(enabled: false), "b": RuleSetting(severity: .error)], failOn: .warning)
        let cfg = Manifest(path: "c", rules: ["a": RuleSetting(enabled: true)], failOn: .info)
        let rc = options.configuration(manifest: manifest, config: cfg)
        #expect(rc.enableOnly == ["a", "b", "c"])
        #expect(rc.disabled == ["d"])
        #expect(rc.settings["a"] == RuleSetting(enabled: true))
        #expect(rc.settings["b"] == RuleSetting(severity: .error))
        // --fail-on beats the config, which beats the manifest.
        #expect(options.threshold(manifest: manifest, config: cfg) == .info)
        #expect(options.threshold(manifest: manifest, config: nil) == .warning)
        #expect(options.threshold(manifest: nil, config: nil) == .error)
        var flagged = options
        flagged.failOn = .never
        #expect(flagged.threshold(manifest: manifest, config: cfg) == .never)
    }

    @Test(arguments: [
        ["check", "/nonexistent/dir"],
        ["check", "seeds", "--format", "yaml"],
        ["check", "seeds", "--fail-on", "sometimes"],
        ["check", "seeds", "--format", "json", "--format", "text"],
        ["check", "seeds", "--baseline", "/nonexistent/baseline.json"],
        ["check", "seeds", "--config", "/nonexistent/config.json"],
        ["check", "seeds", "--output", "report.weird"],
        ["check", "seeds", "--bogus"],
        ["check", "seeds", "--output", "/proc/crosscheck-report.md"],
    ])
    func badInputExitsTwoWithOneLine(_ args: [String]) {
        let r = runCLI(args)
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        // "crosscheck: FILE: problem" or "crosscheck check: usage problem", never both prefixes.
        #expect(r.err.hasPrefix("crosscheck: ") || r.err.hasPrefix("crosscheck check: "))
        #expect(!r.err.hasPrefix("crosscheck: crosscheck"))
    }

    @Test func badBaselineAndConfigFilesAreNamed() throws {
        let dir = try checkTestTempDir("bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\"fingerprints\": 3}".write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        let b = runCLI(["check", "seeds", "--baseline", dir + "/b.json"])
        #expect(b.status == 2)
        #expect(b.err == "crosscheck: \(dir)/b.json: not a crosscheck baseline (expected a \"fingerprints\" list)\n")
        try "{\"failOn\": \"sometimes\"}".write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let c = runCLI(["check", "seeds", "--config", dir + "/c.json"])
        #expect(c.status == 2)
        #expect(c.err.hasPrefix("crosscheck: \(dir)/c.json: "))
    }
}

@Suite struct FactsCommandFormatTests {
    /// `facts` has no text format: asking for one is refused, not answered with markdown.
    @Test func textFormatIsRefused() {
        let r = runCLI(["facts", "seeds", "--format", "text"])
        #expect(r.status == 2)
        #expect(r.err.contains("--format must be json or markdown"))
        #expect(r.out.isEmpty)
    }
}
