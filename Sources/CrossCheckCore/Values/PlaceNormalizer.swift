import Foundation

/// A location as written, split into its comma-separated parts, with the settlement it names.
///
/// "3F, Building 1, No. 12, Some Road, West District, Port City, Country" names `Port City`;
/// "Science Park, Port City" names `Port City`; "Port City Science Park" names `Port City`.
package struct Place: Sendable, Hashable, CustomStringConvertible {
    /// The parts as written, outermost last ("Science Park", "Port City").
    package var parts: [String]
    /// The most specific settlement-level part, with sub-place words removed.
    package var settlement: String

    package init(parts: [String], settlement: String) { self.parts = parts; self.settlement = settlement }

    /// Lower-cased settlement words, for comparison.
    package var key: String { PlaceNormalizer.key(settlement) }

    /// True when both name the same settlement, or one is a sub-place of the other
    /// ("Port City Science Park" agrees with "Port City").
    package func agrees(with other: Place) -> Bool {
        let a = key.split(separator: " ")
        let b = other.key.split(separator: " ")
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if Array(long.prefix(short.count)) == short || Array(long.suffix(short.count)) == short { return true }
        // A place given only as its region or country agrees with a settlement written with it:
        // "the Netherlands" ~ "Leiden, Netherlands".
        return isOuterPart(of: other) || other.isOuterPart(of: self)
    }

    /// True when this place is a single part naming one of `other`'s outer parts (after its settlement).
    func isOuterPart(of other: Place) -> Bool {
        guard parts.count == 1, other.parts.count > 1 else { return false }
        func bare(_ s: String) -> String {
            let k = PlaceNormalizer.key(s)
            return k.hasPrefix("the ") ? String(k.dropFirst(4)) : k
        }
        let mine = bare(parts[0])
        return !mine.isEmpty && other.parts.dropFirst().contains { bare($0) == mine }
    }

    package var description: String { settlement }
}

/// Splits location strings into places ("A & B" is two places) and finds the settlement each names.
package enum PlaceNormalizer {
    /// Places named by a location string.
    package static func places(in value: String) -> [Place] {
        var out: [Place] = []
        for piece in splitPlaces(stripParentheticals(value)) {
            let parts = piece.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !parts.isEmpty else { continue }
            // Drop sub-settlement parts (floors, buildings, numbers, streets, districts, parks).
            var candidates = parts.filter { !isSubPlace($0) }
            if candidates.isEmpty { candidates = parts.map(stripSubPlaceWords).filter { !$0.isEmpty } }
            guard let first = candidates.first else { continue }
            let settlement = stripSubPlaceWords(first)
            guard !settlement.isEmpty, settlement.first?.isLetter == true else { continue }
            out.append(Place(parts: parts, settlement: settlement))
        }
        return out
    }

    /// Lower-cased words of a place name (punctuation removed).
    package static func key(_ s: String) -> String {
        // "São Paulo" and "Sao Paulo" are one place (Latin diacritics only; other scripts as written).
        let latin = s.unicodeScalars.allSatisfy { $0.value < 0x0250 || ($0.value >= 0x1E00 && $0.value < 0x1F00) }
        let folded = latin ? s.folding(options: .diacriticInsensitive, locale: nil) : s
        return folded.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// Sub-place words that also end names of towns ("Menlo Park", "Harbour Centre"): they make a
    /// part a sub-place only alone or after a descriptive word ("Science Park", "Business Centre").
    static let areaWords: Set<String> = ["park", "campus", "centre", "center", "estate", "zone", "plaza", "square", "tower", "hall", "house", "mansion"]

    /// Words that make a part a place inside a settlement.
    static let subPlaceWords: Set<String> = [
        "road", "rd", "street", "st", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "way", "highway",
        "district", "county", "borough", "ward", "township", "subdistrict", "park", "campus", "building", "bldg",
        "tower", "plaza", "centre", "center", "floor", "fl", "suite", "room", "unit", "block", "estate", "zone",
        "square", "no", "number", "level", "mansion", "hall", "office", "offices", "house",
    ]
    /// Descriptive words before a sub-place word ("Science Park", "Industrial Zone").
    static let subPlaceModifiers: Set<String> = [
        "science", "technology", "tech", "industrial", "business", "innovation", "software", "research", "high",
        "new", "economic", "development", "financial", "trade", "commercial", "corporate", "international",
        "office", "enterprise", "medical", "logistics", "retail", "shopping", "media", "digital", "biotech",
        "university", "airport", "world", "exhibition", "convention", "data", "engineering", "industry", "tech",
    ]

    private static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
    }

    /// A part that is a floor, number, building, street, district or park.
    static func isSubPlace(_ part: String) -> Bool {
        let ws = words(part)
        guard let last = ws.last else { return true }
        if ws.contains(where: { $0.first?.isNumber == true }) { return true }
        let l = last.lowercased()
        if areaWords.contains(l) {
            if ws.count == 1 || subPlaceModifiers.contains(ws[ws.count - 2].lowercased()) { return true }
        } else if subPlaceWords.contains(l) {
            return true
        }
        if let f = ws.first, ["no", "floor", "suite", "room", "unit", "building", "block", "level"].contains(f.lowercased()) { return true }
        return false
    }

    /// Removes trailing sub-place words and their modifiers: "Port City Science Park" -> "Port City".
    static func stripSubPlaceWords(_ part: String) -> String {
        var ws = words(part)
        let original = ws
        while let last = ws.last {
            let l = last.lowercased()
            let area = areaWords.contains(l)
            let strip = area
                ? ws.count == 1 || subPlaceModifiers.contains(ws[ws.count - 2].lowercased())
                : subPlaceWords.contains(l) || (ws.count < original.count && subPlaceModifiers.contains(l))
            guard strip else { break }
            ws.removeLast()
        }
        if ws.isEmpty { return "" }
        return ws.joined(separator: " ")
    }

    /// "A & B", "A and B", "A; B", "A / B" are several places.
    static func splitPlaces(_ s: String) -> [String] {
        var pieces: [String] = []
        for a in s.components(separatedBy: CharacterSet(charactersIn: "&;/\n")) {
            for b in a.components(separatedBy: " and ") { pieces.append(b) }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Removes "(...)" groups ("City (Headquarters)" -> "City").
    static func stripParentheticals(_ s: String) -> String {
        var out = ""
        var depth = 0
        for ch in s.unicodeScalars {
            if ch == "(" { depth += 1; continue }
            if ch == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
