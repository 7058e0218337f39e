import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// `crosscheck align PATH...`: the section alignment of all variants of a set.
package enum AlignCommand: Command {
    package static let name = "align"
    package static let summary = "Section alignment of all variants of a set"
    package static let help = """
        Usage: crosscheck align PATH ... [--format text|markdown|json]

        Prints which section of each variant corresponds to which: one row per aligned section,
        one column per variant (oldest to newest), each cell the section's heading and line, or
        empty where the variant has no such section. Sections align by heading path, then by
        heading alone, then by content.

        Options:
          --format text|markdown|json   output format (default: text)
        """
    package static let spec = ArgumentSpec(options: ["--format"])

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        guard !arguments.positionals.isEmpty else {
            throw .usage("crosscheck align: expected at least one PATH (see 'crosscheck align --help')")
        }
        let format = arguments.value("--format") ?? "text"
        guard ["text", "markdown", "json"].contains(format) else {
            throw .usage("crosscheck align: --format must be text, markdown or json")
        }
        let set = try VariantSet.load(paths: arguments.positionals)
        let alignment = SectionAligner.align(set.variants.map(\.document))
        switch format {
        case "json": context.out += AlignReport.json(alignment, set).serialized()
        case "markdown": context.out += AlignReport.markdown(alignment, set)
        default: context.out += AlignReport.text(alignment, set)
        }
        return 0
    }
}
