import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

/// A one-variant set with two fused tokens on lines 1 and 3 (merged-words fires on both).
func engineFusedSet(suppressions: [Suppression] = []) throws -> VariantSet {
    let text = "The firm is a globaleader in kettles.\n\nIt was founded athe edge of town by a leader of the guild.\n"
    var set = try RuleExample(ExampleFile("fused.txt", format: .plaintext, text)).variantSet()
    set.variants[0].document.suppressions = suppressions
    return set
}

@Suite struct RuleEngineTests {
    @Test func defaultRunFindsBothAndSortsAndDeduplicates() throws {
        let run = try RuleEngine.run(engineFusedSet())
        let merged = run.findings.filter { $0.rule == "merged-words" }
        #expect(merged.count == 2)
        #expect(merged.map { $0.primary?.line ?? 0 } == [1, 3])
        #expect(Set(run.findings.map(\.fingerprint)).count == run.findings.count)
        #expect(run.warnings.isEmpty)
    }

    @Test func disableAndEnableOnly() throws {
        let set = try engineFusedSet()
        let off = try RuleEngine.run(set, configuration: RuleConfiguration(disabled: ["merged-words"]))
        #expect(!off.findings.contains { $0.rule == "merged-words" })
        let only = try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: ["duplicate-section"]))
        #expect(only.findings.isEmpty)
        let onlyMerged = try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: ["merged-words"]))
        #expect(onlyMerged.findings.count == 2)
        #expect(onlyMerged.findings.allSatisfy { $0.rule == "merged-words" })
        let settingOff = try RuleEngine.run(set, configuration: RuleConfiguration(settings: ["merged-words": RuleSetting(enabled: false)]))
        #expect(!settingOff.findings.contains { $0.rule == "merged-words" })
    }

    @Test func severityOverrideFromConfigAndManifest() throws {
        var set = try engineFusedSet()
        let run = try RuleEngine.run(set, configuration: RuleConfiguration(settings: ["merged-words": RuleSetting(severity: .error)]))
        #expect(!run.findings.isEmpty && run.findings.allSatisfy { $0.severity == .error })
        set.manifest = Manifest(path: "m/crosscheck.json", rules: ["merged-words": RuleSetting(severity: .info)])
        let fromManifest = try RuleEngine.run(set)
        #expect(!fromManifest.findings.isEmpty && fromManifest.findings.allSatisfy { $0.severity == .info })
        // The config file wins over the manifest.
        let both = try RuleEngine.run(set, configuration: RuleConfiguration(settings: ["merged-words": RuleSetting(severity: .error)]))
        #expect(both.findings.allSatisfy { $0.severity == .error })
        // The manifest can disable; --enable overrides that.
        set.manifest = Manifest(path: "m/crosscheck.json", rules: ["merged-words": RuleSetting(enabled: false)])
        #expect(try RuleEngine.run(set).findings.isEmpty)
        #expect(try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: ["merged-words"])).findings.count == 2)
    }

    @Test func unknownRuleIdIsAnErrorNamingIt() throws {
        var set = try engineFusedSet()
        for config in [
            RuleConfiguration(settings: ["no-such-rule": RuleSetting(enabled: false)]),
            RuleConfiguration(enableOnly: ["no-such-rule"]),
            RuleConfiguration(disabled: ["no-such-rule"]),
        ] {
            #expect(throws: CrossCheckError.self) { try RuleEngine.run(set, configuration: config) }
            do { _ = try RuleEngine.run(set, configuration: config) } catch {
                guard case let .unknownRule(id, _) = error else { Issue.record("not an unknown-rule error: \(error)"); continue }
                #expect(id == "no-such-rule")
                #expect(error.description.contains("unknown rule id 'no-such-rule'"))
            }
        }
        set.manifest = Manifest(path: "dir/crosscheck.json", rules: ["bogus-id": RuleSetting(enabled: true)])
        do { _ = try RuleEngine.run(set); Issue.record("expected an error") } catch {
            #expect(error.description.contains("bogus-id"))
            #expect(error.description.contains("dir/crosscheck.json"))
        }
    }

    @Test func suppressionDropsFindingOnCoveredLine() throws {
        let set = try engineFusedSet(suppressions: [Suppression(commentLine: 2, lines: 3...3, rules: ["merged-words"])])
        let run = try RuleEngine.run(set)
        let merged = run.findings.filter { $0.rule == "merged-words" }
        #expect(merged.count == 1)
        #expect(merged.first?.primary?.line == 1)
        #expect(run.warnings.isEmpty)
        // A whole-file suppression of every rule.
        let all = try RuleEngine.run(engineFusedSet(suppressions: [Suppression(commentLine: 1, lines: 1...3, rules: [])]))
        #expect(all.findings.isEmpty)
        #expect(all.warnings.isEmpty)
    }

    @Test func unusedSuppressionWarns() throws {
        let set = try engineFusedSet(suppressions: [
            Suppression(commentLine: 4, lines: 5...5, rules: ["merged-words"]),
            Suppression(commentLine: 2, lines: 3...3, rules: ["duplicate-section"]),
        ])
        let run = try RuleEngine.run(set)
        #expect(run.findings.filter { $0.rule == "merged-words" }.count == 2)
        #expect(run.warnings.contains("fused.txt:4: suppression of merged-words matched no finding"))
        #expect(run.warnings.contains("fused.txt:2: suppression of duplicate-section matched no finding"))
        // A suppression of a rule that did not run is not reported.
        let quiet = try RuleEngine.run(set, configuration: RuleConfiguration(disabled: ["merged-words", "duplicate-section"]))
        #expect(quiet.warnings.isEmpty)
    }

    @Test func unknownRuleInSuppressionWarns() throws {
        let set = try engineFusedSet(suppressions: [Suppression(commentLine: 2, lines: 3...3, rules: ["merged-words", "made-up"])])
        let run = try RuleEngine.run(set)
        #expect(run.warnings.contains { $0.contains("made-up") })
    }
}

