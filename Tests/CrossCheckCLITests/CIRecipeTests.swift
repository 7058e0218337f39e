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
    @Test func workflowIsStructurallyValidYAMLWithTheRequiredSteps() throws {
        let text = try String(contentsOfFile: packageRoot + "/examples/github-actions/crosscheck.yml", encoding: .utf8)
        let keys = try ciRecipeYAMLKeys(text)
        for k in ["name", "on", "on.pull_request", "permissions.security-events", "jobs", "jobs.crosscheck", "jobs.crosscheck.runs-on", "jobs.crosscheck.steps", "jobs.crosscheck.steps.uses", "jobs.crosscheck.steps.run", "jobs.crosscheck.steps.with.sarif_file"] {
            #expect(keys.contains(k), "missing \(k)")
        }
        for line in [
            "uses: actions/checkout@v4", "uses: swift-actions/setup-swift@v2", "run: swift build -c release --product crosscheck",
            "uses: github/codeql-action/upload-sarif@v3", "sarif_file: crosscheck.sarif", "security-events: write",
        ] {
            #expect(text.contains(line), "missing line \(line)")
        }
        #expect(text.contains("\"$bin\" gate \"$old\" \"$file\" --context \"$VARIANTS\" --format github"))
        #expect(text.contains("--format sarif --output crosscheck.sarif"))
        // The check invocation's options are ones crosscheck accepts, in a valid pairing.
        let args = ["seeds", "--baseline", "b.json", "--format", "github", "--format", "sarif", "--output", "crosscheck.sarif", "--format", "markdown", "--output", "crosscheck.md"]
        let options = try ReportOptions.parse(try ParsedArguments.parse(args, spec: CheckCommand.spec, command: "check"), command: "check")
        #expect(options.targets == [ReportTarget(format: .github), ReportTarget(format: .sarif, path: "crosscheck.sarif"), ReportTarget(format: .markdown, path: "crosscheck.md")])
        let gate = ["old", "new", "--context", "seeds", "--format", "github"]
        #expect(try ParsedArguments.parse(gate, spec: GateCommand.spec, command: "gate").values("--context") == ["seeds"])
    }

    @Test(.enabled(if: ciRecipeBash() != nil, "needs bash"))
    func scriptsAndWorkflowStepsAreValidBash() throws {
        let bash = try #require(ciRecipeBash())
        for script in [".ci/run", "examples/pre-commit"] {
            let r = try ciRecipeRun(bash, ["-n", script], cwd: packageRoot, env: [:])
            #expect(r.status == 0, "\(script): \(r.err)")
        }
        // Every `run: |` block of the workflow, dedented, parses as bash.
        let text = try String(contentsOfFile: packageRoot + "/examples/github-actions/crosscheck.yml", encoding: .utf8)
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
        #expect(blocks.count == 2)
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

    @Test(.enabled(if: ciRecipeBash() != nil, "needs bash"))
    func preCommitHookChecksTheSeeds() throws {
        let bash = try #require(ciRecipeBash())
        let binary = try #require(ciRecipeBinary(), "build crosscheck first (swift build)")
        let expected = runCLI(["check", "seeds"])
        let r = try ciRecipeRun(bash, ["examples/pre-commit"], cwd: packageRoot, env: ["CROSSCHECK": binary, "CROSSCHECK_ALL": "1"])
        #expect(r.status == expected.status)
        #expect(r.out == expected.out)
        #expect(r.err.contains("in 5 variants"))
        // --fail-on never always lets the commit through; a missing folder cannot be checked.
        let never = try ciRecipeRun(bash, ["examples/pre-commit"], cwd: packageRoot, env: ["CROSSCHECK": binary, "CROSSCHECK_ALL": "1", "CROSSCHECK_FAIL_ON": "never"])
        #expect(never.status == 0)
        let missing = try ciRecipeRun(bash, ["examples/pre-commit"], cwd: packageRoot, env: ["CROSSCHECK": binary, "CROSSCHECK_ALL": "1", "CROSSCHECK_PATHS": "no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("could not check"))
    }

    @Test(.enabled(if: ciRecipeBash() != nil && ciRecipeGit() != nil, "needs bash and git"))
    func preCommitHookChecksTheStagedSnapshot() throws {
        let bash = try #require(ciRecipeBash())
        let git = try #require(ciRecipeGit())
        let binary = try #require(ciRecipeBinary(), "build crosscheck first (swift build)")
        let repo = NSTemporaryDirectory() + "crosscheck-hook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.copyItem(atPath: packageRoot + "/seeds", toPath: repo + "/seeds")
        let hook = packageRoot + "/examples/pre-commit"
        let env = ["CROSSCHECK": binary, "GIT_CONFIG_NOSYSTEM": "1", "HOME": repo]
        #expect(try ciRecipeRun(git, ["init", "-q", "."], cwd: repo, env: env).status == 0)
        // Nothing staged: nothing to check.
        let idle = try ciRecipeRun(bash, [hook], cwd: repo, env: env)
        #expect(idle.status == 0)
        #expect(idle.out.isEmpty)
        #expect(try ciRecipeRun(git, ["add", "seeds"], cwd: repo, env: env).status == 0)
        // A working-tree change that is not staged must not be what gets checked.
        try "not staged\n".write(toFile: repo + "/seeds/zzz_unstaged.txt", atomically: true, encoding: .utf8)
        let r = try ciRecipeRun(bash, [hook], cwd: repo, env: env)
        #expect(r.status == runCLI(["check", "seeds"]).status)
        #expect(r.out.contains("(5 variants)"))
        #expect(!r.out.contains("zzz_unstaged"))
        #expect(r.out.contains("  0. seeds/002_73259c55204946b0.txt"))
    }
}
