import CrossCheckCore
import CrossCheckAnalysis
/// Compares one attribute's claims across a variant set, the way the claim rules share:
/// edits between revisions are changes, summaries and sources are judged against the revisions,
/// and a variant that disagrees with itself is a conflict.
///
/// One finding per conflict (per disagreeing variant), not per pair of sentences.
package struct AttributeJudge: Sendable {
    package var rule: String
    package var attribute: Claim.Attribute
    /// Capitalised noun for messages ("Headquarters", "Status").
    package var noun: String
    /// Severity of a contradiction by a summary, source or newer variant.
    package var severity: Severity
    /// Severity of a variant that contradicts itself.
    package var selfSeverity: Severity
    /// True for plural nouns ("Headquarters differ", "Founders differ").
    package var nounIsPlural: Bool { noun.hasSuffix("s") }

    package init(rule: String, attribute: Claim.Attribute, noun: String, severity: Severity, selfSeverity: Severity = .warning) {
        self.rule = rule; self.attribute = attribute; self.noun = noun; self.severity = severity; self.selfSeverity = selfSeverity
    }

    /// Explains a change between two revisions: a text and the evidence that reports the event.
    package typealias Explainer = (_ older: Variant, _ newer: Variant, _ olderClaims: [Claim], _ newerClaims: [Claim]) -> (String, Evidence)?

    /// Claims of two variants disagree when some pair of them cannot both be true.
    package static func disagree(_ a: [Claim], _ b: [Claim]) -> Bool {
        a.contains { x in b.contains { y in !x.value.agrees(with: y.value) } }
    }

    /// A variant's value in one phrase: the union of its statuses, else its distinct values.
    static func summary(_ claims: [Claim]) -> String {
        var statuses = Set<CompanyStatus>()
        var onlyStatus = true
        for c in claims { if case let .status(s) = c.value { statuses.formUnion(s) } else { onlyStatus = false } }
        if onlyStatus, !statuses.isEmpty { return ClaimValue.status(statuses).description }
        return distinct(claims).joined(separator: " / ")
    }

    /// Whether some pair of one variant's claims cannot both be true.
    static func selfContradicts(_ claims: [Claim]) -> Bool {
        claims.enumerated().contains { i, x in claims[(i + 1)...].contains { !x.value.agrees(with: $0.value) } }
    }

    /// Distinct values in first-seen order.
    static func distinct(_ claims: [Claim]) -> [String] {
        var seen = Set<String>()
        return claims.map(\.value.description).filter { seen.insert($0).inserted }
    }

    package func findings(_ context: RuleContext, filter: (Claim) -> Bool = { _ in true }, explain: Explainer? = nil) -> [Finding] {
        let set = context.set
        let groups = context.claims.claims(attribute).map { (variant: $0.variant, claims: $0.claims.filter(filter)) }.filter { !$0.claims.isEmpty }
        guard !groups.isEmpty else { return [] }
        let byID = Dictionary(groups.map { ($0.variant.id, $0.claims) }, uniquingKeysWith: { a, _ in a })
        let has: (Variant) -> Bool = { byID[$0.id] != nil }
        var out: [Finding] = []
        // Self-contradictions.
        var selfConflicting = Set<String>()
        for g in groups {
            let cs = g.claims
            var disagreeing: [Claim] = []
            for (i, x) in cs.enumerated() where cs[(i + 1)...].contains(where: { !x.value.agrees(with: $0.value) }) {
                disagreeing.append(x)
                for y in cs[(i + 1)...] where !x.value.agrees(with: y.value) && !disagreeing.contains(y) { disagreeing.append(y) }
            }
            if !disagreeing.isEmpty { selfConflicting.insert(g.variant.id) }
        }
        // Edits between consecutive revisions.
        let revs = groups.filter { $0.variant.document.role == .revision }
        for (a, b) in zip(revs, revs.dropFirst()) where Self.disagree(a.claims, b.claims) {
            let from = Self.summary(a.claims)
            let to = Self.summary(b.claims)
            let na = Chronology.shortName(a.variant.id, in: set), nb = Chronology.shortName(b.variant.id, in: set)
            var message = "\(noun) changed between revisions: \(from) (\(na)) -> \(to) (\(nb))"
            let why = explain?(a.variant, b.variant, a.claims, b.claims)
            if let why { message += "; " + why.0 }
            out.append(
                Finding(
                    rule: rule, severity: .info, kind: .change, message: message,
                    evidence: [a.claims[0].evidence, b.claims[0].evidence], values: [from, to],
                    explanation: why?.0 ?? "No sentence in the newer revision explains the change.", explainedBy: why?.1,
                    fingerprintParts: ["change", from, to, a.variant.id, b.variant.id]))
        }
        // Summaries, sources (and revisions against the newest revision when they contradict themselves).
        for g in groups where g.variant.document.role != .revision {
            guard let ref = Chronology.reference(for: g.variant, in: set, having: has), let refClaims = byID[ref.id] else { continue }
            let newest = Chronology.newestRevision(in: set, having: has)
            let newestClaims = newest.flatMap { byID[$0.id] } ?? refClaims
            guard Self.disagree(g.claims, refClaims), Self.disagree(g.claims, newestClaims) else { continue }
            var bad = g.claims.filter { c in refClaims.contains { !c.value.agrees(with: $0.value) } }
            if Self.selfContradicts(refClaims) {
                // The reference states several values: a variant that repeats one of them does not
                // contradict it (the reference's own contradiction is reported on the reference).
                bad = g.claims.filter { c in !refClaims.contains { c.value.agrees(with: $0.value) } }
                guard !bad.isEmpty else { continue }
            }
            let agreeing = revs.filter { !Self.disagree($0.claims, refClaims) }
            let refValue = Self.distinct(refClaims).joined(separator: " / ")
            let badValues = distinctBadValues(bad, refClaims)
            let name = Chronology.shortName(g.variant.id, in: set)
            // The revisions that agree with the reference; the reference itself when none does.
            let backers = agreeing.isEmpty ? [ref.id] : agreeing.map(\.variant.id)
            var message = "\(noun) \(nounIsPlural ? "differ" : "differs"): \(refValue) (\(Chronology.names(backers, in: set))) vs \(badValues) (\(name))"
            var explanation = "\(name) is a \(Chronology.role(g.variant)) and disagrees with the revisions"
            if selfConflicting.contains(g.variant.id) {
                let own = Self.distinct(g.claims).joined(separator: " vs ")
                message += "; \(name) also contradicts itself (\(own))"
                explanation += ", and with itself"
            }
            explanation += "."
            if attribute == .founders { explanation += Self.peopleDifference(bad, refClaims, name: name) }
            var evidence = g.claims.map(\.evidence)
            for r in agreeing { if let c = r.claims.first { evidence.append(c.evidence) } }
            out.append(
                Finding(
                    rule: rule, severity: severity, kind: .conflict, message: message, evidence: evidence,
                    values: [refValue, badValues], likelyWrong: g.variant.id, explanation: explanation,
                    fingerprintParts: [refValue, badValues, g.variant.id] + agreeing.map(\.variant.id)))
            selfConflicting.remove(g.variant.id)
        }
        // Remaining self-contradictions.
        for g in groups where selfConflicting.contains(g.variant.id) {
            let values = Self.distinct(g.claims)
            let name = Chronology.shortName(g.variant.id, in: set)
            // Which side the other variants support.
            let others = groups.filter { $0.variant.id != g.variant.id }.flatMap(\.claims)
            let supported = g.claims.filter { c in others.contains { $0.value.agrees(with: c.value) } }
            out.append(
                Finding(
                    rule: rule, severity: selfSeverity, kind: .conflict,
                    message: "\(noun) stated inconsistently within \(name): \(values.joined(separator: " vs "))",
                    evidence: g.claims.map(\.evidence), values: values, likelyWrong: g.variant.id,
                    explanation: supported.isEmpty
                        ? "\(name) states different values in different places."
                        : "Other variants support \(Self.distinct(supported).joined(separator: " / ")).",
                    fingerprintParts: ["self"] + values + [g.variant.id]))
        }
        return out
    }

    /// " It omits X; it adds Y." for two sets of people.
    static func peopleDifference(_ bad: [Claim], _ ref: [Claim], name: String) -> String {
        func people(_ cs: [Claim]) -> [PersonName] {
            var seen = Set<String>()
            return cs.flatMap { c -> [PersonName] in if case let .people(p) = c.value { return p }; return [] }.filter { seen.insert($0.key).inserted }
        }
        let b = people(bad), r = people(ref)
        let missing = r.filter { p in !b.contains { $0.agrees(with: p) } }.map(\.display)
        let extra = b.filter { p in !r.contains { $0.agrees(with: p) } }.map(\.display)
        var out = ""
        if !missing.isEmpty { out += " \(name) omits \(missing.joined(separator: ", "))." }
        if !extra.isEmpty { out += " \(name) adds \(extra.joined(separator: ", "))." }
        return out
    }

    /// The values of `bad` claims that the reference does not state, as text.
    func distinctBadValues(_ bad: [Claim], _ ref: [Claim]) -> String {
        if attribute == .headquarters {
            var seen = Set<String>()
            var names: [String] = []
            for c in bad {
                guard case let .places(ps) = c.value else { continue }
                for p in ps where !ref.contains(where: { r in
                    if case let .places(rp) = r.value { return rp.contains { $0.agrees(with: p) } }
                    return false
                }) {
                    if seen.insert(p.key).inserted { names.append(p.settlement) }
                }
            }
            if !names.isEmpty { return names.joined(separator: "; ") }
        }
        return Self.distinct(bad).joined(separator: " / ")
    }
}
