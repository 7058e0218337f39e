import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

@Suite struct GateDeltaTests {
    func finding(_ rule: String, at variant: String, values: [String], also other: String? = nil) -> Finding {
        var evidence = [Evidence(variant: variant, path: variant + ".txt", line: 1, section: "", text: "t")]
        if let other { evidence.append(Evidence(variant: other, path: other + ".txt", line: 2, section: "", text: "u")) }
        return Finding(rule: rule, severity: .warning, message: rule, evidence: evidence, values: values, fingerprintParts: [variant] + values)
    }

    @Test func unchangedFindingsAreNeitherIntroducedNorResolved() {
        let f = finding("x", at: "edited", values: ["a", "b"])
        let d = GateDelta.compare(before: [f], after: [f], edited: "edited")
        #expect(d.introduced.isEmpty)
        #expect(d.resolved.isEmpty)
    }

    @Test func aNewProblemInTheEditedFileIsIntroduced() {
        let d = GateDelta.compare(before: [], after: [finding("x", at: "edited", values: ["a"])], edited: "edited")
        #expect(d.introduced.count == 1)
    }

    @Test func aNewProblemOnlyInContextIsStillIntroducedWhenItIsNew() {
        // E.g. the edit removed support that a context summary relied on.
        let d = GateDelta.compare(before: [], after: [finding("x", at: "context", values: ["a"])], edited: "edited")
        #expect(d.introduced.count == 1)
    }

    @Test func aProblemThatMovedOntoAnUnchangedContextFileIsResolvedNotReintroduced() {
        let before = finding("typo", at: "edited", values: ["Acmee", "Acme"], also: "context")
        let after = finding("typo", at: "context", values: ["Acmee", "Acme"], also: "edited")
        let d = GateDelta.compare(before: [before], after: [after], edited: "edited")
        #expect(d.introduced.isEmpty)
        #expect(d.resolved.map(\.fingerprint) == [before.fingerprint])
    }

    @Test func aDifferentProblemOnContextIsIntroduced() {
        let before = finding("typo", at: "edited", values: ["Acmee", "Acme"])
        let after = finding("typo", at: "context", values: ["Acmr", "Acme"])
        #expect(GateDelta.compare(before: [before], after: [after], edited: "edited").introduced.count == 1)
    }

    func conflict(_ rule: String, _ sides: [(String, String)], kind: FindingKind = .conflict) -> Finding {
        Finding(
            rule: rule, severity: .error, kind: kind, message: rule,
            evidence: sides.map { Evidence(variant: $0.0, path: $0.0 + ".txt", line: 1, section: "", text: $0.1, value: $0.1) },
            values: Array(Set(sides.map(\.1))).sorted(), fingerprintParts: sides.map { $0.0 + "=" + $0.1 })
    }

    @Test func aStandingConflictWhoseValueChangesIsNeitherIntroducedNorResolved() {
        let before = conflict("hq", [("summary", "Shanghai"), ("rev1", "Hong Kong"), ("rev2", "Hong Kong")])
        let after = conflict("hq", [("summary", "Beijing"), ("rev1", "Hong Kong"), ("rev2", "Hong Kong")])
        #expect(before.fingerprint != after.fingerprint)
        let d = GateDelta.compare(before: [before], after: [after], edited: ["summary"])
        #expect(d.introduced.isEmpty)
        #expect(d.resolved.isEmpty)
    }

    @Test func aStandingConflictWhoseVariantListChangesIsNeitherIntroducedNorResolved() {
        let before = conflict("hq", [("summary", "Shanghai"), ("rev1", "Hong Kong"), ("rev2", "Hong Kong")])
        let after = conflict("hq", [("summary", "Shanghai"), ("rev1", "Hong Kong")])
        let d = GateDelta.compare(before: [before], after: [after], edited: ["rev2"])
        #expect(d.introduced.isEmpty)
        #expect(d.resolved.isEmpty)
    }

    @Test func aNewPairOfVariantsDisagreeingIsIntroduced() {
        let before = conflict("hq", [("summary", "Shanghai"), ("rev1", "Hong Kong")])
        let other = conflict("hq", [("rev2", "Shenzhen"), ("rev1", "Hong Kong")])
        let d = GateDelta.compare(before: [before], after: [before, other], edited: ["rev2"])
        #expect(d.introduced.map(\.fingerprint) == [other.fingerprint])
        #expect(d.resolved.isEmpty)
    }

    @Test func matchingIsOneToOneAndNeedsTheSameRuleAndKind() {
        let before = conflict("hq", [("summary", "Shanghai"), ("rev1", "Hong Kong")])
        let a = conflict("hq", [("summary", "Beijing"), ("rev1", "Hong Kong")])
        let b = conflict("hq", [("summary", "Tianjin"), ("rev1", "Hong Kong")])
        #expect(GateDelta.compare(before: [before], after: [a, b], edited: ["summary"]).introduced.count == 1)
        let otherRule = conflict("founders", [("summary", "Beijing"), ("rev1", "Hong Kong")])
        let d = GateDelta.compare(before: [before], after: [otherRule], edited: ["summary"])
        #expect(d.introduced.count == 1)
        #expect(d.resolved.count == 1)
        let change = conflict("hq", [("summary", "Beijing"), ("rev1", "Hong Kong")], kind: .change)
        #expect(GateDelta.compare(before: [before], after: [change], edited: ["summary"]).introduced.count == 1)
    }

    @Test func singlePlaceProblemsMatchByFingerprintOnly() {
        let before = conflict("typo", [("rev1", "Acmee"), ("rev1", "Acme")], kind: .problem)
        let after = conflict("typo", [("rev1", "Acmr"), ("rev1", "Acme")], kind: .problem)
        let d = GateDelta.compare(before: [before], after: [after], edited: ["rev1"])
        #expect(d.introduced.count == 1)
        #expect(d.resolved.count == 1)
    }
}
