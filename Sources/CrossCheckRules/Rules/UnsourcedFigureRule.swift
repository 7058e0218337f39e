import Foundation
import CrossCheckCore
import CrossCheckAnalysis

/// `unsourced-figure`: a money amount, percentage or count with no citation and no support in any cited variant.
package struct UnsourcedFigureRule: Rule {
    package static let description = RuleDescription(
        id: "unsourced-figure", name: "Unsourced figure", severity: .warning,
        summary: "A money amount, percentage or count stated with no citation and no support in any cited variant.",
        rationale: """
            Figures (revenue, growth, valuation, customer counts) are what digests most often invent or \
            mis-copy. A figure is sourced when its sentence or field carries a citation (a citation at the \
            end of a paragraph covers the paragraph), when it comes from a source document, or when a \
            cited statement in another variant states an agreeing value ("over $7.7 billion" supports \
            "$7.7 billion"). Counts are checked when they measure the business (customers, employees, \
            users, partners) or come from a key/value field. One finding per unsupported figure.
            """,
        triggering: [
            RuleExample(
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Dovetail Audio

                    ## Recent Performance
                    - 2023 Revenue: $3.4B (estimated)
                    - Growth Rate: 27% YoY
                    """), expect: "no citation"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2023-02", format: .plaintext, """
                    Dovetail Audio makes speakers. In 2022 its revenue was $3.4 billion.¹²
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Dovetail Audio

                    ## Recent Performance
                    - 2022 Revenue: $3.4B
                    """)),
            // A figure worded differently ("people worked for", an "Annual Visitors" key) or given
            // in another currency (left to currency-mismatch) is still sourced.
            RuleExample(
                ExampleFile("rev.wiki", role: .revision, date: "2023-02", format: .wikitext, """
                    {{Infobox company
                    | name = Dovetail Audio
                    | num_employees = 1,100 (2022)<ref>Annual report</ref>
                    }}
                    Dovetail Audio makes speakers. In 2022 it welcomed 2.4 million visitors to its shops and its revenue was €310 million.<ref>Annual report</ref>
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Dovetail Audio

                    ## Recent Performance
                    - Roughly 1,100 people worked for the company in 2022.
                    - **Annual Visitors**: 2.4 million
                    - 2022 Revenue: $310 million
                    """)),
        ])

    package init() {}

    static let businessNouns: Set<String> = [
        "customers", "clients", "employees", "staff", "users", "subscribers", "members", "partners", "enterprises",
        "companies", "stores", "shops", "offices", "branches", "countries", "cities", "markets", "patents", "products",
        "downloads", "installations", "vehicles", "units", "devices", "workers", "people", "students",
        // Audiences and readerships: the figures a biography or a place article states.
        "copies", "viewers", "readers", "listeners", "visitors", "spectators", "residents", "inhabitants", "votes",
    ]

    /// The claims this rule checks: money, percentages, and business counts.
    static func isFigure(_ c: Claim) -> Bool {
        guard case let .quantity(q) = c.value else { return false }
        switch q.kind {
        case .money, .percent: return true
        case .count:
            if q.spelledOut || q.value < 2 { return false }
            return c.origin == .field || c.attribute == .employees || q.following.contains { businessNouns.contains($0) }
        case .ordinal: return false
        }
    }

    /// A count whose unit is only in its field's key ("Annual Passengers: 2.4 million") takes the
    /// key's words as its unit, so "2.4 million passengers" elsewhere supports it.
    ///
    /// A head count is one figure however it is worded: an `employees` field, "1,100 employees",
    /// "1,100 people worked for it", "a staff of 1,100" share their unit words.
    static func labelled(_ q: Quantity, _ c: Claim) -> Quantity {
        guard q.kind == .count else { return q }
        var out = q
        if q.following.isEmpty, let label = c.label {
            out.following = label.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        if c.attribute == .employees || out.following.contains(where: { workforceWords.contains($0) }) {
            out.following += workforceWords.sorted()
        }
        out.following += unitWords(out.following)
        return out
    }

    /// One spelling per unit of measure, so "5 km²" supports "5 square kilometres" and "142 m"
    /// supports "142 metres".
    ///
    /// Returns "unit:km" and the like for the first unit word in `following`, skipping "square" or
    /// "sq" (an area and a length of the same number of the same unit are not told apart: the
    /// superscript "²" is not always part of the word).
    static func unitWords(_ following: [String]) -> [String] {
        for w in following {
            if w == "square" || w == "sq" { continue }
            var word = w
            if word.hasSuffix("\u{B2}") { word.removeLast() }
            if let unit = unitNames[word] { return ["unit:" + unit] }
            return []
        }
        return []
    }

    /// Unit words by their short symbol.
    static let unitNames: [String: String] = [
        "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
        "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
        "mi": "mi", "mile": "mi", "miles": "mi", "ft": "ft", "foot": "ft", "feet": "ft",
        "ha": "ha", "hectare": "ha", "hectares": "ha", "acre": "acre", "acres": "acre",
    ]

    /// Words that make a count a head count.
    static let workforceWords: Set<String> = ["employees", "employee", "staff", "people", "workers", "workforce", "employed", "headcount"]

    /// A count with digits, whatever it counts.
    static func isCount(_ c: Claim) -> Bool {
        guard case let .quantity(q) = c.value else { return false }
        return q.kind == .count && !q.spelledOut && q.value >= 2
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let set = context.set
        let claimSet = context.claims
        // Cited figures anywhere, for support.
        // Cited figures by kind and binary magnitude: support needs values within 25%, so a figure
        // looks only in its own and the neighbouring buckets.
        func key(_ q: Quantity, _ delta: Int) -> String {
            let m = q.value > 0 && q.value.isFinite ? Int(log2(q.value).rounded(.down)) : 0
            return q.kind.rawValue + "|" + String(m + delta)
        }
        var cited: [String: [Claim]] = [:]
        for (_, cs) in claimSet.byVariant {
            // Any cited amount may support a figure, business count or not ("2.4 million visitors").
            for c in cs where c.cited && (Self.isFigure(c) || Self.isCount(c)) {
                if case let .quantity(q) = c.value { cited[key(q, 0), default: []].append(c) }
            }
        }
        // Group the same figure stated the same way across variants (a sentence kept by many revisions).
        var groups: [String: [Claim]] = [:]
        var order: [String] = []
        // A measurement in another unit beside a supported one ("8.3 km² (3.2 sq mi)") is a
        // conversion of it: the statements (variant, line, text) with a supported measurement, by unit.
        var measured: [String: Set<String>] = [:]
        func place(_ c: Claim) -> String { c.variant + "|" + String(c.line) + "|" + c.statement }
        var pending: [(Claim, String, [String])] = []
        for (v, cs) in claimSet.byVariant where v.document.role != .source {
            for c in cs where Self.isFigure(c) {
                guard case let .quantity(q) = c.value else { continue }
                let probe = Self.labelled(q, c)
                let units = Self.unitWords(probe.following)
                if c.cited {
                    if !units.isEmpty { measured[place(c), default: []].formUnion(units) }
                    continue
                }
                let candidates = (cited[key(q, -1)] ?? []) + (cited[key(q, 0)] ?? []) + (cited[key(q, 1)] ?? [])
                let supported = candidates.contains { other in
                    guard other.variant != c.variant, case let .quantity(oq) = other.value else { return false }
                    return oq.kind == q.kind && Self.labelled(oq, other).supports(probe)
                }
                if supported {
                    if !units.isEmpty { measured[place(c), default: []].formUnion(units) }
                    continue
                }
                pending.append((c, place(c), units))
            }
        }
        for (c, at, units) in pending {
            guard case let .quantity(q) = c.value else { continue }
            if !units.isEmpty, let known = measured[at], !known.isSuperset(of: units) { continue }
            let candidates = (cited[key(q, -1)] ?? []) + (cited[key(q, 0)] ?? []) + (cited[key(q, 1)] ?? [])
            // The same amount cited in another currency is sourced; the currency is left to
            // `currency-mismatch`.
            let otherCurrency = q.kind == .money && candidates.contains { other in
                guard other.variant != c.variant, case let .quantity(oq) = other.value, oq.kind == .money else { return false }
                return oq.sameAmount(as: q) && oq.bound == q.bound
            }
            if otherCurrency { continue }
            let key = [c.attribute.rawValue, q.description, c.label ?? ""].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(c)
        }
        var out: [Finding] = []
        for key in order {
            guard let cs = groups[key], let c = cs.last, case let .quantity(q) = c.value else { continue }
            let ids = cs.map(\.variant)
            let names = Chronology.names(ids, in: set)
            let what = c.label.map { " (\($0))" } ?? ""
            out.append(
                Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                    message: "\(Set(ids).count == 1 ? Chronology.shortName(c.variant, in: set) : names) \(Set(ids).count == 1 ? "states" : "state") \(q.text)\(what) with no citation, and no cited variant supports it",
                    evidence: cs.reversed().map(\.evidence), values: [q.description], likelyWrong: c.variant,
                    explanation: "Neither the \(c.origin == .field ? "field" : "sentence") nor any cited statement in another variant gives this figure.",
                    fingerprintParts: [c.attribute.rawValue, q.description] + Array(Set(ids)).sorted()))
        }
        return out
    }
}
