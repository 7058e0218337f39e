import Foundation
import Testing
@testable import CrossCheck

/// The seed set, loaded once per test.
func engineSeedRun(_ rules: [String]) throws -> RuleRun {
    let set = try VariantSet.load(paths: [packageRoot + "/seeds"])
    let run = try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: rules))
    if ProcessInfo.processInfo.environment["CROSSCHECK_ENGINE_DUMP"] != nil {
        for f in run.findings {
            print("[\(f.rule)] \(f.message)")
            for e in f.evidence { print("    \(e.variant):\(e.line) [\(e.section)] \(e.text.prefix(160)) => \(e.value ?? "")") }
        }
    }
    return run
}

@Suite struct RuleSeedTests {
    @Test func mergedWordsInTheSummary() throws {
        let run = try engineSeedRun(["merged-words"])
        let summary = run.findings.filter { $0.primary?.variant == "003_7ef685683aa46a24" }.compactMap { $0.values.first }
        for token in ["globaleader", "athe", "intone", "AInfrastructure", "andatanalytics", "thengine", "businessolutions", "foretail", "datanalysis"] {
            #expect(summary.contains(token), "missing \(token)")
        }
    }
}

@Suite struct RuleSeedTypoTests {
    @Test func introducedTypoInTheNewerRevision() throws {
        let run = try engineSeedRun(["introduced-typo"])
        let hit = try #require(run.findings.first { $0.values.first == "SenseTiime" })
        #expect(hit.primary?.variant == "001_e3333450b7a6811b")
        #expect(hit.values.last == "SenseTime")
        #expect(hit.primary?.text.contains("SenseTiime") == true)
    }
}

@Suite struct RuleSeedDumpTests {
    /// Every rule over the seeds: never throws, findings are sorted and unique.
    @Test func allRulesOverSeeds() throws {
        let run = try engineSeedRun([])
        #expect(Set(run.findings.map(\.fingerprint)).count == run.findings.count)
        #expect(run.findings == run.findings.sorted(by: Finding.reportOrder))
    }
}
