import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

/// The claim rules' ids.
let claimRuleIDs = [
    "status-conflict", "headquarters-conflict", "founder-conflict", "currency-mismatch", "unsourced-figure",
    "number-conflict", "date-conflict", "unsupported-claim",
]

/// Runs the given rules over the seeds; `CROSSCHECK_FACTS_DUMP=1` prints every finding.
func claimSeedRun(_ rules: [String]) throws -> [Finding] {
    let set = try VariantSet.load(paths: [packageRoot + "/seeds"])
    let run = try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: rules.filter { RuleRegistry.rule($0) != nil }))
    if ProcessInfo.processInfo.environment["CROSSCHECK_FACTS_DUMP"] != nil {
        for f in run.findings {
            print("[\(f.rule) \(f.severity.rawValue) \(f.kind.rawValue)] \(f.message)")
            if let w = f.likelyWrong { print("    likely wrong: \(w); \(f.explanation ?? "")") } else if let x = f.explanation { print("    \(x)") }
            if let e = f.explainedBy { print("    explained by \(e.variant):\(e.line) \(e.text.prefix(120))") }
            for e in f.evidence { print("    \(e.variant):\(e.line) [\(e.section)] \(e.text.prefix(150)) => \(e.value ?? "")") }
        }
    }
    return run.findings
}

let claimSummaryID = "003_7ef685683aa46a24"
let claimOlderID = "002_73259c55204946b0"
let claimNewerID = "001_e3333450b7a6811b"
let claimPlainID = "000_1c75f7c1b93db0bb"

