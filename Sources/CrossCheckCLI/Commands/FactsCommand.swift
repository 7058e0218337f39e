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
        guard format == "json" || format == "markdown" else {
            throw .usage("crosscheck facts: --format must be json or markdown")
        }
        let set = try VariantSet.load(paths: arguments.positionals)
        let claims = ClaimSet(set)
        context.out += format == "json" ? FactsReport.json(set, claims).serialized() + "\n" : FactsReport.markdown(set, claims)
        return 0
    }
}
