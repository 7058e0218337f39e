import Foundation

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

        Options of every command:
          --color WHEN   auto (default: on a terminal, unless NO_COLOR is non-empty or
                         TERM=dumb), always or never
          -              as a PATH or FILE: read standard input

        Exit status: 0 success, 1 findings at or above --fail-on, 2 usage or input error.
        Run 'crosscheck help <command>' or 'crosscheck <command> --help' for a command's options.
        """

    /// A command's `--help`, with the export options for the commands that read variants.
    static func helpText(_ command: any Command.Type) -> String {
        command.help + (ExportArguments.commands.contains(command.name) ? ExportArguments.help : "")
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit status.
    package static func run(_ arguments: [String], context: inout CommandContext) -> Int32 {
        // `--color WHEN` is global: taken out wherever it stands (before `--`).
        var arguments = arguments
        do throws(CrossCheckError) { arguments = try takeColor(arguments, &context) } catch {
            context.printError(error.description)
            return 2
        }
        guard let first = arguments.first else {
            context.printError("crosscheck: missing command (see 'crosscheck --help')")
            return 2
        }
        if first == "help", arguments.count > 1 {
            guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                context.printError("crosscheck: unknown command '\(arguments[1])' (see 'crosscheck --help')")
                return 2
            }
            context.print(helpText(command))
            return 0
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
            if parsed.has("--help") || parsed.has("-h") { context.print(helpText(command)); return 0 }
            if readsExports { parsed = try ExportArguments.rewrite(parsed, command: command.name, context) }
            let status = try command.run(parsed, &context)
            // Reports and baselines are written only now, all or none, and the report on
            // stdout only goes out when they all were.
            do throws(CrossCheckError) { try OutputFiles.commit(context.files) } catch {
                context.out = ""
                throw error
            }
            context.files = []
            return status
        } catch {
            // Usage messages already name the command ("crosscheck check: ..."); file errors do not.
            context.files = []
            let message = error.description
            context.printError(message.hasPrefix("crosscheck") ? message : "crosscheck: " + message)
            return 2
        }
    }

    /// The whole process: runs the command line, writes stdout and stderr, returns the status.
    ///
    /// SIGPIPE is ignored so that a reader that stops early (`| head`) ends the run quietly
    /// instead of killing it; a failure to write the report is exit 2 with one line on stderr.
    package static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var context = CommandContext(environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: isatty(1) == 1)
        // Streaming commands (`history`, `diff --format json`) write as they go; a reader that
        // stopped early ends the run quietly, any other write failure as `finish` reports it.
        context.streamOut = { text in
            guard let e = StandardStreams.writeAll(text, to: 1) else { return }
            if e == EPIPE { exit(0) }
            _ = StandardStreams.writeAll("crosscheck: cannot write the report to standard output: \(SystemError.describe(e))\n", to: 2)
            exit(2)
        }
        let status = run(arguments, context: &context)
        return StandardStreams.finish(status: status, out: context.out, err: context.err)
    }

    /// Removes `--color WHEN` / `--color=WHEN` (before any `--`) and records it in `context`.
    static func takeColor(_ arguments: [String], _ context: inout CommandContext) throws(CrossCheckError) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { out += arguments[i...]; break }
            var value: String? = nil
            if a == "--color" {
                guard i + 1 < arguments.count else { throw .usage("crosscheck: --color needs a value (auto, always or never)") }
                value = arguments[i + 1]
                i += 2
            } else if a.hasPrefix("--color=") {
                value = String(a.dropFirst("--color=".count))
                i += 1
            } else {
                out.append(a)
                i += 1
                continue
            }
            guard let v = value, let choice = ColorChoice(rawValue: v) else {
                throw .usage("crosscheck: --color must be auto, always or never, not '\(value ?? "")'")
            }
            context.color = choice
        }
        return out
    }
}
