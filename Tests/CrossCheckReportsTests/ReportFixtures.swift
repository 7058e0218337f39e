import Foundation
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

/// A hand-built variant set and findings, independent of parsers and rules, so reporter golden
/// files change only when a reporter does.
enum ReportFixture {
    static let workingDirectory = "/work/acme"

    static func section(_ path: [String], line: Int, end: Int, _ sentences: [(String, Int)] = []) -> Section {
        Section(
            path: path, level: path.count + 1, line: line, endLine: end,
            sentences: sentences.map { Sentence(text: $0.0, line: $0.1, sourceRange: 0..<0, spans: [], citations: [], paragraph: 0) },
            headingRange: 0..<0, sourceRange: 0..<0)
    }

    static func field(_ key: String, _ value: String, line: Int) -> Field {
        Field(key: key, value: value, raw: value, line: line, section: [], origin: .template("infobox company"), sourceRange: 0..<0)
    }

    static func document(
        _ path: String, _ format: DocumentFormat, _ role: VariantRole, _ date: String?, sections: [Section], fields: [Field] = []
    ) -> Document {
        // The source text is not read by reporters; a few lines keep it honest.
        let source = (try? SourceText(path: path, bytes: Array("placeholder\n".utf8)))!
        return Document(source: source, format: format, role: role, date: date.flatMap(PartialDate.init(iso:)), title: "Acme", fields: fields, sections: sections)
    }

    static var set: VariantSet {
        let old = document(
            "variants/002_old.txt", .wikitext, .revision, "2019-11",
            sections: [
                section([], line: 1, end: 8, [("Acme is a private company.", 3)]),
                section(["History"], line: 9, end: 20), section(["History", "2014"], line: 10, end: 14),
                section(["Products"], line: 21, end: 30), section(["Controversies"], line: 31, end: 40),
            ],
            fields: [field("type", "Private", line: 4), field("hq_location", "Alpha City", line: 5), field("founder", "A. Smith", line: 6)])
        let new = document(
            "variants/001_new.txt", .wikitext, .revision, "2023-12",
            sections: [
                section([], line: 1, end: 8, [("Acme is a public company.", 3)]),
                section(["History"], line: 9, end: 40), section(["History", "2014"], line: 10, end: 14),
                section(["History", "2021: listing"], line: 15, end: 22), section(["Products"], line: 41, end: 50),
                section(["History", "Controversies"], line: 23, end: 30), section(["Sanctions"], line: 51, end: 60),
            ],
            fields: [field("type", "Public", line: 4), field("hq_location", "Alpha City", line: 5), field("founder", "A. Smith", line: 6)])
        let summary = document(
            "variants/003_summary.md", .markdown, .summary, "2023",
            sections: [section([], line: 1, end: 2), section(["Company Info"], line: 3, end: 12), section(["Products"], line: 13, end: 20)],
            fields: [field("headquarters", "Beta Town", line: 5)])
        return VariantSet(
            subject: "Acme",
            variants: [
                Variant(id: "002_old", document: old, order: 0, label: "older revision"),
                Variant(id: "003_summary", document: summary, order: 1, label: "model-written summary"),
                Variant(id: "001_new", document: new, order: 2, label: "newer revision"),
            ],
            manifest: nil)
    }

    static func ev(_ variant: String, _ line: Int, _ section: String, _ text: String, _ value: String? = nil) -> Evidence {
        let file = variant == "003_summary" ? "variants/003_summary.md" : "variants/\(variant).txt"
        return Evidence(variant: variant, path: file, line: line, section: section, text: text, value: value)
    }

