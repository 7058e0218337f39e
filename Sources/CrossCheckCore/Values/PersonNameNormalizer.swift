import Foundation

/// A person's name, compared as an unordered set of name tokens after removing titles.
///
/// "Lin Wei", "Wei Lin" and "Professor Wei Lin" are the same person; this is how names in
/// family-name-first and given-name-first order, and with honorifics, are matched.
package struct PersonName: Sendable, Hashable, CustomStringConvertible {
    /// The name as written, titles removed ("Wei Lin").
    package var display: String
    /// Sorted lower-cased tokens with apostrophes unified ("lin|wei").
    package var key: String

    package init(display: String) {
        self.display = display
        self.key = PersonNameNormalizer.tokens(display).sorted().joined(separator: "|")
    }

    package var description: String { display }

    /// True when both name the same person: the same tokens, or the tokens of the shorter name
    /// found in the longer one, an initial standing for a name ("H. van Aalst" ~ "Hendrik van
    /// Aalst"), a family name alone for the full name ("Sato" ~ "Yuki Sato"). At least one
    /// full token (not an initial) must match.
    package func agrees(with other: PersonName) -> Bool {
        if key == other.key { return true }
        let a = key.split(separator: "|").map(String.init), b = other.key.split(separator: "|").map(String.init)
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return false }
        var used = [Bool](repeating: false, count: long.count)
        var full = false
        // Full tokens first, so an initial cannot take the token a full name needs.
        for t in short.sorted(by: { $0.count > $1.count }) {
            if let j = long.indices.first(where: { !used[$0] && long[$0] == t && t.count > 1 }) {
                used[j] = true
                full = true
                continue
            }
            // An initial on either side: "h" ~ "hendrik".
            guard let j = long.indices.first(where: { i in
                !used[i] && ((t.count == 1 && long[i].hasPrefix(t)) || (long[i].count == 1 && t.hasPrefix(long[i])))
            }) else { return false }
            used[j] = true
        }
        return full
    }
}

/// Splits lists of people ("A, B and C", "A; B", line breaks) and normalises each name.
package enum PersonNameNormalizer {
    static let titles: Set<String> = [
        "professor", "prof", "dr", "doctor", "sir", "dame", "mr", "mrs", "ms", "miss", "mx", "lord", "lady",
        "madam", "president", "ceo", "chairman", "founder", "co-founder", "cofounder", "rev", "hon", "jr", "sr",
    ]

    /// Lower-case particles inside surnames ("van der Linde", "de la Cruz", "bin Salman").
    static let particles: Set<String> = ["van", "der", "den", "de", "la", "le", "von", "zu", "da", "di", "du", "del", "della", "dos", "das", "do", "bin", "binti", "ibn", "al", "ter", "ten", "y"]
    /// Words that make a lower-case run after "the" a description, not a role ("the Department of").
    static let rolePrepositions: Set<String> = ["of", "at", "in", "for", "from", "with", "on", "and", "to", "by"]

    /// Name tokens: lower-cased words, curly apostrophes made straight, titles dropped.
    package static func tokens(_ name: String) -> [String] {
        let unified = name.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        // "José" and "Jose" are one name; Latin diacritics only (other scripts are left as written).
        let folded = unified.unicodeScalars.allSatisfy({ $0.value < 0x0250 || ($0.value >= 0x1E00 && $0.value < 0x1F00) })
            ? unified.folding(options: .diacriticInsensitive, locale: nil) : unified
        return folded.lowercased()
            .split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'-")) }
            .filter { !$0.isEmpty && !titles.contains($0) }
    }

    /// The name without a leading title ("Professor Wei Lin" -> "Wei Lin"), nil when nothing is left.
    package static func name(_ raw: String) -> PersonName? {
        var words = raw.split(separator: " ").map(String.init)
        while let f = words.first, titles.contains(f.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) {
            words.removeFirst()
        }
        let display = words.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "'"))))
        guard !display.isEmpty, !tokens(display).isEmpty else { return nil }
        return PersonName(display: display)
    }

    /// People in a list value: "A, B", "A and B", "A; B", "A<newline>B". Parentheticals are removed.
    package static func names(inList value: String) -> [PersonName] {
        let cleaned = PlaceNormalizer.stripParentheticals(value)
        var pieces: [String] = []
        for a in cleaned.components(separatedBy: CharacterSet(charactersIn: ",;\n&")) {
            for b in a.components(separatedBy: " and ") { pieces.append(b) }
        }
        var out: [PersonName] = []
        for p in pieces {
            let t = p.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { continue }
            let lower = t.lowercased()
            if lower.hasPrefix("among others") || lower.hasPrefix("others") || lower == "et al" { continue }
            if let n = name(t), !out.contains(where: { $0.key == n.key }) { out.append(n) }
        }
        return out
    }

    /// People named in running text after "by" ("co-founded in 2014 by A, a professor of X, and
    /// engineer B, among others"): each comma piece's leading capitalised words, skipping
    /// appositives that start with a lower-case word ("a professor of ...").
    package static func names(inProse text: String) -> [PersonName] {
        var pieces: [String] = []
        for a in text.components(separatedBy: ",") {
            for b in a.components(separatedBy: " and ") { pieces.append(b) }
        }
        var out: [PersonName] = []
        for p in pieces {
            var words = p.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            // "the physicist A", "the shipping executive B": an article, one or two role words, a name.
            if first.lowercased() == "the", words.count >= 3 {
                let role = words.dropFirst().prefix { $0.first?.isLowercase == true }
                if (1...2).contains(role.count), !role.contains(where: { rolePrepositions.contains($0.lowercased()) }),
                    words.count > role.count + 1, words[role.count + 1].first?.isUppercase == true
                {
                    words.removeFirst(role.count + 1)
                }
            }
            guard let lead = words.first else { continue }
            if ["a", "an", "the", "who", "which", "among", "along", "with", "his", "her", "their"].contains(lead.lowercased()) { continue }
            // Drop a lower-case role before the name ("computer scientist B").
            while let f = words.first, f.first?.isLowercase == true { words.removeFirst() }
            var nameWords: [String] = []
            for (k, w) in words.enumerated() {
                let trimmed = w.trimmingCharacters(in: CharacterSet(charactersIn: ".;:()\"“”"))
                guard let c = trimmed.first else { break }
                if !c.isUppercase {
                    // Particles inside a name ("van der", "de la") when a capitalised word follows them.
                    guard !nameWords.isEmpty, particles.contains(trimmed) else { break }
                    let rest = words[(k + 1)...].drop { particles.contains($0) }
                    guard rest.first?.first?.isUppercase == true else { break }
                    nameWords.append(trimmed)
                    continue
                }
                nameWords.append(trimmed)
                if w.last == "." && !titles.contains(trimmed.lowercased()) && trimmed.count > 2 { break }
            }
            guard !nameWords.isEmpty, nameWords.count <= 5 else { continue }
            if let n = name(nameWords.joined(separator: " ")), !out.contains(where: { $0.key == n.key }) { out.append(n) }
        }
        return out
    }
}
