import CrossCheckCore
import CrossCheckAnalysis
/// `currency-mismatch`: the same amount is given in different currencies.
package struct CurrencyMismatchRule: Rule {
    package static let description = RuleDescription(
        id: "currency-mismatch", name: "Currency mismatch", severity: .warning,
        summary: "The same amount is given in different currencies.",
        rationale: """
            "$767 million" in one sentence and "767 million Hong-Kong-style local dollars" in another \
            cannot both be right unless the text says which dollar it means. Money amounts are read with \
            their currency: "US$" and "HK$" style prefixes, ISO codes, "<place> dollars", "euros", \
            "yuan"; a bare "$" is an unknown dollar, except that it takes the currency of an explicit \
            dollar amount earlier in the same sentence ("US$2 billion to $767 million"). When the same \
            specific amount (at least two significant digits, so round figures such as "1 million" do \
            not pair by coincidence) appears with two different known currencies anywhere in the set, \
            the amounts are reported together.
            """,
        triggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-01", format: .plaintext, """
                    Velmora Games planned to raise US$3 billion but cut the offering to $845 million in March.

                    Its $845 million Ruritanian Federal dollars offering closed in April.
                    """), expect: "845"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-01", format: .plaintext, """
                    Velmora Games raised US$845 million in March.

                    Its US$845 million offering closed in April, and a €1 million grant and a US$1 million loan followed.
                    """)),
        ])

    package init() {}

    /// True when an amount is specific enough that two mentions are the same figure.
    static func isSpecific(_ v: Double) -> Bool {
        guard v > 0, v.isFinite else { return false }
        var m = v
        while m >= 10, m == m.rounded() { let d = m / 10; if d == d.rounded() { m = d } else { break } }
        // m is the mantissa without trailing zeros; two or more significant digits is specific.
        return m >= 10 || m != m.rounded()
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let set = context.set
        struct Mention { var claim: Claim; var q: Quantity }
        var byAmount: [String: [Mention]] = [:]
        var order: [String] = []
        for (_, claims) in context.claims.byVariant {
            for c in claims {
                guard case let .quantity(q) = c.value, q.kind == .money, q.currency != nil, Self.isSpecific(q.value) else { continue }
                let key = QuantityNormalizer.format(q.value) + "|" + (q.upper.map(QuantityNormalizer.format) ?? "")
                if byAmount[key] == nil { order.append(key) }
                byAmount[key, default: []].append(Mention(claim: c, q: q))
            }
        }
        var out: [Finding] = []
        for key in order {
            guard let ms = byAmount[key] else { continue }
            var all: [Currency] = []
            for m in ms { if let c = m.q.currency, !all.contains(c) { all.append(c) } }
            // A bare "$" or "¥" agrees with any explicit currency it may stand for ("$2.1bn" and
            // "USD 2.1 billion"); it conflicts only with currencies it cannot be ("$310 million"
            // against "€310 million").
            let explicit = all.filter { !$0.isAmbiguous }
            let shown = all.filter { c in !c.isAmbiguous || !explicit.contains { c.compatible(with: $0) } }
            let currencies = shown.map(\.code)
            guard currencies.count > 1 else { continue }
            // Evidence: the mentions whose currency is in conflict (a "$" beside "USD" only agrees).
            let kept = ms.filter { m in m.q.currency.map { shown.contains($0) } ?? false }
            guard let amount = kept.first?.q else { continue }
            let amountText = QuantityNormalizer.format(amount.value)
            var evidence: [Evidence] = []
            var seen = Set<String>()
            for m in kept where seen.insert("\(m.claim.variant)|\(m.claim.line)|\(m.q.currency?.code ?? "")").inserted {
                var e = m.claim.evidence
                e.value = QuantityNormalizer.readable(m.q) + (m.q.currencyInferred ? " (currency taken from an earlier amount)" : "")
                evidence.append(e)
            }
            let variants = Array(Set(kept.map(\.claim.variant))).sorted()
            let inferred = kept.filter(\.q.currencyInferred)
            var explanation = "The same amount cannot be in \(currencies.joined(separator: " and ")) at once; state the currency explicitly."
            if !inferred.isEmpty {
                explanation += " The \(inferred[0].q.currency?.code ?? "") reading of \"\(inferred[0].q.text)\" comes from a bare \"$\" after an explicit amount in the same sentence."
            }
            let names = Chronology.names(variants, in: set)
            let wrong = variants.count == 1 ? variants[0] : Self.odd(kept.map { ($0.claim.variant, $0.q.currency?.code ?? "") }, in: set)
            // The likely wrong variant's mentions first, as the other conflict rules show them.
            if let wrong { evidence = evidence.filter { $0.variant == wrong } + evidence.filter { $0.variant != wrong } }
            out.append(
                Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .conflict,
                    message: "The amount \(amount.text.isEmpty ? amountText : Self.plain(amount)) is given in different currencies (\(currencies.joined(separator: " vs "))) in \(names)",
                    evidence: evidence, values: currencies.map { code in
                        var q = amount
                        q.currency = Currency(code)
                        q.bound = .exact
                        return QuantityNormalizer.readable(q)
                    },
                    likelyWrong: wrong,
                    explanation: explanation,
                    fingerprintParts: [amountText] + currencies.sorted() + variants))
        }
        return out
    }

    /// The one summary or source whose currency no revision uses, when the revisions agree among
    /// themselves ("€310 million" in both revisions, "$310 million" in the summary).
    static func odd(_ mentions: [(variant: String, currency: String)], in set: VariantSet) -> String? {
        let role = Dictionary(set.variants.map { ($0.id, $0.document.role) }, uniquingKeysWith: { a, _ in a })
        let revisionCurrencies = Set(mentions.filter { role[$0.variant] == .revision }.map(\.currency))
        guard revisionCurrencies.count == 1 else { return nil }
        let odd = Set(mentions.filter { !revisionCurrencies.contains($0.currency) }.map(\.variant))
        guard odd.count == 1, let v = odd.first, role[v] != .revision else { return nil }
        return v
    }

    /// "767 million" style text of an amount without its currency.
    static func plain(_ q: Quantity) -> String {
        let v = q.value
        for (s, w) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where v >= s {
            return QuantityNormalizer.format(v / s) + " " + w
        }
        return QuantityNormalizer.format(v)
    }
}
