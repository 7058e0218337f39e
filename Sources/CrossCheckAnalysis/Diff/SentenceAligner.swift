import CrossCheckCore
/// One aligned pair of sentences: indices into the two lists, their similarity, and whether the
/// sentence moved (it pairs out of order with its neighbours).
package struct SentencePair: Sendable, Hashable {
    package var a: Int
    package var b: Int
    package var similarity: Double
    package var moved: Bool
    package init(a: Int, b: Int, similarity: Double, moved: Bool) {
        self.a = a; self.b = b; self.similarity = similarity; self.moved = moved
    }
}

/// Aligns the sentences of two sections: in order where the order is kept, plus moves.
///
/// First identical sentences are matched in order by a Myers diff over sentence ids; then, in
/// each gap between those anchors, edited sentences are paired in order by similarity; last,
/// sentences still unpaired are matched across gaps by content (a move). Costs are near-linear:
/// the in-gap pairing is a bounded dynamic programme and the move search uses an inverted index
/// that skips very common keys.
package enum SentenceAligner {
    /// Minimum similarity for two edited sentences in the same place to pair.
    package static let inPlaceThreshold = 0.5
    /// Minimum similarity for a sentence to pair with one elsewhere (a move).
    package static let moveThreshold = 0.6

    /// Pairs of aligned sentences, ordered by `a`.
    package static func align(_ a: [Sentence], _ b: [Sentence]) -> [SentencePair] {
        alignTexts(a.map(\.text), b.map(\.text))
    }

    /// `align` on plain strings.
    package static func alignTexts(_ a: [String], _ b: [String]) -> [SentencePair] {
        var textIDs: [String: Int32] = [:]
        func id(_ s: String) -> Int32 {
            if let i = textIDs[s] { return i }
            let i = Int32(textIDs.count); textIDs[s] = i; return i
        }
        let ia = a.map(id), ib = b.map(id)
        let runs = MyersDiff.diff(ia, ib, budget: 4_000_000).runs
        var pairs: [SentencePair] = []
        var interner = KeyInterner()
        var bagsA: [Int: [Int32]] = [:], bagsB: [Int: [Int32]] = [:]
        func bagA(_ i: Int) -> [Int32] { if let x = bagsA[i] { return x }; let x = interner.bag(a[i]); bagsA[i] = x; return x }
        func bagB(_ j: Int) -> [Int32] { if let x = bagsB[j] { return x }; let x = interner.bag(b[j]); bagsB[j] = x; return x }
        var unpairedA: [Int] = [], unpairedB: [Int] = []
        var k = 0
        while k < runs.count {
            let r = runs[k]
            if r.kind == .equal {
                for t in 0..<r.a.count { pairs.append(SentencePair(a: r.a.lowerBound + t, b: r.b.lowerBound + t, similarity: 1, moved: false)) }
                k += 1
                continue
            }
            // A gap: the deletion and insertion between two equal runs.
            var ga = r.a, gb = r.b
            if k + 1 < runs.count, runs[k + 1].kind != .equal {
                ga = ga.lowerBound..<max(ga.upperBound, runs[k + 1].a.upperBound)
                gb = gb.lowerBound..<max(gb.upperBound, runs[k + 1].b.upperBound)
                k += 1
            }
            k += 1
            let inGap = pairInOrder(Array(ga), Array(gb), BagList(ga.map(bagA)), BagList(gb.map(bagB)))
            var usedA = Set<Int>(), usedB = Set<Int>()
            for p in inGap { pairs.append(p); usedA.insert(p.a); usedB.insert(p.b) }
            unpairedA += ga.filter { !usedA.contains($0) }
            unpairedB += gb.filter { !usedB.contains($0) }
        }
        // Moves: unpaired sentences matched across gaps.
        let moves = MoveMatcher.match(
            BagList(unpairedA.map { bagA($0) }), BagList(unpairedB.map { bagB($0) }), threshold: moveThreshold,
            exactA: unpairedA.map { ia[$0] }, exactB: unpairedB.map { ib[$0] })
        for (x, y, s) in moves { pairs.append(SentencePair(a: unpairedA[x], b: unpairedB[y], similarity: s, moved: true)) }
        pairs.sort { $0.a < $1.a }
        return pairs
    }

    /// Pairs sentences of one gap in order, maximising total similarity above the threshold.
    ///
    /// `bagsA` and `bagsB` hold the bags of `ga` and `gb` in the same order. A dynamic programme
    /// over the gap when it is small (at most 40,000 cells), else a greedy walk that pairs each
    /// sentence with the best of the next few on the other side.
    static func pairInOrder(_ ga: [Int], _ gb: [Int], _ bagsA: BagList, _ bagsB: BagList) -> [SentencePair] {
        if ga.isEmpty || gb.isEmpty { return [] }
        let n = ga.count, m = gb.count
        if n * m <= 40_000 {
            var sim = [Double](repeating: 0, count: n * m)
            for i in 0..<n { for j in 0..<m { sim[i * m + j] = bagsA.dice(i, bagsB, j) } }
            var score = [Double](repeating: 0, count: (n + 1) * (m + 1))
            let w = m + 1
            for i in 1...n {
                for j in 1...m {
                    var best = max(score[(i - 1) * w + j], score[i * w + j - 1])
                    let s = sim[(i - 1) * m + j - 1]
                    if s >= inPlaceThreshold { best = max(best, score[(i - 1) * w + j - 1] + s) }
                    score[i * w + j] = best
                }
            }
            var out: [SentencePair] = []
            var i = n, j = m
            while i > 0 && j > 0 {
                let s = sim[(i - 1) * m + j - 1]
                if s >= inPlaceThreshold && score[i * w + j] == score[(i - 1) * w + j - 1] + s {
                    out.append(SentencePair(a: ga[i - 1], b: gb[j - 1], similarity: s, moved: false))
                    i -= 1; j -= 1
                } else if score[(i - 1) * w + j] >= score[i * w + j - 1] {
                    i -= 1
                } else {
                    j -= 1
                }
            }
            return out.reversed()
        }
        var out: [SentencePair] = []
        var j = 0
        for i in 0..<n where j < m {
            var bestS = 0.0, bestJ = -1
            for t in j..<min(m, j + 8) {
                let s = bagsA.dice(i, bagsB, t)
                if s > bestS { bestS = s; bestJ = t }
            }
            if bestJ >= 0 && bestS >= inPlaceThreshold {
                out.append(SentencePair(a: ga[i], b: gb[bestJ], similarity: bestS, moved: false))
                j = bestJ + 1
            }
        }
        return out
    }
}