@Suite struct ClaimRuleSeedTests {
    @Test func onlyClaimRulesAndEveryFindingHasEvidenceAndValues() throws {
        let fs = try claimSeedRun(claimRuleIDs)
        #expect(fs.allSatisfy { claimRuleIDs.contains($0.rule) })
        for f in fs {
            #expect(!f.evidence.isEmpty, "\(f.rule): \(f.message)")
            #expect(f.evidence.allSatisfy { $0.line > 0 && !$0.text.isEmpty && $0.value != nil }, "\(f.rule): \(f.message)")
        }
        // Not flooding: a handful per rule.
        for id in claimRuleIDs { #expect(fs.filter { $0.rule == id }.count <= 6, "\(id) floods") }
    }

    @Test func statusChangeExplainedByTheIPO() throws {
        let fs = try claimSeedRun(["status-conflict"])
        let f = try #require(fs.first)
        #expect(fs.count == 1)
        #expect(f.kind == .change)
        #expect(f.evidence.map(\.variant) == [claimOlderID, claimNewerID])
        #expect(f.evidence[0].line == 8 && f.evidence[0].value == "private")
        #expect(f.evidence[1].value?.contains("public") == true)
        let why = try #require(f.explainedBy)
        #expect(why.variant == claimNewerID && why.line == 94 && why.text.contains("completed its IPO"))
        #expect(f.message.contains("IPO"))
        #expect(f.likelyWrong == nil)
    }

    @Test func summaryHeadquartersContradictRevisionsAndItself() throws {
        let fs = try claimSeedRun(["headquarters-conflict"])
        #expect(fs.count == 1)
        let f = try #require(fs.first)
        #expect(f.severity == .error && f.kind == .conflict)
        #expect(f.likelyWrong == claimSummaryID)
        #expect(f.message.contains("Hong Kong (3 variants) vs Shanghai (003_7ef685683aa46a24)"))
        #expect(f.message.contains("contradicts itself"))
        let summaryLines = Set(f.evidence.filter { $0.variant == claimSummaryID }.map(\.line))
        #expect(summaryLines == [9, 54, 113])
        let revisions = Set(f.evidence.filter { $0.variant != claimSummaryID }.map(\.variant))
        #expect(revisions == [claimOlderID, claimNewerID, claimPlainID])
        // "Hong Kong Science Park" vs "Hong Kong" is not a conflict: every revision's value is Hong Kong.
        #expect(f.evidence.filter { $0.variant != claimSummaryID }.allSatisfy { $0.value == "Hong Kong" })
    }

    @Test func unsourcedFiguresInTheSummaryOnly() throws {
        let fs = try claimSeedRun(["unsourced-figure"])
        let summary = fs.filter { $0.likelyWrong == claimSummaryID }
        #expect(Set(summary.flatMap { $0.evidence.map(\.line) }).isSuperset(of: [95, 96, 97]))
        #expect(summary.contains { $0.evidence[0].value == "$1.2 billion" })
        #expect(summary.contains { $0.evidence[0].value == "45%" })
        #expect(summary.contains { $0.evidence[0].value == "40%" })
        // Cited figures are not reported: the valuation, the funding rounds, the IPO amounts.
        for f in fs {
            let v = f.evidence[0].value ?? ""
            #expect(!v.contains("7700000000") && !v.contains("410000000") && !v.contains("767000000"), "\(f.message)")
        }
        #expect(!fs.contains { $0.likelyWrong == claimOlderID || $0.likelyWrong == claimNewerID })
    }

    @Test func summaryNamesOneFounderOfTwo() throws {
        let fs = try claimSeedRun(["founder-conflict"])
        #expect(fs.count == 1)
        let f = try #require(fs.first)
        #expect(f.likelyWrong == claimSummaryID)
        #expect(f.evidence.first?.variant == claimSummaryID && f.evidence.first?.line == 8)
        #expect(f.message.contains("Xu Li"))
        #expect(f.explanation?.contains("omits Xu Li") == true)
    }

    @Test func sameAmountInTwoCurrencies() throws {
        let fs = try claimSeedRun(["currency-mismatch"])
        #expect(fs.count == 1)
        let f = try #require(fs.first)
        #expect(f.message.contains("767 million"))
        let newer = f.evidence.filter { $0.variant == claimNewerID }
        #expect(newer.count == 2 && newer.allSatisfy { $0.line == 94 })
        #expect(newer.contains { $0.value?.hasPrefix("US$767 million") == true })
        #expect(newer.contains { $0.value == "HK$767 million" })
    }

    @Test func noFalseAlarmsOnAgreeingStatements() throws {
        // "nine papers" vs "9 papers", "over $7.7 billion" vs "$7.7 billion", "18 February" vs "February 18".
        let fs = try claimSeedRun(["number-conflict", "date-conflict"])
        #expect(fs.isEmpty, "\(fs.map(\.message))")
    }

    @Test func unsupportedSummaryStatements() throws {
        let fs = try claimSeedRun(["unsupported-claim"])
        #expect(!fs.isEmpty)
        #expect(fs.allSatisfy { $0.likelyWrong == claimSummaryID && $0.severity == .warning })
        #expect(fs.contains { $0.values.contains("Changle") && $0.evidence.contains { $0.line == 113 } })
        #expect(fs.contains { $0.values.contains("Toyota") })
        // Supported facts are not reported: the founding date and the IPO month.
        #expect(!fs.contains { f in f.evidence.contains { $0.line == 7 || $0.line == 10 } })
    }
}

@Suite struct ClaimRuleAgreementTests {
    func run(_ rule: String, _ a: String, _ b: String) throws -> [Finding] {
        let ex = RuleExample(
            ExampleFile("rev.txt", role: .revision, date: "2020-01", format: .plaintext, a),
            ExampleFile("sum.txt", role: .summary, date: "2021", format: .plaintext, b))
        return try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: [rule])).findings
    }

    @Test func numbersAgreeAcrossWordingAndBounds() throws {
        #expect(try run("number-conflict", "During 2015, nine of the lab's papers were accepted.", "During 2015, 9 of the lab's papers were accepted.").isEmpty)
        #expect(try run("number-conflict", "The firm was valued at over $7.7 billion in 2018.", "The firm was valued at $7.7 billion in 2018.").isEmpty)
        let f = try run("number-conflict", "During 2015, nine of the lab's papers were accepted.", "During 2015, 12 of the lab's papers were accepted.")
        #expect(f.count == 1)
        #expect(f.first?.values == ["12", "9"])
        #expect(f.first?.likelyWrong == "sum")
    }

    @Test func datesAgreeAcrossStyles() throws {
        #expect(try run("date-conflict", "On 18 February, the index added the firm to its list.", "On February 18, the index added the firm to its list.").isEmpty)
        #expect(try run("date-conflict", "In 2021, the firm completed its listing on the exchange.", "On 30 December 2021, the firm completed its listing on the exchange.").isEmpty)
        let f = try run("date-conflict", "On 18 February 2022, the index added the firm to its list.", "On 18 March 2022, the index added the firm to its list.")
        #expect(f.count == 1 && f.first?.values == ["2022-03-18", "2022-02-18"])
    }

    @Test func editsBetweenRevisionsAreChanges() throws {
        let ex = RuleExample(
            ExampleFile("old.txt", role: .revision, date: "2019-01", format: .plaintext, "In 2016, the lab published 16 papers at the main conference."),
            ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, "In 2016, the lab published 18 papers at the main conference."))
        let fs = try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: ["number-conflict"])).findings
        #expect(fs.count == 1)
        #expect(fs.first?.kind == .change)
        #expect(fs.first?.likelyWrong == nil)
    }
}

