import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

@Suite struct CLIBasicsTests {
    @Test func helpAndVersionExitZeroOnStdout() {
        let h = runCLI(["--help"])
        #expect(h.status == 0)
        #expect(h.out.contains("check"))
        #expect(h.err.isEmpty)
        let v = runCLI(["--version"])
        #expect(v.status == 0)
        #expect(v.out == "crosscheck \(CrossCheckCLI.version)\n")
        for command in CrossCheckCLI.commands {
            let r = runCLI([command.name, "--help"])
            #expect(r.status == 0, "\(command.name) --help")
            #expect(r.out.contains("Usage: crosscheck \(command.name)"))
        }
    }

    @Test func usageErrorsExitTwoWithOneLine() {
        for args in [["nope"], ["parse"], ["parse", "--bogus", "x"], ["parse", "a", "--format", "yaml"], []] {
            let r = runCLI(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.out.isEmpty)
            #expect(!r.err.isEmpty)
            #expect(!r.err.hasPrefix("crosscheck: crosscheck"), "one prefix: \(r.err)")
            #expect(r.err.filter { $0 == "\n" }.count == 1, "one line: \(r.err)")
        }
    }

    @Test func badFilesExitTwoNamingTheFile() {
        let r = runCLI(["parse", "/nonexistent/file.txt"])
        #expect(r.status == 2)
        #expect(r.err == "crosscheck: /nonexistent/file.txt: cannot read file: no such file\n")
        let d = runCLI(["parse", packageRoot + "/seeds"])
        #expect(d.status == 2)
        #expect(d.err.contains("is a directory"))
    }
}

@Suite struct ManifestTests {
    @Test func seedManifestLoads() throws {
        let m = try Manifest.load(path: seedPath("crosscheck.json"))
        #expect(m.subject == "SenseTime")
        #expect(m.variants.count == 5)
        #expect(m.failOn == .error)
        #expect(m.variants.first?.date == PartialDate(year: 2019, month: 11))
    }

    @Test func seedSetIsOrderedOldestToNewest() throws {
        let set = try VariantSet.load(paths: [packageRoot + "/seeds"])
        #expect(set.variants.map(\.id) == [
            "002_73259c55204946b0", "004_dae551df292514b4", "003_7ef685683aa46a24", "001_e3333450b7a6811b", "000_1c75f7c1b93db0bb",
        ])
        #expect(set.newestRevision?.id == "000_1c75f7c1b93db0bb")
    }
}
