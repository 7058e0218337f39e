import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

/// Every registered report format, so that a new one cannot miss its golden files.
let registeredFormats: [ReportFormat] = ReportRegistry.all.compactMap { ReportFormat(rawValue: $0.name) }

@Suite struct ReportGoldenTests {
    @Test func registryNamesAreUniqueAndDescribed() {
        let names = ReportRegistry.all.map { $0.name }
        #expect(Set(names).count == names.count)
        #expect(registeredFormats.count == names.count)
        for r in ReportRegistry.all {
            #expect(!r.summary.isEmpty, "\(r.name) has no summary")
            for ext in r.fileExtensions { #expect(ReportFormat.guess(path: "x." + ext)?.rawValue == r.name) }
        }
    }

    @Test(arguments: registeredFormats)
    func canonicalReport(_ format: ReportFormat) throws {
        try expectGolden("report-canonical.\(format.rawValue)", ReportFixture.render(ReportFixture.report, format))
    }

    @Test(arguments: registeredFormats)
    func canonicalGateReport(_ format: ReportFormat) throws {
        try expectGolden("report-gate.\(format.rawValue)", ReportFixture.render(ReportFixture.gateReport, format))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReport.render(ReportFixture.report, color: false)
        let coloured = TextReport.render(ReportFixture.report, color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}[1;31m", with: "").count < coloured.count)
    }

    @Test func rendersAreByteIdenticalOnRerun() {
        for format in registeredFormats {
            #expect(ReportFixture.report.render(format) == ReportFixture.report.render(format), "\(format)")
        }
    }
}

@Suite struct ReportSARIFRegistryTests {
    @Test func everyRegisteredRuleIsDescribed() throws {
        let sarif = try JSONValue.parse(ReportFixture.report.render(.sarif))
        let rules = sarif["runs"]?.arrayValue?.first?["tool"]?["driver"]?["rules"]?.arrayValue ?? []
        let ids = Set(rules.compactMap { $0["id"]?.stringValue })
        for rule in RuleRegistry.all { #expect(ids.contains(rule.description.id)) }
    }
}

@Suite struct ReportJSONTests {
    @Test func jsonHasTheSpecShape() throws {
        let json = try JSONValue.parse(ReportFixture.report.render(.json))
        #expect(json["tool"]?["name"]?.stringValue == "crosscheck")
        #expect(json["tool"]?["version"]?.stringValue == ToolInfo.version)
        #expect(json["subject"]?.stringValue == "Acme")
        let variants = try #require(json["variants"]?.arrayValue)
        #expect(variants.count == 3)
        for (i, v) in variants.enumerated() {
            for key in ["id", "path", "format", "role"] { #expect(v[key]?.stringValue != nil, "variant \(key)") }
            #expect(v["order"]?.intValue == i)
            #expect(v["date"] != nil)
        }
        #expect(variants.first?["path"]?.stringValue == "variants/002_old.txt")
        let findings = try #require(json["findings"]?.arrayValue)
        #expect(findings.count == ReportFixture.findings.count)
        for f in findings {
            for key in ["rule", "severity", "message", "fingerprint", "kind"] { #expect(f[key]?.stringValue != nil, "finding \(key)") }
            #expect(["error", "warning", "info"].contains(f["severity"]?.stringValue ?? ""))
            #expect(f["baselined"]?.boolValue != nil)
            let evidence = try #require(f["evidence"]?.arrayValue)
            #expect(!evidence.isEmpty)
            for e in evidence {
                #expect(e["variant"]?.stringValue != nil)
                #expect((e["line"]?.intValue ?? 0) >= 1)
                #expect(e["section"]?.stringValue != nil)
                #expect(e["text"]?.stringValue != nil)
                #expect(e["value"] != nil)
            }
        }
        // Report order: errors first.
        #expect(findings.first?["severity"]?.stringValue == "error")
        #expect(findings.last?["severity"]?.stringValue == "info")
        let hq = try #require(findings.first { $0["rule"]?.stringValue == "headquarters-conflict" })
        #expect(hq["likelyWrong"]?.stringValue == "003_summary")
        #expect(hq["values"]?.arrayValue?.count == 2)
        let summary = try #require(json["summary"])
        #expect(summary["error"]?.intValue == 2)
        #expect(summary["warning"]?.intValue == 1)
        #expect(summary["info"]?.intValue == 2)
        #expect(summary["baselined"]?.intValue == 1)
    }

    @Test func gateJSONHasIntroducedAndResolved() throws {
        let json = try JSONValue.parse(ReportFixture.gateReport.render(.json))
        #expect(json["findings"] == nil)
        #expect(json["introduced"]?.arrayValue?.count == 2)
        #expect(json["resolved"]?.arrayValue?.count == 1)
        #expect(json["resolved"]?.arrayValue?.first?["rule"]?.stringValue == "headquarters-conflict")
        #expect(json["summary"]?["resolved"]?.intValue == 1)
        #expect(json["gate"]?["new"]?.stringValue == "edits/002_old.txt")
    }
}

@Suite struct ReportSARIFTests {
    @Test func sarifHasTheRequired210Fields() throws {
        let sarif = try JSONValue.parse(ReportFixture.render(ReportFixture.report, .sarif))
        #expect(sarif["version"]?.stringValue == "2.1.0")
        #expect(sarif["$schema"]?.stringValue?.contains("sarif") == true)
        let runs = try #require(sarif["runs"]?.arrayValue)
        #expect(runs.count == 1)
        let driver = try #require(runs.first?["tool"]?["driver"])
        #expect(driver["name"]?.stringValue == "crosscheck")
        #expect(driver["version"]?.stringValue == ToolInfo.version)
        // informationUri is optional; the project has no public home to point at yet.
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"]?.arrayValue)
        let ruleIDs = rules.compactMap { $0["id"]?.stringValue }
        for r in rules {
            #expect(r["name"]?.stringValue != nil)
            #expect(r["shortDescription"]?["text"]?.stringValue != nil)
            #expect(r["fullDescription"]?["text"]?.stringValue != nil)
            #expect(r["help"]?["text"]?.stringValue != nil)
            #expect(["error", "warning", "note"].contains(r["defaultConfiguration"]?["level"]?.stringValue ?? ""))
        }
        let results = try #require(runs.first?["results"]?.arrayValue)
        #expect(results.count == ReportFixture.findings.count)
        // Registered rules keep their descriptions; unknown ones get a minimal descriptor.
        #expect(rules.first { $0["id"]?.stringValue == "headquarters-conflict" }?["shortDescription"]?["text"]?.stringValue == "Headquarters differ between variants")
        #expect(rules.first { $0["id"]?.stringValue == "date-format" }?["shortDescription"]?["text"]?.stringValue == "date-format")
        for r in results {
            let id = try #require(r["ruleId"]?.stringValue)
            #expect(ruleIDs.contains(id))
            let index = try #require(r["ruleIndex"]?.intValue)
            #expect(index >= 0 && index < ruleIDs.count && ruleIDs[index] == id)
            #expect(["error", "warning", "note"].contains(r["level"]?.stringValue ?? ""))
            #expect(r["message"]?["text"]?.stringValue?.isEmpty == false)
            let loc = try #require(r["locations"]?.arrayValue?.first?["physicalLocation"])
            let uri = try #require(loc["artifactLocation"]?["uri"]?.stringValue)
            #expect(!uri.hasPrefix("/") && uri.hasPrefix("variants/"))
            #expect((loc["region"]?["startLine"]?.intValue ?? 0) >= 1)
            #expect(r["partialFingerprints"]?[SARIFReport.fingerprintKey]?.stringValue?.count == 16)
            #expect(["new", "unchanged"].contains(r["baselineState"]?.stringValue ?? ""))
        }
        let hq = try #require(results.first { $0["ruleId"]?.stringValue == "headquarters-conflict" })
        #expect(hq["relatedLocations"]?.arrayValue?.count == 2)
        #expect(hq["level"]?.stringValue == "error")
        let merged = try #require(results.first { $0["ruleId"]?.stringValue == "merged-words" })
        #expect(merged["suppressions"]?.arrayValue?.first?["kind"]?.stringValue == "external")
        #expect(merged["baselineState"]?.stringValue == "unchanged")
        let change = try #require(results.first { $0["ruleId"]?.stringValue == "status-conflict" })
        #expect(change["level"]?.stringValue == "note")
        // The explaining sentence is a related location too.
        #expect(change["relatedLocations"]?.arrayValue?.count == 2)
    }
}

@Suite struct ReportGitHubTests {
    @Test func escapesDataAndProperties() {
        #expect(GitHubReport.escapeData("50% up\r\nnext: a,b") == "50%25 up%0D%0Anext: a,b")
        #expect(GitHubReport.escapeProperty("dir,x/a:b.txt 5%\n") == "dir%2Cx/a%3Ab.txt 5%25%0A")
    }

    @Test func annotationsAreWellFormed() {
        let out = GitHubReport.render(ReportFixture.report)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("::error file=variants/003_summary.md,line=5,title=crosscheck headquarters-conflict::") == true)
        for l in lines {
            #expect(l.hasPrefix("::error ") || l.hasPrefix("::warning ") || l.hasPrefix("::notice ") || l.hasPrefix("::notice::"), "\(l)")
        }
        // The evidence "a:b,c" sits in a message, where ':' and ',' need no escape; newlines do.
        #expect(out.contains("a:b,c"))
        #expect(!lines.contains { $0.contains("\r") })
        #expect(lines.contains { $0.contains("%0A") })
        // The baselined finding is a notice, never an error or warning.
        #expect(lines.contains { $0.hasPrefix("::notice ") && $0.contains("merged-words (baselined)") })
    }

    @Test func capsTenPerLevelAndCountsTheRest() {
        var findings: [Finding] = []
        for i in 0..<25 {
            findings.append(Finding(
                rule: "number-conflict", severity: .error, message: "conflict \(i)",
                evidence: [Evidence(variant: "a", path: "a.txt", line: i + 1, section: "", text: "t")], fingerprintParts: ["\(i)"]))
        }
        for i in 0..<3 {
            findings.append(Finding(
                rule: "merged-words", severity: .warning, message: "w \(i)",
                evidence: [Evidence(variant: "a", path: "a.txt", line: i + 1, section: "", text: "t")], fingerprintParts: ["w\(i)"]))
        }
        let report = Report(subject: nil, variants: [], findings: findings, paths: ReportPaths(workingDirectory: "/x"))
        let lines = GitHubReport.render(report).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 3)
        #expect(lines.last == "::notice::crosscheck: 15 more findings not annotated (15 errors); see the job summary or the full report")
        // Most severe first: errors come before warnings.
        let firstWarning = lines.firstIndex { $0.hasPrefix("::warning ") } ?? 0
        #expect(lines[..<firstWarning].allSatisfy { $0.hasPrefix("::error ") })
    }
}

@Suite struct ReportMarkdownTests {
    @Test func linksAreRelativeToTheReport() {
        let md = ReportFixture.report.render(.markdown)
        #expect(md.contains("[variants/003_summary.md:5](../variants/003_summary.md#L5)"))
        #expect(!md.contains("/work/acme"))
        var stdout = ReportFixture.report
        stdout.paths = ReportPaths(workingDirectory: ReportFixture.workingDirectory)
        #expect(stdout.render(.markdown).contains("[variants/003_summary.md:5](variants/003_summary.md#L5)"))
    }

    @Test func sectionsAndFolding() {
        let md = ReportFixture.report.render(.markdown)
        for heading in ["# crosscheck report: Acme", "## Variants", "## Summary", "## Findings", "## Changes between revisions", "## Alignment overview"] {
            #expect(md.contains("\n" + heading + "\n") || md.hasPrefix(heading + "\n"), "\(heading)")
        }
        // Side-by-side values, likely-wrong variant, explanation.
        #expect(md.contains("| Alpha City | Beta Town |\n|---|---|\n| `002_old`, `001_new` | `003_summary` |"))
        #expect(md.contains("**Likely wrong:** `003_summary` (model-written summary)"))
        #expect(md.contains("**Explained by:**"))
        // The six-evidence finding folds after four; info findings fold entirely.
        #expect(md.contains("<summary>2 more</summary>"))
        #expect(md.contains("<summary>2 info findings</summary>"))
        // Escaping: the pipe in a message cannot break a table, emphasis markers are literal.
        #expect(md.contains("$1.2 billion \\| 50%"))
        #expect(md.contains("\\*$1.2 billion\\*"))
        // Changes: a section added, a moved section, a key fact changed, with the explanation.
        #expect(md.contains("- History > 2021: listing"))
        #expect(md.contains("- Controversies → History > Controversies"))
        #expect(md.contains("- **type**: Private → Public — The company listed its shares in 2021, which explains the change.\n  - explained by `001_new`"))
        #expect(md.contains("Changes reported by rules:\n\n- Status changed from private (002_old) to public (001_new) — The company listed"))
        let details = md.components(separatedBy: "<details>").count - 1
        #expect(details == md.components(separatedBy: "</details>").count - 1)
    }

    @Test func quotesProseAndMarkupDifferently() {
        #expect(MarkdownReport.quote("It grew *fast* in 2021.") == "“It grew \\*fast\\* in 2021.”")
        #expect(MarkdownReport.quote("| hq = [[A|B]]") == "`| hq = [[A|B]]`")
        #expect(MarkdownReport.quote("use `x` and **y**") == "``use `x` and **y**``")
        #expect(MarkdownReport.quote("`a` <b>") == "`` `a` <b> ``")
        #expect(MarkdownReport.inline("a_b _c_ <x> [l](u) |") == "a_b \\_c\\_ \\<x> \\[l\\](u) \\|")
    }

    @Test func revisionChangesFindAddedRemovedMovedAndFacts() {
        let set = ReportFixture.set
        let c = RevisionChanges(old: set.variants[0].document, new: set.variants[2].document)
        #expect(c.added == ["History > 2021: listing", "Sanctions"])
        #expect(c.removed.isEmpty)
        #expect(c.moved.map(\.from) == ["Controversies"])
        #expect(c.facts.map(\.key) == ["type"])
    }
}

@Suite struct ReportBaselineTests {
    @Test func roundTrip() throws {
        let findings = ReportFixture.findings
        let baseline = Baseline(findings: findings)
        let text = baseline.serialized()
        let parsed = try Baseline.parse(text, path: "b.json")
        #expect(parsed == baseline)
        #expect(parsed.fingerprints == Set(findings.map(\.fingerprint)))
        // Sorted and stable.
        #expect(parsed.entries.map(\.fingerprint) == parsed.entries.map(\.fingerprint).sorted())
        #expect(Baseline(findings: findings.reversed()).serialized() == text)
        let applied = parsed.apply(to: findings)
        #expect(applied.allSatisfy { $0.baselined })
        let report = Report(subject: nil, variants: [], findings: applied, paths: ReportPaths(workingDirectory: "/x"))
        #expect(!report.fails(at: .info))
        #expect(report.summary.baselined == findings.count)
    }

    @Test func onlyMatchingFingerprintsAreBaselined() throws {
        let findings = ReportFixture.findings
        let partial = Baseline(findings: [findings[0]])
        let applied = partial.apply(to: findings.map { var f = $0; f.baselined = false; return f })
        #expect(applied.filter(\.baselined).map(\.fingerprint) == [findings[0].fingerprint])
        let report = Report(subject: nil, variants: [], findings: applied, paths: ReportPaths(workingDirectory: "/x"))
        #expect(report.fails(at: .error))  // the number conflict still fails
    }

    @Test func fingerprintsIgnoreLines() {
        let a = Finding(rule: "r", severity: .error, message: "m", evidence: [Evidence(variant: "v", path: "p", line: 3, section: "", text: "t")], fingerprintParts: ["x"])
        let b = Finding(rule: "r", severity: .error, message: "m", evidence: [Evidence(variant: "v", path: "p", line: 30, section: "", text: "t")], fingerprintParts: ["x"])
        #expect(a.fingerprint == b.fingerprint)
    }

    @Test func badBaselinesAreOneLineErrors() {
        #expect(throws: CrossCheckError.configuration(path: "b.json", reason: "not a crosscheck baseline (expected a \"fingerprints\" list)")) {
            _ = try Baseline.parse("{\"x\": 1}", path: "b.json")
        }
        #expect(throws: CrossCheckError.self) { _ = try Baseline.parse("{\"fingerprints\": [1]}", path: "b.json") }
        #expect(throws: CrossCheckError.self) { _ = try Baseline.parse("not json", path: "b.json") }
    }
}

@Suite struct ReportThresholdTests {
    @Test func failOnLevels() {
        let report = ReportFixture.report
        #expect(report.fails(at: .error))
        #expect(report.fails(at: .warning))
        #expect(report.fails(at: .info))
        #expect(!report.fails(at: .never))
        // Only the baselined warning and info findings: fails at warning? No, the warning is baselined.
        let onlyLow = Report(subject: nil, variants: [], findings: ReportFixture.findings.filter { $0.severity != .error }, paths: report.paths)
        #expect(!onlyLow.fails(at: .error))
        #expect(onlyLow.fails(at: .warning))  // the unsourced-figure warning
        #expect(report.summaryLine == "2 errors, 1 warning, 2 info in 3 variants (1 baselined)")
    }

    @Test func pathsAreRelativeAndStandardised() {
        #expect(ReportPaths.relative("/a/b/c.txt", from: "/a/d") == "../b/c.txt")
        #expect(ReportPaths.relative("/a/b", from: "/a/b") == ".")
        #expect(ReportPaths.standardise("x/./y/../z", base: "/w") == "/w/x/z")
        let p = ReportPaths(workingDirectory: "/w", reportFile: "out/r.md")
        #expect(p.display("/w/seeds/a.txt") == "seeds/a.txt")
        #expect(p.link("seeds/a.txt") == "../seeds/a.txt")
        #expect(p.display("/elsewhere/a.txt") == "../elsewhere/a.txt")
    }
}

@Suite struct ExplanationShownOnceTests {
    @Test func anExplanationTheMessageAlreadyGivesIsNotRepeated() {
        let e = Evidence(variant: "002_old", path: "variants/002_old.txt", line: 4, section: "", text: "type = Private", value: "private")
        let explained = Finding(
            rule: "status-conflict", severity: .info, kind: .change,
            message: "Status changed: private -> public; explained by the listing in 001", evidence: [e],
            explanation: "explained by the listing in 001", fingerprintParts: ["a"])
        let separate = Finding(
            rule: "status-conflict", severity: .info, kind: .change, message: "Status changed: private -> public", evidence: [e],
            explanation: "explained by the listing in 001", fingerprintParts: ["b"])
        #expect(explained.extraExplanation == nil)
        #expect(separate.extraExplanation == "explained by the listing in 001")
        for f in [explained, separate] {
            let report = Report(
                set: ReportFixture.set, run: RuleRun(findings: [f], warnings: []),
                paths: ReportPaths(workingDirectory: ReportFixture.workingDirectory))
            for text in [MarkdownReport.render(report), TextReport.render(report, color: false)] {
                // Markdown lists a change under Findings and under Changes; neither place says it twice.
                #expect(text.contains("explained by the listing in 001"))
                for line in text.split(separator: "\n") {
                    #expect(line.components(separatedBy: "explained by the listing in 001").count <= 2, "repeated in: \(line)")
                }
            }
        }
    }
}

@Suite struct SeedRevisionChangesTests {
    @Test func keyFactsAreTheDiffersFieldChangesWithTheirExplanation() throws {
        let r = runCLI(["check", packageRoot + "/seeds", "--format", "markdown", "--fail-on", "never"])
        #expect(r.status == 0)
        let facts = try #require(r.out.components(separatedBy: "Key facts changed").dropFirst().first?.components(separatedBy: "\n\n").dropFirst().first)
        #expect(facts.contains("**type**: Private → Public; partly state-owned — explained by the IPO"))
        // "A, B" in one revision and "A; B" in the next is the same founder list.
        #expect(!facts.contains("**founder**"))
    }
}

/// `ReportPaths.display` and `link` return a plain relative path as it is, without splitting and
/// joining it: the answer must be the one the full computation gives, for every shape of path.
@Suite struct ReportPathsShortcutTests {
    @Test(arguments: [
        "a.wiki", "dir/a.wiki", "deep/er/a.md", "./a.wiki", "dir/../a.wiki", "dir//a.wiki", "dir/", "..", "../a", "...",
        "a/.../b", ".hidden/x", "/abs/a.wiki", "/work/a.wiki", "", ".", "a/.", "a/..",
    ])
    func displayAndLinkMatchTheFullComputation(_ path: String) {
        for wd in ["/work", "/", "/work/sub/"] {
            let paths = ReportPaths(workingDirectory: wd)
            let full = ReportPaths.relative(ReportPaths.standardise(path, base: paths.workingDirectory), from: paths.workingDirectory)
            #expect(paths.display(path) == full, "display(\(path)) in \(wd)")
            #expect(paths.link(path) == full, "link(\(path)) in \(wd)")
        }
        let elsewhere = ReportPaths(workingDirectory: "/work", reportFile: "out/report.md")
        let full = ReportPaths.relative(ReportPaths.standardise(path, base: "/work"), from: "/work/out")
        #expect(elsewhere.link(path) == full)
    }
}
