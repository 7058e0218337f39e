/// When two values of one field say the same thing: the single rule `crosscheck diff`, the
/// markdown report's key-fact changes and everything else that compares field values use.
package enum FieldValues {
    /// Equal text, equal after folding white space, or the same list in another order or with
    /// other separators ("A, B" and "B; A", "Yuki Sato & Ken Ito" and "Ito Ken, Sato Yuki").
    package static func equivalent(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (x, y) = (fold(a), fold(b))
        return x == y || sameList(x, y)
    }

    static func fold(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Whether two values are the same list: the same items in any order, whatever the separators
    /// (",", ";", "&", "and"), with each item's words in any order ("Yuki Sato" and "Sato
    /// Yuki"), ignoring case. "A, B" -> "B; A" is not a change worth listing.
    static func sameList(_ a: String, _ b: String) -> Bool {
        func items(_ s: String) -> [[String]] {
            var parts: [[String]] = []
            var current: [String] = []
            // Split on separators first, then on the word "and" between items.
            for chunk in s.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "&" }) {
                for w in chunk.split(whereSeparator: \.isWhitespace) {
                    if w == "and" {
                        if !current.isEmpty { parts.append(current.sorted()); current = [] }
                    } else {
                        current.append(String(w))
                    }
                }
                if !current.isEmpty { parts.append(current.sorted()); current = [] }
            }
            return parts.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
        }
        let (x, y) = (items(a), items(b))
        return !x.isEmpty && x == y
    }
}
