import Foundation
import CrossCheckCore
import CrossCheckRules

/// The reports of several articles in one run: `check DIR` over a folder of article folders, or a
/// gate whose edit touches several articles.
///
/// Each article is checked as its own set and keeps its own section; nothing is merged across
/// subjects. One article renders exactly as a single report does. Several render as one report
/// with a section per article and a total: text and markdown put the sections one after the
/// other; JSON lists them under `articles`; SARIF and GitHub annotations hold every article's
/// findings (GitHub's per-level limit counts across all of them).
package struct ReportBundle: Sendable {
    package var reports: [Report]
    /// What a gate compared against, for the empty gate's message.
    package var gateBase: String?

    /// Baselined findings left out of the reports (`hidingBaselined`), for the note saying so.
    package var hiddenBaselined = 0

    package init(_ reports: [Report], gateBase: String? = nil) { self.reports = reports; self.gateBase = gateBase }

    /// The same reports without their baselined findings (they never fail a run; people need
    /// not read them again), counting what was left out.
    package func hidingBaselined() -> ReportBundle {
        var b = self
        var n = 0
        b.reports = reports.map { r in
            var r = r
            n += r.findings.filter(\.baselined).count
            r.findings.removeAll(where: \.baselined)
            return r
        }
        b.hiddenBaselined = n
        return b
    }

    /// "12 baselined findings not shown (--show-baselined lists them)", or nothing.
    var hiddenNote: String {
        guard hiddenBaselined > 0 else { return "" }
        return "\n\(hiddenBaselined) baselined finding\(hiddenBaselined == 1 ? "" : "s") not shown (--show-baselined lists them)\n"
    }

    package var isGate: Bool {
        if gateBase != nil { return true }
        if case .gate = reports.first?.mode { return true }
        return false
    }

    /// The totals over every article.
    package var summary: ReportSummary { ReportSummary(reports.flatMap(\.findings)) }
    package var resolvedCount: Int { reports.reduce(0) { $0 + $1.resolved.count } }
    package var variantCount: Int { reports.reduce(0) { $0 + $1.variants.count } }

    /// Whether any article fails at `threshold`.
    package func fails(at threshold: Severity.Threshold) -> Bool { reports.contains { $0.fails(at: threshold) } }

    /// The stderr summary line.
    package var summaryLine: String {
        if reports.count == 1, gateBase == nil { return reports[0].summaryLine }
        let s = summary
        let articles = "\(reports.count) article\(reports.count == 1 ? "" : "s")"
        var line: String
        if isGate {
            line = "\(s.phrase) introduced, \(resolvedCount) resolved in \(articles)"
            if let b = gateBase { line += " (against \(b))" }
        } else {
            line = "\(s.phrase) in \(articles) (\(variantCount) variants)"
        }
        if s.baselined > 0 { line += " (\(s.baselined) baselined)" }
        return line
    }

    /// All articles as one report (SARIF, GitHub annotations): every finding, every variant.
    package var merged: Report {
        guard reports.count != 1, let first = reports.first else {
            return reports.first ?? Report(subject: nil, variants: [], findings: [], paths: ReportPaths(workingDirectory: "/"))
        }
        var mode = first.mode
        if case let .gate(old, _) = first.mode { mode = .gate(old: gateBase ?? old, new: "the edit") }
        var r = Report(
            mode: mode, subject: nil, variants: reports.flatMap(\.variants), findings: reports.flatMap(\.findings),
            resolved: reports.flatMap(\.resolved), warnings: reports.flatMap(\.warnings), usedBaseline: reports.contains(where: \.usedBaseline),
            paths: first.paths)
        r.set = nil
        return r
    }

    /// Renders every article in `format` (text without colour; the CLI asks for colour itself).
    package func render(_ format: ReportFormat, color: Bool = false) -> String {
        if reports.count == 1, gateBase == nil {
            let one = format.reporter.render(reports[0], color: color && format == .text)
            return format == .text || format == .markdown ? one + hiddenNote : one
        }
        if format == .text {
            if reports.isEmpty { return emptyGate }
            var out = reports.map { TextReport.render($0, color: color) }.joined(separator: "\n")
            out += hiddenNote + "\nTotal: " + summaryLine + "\n"
            return out
        }
        if format == .markdown {
            if reports.isEmpty { return "# crosscheck gate\n\n" + emptyGate }
            var out = "# crosscheck: \(reports.count) article\(reports.count == 1 ? "" : "s")\n\n"
            out += "| article | errors | warnings | info |" + (isGate ? " resolved |" : "") + "\n|---|---:|---:|---:|" + (isGate ? "---:|" : "") + "\n"
            for r in reports {
                let s = r.summary
                out += "| \(r.subject ?? r.variants.first.map { ($0.path as NSString).deletingLastPathComponent } ?? "?") | \(s.error) | \(s.warning) | \(s.info) |" + (isGate ? " \(r.resolved.count) |" : "") + "\n"
            }
            out += "\n**Total:** " + summaryLine + "\n" + hiddenNote + "\n"
            for r in reports { out += MarkdownReport.render(r).replacingOccurrences(of: "\n# ", with: "\n## ") + "\n" }
            return out
        }
        if format == .json {
            let s = summary
            var summaryObject: [String: JSONValue] = [
                "error": .int(s.error), "warning": .int(s.warning), "info": .int(s.info), "baselined": .int(s.baselined),
                "articles": .int(reports.count),
            ]
            if isGate { summaryObject["resolved"] = .int(resolvedCount) }
            var o: [String: JSONValue] = [
                "tool": .object(["name": .string("crosscheck"), "version": .string(ToolInfo.version)]),
                "articles": .array(reports.map { JSONReport.json($0) }),
                "summary": .object(summaryObject),
            ]
            if let b = gateBase { o["gate"] = .object(["base": .string(b)]) }
            return JSONValue.object(o).serialized()
        }
        // SARIF, GitHub annotations and any other format: every article's findings as one report.
        return merged.render(format)
    }

    var emptyGate: String {
        "crosscheck gate: no article changed" + (gateBase.map { " since \($0)" } ?? "") + "\n"
    }
}
