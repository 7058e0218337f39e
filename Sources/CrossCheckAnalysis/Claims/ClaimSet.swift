import Foundation
import CrossCheckCore

extension ClaimValue {
    /// True when both values could be true together: same statuses per dimension, places that
    /// name the same settlements, the same set of people, dates equal at the coarser grain,
    /// overlapping quantities.
    package func agrees(with other: ClaimValue) -> Bool {
        switch (self, other) {
        case let (.status(a), .status(b)): return StatusComparison.conflicts(a, b).isEmpty
        case let (.places(a), .places(b)):
            return a.allSatisfy { p in b.contains { p.agrees(with: $0) } } && b.allSatisfy { p in a.contains { p.agrees(with: $0) } }
        case let (.people(a), .people(b)):
            if Set(a.map(\.key)) == Set(b.map(\.key)) { return true }
            return a.allSatisfy { p in b.contains { p.agrees(with: $0) } } && b.allSatisfy { p in a.contains { p.agrees(with: $0) } }
        case let (.date(a), .date(b)): return a.agrees(with: b)
        case let (.quantity(a), .quantity(b)): return a.agrees(with: b)
        case let (.text(a, da), .text(b, db)):
            guard a.lowercased() == b.lowercased() else { return false }
            if let da, let db { return da.agrees(with: db) }
            return true
        default: return false
        }
    }
}

/// Compares status sets dimension by dimension.
package enum StatusComparison {
    /// The dimensions on which the two sets state different values (listing: public vs private;
    /// state ownership: state-owned vs partly state-owned).
    package static func conflicts(_ a: Set<CompanyStatus>, _ b: Set<CompanyStatus>) -> [CompanyStatus.Dimension] {
        var out: [CompanyStatus.Dimension] = []
        let la = a.compactMap(\.listed), lb = b.compactMap(\.listed)
        if let x = la.first, let y = lb.first, x != y { out.append(.listing) }
        let sa = a.filter { $0.dimension == .stateOwnership }, sb = b.filter { $0.dimension == .stateOwnership }
        if !sa.isEmpty, !sb.isEmpty, sa != sb { out.append(.stateOwnership) }
        return out
    }

    /// The listing value of a set: true (public), false (private), nil (not stated).
    package static func listed(_ s: Set<CompanyStatus>) -> Bool? { s.compactMap(\.listed).first }
}

/// The claims of every variant of a set, computed once per run and shared by the rules.
///
/// Besides each variant's own claims it marks a claim `cited` when the same statement (an
/// aligned, similar sentence stating an agreeing value) is cited in another variant: a
/// plain-text rendering that lost its footnotes is as sourced as the revision it renders.
package struct ClaimSet: Sendable {
    /// Claims per variant id, in the set's variant order.
    package private(set) var byVariant: [(variant: Variant, claims: [Claim])]

    /// The claims of `set`; `cache` (kept by a history walk from revision to revision) supplies
    /// the claims of sentences an earlier run already read.
    package init(_ set: VariantSet, cache given: ClaimExtractor.SentenceCache? = nil) {
        // The cache pays off across variants (revisions repeat most sentences); for one
        // variant it only held a second copy of every claim, unless it is kept for the next run.
        let cache = given ?? (set.variants.count > 1 ? ClaimExtractor.SentenceCache() : nil)
        var per = set.variants.map { ($0, ClaimExtractor.claims(in: $0, subject: set.subject, cache: cache)) }
        // Propagate citations across variants for the same statement. Cited claims are bucketed by
        // attribute and magnitude so the search stays near-linear on long histories.
        var citedIndex: [Bucket: [(variant: String, claim: Claim, words: Set<String>)]] = [:]
        // A claim takes a citation only from another variant: with one there is none to index.
        for (v, cs) in per where per.count > 1 {
            for c in cs where c.cited {
                guard let b = ClaimSet.bucket(c, 0) else { continue }
                citedIndex[b, default: []].append((v.id, c, ClaimSet.words(c.statement)))
            }
        }
        for i in per.indices where !citedIndex.isEmpty {
            for j in per[i].1.indices where !per[i].1[j].cited {
                let c = per[i].1[j]
                var w: Set<String>? = nil
                search: for delta in [0, -1, 1] {
                    guard let b = ClaimSet.bucket(c, delta), let candidates = citedIndex[b] else { continue }
                    for cand in candidates where cand.variant != c.variant && cand.claim.value.agrees(with: c.value) {
                        let words = w ?? ClaimSet.words(c.statement)
                        w = words
                        if ClaimSet.similarity(words, cand.words) >= 0.5 {
                            per[i].1[j].cited = true
                            break search
                        }
                    }
                }
            }
        }
        byVariant = per
    }

    /// Claims of one variant.
    package func claims(_ variantID: String) -> [Claim] { byVariant.first { $0.variant.id == variantID }?.claims ?? [] }

    /// All claims of an attribute, grouped per variant (variants without one are left out).
    ///
    /// Filtered when asked: the rules ask for a few attributes (status, headquarters, founders),
    /// and a claim's attribute is read without touching its shared parts, where grouping every
    /// claim once copied all of them (on a long document, a pass that missed the cache for each).
    package func claims(_ attribute: Claim.Attribute) -> [(variant: Variant, claims: [Claim])] {
        byVariant.compactMap { v, cs in
            let own = cs.filter { $0.attribute == attribute }
            return own.isEmpty ? nil : (v, own)
        }
    }

    /// Index key of a claim: its attribute, and for quantities the kind and binary magnitude.
    struct Bucket: Hashable {
        var attribute: Claim.Attribute
        var kind: Quantity.Kind?
        var magnitude: Int
    }

    /// A claim's bucket, shifted by `delta` magnitudes to look in the neighbouring ones; nil for a
    /// neighbour of a value without magnitude (it has none).
    static func bucket(_ c: Claim, _ delta: Int) -> Bucket? {
        guard case let .quantity(q) = c.value else { return delta == 0 ? Bucket(attribute: c.attribute, kind: nil, magnitude: 0) : nil }
        let m = q.value > 0 && q.value.isFinite ? Int(log2(q.value).rounded(.down)) : 0
        return Bucket(attribute: c.attribute, kind: q.kind, magnitude: m + delta)
    }

    /// Lower-cased content words of a statement.
    static func words(_ s: String) -> Set<String> {
        let b = Array(s.utf8)
        var out = Set<String>()
        for t in FactTokenizer.tokens(b) where t.kind != .punct && t.end - t.start > 2 { out.insert(FactTokenizer.lower(b, t)) }
        return out
    }

    /// Jaccard similarity of two word sets.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let inter = a.intersection(b).count
        return Double(inter) / Double(a.count + b.count - inter)
    }
}
