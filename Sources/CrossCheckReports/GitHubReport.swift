import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// GitHub Actions workflow commands (`::error file=...,line=...,title=...::message`).
///
/// GitHub shows at most 10 annotations of each level per step, so the report keeps the 10 most
/// severe of each level (report order) and ends with a `::notice::` counting the rest; the full
/// report belongs in the job summary (`$GITHUB_STEP_SUMMARY`), which the CLI appends.
package enum GitHubReport {
    /// Annotations kept per level.
    package static let limitPerLevel = 10

    static func command(_ s: Severity, baselined: Bool) -> String {
        if baselined { return "notice" }
        return s == .error ? "error" : (s == .warning ? "warning" : "notice")
    }

    /// Escapes a command's message: `%`, `\r`, `\n`.
    package static func escapeData(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Escapes a property value: the data escapes plus `:` and `,`.
    package static func escapeProperty(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in escapeData(s).unicodeScalars {
            switch u {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    package static func render(_ report: Report) -> String {
        let findings = report.findings
        var kept: [String: Int] = [:]
        var omitted: [String: Int] = [:]
        var out = ""
        // Counting findings first (most severe first), baselined ones after: they are notices.
        let ordered = findings.filter { !$0.baselined } + findings.filter(\.baselined)
        for f in ordered {
            let level = command(f.severity, baselined: f.baselined)
            if kept[level, default: 0] >= limitPerLevel { omitted[level, default: 0] += 1; continue }
            kept[level, default: 0] += 1
            out += annotation(f, level: level, report: report) + "\n"
        }
        let left = omitted.values.reduce(0, +)
        if left > 0 {
            let parts = ["error", "warning", "notice"].compactMap { l in omitted[l].map { "\($0) \(l)\($0 == 1 ? "" : "s")" } }
            out += "::notice::" + escapeData("crosscheck: \(left) more finding\(left == 1 ? "" : "s") not annotated (\(parts.joined(separator: ", "))); see the job summary or the full report") + "\n"
        }
        if case let .gate(_, new) = report.mode, !report.resolved.isEmpty {
            out += "::notice::" + escapeData("crosscheck: \(new) resolves \(report.resolved.count) finding\(report.resolved.count == 1 ? "" : "s")") + "\n"
        }
        return out
    }

    static func annotation(_ f: Finding, level: String, report: Report) -> String {
        var props: [String] = []
        if let e = f.primary {
            props.append("file=" + escapeProperty(report.display(e)))
            props.append("line=\(max(1, e.line))")
        }
        props.append("title=" + escapeProperty("crosscheck \(f.rule)" + (f.baselined ? " (baselined)" : "")))
        var message = f.message
        for e in f.evidence.dropFirst() { message += "\n\(report.display(e)):\(e.line): \(e.text)" }
        if let w = f.likelyWrong { message += "\nLikely wrong: \(w)" + (f.extraExplanation.map { " (\($0))" } ?? "") }
        else if let x = f.extraExplanation { message += "\n\(x)" }
        return "::\(level) \(props.joined(separator: ","))::\(escapeData(message))"
    }
}

extension GitHubReport: Reporter {
    package static var name: String { "github" }
    package static var summary: String { "GitHub Actions annotations, plus the markdown report in the job summary" }
    package static var writesJobSummary: Bool { true }
    package static func render(_ report: Report, color: Bool) -> String { render(report) }
}

extension ReportFormat {
    package static let github = ReportFormat(registered: GitHubReport.name)
}
