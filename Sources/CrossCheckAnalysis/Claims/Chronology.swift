import CrossCheckCore
/// Who disagrees with whom, and whether a difference is an edit or a contradiction.
///
/// A difference between an older and a newer revision is an edit (reported as a change); a
/// summary or source is judged against the revision of its time and against the newest one.
package enum Chronology {
    /// True when `a` is not newer than `b` (dates compared at the coarser grain; undated by order).
    package static func notNewer(_ a: Variant, than b: Variant) -> Bool {
        guard let da = a.document.date, let db = b.document.date else { return a.order <= b.order }
        if da.year != db.year { return da.year < db.year }
        if da.agrees(with: db) { return true }
        return da < db
    }

    /// True when both are revisions: a difference between them is an edit, not a contradiction.
    package static func isEdit(_ a: Variant, _ b: Variant) -> Bool {
        a.document.role == .revision && b.document.role == .revision
    }

    /// The revision a non-revision variant is judged against: the newest revision not newer than
    /// it, else the oldest revision. Only revisions accepted by `having` are considered.
    package static func reference(for v: Variant, in set: VariantSet, having: (Variant) -> Bool = { _ in true }) -> Variant? {
        let revs = set.revisions.filter { $0.id != v.id && having($0) }
        return revs.last { notNewer($0, than: v) } ?? revs.first
    }

    /// The newest revision accepted by `having`.
    package static func newestRevision(in set: VariantSet, having: (Variant) -> Bool = { _ in true }) -> Variant? {
        set.revisions.last { having($0) }
    }

    /// The name of a variant in messages: its full id (never cut: "raith_rovers" is not
    /// "raith"), or the name it carries when that differs (gate's NEW).
    package static func shortName(_ id: String, in set: VariantSet) -> String {
        set.variants.first { $0.id == id }?.name ?? VariantNames.short(id, among: set.variants.lazy.map(\.id))
    }

    /// "002, 001" or "3 variants" for a list of ids.
    package static func names(_ ids: [String], in set: VariantSet) -> String {
        var seen = Set<String>()
        let unique = ids.filter { seen.insert($0).inserted }
        if unique.count >= 3 { return "\(unique.count) variants" }
        return unique.map { shortName($0, in: set) }.joined(separator: ", ")
    }

    /// Role word for explanations ("summary", "source", "revision").
    package static func role(_ v: Variant) -> String { v.document.role.rawValue }
}
