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
    /// The longest workflow command line written, in bytes (GitHub truncates long annotations;
    /// the full evidence is in the job summary).
    package static let lineLimit = 4000

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
        // Room among the notices for the closing notices below.
        let closing = (report.resolved.isEmpty ? 0 : 1) + 1
        for f in ordered {
            let level = command(f.severity, baselined: f.baselined)
            let limit = level == "notice" ? limitPerLevel - closing : limitPerLevel
            if kept[level, default: 0] >= limit { omitted[level, default: 0] += 1; continue }
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
        var tail = ""
        if let w = f.likelyWrong { tail = "\nLikely wrong: \(w)" + (f.extraExplanation.map { " (\($0))" } ?? "") }
        else if let x = f.extraExplanation { tail = "\n\(x)" }
        let head = "::\(level) \(props.joined(separator: ","))::"
        // Evidence, the same quote in many variants once; as much as fits in one line.
        let budget = lineLimit - head.utf8.count - escapeData(tail).utf8.count - 120
        var message = f.message
        let groups = ReportCompaction.groups(f.evidence)
        var shown = 0
        for (i, g) in groups.enumerated() {
            let e = g.first
            var line = i == 0 && g.members.count == 1 ? "" : "\n\(report.display(e)):\(e.line): \(e.text)"
            if g.collapsed { line += " (" + ReportCompaction.span(g, report: report) + ")" }
            if escapeData(message + line).utf8.count > budget { break }
            message += line
            shown += 1
        }
        if shown < groups.count {
            let left = groups[shown...].reduce(0) { $0 + $1.members.count }
            message += "\n… \(left) more place\(left == 1 ? "" : "s") (see the job summary)"
        }
        var line = head + escapeData(message + tail)
        if line.utf8.count > lineLimit {
            // A message too long by itself: cut on a character boundary, never inside an escape.
            var cut = ""
            for ch in message + tail {
                let next = cut + String(ch)
                if (head + escapeData(next)).utf8.count > lineLimit - 3 { break }
                cut = next
            }
            line = head + escapeData(cut + "…")
        }
        return line
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
