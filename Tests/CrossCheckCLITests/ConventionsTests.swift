import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// Many articles in one run, short reports, and the conventions users know from git, ripgrep
/// and SwiftLint.
@Suite struct ConventionsTests {
    @Test func aFolderOfArticleFoldersIsCheckedArticleByArticle() throws {
        let r = runCLI(["check", "Tests/Fixtures", "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.err)")
        let json = try JSONValue.parse(r.out)
        let articles = try #require(json["articles"]?.arrayValue)
        let folders = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Tests/Fixtures").filter { !$0.hasPrefix(".") }
        #expect(articles.count == folders.count)
        // Every article is its own set: no variant list mixes two folders.
        for a in articles {
            let paths = (a["variants"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue }
            #expect(Set(paths.map { ($0 as NSString).deletingLastPathComponent }).count == 1)
        }
        #expect(json["summary"]?["articles"]?.intValue == folders.count)
        #expect(r.err.contains("in \(folders.count) articles"))
        let text = runCLI(["check", "Tests/Fixtures", "--fail-on", "never"])
        #expect(text.out.contains("crosscheck: Hanbit Ferries (5 variants)"))
        #expect(text.out.contains("\nTotal: "))
    }

    @Test func twoFoldersOfDifferentArticlesAreNeverMerged() throws {
        let r = runCLI(["check", "Tests/Fixtures/hanbit", "Tests/Fixtures/marrowby", "--format", "json", "--fail-on", "never"])
        let json = try JSONValue.parse(r.out)
        let subjects = (json["articles"]?.arrayValue ?? []).compactMap { $0["subject"]?.stringValue }
        #expect(subjects.count == 2)
        #expect(!subjects.contains { $0.contains("variants") })
        // Files of one folder still form one set, in the single-report shape.
        let one = runCLI(["check", "seeds/001_e3333450b7a6811b.txt", "seeds/002_73259c55204946b0.txt", "--format", "json", "--fail-on", "never"])
        #expect(try JSONValue.parse(one.out)["findings"] != nil)
    }

    @Test func baselinedFindingsAreHiddenUnlessAsked() throws {
        let dir = NSTemporaryDirectory() + "crosscheck-baseline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let baseline = dir + "/b.json"
        #expect(runCLI(["check", "seeds", "--write-baseline", baseline]).status == 0)
        let hidden = runCLI(["check", "seeds", "--baseline", baseline])
        #expect(hidden.status == 0)
        #expect(!hidden.out.contains("(baselined)"))
        #expect(hidden.out.contains("baselined findings not shown (--show-baselined lists them)"))
        #expect(hidden.out.split(separator: "\n").count < 15)
        let shown = runCLI(["check", "seeds", "--baseline", baseline, "--show-baselined"])
        #expect(shown.out.contains("(baselined)"))
        // Machine formats keep them, marked.
        let json = try JSONValue.parse(runCLI(["check", "seeds", "--baseline", baseline, "--format", "json"]).out)
        let findings = json["findings"]?.arrayValue ?? []
        #expect(findings.count > 0)
        #expect(findings.allSatisfy { $0["baselined"]?.boolValue == true })
    }

    @Test func quietPrintsOnlyTheSummaryLine() {
        let r = runCLI(["check", "seeds", "--quiet"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1)
        #expect(r.err.contains("in 5 variants"))
    }

    @Test func colorFollowsTheFlagNoColorAndTerm() {
        func colored(_ args: [String], env: [String: String], terminal: Bool) -> Bool {
            var ctx = CommandContext(environment: env, stdoutIsTerminal: terminal, workingDirectory: packageRoot)
            _ = CrossCheckCLI.run(args, context: &ctx)
            return ctx.out.contains("\u{1B}[")
        }
        #expect(colored(["check", "seeds"], env: [:], terminal: true))
        #expect(!colored(["check", "seeds"], env: [:], terminal: false))
        #expect(colored(["check", "seeds", "--color", "always"], env: [:], terminal: false))
        #expect(colored(["--color=always", "check", "seeds"], env: ["NO_COLOR": "1"], terminal: false))
        #expect(!colored(["check", "--color", "never", "seeds"], env: [:], terminal: true))
        #expect(!colored(["check", "seeds"], env: ["NO_COLOR": "1"], terminal: true))
        // An empty NO_COLOR does not count; TERM=dumb does.
        #expect(colored(["check", "seeds"], env: ["NO_COLOR": ""], terminal: true))
        #expect(!colored(["check", "seeds"], env: ["TERM": "dumb"], terminal: true))
        let bad = runCLI(["check", "seeds", "--color", "sometimes"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("--color"))
    }

    @Test func helpCommandAndOptionsAnywhere() {
        let help = runCLI(["help", "gate"])
        #expect(help.status == 0)
        #expect(help.out == runCLI(["gate", "--help"]).out)
        #expect(runCLI(["help", "nonsense"]).status == 2)
        // Options before or after positional arguments.
        let before = runCLI(["check", "--format", "json", "--fail-on", "never", "seeds"])
        let after = runCLI(["check", "seeds", "--format", "json", "--fail-on", "never"])
        #expect(before.status == 0)
        #expect(before.out == after.out)
    }

    @Test func manifestRejectsUnknownKeysAndMissingFiles() throws {
        let dir = NSTemporaryDirectory() + "crosscheck-manifest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: seedPath("003_7ef685683aa46a24.txt"), toPath: dir + "/003.md")
        try #"{"subject": "X", "varients": []}"#.write(toFile: dir + "/crosscheck.json", atomically: true, encoding: .utf8)
        let unknown = runCLI(["check", dir])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("unknown key \"varients\""))
        #expect(unknown.err.contains("crosscheck.json"))
        try #"{"variants": [{"path": "003.md", "role": "summary", "lable": "x"}]}"#.write(toFile: dir + "/crosscheck.json", atomically: true, encoding: .utf8)
        #expect(runCLI(["check", dir]).err.contains("unknown key \"lable\""))
        try #"{"variants": [{"path": "003.md"}, {"path": "gone.md"}]}"#.write(toFile: dir + "/crosscheck.json", atomically: true, encoding: .utf8)
        let missing = runCLI(["check", dir])
        #expect(missing.status == 2)
        #expect(missing.err.contains("gone.md"))
        #expect(missing.err.split(separator: "\n").count == 1)
    }

    /// The 200 consecutive revisions of the real-text corpus, when it is there.
    static let consecutive: String? = {
        for base in [packageRoot + "/../shared/corpus", "/work/shared/corpus"] {
            let p = base + "/anarchism/consecutive"
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return nil
    }()

    @Test(.enabled(if: consecutive != nil, "needs the corpus"))
    func aCheckOf200RevisionsStaysShort() throws {
        let dir = try #require(Self.consecutive)
        let text = runCLI(["check", dir, "--fail-on", "never"])
        let lines = text.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count < 80)
        #expect(text.out.contains("… 192 more variants"))
        // Any quote repeated across many revisions is shown once, with its span.
        for line in text.out.split(separator: "\n") where line.contains("same text in") {
            #expect(line.contains(" … "), "a collapsed quote names its span: \(line)")
        }
        let github = runCLI(["check", dir, "--format", "github", "--fail-on", "never"])
        #expect(github.out.split(separator: "\n").allSatisfy { $0.utf8.count <= 4096 })
        #expect(github.out.split(separator: "\n").count <= 21)
    }
}
