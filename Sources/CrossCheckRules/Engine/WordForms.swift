import CrossCheckCore
import CrossCheckAnalysis
/// English inflection and derivation: whether a word is a known word plus regular endings.
///
/// The text rules judge single words against a small vocabulary (the variant set plus
/// `CommonWords`); a word built from a known stem with regular endings ("gatherings" from
/// "gather", "viability" from "viable", "trustier" from "trust") is a real word even when neither
/// the set nor the list holds it in that form.
package enum WordForms {
    /// Endings stripped from a word to find its stem, longest first within each group.
    static let endings: [String] = [
        "ings", "ing", "ers", "er", "est", "ies", "ied", "ier", "iest", "ily", "iness", "es", "ed", "s", "d", "ly", "ness",
        "ments", "ment", "ations", "ation", "ions", "ion", "ities", "ity", "ives", "ive", "izes", "ized", "ize", "ises", "ised", "ise",
        "ous", "ful", "less", "ships", "ship", "able", "ably", "isms", "ism", "ists", "ist", "ance", "ence", "ant", "ent", "al", "ally",
        "ates", "ated", "ating", "ate", "ure", "ures", "ary", "ory", "ery", "hood", "dom", "ward", "wards", "like", "en", "ened", "ening",
    ]

    /// `endings` as bytes.
    static let endingBytes: [[UInt8]] = endings.map { Array($0.utf8) }

    /// Whether `bytes` ends with `suffix` (ASCII text, so bytes compare as characters do).
    @inline(__always) static func hasSuffix(_ bytes: [UInt8], _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let start = bytes.count - suffix.count
        for i in suffix.indices where bytes[start + i] != suffix[i] { return false }
        return true
    }

    /// True when `w` (lower case) is a known stem plus one to `depth` regular endings (`w` itself is
    /// not looked up).
    ///
    /// Stems are tried as cut, with a final "e" restored ("located" -> "locate"), with "y" for an
    /// "i" ("trustier" -> "trusty" -> "trust"), with a doubled final consonant undone ("shipped"),
    /// and "-bility" as "-ble" ("viability" -> "viable"). Stems shorter than three letters never count.
    package static func isDerived(_ w: String, depth: Int = 2, known: (String) -> Bool) -> Bool {
        guard depth > 0 else { return false }
        let bytes = Array(w.utf8)
        // Endings are tested on bytes for ASCII words (most; each test through `String` was most
        // of a merged-words verdict), through `String` otherwise.
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        func ends(_ e: String, _ eb: [UInt8]) -> Bool { ascii ? hasSuffix(bytes, eb) : w.hasSuffix(e) }
        if bytes.count >= 9, ends("bility", Self.bility) {
            let stem = String(decoding: bytes.dropLast(5), as: UTF8.self) + "le"
            if known(stem) || isDerived(stem, depth: depth - 1, known: known) { return true }
        }
        for (k, e) in endings.enumerated() where bytes.count >= endingBytes[k].count + 3 && ends(e, endingBytes[k]) {
            let cut = Array(bytes.dropLast(e.utf8.count))
            // A bare "d" ends only an e-stem ("located"); "Asiand" is not "Asian" + "d".
            if e == "d", cut.last != 0x65 { continue }
            var stems = [cut, cut + [0x65]]  // as cut, "+e"
            if let last = cut.last {
                if last == 0x69 { stems.append(cut.dropLast() + [0x79]) }  // i -> y
                if cut.count >= 4, cut[cut.count - 2] == last, !isVowel(last) { stems.append(Array(cut.dropLast())) }  // doubled consonant
            }
            if e.hasPrefix("i"), e != "ing", e != "ings", e != "ion", e != "ions", e != "ity", e != "ities", e != "ist", e != "ists", e != "ism", e != "isms", e != "ive", e != "ives", e != "ize", e != "izes", e != "ized", e != "ise", e != "ises", e != "ised" {
                stems.append(cut + [0x79])  // "-ies", "-ier", "-ily" after a y-stem: "stories" -> "story"
            }
            for s in stems where s.count >= 3 {
                let stem = String(decoding: s, as: UTF8.self)
                if known(stem) || isDerived(stem, depth: depth - 1, known: known) { return true }
            }
        }
        return false
    }

    static let bility = Array("bility".utf8)

    static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }
}
