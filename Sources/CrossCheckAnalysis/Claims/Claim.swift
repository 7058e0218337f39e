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
    /// What was read (value, label, statement) and where (the evidence), each behind a shared
    /// reference.
    ///
    /// A claim is copied into many arrays (per variant, per attribute, each rule's own indexes):
    /// held inline its parts made it 248 bytes, and those copies were most of the peak memory of
    /// `check` on a long document. Shared, a copy is 24 bytes; setting a part makes a new box, so
    /// a claim is still a value. The claims of one sentence share one place, and a claim read
    /// again elsewhere (a revision repeating a sentence) keeps what was read and gets a new place.
    private var content: Content
    private var place: Place

    /// The claim's normalised value.
    package var value: ClaimValue {
        get { content.value }
        set {
            // The evidence states the value: a place that derives it keeps the old one's words.
            if place.derivesValue { place = Place(evidence: evidence, derivesValue: false) }
            content = Content(value: newValue, label: content.label, statement: content.statement)
        }
    }
    /// Variant, line, section and quoted text; `evidence.value` is the normalised value.
    package var evidence: Evidence {
        get {
            guard place.derivesValue else { return place.evidence }
            var e = place.evidence
            e.value = content.value.readable
            return e
        }
        set { place = Place(evidence: newValue, derivesValue: false) }
    }
    /// The field key or the words that named the figure ("2023 revenue", "growth rate").
    package var label: String? {
        get { content.label }
        set { content = Content(value: content.value, label: newValue, statement: content.statement) }
    }
    /// The full plain text of the sentence or field value the claim was read from.
    package var statement: String {
        get { content.statement }
        set { content = Content(value: content.value, label: content.label, statement: newValue) }
    }

    /// A claim whose evidence states its value (`evidence.value` is `value.readable`).
    package init(
        attribute: Attribute, value: ClaimValue, cited: Bool, evidence: Evidence, origin: Origin, label: String? = nil,
        statement: String
    ) {
        self.attribute = attribute; self.cited = cited; self.origin = origin
        var evidence = evidence
        evidence.value = nil
        self.content = Content(value: value, label: label, statement: statement)
        self.place = Place(evidence: evidence, derivesValue: true)
    }

    /// Another claim read at the place `other` was read (the same sentence or field): the two
    /// share the evidence's place, and each evidence states its own value.
    package init(
        attribute: Attribute, value: ClaimValue, cited: Bool, placeOf other: Claim, origin: Origin, label: String? = nil,
        statement: String
    ) {
        self.attribute = attribute; self.cited = cited; self.origin = origin
        self.content = Content(value: value, label: label, statement: statement)
        self.place = other.place.derivesValue ? other.place : Place(evidence: other.place.evidence.valueless, derivesValue: true)
    }

    /// Appends `claims` read at another place (the same sentence met again) to `out`: each keeps
    /// what was read and its evidence's value, at `evidence`'s place, which claims that derive
    /// their value share.
    package static func appendRelocated(_ claims: [Claim], to evidence: Evidence, into out: inout [Claim]) {
        let place = evidence.valueless
        // Met again at the same place (the same file in another run): nothing to change.
        if claims.allSatisfy({ $0.place.derivesValue && $0.place.evidence == place }) {
            out += claims
            return
        }
        var shared: Place? = nil
        for var c in claims {
            if c.place.derivesValue {
                let p = shared ?? Place(evidence: place, derivesValue: true)
                shared = p
                c.place = p
            } else {
                var e = evidence
                e.value = c.place.evidence.value
                c.place = Place(evidence: e, derivesValue: false)
            }
            out.append(c)
        }
    }

    /// The evidence without its value (where the claim was read, without making the value's
    /// words).
    package var evidenceWithoutValue: Evidence { place.evidence.valueless }

    /// `value.description`, read in place (without copying the value out first).
    package var valueDescription: String { content.value.description }

    package var variant: String { place.evidence.variant }
    package var line: Int { place.evidence.line }

    package static func == (a: Claim, b: Claim) -> Bool {
        a.attribute == b.attribute && a.cited == b.cited && a.origin == b.origin
            && (a.content === b.content
                || (a.content.value == b.content.value && a.content.label == b.content.label && a.content.statement == b.content.statement))
            && (a.place === b.place || a.evidence == b.evidence)
    }

    /// Hashes what equality compares, but the evidence's value (decided by the value).
    package func hash(into h: inout Hasher) {
        h.combine(attribute); h.combine(cited); h.combine(origin)
        h.combine(content.value); h.combine(content.label); h.combine(content.statement)
        h.combine(place.evidence.valueless)
    }

    /// What a claim states, shared by its copies.
    private final class Content: Sendable {
        let value: ClaimValue
        let label: String?
        let statement: String

        init(value: ClaimValue, label: String?, statement: String) {
            self.value = value; self.label = label; self.statement = statement
        }
    }

    /// Where a claim was read, shared by its copies and by the claims of one sentence.
    private final class Place: Sendable {
        /// The evidence; its value is nil when `derivesValue`.
        let evidence: Evidence
        /// True when the evidence states the claim's value as written for people (computed when
        /// asked: most claims never become a finding's evidence).
        let derivesValue: Bool

        init(evidence: Evidence, derivesValue: Bool) { self.evidence = evidence; self.derivesValue = derivesValue }
    }
}

extension Evidence {
    /// The evidence without its value.
    var valueless: Evidence {
        var e = self
        e.value = nil
        return e
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
