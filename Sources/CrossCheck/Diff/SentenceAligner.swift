/// One aligned pair of sentences: indices into the two lists, their similarity, and whether the
/// sentence moved (it pairs out of order with its neighbours).
public struct SentencePair: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var similarity: Double
    public var moved: Bool
    public init(a: Int, b: Int, similarity: Double, moved: Bool) {
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
public enum SentenceAligner {
    /// Minimum similarity for two edited sentences in the same place to pair.
    public static let inPlaceThreshold = 0.5
    /// Minimum similarity for a sentence to pair with one elsewhere (a move).
    public static let moveThreshold = 0.6

    /// Pairs of aligned sentences, ordered by `a`.
    public static func align(_ a: [Sentence], _ b: [Sentence]) -> [SentencePair] {
        alignTexts(a.map(\.text), b.map(\.text))
    }

    /// `align` on plain strings.
    public static func alignTexts(_ a: [String], _ b: [String]) -> [SentencePair] {
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
            let inGap = pairInOrder(Array(ga), Array(gb), bagA: bagA, bagB: bagB)
            var usedA = Set<Int>(), usedB = Set<Int>()
            for p in inGap { pairs.append(p); usedA.insert(p.a); usedB.insert(p.b) }
            unpairedA += ga.filter { !usedA.contains($0) }
            unpairedB += gb.filter { !usedB.contains($0) }
        }
        // Moves: unpaired sentences matched across gaps.
        let moves = MoveMatcher.match(
            unpairedA.map { bagA($0) }, unpairedB.map { bagB($0) }, threshold: moveThreshold,
            exactA: unpairedA.map { ia[$0] }, exactB: unpairedB.map { ib[$0] })
        for (x, y, s) in moves { pairs.append(SentencePair(a: unpairedA[x], b: unpairedB[y], similarity: s, moved: true)) }
        pairs.sort { $0.a < $1.a }
        return pairs
    }

    /// Pairs sentences of one gap in order, maximising total similarity above the threshold.
    ///
    /// A dynamic programme over the gap when it is small (at most 40,000 cells), else a greedy
    /// walk that pairs each sentence with the best of the next few on the other side.
    static func pairInOrder(
        _ ga: [Int], _ gb: [Int], bagA: (Int) -> [Int32], bagB: (Int) -> [Int32]
    ) -> [SentencePair] {
        if ga.isEmpty || gb.isEmpty { return [] }
        let n = ga.count, m = gb.count
        if n * m <= 40_000 {
            var sim = [Double](repeating: 0, count: n * m)
            for i in 0..<n { for j in 0..<m { sim[i * m + j] = TextSimilarity.dice(bagA(ga[i]), bagB(gb[j])) } }
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
                let s = TextSimilarity.dice(bagA(ga[i]), bagB(gb[t]))
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

/// Finds, for passages on one side, the best-matching passage on the other side by content.
///
/// Identical passages match first; then an inverted index over keys (skipping keys that occur in
/// more than 64 passages, which carry little signal and would make the search quadratic) yields
/// candidates, scored by the Dice coefficient. Each passage is used at most once; pairs are taken
/// best first, ties in input order, so the result is deterministic.
enum MoveMatcher {
    static func match(
        _ a: [[Int32]], _ b: [[Int32]], threshold: Double, exactA: [Int32], exactB: [Int32], minimumKeys: Int = 3
    ) -> [(Int, Int, Double)] {
        if a.isEmpty || b.isEmpty { return [] }
        var out: [(Int, Int, Double)] = []
        var usedA = [Bool](repeating: false, count: a.count)
        var usedB = [Bool](repeating: false, count: b.count)
        // Identical texts.
        var byText: [Int32: [Int]] = [:]
        for (j, t) in exactB.enumerated() { byText[t, default: []].append(j) }
        for (i, t) in exactA.enumerated() {
            guard var list = byText[t], let j = list.first else { continue }
            guard a[i].count >= minimumKeys else { continue }
            list.removeFirst(); byText[t] = list
            usedA[i] = true; usedB[j] = true
            out.append((i, j, 1))
        }
        // Similar texts through an inverted index of distinct keys.
        var postings: [Int32: [Int32]] = [:]
        for (j, bag) in b.enumerated() where !usedB[j] && bag.count >= minimumKeys {
            var last: Int32 = -1
            for k in bag where k != last { postings[k, default: []].append(Int32(j)); last = k }
        }
        var candidates: [(Int, Int, Double)] = []
        var counts = [Int](repeating: 0, count: b.count)
        var touched: [Int32] = []
        for (i, bag) in a.enumerated() where !usedA[i] && bag.count >= minimumKeys {
            var last: Int32 = -1
            for k in bag where k != last {
                last = k
                guard let list = postings[k], list.count <= 64 else { continue }
                for j in list {
                    if counts[Int(j)] == 0 { touched.append(j) }
                    counts[Int(j)] += 1
                }
            }
            var best = -1, bestS = 0.0
            for j in touched {
                let c = counts[Int(j)]
                counts[Int(j)] = 0
                // Dice cannot exceed 2 min(|a|,|b|) / (|a|+|b|): skip candidates that cannot reach the threshold.
                let jb = b[Int(j)]
                if Double(2 * min(a[i].count, jb.count)) / Double(a[i].count + jb.count) < threshold { continue }
                if c * 4 < min(bag.count, jb.count) { continue }
                let s = TextSimilarity.dice(bag, jb)
                if s > bestS || (s == bestS && Int(j) < best) { bestS = s; best = Int(j) }
            }
            touched.removeAll(keepingCapacity: true)
            if best >= 0 && bestS >= threshold { candidates.append((i, best, bestS)) }
        }
        candidates.sort { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        for (i, j, s) in candidates where !usedA[i] && !usedB[j] {
            usedA[i] = true; usedB[j] = true
            out.append((i, j, s))
        }
        return out
    }
}
