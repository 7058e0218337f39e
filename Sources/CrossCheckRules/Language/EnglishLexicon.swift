/// The English spelling dictionary of the text rules: which lower-case words are English words
/// or names, and how common they are.
///
/// The words come from SCOWL (see `EnglishWordData` and `scripts/make-english-words.py`, which
/// regenerates them); they are decoded on first use into sets of 64-bit hashes, so a lookup
/// makes no string and the sets hold no string storage. Only rules reading English text use it:
/// other languages get no verdict from it.
package enum EnglishLexicon {
    /// How a word is known.
    package enum Entry: Sendable {
        /// In the common vocabulary (SCOWL sizes up to 35).
        case common
        /// In a standard spelling dictionary but less common (sizes 40-50): "intone", "viand".
        case extended
        /// A given name, surname or place ("Howell", "Fredric").
        case name
    }

    static let common: Set<UInt64> = decode(EnglishWordData.common)
    static let extended: Set<UInt64> = decode(EnglishWordData.extended)
    static let names: Set<UInt64> = decode(EnglishWordData.names)

    /// How `lowered` (lower-case) is known, or nil when it is no English word or name.
    package static func entry(_ lowered: String) -> Entry? {
        let h = hash(lowered)
        if common.contains(h) { return .common }
        if extended.contains(h) { return .extended }
        if names.contains(h) { return .name }
        return nil
    }

    /// True when `lowered` is an English word or name at any frequency.
    package static func contains(_ lowered: String) -> Bool { entry(lowered) != nil }

    /// True when `lowered` is an English word (common or not), names aside.
    package static func isWord(_ lowered: String) -> Bool {
        let h = hash(lowered)
        return common.contains(h) || extended.contains(h)
    }

    /// True when the lower-case `bytes` spell a common English word (SCOWL sizes up to 35).
    package static func isCommon(bytes: [UInt8]) -> Bool { common.contains(hash(bytes: bytes)) }

    /// FNV-1a over the bytes, ASCII letters lower-cased.
    @inline(__always)
    static func hash<S: Sequence>(bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for var b in bytes {
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    static func hash(_ s: String) -> UInt64 { hash(bytes: s.utf8) }

    /// Decodes a front-coded list: each word is one character (`0`-`9`, `A`-`Z`) giving how many
    /// letters it shares with the previous word, then its remaining lower-case letters.
    static func decode(_ data: String) -> Set<UInt64> {
        var out = Set<UInt64>(minimumCapacity: data.utf8.count / 5)
        var word: [UInt8] = []
        var started = false
        for c in data.utf8 {
            let shared: Int
            switch c {
            case 0x30...0x39: shared = Int(c - 0x30)
            case 0x41...0x5A: shared = Int(c - 0x41) + 10
            case 0x61...0x7A:
                word.append(c)
                continue
            default: continue
            }
            if started { out.insert(hash(bytes: word)) }
            started = true
            word.removeLast(max(0, word.count - shared))
        }
        if started { out.insert(hash(bytes: word)) }
        return out
    }
}
