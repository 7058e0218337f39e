import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// `crosscheck check [PATH...]`: every enabled rule over one variant set.
package enum CheckCommand: Command {
    package static let name = "check"
    package static let summary = "Check a variant set for conflicts"
    package static let help = """
        Usage: crosscheck check [PATH ...] [options]

        Runs every enabled rule over one variant set: all PATHs together (files, or folders of
        files with an optional crosscheck.json manifest). With no PATH it checks ./seeds.

        Options:
        \(ReportOptions.help)

        Exit status: 0 nothing at or above --fail-on (baselined findings never count),
        1 findings at or above --fail-on, 2 usage error or unreadable input.

        Examples:
          crosscheck check seeds
          crosscheck check seeds --format markdown --output reports/seeds.md \\
                                 --format json --output reports/seeds.json --fail-on never
          crosscheck check seeds --baseline .crosscheck-baseline.json --format sarif --output crosscheck.sarif
        """
    package static let spec = ArgumentSpec(options: ReportOptions.names)

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        let options = try ReportOptions.parse(arguments, command: name)
        let config = try options.loadConfig(context)
        let paths = (arguments.positionals.isEmpty ? ["seeds"] : arguments.positionals).map { ReportOptions.resolve($0, context) }
        let set = try VariantSet.load(paths: paths)
        var run = try RuleEngine.run(set, configuration: options.configuration(manifest: set.manifest, config: config))
        let (findings, usedBaseline) = try options.applyBaselines(run.findings, context)
        run.findings = findings
        let report = Report(set: set, run: run, usedBaseline: usedBaseline, paths: ReportPaths(workingDirectory: context.workingDirectory))
        try options.emit(report, &context)
        return report.fails(at: options.threshold(manifest: set.manifest, config: config)) ? 1 : 0
    }
}
