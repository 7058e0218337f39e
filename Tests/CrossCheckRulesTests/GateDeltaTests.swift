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
}
