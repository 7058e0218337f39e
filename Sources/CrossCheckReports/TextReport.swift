import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// The terminal report: findings grouped by severity, each with its evidence indented beneath.
///
/// Colour (ANSI) only when asked, which the CLI does only on a terminal without `NO_COLOR`.
package enum TextReport {
    struct Palette {
        var on: Bool
        func wrap(_ s: String, _ code: String) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func severity(_ s: Severity, _ text: String) -> String {
            wrap(text, s == .error ? "1;31" : (s == .warning ? "1;33" : "1;34"))
        }
        func dim(_ s: String) -> String { wrap(s, "2") }
        func bold(_ s: String) -> String { wrap(s, "1") }
    }

    /// Renders `report` for a terminal.
    package static func render(_ report: Report, color: Bool) -> String {
        let p = Palette(on: color)
        var out = ""
        switch report.mode {
        case .check:
            out += p.bold("crosscheck: \(report.subject ?? "variant set")") + " (\(report.variants.count) variants)\n"
            // A long list folds to its first and last few rows.
            let (head, omitted, tail) = ReportCompaction.fold(report.variants)
            for v in head { out += variantRow(v) }
            if !omitted.isEmpty { out += "  " + ReportCompaction.omittedLine(omitted) + "\n" }
            for v in tail { out += variantRow(v) }
            out += section(report.findings, title: nil, report: report, palette: p)
        case let .gate(old, new):
            out += p.bold("crosscheck gate: \(old) -> \(new)") + "\n"
            out += section(report.findings, title: "Introduced", report: report, palette: p)
            out += section(report.resolved, title: "Resolved", report: report, palette: p)
        }
        return out
    }

    static func variantRow(_ v: ReportVariant) -> String {
        let date = v.date ?? "undated"
        let label = v.label.map { ", \($0)" } ?? ""
        let language = v.language.map { ", \($0)" } ?? ""
        return "  \(v.order). \(v.path)  \(v.format), \(v.role), \(date)\(language)\(label)\n"
    }

    static func section(_ findings: [Finding], title: String?, report: Report, palette p: Palette) -> String {
        var out = ""
        if let title { out += "\n" + p.bold("\(title) (\(findings.count))") + "\n" }
        if findings.isEmpty {
            out += title == nil ? "\nNo findings.\n" : "  none\n"
            return out
        }
        for severity in [Severity.error, .warning, .info] {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            let name = severity == .error ? "Errors" : (severity == .warning ? "Warnings" : "Info")
            out += "\n" + p.severity(severity, "\(name) (\(group.count))") + "\n"
            for f in group { out += finding(f, report: report, palette: p) }
        }
        return out
    }

    static func finding(_ f: Finding, report: Report, palette p: Palette) -> String {
        var out = "\n" + p.severity(f.severity, "\(f.severity.rawValue)[\(f.rule)]")
        if f.baselined { out += p.dim(" (baselined)") }
        out += " " + oneLine(f.message) + "\n"
        if f.values.count > 1 { out += "  values: " + f.values.map(oneLine).joined(separator: " | ") + "\n" }
        // The same quote in many variants is shown once, with its span.
        for g in ReportCompaction.groups(f.evidence) {
            out += evidence(g.first, report: report, palette: p)
            if g.collapsed { out += "      " + p.dim("(" + ReportCompaction.span(g, report: report) + ")") + "\n" }
        }
        if let w = f.likelyWrong {
            out += "  likely wrong: \(w)" + (f.extraExplanation.map { ": " + oneLine($0) } ?? "") + "\n"
        } else if let x = f.extraExplanation {
            out += "  why: \(oneLine(x))\n"
        }
        if let e = f.explainedBy {
            out += "  explained by:\n" + evidence(e, report: report, palette: p)
        }
        return out
    }

    static func evidence(_ e: Evidence, report: Report, palette p: Palette) -> String {
        let section = e.section.isEmpty ? "" : " (\(oneLine(e.section)))"
        var out = "  --> " + p.dim("\(report.display(e)):\(e.line)") + section + "\n"
        out += "      \"\(oneLine(e.text))\""
        if let v = e.value { out += " = \(oneLine(v))" }
        return out + "\n"
    }

    /// Collapses line breaks and tabs so a value never breaks the layout.
    static func oneLine(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\t" { out += " " } else if u.value < 0x20 || u.value == 0x7F { continue } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}

extension TextReport: Reporter {
    package static var name: String { "text" }
    package static var summary: String { "findings for a terminal, coloured when it is one" }
    package static var fileExtensions: [String] { ["txt", "log"] }
}

extension ReportFormat {
    package static let text = ReportFormat(registered: TextReport.name)
}
