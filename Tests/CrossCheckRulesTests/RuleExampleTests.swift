import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

/// One inline example of one rule, for the parameterised example runner.
struct EngineExampleCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var index: Int
    var triggers: Bool
    var example: RuleExample
    var testDescription: String { "\(rule) \(triggers ? "triggering" : "non-triggering") #\(index + 1)" }

    static var all: [EngineExampleCase] {
        RuleRegistry.all.flatMap { r -> [EngineExampleCase] in
            let d = r.description
            return d.triggering.enumerated().map { EngineExampleCase(rule: d.id, index: $0.offset, triggers: true, example: $0.element) }
                + d.nonTriggering.enumerated().map { EngineExampleCase(rule: d.id, index: $0.offset, triggers: false, example: $0.element) }
        }
    }
}

/// The SPEC's fixed rule ids.
let engineSpecRuleIDs: Set<String> = [
    "status-conflict", "headquarters-conflict", "unsourced-figure", "founder-conflict", "number-conflict",
    "date-conflict", "currency-mismatch", "unsupported-claim", "stale-claim", "misplaced-event",
    "duplicate-section", "merged-words", "introduced-typo", "date-format", "page-blanked",
]
/// Rules beyond the SPEC's list, documented in docs/rules.md.
let engineExtraRuleIDs: Set<String> = []
/// Every branch's rules are merged: all 14 SPEC ids must be registered.
let engineRequireAllSpecRules = true

@Suite struct RuleExampleTests {
    @Test(arguments: EngineExampleCase.all)
    func example(_ c: EngineExampleCase) throws {
        let set = try c.example.variantSet()
        let run = try RuleEngine.run(set, configuration: RuleConfiguration(enableOnly: [c.rule]))
        let mine = run.findings.filter { $0.rule == c.rule }
        if c.triggers {
            #expect(!mine.isEmpty, "expected a \(c.rule) finding")
            if let expect = c.example.expect {
                for f in mine {
                    let haystack = ([f.message] + f.evidence.map { $0.text + " " + ($0.value ?? "") }).joined(separator: "\n")
                    #expect(haystack.contains(expect), "finding \"\(f.message)\" does not mention \"\(expect)\"")
                }
            }
        } else {
            #expect(mine.isEmpty, "unexpected: \(mine.map(\.message))")
        }
    }

    @Test func everyRuleIsRegisteredWithUniqueKebabCaseIdsAndExamples() throws {
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        for r in RuleRegistry.all {
            let d = r.description
            let kebab = d.id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D } && !d.id.hasPrefix("-") && !d.id.hasSuffix("-") && !d.id.contains("--")
            #expect(kebab, "\(d.id) is not kebab-case")
            #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            #expect(!d.summary.isEmpty && !d.summary.contains("\n"), "\(d.id) summary must be one line")
            #expect(!d.rationale.isEmpty && !d.name.isEmpty)
            #expect(engineSpecRuleIDs.contains(d.id) || engineExtraRuleIDs.contains(d.id), "\(d.id) is neither a SPEC id nor a documented extra")
        }
        // Every rule file under Rules/Rules/ is registered.
        let dir = packageRoot + "/Sources/CrossCheckRules/Rules"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix("Rule.swift") }
        let names = Set(RuleRegistry.all.map { String(describing: $0) + ".swift" })
        for f in files { #expect(names.contains(f), "\(f) is not registered in RuleRegistry") }
    }

    @Test(.enabled(if: engineRequireAllSpecRules))
    func allSpecRulesArePresent() {
        let ids = Set(RuleRegistry.all.map { $0.description.id })
        for id in engineSpecRuleIDs.sorted() { #expect(ids.contains(id), "SPEC rule \(id) is not registered") }
    }
}
