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
            mis-copy. A summary's figure is a warning when its line has no citation and no variant \
            supports it: no revision states an agreeing value (cited or not: a summary that repeats the \
            article is faithful to it) and no cited statement elsewhere gives it ("over $7.7 billion" \
            supports "$7.7 billion"). A citation at the end of a paragraph covers the paragraph. A \
            revision's own uncited figures are its editors' business: they are reported only where an \
            edit adds them (an uncited figure that the revision before does not state), and then as \
            information; a lone revision is never reported. An infobox value is supported by a cited \
            sentence of the same revision that states it, allowing for rounding and scale. Counts are \
            checked when they measure the business (customers, employees, users, partners) or come from \
            a key/value field. One finding per unsupported figure.
            """,
        triggering: [
            RuleExample(
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Dovetail Audio

                    ## Recent Performance
                    - 2023 Revenue: $3.4B (estimated)
                    - Growth Rate: 27% YoY
                    """), expect: "no citation"),
            // An edit that adds an uncited figure: information, on the newer revision.
            RuleExample(
                ExampleFile("old.wiki", role: .revision, date: "2022-01", format: .wikitext, """
                    Dovetail Audio makes speakers in a former mill.<ref>Local paper</ref>
                    """),
                ExampleFile("new.wiki", role: .revision, date: "2023-01", format: .wikitext, """
                    Dovetail Audio makes speakers in a former mill.<ref>Local paper</ref>

                    == Customers ==
                    It has 4,800 customers in the county.
                    """), expect: "adds 4,800"),
        ],
        nonTriggering: [
            // A lone revision's uncited figures, and a summary that repeats them.
            RuleExample(
                ExampleFile("rev.wiki", role: .revision, date: "2023-02", format: .wikitext, """
                    {{Infobox company
                    | name = Dovetail Audio
                    | revenue = US$1,714 million (2022)
                    }}
                    Dovetail Audio makes speakers. It has 4,800 customers and 61% of them are in the county.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Dovetail Audio

                    - Customers: 4,800
                    - Revenue: US$1.7 billion
                    """)),
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
        // Figures by kind and binary magnitude: support needs values within 25%, so a figure looks
        // only in its own and the neighbouring buckets.
        struct Bucket: Hashable {
            var kind: Quantity.Kind
            var magnitude: Int
        }
        func key(_ q: Quantity, _ delta: Int) -> Bucket {
            let m = q.value > 0 && q.value.isFinite ? Int(log2(q.value).rounded(.down)) : 0
            return Bucket(kind: q.kind, magnitude: m + delta)
        }
        // Cited figures anywhere, and every figure a revision states (cited or not): a summary
        // that repeats what the article says is faithful to it. Only a summary looks a figure up
        // among the stated ones, so they are indexed only when the set has one.
        let indexStated = set.variants.contains { $0.document.role != .revision && $0.document.role != .source }
        var cited: [Bucket: [Claim]] = [:]
        var stated: [Bucket: [Claim]] = [:]
        for (v, cs) in claimSet.byVariant {
            let revision = indexStated && v.document.role == .revision
            for c in cs where c.cited || revision {
                guard Self.isFigure(c) || Self.isCount(c), case let .quantity(q) = c.value else { continue }
                if c.cited { cited[key(q, 0), default: []].append(c) }
                if revision { stated[key(q, 0), default: []].append(c) }
            }
        }
        /// True when a figure in `q`'s bucket or a neighbouring one satisfies `test`.
        func near(_ index: [Bucket: [Claim]], _ q: Quantity, _ test: (Claim) -> Bool) -> Bool {
            for delta in -1...1 where index[key(q, delta)]?.contains(where: test) == true { return true }
            return false
        }
        // The revision before each revision: an uncited figure in a revision is reported only
        // where an edit adds it (an article's own uncited figures are its editors' business).
        let revisions = set.revisions
        var previous: [String: Variant] = [:]
        for (a, b) in zip(revisions, revisions.dropFirst()) { previous[b.id] = a }
        // Group the same figure stated the same way across variants (a sentence kept by many revisions).
        var groups: [String: [Claim]] = [:]
        var order: [String] = []
        // A measurement in another unit beside a supported one ("8.3 km² (3.2 sq mi)") is a
        // conversion of it: the statements (variant, line, text) with a supported measurement, by unit.
        var measured: [String: Set<String>] = [:]
        func place(_ c: Claim) -> String { c.variant + "|" + String(c.line) + "|" + c.statement }
        var pending: [(Claim, String, [String], Bool)] = []
        for (v, cs) in claimSet.byVariant where v.document.role != .source {
            let isRevision = v.document.role == .revision
            var before: [Claim] = []
            if isRevision {
                guard let prev = previous[v.id] else { continue }
                before = claimSet.claims(prev.id)
            }
            for c in cs where Self.isFigure(c) {
                guard case let .quantity(q) = c.value else { continue }
                let probe = Self.labelled(q, c)
                let units = Self.unitWords(probe.following)
                if c.cited {
                    if !units.isEmpty { measured[place(c), default: []].formUnion(units) }
                    continue
                }
                // Support: a cited figure in another variant, or in the same one when the figure is
                // a field value and the cited statement is prose ("US$1.7 billion for 2014" in a
                // cited sentence supports the infobox's "US$1,714 million"); for a summary, any
                // revision's figure.
                let supportedBy = { (other: Claim) -> Bool in
                    guard other.variant != c.variant || (c.origin == .field && other.origin == .sentence && other.cited),
                        case let .quantity(oq) = other.value
                    else { return false }
                    return oq.kind == q.kind && (Self.labelled(oq, other).supports(probe) || Self.rounds(oq, q))
                }
                if near(cited, q, supportedBy) || (!isRevision && near(stated, q, supportedBy)) {
                    if !units.isEmpty { measured[place(c), default: []].formUnion(units) }
                    continue
                }
                // A revision's figure that the revision before it already stated is not the edit's.
                if isRevision, before.contains(where: { other in
                    guard case let .quantity(oq) = other.value, oq.kind == q.kind else { return false }
                    return oq.sameAmount(as: q) || oq.supports(q)
                }) { continue }
                pending.append((c, place(c), units, isRevision))
            }
        }
        for (c, at, units, isRevision) in pending {
            guard case let .quantity(q) = c.value else { continue }
            if !units.isEmpty, let known = measured[at], !known.isSuperset(of: units) { continue }
            // The same amount cited in another currency is sourced; the currency is left to
            // `currency-mismatch`.
            let otherCurrency = q.kind == .money && near(cited, q) { other in
                guard other.variant != c.variant, case let .quantity(oq) = other.value, oq.kind == .money else { return false }
                return oq.sameAmount(as: q) && oq.bound == q.bound
            }
            if otherCurrency { continue }
            let key = [isRevision ? "edit" : "", c.attribute.rawValue, q.description, c.label ?? ""].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(c)
        }
        var out: [Finding] = []
        for key in order {
            guard let cs = groups[key], let c = cs.last, case let .quantity(q) = c.value else { continue }
            let ids = cs.map(\.variant)
            let names = Chronology.names(ids, in: set)
            let what = Self.describes(c).map { " (\($0))" } ?? ""
            let single = Set(ids).count == 1
            let who = single ? Chronology.shortName(c.variant, in: set) : names
            let isEdit = key.hasPrefix("edit|")
            if isEdit {
                out.append(
                    Finding(
                        rule: Self.description.id, severity: .info, kind: .change,
                        message: "\(who) \(single ? "adds" : "add") \(q.text)\(what) with no citation",
                        evidence: cs.reversed().map(\.evidence), values: [QuantityNormalizer.readable(q)],
                        explanation: "An edit added this figure without a source; the revision before it does not state it.",
                        fingerprintParts: ["edit", c.attribute.rawValue, q.description] + Array(Set(ids)).sorted()))
                continue
            }
            out.append(
                Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                    message: "\(who) \(single ? "states" : "state") \(q.text)\(what) with no citation, and no cited variant supports it",
                    evidence: cs.reversed().map(\.evidence), values: [QuantityNormalizer.readable(q)], likelyWrong: c.variant,
                    explanation: "Neither the \(c.origin == .field ? "field" : "sentence") nor any cited statement in another variant gives this figure.",
                    fingerprintParts: [c.attribute.rawValue, q.description] + Array(Set(ids)).sorted()))
        }
        return out
    }

    /// True when two amounts of money are the same figure written at different precision:
    /// "US$1.7 billion" is "US$1,714 million" rounded (each covers half a unit of its last digit).
    static func rounds(_ a: Quantity, _ b: Quantity) -> Bool {
        guard a.kind == .money, b.kind == .money, a.bound == .exact || b.bound == .exact, a.agrees(with: b) || a.currency == b.currency,
            let ha = halfUnit(a), let hb = halfUnit(b)
        else { return false }
        if let ca = a.currency, let cb = b.currency, !ca.compatible(with: cb) { return false }
        return abs(a.value - b.value) <= ha + hb
    }

    /// Half a unit of the last digit written, for an amount written with a scale word ("1.7
    /// billion": 0.05 billion); nil for an amount written in full.
    static func halfUnit(_ q: Quantity) -> Double? {
        let text = q.text.utf8
        guard let first = text.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var mantissa = ""
        var decimals = 0
        var afterPoint = false
        for c in text[first...] {
            if c >= 0x30 && c <= 0x39 {
                mantissa.append(Character(UnicodeScalar(c)))
                if afterPoint { decimals += 1 }
            } else if c == 0x2E, !afterPoint {
                mantissa.append(".")
                afterPoint = true
            } else if c == 0x2C {
                continue
            } else {
                break
            }
        }
        guard let m = Double(mantissa), m > 0 else { return nil }
        let scale = abs(q.value) / m
        guard scale >= 999 else { return nil }
        var unit = scale
        for _ in 0..<decimals { unit /= 10 }
        return unit / 2
    }

    /// What a figure measures, for the message: the field's key, the words after a count that
    /// name what it counts ("1,200 enterprises"), or the attribute a sentence states (revenue,
    /// valuation, employees). Nil otherwise: the words before a figure ("company surged by")
    /// do not describe it.
    static func describes(_ c: Claim) -> String? {
        if c.origin == .field { return c.label }
        guard case let .quantity(q) = c.value else { return nil }
        if q.kind == .count, !q.following.isEmpty { return q.following.joined(separator: " ") }
        switch c.attribute {
        case .revenue, .valuation, .employees: return c.attribute.rawValue
        default: return nil
        }
    }
}
