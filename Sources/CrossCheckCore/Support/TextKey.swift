import Foundation

/// A text as a dictionary key that hashes cheaply: its length and its first and last bytes
/// (SipHash), and the bytes between folded eight at a step, with byte-for-byte equality.
///
/// Caches kept across a history's revisions look up every sentence of every revision; hashing
/// whole sentences (with `String`'s Unicode normalisation) dominated those lookups. The middle
/// still counts: the rows of a table written from one pattern ("The X reported N visitors in
/// YEAR and Y grew.") share their length and both ends by the thousand, and with the ends alone
/// they all fell in one bucket (`check` on a 10 MB table: 2.7x the time of 5 MB). Equality still
/// compares every byte, so a lookup is exact. Equality is by bytes, not by `String`'s canonical equivalence: two spellings of "é"
/// are two keys (a cache miss, never a wrong hit).
package struct TextKey: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    /// Bytes hashed at each end.
    static let edge = 24

    package func hash(into hasher: inout Hasher) {
        // The bytes in place when the string has them contiguous (native strings do); a copy
        // of the string (a retain, and a release after) only for the rest.
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ Self.hash($0, into: &hasher) }) { return done }
        var s = text
        s.withUTF8 { Self.hash($0, into: &hasher) }
    }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>, into hasher: inout Hasher) {
        do {
            hasher.combine(b.count)
            if b.count <= 2 * Self.edge {
                hasher.combine(bytes: UnsafeRawBufferPointer(b))
            } else {
                let raw = UnsafeRawBufferPointer(b)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[0..<Self.edge]))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(b.count - Self.edge)...]))
                // The middle, eight bytes a step (multiply and rotate).
                var h: UInt64 = 0
                var i = Self.edge
                let end = b.count - Self.edge
                while i + 8 <= end {
                    h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                    h = (h << 31) | (h >> 33)
                    i += 8
                }
                while i < end {
                    h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
                    i += 1
                }
                hasher.combine(h)
            }
        }
    }

    package static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        if let same = a.text.utf8.withContiguousStorageIfAvailable({ p in
            b.text.utf8.withContiguousStorageIfAvailable { q in
                p.baseAddress == q.baseAddress || p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0
            }
        }), let same {
            return same
        }
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.baseAddress == q.baseAddress || p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }
}
