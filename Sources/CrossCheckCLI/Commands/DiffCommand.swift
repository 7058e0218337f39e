import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// `crosscheck diff OLD NEW`: word-level diff of two variants, section-aligned.
package enum DiffCommand: Command {
    package static let name = "diff"
    package static let summary = "Word-level diff of two variants, section-aligned"
    package static let help = """
        Usage: crosscheck diff OLD NEW [--format text|markdown|json]

        Aligns the sections of OLD and NEW (by heading path, then by content, so renamed and
        moved sections still pair up) and shows the word-level changes inside each pair,
        including sections that were added, removed, renamed or moved, and sentences or
        paragraphs that moved (also between sections). The files may be in different formats.

        Options:
          --format text|markdown|json   output format (default: text; colour on a terminal
                                        unless NO_COLOR is set)

        Exit status: 0 (a difference is not a failure); 2 when a file cannot be read or parsed.
        """
    package static let spec = ArgumentSpec(options: ["--format"])

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        guard arguments.positionals.count == 2 else {
            throw .usage("crosscheck diff: expected OLD and NEW (see 'crosscheck diff --help')")
        }
        let format = arguments.value("--format") ?? "text"
        guard ["text", "markdown", "json"].contains(format) else {
            throw .usage("crosscheck diff: --format must be text, markdown or json")
        }
        let old = try DocumentParser.parse(path: arguments.positionals[0])
        // NEW is usually OLD edited: its parse reuses OLD's for the sections the edit left alone.
        let new = try DocumentParser.parse(path: arguments.positionals[1], previous: old)
        let diff = DocumentDiffer.diff(old: old, new: new)
        switch format {
        case "json":
            // Streamed when the process writes to standard output: the JSON of a long diff is
            // many times its input's size (a test context collects it in `out`).
            if let stream = context.streamOut {
                DiffReport.writeJSON(diff, old: old, new: new, to: stream)
            } else {
                DiffReport.writeJSON(diff, old: old, new: new) { context.out += $0 }
            }
        case "markdown": context.out += DiffReport.markdown(diff)
        default: context.out += DiffReport.text(diff, color: context.useColor)
        }
        return 0
    }
}
