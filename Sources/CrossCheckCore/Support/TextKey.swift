import Foundation

/// A text as a dictionary key that hashes in constant time: its length and its first and last
/// bytes, with byte-for-byte equality.
///
/// Caches kept across a history's revisions look up every sentence of every revision; hashing
/// whole sentences (with `String`'s Unicode normalisation) dominated those lookups. Texts that
/// share a length and both ends are rare, and equality still compares every byte, so a lookup is
/// exact. Equality is by bytes, not by `String`'s canonical equivalence: two spellings of "é"
/// are two keys (a cache miss, never a wrong hit).
package struct TextKey: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    /// Bytes hashed at each end.
    static let edge = 24

    package func hash(into hasher: inout Hasher) {
        var s = text
        s.withUTF8 { b in
            hasher.combine(b.count)
            if b.count <= 2 * Self.edge {
                hasher.combine(bytes: UnsafeRawBufferPointer(b))
            } else {
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[0..<Self.edge]))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[(b.count - Self.edge)...]))
            }
        }
    }

    package static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.baseAddress == q.baseAddress || p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }
}
