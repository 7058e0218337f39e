import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckRules
import CrossCheckReports

/// The embedding API: what a program that links the `CrossCheck` library may call.
///
/// Everything else in the package is `package`-internal, free to change between releases; these
/// few entry points are the contract, kept stable like the command line in docs/SPEC.md.
public enum CrossCheck {
    /// The tool's version, as `crosscheck --version` and the JSON report state it.
    public static var version: String { ToolInfo.version }

    /// Runs a command line in-process, exactly as the `crosscheck` executable would, and returns
    /// its exit status and what it would have printed.
    ///
    /// - Parameters:
    ///   - arguments: the command line without the program name (`["check", "seeds"]`).
    ///   - workingDirectory: where relative paths are resolved and shown against.
    ///   - environment: the variables the CLI reads (`NO_COLOR`, `GITHUB_STEP_SUMMARY`).
    public static func run(
        _ arguments: [String], workingDirectory: String = FileManager.default.currentDirectoryPath,
        environment: [String: String] = [:]
    ) -> CommandResult {
        var context = CommandContext(environment: environment, stdoutIsTerminal: false, workingDirectory: workingDirectory)
        let status = CrossCheckCLI.run(arguments, context: &context)
        return CommandResult(status: status, standardOutput: context.out, standardError: context.err)
    }

    /// Loads one variant set (files, or folders with an optional `crosscheck.json`), runs every
    /// enabled rule and renders the findings in a registered report format.
    ///
    /// Throws `EmbeddingError` with the same one-line message the CLI prints for bad input.
    public static func check(paths: [String], format: String = "json") throws(EmbeddingError) -> CheckResult {
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw EmbeddingError(description: "unknown format '\(format)' (want \(ReportRegistry.namesPhrase))")
        }
        do throws(CrossCheckError) {
            let set = try VariantSet.load(paths: paths)
            let run = try RuleEngine.run(set)
            let report = Report(set: set, run: run, paths: ReportPaths(workingDirectory: FileManager.default.currentDirectoryPath))
            let s = report.summary
            return CheckResult(report: report.render(reportFormat), errors: s.error, warnings: s.warning, info: s.info)
        } catch {
            throw EmbeddingError(description: error.description)
        }
    }
}

/// What an in-process command run printed and returned.
public struct CommandResult: Sendable, Equatable {
    /// 0 success, 1 findings at or above `--fail-on`, 2 usage or input error (docs/SPEC.md).
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
}

/// A rendered findings report and its counts by severity.
public struct CheckResult: Sendable, Equatable {
    public let report: String
    public let errors: Int
    public let warnings: Int
    public let info: Int
}

/// A failure of the embedding API: the one-line message the CLI would print.
public struct EmbeddingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}
