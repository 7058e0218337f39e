import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// The built `crosscheck` binary next to the test bundle, or under `.build/debug`.
func ciRecipeBinary() -> String? {
    var candidates: [String] = []
    if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("crosscheck").path) }
    for bundle in Bundle.allBundles {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("crosscheck").path)
    }
    candidates.append(packageRoot + "/.build/debug/crosscheck")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// bash, if installed.
func ciRecipeBash() -> String? {
    ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// git, if installed.
func ciRecipeGit() -> String? {
    ["/usr/bin/git", "/bin/git", "/usr/local/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program and returns its status and output.
func ciRecipeRun(_ exe: String, _ args: [String], cwd: String, env: [String: String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    environment["GITHUB_STEP_SUMMARY"] = nil
    p.environment = environment
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// A small structural YAML check: no tabs, even indentation, every line a `key:`, `key: value`,
/// `- item` or part of a block scalar, flow brackets and quotes balanced. Returns the dotted key
/// paths it saw (list items add no component).
func ciRecipeYAMLKeys(_ text: String) throws -> Set<String> {
    struct Bad: Error, CustomStringConvertible { var description: String }
    var keys = Set<String>()
    var stack: [(indent: Int, key: String)] = []
    var blockIndent: Int? = nil  // inside `key: |` until a line at or below this indent
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(raw)
        if line.contains("\t") { throw Bad(description: "line \(n + 1): tab") }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let indent = line.prefix { $0 == " " }.count
        if let b = blockIndent {
            if trimmed.isEmpty || indent > b { continue }
            blockIndent = nil
        }
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        if indent % 2 != 0 { throw Bad(description: "line \(n + 1): odd indentation") }
        var body = trimmed
        var itemIndent = indent
        if body.hasPrefix("- ") {
            body = String(body.dropFirst(2))
            itemIndent = indent + 2
        } else if body == "-" {
            continue
        }
        for (open, close) in [("[", "]"), ("{", "}")] where body.components(separatedBy: open).count != body.components(separatedBy: close).count {
            throw Bad(description: "line \(n + 1): unbalanced \(open)\(close)")
        }
        if body.filter({ $0 == "\"" }).count % 2 != 0 { throw Bad(description: "line \(n + 1): unbalanced quotes") }
        guard let colon = body.range(of: ": ") ?? (body.hasSuffix(":") ? body.range(of: ":", options: .backwards) : nil) else {
            if itemIndent != indent { continue }  // a scalar list item
            throw Bad(description: "line \(n + 1): neither a key nor a list item: \(trimmed)")
        }
        let key = String(body[..<colon.lowerBound])
        let value = body[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        if key.isEmpty || key.contains(" ") && !key.hasPrefix("\"") { throw Bad(description: "line \(n + 1): bad key '\(key)'") }
        while let last = stack.last, last.indent >= itemIndent { stack.removeLast() }
        stack.append((itemIndent, key))
        keys.insert(stack.map(\.key).joined(separator: "."))
        if value == "|" || value == ">" || value == "|-" || value == ">-" { blockIndent = itemIndent }
    }
    return keys
}

@Suite struct CIRecipeTests {
    /// `run: |` blocks of a workflow or action file, dedented.
    func runBlocks(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            guard line.trimmingCharacters(in: .whitespaces).hasSuffix("run: |") else { continue }
            let indent = line.prefix { $0 == " " }.count
            var body: [String] = []
            while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty || lines[i].prefix(while: { $0 == " " }).count > indent {
                body.append(String(lines[i].dropFirst(min(indent + 2, lines[i].prefix { $0 == " " }.count))))
                i += 1
            }
            blocks.append(body.joined(separator: "\n"))
        }
        return blocks
    }

    @Test func actionAndWorkflowAreStructurallyValidYAML() throws {
        let action = try String(contentsOfFile: packageRoot + "/action.yml", encoding: .utf8)
        let keys = try ciRecipeYAMLKeys(action)
        for k in ["name", "description", "inputs", "inputs.paths", "inputs.base", "inputs.fail-on", "inputs.baseline", "runs", "runs.using", "runs.steps", "runs.steps.uses", "runs.steps.run", "runs.steps.env.CROSSCHECK_BASE"] {
            #expect(keys.contains(k), "action.yml: missing \(k)")
        }
        for line in ["using: composite", "uses: actions/cache@v4", "uses: swift-actions/setup-swift@v2", "run: '\"$GITHUB_ACTION_PATH/scripts/install.sh\" \"$HOME/.crosscheck/bin\"'", "run: '\"$GITHUB_ACTION_PATH/scripts/github-action.sh\"'", "default: ${{ github.event.pull_request.base.sha }}"] {
            #expect(action.contains(line), "action.yml: missing line \(line)")
        }
        let workflow = try String(contentsOfFile: packageRoot + "/examples/github-actions/crosscheck.yml", encoding: .utf8)
        let wkeys = try ciRecipeYAMLKeys(workflow)
        for k in ["name", "on", "on.pull_request", "on.push", "jobs.crosscheck.runs-on", "jobs.crosscheck.steps.uses", "jobs.crosscheck.steps.with.fetch-depth"] {
            #expect(wkeys.contains(k), "workflow: missing \(k)")
        }
        #expect(workflow.contains("uses: OWNER/crosscheck@main"))
        // The commands the action's script runs parse as crosscheck reads them.
        let script = try String(contentsOfFile: packageRoot + "/scripts/github-action.sh", encoding: .utf8)
        #expect(script.contains("exec \"$crosscheck\" gate --base \"$base\" \"${common[@]}\" -- ${paths[@]+\"${paths[@]}\"}"))
        #expect(script.contains("exec \"$crosscheck\" check \"${common[@]}\" -- ${paths[@]+\"${paths[@]}\"}"))
        let gate = try ParsedArguments.parse(["--base", "abc", "--format", "github", "--fail-on", "warning", "--", "articles"], spec: GateCommand.spec, command: "gate")
        #expect(gate.value("--base") == "abc")
        #expect(gate.positionals == ["articles"])
        let check = try ParsedArguments.parse(["--format", "github", "--format", "sarif", "--output", "x.sarif", "--baseline", "b.json", "--", "."], spec: CheckCommand.spec, command: "check")
        let options = try ReportOptions.parse(check, command: "check")
        #expect(options.targets == [ReportTarget(format: .github), ReportTarget(format: .sarif, path: "x.sarif")])
        #expect(check.positionals == ["."])
    }

    @Test(.enabled(if: ciRecipeBash() != nil, "needs bash"))
    func scriptsAndActionStepsAreValidBash() throws {
        let bash = try #require(ciRecipeBash())
        for script in [".ci/run", "examples/pre-commit", "scripts/e2e-gate.sh", "scripts/github-action.sh", "scripts/install.sh", "scripts/make-article-repo.sh"] {
            let r = try ciRecipeRun(bash, ["-n", script], cwd: packageRoot, env: [:])
            #expect(r.status == 0, "\(script): \(r.err)")
        }
        let action = try String(contentsOfFile: packageRoot + "/action.yml", encoding: .utf8)
        let blocks = runBlocks(action)
        #expect(blocks.count == 1)
        for (n, block) in blocks.enumerated() {
            let file = NSTemporaryDirectory() + "crosscheck-step-\(UUID().uuidString).sh"
            try block.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let r = try ciRecipeRun(bash, ["-n", file], cwd: packageRoot, env: [:])
            #expect(r.status == 0, "step \(n): \(r.err)")
            #expect(!block.contains("${{"), "expressions belong in env:, not in scripts")
        }
    }

    @Test func yamlCheckerRejectsBrokenFiles() {
        #expect(throws: (any Error).self) { _ = try ciRecipeYAMLKeys("jobs:\n\tbuild: x\n") }
        #expect(throws: (any Error).self) { _ = try ciRecipeYAMLKeys("jobs:\n   build: x\n") }
        #expect(throws: (any Error).self) { _ = try ciRecipeYAMLKeys("jobs:\n  just words here\n") }
        #expect(throws: (any Error).self) { _ = try ciRecipeYAMLKeys("on:\n  branches: [main\n") }
        #expect((try? ciRecipeYAMLKeys("a:\n  b: |\n    free text: here\n  c: d\n")) == ["a", "a.b", "a.c"])
    }

    @Test func docsShowTheCommandThatCIRuns() throws {
        let run = try String(contentsOfFile: packageRoot + "/.ci/run", encoding: .utf8)
        let docs = try String(contentsOfFile: packageRoot + "/docs/ci.md", encoding: .utf8)
        let line = try #require(run.split(separator: "\n").first { $0.hasPrefix("regenerate=\"") })
        let command = String(line.dropFirst("regenerate=\"".count).dropLast())
        #expect(command.hasPrefix("swift run crosscheck check seeds "))
        #expect(docs.contains(command))
        #expect(run.contains("swift test"))
        // The command parses and writes both committed reports.
        let args = command.split(separator: " ").dropFirst(4).map(String.init)
        let options = try ReportOptions.parse(try ParsedArguments.parse(args, spec: CheckCommand.spec, command: "check"), command: "check")
        #expect(options.targets == [ReportTarget(format: .markdown, path: "reports/seeds.md"), ReportTarget(format: .json, path: "reports/seeds.json")])
        #expect(options.failOn == .never)
        for status in ["| `0` |", "| `1` |", "| `2` |"] { #expect(docs.contains(status)) }
    }

    @Test(.enabled(if: ciRecipeBash() != nil && ciRecipeGit() != nil, "needs bash and git"))
    func preCommitHookGatesTheStagedEdit() throws {
        let bash = try #require(ciRecipeBash())
        let git = try #require(ciRecipeGit())
        let binary = try #require(ciRecipeBinary(), "build crosscheck first (swift build)")
        let repo = NSTemporaryDirectory() + "crosscheck-hook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.copyItem(atPath: packageRoot + "/seeds", toPath: repo + "/seeds")
        let hook = packageRoot + "/examples/pre-commit"
        let env = ["CROSSCHECK": binary, "GIT_CONFIG_NOSYSTEM": "1", "HOME": repo, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"]
        #expect(try ciRecipeRun(git, ["init", "-q", "."], cwd: repo, env: env).status == 0)
        // Nothing staged: nothing to gate.
        let idle = try ciRecipeRun(bash, [hook], cwd: repo, env: env)
        #expect(idle.status == 0, "\(idle.err)")
        // The first commit adds the article with its existing conflicts: every finding is new.
        #expect(try ciRecipeRun(git, ["add", "seeds"], cwd: repo, env: env).status == 0)
        let first = try ciRecipeRun(bash, [hook], cwd: repo, env: env)
        #expect(first.status == 1)
        #expect(first.err.contains("commit refused"))
        #expect(try ciRecipeRun(git, ["commit", "-q", "-m", "seeds"], cwd: repo, env: env).status == 0)
        // A staged typo fix passes although the article still holds conflicts; an unstaged
        // change is not what gets gated.
        let file = repo + "/seeds/001_e3333450b7a6811b.txt"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "SenseTiime", with: "SenseTime").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try ciRecipeRun(git, ["add", "seeds"], cwd: repo, env: env).status == 0)
        try "not staged\n".write(toFile: repo + "/seeds/zzz_unstaged.txt", atomically: true, encoding: .utf8)
        let fix = try ciRecipeRun(bash, [hook], cwd: repo, env: env)
        #expect(fix.status == 0, "\(fix.out)\(fix.err)")
        #expect(fix.out.contains("seeds/001_e3333450b7a6811b.txt"))
        #expect(!fix.out.contains("zzz_unstaged"))
    }
}