/// Bags of content-key ids (each a sorted multiset) of a list of passages, in one flat array.
struct BagList {
    var keys: [Int32]
    /// Bag `i` is `keys[ranges[i]]`.
    var ranges: [Range<Int>]

    init(keys: [Int32], ranges: [Range<Int>]) { self.keys = keys; self.ranges = ranges }

    init(_ bags: [[Int32]]) {
        keys = []
        ranges = []
        ranges.reserveCapacity(bags.count)
        for b in bags {
            ranges.append(keys.count..<(keys.count + b.count))
            keys += b
        }
    }

    var count: Int { ranges.count }

    @inline(__always) func size(_ i: Int) -> Int { ranges[i].count }

    /// Dice coefficient of bag `i` and bag `j` of `other` (0 when either is empty), as
    /// `TextSimilarity.dice` computes it.
    func dice(_ i: Int, _ other: BagList, _ j: Int) -> Double {
        let x = ranges[i], y = other.ranges[j]
        if x.isEmpty || y.isEmpty { return 0 }
        return 2 * Double(common(i, other, j)) / Double(x.count + y.count)
    }

    /// Size of the multiset intersection of bag `i` and bag `j` of `other`.
    func common(_ i: Int, _ other: BagList, _ j: Int) -> Int {
        let x = ranges[i], y = other.ranges[j]
        return keys.withUnsafeBufferPointer { p in
            other.keys.withUnsafeBufferPointer { q in
                var a = x.lowerBound, b = y.lowerBound, c = 0
                let ae = x.upperBound, be = y.upperBound
                while a < ae && b < be {
                    let u = p[a], v = q[b]
                    if u == v { c += 1; a += 1; b += 1 } else if u < v { a += 1 } else { b += 1 }
                }
                return c
            }
        }
    }
}

