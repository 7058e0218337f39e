import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// Where a command writes and what it knows of its environment; tests run commands in-process.
package struct CommandContext: Sendable {
    /// The report (stdout).
    package var out = ""
    /// Errors, warnings, the summary line (stderr).
    package var err = ""
    package var environment: [String: String]
    /// Whether stdout is a terminal (colour is used only then, and never with NO_COLOR).
    package var stdoutIsTerminal: Bool
    /// Directory relative paths are resolved and shown against.
    package var workingDirectory: String

    package init(environment: [String: String] = [:], stdoutIsTerminal: Bool = false, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment; self.stdoutIsTerminal = stdoutIsTerminal; self.workingDirectory = workingDirectory
    }

    /// `--color auto|always|never` (a global option, accepted anywhere on the command line).
    package var color: ColorChoice = .auto

    /// Colour when asked (`--color always`), or on a terminal (`auto`) unless `NO_COLOR` is set
    /// to a non-empty value or `TERM` is `dumb` (the no-color.org convention).
    package var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto: return stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }

    /// Files to write when the command has succeeded: all of them, or none (`OutputFiles`).
    package var files: [OutputFile] = []

    package mutating func print(_ s: String) { out += s; if !s.hasSuffix("\n") { out += "\n" } }

    /// Sends `contents` to `path` when the command has succeeded (`-` is standard output).
    package mutating func write(_ contents: String, to path: String) {
        if path == "-" { out += contents } else { files.append(OutputFile(path: path, contents: contents)) }
    }
    package mutating func printError(_ s: String) { err += s; if !s.hasSuffix("\n") { err += "\n" } }
}

/// When reports use colour.
package enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// A subcommand: its name, help, accepted arguments and behaviour.
package protocol Command: Sendable {
    static var name: String { get }
    /// One line for `crosscheck --help`.
    static var summary: String { get }
    /// Full `--help` text.
    static var help: String { get }
    static var spec: ArgumentSpec { get }
    /// Runs and returns the exit status; throwing means exit 2 with the error's one-line message.
    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32
}