@Suite struct ClaimStatementAlignmentSeedTests {
    @Test func alignedStatementsWithNumbersOrDates() throws {
        let set = try VariantSet.load(paths: [packageRoot + "/seeds"])
        let pairs = RuleContext(set: set).statementPairs
        #expect(!pairs.isEmpty)
        if ProcessInfo.processInfo.environment["CROSSCHECK_FACTS_DUMP"] != nil {
            for p in pairs {
                print("\(p.a.id.prefix(3)):\(p.sentenceA.line) ~ \(p.b.id.prefix(3)):\(p.sentenceB.line) \(String(format: "%.2f", p.similarity))")
                print("   A: \(p.sentenceA.text.prefix(140))")
                print("   B: \(p.sentenceB.text.prefix(140))")
            }
        }
    }
}

@Suite struct ClaimRuleExampleTests {
    @Test(arguments: claimRuleIDs)
    func examplesOfEachClaimRule(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(id))
        let d = rule.description
        #expect(!d.triggering.isEmpty && !d.nonTriggering.isEmpty)
        for (i, ex) in d.triggering.enumerated() {
            let fs = try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: [id])).findings
            #expect(!fs.isEmpty, "\(id) triggering #\(i + 1) gave no finding")
            for f in fs {
                #expect(!f.evidence.isEmpty && f.evidence.allSatisfy { $0.value != nil }, "\(id) #\(i + 1): \(f.message)")
                if let e = ex.expect {
                    #expect(([f.message] + f.evidence.map { $0.text + " " + ($0.value ?? "") }).joined(separator: "\n").contains(e))
                }
            }
        }
        for (i, ex) in d.nonTriggering.enumerated() {
            let fs = try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: [id])).findings
            #expect(fs.isEmpty, "\(id) non-triggering #\(i + 1): \(fs.map(\.message))")
        }
    }

    @Test func examplesNameNoSeedEntity() {
        let banned = ["sensetime", "hong kong", "shanghai", "xiao'ou", "xu li", "caixin", "hkex", "0020.hk"]
        for id in claimRuleIDs {
            guard let d = RuleRegistry.rule(id)?.description else { Issue.record("\(id) not registered"); continue }
            let text = (d.triggering + d.nonTriggering).flatMap(\.files).map(\.text).joined(separator: "\n").lowercased()
                + d.rationale.lowercased() + d.summary.lowercased()
            for b in banned { #expect(!text.contains(b), "\(id) mentions \(b)") }
        }
    }
}

