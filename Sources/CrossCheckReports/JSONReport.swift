import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// The SPEC "Findings" JSON, extended with `kind`, `values`, `likelyWrong`, `explanation`,
/// `explainedBy`, `baselined` and each evidence's `path`.
///
/// A gate report replaces `findings` with `introduced` and `resolved` and adds `gate`.
package enum JSONReport {
    package static func render(_ report: Report) -> String { json(report).serialized() }

    package static func json(_ report: Report) -> JSONValue {
        var o: [String: JSONValue] = [
            "tool": .object(["name": .string("crosscheck"), "version": .string(ToolInfo.version)]),
            "subject": .optional(report.subject),
            "variants": .array(report.variants.map(variant)),
            "warnings": .array(report.warnings.map(JSONValue.string)),
        ]
        let s = report.summary
        var summary: [String: JSONValue] = [
            "error": .int(s.error), "warning": .int(s.warning), "info": .int(s.info), "baselined": .int(s.baselined),
        ]
        switch report.mode {
        case .check:
            o["findings"] = .array(report.findings.map { finding($0, report) })
        case let .gate(old, new):
            o["introduced"] = .array(report.findings.map { finding($0, report) })
            o["resolved"] = .array(report.resolved.map { finding($0, report) })
            o["gate"] = .object(["old": .string(old), "new": .string(new)])
            summary["resolved"] = .int(report.resolved.count)
        }
        o["summary"] = .object(summary)
        if !report.notes.isEmpty {
            o["notes"] = .array(report.notes.map { .object(["rule": .string($0.rule), "variant": .string($0.variant), "message": .string($0.message)]) })
        }
        return .object(o)
    }

    static func variant(_ v: ReportVariant) -> JSONValue {
        .object([
            "id": .string(v.id), "path": .string(v.path), "format": .string(v.format), "role": .string(v.role),
            "date": .optional(v.date), "order": .int(v.order), "label": .optional(v.label), "language": .optional(v.language),
            "sections": .int(v.sections), "words": .int(v.words), "citations": .int(v.citations),
        ])
    }

    static func evidence(_ e: Evidence, _ report: Report) -> JSONValue {
        .object([
            "variant": .string(e.variant), "path": .string(report.display(e)), "line": .int(e.line),
            "section": .string(e.section), "text": .string(e.text), "value": .optional(e.value),
        ])
    }

    static func finding(_ f: Finding, _ report: Report) -> JSONValue {
        .object([
            "rule": .string(f.rule), "severity": .string(f.severity.rawValue), "kind": .string(f.kind.rawValue),
            "message": .string(f.message), "fingerprint": .string(f.fingerprint),
            "evidence": .array(f.evidence.map { evidence($0, report) }),
            "values": .array(f.values.map(JSONValue.string)),
            "likelyWrong": .optional(f.likelyWrong), "explanation": .optional(f.explanation),
            "explainedBy": f.explainedBy.map { evidence($0, report) } ?? .null,
            "baselined": .bool(f.baselined),
        ])
    }
}

extension JSONReport: Reporter {
    package static var name: String { "json" }
    package static var summary: String { "the SPEC's findings JSON, for scripts" }
    package static var fileExtensions: [String] { ["json"] }
    package static var listsBaselined: Bool { true }
    package static func render(_ report: Report, color: Bool) -> String { render(report) }
}

extension ReportFormat {
    package static let json = ReportFormat(registered: JSONReport.name)
}