@Suite struct RulesCommandTests {
    @Test func textListsEveryRule() {
        let r = runCLI(["rules"])
        #expect(r.status == 0)
        #expect(r.err.isEmpty)
        for rule in RuleRegistry.all {
            let d = rule.description
            #expect(r.out.contains(d.id))
            #expect(r.out.contains(d.summary))
        }
        #expect(r.out.split(separator: "\n").count == RuleRegistry.all.count)
    }

    @Test func jsonHasIdSeverityRationale() throws {
        let r = runCLI(["rules", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        let rules = try #require(json["rules"]?.arrayValue)
        #expect(rules.count == RuleRegistry.all.count)
        for item in rules {
            let id = try #require(item["id"]?.stringValue)
            let d = try #require(RuleRegistry.rule(id)?.description)
            #expect(item["severity"]?.stringValue == d.severity.rawValue)
            #expect(item["rationale"]?.stringValue == d.rationale)
            #expect(item["summary"]?.stringValue == d.summary)
        }
    }

    @Test func badFormatIsUsageError() {
        let r = runCLI(["rules", "--format", "yaml"])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("yaml"))
    }

    @Test func docsRulesMarkdownIsUpToDate() throws {
        let r = runCLI(["rules", "--format", "markdown"])
        #expect(r.status == 0)
        for rule in RuleRegistry.all { #expect(r.out.contains("## \(rule.description.id)")) }
        let path = packageRoot + "/docs/rules.md"
        if ProcessInfo.processInfo.environment["CROSSCHECK_RECORD"] != nil {
            try r.out.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded docs/rules.md; run again without CROSSCHECK_RECORD")
            return
        }
        let current = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(current == r.out, "docs/rules.md is stale: regenerate with `crosscheck rules --format markdown > docs/rules.md` or CROSSCHECK_RECORD=1 swift test")
    }
}

@Suite struct RuleContextTests {
    @Test func analysisComputesOptionalValuesOnce() throws {
        let context = RuleContext(set: try engineFusedSet())
        var calls = 0
        let a = context.analysis(AnalysisKey<String?>("k")) { calls += 1; return "x" }
        let b = context.analysis(AnalysisKey<String?>("k")) { calls += 1; return "y" }
        #expect(a == "x" && b == "x" && calls == 1)
    }

    /// The value's type is part of the key: the same name and scope with another type is another analysis.
    @Test func analysisKeysOfDifferentTypesNeverCollide() throws {
        let context = RuleContext(set: try engineFusedSet())
        let s = context.analysis(AnalysisKey<String>("k", scope: "v")) { "text" }
        let n = context.analysis(AnalysisKey<Int>("k", scope: "v")) { 7 }
        let other = context.analysis(AnalysisKey<String>("k", scope: "w")) { "other" }
        #expect(s == "text" && n == 7 && other == "other")
        #expect(context.analysis(AnalysisKey<String>("k", scope: "v")) { "recomputed" } == "text")
    }

    @Test func wordScannerSkipsLinksAndKeepsApostrophes() {
        let words = WordScanner.words(in: "See https://example.org/a_b or mail x@y.example; the firm's 2nd café-bar.")
        let plain = words.filter { !$0.inLinkOrCode }.map(\.text)
        #expect(plain == ["See", "or", "mail", "the", "firm's", "2nd", "café", "bar"])
        #expect(words.first { $0.text == "2nd" }?.hasDigit == true)
        #expect(words.first { $0.text == "café" }?.isASCII == false)
    }
}

/// A test rule reporting one info and one warning finding, and the same finding twice.
struct EngineProbeRule: Rule {
    static let description = RuleDescription(
        id: "engine-probe", name: "Probe", severity: .warning, summary: "Test only.", rationale: "Test only.",
        triggering: [], nonTriggering: [])
    func check(_ context: RuleContext) -> [Finding] {
        guard let v = context.set.variants.first else { return [] }
        let e = Evidence(variant: v.id, path: v.document.path, line: 3, section: "", text: "x")
        return [
            Finding(rule: "engine-probe", severity: .info, message: "b explained change", evidence: [e], fingerprintParts: ["b"]),
            Finding(rule: "engine-probe", severity: .warning, message: "a problem", evidence: [e], fingerprintParts: ["a"]),
            Finding(rule: "engine-probe", severity: .warning, message: "a problem", evidence: [e], fingerprintParts: ["a"]),
        ]
    }
}

@Suite struct RuleEngineProbeTests {
    @Test func rulesKeepTheirOwnSeverityUnlessConfigured() throws {
        let set = try engineFusedSet()
        let run = try RuleEngine.run(set, configuration: RuleConfiguration(), rules: [EngineProbeRule.self])
        #expect(run.findings.map(\.severity) == [.warning, .info])
        #expect(run.findings.map(\.message) == ["a problem", "b explained change"])
        let over = try RuleEngine.run(
            set, configuration: RuleConfiguration(settings: ["engine-probe": RuleSetting(severity: .error)]), rules: [EngineProbeRule.self])
        #expect(over.findings.map(\.severity) == [.error, .error])
    }
}

@Suite struct RuleEngineCLITests {
    @Test func unknownRuleOnTheCommandLineIsOneUsageLine() {
        let r = runCLI(["check", "seeds", "--enable", "no-such-rule"])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == "crosscheck: unknown rule id 'no-such-rule' in --enable (see 'crosscheck rules')\n")
    }
}
