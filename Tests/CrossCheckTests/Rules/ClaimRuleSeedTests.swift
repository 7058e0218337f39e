import Foundation
import Testing
@testable import CrossCheck

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

@Suite struct ClaimRuleSeedTests {
    @Test func dumpAll() throws {
        let fs = try claimSeedRun(claimRuleIDs)
        #expect(fs.allSatisfy { claimRuleIDs.contains($0.rule) })
    }
}

@Suite struct ClaimStatementAlignmentSeedTests {
    @Test func alignedStatementsWithNumbersOrDates() throws {
        let set = try VariantSet.load(paths: [packageRoot + "/seeds"])
        let pairs = StatementAlignment.pairs(RuleContext(set: set))
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
