import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// A throwaway git repository with two article folders: `articles/hanbit` (a fixture) and
/// `articles/seeds` (the seeds, whose summary already conflicts with the revisions).
final class GitGateRepo {
    let root: String
    let git: String

    init() throws {
        git = try #require(ciRecipeGit())
        root = NSTemporaryDirectory() + "crosscheck-gitgate-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/articles", withIntermediateDirectories: true)
        try fm.copyItem(atPath: packageRoot + "/Tests/Fixtures/hanbit", toPath: root + "/articles/hanbit")
        try fm.copyItem(atPath: packageRoot + "/seeds", toPath: root + "/articles/seeds")
        try "# Articles\n".write(toFile: root + "/README.md", atomically: true, encoding: .utf8)
        try run("init", "-q", "-b", "main")
        try run("add", "-A")
        try run("commit", "-q", "-m", "two articles")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    func run(_ args: String...) throws -> String {
        let env = ["GIT_CONFIG_NOSYSTEM": "1", "HOME": root, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"]
        let r = try ciRecipeRun(git, args, cwd: root, env: env)
        if r.status != 0 { Issue.record("git \(args.joined(separator: " ")): \(r.err)") }
        return r.out
    }

    func edit(_ path: String, _ from: String, _ to: String) throws {
        let file = root + "/" + path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(from), "\(path) lacks \(from)")
        try text.replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Runs the CLI in-process from `folder` (relative to the repository).
    func cli(_ args: [String], in folder: String = "") -> (status: Int32, out: String, err: String) {
        var ctx = CommandContext(environment: [:], stdoutIsTerminal: false, workingDirectory: folder.isEmpty ? root : root + "/" + folder)
        let status = CrossCheckCLI.run(args, context: &ctx)
        return (status, ctx.out, ctx.err)
    }

    /// The gate's JSON: every article's introduced and resolved findings, by rule.
    func gate(_ args: [String], in folder: String = "") throws -> (status: Int32, introduced: [JSONValue], resolved: [JSONValue], err: String) {
        let r = cli(["gate"] + args + ["--format", "json"], in: folder)
        guard r.status != 2 else { return (r.status, [], [], r.err) }
        let json = try JSONValue.parse(r.out)
        let articles = json["articles"]?.arrayValue ?? []
        return (r.status, articles.flatMap { $0["introduced"]?.arrayValue ?? [] }, articles.flatMap { $0["resolved"]?.arrayValue ?? [] }, r.err)
    }
}

func rules(_ findings: [JSONValue]) -> [String] { findings.compactMap { $0["rule"]?.stringValue } }
func paths(_ findings: [JSONValue]) -> [String] { findings.flatMap { $0["evidence"]?.arrayValue ?? [] }.compactMap { $0["path"]?.stringValue } }

@Suite(.enabled(if: ciRecipeGit() != nil, "needs git")) struct GitGateTests {
    let hq = "articles/hanbit/02_rev2023.wiki"
    let typo = "articles/seeds/001_e3333450b7a6811b.txt"

    @Test func aTypoFixPassesAlthoughTheArticleHoldsConflicts() throws {
        let repo = try GitGateRepo()
        try repo.run("checkout", "-q", "-b", "fix")
        try repo.edit(typo, "SenseTiime", "SenseTime")
        try repo.run("commit", "-q", "-am", "fix")
        let g = try repo.gate(["--base", "main"])
        #expect(g.status == 0)
        #expect(g.introduced.isEmpty)
        #expect(rules(g.resolved) == ["introduced-typo"])
        #expect(paths(g.resolved).contains(typo))
        #expect(g.err.contains("0 resolved") == false)
    }

    @Test func aNewConflictFailsWithRepositoryRelativePathsFromAnyFolder() throws {
        let repo = try GitGateRepo()
        try repo.edit(hq, "| hq_location = [[Busan]]", "| hq_location = [[Daegu]]")
        for folder in ["", "articles", "articles/seeds"] {
            let g = try repo.gate(["--base", "main"], in: folder)
            #expect(g.status == 1)
            #expect(rules(g.introduced).filter { $0 == "headquarters-conflict" }.count >= 1)
            #expect(paths(g.introduced).allSatisfy { $0.hasPrefix("articles/hanbit/") })
            #expect(g.resolved.isEmpty)
        }
        // A PATH limits the gate; the other article alone has nothing to report.
        #expect(try repo.gate(["--base", "main", "articles/seeds"]).status == 0)
        #expect(try repo.gate(["articles/hanbit", "--base", "main"]).status == 1)
        // Text names the new file and line.
        #expect(repo.cli(["gate", "--base", "main"]).out.contains("\(hq):10"))
    }

    @Test func stagedGatesTheIndexNotTheWorkingTree() throws {
        let repo = try GitGateRepo()
        try repo.edit(typo, "SenseTiime", "SenseTime")
        try repo.run("add", typo)
        try repo.edit(hq, "| hq_location = [[Busan]]", "| hq_location = [[Daegu]]")  // not staged
        let g = try repo.gate(["--staged"])
        #expect(g.status == 0)
        #expect(rules(g.resolved) == ["introduced-typo"])
        try repo.run("add", hq)
        #expect(try repo.gate(["--staged"]).status == 1)
        try repo.run("reset", "-q", "--hard")
        let idle = repo.cli(["gate", "--staged"])
        #expect(idle.status == 0)
        #expect(idle.out.contains("no article changed"))
    }

    @Test func aBlankedPageIsAFindingNotAnInputError() throws {
        let repo = try GitGateRepo()
        try "\n".write(toFile: repo.root + "/" + hq, atomically: true, encoding: .utf8)
        let g = try repo.gate(["--base", "main"])
        #expect(g.status == 1, "\(g.err)")
        #expect(rules(g.introduced).contains("page-blanked"))
        // Most of the page removed: one sentence left.
        try "'''Hanbit Ferries''' is a ferry operator in [[Busan]].\n".write(toFile: repo.root + "/" + hq, atomically: true, encoding: .utf8)
        let cut = try repo.gate(["--base", "main", "--enable", "page-blanked"])
        #expect(rules(cut.introduced) == ["page-blanked"])
        #expect(try repo.gate(["--base", "main", "--disable", "page-blanked"]).introduced.allSatisfy { $0["rule"]?.stringValue != "page-blanked" })
    }

    @Test func deletedVariantsResolveAndRenamesKeepTheirIdentity() throws {
        let repo = try GitGateRepo()
        // Deleting the summary resolves the headquarters conflict it carried.
        try repo.run("rm", "-q", "articles/seeds/003_7ef685683aa46a24.txt")
        try repo.edit("articles/seeds/crosscheck.json", ",\n    {\"path\": \"003_7ef685683aa46a24.txt\", \"role\": \"summary\", \"format\": \"markdown\", \"date\": \"2023\", \"label\": \"model-written summary\"}", "")
        let deleted = try repo.gate(["--base", "main"])
        #expect(deleted.status == 0, "\(deleted.err)")
        #expect(rules(deleted.resolved).contains("headquarters-conflict"))
        #expect(deleted.introduced.isEmpty)
        try repo.run("reset", "-q", "--hard")
        // A manifest entry for a missing file is an error naming the manifest.
        try repo.run("rm", "-q", "articles/seeds/003_7ef685683aa46a24.txt")
        let stale = repo.cli(["gate", "--base", "main"])
        #expect(stale.status == 2)
        #expect(stale.err.contains("crosscheck.json"))
        #expect(stale.err.contains("003_7ef685683aa46a24.txt"))
        try repo.run("reset", "-q", "--hard")
        // A renamed variant keeps its findings.
        try repo.run("mv", hq, "articles/hanbit/02_rev2023_moved.wiki")
        try repo.edit("articles/hanbit/crosscheck.json", "\"02_rev2023.wiki\"", "\"02_rev2023_moved.wiki\"")
        let renamed = try repo.gate(["--base", "main", "--fail-on", "info"])
        #expect(renamed.status == 0, "\(renamed.introduced)")
        #expect(renamed.introduced.isEmpty && renamed.resolved.isEmpty)
    }

    @Test func anAddedArticleIsCheckedAndTheBaseIsTheMergeBase() throws {
        let repo = try GitGateRepo()
        try repo.run("checkout", "-q", "-b", "add")
        try FileManager.default.createDirectory(atPath: repo.root + "/articles/copy", withIntermediateDirectories: true)
        for f in ["01_rev2017.wiki", "04_summary.md"] {
            try FileManager.default.copyItem(atPath: repo.root + "/articles/hanbit/" + f, toPath: repo.root + "/articles/copy/" + f)
        }
        let text = try String(contentsOfFile: repo.root + "/" + hq, encoding: .utf8)
        try text.replacingOccurrences(of: "| hq_location = [[Busan]]", with: "| hq_location = [[Daegu]]").write(toFile: repo.root + "/articles/copy/02_rev2023.wiki", atomically: true, encoding: .utf8)
        try repo.run("add", "-A")
        try repo.run("commit", "-q", "-m", "add")
        // main moves on after the branch left it: its commits are not the branch's edit.
        try repo.run("checkout", "-q", "main")
        try repo.edit(typo, "SenseTiime", "SenseTime")
        try repo.run("commit", "-q", "-am", "fix on main")
        try repo.run("checkout", "-q", "add")
        let g = try repo.gate(["--base", "main"])
        #expect(g.status == 1)
        #expect(paths(g.introduced).allSatisfy { $0.hasPrefix("articles/copy/") })
        #expect(!rules(g.resolved).contains("introduced-typo"))
    }

    @Test func anExistingConflictThatStandsIsNeitherIntroducedNorResolved() throws {
        // The seeds' summary already puts the headquarters in Shanghai against Hong Kong in the
        // revisions; moving one revision's headquarters opens a new disagreement but leaves
        // that conflict standing.
        let repo = try GitGateRepo()
        try repo.edit(typo, "| hq_location = [[Hong Kong Science Park|Science Park]], [[Hong Kong]]", "| hq_location = [[Shenzhen]]")
        let g = try repo.gate(["--base", "main"])
        #expect(g.status == 1)
        #expect(g.resolved.isEmpty, "\(g.resolved.compactMap { $0["message"]?.stringValue })")
        let messages = g.introduced.compactMap { $0["message"]?.stringValue }
        #expect(messages.contains { $0.contains("Shenzhen vs Hong Kong") })
        #expect(!messages.contains { $0.contains("Shanghai") })
        #expect(!messages.contains { $0.contains("()") })
    }

    @Test func unchangedArticlesAreNeverRead() throws {
        // An unreadable file in an article the edit does not touch cannot stop the gate.
        let repo = try GitGateRepo()
        try Data([0, 1, 2, 0xFF, 0, 0]).write(to: URL(fileURLWithPath: repo.root + "/articles/seeds/blob.bin"))
        try repo.run("add", "-A")
        try repo.run("commit", "-q", "-m", "binary")
        #expect(repo.cli(["check", "articles/seeds"]).status == 2)
        try repo.edit(hq, "| hq_location = [[Busan]]", "| hq_location = [[Daegu]]")
        let g = try repo.gate(["--base", "main"])
        #expect(g.status == 1, "\(g.err)")
    }

    @Test func errorsAreOneLineWithExitTwo() throws {
        let repo = try GitGateRepo()
        let bad = repo.cli(["gate", "--base", "no-such-branch"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("no-such-branch"))
        #expect(bad.err.split(separator: "\n").count == 1)
        #expect(repo.cli(["gate", "--base", "main", "--staged"]).status == 2)
        let outside = NSTemporaryDirectory() + "crosscheck-nogit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        var ctx = CommandContext(environment: ["GIT_CEILING_DIRECTORIES": NSTemporaryDirectory()], workingDirectory: outside)
        #expect(CrossCheckCLI.run(["gate", "--staged"], context: &ctx) == 2)
        #expect(ctx.err.split(separator: "\n").count == 1)
    }
}
