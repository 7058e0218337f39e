import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

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

@Suite struct RuleCorpusRobustnessTests {
    /// Real revisions (several scripts): every rule runs without error; output is sorted and unique.
    @Test(.enabled(if: corpusRoot != nil, "needs the shared corpus"), arguments: ["anarchism/consecutive", "multilingual/en", "multilingual/ru", "multilingual/zh", "multilingual/th", "multilingual/hi"])
    func rulesRunOnRealRevisions(_ folder: String) throws {
        let dir = try #require(corpusRoot) + "/" + folder
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        try #require(names.count >= 2)
        let files = Array(names.prefix(2)).map { dir + "/" + $0 }
        let set = try VariantSet.load(paths: files)
        let run = try RuleEngine.run(set)
        #expect(Set(run.findings.map(\.fingerprint)).count == run.findings.count)
        #expect(run.findings == run.findings.sorted(by: Finding.reportOrder))
        for f in run.findings { #expect(!f.evidence.isEmpty, "\(f.rule) finding without evidence") }
    }
}

@Suite struct RuleSeedStructureTests {
    @Test func duplicateSectionInTheSummaryOnly() throws {
        let run = try engineSeedRun(["duplicate-section"])
        #expect(run.findings.count == 1)
        let f = try #require(run.findings.first)
        #expect(f.primary?.variant == "003_7ef685683aa46a24")
        #expect(f.message.contains("Controversies & Challenges"))
        #expect(f.evidence.count == 2)
    }

    @Test func misplacedEventUnder2019() throws {
        let run = try engineSeedRun(["misplaced-event"])
        let f = try #require(run.findings.first { $0.primary?.variant == "002_73259c55204946b0" })
        #expect(f.primary?.section == "History > 2019")
        #expect(f.primary?.text.hasPrefix("In September 2018") == true)
        // Later mentions of other years never count.
        #expect(run.findings.allSatisfy { $0.message.contains("opens a sentence") })
    }

    @Test func dateFormatInTheDmyRevision() throws {
        let run = try engineSeedRun(["date-format"])
        let texts = run.findings.filter { $0.primary?.variant == "001_e3333450b7a6811b" }.compactMap { $0.values.first }
        #expect(texts.contains("February 18"))
        #expect(texts.contains("August 9"))
        #expect(run.findings.allSatisfy { $0.severity == .info })
    }

    @Test func staleClaimsOfTheOlderRevision() throws {
        let run = try engineSeedRun(["stale-claim"])
        let older = run.findings.filter { $0.primary?.variant == "002_73259c55204946b0" }
        let currently = try #require(older.first { $0.primary?.text.contains("is currently the world's most valuable") == true })
        #expect(currently.evidence.count == 2)
        let asOf = try #require(older.first { $0.primary?.text.contains("as of 27 November 2019") == true })
        #expect(asOf.evidence.last?.text.contains("In November 2019") == true)
        #expect(asOf.evidence.last?.text.contains("led a committee") == true)
        // Dropped by later revisions: the claim about current customers.
        #expect(older.contains { $0.primary?.text.contains("currently has more than 700") == true && $0.message.contains("dropped") })
        // Newer variants carry no stale wording the seeds contradict.
        #expect(run.findings.allSatisfy { $0.primary?.variant == "002_73259c55204946b0" })
    }

    @Test func revisionsHaveFewMergedWords() throws {
        let run = try engineSeedRun(["merged-words"])
        let inRevisions = run.findings.filter { $0.primary?.variant != "003_7ef685683aa46a24" }
        #expect(inRevisions.count <= 2, "\(inRevisions.map(\.message))")
    }
}

@Suite struct RuleSuppressionParsingTests {
    /// Suppression comments written in the files reach the engine through the parsers.
    @Test func commentsInWikitextAndMarkdownSuppress() throws {
        let wiki = """
            The club is a globaleader in rowing.
            <!-- crosscheck-disable-next-line merged-words -->
            It trains athe river.

            <!-- crosscheck-disable-next-line merged-words -->
            It rows on weekends.
            """
        let set = try RuleExample(ExampleFile("club.txt", format: .wikitext, wiki)).variantSet()
        #expect(set.variants[0].document.suppressions.count == 2)
        let run = try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: ["merged-words"]))
        #expect(run.findings.map { $0.values.first ?? "" } == ["globaleader"])
        #expect(run.warnings == ["club.txt:5: suppression of merged-words matched no finding"])

        let md = "# Club\n\n<!-- crosscheck-disable merged-words -->\nThe club is a globaleader in rowing.\n"
        let mdSet = try RuleExample(ExampleFile("club.md", md)).variantSet()
        let mdRun = try RuleEngine.run(mdSet, configuration: RuleConfiguration(enableOnly: ["merged-words"]))
        #expect(mdRun.findings.isEmpty)
        #expect(mdRun.warnings.isEmpty)
    }
}
