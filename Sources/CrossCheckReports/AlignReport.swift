import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// Renders a `SetAlignment` as a table: rows are aligned sections, columns are variants.
package enum AlignReport {
    static func cell(_ ref: SectionRef?, _ set: VariantSet) -> String {
        guard let ref, ref.document < set.variants.count else { return "" }
        let sections = set.variants[ref.document].document.sections
        guard ref.section < sections.count else { return "" }
        let s = sections[ref.section]
        return (s.path.isEmpty ? "(lead)" : s.path.joined(separator: " > ")) + " :\(s.line)"
    }

    /// A fixed-width text table.
    package static func text(_ a: SetAlignment, _ set: VariantSet) -> String {
        let header = set.variants.map(\.id)
        let rows = a.rows.map { r in r.cells.map { cell($0, set) } }
        var widths = header.map { $0.count }
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = min(48, max(widths[i], c.count)) } }
        func fit(_ s: String, _ w: Int) -> String {
            if s.count > w { return String(s.prefix(max(0, w - 1))) + "…" }
            return s + String(repeating: " ", count: w - s.count)
        }
        var out = header.enumerated().map { fit($1, widths[$0]) }.joined(separator: " | ") + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
        for r in rows { out += r.enumerated().map { fit($1, widths[$0]) }.joined(separator: " | ") + "\n" }
        out += "\n\(a.rows.count) aligned sections across \(set.variants.count) variants\n"
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// A markdown table.
    package static func markdown(_ a: SetAlignment, _ set: VariantSet) -> String {
        var out = "| " + set.variants.map { "`\($0.id)`" }.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: set.variants.count) + "\n"
        for r in a.rows {
            out += "| " + r.cells.map { DiffReport.escape(cell($0, set)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// JSON: the variants, then rows of cells (null where a variant has no such section).
    package static func json(_ a: SetAlignment, _ set: VariantSet) -> JSONValue {
        let variants: [JSONValue] = set.variants.map { v in
            .object(["id": .string(v.id), "path": .string(v.document.path), "format": .string(v.document.format.rawValue)])
        }
        let rows: [JSONValue] = a.rows.map { r in
            .object(["cells": .array(r.cells.enumerated().map { (i, ref) -> JSONValue in
                guard let ref, ref.document < set.variants.count,
                      ref.section < set.variants[ref.document].document.sections.count else { return .null }
                let s = set.variants[ref.document].document.sections[ref.section]
                var o: [String: JSONValue] = [
                    "section": .int(ref.section), "path": .array(s.path.map(JSONValue.string)), "line": .int(s.line),
                ]
                if i < r.basis.count, let b = r.basis[i] { o["basis"] = .string(b.rawValue) }
                if i < r.similarity.count, let sim = r.similarity[i] { o["similarity"] = .number((sim * 1000).rounded() / 1000) }
                return .object(o)
            })])
        }
        return .object(["variants": .array(variants), "rows": .array(rows)])
    }
}
