import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// `crosscheck parse FILE`: the normalised document model of one file.
package enum ParseCommand: Command {
    package static let name = "parse"
    package static let summary = "Print the parsed document model of one file"
    package static let help = """
        Usage: crosscheck parse FILE [--format json|text] [--as wikitext|plaintext|markdown|frontmatter]

        Prints the normalised document model of FILE: title, role, date, key/value fields
        (infobox parameters, **Key**: value lines, front-matter keys), and sections with their
        heading paths, lines and sentences (with citation counts).

        Options:
          --format json|text   output format (default: text)
          --as FORMAT          parse as FORMAT instead of detecting it from content
        """
    package static let spec = ArgumentSpec(options: ["--format", "--as"])

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw .usage("crosscheck parse: expected exactly one FILE (see 'crosscheck parse --help')")
        }
        let format = arguments.value("--format") ?? "text"
        guard format == "json" || format == "text" else { throw .usage("crosscheck parse: --format must be json or text") }
        var as_: DocumentFormat? = nil
        if let a = arguments.value("--as") {
            guard let p = FormatRegistry.parser(for: DocumentFormat(rawValue: a)) else {
                throw .usage("crosscheck parse: unknown format '\(a)' for --as (want \(FormatRegistry.names.joined(separator: ", ")))")
            }
            as_ = p.format
        }
        let document = try DocumentParser.parse(path: path, format: as_)
        if document.decodedEscapedMarkup { context.printError(Document.escapedMarkupNote(path)) }
        context.out += format == "json" ? DocumentDump.json(document).serialized() : DocumentDump.text(document)
        return 0
    }
}
