import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Output files are all or nothing, write errors say what happened, `-` is stdout, and the
/// process survives a full disk or a reader that stops early (issue 11).
///
/// Tests run as any user (often root, which ignores permissions), so failures are made with a
/// regular file where a folder should be, not with chmod.
@Suite struct OutputWriteTests {
    func tempDir(_ name: String) throws -> String { try checkTestTempDir(name) }

    /// A process id that is not running (a child that has exited and been reaped).
    func deadPID() throws -> pid_t {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func oneCharacterNamesAndDash() throws {
        let dir = try tempDir("onechar")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var ctx = CommandContext(environment: [:], stdoutIsTerminal: false, workingDirectory: dir)
        let seeds = packageRoot + "/seeds"
        #expect(CrossCheckCLI.run(["check", seeds, "--format", "json", "--output", "x", "--write-baseline", "y", "--fail-on", "never"], context: &ctx) == 0)
        #expect(ctx.out.isEmpty)
        #expect(try JSONValue.parse(String(contentsOfFile: dir + "/x", encoding: .utf8))["findings"] != nil)
        #expect(try JSONValue.parse(String(contentsOfFile: dir + "/y", encoding: .utf8))["fingerprints"] != nil)
        // `-` is standard output, for --output and --write-baseline.
        let dash = runCLI(["check", "seeds", "--format", "json", "--output", "-", "--fail-on", "never"])
        #expect(dash.status == 0 && (try? JSONValue.parse(dash.out))?["findings"] != nil)
        let plain = runCLI(["check", "seeds", "--output", "-", "--fail-on", "never"])
        #expect(plain.status == 0 && plain.out.hasPrefix("crosscheck: SenseTime"))
        let baseline = runCLI(["check", "seeds", "--write-baseline", "-", "--output", dir + "/r.md"])
        #expect(baseline.status == 0 && (try? JSONValue.parse(baseline.out))?["fingerprints"] != nil)
        // Two things on stdout is a usage error.
        let both = runCLI(["check", "seeds", "--write-baseline", "-"])
        #expect(both.status == 2 && both.out.isEmpty && both.err.hasPrefix("crosscheck check: "))
        let two = runCLI(["check", "seeds", "--format", "json", "--output", "-", "--format", "text"])
        #expect(two.status == 2 && two.out.isEmpty)
    }

    @Test func allOrNothing() throws {
        let dir = try tempDir("atomic")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "not a folder".write(toFile: dir + "/file", atomically: false, encoding: .utf8)
        try "old report".write(toFile: dir + "/kept.md", atomically: false, encoding: .utf8)
        // The second output fails: the first is not written (nor replaced), nothing goes to stdout,
        // no baseline is written, and the error is one line naming the file and the reason.
        let r = runCLI([
            "check", "seeds", "--format", "text", "--format", "markdown", "--output", dir + "/kept.md",
            "--format", "json", "--output", dir + "/file/r.json", "--write-baseline", dir + "/b.json",
        ])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == "crosscheck: cannot write \(dir)/file/r.json: \(dir)/file is not a folder\n")
        #expect(try String(contentsOfFile: dir + "/kept.md", encoding: .utf8) == "old report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["file", "kept.md"])
        // A folder as the output: refused, named.
        let folder = runCLI(["check", "seeds", "--format", "json", "--output", dir])
        #expect(folder.status == 2 && folder.err == "crosscheck: cannot write \(dir): is a folder\n")
    }

    @Test func staleTemporariesAreRemovedAndLiveOnesKept() throws {
        let dir = try tempDir("stale")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stale = dir + "/.r.md.tmp-\(try deadPID())"
        let live = dir + "/.r.md.tmp-1"  // pid 1 always runs: another run's file in progress
        try "partial".write(toFile: stale, atomically: false, encoding: .utf8)
        try "partial".write(toFile: live, atomically: false, encoding: .utf8)
        let r = runCLI(["check", "seeds", "--output", dir + "/r.md", "--fail-on", "never"])
        #expect(r.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".r.md.tmp-1", "r.md"])
    }

    @Test func symbolicLinksAreWrittenThrough() throws {
        let dir = try tempDir("links")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.md", withDestinationPath: "sub/target.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: dir + "/real.json")
        try "old".write(toFile: dir + "/real.json", atomically: false, encoding: .utf8)
        let r = runCLI(["check", "seeds", "--output", dir + "/dangling.md", "--output", dir + "/link.json", "--fail-on", "never"])
        #expect(r.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/dangling.md") == "sub/target.md")
        #expect(try String(contentsOfFile: dir + "/sub/target.md", encoding: .utf8).hasPrefix("# crosscheck report"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == dir + "/real.json")
        #expect(try JSONValue.parse(String(contentsOfFile: dir + "/real.json", encoding: .utf8))["findings"] != nil)
    }

    @Test func pathHelpersTakeAnyName() {
        #expect(OutputFiles.folder(of: "x") == "")
        #expect(OutputFiles.folder(of: "/x") == "/")
        #expect(OutputFiles.folder(of: "a/b/c.md") == "a/b")
        #expect(OutputFiles.name(of: "a/b/c.md") == "c.md")
        #expect(OutputFiles.name(of: "-") == "-")
        #expect(SystemError.describe(ENOSPC) == "no space left on device")
        #expect(SystemError.describe(EACCES) == "permission denied")
    }

    @Test func fullDiskAndClosedPipe() throws {
        signal(SIGPIPE, SIG_IGN)
        // stderr captured through a pipe.
        var errPipe: [Int32] = [0, 0]
        #expect(pipe(&errPipe) == 0)
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        let status = StandardStreams.finish(status: 1, out: "report\n", err: "summary\n", stdout: full, stderr: errPipe[1])
        close(full); close(errPipe[1])
        let err = String(decoding: FileHandle(fileDescriptor: errPipe[0], closeOnDealloc: true).readDataToEndOfFile(), as: UTF8.self)
        #expect(status == 2)
        #expect(err == "summary\ncrosscheck: cannot write the report to standard output: no space left on device\n")
        // A reader that went away: the run ends quietly with its own status.
        var outPipe: [Int32] = [0, 0], errPipe2: [Int32] = [0, 0]
        #expect(pipe(&outPipe) == 0 && pipe(&errPipe2) == 0)
        close(outPipe[0])
        let quiet = StandardStreams.finish(status: 1, out: String(repeating: "x", count: 200_000), err: "summary\n", stdout: outPipe[1], stderr: errPipe2[1])
        close(outPipe[1]); close(errPipe2[1])
        let err2 = String(decoding: FileHandle(fileDescriptor: errPipe2[0], closeOnDealloc: true).readDataToEndOfFile(), as: UTF8.self)
        #expect(quiet == 1)
        #expect(err2 == "summary\n")
    }

    /// The built binary: `> /dev/full` and `| head -c 10` (run through sh).
    @Test func binaryOnFullDiskAndClosedPipe() throws {
        guard let exe = ciRecipeBinary(), let sh = ciRecipeBash() else { return }
        let full = try ciRecipeRun(sh, ["-c", "'\(exe)' check seeds > /dev/full"], cwd: packageRoot, env: [:])
        #expect(full.status == 2)
        #expect(full.err.hasSuffix("crosscheck: cannot write the report to standard output: no space left on device\n"))
        let head = try ciRecipeRun(sh, ["-c", "'\(exe)' check seeds --format json | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\""], cwd: packageRoot, env: [:])
        #expect(head.out == "1\n")
        #expect(!head.err.contains("crosscheck:"))
    }
}
