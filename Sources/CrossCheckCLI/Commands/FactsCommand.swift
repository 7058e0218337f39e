import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// `crosscheck facts PATH...`: the claims each variant states, with normalised values and evidence.
package enum FactsCommand: Command {
    package static let name = "facts"
    package static let summary = "Print the claims each variant states"
    package static let help = """
        Usage: crosscheck facts PATH... [--format json|markdown]

        Reads every PATH (files, or folders of variants with an optional crosscheck.json) as one
        variant set and prints, per variant (oldest to newest), the claims it states: status,
        headquarters, founders, founding date, employees, valuation, revenue, other money
        figures, percentages, counts, listing and listing events. Each claim shows its
        normalised value, whether it is cited, and where it was read (line, section, text).

        Options:
          --format json|markdown   output format (default: markdown)
        """
    package static let spec = ArgumentSpec(options: ["--format"])

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        guard !arguments.positionals.isEmpty else {
            throw .usage("crosscheck facts: expected at least one PATH (see 'crosscheck facts --help')")
        }
        let format = arguments.value("--format") ?? "markdown"
        guard format == "json" || format == "markdown" || format == "text" else {
            throw .usage("crosscheck facts: --format must be json or markdown")
        }
        let set = try VariantSet.load(paths: arguments.positionals)
        let claims = ClaimSet(set)
        context.out += format == "json" ? FactsReport.json(set, claims).serialized() + "\n" : FactsReport.markdown(set, claims)
        return 0
    }
}

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

    private static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
