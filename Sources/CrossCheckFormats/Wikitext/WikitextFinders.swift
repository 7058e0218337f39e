import Foundation
import CrossCheckCore

/// The answer of a forward search for a fixed needle, kept for the next question.
///
/// The answer for a start `p` is also the answer for every start between the previous start and
/// that answer, so a caller that mostly moves forward pays O(n) in total even when it asks again
/// and again for a needle that is missing (many unterminated `<ref>`s, say). The one cache both
/// finders below share.
struct WikitextForwardCache {
    private var from = Int.max
    private var found = 0

    /// The first occurrence at or after `p` in an input of `n` bytes, or nil: the cached answer
    /// when it holds for `p`, else `search()` (which returns `n` when there is none).
    @inline(__always) mutating func next(from p: Int, count n: Int, _ search: () -> Int) -> Int? {
        if p >= from && p <= found { return found < n ? found : nil }
        from = p
        found = search()
        return found < n ? found : nil
    }
}

/// Finds the next occurrence of a fixed ASCII needle, caching the last answer.
struct WikitextNextFinder {
    let needle: [UInt8]
    let caseInsensitive: Bool
    private var cache = WikitextForwardCache()

    init(_ needle: String, caseInsensitive: Bool = false) {
        self.needle = Array(caseInsensitive ? needle.lowercased().utf8 : needle.utf8)
        self.caseInsensitive = caseInsensitive
    }

    /// Offset of the first occurrence at or after `p`, or nil.
    mutating func next(in bytes: [UInt8], from p: Int) -> Int? {
        let needle = self.needle
        let caseInsensitive = self.caseInsensitive
        return cache.next(from: p, count: bytes.count) {
            WikitextNextFinder.search(needle, caseInsensitive: caseInsensitive, in: bytes, from: p)
        }
    }

    /// Offset of the first occurrence of `needle` at or after `p`, or `bytes.count`.
    static func search(_ needle: [UInt8], caseInsensitive: Bool, in bytes: [UInt8], from p: Int) -> Int {
        let n = bytes.count
        guard let first = needle.first else { return n }
        let m = needle.count
        var i = max(0, p)
        while i + m <= n {
            let c = caseInsensitive ? WikitextNextFinder.lower(bytes[i]) : bytes[i]
            if c == first {
                var k = 1
                while k < m {
                    let d = caseInsensitive ? WikitextNextFinder.lower(bytes[i + k]) : bytes[i + k]
                    if d != needle[k] { break }
                    k += 1
                }
                if k == m { return i }
            }
            i += 1
        }
        return n
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
}

/// Finds the next occurrence of a byte (optionally followed by a second one), caching the last
/// answer as `WikitextNextFinder` does, with `memchr` for the search.
struct WikitextByteFinder {
    let first: UInt8
    /// The byte that must follow `first` (0 for a one-byte needle).
    let second: UInt8
    let length: Int
    private var cache = WikitextForwardCache()

    init(_ first: UInt8, then second: UInt8? = nil) {
        self.first = first
        self.second = second ?? 0
        self.length = second == nil ? 1 : 2
    }

    /// Offset of the first occurrence at or after `p`, or nil.
    mutating func next(in bytes: [UInt8], from p: Int) -> Int? {
        let (first, second, length) = (self.first, self.second, self.length)
        return cache.next(from: p, count: bytes.count) {
            WikitextByteFinder.search(first, second, length: length, in: bytes, from: p)
        }
    }

    /// Offset of the first occurrence at or after `p`, or `bytes.count`.
    static func search(_ first: UInt8, _ second: UInt8, length: Int, in bytes: [UInt8], from p: Int) -> Int {
        let n = bytes.count
        let start = max(0, p)
        guard start + length <= n else { return n }
        return bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return n }
            var i = start
            while i + length <= n {
                guard let hit = memchr(base + i, Int32(first), n - i) else { return n }
                let k = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if length == 1 { return k }
                if k + 1 < n && buf[k + 1] == second { return k }
                i = k + 1
            }
            return n
        }
    }
}

/// A fixed set of short ASCII keys looked up by packed name: open addressing on a small table,
/// so a lookup is a multiply, a probe or two and a comparison (no `String`, no hashing of bytes).
struct WikitextKeyTable: Sendable {
    private let slots: [Int32]  // key index + 1, 0 for an empty slot
    private let keys: [WikitextPackedName]
    private let mask: Int

    init(_ names: [String]) {
        keys = names.map { WikitextPackedName(Array($0.utf8)) }
        var size = 16
        while size < names.count * 4 { size *= 2 }
        mask = size - 1
        var table = [Int32](repeating: 0, count: size)
        for (k, key) in keys.enumerated() {
            var h = WikitextKeyTable.hash(key) & (size - 1)
            while table[h] != 0 { h = (h + 1) & (size - 1) }
            table[h] = Int32(k + 1)
        }
        slots = table
    }

    @inline(__always) static func hash(_ p: WikitextPackedName) -> Int {
        let x = (p.low &* 0x9E37_79B9_7F4A_7C15) ^ (p.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(p.count)
        return Int(truncatingIfNeeded: x >> 40)
    }

    /// The index of `p` among the names, or nil.
    func index(of p: WikitextPackedName) -> Int? {
        var h = WikitextKeyTable.hash(p) & mask
        while true {
            let s = Int(slots[h])
            if s == 0 { return nil }
            if keys[s - 1] == p { return s - 1 }
            h = (h + 1) & mask
        }
    }
}
