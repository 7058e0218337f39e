import Foundation
import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules

/// The name of a findings-report format (`--format NAME`): one registered `Reporter`.
package struct ReportFormat: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    package let rawValue: String

    /// Only a registered reporter's name makes a format.
    package init?(rawValue: String) {
        guard ReportRegistry.all.contains(where: { $0.name == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    init(registered name: String) { rawValue = name }

    package var description: String { rawValue }

    /// The reporter that renders this format.
    package var reporter: any Reporter.Type {
        ReportRegistry.all.first { $0.name == rawValue } ?? TextReport.self
    }

    /// The format a file name suggests (`.md` markdown, `.json` JSON, `.sarif` SARIF), else nil.
    package static func guess(path: String) -> ReportFormat? {
        let ext = FileNames.pathExtension(path).lowercased()
        guard !ext.isEmpty, let r = ReportRegistry.all.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        return ReportFormat(registered: r.name)
    }
}

/// Shows paths relative to the working directory and links them relative to the report's folder.
///
/// Reports must be byte-identical wherever they are made, so no absolute path ever reaches one:
/// a path under the working directory is shown relative to it, and links from a report written
/// to `reports/x.md` point at `../seeds/...`.
package struct ReportPaths: Sendable {
    /// Absolute, standardised working directory.
    package var workingDirectory: String
    /// Absolute folder the report is written to (the working directory for stdout).
    package var reportDirectory: String

    package init(workingDirectory: String, reportFile: String? = nil) {
        let wd = ReportPaths.standardise(workingDirectory, base: "/")
        self.workingDirectory = wd
        if let reportFile {
            let abs = ReportPaths.standardise(reportFile, base: wd)
            self.reportDirectory = (abs as NSString).deletingLastPathComponent
        } else {
            self.reportDirectory = wd
        }
    }

    /// `path` made absolute against `base`, with `.` and `..` resolved textually.
    package static func standardise(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base + path : base + "/" + path)
        var parts: [Substring] = []
        for c in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The relative path from folder `from` to `to` (both absolute, standardised).
    package static func relative(_ to: String, from: String) -> String {
        let a = from.split(separator: "/")
        let b = to.split(separator: "/")
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        let ups = Array(repeating: "..", count: a.count - i)
        let rest = b[i...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The path a user sees: relative to the working directory.
    package func display(_ path: String) -> String {
        if ReportPaths.isPlainRelative(path) { return path }
        return ReportPaths.relative(ReportPaths.standardise(path, base: workingDirectory), from: workingDirectory)
    }

    /// The link target from the report's folder to `path`.
    package func link(_ path: String) -> String {
        if reportDirectory == workingDirectory, ReportPaths.isPlainRelative(path) { return path }
        return ReportPaths.relative(ReportPaths.standardise(path, base: workingDirectory), from: reportDirectory)
    }

    /// True for a relative path whose every component is a name (none empty, `.` or `..`):
    /// made absolute against a folder and relative to it again, it is itself. Every finding's
    /// evidence asks for its path; this spares the splitting and joining.
    static func isPlainRelative(_ path: String) -> Bool {
        var length = 0
        var dots = 0
        for c in path.utf8 {
            if c == 0x2F {
                if length == 0 || length == dots && dots <= 2 { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if c == 0x2E { dots += 1 }
            }
        }
        return length > 0 && !(length == dots && dots <= 2)
    }
}

/// One variant as reports show it.
package struct ReportVariant: Sendable, Equatable {
    package var id: String
    /// Path relative to the working directory.
    package var path: String
    /// The path as loaded (for links).
    package var sourcePath: String
    package var format: String
    package var role: String
    package var date: String?
    package var order: Int
    package var label: String?
    /// The variant's language ("en", "de"), or nil when nothing decided it.
    package var language: String? = nil
    package var sections: Int
    package var words: Int
    package var citations: Int
}

/// Counts by severity of the findings that count (baselined ones are counted apart).
package struct ReportSummary: Sendable, Equatable {
    package var error = 0
    package var warning = 0
    package var info = 0
    package var baselined = 0

    package init(_ findings: [Finding]) {
        for f in findings {
            if f.baselined { baselined += 1; continue }
            switch f.severity {
            case .error: error += 1
            case .warning: warning += 1
            case .info: info += 1
            }
        }
    }

    /// "3 errors, 5 warnings, 12 info".
    package var phrase: String {
        "\(error) error\(error == 1 ? "" : "s"), \(warning) warning\(warning == 1 ? "" : "s"), \(info) info"
    }
}

/// Everything a reporter needs: the set, its findings (or a gate's introduced and resolved ones).
package struct Report: Sendable {
    /// What the report answers.
    package enum Mode: Sendable, Equatable {
        /// `check`: every finding of one set.
        case check
        /// `gate`: what NEW changes against OLD (paths relative to the working directory).
        case gate(old: String, new: String)
    }

    package var mode: Mode
    package var subject: String?
    package var variants: [ReportVariant]
    /// `check`: all findings; `gate`: the introduced ones. Report order.
    package var findings: [Finding]
    /// `gate` only: findings of OLD that NEW no longer has. Report order.
    package var resolved: [Finding]
    /// Engine notes (also printed on stderr).
    package var warnings: [String]
    /// What rules left unjudged and why (printed on stderr with `--verbose`; in the JSON).
    package var notes: [RuleNote] = []
    /// The variant set (NEW's for a gate), for the markdown sections that read documents.
    package var set: VariantSet?
    /// The set before the edit, for a gate.
    package var oldSet: VariantSet?
    /// Whether a baseline was applied (SARIF marks baseline states only then).
    package var usedBaseline: Bool
    package var paths: ReportPaths

    package init(
        mode: Mode = .check, subject: String?, variants: [ReportVariant], findings: [Finding], resolved: [Finding] = [],
        warnings: [String] = [], set: VariantSet? = nil, oldSet: VariantSet? = nil, usedBaseline: Bool = false, paths: ReportPaths
    ) {
        self.mode = mode; self.subject = subject; self.variants = variants
        self.findings = findings.sorted(by: Finding.reportOrder); self.resolved = resolved.sorted(by: Finding.reportOrder)
        self.warnings = warnings; self.set = set; self.oldSet = oldSet; self.usedBaseline = usedBaseline; self.paths = paths
    }

    /// Builds the report of a loaded set.
    package init(set: VariantSet, run: RuleRun, mode: Mode = .check, resolved: [Finding] = [], oldSet: VariantSet? = nil, usedBaseline: Bool = false, paths: ReportPaths) {
        self.init(
            mode: mode, subject: set.subject, variants: Report.variants(of: set, paths: paths), findings: run.findings,
            resolved: resolved, warnings: run.warnings, set: set, oldSet: oldSet, usedBaseline: usedBaseline, paths: paths)
        notes = run.notes
    }

    /// Report rows for the variants of `set`, oldest first.
    package static func variants(of set: VariantSet, paths: ReportPaths) -> [ReportVariant] {
        set.variants.sorted { $0.order < $1.order }.map { v in
            let d = v.document
            var row = ReportVariant(
                id: v.id, path: paths.display(d.path), sourcePath: d.path, format: d.format.rawValue, role: d.role.rawValue,
                date: d.date?.description, order: v.order, label: v.label, sections: d.sections.filter { !$0.path.isEmpty }.count,
                words: wordCount(of: d), citations: d.citationCount)
            row.language = d.language
            return row
        }
    }

    /// `Document.wordCount`: space-separated words of the sentences, counted on bytes.
    static func wordCount(of d: Document) -> Int { d.wordCount }

    package var summary: ReportSummary { ReportSummary(findings) }

    /// Whether the run fails at `threshold`: any counting finding at or above it.
    package func fails(at threshold: Severity.Threshold) -> Bool {
        findings.contains { !$0.baselined && threshold.fails($0.severity) }
    }

    /// The stderr summary line: "3 errors, 5 warnings, 12 info in 5 variants".
    package var summaryLine: String {
        let s = summary
        var line: String
        switch mode {
        case .check:
            line = "\(s.phrase) in \(variants.count) variant\(variants.count == 1 ? "" : "s")"
        case let .gate(old, new):
            line = "\(s.phrase) introduced, \(resolved.count) resolved by \(new) (against \(old))"
        }
        if s.baselined > 0 { line += " (\(s.baselined) baselined)" }
        return line
    }

    /// The variant's path for evidence shown to users (relative to the working directory).
    func display(_ e: Evidence) -> String { paths.display(e.path) }

    /// The name of a variant in reports (`VariantNames.short`: its full id).
    func shortID(_ id: String) -> String { VariantNames.short(id, among: variants.lazy.map(\.id)) }

    /// Renders in `format` (plain, without colour).
    package func render(_ format: ReportFormat) -> String { format.reporter.render(self, color: false) }
}
