import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// One requested output: a format and where it goes (nil: stdout).
package struct ReportTarget: Sendable, Equatable {
    package var format: ReportFormat
    package var path: String?
    package init(format: ReportFormat, path: String? = nil) { self.format = format; self.path = path }
}

/// The options `check` and `gate` share: outputs, `--fail-on`, rule selection, baselines.
package struct ReportOptions: Sendable {
    /// Option names taking one value.
    package static let names: Set<String> = [
        "--format", "--output", "--fail-on", "--config", "--enable", "--disable", "--baseline", "--write-baseline",
    ]

    package static let help = """
          --format FORMAT        \(ReportRegistry.namesPhrase) (default: text)
          --output FILE          write the report to FILE (atomically) instead of stdout
                                 Several reports in one run: pair each --format with an
                                 --output, e.g. --format json --output a.json --format
                                 markdown --output b.md; at most one format goes to stdout.
                                 An --output without a --format takes its format from the
                                 extension (.md, .json, .sarif).
          --fail-on LEVEL        error, warning, info or never (default: the config's or the
                                 manifest's failOn, else error)
          --config FILE          JSON in the manifest's shape: "rules" and "failOn"
          --enable ID            run only these rules (repeatable; comma lists allowed)
          --disable ID           skip these rules (repeatable; comma lists allowed)
          --baseline FILE        findings whose fingerprint is in FILE are shown as
                                 baselined and never fail the run
          --write-baseline FILE  record every current finding's fingerprint in FILE; the
                                 findings recorded count as baselined in this run
        """

    package var targets: [ReportTarget]
    package var failOn: Severity.Threshold?
    package var configPath: String?
    package var enable: [String]
    package var disable: [String]
    package var baselinePath: String?
    package var writeBaselinePath: String?

    /// Reads the shared options; `command` names the command in usage errors.
    package static func parse(_ a: ParsedArguments, command: String) throws(CrossCheckError) -> ReportOptions {
        var targets: [ReportTarget] = []
        // Pending: an --output seen before its --format.
        var pendingPath: String? = nil
        var lastOpen: Int? = nil
        for (name, value) in a.ordered where name == "--format" || name == "--output" {
            if name == "--format" {
                guard let f = ReportFormat(rawValue: value) else {
                    throw .usage("crosscheck \(command): unknown format '\(value)' (want \(ReportRegistry.namesPhrase))")
                }
                targets.append(ReportTarget(format: f, path: pendingPath))
                lastOpen = pendingPath == nil ? targets.count - 1 : nil
                pendingPath = nil
            } else {
                if let i = lastOpen {
                    targets[i].path = value
                    lastOpen = nil
                } else if let p = pendingPath {
                    // Two outputs in a row: the first takes its format from its extension.
                    targets.append(ReportTarget(format: try guess(p, command: command), path: p))
                    pendingPath = value
                } else {
                    pendingPath = value
                }
            }
        }
        if let p = pendingPath { targets.append(ReportTarget(format: try guess(p, command: command), path: p)) }
        if targets.isEmpty { targets = [ReportTarget(format: .text)] }
        if targets.filter({ $0.path == nil }).count > 1 {
            throw .usage("crosscheck \(command): at most one --format can go to stdout; give the others an --output FILE")
        }
        var failOn: Severity.Threshold? = nil
        if let f = a.value("--fail-on") {
            guard let t = Severity.Threshold(rawValue: f) else {
                throw .usage("crosscheck \(command): --fail-on must be error, warning, info or never")
            }
            failOn = t
        }
        return ReportOptions(
            targets: targets, failOn: failOn, configPath: a.value("--config"),
            enable: a.values("--enable", splitCommas: true).filter { !$0.isEmpty },
            disable: a.values("--disable", splitCommas: true).filter { !$0.isEmpty },
            baselinePath: a.value("--baseline"), writeBaselinePath: a.value("--write-baseline"))
    }

    static func guess(_ path: String, command: String) throws(CrossCheckError) -> ReportFormat {
        guard let f = ReportFormat.guess(path: path) else {
            throw .usage("crosscheck \(command): cannot tell the format of --output \(path); add --format before it")
        }
        return f
    }

    /// Loads the `--config` file, if any.
    package func loadConfig(_ context: CommandContext) throws(CrossCheckError) -> Manifest? {
        guard let p = configPath else { return nil }
        return try Manifest.load(path: ReportOptions.resolve(p, context))
    }

    /// Rule settings: the manifest's, then the config's on top, then `--enable`/`--disable`.
    package func configuration(manifest: Manifest?, config: Manifest?) -> RuleConfiguration {
        var settings = manifest?.rules ?? [:]
        for (id, s) in config?.rules ?? [:] {
            var merged = settings[id] ?? RuleSetting()
            if let e = s.enabled { merged.enabled = e }
            if let v = s.severity { merged.severity = v }
            settings[id] = merged
        }
        return RuleConfiguration(settings: settings, enableOnly: enable, disabled: disable)
    }

    /// `--fail-on` beats the config, which beats the manifest; the default is `error`.
    package func threshold(manifest: Manifest?, config: Manifest?) -> Severity.Threshold {
        failOn ?? config?.failOn ?? manifest?.failOn ?? .error
    }

    /// Marks baselined findings (`--baseline`), and records and accepts all of them (`--write-baseline`).
    package func applyBaselines(_ findings: [Finding], _ context: CommandContext) throws(CrossCheckError) -> (findings: [Finding], used: Bool) {
        var out = findings
        var used = false
        if let p = baselinePath {
            out = try Baseline.load(path: ReportOptions.resolve(p, context)).apply(to: out)
            used = true
        }
        if let p = writeBaselinePath {
            let baseline = Baseline(findings: out)
            let file = ReportOptions.resolve(p, context)
            try ReportOptions.makeParent(of: file)
            try AtomicFile.write(baseline.serialized(), to: file)
            out = baseline.apply(to: out)
            used = true
        }
        return (out, used)
    }

    /// Writes every target, the step summary for `github`, warnings and the summary line.
    package func emit(_ report: Report, _ context: inout CommandContext) throws(CrossCheckError) {
        for w in report.warnings { context.printError("crosscheck: warning: \(w)") }
        for t in targets {
            var r = report
            let file = t.path.map { ReportOptions.resolve($0, context) }
            r.paths = ReportPaths(workingDirectory: report.paths.workingDirectory, reportFile: file)
            let text = t.format.reporter.render(r, color: file == nil && context.useColor)
            if let file {
                try ReportOptions.makeParent(of: file)
                try AtomicFile.write(text, to: file)
            } else {
                context.out += text
            }
            if t.format.reporter.writesJobSummary, let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                var s = report
                s.paths = ReportPaths(workingDirectory: report.paths.workingDirectory)
                try ReportOptions.append(MarkdownReport.render(s), to: summary)
            }
        }
        context.printError(report.summaryLine)
    }

    /// Creates the folder a report goes to (`--output reports/x.md` in a fresh checkout).
    static func makeParent(of file: String) throws(CrossCheckError) {
        let parent = (file as NSString).deletingLastPathComponent
        guard !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) else { return }
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: file, reason: "cannot create its folder")
        }
    }

    /// Appends to a file, creating it (the job summary file).
    static func append(_ text: String, to path: String) throws(CrossCheckError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else { throw .unwritable(path: path, reason: "cannot create the job summary file") }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw .unwritable(path: path, reason: "cannot open the job summary file for writing") }
        defer { try? h.close() }
        do {
            try h.seekToEnd()
            try h.write(contentsOf: Data(text.utf8))
        } catch {
            throw .unwritable(path: path, reason: "job summary: " + AtomicFile.reason(error))
        }
    }

    /// A user path resolved against the command's working directory (kept as given when that is
    /// the process's own directory, so messages name files the way the user wrote them).
    package static func resolve(_ path: String, _ context: CommandContext) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = ReportPaths.standardise(FileManager.default.currentDirectoryPath, base: "/")
        let wd = ReportPaths.standardise(context.workingDirectory, base: "/")
        if cwd == wd { return path }
        return wd + "/" + path
    }
}
