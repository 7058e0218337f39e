import CrossCheckCore
import CrossCheckAnalysis
/// Whether a finding is a contradiction, or an edit between revisions reported for information.
package enum FindingKind: String, Sendable, Codable, Hashable {
    case conflict, change, problem
}

/// One diagnostic from one rule.
package struct Finding: Sendable, Hashable {
    /// The rule's id. The engine stamps it, and the fingerprint follows it, so a finding's
    /// identity always names the rule that ran, whatever id the rule wrote.
    package var rule: String {
        didSet { if rule != oldValue { fingerprint = Fingerprint.make([rule] + identity) } }
    }
    package var severity: Severity
    package var kind: FindingKind
    /// One sentence a user can act on.
    package var message: String
    /// Evidence, the primary location first.
    package var evidence: [Evidence]
    /// Distinct normalised values in conflict, for side-by-side display.
    package var values: [String]
    /// Variant id that is likely wrong, when the rule can tell.
    package var likelyWrong: String?
    /// Why that variant is likely wrong, or what explains a change.
    package var explanation: String?
    /// Evidence for the explanation (e.g. the sentence reporting an IPO).
    package var explainedBy: Evidence?
    /// Stable identity: rule + normalised values + variant ids, never line numbers.
    package private(set) var fingerprint: String
    /// What the fingerprint is made of besides the rule id.
    private var identity: [String]
    /// Set when the fingerprint is in the baseline: shown, never failing.
    package var baselined: Bool = false

    package init(
        rule: String, severity: Severity, kind: FindingKind = .conflict, message: String, evidence: [Evidence],
        values: [String] = [], likelyWrong: String? = nil, explanation: String? = nil, explainedBy: Evidence? = nil,
        fingerprintParts: [String]
    ) {
        self.rule = rule; self.severity = severity; self.kind = kind; self.message = message; self.evidence = evidence
        self.values = values; self.likelyWrong = likelyWrong; self.explanation = explanation; self.explainedBy = explainedBy
        self.identity = fingerprintParts
        self.fingerprint = Fingerprint.make([rule] + fingerprintParts)
    }

    /// Primary location.
    package var primary: Evidence? { evidence.first }

    /// The explanation, unless the message already says it (reporters show it once).
    package var extraExplanation: String? {
        guard let x = explanation, !x.isEmpty, !message.contains(x) else { return nil }
        return x
    }

    /// Report order: severity (highest first), rule, first variant, line, message.
    package static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        let (pa, pb) = (a.primary, b.primary)
        if pa?.variant != pb?.variant { return (pa?.variant ?? "") < (pb?.variant ?? "") }
        if pa?.line != pb?.line { return (pa?.line ?? 0) < (pb?.line ?? 0) }
        if a.message != b.message { return a.message < b.message }
        return a.fingerprint < b.fingerprint
    }
}

/// Stable 64-bit FNV-1a fingerprints, hex-encoded (no per-process hash seeding).
package enum Fingerprint {
    package static func make(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, p) in parts.enumerated() {
            if i > 0 { h ^= 0x1F; h = h &* 0x100_0000_01b3 }
            for b in p.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
