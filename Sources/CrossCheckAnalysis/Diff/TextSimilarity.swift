import CrossCheckCore
/// How alike two passages are, on normalised token keys: cheap, symmetric, 0...1.
///
/// The measure is the Dice coefficient of the multisets of content-token keys (words, numbers,
/// currency, percentages, CJK characters; whitespace and punctuation ignored), so word order and
/// case do not matter and "nine" equals "9". Linear in the texts (plus a sort of the keys).
package enum TextSimilarity {
    /// Similarity of two texts in 0...1 (1 for two texts with no content tokens that are equal).
    package static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = hashes(a), y = hashes(b)
        if x.isEmpty || y.isEmpty { return 0 }
        var i = 0, j = 0, c = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { c += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(c) / Double(x.count + y.count)
    }

    /// Sorted hashes of the content-token keys of `text` (a multiset; no dictionary involved).
    package static func hashes(_ text: String) -> [UInt64] {
        var t = text
        var out: [UInt64] = []
        t.withUTF8 { buf in
            out.reserveCapacity(buf.count / 5 + 1)
            Tokenizer.scan(buf) { kind, range in
                guard kind != .space && kind != .punctuation else { return }
                out.append(Tokenizer.keyHash(buf, kind: kind, range: range))
            }
        }
        out.sort()
        return out
    }

    /// Dice coefficient of two sorted multisets.
    static func dice(_ x: [Int32], _ y: [Int32]) -> Double {
        if x.isEmpty || y.isEmpty { return 0 }
        return 2 * Double(common(x, y)) / Double(x.count + y.count)
    }

    /// Size of the multiset intersection of two sorted arrays.
    static func common(_ x: [Int32], _ y: [Int32]) -> Int {
        var i = 0, j = 0, c = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { c += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return c
    }
}

/// Interns normalised token keys as small integers, so bags of keys compare as sorted integer arrays.
///
/// Keys are identified by their 64-bit hash (`Tokenizer.keyHash`), so no key string is built for
/// ASCII tokens; a collision could only make two different words count as shared.
///
/// An open-addressing table over the hashes (ids in first-seen order, as a dictionary gave):
/// the hashes are already well mixed, so no second hash function is needed.
struct KeyInterner {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []

    var count: Int { hashes.count }

    /// The key hash interned as `id`.
    @inline(__always) func hash(_ id: Int32) -> UInt64 { hashes[Int(id)] }

    mutating func id(_ hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = KeyInterner.home(hash, mask)
        while true {
            let e = slots[slot]
            if e < 0 { break }
            if hashes[Int(e)] == hash { return e }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    @inline(__always) private static func home(_ h: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: h ^ (h >> 31)) & mask
    }

    private mutating func grow() {
        var next = [Int32](repeating: -1, count: slots.count * 2)
        let mask = next.count - 1
        for (i, h) in hashes.enumerated() {
            var slot = KeyInterner.home(h, mask)
            while next[slot] >= 0 { slot = (slot + 1) & mask }
            next[slot] = Int32(i)
        }
        slots = next
    }

    /// Sorted content-token key ids of `text` (a multiset).
    mutating func bag(_ text: String) -> [Int32] {
        var t = text
        var out: [Int32] = []
        t.withUTF8 { buf in
            Tokenizer.scan(buf) { kind, range in
                guard kind != .space && kind != .punctuation else { return }
                out.append(id(Tokenizer.keyHash(buf, kind: kind, range: range)))
            }
        }
        out.sort()
        return out
    }
}

/// A deterministic 64-bit FNV-1a hash (Swift's `Hasher` is seeded per process).
@inline(__always) func fnv1a(_ s: String) -> UInt64 { Lexer.fnv1a(s) }