    /// Several rules and severities, a three-way conflict, a change with an explanation, a
    /// baselined finding, a long evidence list, and text that needs escaping in every format.
    static var findings: [Finding] {
        var baselined = Finding(
            rule: "merged-words", severity: .warning, kind: .problem, message: "\"globaleader\" looks like two words fused: \"global leader\"",
            evidence: [ev("001_new", 12, "History > 2014", "Acme became a globaleader in widgets.", "globaleader")],
            fingerprintParts: ["001_new", "globaleader"])
        baselined.baselined = true
        return [
            Finding(
                rule: "headquarters-conflict", severity: .error, message: "Headquarters differ: Alpha City (2 variants) vs Beta Town (003_summary)",
                evidence: [
                    ev("003_summary", 5, "Company Info", "**Headquarters**: Beta Town", "Beta Town"),
                    ev("002_old", 5, "", "| hq_location = Alpha City", "Alpha City"),
                    ev("001_new", 5, "", "| hq_location = Alpha City", "Alpha City"),
                ],
                values: ["Alpha City", "Beta Town"], likelyWrong: "003_summary",
                explanation: "only the summary says Beta Town; every revision says Alpha City",
                fingerprintParts: ["alpha city", "beta town", "001_new", "002_old", "003_summary"]),
            Finding(
                rule: "number-conflict", severity: .error, message: "Revenue differs: $1.2 billion | 50% vs $1.5 billion",
                evidence: [
                    ev("001_new", 18, "History > 2021: listing", "Revenue reached *$1.2 billion* in 2021, up 50%.", "$1.2 billion"),
                    ev("003_summary", 8, "Company Info", "- **Revenue**: $1.5 billion (2021)", "$1.5 billion"),
                ],
                values: ["$1.2 billion", "$1.5 billion"], fingerprintParts: ["revenue", "001_new", "003_summary"]),
            Finding(
                rule: "status-conflict", severity: .info, kind: .change,
                message: "Status changed from private (002_old) to public (001_new)",
                evidence: [ev("002_old", 4, "", "| type = Private", "private"), ev("001_new", 4, "", "| type = Public", "public")],
                values: ["private", "public"], explanation: "The company listed its shares in 2021, which explains the change.",
                explainedBy: ev("001_new", 16, "History > 2021: listing", "In 2021, Acme listed its shares on the exchange."),
                fingerprintParts: ["private", "public", "001_new", "002_old"]),
            baselined,
            Finding(
                rule: "unsourced-figure", severity: .warning, kind: .problem,
                message: "6 figures in 003_summary have no citation and no support in a cited variant",
                evidence: (0..<6).map { i in ev("003_summary", 14 + i, "Products", "Figure \(i + 1): \(10 * (i + 1))% growth, a:b,c", "\(10 * (i + 1))%") },
                fingerprintParts: ["003_summary", "figures"]),
            Finding(
                rule: "date-format", severity: .info, kind: .problem, message: "Date \"March 3, 2020\" is not in the declared dmy style",
                evidence: [ev("001_new", 27, "History > Controversies", "On March 3, 2020, a report appeared.", "2020-03-03")],
                fingerprintParts: ["001_new", "2020-03-03"]),
        ]
    }

    /// Fixed rule descriptions, so the SARIF golden does not change when rules are added.
    static let rules: [RuleDescription] = [
        RuleDescription(
            id: "headquarters-conflict", name: "Headquarters conflict", severity: .error, summary: "Headquarters differ between variants",
            rationale: "Variants that place the head office in different cities cannot all be right.", triggering: [], nonTriggering: []),
        RuleDescription(
            id: "number-conflict", name: "Number conflict", severity: .error, summary: "The same statement carries different numbers",
            rationale: "Aligned sentences that state different amounts disagree.", triggering: [], nonTriggering: []),
        RuleDescription(
            id: "merged-words", name: "Merged words", severity: .warning, summary: "Two words fused at a shared letter",
            rationale: "Fused tokens such as \"athe\" are typing or extraction errors.", triggering: [], nonTriggering: []),
    ]

    /// Renders with the fixed rules for SARIF.
    static func render(_ report: Report, _ format: ReportFormat) -> String {
        format == .sarif ? SARIFReport.render(report, rules: rules) : report.render(format)
    }

    static var report: Report {
        let set = set
        let paths = ReportPaths(workingDirectory: workingDirectory, reportFile: workingDirectory + "/reports/acme.md")
        return Report(
            subject: "Acme", variants: Report.variants(of: set, paths: paths), findings: findings,
            warnings: ["variants/001_new.txt:40: suppression comment for merged-words suppressed nothing"],
            set: set, usedBaseline: true, paths: paths)
    }

    /// A gate of 002_old -> edited copy: one introduced (the number conflict), one resolved.
    static var gateReport: Report {
        let old = set
        var newSet = set
        if let i = newSet.variants.firstIndex(where: { $0.id == "002_old" }) {
            var d = newSet.variants[i].document
            d.source = (try? SourceText(path: "edits/002_old.txt", bytes: Array("placeholder\n".utf8)))!
            d.fields = [field("type", "Private", line: 4), field("hq_location", "Gamma Port", line: 5)]
            newSet.variants[i].document = d
        }
        let all = findings
        let paths = ReportPaths(workingDirectory: workingDirectory)
        return Report(
            mode: .gate(old: "variants/002_old.txt", new: "edits/002_old.txt"), subject: "Acme",
            variants: Report.variants(of: newSet, paths: paths), findings: [all[1], all[3]], resolved: [all[0]],
            set: newSet, oldSet: old, paths: paths)
    }
}
