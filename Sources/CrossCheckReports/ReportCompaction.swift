import CrossCheckCore
import CrossCheckRules

/// Keeps reports short at any size: the same quote in many revisions is shown once with its
/// span, and long variant lists fold.
///
/// A check of 200 revisions of one article quotes a sentence that every revision carries 200
/// times; the text, markdown and GitHub reports show it once, with how many variants carry it
/// and the first and last of them ("same text in 200 variants, 2009-12-29 … 2010-02-02").
package enum ReportCompaction {
    /// Runs of this many identical quotes or more collapse.
    package static let collapseAt = 3
    /// Variant lists longer than this fold to their first and last few.
    package static let foldAt = 12
    /// Rows kept at each end of a folded variant list.
    package static let foldKeep = 4

    /// Evidence with the same quote and value, in first-appearance order.
    package struct Group: Sendable {
        /// The first piece of evidence (its location is the one shown).
        package var first: Evidence
        /// Every piece, the first included.
        package var members: [Evidence]
        package var collapsed: Bool { members.count >= ReportCompaction.collapseAt }
    }

    /// Groups `evidence` by quote and value; groups smaller than `collapseAt` stay apart, one
    /// per piece, so short reports are unchanged.
    package static func groups(_ evidence: [Evidence]) -> [Group] {
        var order: [String] = []
        var byKey: [String: [Evidence]] = [:]
        for e in evidence {
            let key = e.text + "\u{1F}" + (e.value ?? "")
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(e)
        }
        var out: [Group] = []
        for key in order {
            guard let members = byKey[key] else { continue }
            if members.count >= collapseAt {
                out.append(Group(first: members[0], members: members))
            } else {
                out += members.map { Group(first: $0, members: [$0]) }
            }
        }
        // Keep the evidence order: each group where its first member stood.
        let position = Dictionary(evidence.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return out.sorted { (position[$0.first] ?? 0) < (position[$1.first] ?? 0) }
    }

    /// "same text in 200 variants, 2009-12-29 … 2010-02-02" for a collapsed group: the span runs
    /// from the oldest to the newest variant carrying it (their dates, else their short ids).
    package static func span(_ group: Group, report: Report) -> String {
        let byID = Dictionary(report.variants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = Set(group.members.map(\.variant)).compactMap { byID[$0] }.sorted { $0.order < $1.order }
        let count = Set(group.members.map(\.variant)).count
        let allRevisions = !rows.isEmpty && rows.allSatisfy { $0.role == "revision" }
        let noun = allRevisions ? "revision" : "variant"
        var s = count == group.members.count
            ? "same text in \(count) \(noun)\(count == 1 ? "" : "s")"
            : "same text \(group.members.count) times in \(count) \(noun)\(count == 1 ? "" : "s")"
        if let a = rows.first, let b = rows.last, a.id != b.id {
            s += ", " + (a.date ?? report.shortID(a.id)) + " … " + (b.date ?? report.shortID(b.id))
        }
        return s
    }

    /// The variant rows a report lists: all of them, or the first and last `foldKeep` with the
    /// number left out between.
    package static func fold(_ variants: [ReportVariant]) -> (head: [ReportVariant], omitted: [ReportVariant], tail: [ReportVariant]) {
        guard variants.count > foldAt else { return (variants, [], []) }
        return (Array(variants.prefix(foldKeep)), Array(variants.dropFirst(foldKeep).dropLast(foldKeep)), Array(variants.suffix(foldKeep)))
    }

    /// "… 192 more variants (2010-01-01 … 2010-01-31) …" for the folded middle of a list.
    package static func omittedLine(_ omitted: [ReportVariant]) -> String {
        let dates = omitted.compactMap(\.date)
        var s = "… \(omitted.count) more variant\(omitted.count == 1 ? "" : "s")"
        if let a = dates.first, let b = dates.last { s += a == b ? " (\(a))" : " (\(a) … \(b))" }
        return s + " …"
    }
}
