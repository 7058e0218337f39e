import CrossCheckCore
/// Whether a run of an edit script keeps, inserts or deletes.
package enum EditKind: String, Sendable, Hashable, Codable {
    case equal, insert, delete
}

/// One run of an edit script over two sequences: `a` and `b` are index ranges (the side a run
/// does not touch has an empty range at the position where it applies).
package struct DiffRun: Sendable, Hashable {
    package var kind: EditKind
    package var a: Range<Int>
    package var b: Range<Int>
    package init(kind: EditKind, a: Range<Int>, b: Range<Int>) { self.kind = kind; self.a = a; self.b = b }
}

/// Minimal edit scripts over integer sequences: Myers' O(ND) algorithm with the linear-space
/// middle-snake refinement, common prefix and suffix trimming, and a deterministic work bound.
///
/// Subproblems run from an explicit stack (no recursion). The work counter counts diagonal
/// steps; when a subproblem would exceed the remaining budget it is reported as a plain
/// delete + insert, so the cost stays bounded by `budget` plus linear terms and the script is
/// still valid (applying it still turns A into B), only no longer minimal there.
package enum MyersDiff {
    /// The edit script turning `a` into `b`, and whether it is minimal (the budget held).
    package static func diff(_ a: [Int32], _ b: [Int32], budget: Int = 20_000_000) -> (runs: [DiffRun], minimal: Bool) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in diff(pa, pb, budget: budget) }
        }
    }

    private enum Job { case solve(Int, Int, Int, Int); case equal(Int, Int, Int) }

    /// Buffer version of `diff(_:_:budget:)`.
    package static func diff(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, budget: Int) -> (runs: [DiffRun], minimal: Bool) {
        var out = Builder()
        var remaining = budget
        var minimal = true
        var stack: [Job] = [.solve(0, a.count, 0, b.count)]
        // The V arrays of the bisection, sized for the largest subproblem (the first).
        let capacity = 2 * ((a.count + b.count + 1) / 2 + a.count + b.count + 2) + 1
        let v1 = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let v2 = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer { v1.deallocate(); v2.deallocate() }
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
                if remaining > 0, let base = a.baseAddress, let bbase = b.baseAddress,
                   let (x, y) = bisect(base + alo, n, bbase + blo, m, v1, v2, &remaining) {
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

    /// Finds the middle snake of a[0..<n] and b[0..<m] (both non-empty) and returns the split
    /// point, or nil when the budget ran out. `v1` and `v2` hold at least
    /// 2 ((n + m + 1) / 2 + |n - m| + 2) + 1 values.
    ///
    /// Every step charges 2d+1 plus the length of each snake to `remaining`, so the work and the
    /// point where the budget runs out are deterministic.
    @inline(never)
    private static func bisect(
        _ pa: UnsafePointer<Int32>, _ n: Int, _ pb: UnsafePointer<Int32>, _ m: Int,
        _ v1: UnsafeMutablePointer<Int>, _ v2: UnsafeMutablePointer<Int>, _ remaining: inout Int
    ) -> (Int, Int)? {
        let maxD = (n + m + 1) / 2
        let delta = n - m
        // Diagonal k of each pass is at f[k] and r[k], k in -pad...pad: the diagonals a step
        // reaches (|k| <= maxD) and those the overlap test looks up (delta - k), which hold -1
        // until reached, so the lookup needs no bounds test.
        let pad = maxD + abs(delta) + 2
        for k in 0...(2 * pad) { v1[k] = -1; v2[k] = -1 }
        let f = v1 + pad, r = v2 + pad
        f[1] = 0
        r[1] = 0
        let front = delta & 1 != 0
        // Ends of the sequences, for the reverse pass: element x from the end is `ea[-x]`.
        let ea = pa + (n - 1), eb = pb + (m - 1)
        var budget = remaining
        defer { remaining = budget }
        var k1start = 0, k1end = 0, k2start = 0, k2end = 0
        // Diagonals -d-1 and d+1 are never written before step d (they hold -1), so the ends of
        // each step need no special case: at k = -d the comparison picks diagonal k+1, at k = d it
        // picks diagonal k-1, as the textbook's explicit tests do.
        for d in 0..<maxD {
            budget &-= 2 &* d &+ 1
            if budget < 0 { return nil }
            var k1 = k1start &- d
            let k1last = d &- k1end
            while k1 <= k1last {
                let below = f[k1 &- 1], above = f[k1 &+ 1]
                var x = below < above ? above : below &+ 1
                let x0 = x
                // y = x - k1 < m  <=>  x < m + k1.
                let limit = min(n, m &+ k1)
                while x < limit && pa[x] == pb[x &- k1] { x &+= 1 }
                budget &-= x &- x0
                f[k1] = x
                if x > n {
                    k1end &+= 2
                } else if x &- k1 > m {
                    k1start &+= 2
                } else if front {
                    let v = r[delta &- k1]
                    if v != -1 && x >= n &- v { return (x, x &- k1) }
                }
                k1 &+= 2
            }
            var k2 = k2start &- d
            let k2last = d &- k2end
            while k2 <= k2last {
                let below = r[k2 &- 1], above = r[k2 &+ 1]
                var x = below < above ? above : below &+ 1
                let x0 = x
                let limit = min(n, m &+ k2)
                while x < limit && ea[0 &- x] == eb[k2 &- x] { x &+= 1 }
                budget &-= x &- x0
                r[k2] = x
                if x > n {
                    k2end &+= 2
                } else if x &- k2 > m {
                    k2start &+= 2
                } else if !front {
                    let k1 = delta &- k2
                    let x1 = f[k1]
                    if x1 != -1 && x1 >= n &- x { return (x1, x1 &- k1) }
                }
                k2 &+= 2
            }
        }
        return nil
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
