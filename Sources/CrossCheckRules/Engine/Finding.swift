/// One quoted piece of evidence behind a finding: where, what it says, what value it states.
public struct Evidence: Sendable, Hashable {
    /// Variant id (file name without extension).
    public var variant: String
    /// Path of the variant's file, as given.
    public var path: String
    /// 1-based line in that file.
    public var line: Int
    /// Heading path of the section, joined with " > " ("" for the lead).
    public var section: String
    /// The quoted text (a sentence, a field line), trimmed to a readable length.
    public var text: String
    /// The normalised value this evidence states, if the rule compares values.
    public var value: String?

    public init(variant: String, path: String, line: Int, section: String, text: String, value: String? = nil) {
        self.variant = variant; self.path = path; self.line = line; self.section = section; self.text = text; self.value = value
    }
}

/// Whether a finding is a contradiction, or an edit between revisions reported for information.
public enum FindingKind: String, Sendable, Codable, Hashable {
    case conflict, change, problem
}

/// One diagnostic from one rule.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var kind: FindingKind
    /// One sentence a user can act on.
    public var message: String
    /// Evidence, the primary location first.
    public var evidence: [Evidence]
    /// Distinct normalised values in conflict, for side-by-side display.
    public var values: [String]
    /// Variant id that is likely wrong, when the rule can tell.
    public var likelyWrong: String?
    /// Why that variant is likely wrong, or what explains a change.
    public var explanation: String?
    /// Evidence for the explanation (e.g. the sentence reporting an IPO).
    public var explainedBy: Evidence?
    /// Stable identity: rule + normalised values + variant ids, never line numbers.
    public var fingerprint: String
    /// Set when the fingerprint is in the baseline: shown, never failing.
    public var baselined: Bool = false

    public init(
        rule: String, severity: Severity, kind: FindingKind = .conflict, message: String, evidence: [Evidence],
        values: [String] = [], likelyWrong: String? = nil, explanation: String? = nil, explainedBy: Evidence? = nil,
        fingerprintParts: [String]
    ) {
        self.rule = rule; self.severity = severity; self.kind = kind; self.message = message; self.evidence = evidence
        self.values = values; self.likelyWrong = likelyWrong; self.explanation = explanation; self.explainedBy = explainedBy
        self.fingerprint = Fingerprint.make([rule] + fingerprintParts)
    }

    /// Primary location.
    public var primary: Evidence? { evidence.first }

    /// The explanation, unless the message already says it (reporters show it once).
    public var extraExplanation: String? {
        guard let x = explanation, !x.isEmpty, !message.contains(x) else { return nil }
        return x
    }

    /// Report order: severity (highest first), rule, first variant, line, message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
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
public enum Fingerprint {
    public static func make(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, p) in parts.enumerated() {
            if i > 0 { h ^= 0x1F; h = h &* 0x100_0000_01b3 }
            for b in p.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
