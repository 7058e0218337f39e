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
    package var value: ClaimValue
    /// Own citation: the sentence (or a later sentence of its paragraph) or field is cited; every
    /// claim of a `source` variant counts as cited. `ClaimSet` also marks claims whose statement
    /// is cited in an aligned sentence of another variant.
    package var cited: Bool
    /// Variant, line, section and quoted text; `evidence.value` is the normalised value.
    package var evidence: Evidence
    package var origin: Origin
    /// The field key or the words that named the figure ("2023 revenue", "growth rate").
    package var label: String?
    /// The full plain text of the sentence or field value the claim was read from.
    package var statement: String

    package init(
        attribute: Attribute, value: ClaimValue, cited: Bool, evidence: Evidence, origin: Origin, label: String? = nil,
        statement: String
    ) {
        self.attribute = attribute; self.value = value; self.cited = cited; self.evidence = evidence
        self.origin = origin; self.label = label; self.statement = statement
        self.evidence.value = value.readable
    }

    package var variant: String { evidence.variant }
    package var line: Int { evidence.line }
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
