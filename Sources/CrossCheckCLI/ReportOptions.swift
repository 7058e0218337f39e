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
                                 ('-' is stdout); with several outputs, all or none
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
          --show-baselined       list baselined findings too (text, markdown and github
                                 reports leave them out; JSON and SARIF always hold them)
          --quiet, -q            print only the summary line (files given with --output are
                                 still written)
          --verbose              also say on stderr what rules left unjudged and why (a
                                 variant in a language they have no word list for)
        """

    /// Flags (no value) every report-writing command takes.
    package static let flags: Set<String> = ["--show-baselined", "--quiet", "-q", "--verbose"]

    package var targets: [ReportTarget]
    package var failOn: Severity.Threshold?
    package var configPath: String?
    package var enable: [String]
    package var disable: [String]
    package var baselinePath: String?
    package var writeBaselinePath: String?
    /// `--show-baselined`: list baselined findings in the reports people read.
    package var showBaselined = false
    /// `--quiet`: nothing on stdout but the summary line on stderr.
    package var quiet = false
    /// `--verbose`: print the rules' notes on stderr.
    package var verbose = false

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
        // `--output -` is standard output.
        for i in targets.indices where targets[i].path == "-" { targets[i].path = nil }
        if targets.filter({ $0.path == nil }).count > 1 {
            throw .usage("crosscheck \(command): at most one --format can go to stdout; give the others an --output FILE")
        }
        if a.value("--write-baseline") == "-", targets.contains(where: { $0.path == nil }) {
            throw .usage("crosscheck \(command): --write-baseline - and the report would both go to stdout; give one of them a FILE")
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
            baselinePath: a.value("--baseline"), writeBaselinePath: a.value("--write-baseline"),
            showBaselined: a.has("--show-baselined"), quiet: a.has("--quiet") || a.has("-q"), verbose: a.has("--verbose"))
    }

    static func guess(_ path: String, command: String) throws(CrossCheckError) -> ReportFormat {
        if path == "-" { return .text }
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
    ///
    /// The baseline file is written with the reports, when they all can be (see `emit`).
    package func applyBaselines(_ findings: [Finding], _ context: inout CommandContext) throws(CrossCheckError) -> (findings: [Finding], used: Bool) {
        var out = findings
        var used = false
        if let p = baselinePath {
            out = try Baseline.load(path: ReportOptions.resolve(p, context)).apply(to: out)
            used = true
        }
        if let p = writeBaselinePath {
            let baseline = Baseline(findings: out)
            context.write(baseline.serialized(), to: p == "-" ? p : ReportOptions.resolve(p, context))
            out = baseline.apply(to: out)
            used = true
        }
        return (out, used)
    }

    /// Writes every target, the step summary for `github`, warnings and the summary line.
    ///
    /// All or nothing: every report is rendered first, then the files (with a baseline from
    /// `applyBaselines`) are written together (`OutputFiles.commit`); only when they all were
    /// does the stdout report go out. A failure leaves every file as it was and stdout empty.
    package func emit(_ report: Report, _ context: inout CommandContext) throws(CrossCheckError) {
        try emit(ReportBundle([report]), &context)
    }

    /// Writes every target for one or several articles' reports, all or nothing.
    ///
    /// Text, markdown and GitHub output leave baselined findings out unless `--show-baselined`
    /// (JSON and SARIF keep them, marked); `--quiet` writes nothing to stdout.
    package func emit(_ bundle: ReportBundle, _ context: inout CommandContext) throws(CrossCheckError) {
        let shown = showBaselined ? bundle : bundle.hidingBaselined()
        var stdout = ""
        for t in targets {
            let file = t.path.map { ReportOptions.resolve($0, context) }
            if quiet && file == nil { continue }
            var b = t.format.reporter.listsBaselined ? bundle : shown
            b.reports = b.reports.map { r in
                var r = r
                r.paths = ReportPaths(workingDirectory: r.paths.workingDirectory, reportFile: file)
                return r
            }
            let text = b.render(t.format, color: file == nil && context.useColor)
            if let file { context.write(text, to: file) } else { stdout += text }
        }
        try OutputFiles.commit(context.files)
        context.files = []
        context.out += stdout
        for w in bundle.reports.flatMap(\.warnings) { context.printError("crosscheck: warning: \(w)") }
        for report in bundle.reports {
            for d in [report.oldSet, report.set].compactMap({ $0 }).flatMap(\.variants) where d.document.decodedEscapedMarkup {
                context.printError(Document.escapedMarkupNote(d.document.path))
            }
            if verbose {
                for n in report.notes { context.printError("crosscheck: note: \(n.rule): \(n.variant): \(n.message)") }
            }
        }
        if targets.contains(where: { $0.format.reporter.writesJobSummary }),
            let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty
        {
            try ReportOptions.append(shown.render(.markdown), to: summary)
        }
        context.printError(bundle.summaryLine)
    }

    /// Appends to a file, creating it (the job summary file).
    static func append(_ text: String, to path: String) throws(CrossCheckError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else { throw .unwritable(path: path, reason: "cannot create the job summary file") }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw .unwritable(path: path, reason: "cannot open the job summary file") }
        defer { try? h.close() }
        do {
            try h.seekToEnd()
            try h.write(contentsOf: Data(text.utf8))
        } catch {
            throw .unwritable(path: path, reason: "the job summary: \(error.localizedDescription)")
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
