import Foundation
import CrossCheckCore
import CrossCheckAnalysis

/// Renders a `ClaimSet` for `crosscheck facts`.
package enum FactsReport {
    package static func json(_ set: VariantSet, _ claims: ClaimSet) -> JSONValue {
        let variants: [JSONValue] = claims.byVariant.map { v, cs in
            .object([
                "id": .string(v.id), "path": .string(v.document.path), "format": .string(v.document.format.rawValue),
                "role": .string(v.document.role.rawValue), "date": .optional(v.document.date?.description), "order": .int(v.order),
                "claims": .array(cs.map(claimJSON)),
            ])
        }
        return .object(["subject": .optional(set.subject), "variants": .array(variants)])
    }

    static func claimJSON(_ c: Claim) -> JSONValue {
        .object([
            "attribute": .string(c.attribute.rawValue), "value": .string(c.value.description), "normalized": c.value.json,
            "cited": .bool(c.cited), "origin": .string(c.origin.rawValue), "label": .optional(c.label),
            "evidence": .object([
                "variant": .string(c.evidence.variant), "path": .string(c.evidence.path), "line": .int(c.evidence.line),
                "section": .string(c.evidence.section),
                "text": .string(c.evidence.text),
            ]),
        ])
    }

    package static func markdown(_ set: VariantSet, _ claims: ClaimSet) -> String {
        var s = "# Facts" + (set.subject.map { ": " + $0 } ?? "") + "\n"
        for (v, cs) in claims.byVariant {
            let d = v.document
            s += "\n## \(v.id) (\(d.role.rawValue), \(d.format.rawValue)\(d.date.map { ", " + $0.description } ?? ""))\n\n"
            if cs.isEmpty { s += "No claims found.\n"; continue }
            s += "| attribute | value | cited | line | section | text |\n|---|---|---|---|---|---|\n"
            for c in cs {
                s += "| \(c.attribute.rawValue) | \(cell(c.value.description)) | \(c.cited ? "yes" : "no") | \(c.line) | "
                s += "\(cell(c.evidence.section)) | \(cell(Evidence.trim(c.evidence.text, limit: 120))) |\n"
            }
        }
        return s
    }

    private static func cell(_ s: String) -> String { MarkdownText.inline(s) }
}
