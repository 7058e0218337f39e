import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// The formats `crosscheck history` writes.
package enum HistoryFormat: String, Sendable, CaseIterable {
    case text, markdown, jsonl
}

/// Turns a walked history into text, markdown or JSON Lines, record by record.
///
/// Every record is handed to `write` as soon as it is complete, so output streams while a long
/// history is walked. JSON Lines records are self-contained: each names its page, so records of
/// many pages (from `--jobs` or a cluster's mappers) can be concatenated or filtered freely.
package final class HistoryWriter: HistorySink {
    let format: HistoryFormat
    let write: (String) -> Void
    private var site = ExportSiteInfo()
    private var timelineOpen = false

    package init(format: HistoryFormat, write: @escaping (String) -> Void) {
        self.format = format
        self.write = write
    }

    // MARK: HistorySink

    package func pageStarted(_ page: ExportPage, site: ExportSiteInfo) {
        self.site = site
        timelineOpen = false
        switch format {
        case .jsonl:
            var o: [String: JSONValue] = ["type": .string("page"), "page": .string(page.title)]
            o["pageId"] = page.id.map(JSONValue.int) ?? .null
            // Schema 0.4 has no <ns>: the title's prefix names it (no prefix: the main namespace).
            let ns = page.namespace ?? site.namespaces.first { !$0.value.isEmpty && page.title.hasPrefix($0.value + ":") }?.key ?? 0
            o["namespace"] = .int(ns)
            o["site"] = .optional(site.sitename)
            o["base"] = .optional(site.base)
            line(o)
        case .text:
            write("history: \(page.title)\(page.id.map { " (page \($0))" } ?? "")\n")
        case .markdown:
            write("# History of \(md(page.title))\n\n")
        }
    }

    package func event(_ event: HistoryEvent, page: ExportPage) {
        let r = event.revision
        switch format {
        case .jsonl:
            var o: [String: JSONValue] = ["type": .string("revision"), "page": .string(page.title), "revision": revision(r)]
            o["introduced"] = .array(event.introduced.map(finding))
            o["resolved"] = .array(event.resolved.map { resolvedJSON($0) })
            o["restored"] = .array(event.restored.map { resolvedJSON($0) })
            o["revertOf"] = event.revertOf.map { .int($0.id) } ?? .null
            line(o)
        case .text:
            var s = "\n" + header(r)
            if let back = event.revertOf { s += "  restores r\(back.id) (\(day(back)))\n" }
            for f in event.introduced { s += "  + " + findingLine(f) + evidenceLines(f, indent: "      ") }
            for x in event.restored {
                s += "  + " + findingLine(x.finding)
                s += "      back as it was since r\(x.introducedBy.id) (\(day(x.introducedBy)))\n"
            }
            for x in event.resolved {
                s += "  - " + findingLine(x.finding)
                s += "      introduced by r\(x.introducedBy.id) (\(day(x.introducedBy))), stood \(HistoryTime.duration(max(0, r.seconds - x.introducedBy.seconds)))\n"
            }
            write(s)
        case .markdown:
            var s = ""
            if !timelineOpen { s += "## Timeline\n\n"; timelineOpen = true }
            s += "### \(link(r)) · \(day(r))\(r.contributor.map { " · " + md($0) } ?? "")\n\n"
            if let c = r.comment, !c.isEmpty { s += "> \(md(c))\n\n" }
            if let back = event.revertOf { s += "Restores \(link(back)) (\(day(back))).\n\n" }
            for f in event.introduced { s += "- **introduced** \(mdFinding(f))\n" }
            for x in event.restored { s += "- **back** \(mdFinding(x.finding)) (standing since \(link(x.introducedBy)))\n" }
            for x in event.resolved {
                s += "- **resolved** \(mdFinding(x.finding)) (introduced by \(link(x.introducedBy)), stood \(HistoryTime.duration(max(0, r.seconds - x.introducedBy.seconds))))\n"
            }
            write(s + "\n")
        }
    }

    package func contextChecked(_ variant: Variant, against r: RevisionInfo, findings: [Finding], page: ExportPage) {
        switch format {
        case .jsonl:
            line([
                "type": .string("context"), "page": .string(page.title), "variant": .string(variant.id),
                "path": .string(variant.document.path), "date": .optional(variant.document.date?.description),
                "revision": revision(r), "findings": .array(findings.map(finding)),
            ])
        case .text:
            var s = "\n\(variant.document.path) (\(variant.document.date?.description ?? "undated")) against r\(r.id) (\(day(r))): \(findings.count) finding\(findings.count == 1 ? "" : "s")\n"
            for f in findings { s += "  " + findingLine(f) + evidenceLines(f, indent: "      ") }
            write(s)
        case .markdown:
            var s = "## \(md(variant.document.path)) against \(link(r))\n\n"
            if findings.isEmpty { s += "No finding.\n" }
            for f in findings { s += "- \(mdFinding(f))\n" }
            write(s + "\n")
        }
    }

    package func pageFinished(_ page: ExportPage, blame: [BlameEntry], summary: PageSummary) {
        switch format {
        case .jsonl:
            for b in blame {
                line([
                    "type": .string("blame"), "page": .string(page.title), "finding": finding(b.finding),
                    "introducedBy": revision(b.introducedBy), "at": revision(b.at),
                    "revisions": .int(b.revisions), "seconds": .int(Int(b.seconds)),
                ])
            }
            line(["type": .string("summary"), "page": .string(page.title), "summary": summaryJSON(summary, blame.count)])
        case .text:
            var s = ""
            if let at = blame.first?.at {
                s += "\nStanding at r\(at.id) (\(day(at))): \(blame.count) finding\(blame.count == 1 ? "" : "s")\n"
            } else {
                s += "\nStanding: no finding\n"
            }
            for b in blame {
                s += "  " + findingLine(b.finding)
                s += "      introduced by r\(b.introducedBy.id) (\(day(b.introducedBy))\(b.introducedBy.contributor.map { ", " + $0 } ?? "")\(b.introducedBy.comment.map { ": \"" + Evidence.trim($0, limit: 80) + "\"" } ?? "")), standing \(HistoryTime.duration(b.seconds)), \(b.revisions) revision\(b.revisions == 1 ? "" : "s")\n"
                s += evidenceLines(b.finding, indent: "      ")
            }
            s += "\(page.title): \(summaryLine(summary, blame.count))\n"
            write(s)
        case .markdown:
            var s = "## Standing findings and who introduced them\n\n"
            if blame.isEmpty { s += "No finding stands.\n\n" } else {
                s += "| finding | introduced by | standing |\n|---|---|---|\n"
                for b in blame {
                    s += "| \(mdFinding(b.finding)) | \(link(b.introducedBy)) (\(day(b.introducedBy))\(b.introducedBy.contributor.map { ", " + md($0) } ?? "")) | \(HistoryTime.duration(b.seconds)), \(b.revisions) revisions |\n"
                }
                s += "\n"
            }
            s += "\(md(page.title)): \(summaryLine(summary, blame.count))\n\n"
            write(s)
        }
    }

    // MARK: pieces

    private func line(_ o: [String: JSONValue]) { write(JSONValue.object(o).serialized(pretty: false) + "\n") }

    private func revision(_ r: RevisionInfo) -> JSONValue {
        .object([
            "id": .int(r.id), "parentId": r.parentID.map(JSONValue.int) ?? .null, "timestamp": .string(r.timestamp),
            "contributor": .optional(r.contributor), "comment": .optional(r.comment), "minor": .bool(r.minor),
            "index": .int(r.index), "url": .optional(site.revisionURL(r.id)),
        ])
    }

    private func finding(_ f: Finding) -> JSONValue {
        .object([
            "rule": .string(f.rule), "severity": .string(f.severity.rawValue), "kind": .string(f.kind.rawValue),
            "message": .string(f.message), "fingerprint": .string(f.fingerprint),
            "values": .array(f.values.map(JSONValue.string)),
            "evidence": .array(f.evidence.map { e in
                .object([
                    "variant": .string(e.variant), "path": .string(e.path), "line": .int(e.line), "section": .string(e.section),
                    "text": .string(e.text), "value": .optional(e.value),
                ])
            }),
        ])
    }

    private func resolvedJSON(_ x: ResolvedFinding) -> JSONValue {
        .object(["finding": finding(x.finding), "introducedBy": .int(x.introducedBy.id)])
    }

    private func summaryJSON(_ s: PageSummary, _ standing: Int) -> JSONValue {
        .object([
            "revisions": .int(s.revisions), "unavailable": .int(s.unavailable), "reverts": .int(s.reverts),
            "unchanged": .int(s.unchanged), "events": .int(s.events), "introduced": .int(s.introduced),
            "resolved": .int(s.resolved), "standing": .int(standing), "bytes": .int(s.bytes),
        ])
    }

    private func summaryLine(_ s: PageSummary, _ standing: Int) -> String {
        "\(s.revisions) revisions, \(s.events) with changes in findings (\(s.introduced) introduced, \(s.resolved) resolved), \(s.reverts) reverts, \(standing) standing"
    }

    private func day(_ r: RevisionInfo) -> String {
        let t = r.timestamp
        guard t.count >= 16 else { return t }
        return String(t.prefix(10)) + " " + String(t.dropFirst(11).prefix(5))
    }

    private func header(_ r: RevisionInfo) -> String {
        var s = "r\(r.id)  \(day(r))  \(r.contributor ?? "(hidden)")"
        if r.minor { s += "  minor" }
        if let c = r.comment, !c.isEmpty { s += "  \"\(Evidence.trim(c, limit: 100))\"" }
        return s + "\n"
    }

    private func findingLine(_ f: Finding) -> String { "\(f.severity.rawValue)[\(f.rule)] \(f.message)\n" }

    private func evidenceLines(_ f: Finding, indent: String) -> String {
        guard let e = f.primary else { return "" }
        let section = e.section.isEmpty ? "" : " (\(e.section))"
        return "\(indent)line \(e.line)\(section): \"\(e.text)\"\n"
    }

    private func link(_ r: RevisionInfo) -> String {
        guard let url = site.revisionURL(r.id) else { return "r\(r.id)" }
        return "[r\(r.id)](\(url))"
    }

    private func md(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    private func mdFinding(_ f: Finding) -> String {
        var s = "`\(f.rule)` (\(f.severity.rawValue)) \(md(f.message))"
        if let e = f.primary { s += ": line \(e.line)\(e.section.isEmpty ? "" : ", " + md(e.section)), “\(md(e.text))”" }
        return s
    }
}