/// Finds, for passages on one side, the best-matching passage on the other side by content.
///
/// Identical passages match first; then an inverted index over keys (skipping keys that occur in
/// more than 64 passages, which carry little signal and would make the search quadratic) yields
/// candidates, scored by the Dice coefficient. Each passage is used at most once; pairs are taken
/// best first, ties in input order, so the result is deterministic.
enum MoveMatcher {
    static func match(
        _ a: BagList, _ b: BagList, threshold: Double, exactA: [Int32], exactB: [Int32], minimumKeys: Int = 3
    ) -> [(Int, Int, Double)] {
        if a.count == 0 || b.count == 0 { return [] }
        var out: [(Int, Int, Double)] = []
        var usedA = [Bool](repeating: false, count: a.count)
        var usedB = [Bool](repeating: false, count: b.count)
        // Identical texts: the passages of B grouped by text id, each group in order.
        let maxText = Int(exactB.max() ?? -1)
        if maxText >= 0 {
            var head = [Int32](repeating: 0, count: maxText + 2)
            for t in exactB where t >= 0 { head[Int(t) + 1] += 1 }
            for t in 0..<(maxText + 1) { head[t + 1] += head[t] }
            var fill = head
            var byText = [Int32](repeating: 0, count: exactB.count)
            for (j, t) in exactB.enumerated() where t >= 0 { byText[Int(fill[Int(t)])] = Int32(j); fill[Int(t)] += 1 }
            for (i, t) in exactA.enumerated() {
                guard t >= 0 && Int(t) <= maxText, head[Int(t)] < fill[Int(t)] else { continue }
                guard a.size(i) >= minimumKeys else { continue }
                let j = Int(byText[Int(head[Int(t)])])
                head[Int(t)] += 1
                usedA[i] = true; usedB[j] = true
                out.append((i, j, 1))
            }
        }
        // Similar texts through an inverted index of distinct keys (postings in B order).
        var maxKey: Int32 = -1
        for j in 0..<b.count where !usedB[j] && b.size(j) >= minimumKeys && b.size(j) > 0 { maxKey = max(maxKey, b.keys[b.ranges[j].upperBound - 1]) }
        var candidates: [(Int, Int, Double)] = []
        if maxKey >= 0 {
            let keyCount = Int(maxKey) + 1
            var start = [Int32](repeating: 0, count: keyCount + 1)
            for j in 0..<b.count where !usedB[j] && b.size(j) >= minimumKeys {
                var last: Int32 = -1
                for x in b.ranges[j] { let k = b.keys[x]; if k != last { start[Int(k) + 1] += 1; last = k } }
            }
            for k in 0..<keyCount { start[k + 1] += start[k] }
            var fill = start
            var postings = [Int32](repeating: 0, count: Int(start[keyCount]))
            for j in 0..<b.count where !usedB[j] && b.size(j) >= minimumKeys {
                var last: Int32 = -1
                for x in b.ranges[j] {
                    let k = b.keys[x]
                    if k != last { postings[Int(fill[Int(k)])] = Int32(j); fill[Int(k)] += 1; last = k }
                }
            }
            var counts = [Int](repeating: 0, count: b.count)
            var touched: [Int32] = []
            for i in 0..<a.count where !usedA[i] && a.size(i) >= minimumKeys {
                var last: Int32 = -1
                for x in a.ranges[i] {
                    let k = a.keys[x]
                    if k == last { continue }
                    last = k
                    guard k <= maxKey else { continue }
                    let lo = Int(start[Int(k)]), hi = Int(start[Int(k) + 1])
                    guard hi > lo, hi - lo <= 64 else { continue }
                    for p in lo..<hi {
                        let j = Int(postings[p])
                        if counts[j] == 0 { touched.append(Int32(j)) }
                        counts[j] += 1
                    }
                }
                var best = -1, bestS = 0.0
                let na = a.size(i)
                for j32 in touched {
                    let j = Int(j32)
                    let c = counts[j]
                    counts[j] = 0
                    // Dice cannot exceed 2 min(|a|,|b|) / (|a|+|b|): skip candidates that cannot reach the threshold.
                    let nb = b.size(j)
                    if Double(2 * min(na, nb)) / Double(na + nb) < threshold { continue }
                    if c * 4 < min(na, nb) { continue }
                    let s = a.dice(i, b, j)
                    if s > bestS || (s == bestS && j < best) { bestS = s; best = j }
                }
                touched.removeAll(keepingCapacity: true)
                if best >= 0 && bestS >= threshold { candidates.append((i, best, bestS)) }
            }
        }
        candidates.sort { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        for (i, j, s) in candidates where !usedA[i] && !usedB[j] {
            usedA[i] = true; usedB[j] = true
            out.append((i, j, s))
        }
        return out
    }
}
