import CrossCheckCore
/// One fact a variant states: what it is about, its normalised value, whether it is cited, and where.
///
/// Claims come from key/value fields (infobox parameters, `**Key**: value` lines, front matter)
/// and from sentence patterns ("headquartered in", "founded by", "valued at"). Rules compare
/// claims of the same attribute across variants.
package struct Claim: Sendable, Hashable {
    /// What the claim is about.
    package enum Attribute: String, Sendable, Hashable, CaseIterable {
        /// Ownership or listing status (private, public, state-owned).
        case status
        case headquarters
        case founders
        /// Founding date.
        case founded
        case employees
        case valuation
        case revenue
        /// Another money figure (funding round, offering size, loss).
        case money
        /// A percentage (growth rate, share of revenue).
        case percentage
        /// Another count ("700 customers").
        case count
        /// Listing: stock exchange, ticker.
        case listing
        /// A dated event that changes the status (a completed IPO, a delisting).
        case event
    }

    /// Where in the variant the claim was read.
    package enum Origin: String, Sendable, Hashable { case field, sentence }

    package var attribute: Attribute
    /// Own citation: the sentence (or a later sentence of its paragraph) or field is cited; every
    /// claim of a `source` variant counts as cited. `ClaimSet` also marks claims whose statement
    /// is cited in an aligned sentence of another variant.
    package var cited: Bool
    package var origin: Origin
    /// The value, evidence, label and statement, behind one shared reference.
    ///
    /// A claim is copied into many arrays (per variant, per attribute, each rule's own indexes):
    /// held inline its parts made it 248 bytes, and those copies were most of the peak memory of
    /// `check` on a long document. Shared, a copy is 16 bytes; setting a part makes a new box, so
    /// a claim is still a value.
    private var parts: Parts

    /// The claim's normalised value.
    package var value: ClaimValue {
        get { parts.value }
        set { parts = Parts(value: newValue, evidence: parts.evidence, label: parts.label, statement: parts.statement) }
    }
    /// Variant, line, section and quoted text; `evidence.value` is the normalised value.
    package var evidence: Evidence {
        get { parts.evidence }
        set { parts = Parts(value: parts.value, evidence: newValue, label: parts.label, statement: parts.statement) }
    }
    /// The field key or the words that named the figure ("2023 revenue", "growth rate").
    package var label: String? {
        get { parts.label }
        set { parts = Parts(value: parts.value, evidence: parts.evidence, label: newValue, statement: parts.statement) }
    }
    /// The full plain text of the sentence or field value the claim was read from.
    package var statement: String {
        get { parts.statement }
        set { parts = Parts(value: parts.value, evidence: parts.evidence, label: parts.label, statement: newValue) }
    }

    package init(
        attribute: Attribute, value: ClaimValue, cited: Bool, evidence: Evidence, origin: Origin, label: String? = nil,
        statement: String
    ) {
        self.attribute = attribute; self.cited = cited; self.origin = origin
        var evidence = evidence
        evidence.value = value.readable
        self.parts = Parts(value: value, evidence: evidence, label: label, statement: statement)
    }

    package var variant: String { parts.evidence.variant }
    package var line: Int { parts.evidence.line }

    /// The immutable parts of a claim, shared by its copies (compared by content).
    private final class Parts: Sendable, Hashable {
        let value: ClaimValue
        let evidence: Evidence
        let label: String?
        let statement: String

        init(value: ClaimValue, evidence: Evidence, label: String?, statement: String) {
            self.value = value; self.evidence = evidence; self.label = label; self.statement = statement
        }

        static func == (a: Parts, b: Parts) -> Bool {
            a === b || (a.value == b.value && a.evidence == b.evidence && a.label == b.label && a.statement == b.statement)
        }

        func hash(into h: inout Hasher) {
            h.combine(value); h.combine(evidence); h.combine(label); h.combine(statement)
        }
    }
}

/// A claim's normalised value.
package enum ClaimValue: Sendable, Hashable, CustomStringConvertible {
    case status(Set<CompanyStatus>)
    case places([Place])
    case people([PersonName])
    case date(PartialDate)
    case quantity(Quantity)
    /// A listing (exchange and ticker) or event as text, with its date when known.
    case text(String, PartialDate?)

    package var description: String {
        switch self {
        case .status(let s): return s.sorted().map(\.rawValue).joined(separator: "; ")
        case .places(let p): return p.map(\.settlement).joined(separator: "; ")
        case .people(let p): return p.map(\.display).joined(separator: "; ")
        case .date(let d): return d.description
        case .quantity(let q): return q.description
        case .text(let t, let d): return d.map { t + " (" + $0.description + ")" } ?? t
        }
    }

    /// The value written for people ("US$767 million" rather than "767000000 USD").
    package var readable: String {
        if case .quantity(let q) = self { return QuantityNormalizer.readable(q) }
        return description
    }

    /// A JSON rendering with the typed parts, for `crosscheck facts --format json`.
    package var json: JSONValue {
        switch self {
        case .status(let s): return .object(["type": .string("status"), "statuses": .array(s.sorted().map { .string($0.rawValue) })])
        case .places(let p):
            return .object([
                "type": .string("places"),
                "places": .array(p.map { .object(["settlement": .string($0.settlement), "parts": .array($0.parts.map(JSONValue.string))]) }),
            ])
        case .people(let p):
            return .object(["type": .string("people"), "people": .array(p.map { .object(["name": .string($0.display), "key": .string($0.key)]) })])
        case .date(let d): return .object(["type": .string("date"), "date": .string(d.description)])
        case .quantity(let q):
            var o: [String: JSONValue] = [
                "type": .string(q.kind.rawValue), "value": .number(q.value), "bound": .string(q.bound.rawValue),
                "text": .string(q.text),
            ]
            if let u = q.upper { o["upper"] = .number(u) }
            if let c = q.currency { o["currency"] = .string(c.code); o["currencyInferred"] = .bool(q.currencyInferred) }
            return .object(o)
        case .text(let t, let d): return .object(["type": .string("text"), "text": .string(t), "date": .optional(d?.description)])
        }
    }
}
