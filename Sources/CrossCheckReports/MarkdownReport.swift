import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// The report people read: variants, a summary, every finding with its evidence, the changes
/// between consecutive revisions and an alignment overview.
///
/// It renders on GitHub and in terminal markdown viewers (plain tables, one-line list items,
/// `<details>` only around long lists) and is byte-identical on re-runs: no timestamps, paths
/// relative to the working directory, links relative to the report's own folder, sorted output.
package enum MarkdownReport {
    /// Findings of one severity shown before the rest fold away.
    static let openFindings = 10
    /// Evidence lines shown before the rest fold away.
    static let openEvidence = 4
    /// List entries (sections, facts) shown before the rest fold away.
    static let openList = 8

    package static func render(_ report: Report) -> String {
        var out = ""
        let subject = report.subject.map(inline) ?? "variant set"
        switch report.mode {
        case .check:
            out += "# crosscheck report: \(subject)\n\n"
            out += "\(report.variants.count) variants checked: \(report.summary.phrase)"
            if report.summary.baselined > 0 { out += ", \(report.summary.baselined) baselined" }
            out += ".\n"
        case let .gate(old, new):
            out += "# crosscheck gate: \(subject)\n\n"
            out += "Edit `\(code(old))` → `\(code(new))`: \(report.summary.phrase) introduced, \(report.resolved.count) resolved"
            if report.summary.baselined > 0 { out += ", \(report.summary.baselined) baselined" }
            out += ".\n"
        }
        if !report.warnings.isEmpty {
            out += "\n> [!WARNING]\n"
            for w in report.warnings { out += "> \(inline(w))\n" }
        }
        out += variantsSection(report)
        switch report.mode {
        case .check:
            out += summarySection(report.findings, title: "Summary", report: report)
            out += findingsSection(report.findings, title: "Findings", prefix: "", report: report)
        case .gate:
            out += summarySection(report.findings, title: "Summary of introduced findings", report: report)
            out += findingsSection(report.findings, title: "Introduced", prefix: "N", report: report)
            out += findingsSection(report.resolved, title: "Resolved", prefix: "R", report: report)
        }
        out += changesSection(report)
        out += alignmentSection(report)
        return out
    }

    // MARK: - Variants and summary

    static func variantsSection(_ report: Report) -> String {
        var out = "\n## Variants\n\n"
        out += "Oldest first.\n\n"
        out += "| # | Variant | Format | Role | Date | Language | Sections | Words | Citations |\n"
        out += "|---:|---|---|---|---|---|---:|---:|---:|\n"
        // A long list folds to its first and last few rows.
        let (head, omitted, tail) = ReportCompaction.fold(report.variants)
        for v in head { out += variantRow(v, report: report) }
        if !omitted.isEmpty { out += "| … | \(inline(ReportCompaction.omittedLine(omitted))) | | | | | | | |\n" }
        for v in tail { out += variantRow(v, report: report) }
        return out
    }

    static func variantRow(_ v: ReportVariant, report: Report) -> String {
        var name = "[\(inline(v.path))](\(linkTarget(report.paths.link(v.sourcePath))))"
        if let l = v.label { name += " (\(inline(l)))" }
        return "| \(v.order) | \(name) | \(v.format) | \(v.role) | \(v.date ?? "—") | \(v.language ?? "—") | \(v.sections) | \(v.words) | \(v.citations) |\n"
    }

    static func summarySection(_ findings: [Finding], title: String, report: Report) -> String {
        var out = "\n## \(title)\n\n"
        guard !findings.isEmpty else { return out + "No findings.\n" }
        var rules: [String] = []
        var counts: [String: [Int]] = [:]
        for f in findings {
            if counts[f.rule] == nil { rules.append(f.rule); counts[f.rule] = [0, 0, 0, 0] }
            let column = f.baselined ? 3 : (f.severity == .error ? 0 : (f.severity == .warning ? 1 : 2))
            counts[f.rule]?[column] += 1
        }
        rules.sort()
        out += "| Rule | Errors | Warnings | Info | Baselined |\n|---|---:|---:|---:|---:|\n"
        var total = [0, 0, 0, 0]
        for r in rules {
            let c = counts[r] ?? [0, 0, 0, 0]
            for i in 0..<4 { total[i] += c[i] }
            out += "| `\(code(r))` | \(c[0]) | \(c[1]) | \(c[2]) | \(c[3]) |\n"
        }
        out += "| **Total** | **\(total[0])** | **\(total[1])** | **\(total[2])** | **\(total[3])** |\n"
        return out
    }

    // MARK: - Findings

    static func findingsSection(_ findings: [Finding], title: String, prefix: String, report: Report) -> String {
        var out = "\n## \(title)\n"
        guard !findings.isEmpty else { return out + "\nNone.\n" }
        var number = 0
        for severity in [Severity.error, .warning, .info] {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            let name = severity == .error ? "Errors" : (severity == .warning ? "Warnings" : "Info")
            let noun = severity.rawValue
            out += "\n### \(name) (\(group.count))\n"
            // Info folds entirely; errors and warnings show the first few.
            let open = severity == .info ? 0 : openFindings
            for (i, f) in group.enumerated() {
                number += 1
                if i == open {
                    out += "\n<details>\n<summary>\(group.count - open) \(open == 0 ? "" : "more ")\(noun) finding\(group.count - open == 1 ? "" : "s")</summary>\n"
                }
                out += finding(f, label: "\(prefix)\(number)", report: report)
            }
            if group.count > open { out += "\n</details>\n" }
        }
        return out
    }

    static func finding(_ f: Finding, label: String, report: Report) -> String {
        var out = "\n#### \(label). `\(code(f.rule))` (\(f.severity.rawValue)\(f.baselined ? ", baselined" : ""))\n\n"
        out += inline(f.message) + "\n"
        out += valuesTable(f, report: report)
        if !f.evidence.isEmpty {
            out += "\n"
            // The same quote in many variants once, with its span.
            let groups = ReportCompaction.groups(f.evidence)
            for (i, g) in groups.enumerated() {
                if i == openEvidence && groups.count > openEvidence + 1 {
                    out += "\n<details>\n<summary>\(groups.count - openEvidence) more</summary>\n\n"
                }
                out += "- " + evidence(g.first, report: report)
                if g.collapsed { out += " (" + ReportCompaction.span(g, report: report) + ")" }
                out += "\n"
            }
            if groups.count > openEvidence + 1 { out += "\n</details>\n" }
        }
        if let w = f.likelyWrong {
            out += "\n**Likely wrong:** \(variantName(w, report: report))"
            if let x = f.extraExplanation { out += ": \(inline(x))" }
            out += "\n"
        } else if let x = f.extraExplanation {
            out += "\n**Why:** \(inline(x))\n"
        }
        if let e = f.explainedBy { out += "\n**Explained by:** \(evidence(e, report: report))\n" }
        out += "\nFingerprint `\(code(f.fingerprint))`\n"
        return out
    }

    /// The conflicting values side by side: one column per value, the variants stating it beneath.
    static func valuesTable(_ f: Finding, report: Report) -> String {
        // Only conflicts and changes that name two or more values get the table; a problem's
        // values (a word and its fix) are in its message.
        guard f.kind != .problem, f.values.count >= 2 else { return "" }
        var order: [String] = []
        var byValue: [String: [String]] = [:]
        for v in f.values where byValue[v] == nil { order.append(v); byValue[v] = [] }
        let rank = Dictionary(report.variants.map { ($0.id, $0.order) }, uniquingKeysWith: { a, _ in a })
        for e in f.evidence {
            guard let v = e.value else { continue }
            if byValue[v] == nil { order.append(v); byValue[v] = [] }
            if byValue[v]?.contains(e.variant) == false { byValue[v]?.append(e.variant) }
        }
        guard order.count >= 2 else { return "" }
        for v in order { byValue[v]?.sort { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) } }
        var out = "\n| " + order.map { inline($0) }.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: order.count) + "\n"
        out += "| " + order.map { v in
            let ids = byValue[v] ?? []
            return ids.isEmpty ? "—" : ids.map { "`\(code(report.shortID($0)))`" }.joined(separator: ", ")
        }.joined(separator: " | ") + " |\n"
        return out
    }

    /// `` `003` [seeds/003_x.txt:9](../seeds/003_x.txt#L9) in *Section*: “quote” → **value** ``
    static func evidence(_ e: Evidence, report: Report) -> String {
        let shown = report.display(e)
        var out = "`\(code(report.shortID(e.variant)))` [\(inline(shown)):\(e.line)](\(linkTarget(report.paths.link(e.path)))#L\(e.line))"
        if !e.section.isEmpty { out += " in *\(inline(e.section))*" }
        out += ": " + quote(e.text)
        if let v = e.value { out += " → **\(inline(v))**" }
        return out
    }

    static func variantName(_ id: String, report: Report) -> String {
        let label = report.variants.first { $0.id == id }?.label
        return "`\(code(id))`" + (label.map { " (\(inline($0)))" } ?? "")
    }

    // MARK: - Changes between revisions

    /// Sections added, removed and moved, and key facts that changed, for each pair of consecutive
    /// revisions (for a gate: OLD and NEW), with the change findings that explain them.
    static func changesSection(_ report: Report) -> String {
        var pairs: [(old: Variant, new: Variant)] = []
        switch report.mode {
        case .check:
            guard let set = report.set else { return "" }
            let revisions = set.revisions.sorted { $0.order < $1.order }
            if revisions.count >= 2 {
                for i in 1..<revisions.count { pairs.append((revisions[i - 1], revisions[i])) }
            }
        case .gate:
            guard let set = report.set, let oldSet = report.oldSet else { return "" }
            // NEW carries OLD's id in its set; find both by that id.
            let newIDs = Set(set.variants.map(\.id))
            if let old = oldSet.variants.first(where: { v in newIDs.contains(v.id) && set.variant(v.id)?.document.path != v.document.path }),
                let new = set.variant(old.id)
            {
                pairs.append((old, new))
            }
        }
        guard !pairs.isEmpty else { return "" }
        let revisionOrder = Dictionary((report.set?.revisions ?? []).map { ($0.id, $0.order) }, uniquingKeysWith: { a, _ in a })
        func newestRevision(citedBy ids: Set<String>) -> String? {
            ids.filter { revisionOrder[$0] != nil }.max { (revisionOrder[$0] ?? 0, $0) < (revisionOrder[$1] ?? 0, $1) }
        }
        var out = "\n## Changes between revisions\n"
        let changeFindings = (report.findings + report.resolved).filter { $0.kind == .change }
        for (old, new) in pairs {
            out += "\n### \(inline(report.paths.display(old.document.path))) → \(inline(report.paths.display(new.document.path)))\n"
            let c = RevisionChanges(old: old.document, new: new.document)
            if c.isEmpty { out += "\nNo section or key-fact changes.\n" }
            out += list("Sections added", c.added.map { inline($0) })
            out += list("Sections removed", c.removed.map { inline($0) })
            out += list("Sections moved", c.moved.map { "\(inline($0.from)) → \(inline($0.to))" })
            out += list("Sections renamed", c.renamed.map { "\(inline($0.from)) → \(inline($0.to))" })
            out += list("Sections edited", c.changed.map { "\(inline($0.path)) (+\($0.inserted) −\($0.deleted) words)" + ($0.edit.map { ": " + inline($0) } ?? "") })
            out += list("Passages moved", c.passages.map { "\($0.sentences) sentence\($0.sentences == 1 ? "" : "s") from \(inline($0.from)) to \(inline($0.to))" })
            // A fact a rule explains (its evidence cites the field's line) carries the explanation.
            out += list("Key facts changed", c.facts.map { fact in
                var item = "**\(inline(fact.key))**: \(inline(fact.old)) → \(inline(fact.new))"
                let explaining = (report.findings + report.resolved).first { f in
                    (f.explainedBy != nil || (f.kind == .change && f.explanation != nil))
                        && f.evidence.contains { ($0.variant == new.id && $0.line == fact.newLine) || ($0.variant == old.id && $0.line == fact.oldLine) }
                }
                if let f = explaining {
                    if let x = f.explanation { item += " — \(inline(x))" }  // the item shows no message
                    if let e = f.explainedBy { item += "\n  - explained by \(evidence(e, report: report))" }
                }
                return item
            })
            let explained = changeFindings.filter { f in
                let ids = Set(f.evidence.map(\.variant))
                if case .gate = report.mode { return ids.contains(new.id) || ids.contains(old.id) }
                // A change belongs to the pair of the newest revision it cites.
                return newestRevision(citedBy: ids) == new.id
            }
            if !explained.isEmpty {
                out += "\nChanges reported by rules:\n\n"
                for f in explained {
                    out += "- \(inline(f.message))"
                    if let x = f.extraExplanation { out += " — \(inline(x))" }
                    if let e = f.explainedBy { out += "\n  - explained by \(evidence(e, report: report))" }
                    out += "\n"
                }
            }
        }
        return out
    }

    static func list(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "\n\(title) (\(items.count)):\n\n"
        for (i, item) in items.enumerated() {
            if i == openList && items.count > openList + 1 {
                out += "\n<details>\n<summary>\(items.count - openList) more</summary>\n\n"
            }
            out += "- \(item)\n"
        }
        if items.count > openList + 1 { out += "\n</details>\n" }
        return out
    }

    // MARK: - Alignment overview

    /// Which section of each variant corresponds to which: one row per section, one column per
    /// variant, the heading's line in each cell.
    static func alignmentSection(_ report: Report) -> String {
        guard let set = report.set, set.variants.count >= 2 else { return "" }
        let variants = set.variants.sorted { $0.order < $1.order }
        let documents = variants.map(\.document)
        let alignment = SectionAligner.align(documents)
        guard !alignment.rows.isEmpty else { return "" }
        // A row is named by the newest revision's section when it has one, else by its first cell.
        let reference = variants.firstIndex { $0.id == set.newestRevision?.id }
        var out = "\n## Alignment overview\n\n"
        out += "Which section of each variant corresponds to which; each cell is the heading's line "
        out += "(≈ aligned by content, ↷ by heading under another parent).\n"
        let folded = alignment.rows.count > 15
        if folded { out += "\n<details>\n<summary>\(alignment.rows.count) aligned sections across \(variants.count) variants</summary>\n" }
        out += "\n| Section | " + variants.map { "`\(code(report.shortID($0.id)))`" }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: variants.count) + "\n"
        for row in alignment.rows {
            let named = reference.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil } ?? row.cells.lazy.compactMap { $0 }.first
            guard let named, documents.indices.contains(named.document),
                documents[named.document].sections.indices.contains(named.section)
            else { continue }
            out += "| \(inline(RevisionChanges.name(documents[named.document].sections[named.section].path))) | "
            out += variants.indices.map { i -> String in
                guard row.cells.indices.contains(i), let ref = row.cells[i], documents.indices.contains(ref.document),
                    documents[ref.document].sections.indices.contains(ref.section)
                else { return "—" }
                let line = documents[ref.document].sections[ref.section].line
                let basis = row.basis.indices.contains(i) ? row.basis[i] : nil
                let mark = basis == .content ? " ≈" : (basis == .heading ? " ↷" : "")
                return "[\(line)](\(linkTarget(report.paths.link(variants[i].document.path)))#L\(line))\(mark)"
            }.joined(separator: " | ")
            out += " |\n"
        }
        if folded { out += "\n</details>\n" }
        return out
    }

    // MARK: - Escaping

    /// Escapes text for inline markdown (and table cells); see `MarkdownText.inline`.
    static func inline(_ s: String) -> String { MarkdownText.inline(s) }

    /// A quotation: prose in curly quotes; a line of markup (wikitext, markdown, HTML) as a code
    /// span, which shows it verbatim on GitHub and in terminals without a wall of escapes.
    static func quote(_ s: String) -> String {
        let markup = ["[[", "{{", "|", "**", "<", "`", "__", "''"].contains { s.contains($0) }
        guard markup else { return "“" + inline(s) + "”" }
        var text = ""
        var run = 0
        var longest = 0
        for u in s.unicodeScalars {
            if u == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
            if u == "\n" || u == "\r" || u == "\t" { text += " " } else if u.value >= 0x20 && u.value != 0x7F { text.unicodeScalars.append(u) }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// Text inside a code span: backticks and line breaks cannot appear there.
    static func code(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == "`" { out += "'" } else if u == "\n" || u == "\r" || u == "\t" { out += " " } else if u == "|" { out += "\\|" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// A link target: spaces and parentheses percent-encoded so the link never breaks.
    static func linkTarget(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension MarkdownReport: Reporter {
    package static var name: String { "markdown" }
    package static var summary: String { "the committed conflict report: variants, findings, changes, alignment" }
    package static var fileExtensions: [String] { ["md", "markdown"] }
    package static func render(_ report: Report, color: Bool) -> String { render(report) }
}

extension ReportFormat {
    package static let markdown = ReportFormat(registered: MarkdownReport.name)
}
