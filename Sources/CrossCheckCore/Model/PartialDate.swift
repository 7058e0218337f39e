/// A calendar date known to a grain: a year, a month of a year, or a day.
///
/// "2021" and "30 December 2021" agree at year grain; comparisons between dates of different
/// grain use the coarser one (see `agrees(with:)`).
package struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package enum Grain: Int, Sendable, Codable, Comparable {
        case year = 0, month = 1, day = 2
        package static func < (a: Grain, b: Grain) -> Bool { a.rawValue < b.rawValue }
    }

    package var year: Int
    package var month: Int?
    package var day: Int?

    package init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    package var grain: Grain { day != nil ? .day : (month != nil ? .month : .year) }

    /// True when both could be the same date (equal at the coarser of the two grains).
    package func agrees(with other: PartialDate) -> Bool {
        guard year == other.year else { return false }
        guard let m1 = month, let m2 = other.month else { return true }
        guard m1 == m2 else { return false }
        guard let d1 = day, let d2 = other.day else { return true }
        return d1 == d2
    }

    /// ISO-like text at the date's own grain: `2019`, `2019-11`, `2019-11-27`.
    package var description: String {
        if year < 0 { return String(-year) + " BC" }
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// Parses `2019`, `2019-11`, `2019-11-27` and an ISO timestamp's date part.
    package init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        var m: Int? = nil
        var d: Int? = nil
        if parts.count > 1 { guard let v = Int(parts[1]), (1...12).contains(v) else { return nil }; m = v }
        if parts.count > 2 { guard let v = Int(parts[2].prefix(2)), (1...31).contains(v) else { return nil }; d = v }
        self.init(year: y, month: m, day: d)
    }

    package static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.year != b.year { return a.year < b.year }
        if (a.month ?? 0) != (b.month ?? 0) { return (a.month ?? 0) < (b.month ?? 0) }
        return (a.day ?? 0) < (b.day ?? 0)
    }
}
