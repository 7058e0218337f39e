import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// The command-line interface: dispatches to subcommands and maps errors to exit status 2.
package enum CrossCheckCLI {
    /// The tool's version (SPEC: `tool.version` in JSON output).
    package static let version = ToolInfo.version

    /// Every subcommand, in help order.
    package static let commands: [any Command.Type] = [
        CheckCommand.self, GateCommand.self, DiffCommand.self, AlignCommand.self,
        ParseCommand.self, FactsCommand.self, RulesCommand.self, HistoryCommand.self,
    ]

    package static let help = """
        crosscheck \(version): finds where the variants of an article disagree.

        Usage: crosscheck <command> [options]

        Commands:
        \(commands.map { "  " + $0.name.padding(toLength: 8, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        Exit status: 0 success, 1 findings at or above --fail-on, 2 usage or input error.
        Run 'crosscheck <command> --help' for a command's options.
        """

    /// Runs the command line `arguments` (without the program name) and returns the exit status.
    package static func run(_ arguments: [String], context: inout CommandContext) -> Int32 {
        guard let first = arguments.first else {
            context.printError("crosscheck: missing command (see 'crosscheck --help')")
            return 2
        }
        if first == "--help" || first == "-h" || first == "help" { context.print(help); return 0 }
        if first == "--version" || first == "-V" { context.print("crosscheck \(version)"); return 0 }
        guard let command = commands.first(where: { $0.name == first }) else {
            context.printError("crosscheck: unknown command '\(first)' (see 'crosscheck --help')")
            return 2
        }
        do throws(CrossCheckError) {
            var spec = command.spec
            let readsExports = ExportArguments.commands.contains(command.name)
            if readsExports { spec.options.formUnion(ExportArguments.options) }
            var parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), spec: spec, command: command.name)
            if parsed.has("--help") || parsed.has("-h") { context.print(command.help + (readsExports ? ExportArguments.help : "")); return 0 }
            if readsExports { parsed = try ExportArguments.rewrite(parsed, command: command.name, context) }
            return try command.run(parsed, &context)
        } catch {
            // Usage messages already name the command ("crosscheck check: ..."); file errors do not.
            let message = error.description
            context.printError(message.hasPrefix("crosscheck") ? message : "crosscheck: " + message)
            return 2
        }
    }
}
