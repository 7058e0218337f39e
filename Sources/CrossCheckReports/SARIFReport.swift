import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers.
///
/// Rules come from `RuleRegistry` (plus any rule id a finding names that the registry lacks), so
/// code scanning can show each rule's rationale. The primary evidence is the result's location;
/// the other sides of a conflict are related locations. Fingerprints are partial fingerprints, so
/// alerts survive unrelated edits. Baselined findings carry an external suppression.
package enum SARIFReport {
    package static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of crosscheck's fingerprint in `partialFingerprints`.
    package static let fingerprintKey = "crosscheckFingerprint/v1"

    /// Renders with the rules of `RuleRegistry` (or `rules`, for tests and embedding).
    package static func render(_ report: Report, rules: [RuleDescription]? = nil) -> String { json(report, rules: rules).serialized() }

    static func level(_ s: Severity) -> String { s == .error ? "error" : (s == .warning ? "warning" : "note") }

    package static func json(_ report: Report, rules given: [RuleDescription]? = nil) -> JSONValue {
        var descriptions = (given ?? RuleRegistry.all.map { $0.description }).sorted { $0.id < $1.id }
        var ids = Set(descriptions.map(\.id))
        var rules: [JSONValue] = descriptions.map(rule)
        let findings = report.findings
        for f in findings where !ids.contains(f.rule) {
            ids.insert(f.rule)
            rules.append(.object([
                "id": .string(f.rule), "name": .string(f.rule),
                "shortDescription": .object(["text": .string(f.rule)]),
                "fullDescription": .object(["text": .string(f.rule)]),
                "defaultConfiguration": .object(["level": .string(level(f.severity))]),
                "help": .object(["text": .string(f.rule)]),
            ]))
            descriptions.append(RuleDescription(id: f.rule, name: f.rule, severity: f.severity, summary: f.rule, rationale: f.rule, triggering: [], nonTriggering: []))
        }
        let index = Dictionary(descriptions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results: [JSONValue] = findings.map { result($0, ruleIndex: index[$0.rule] ?? 0, report: report) }

        var artifacts: [String] = []
        var seen = Set<String>()
        for f in findings {
            for e in f.evidence + (f.explainedBy.map { [$0] } ?? []) where seen.insert(report.display(e)).inserted {
                artifacts.append(report.display(e))
            }
        }
        var run: [String: JSONValue] = [
            "tool": .object([
                "driver": .object([
                    "name": .string("crosscheck"), "version": .string(ToolInfo.version),
                    "semanticVersion": .string(ToolInfo.version),
                    "rules": .array(rules),
                ])
            ]),
            "results": .array(results),
            "artifacts": .array(artifacts.sorted().map { .object(["location": .object(["uri": .string($0)])]) }),
            "columnKind": .string("unicodeCodePoints"),
        ]
        var properties: [String: JSONValue] = [:]
        if let s = report.subject { properties["subject"] = .string(s) }
        if case let .gate(old, new) = report.mode {
            properties["gate"] = .object(["old": .string(old), "new": .string(new), "resolved": .int(report.resolved.count)])
        }
        if !properties.isEmpty { run["properties"] = .object(properties) }
        return .object([
            "$schema": .string(schema), "version": .string("2.1.0"), "runs": .array([.object(run)]),
        ])
    }

    static func rule(_ d: RuleDescription) -> JSONValue {
        .object([
            "id": .string(d.id), "name": .string(d.name),
            "shortDescription": .object(["text": .string(d.summary)]),
            "fullDescription": .object(["text": .string(d.rationale)]),
            "defaultConfiguration": .object(["level": .string(level(d.severity))]),
            "help": .object(["text": .string(d.summary + "\n\n" + d.rationale), "markdown": .string("**\(d.name)**: \(d.summary)\n\n\(d.rationale)")]),
            "properties": .object(["tags": .array([.string("crosscheck")])]),
        ])
    }

    static func location(_ e: Evidence, report: Report, id: Int? = nil, message: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "physicalLocation": .object([
                "artifactLocation": .object(["uri": .string(report.display(e))]),
                "region": .object(["startLine": .int(max(1, e.line))]),
            ])
        ]
        if let id { o["id"] = .int(id) }
        if let message { o["message"] = .object(["text": .string(message)]) }
        if !e.section.isEmpty {
            o["logicalLocations"] = .array([.object(["name": .string(e.section), "kind": .string("section")])])
        }
        return .object(o)
    }

    static func describe(_ e: Evidence) -> String {
        var s = "\(e.variant): \(e.text)"
        if let v = e.value { s += " (\(v))" }
        return s
    }

    static func result(_ f: Finding, ruleIndex: Int, report: Report) -> JSONValue {
        var text = f.message
        if let w = f.likelyWrong { text += " Likely wrong: \(w)" + (f.extraExplanation.map { " (\($0))" } ?? "") + "." }
        else if let x = f.extraExplanation { text += " \(x)" }
        var o: [String: JSONValue] = [
            "ruleId": .string(f.rule), "ruleIndex": .int(ruleIndex), "level": .string(level(f.severity)),
            "message": .object(["text": .string(text)]),
            "partialFingerprints": .object([fingerprintKey: .string(f.fingerprint)]),
            "kind": .string("fail"),
        ]
        if let primary = f.primary {
            o["locations"] = .array([location(primary, report: report, message: describe(primary))])
        } else {
            o["locations"] = .array([])
        }
        var related: [JSONValue] = []
        for (i, e) in f.evidence.dropFirst().enumerated() {
            related.append(location(e, report: report, id: i + 1, message: describe(e)))
        }
        if let e = f.explainedBy {
            related.append(location(e, report: report, id: related.count + 1, message: "explained by: " + describe(e)))
        }
        if !related.isEmpty { o["relatedLocations"] = .array(related) }
        if report.usedBaseline { o["baselineState"] = .string(f.baselined ? "unchanged" : "new") }
        if f.baselined {
            o["suppressions"] = .array([.object(["kind": .string("external"), "justification": .string("listed in the crosscheck baseline")])])
        }
        return .object(o)
    }
}

extension SARIFReport: Reporter {
    package static var name: String { "sarif" }
    package static var summary: String { "SARIF 2.1.0, for code-scanning dashboards" }
    package static var fileExtensions: [String] { ["sarif"] }
    package static var listsBaselined: Bool { true }
    package static func render(_ report: Report, color: Bool) -> String { render(report) }
}

extension ReportFormat {
    package static let sarif = ReportFormat(registered: SARIFReport.name)
}
