import Foundation
import CrossCheckCore
import CrossCheckAnalysis

/// The identity of one per-run analysis: a name, a scope (a variant id, a text; empty for the
/// whole set) and the value's type.
///
/// The type is part of the key, so a lookup can only ever find a value of that type: there is no
/// string key that two rules could share by accident, and no silent recompute on a type mismatch.
package struct AnalysisKey<Value>: Sendable {
    package let name: String
    package let scope: String
    package init(_ name: String, scope: String = "") { self.name = name; self.scope = scope }

    fileprivate var slot: AnalysisSlot { AnalysisSlot(type: ObjectIdentifier(Value.self), name: name, scope: scope) }
}

private struct AnalysisSlot: Hashable {
    var type: ObjectIdentifier
    var name: String
    var scope: String
}

/// Per-run state for rules: the variant set and the analyses computed from it, each once.
///
/// The analyses every rule may share are typed, lazily computed properties (`claims`,
/// `statementPairs`, `wordStats`); an analysis only one rule needs is kept under an
/// `AnalysisKey`. Rules run one after another on one thread, so there is no lock.
package final class RuleContext {
    package let set: VariantSet
    /// State kept from the previous revision's run, when a history walk keeps one (nil otherwise).
    package let memo: RuleMemo?
    private var analyses: [AnalysisSlot: Any] = [:]
    private var notes: [RuleNote] = []

    package init(set: VariantSet, memo: RuleMemo? = nil) {
        self.set = set
        self.memo = memo
    }

    /// Records a note once (see `RuleNote`).
    package func addNote(_ n: RuleNote) {
        if !notes.contains(n) { notes.append(n) }
    }

    /// The notes recorded so far, in the order they were made.
    package var recordedNotes: [RuleNote] { notes }

    /// Every variant's claims, extracted once.
    package private(set) lazy var claims: ClaimSet = ClaimSet(set, cache: memo?.claimSentences)

    /// Sentences that make the same statement in two variants the chronology pairs.
    package private(set) lazy var statementPairs: [AlignedStatement] = StatementAlignment.compute(set)

    /// The value of `key`, computed by `compute` the first time it is asked for.
    package func analysis<Value>(_ key: AnalysisKey<Value>, _ compute: () -> Value) -> Value {
        let slot = key.slot
        if let stored = analyses[slot], let value = stored as? Value { return value }
        let value = compute()
        analyses[slot] = value
        return value
    }

    /// Evidence for a sentence of a variant.
    package func evidence(_ variant: Variant, _ section: Section, _ sentence: Sentence, value: String? = nil) -> Evidence {
        Evidence(
            variant: variant.id, path: variant.document.path, line: sentence.line,
            section: section.path.joined(separator: " > "), text: Evidence.trim(sentence.text), value: value)
    }

    /// Evidence for a field of a variant (quotes the source line).
    package func evidence(_ variant: Variant, _ field: Field, value: String? = nil) -> Evidence {
        let src = variant.document.source
        let line = src.text(src.lines.range(ofLine: field.line, in: src.bytes)).trimmingCharacters(in: .whitespaces)
        return Evidence(
            variant: variant.id, path: variant.document.path, line: field.line,
            section: field.section.joined(separator: " > "), text: Evidence.trim(line), value: value)
    }
}
