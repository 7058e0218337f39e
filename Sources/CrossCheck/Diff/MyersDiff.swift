/// Whether a run of an edit script keeps, inserts or deletes.
public enum EditKind: String, Sendable, Hashable, Codable {
    case equal, insert, delete
}

/// One run of an edit script over two sequences: `a` and `b` are index ranges (the side a run
/// does not touch has an empty range at the position where it applies).
public struct DiffRun: Sendable, Hashable {
    public var kind: EditKind
    public var a: Range<Int>
    public var b: Range<Int>
    public init(kind: EditKind, a: Range<Int>, b: Range<Int>) { self.kind = kind; self.a = a; self.b = b }
}

/// Minimal edit scripts over integer sequences: Myers' O(ND) algorithm with the linear-space
/// middle-snake refinement, common prefix and suffix trimming, and a deterministic work bound.
///
/// Subproblems run from an explicit stack (no recursion). The work counter counts diagonal
/// steps; when a subproblem would exceed the remaining budget it is reported as a plain
/// delete + insert, so the cost stays bounded by `budget` plus linear terms and the script is
/// still valid (applying it still turns A into B), only no longer minimal there.
public enum MyersDiff {
    /// The edit script turning `a` into `b`, and whether it is minimal (the budget held).
    public static func diff(_ a: [Int32], _ b: [Int32], budget: Int = 20_000_000) -> (runs: [DiffRun], minimal: Bool) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in diff(pa, pb, budget: budget) }
        }
    }

    private enum Job { case solve(Int, Int, Int, Int); case equal(Int, Int, Int) }

    /// Buffer version of `diff(_:_:budget:)`.
    public static func diff(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, budget: Int) -> (runs: [DiffRun], minimal: Bool) {
        var out = Builder()
        var remaining = budget
        var minimal = true
        var stack: [Job] = [.solve(0, a.count, 0, b.count)]
        var v1: [Int] = []
        var v2: [Int] = []
        while let job = stack.popLast() {
            switch job {
            case let .equal(ai, bi, n):
                out.add(.equal, ai..<(ai + n), bi..<(bi + n))
            case .solve(var alo, var ahi, var blo, var bhi):
                // Common prefix.
                var p = 0
                while alo + p < ahi && blo + p < bhi && a[alo + p] == b[blo + p] { p += 1 }
                if p > 0 { out.add(.equal, alo..<(alo + p), blo..<(blo + p)); alo += p; blo += p }
                // Common suffix.
                var s = 0
                while ahi - s > alo && bhi - s > blo && a[ahi - s - 1] == b[bhi - s - 1] { s += 1 }
                ahi -= s; bhi -= s
                if s > 0 { stack.append(.equal(ahi, bhi, s)) }
                if alo == ahi && blo == bhi { continue }
                if alo == ahi { out.add(.insert, alo..<alo, blo..<bhi); continue }
                if blo == bhi { out.add(.delete, alo..<ahi, blo..<blo); continue }
                let n = ahi - alo, m = bhi - blo
                if remaining > 0, let (x, y) = bisect(a, alo, n, b, blo, m, &v1, &v2, &remaining) {
                    stack.append(.solve(alo + x, ahi, blo + y, bhi))
                    stack.append(.solve(alo, alo + x, blo, blo + y))
                } else {
                    if remaining <= 0 { minimal = false }
                    out.add(.delete, alo..<ahi, blo..<blo)
                    out.add(.insert, ahi..<ahi, blo..<bhi)
                }
            }
        }
        return (out.runs, minimal)
    }

    /// Finds the middle snake of a[alo..<alo+n] and b[blo..<blo+m] and returns the split point,
    /// or nil when the sequences share nothing or the budget ran out.
    private static func bisect(
        _ a: UnsafeBufferPointer<Int32>, _ alo: Int, _ n: Int, _ b: UnsafeBufferPointer<Int32>, _ blo: Int, _ m: Int,
        _ v1: inout [Int], _ v2: inout [Int], _ remaining: inout Int
    ) -> (Int, Int)? {
        let maxD = (n + m + 1) / 2
        let offset = maxD
        let length = 2 * maxD + 2
        if v1.count < length { v1 = [Int](repeating: -1, count: length); v2 = v1 }
        for k in 0..<length { v1[k] = -1; v2[k] = -1 }
        v1[offset + 1] = 0
        v2[offset + 1] = 0
        let delta = n - m
        let front = delta & 1 != 0
        var k1start = 0, k1end = 0, k2start = 0, k2end = 0
        return v1.withUnsafeMutableBufferPointer { v1 in
            v2.withUnsafeMutableBufferPointer { v2 in
                for d in 0..<maxD {
                    remaining -= 2 * d + 1
                    if remaining < 0 { return nil }
                    var k1 = -d + k1start
                    while k1 <= d - k1end {
                        let k1o = offset + k1
                        var x1: Int
                        if k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1]) { x1 = v1[k1o + 1] } else { x1 = v1[k1o - 1] + 1 }
                        var y1 = x1 - k1
                        let x0 = x1
                        while x1 < n && y1 < m && a[alo + x1] == b[blo + y1] { x1 += 1; y1 += 1 }
                        remaining -= x1 - x0
                        v1[k1o] = x1
                        if x1 > n {
                            k1end += 2
                        } else if y1 > m {
                            k1start += 2
                        } else if front {
                            let k2o = offset + delta - k1
                            if k2o >= 0 && k2o < length && v2[k2o] != -1 {
                                let x2 = n - v2[k2o]
                                if x1 >= x2 { return (x1, y1) }
                            }
                        }
                        k1 += 2
                    }
                    var k2 = -d + k2start
                    while k2 <= d - k2end {
                        let k2o = offset + k2
                        var x2: Int
                        if k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1]) { x2 = v2[k2o + 1] } else { x2 = v2[k2o - 1] + 1 }
                        var y2 = x2 - k2
                        let x0 = x2
                        while x2 < n && y2 < m && a[alo + n - x2 - 1] == b[blo + m - y2 - 1] { x2 += 1; y2 += 1 }
                        remaining -= x2 - x0
                        v2[k2o] = x2
                        if x2 > n {
                            k2end += 2
                        } else if y2 > m {
                            k2start += 2
                        } else if !front {
                            let k1o = offset + delta - k2
                            if k1o >= 0 && k1o < length && v1[k1o] != -1 {
                                let x1 = v1[k1o]
                                let y1 = offset + x1 - k1o
                                if x1 >= n - x2 { return (x1, y1) }
                            }
                        }
                        k2 += 2
                    }
                }
                return nil
            }
        }
    }

    /// Collects runs, merging neighbours of the same kind and putting deletions before insertions.
    struct Builder {
        var runs: [DiffRun] = []
        mutating func add(_ kind: EditKind, _ a: Range<Int>, _ b: Range<Int>) {
            if a.isEmpty && b.isEmpty { return }
            if var last = runs.last {
                if last.kind == kind {
                    last.a = last.a.lowerBound..<a.upperBound
                    last.b = last.b.lowerBound..<b.upperBound
                    runs[runs.count - 1] = last
                    return
                }
                // An insertion followed by a deletion: swap into delete + insert (and merge).
                if kind == .delete && last.kind == .insert {
                    runs.removeLast()
                    add(.delete, a.lowerBound..<a.upperBound, last.b.lowerBound..<last.b.lowerBound)
                    add(.insert, a.upperBound..<a.upperBound, last.b)
                    return
                }
            }
            runs.append(DiffRun(kind: kind, a: a, b: b))
        }
    }
}