@Suite struct ClaimRuleChronologyTests {
    func statusFindings(summaryDate: String, summaryType: String) throws -> [Finding] {
        let ex = RuleExample(
            ExampleFile("r1.txt", role: .revision, date: "2018-01", format: .plaintext, "Fenwick Tools is a privately held hardware company."),
            ExampleFile("r2.txt", role: .revision, date: "2022-01", format: .plaintext, """
                Fenwick Tools is a publicly traded hardware company.

                # History

                In March 2020, Fenwick Tools completed its IPO on the exchange.
                """),
            ExampleFile("s.md", role: .summary, date: summaryDate, "# Fenwick Tools\n\n## Facts\n- **Type**: \(summaryType)\n"))
        return try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: ["status-conflict"])).findings
    }

    @Test func summaryOfItsTimeAgreesWithTheRevisionOfItsTime() throws {
        let fs = try statusFindings(summaryDate: "2019", summaryType: "Private")
        #expect(fs.count == 1 && fs.first?.kind == .change)
        #expect(fs.first?.explainedBy?.text.contains("completed its IPO") == true)
    }

    @Test func summaryAfterTheChangeThatStillSaysPrivateIsAConflict() throws {
        let fs = try statusFindings(summaryDate: "2023", summaryType: "Private")
        let conflict = try #require(fs.first { $0.kind == .conflict })
        #expect(conflict.likelyWrong == "s")
        #expect(conflict.severity == .error)
        #expect(conflict.evidence.contains { $0.variant == "s" && $0.value == "private" })
        #expect(conflict.explanation?.contains("summary") == true)
    }

    @Test func sourceContradictingTheRevisionsIsAConflict() throws {
        let ex = RuleExample(
            ExampleFile("r.txt", role: .revision, date: "2021-01", format: .plaintext, "Gannet Labs is a biotech company headquartered in Porthaven."),
            ExampleFile("news.md", role: .source, date: "2021-06", "# Gannet Labs\n\n## Facts\n- **Headquarters**: Wexbridge\n"))
        let fs = try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: ["headquarters-conflict"])).findings
        #expect(fs.count == 1)
        #expect(fs.first?.likelyWrong == "news")
        #expect(fs.first?.message.contains("Porthaven (r) vs Wexbridge (news)") == true)
    }

    @Test func revisionContradictingItself() throws {
        let ex = RuleExample(
            ExampleFile("r.wiki", role: .revision, date: "2021-01", format: .wikitext, """
                {{Infobox company
                | name = Gannet Labs
                | hq_location = [[Porthaven]]
                }}
                '''Gannet Labs''' is a biotech company headquartered in [[Wexbridge]].
                """))
        let fs = try RuleEngine.run(ex.variantSet(), configuration: RuleConfiguration(enableOnly: ["headquarters-conflict"])).findings
        #expect(fs.count == 1)
        #expect(fs.first?.message.contains("within r") == true)
        #expect(Set(fs.first?.evidence.map(\.line) ?? []) == [3, 5])
    }

    @Test func fingerprintsIgnoreLines() throws {
        let a = RuleExample(
            ExampleFile("r.txt", role: .revision, date: "2021-01", format: .plaintext, "Gannet Labs is a biotech company headquartered in Porthaven."),
            ExampleFile("s.md", role: .summary, date: "2022", "# Gannet Labs\n\n## Facts\n- **Headquarters**: Wexbridge\n"))
        let b = RuleExample(
            ExampleFile("r.txt", role: .revision, date: "2021-01", format: .plaintext, "Intro line.\n\nGannet Labs is a biotech company headquartered in Porthaven."),
            ExampleFile("s.md", role: .summary, date: "2022", "# Gannet Labs\n\nSome text.\n\n## Facts\n- **Headquarters**: Wexbridge\n"))
        let fa = try RuleEngine.run(a.variantSet(), configuration: RuleConfiguration(enableOnly: ["headquarters-conflict"])).findings
        let fb = try RuleEngine.run(b.variantSet(), configuration: RuleConfiguration(enableOnly: ["headquarters-conflict"])).findings
        #expect(fa.count == 1 && fb.count == 1)
        #expect(fa.first?.fingerprint == fb.first?.fingerprint)
        #expect(fa.first?.evidence.first?.line != fb.first?.evidence.first?.line)
    }
}

@Suite struct ClaimUnsupportedTermTests {
    @Test func fusedWordsAreNotNames() {
        let known: Set<String> = ["asia", "and", "middle", "east", "ai", "infrastructure"]
        #expect(UnsupportedClaimRule.looksFused("asiand") { known.contains($0) })
        #expect(UnsupportedClaimRule.looksFused("middleast") { known.contains($0) })
        #expect(UnsupportedClaimRule.looksFused("ainfrastructure") { known.contains($0) })
        #expect(!UnsupportedClaimRule.looksFused("velotorg") { known.contains($0) })
    }

    @Test func termsAreNamesAndNumbers() {
        let t = UnsupportedClaimRule.terms(
            "Partners include Velotorg, Pedalhaus and AR tools, with 1,250 dealers in 2019", isListItem: false, subject: [],
            lowercaseWords: ["tools", "dealers"])
        #expect(t == ["Velotorg", "Pedalhaus", "1250"])
    }
}
