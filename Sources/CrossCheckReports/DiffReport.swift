import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// Renders a `DocumentDiff` as text (optionally coloured), markdown or JSON.
///
/// Text and markdown show a section summary, then every changed passage as its sentences with
/// deletions and insertions marked inline; JSON carries every operation with its byte ranges and
/// lines on both sides, so tools can map each change back to the source files.
package enum DiffReport {
    static let red = "\u{1B}[31m", green = "\u{1B}[32m", yellow = "\u{1B}[33m", bold = "\u{1B}[1m", reset = "\u{1B}[0m"

    static func pathLabel(_ p: [String]?) -> String {
        guard let p else { return "-" }
        return p.isEmpty ? "(lead)" : p.joined(separator: " > ")
    }

    static func sectionLabel(_ s: SectionDiff) -> String {
        if let o = s.oldPath, let n = s.newPath, o != n { return pathLabel(o) + " -> " + pathLabel(n) }
        return pathLabel(s.newPath ?? s.oldPath)
    }

    static func lineLabel(_ s: SectionDiff) -> String {
        "line " + (s.oldLine.map(String.init) ?? "-") + " -> " + (s.newLine.map(String.init) ?? "-")
    }

    /// Splits a section's operations into changed passages (runs between whole unchanged sentences).
    static func passages(_ ops: [EditOperation]) -> [[EditOperation]] {
        var out: [[EditOperation]] = []
        var cur: [EditOperation] = []
        for op in ops {
            let wholeEqual = op.kind == .equal && op.move == nil && op.wholeSentence
            if wholeEqual {
                let folded = foldWhitespaceChanges(cur)
                if folded.contains(where: isChange) { out.append(folded) }
                cur = []
            } else {
                cur.append(op)
            }
        }
        let folded = foldWhitespaceChanges(cur)
        if folded.contains(where: isChange) { out.append(folded) }
        return out
    }

    /// A deletion of only whitespace followed by an insertion of only whitespace (a no-break space
    /// for a space, say) is shown as the new whitespace: invisible changes only add noise. The
    /// JSON report keeps them.
    static func foldWhitespaceChanges(_ ops: [EditOperation]) -> [EditOperation] {
        var out: [EditOperation] = []
        var i = 0
        while i < ops.count {
            let op = ops[i]
            if op.kind == .delete, op.move == nil, i + 1 < ops.count, ops[i + 1].kind == .insert, ops[i + 1].move == nil,
               isBlank(op.text), isBlank(ops[i + 1].text) {
                var merged = ops[i + 1]
                merged.kind = .equal
                merged.oldSentence = op.oldSentence
                out.append(merged)
                i += 2
                continue
            }
            out.append(op)
            i += 1
        }
        return out
    }

    static func isBlank(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Long unchanged context keeps its first and last 60 characters around an ellipsis.
    static func elide(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > 160 else { return s }
        var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
        head.append(contentsOf: scalars.prefix(60))
        tail.append(contentsOf: scalars.suffix(60))
        return String(head) + " … " + String(tail)
    }

    /// An operation worth showing: an insertion, a deletion, or any part of a move.
    static func isChange(_ op: EditOperation) -> Bool { op.kind != .equal || op.move != nil }

    /// True when `b` starts another sentence than `a` on a side both touch (a space goes between).
    static func sentenceBreak(_ a: EditOperation, _ b: EditOperation) -> Bool {
        let oldBreak = a.oldSentence != nil && b.oldSentence != nil && (a.oldSentence != b.oldSentence || a.moveRole != b.moveRole)
        let newBreak = a.newSentence != nil && b.newSentence != nil && a.newSentence != b.newSentence
        return oldBreak || newBreak
    }

    static func passageLine(_ p: [EditOperation]) -> String {
        let o = p.first { $0.oldLine != nil && $0.moveRole != .destination }?.oldLine
        let n = p.first { $0.newLine != nil }?.newLine
        return (o.map(String.init) ?? "-") + " -> " + (n.map(String.init) ?? "-")
    }

    // MARK: - Text

    /// Plain text; `color` adds ANSI colours (red deletions, green insertions).
    package static func text(_ diff: DocumentDiff, color: Bool) -> String {
        var out = ""
        let c = { (code: String, s: String) in color ? code + s + reset : s }
        out += c(bold, "--- \(diff.oldPath)") + "\n" + c(bold, "+++ \(diff.newPath)") + "\n"
        out += summaryLine(diff) + "\n"
        if diff.isEmpty { out += "No differences.\n"; return out }
        for s in diff.sections where s.status != .unchanged {
            out += "\n" + c(bold, "\(s.status.rawValue.uppercased()): \(sectionLabel(s))") + " (\(lineLabel(s)))\n"
            let ps = passages(s.operations)
            if ps.isEmpty && s.hasChanges { out += "  (whitespace changes only)\n" }
            for p in ps {
                out += "  " + passageLine(p) + ": "
                var prev: EditOperation? = nil
                for op in p {
                    if let q = prev, sentenceBreak(q, op) { out += " " }
                    prev = op
                    switch (op.kind, op.moveRole) {
                    case (_, .origin?):
                        let target = op.move.flatMap { $0 < diff.moves.count ? diff.moves[$0] : nil }
                        out += c(yellow, "[moved to line \(target?.newLine ?? 0): " + op.text + "]")
                    case (.equal, _): out += elide(op.text)
                    case (.delete, _): out += color ? red + "[-" + op.text + "-]" + reset : "[-" + op.text + "-]"
                    case (.insert, _): out += color ? green + "{+" + op.text + "+}" + reset : "{+" + op.text + "+}"
                    }
                    if op.moveRole == .destination, op.kind == .equal || op.kind == .insert, op == p.last(where: { $0.move == op.move }) {
                        let from = op.move.flatMap { $0 < diff.moves.count ? diff.moves[$0] : nil }
                        out += c(yellow, " [moved from line \(from?.oldLine ?? 0)]")
                    }
                }
                out += "\n"
            }
        }
        if !diff.fields.isEmpty {
            out += "\n" + c(bold, "FIELDS") + "\n"
            for f in diff.fields {
                let line = "line " + (f.old.map { String($0.line) } ?? "-") + " -> " + (f.new.map { String($0.line) } ?? "-")
                out += "  \(f.key) (\(f.status.rawValue), \(line)): "
                for e in f.edits {
                    switch e.kind {
                    case .equal: out += e.text
                    case .delete: out += color ? red + "[-" + e.text + "-]" + reset : "[-" + e.text + "-]"
                    case .insert: out += color ? green + "{+" + e.text + "+}" + reset : "{+" + e.text + "+}"
                    }
                }
                out += "\n"
            }
        }
        if !diff.references.isEmpty {
            out += "\n" + c(bold, "REFERENCES") + "\n"
            for r in diff.references {
                let sign = r.status == .removed ? "-" : "+"
                let what = r.label.isEmpty ? "a reference" : "reference \"\(r.label)\""
                let line = "  \(sign) \(what) \(r.status.rawValue) (\(r.status == .removed ? "old" : "new") line \(r.line)): \(String(r.context.prefix(100)))"
                out += (color ? (r.status == .removed ? red : green) + line + reset : line) + "\n"
            }
        }
        if diff.coarse { out += "\nNote: parts of this diff are coarser than word level (work bound reached).\n" }
        return out
    }

    static func summaryLine(_ diff: DocumentDiff) -> String {
        let counts = diff.statusCounts
        var parts = SectionStatus.allCases.compactMap { st in counts[st].map { "\($0) \(st.rawValue)" } }
        if !diff.moves.isEmpty { parts.append("\(diff.moves.count) moved passage\(diff.moves.count == 1 ? "" : "s")") }
        if !diff.fields.isEmpty { parts.append("\(diff.fields.count) field\(diff.fields.count == 1 ? "" : "s") changed") }
        if !diff.references.isEmpty {
            parts.append("\(diff.references.count) reference\(diff.references.count == 1 ? "" : "s") added or removed")
        }
        return "Sections: " + parts.joined(separator: ", ")
    }

    // MARK: - Markdown

    static func escape(_ s: String) -> String { MarkdownText.inline(s) }

    /// Emphasis around text, keeping leading and trailing spaces outside the markers.
    static func wrap(_ s: String, _ marker: String) -> String {
        let core = s.diffTrimmingSpaces()
        if core.isEmpty { return s }
        let lead = s.prefix { $0 == " " }, trail = String(s.reversed().prefix { $0 == " " })
        return lead + marker + escape(core) + marker + trail
    }

    /// Markdown for a pull-request comment: a section table, then changed passages.
    package static func markdown(_ diff: DocumentDiff) -> String {
        var out = "### Diff: `\(diff.oldPath)` → `\(diff.newPath)`\n\n"
        out += summaryLine(diff) + "\n\n"
        if diff.isEmpty { out += "No differences.\n"; return out }
        out += "| Section | Status | Old line | New line | Similarity |\n|---|---|---|---|---|\n"
        for s in diff.sections where s.status != .unchanged {
            let sim = Int((s.similarity * 100).rounded())
            out += "| \(escape(sectionLabel(s))) | \(s.status.rawValue) | \(s.oldLine.map(String.init) ?? "") | \(s.newLine.map(String.init) ?? "") | \(sim)% |\n"
        }
        let unchanged = diff.statusCounts[.unchanged] ?? 0
        if unchanged > 0 { out += "\n\(unchanged) unchanged section\(unchanged == 1 ? "" : "s") not shown.\n" }
        for s in diff.sections where s.status != .unchanged {
            let ps = passages(s.operations)
            if ps.isEmpty { continue }
            out += "\n#### \(escape(sectionLabel(s))) (\(s.status.rawValue))\n\n"
            for p in ps {
                var line = "- line \(passageLine(p)): "
                var prev: EditOperation? = nil
                for op in p {
                    if let q = prev, sentenceBreak(q, op) { line += " " }
                    prev = op
                    if op.moveRole == .origin {
                        let target = op.move.flatMap { $0 < diff.moves.count ? diff.moves[$0] : nil }
                        line += "*(moved to line \(target?.newLine ?? 0):* " + wrap(op.text, "~~") + "*)*"
                        continue
                    }
                    switch op.kind {
                    case .equal: line += escape(elide(op.text))
                    case .delete: line += wrap(op.text, "~~")
                    case .insert: line += wrap(op.text, "**")
                    }
                    if op.moveRole == .destination, op == p.last(where: { $0.move == op.move }) {
                        let from = op.move.flatMap { $0 < diff.moves.count ? diff.moves[$0] : nil }
                        line += " *(moved from line \(from?.oldLine ?? 0))*"
                    }
                }
                out += line + "\n"
            }
        }
        if !diff.fields.isEmpty {
            out += "\n#### Fields\n\n| Field | Status | Old line | New line | Value |\n|---|---|---|---|---|\n"
            for f in diff.fields {
                let value = f.edits.map { e -> String in
                    switch e.kind {
                    case .equal: return escape(e.text)
                    case .delete: return wrap(e.text, "~~")
                    case .insert: return wrap(e.text, "**")
                    }
                }.joined()
                out += "| \(escape(f.key)) | \(f.status.rawValue) | \(f.old.map { String($0.line) } ?? "") | \(f.new.map { String($0.line) } ?? "") | \(value) |\n"
            }
        }
        if !diff.references.isEmpty {
            out += "\n#### References\n\n| Reference | Status | Line | Attached to |\n|---|---|---|---|\n"
            for r in diff.references {
                out += "| \(r.label.isEmpty ? "(no title)" : escape(r.label)) | \(r.status.rawValue) | \(r.line) | \(escape(String(r.context.prefix(100)))) |\n"
            }
        }
        return out
    }

    // MARK: - JSON

    static func side(_ op: EditOperation, old: Bool) -> JSONValue {
        let range = old ? op.oldRange : op.newRange
        guard let range else {
            // A one-sided change: only where it applies on this side, when known.
            if let line = old ? op.oldLine : op.newLine { return .object(["line": .int(line)]) }
            return .null
        }
        var o: [String: JSONValue] = [
            "start": .int(range.lowerBound), "end": .int(range.upperBound),
            "line": .int((old ? op.oldLine : op.newLine) ?? 0),
        ]
        if let s = old ? op.oldSentence : op.newSentence { o["sentence"] = .int(s) }
        return .object(o)
    }

    /// The JSON value of a diff: sections with operations, and moves.
    ///
    /// `writeJSON` writes the same text without building the whole tree.
    package static func json(_ diff: DocumentDiff, old: Document, new: Document) -> JSONValue {
        var top = jsonHead(diff)
        top["sections"] = .array(diff.sections.map(sectionJSON))
        top["moves"] = .array(diff.moves.map { moveJSON($0, old: old, new: new) })
        top["fields"] = .array(diff.fields.map(fieldJSON))
        top["references"] = .array(diff.references.map(referenceJSON))
        return .object(top)
    }

    /// Writes `json(diff, old:, new:).serialized()` in pieces of about 64 KB through `emit`.
    ///
    /// The JSON of a long diff is many times the size of its input (every unchanged section is an
    /// object of a dozen members); holding its tree and its text at once was most of `diff`'s peak
    /// memory. Here each operation, move, field and reference is built and written on its own.
    package static func writeJSON(_ diff: DocumentDiff, old: Document, new: Document, to emit: (String) -> Void) {
        var out = ""
        func flush(_ force: Bool) {
            if force || out.utf8.count >= 1 << 16 { emit(out); out = "" }
        }
        /// An array at nesting `depth`, each element built and written in turn.
        func array<S: Sequence>(_ depth: Int, _ items: S, _ element: (S.Element) -> Void) {
            var first = true
            for item in items {
                out += first ? "[" : ","
                first = false
                JSONValue.newline(&out, depth + 1)
                element(item)
                flush(false)
            }
            if first { out += "[]" } else { JSONValue.newline(&out, depth); out += "]" }
        }
        /// An object at nesting `depth`: `small` members written whole, the `large` ones by
        /// `member`, all in sorted key order as `serialized` writes them.
        func object(_ depth: Int, _ small: [String: JSONValue], _ large: [String], _ member: (String) -> Void) {
            out += "{"
            for (i, key) in (Array(small.keys) + large).sorted().enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, depth + 1)
                JSONValue.writeString(key, into: &out)
                out += ": "
                if let v = small[key] { v.write(into: &out, indent: depth + 1) } else { member(key) }
            }
            JSONValue.newline(&out, depth)
            out += "}"
        }
        object(0, jsonHead(diff), ["sections", "moves", "fields", "references"]) { key in
            switch key {
            case "sections":
                // A section can be the whole document (one long table): its operations are
                // written one by one too.
                array(1, diff.sections) { s in
                    object(2, sectionHead(s), ["operations"]) { _ in
                        array(3, s.operations) { operationJSON($0).write(into: &out, indent: 4) }
                    }
                }
            case "moves": array(1, diff.moves) { moveJSON($0, old: old, new: new).write(into: &out, indent: 2) }
            case "fields": array(1, diff.fields) { fieldJSON($0).write(into: &out, indent: 2) }
            default: array(1, diff.references) { referenceJSON($0).write(into: &out, indent: 2) }
            }
        }
        out += "\n"
        flush(true)
    }

    /// The top level's small members: paths, flags and the summary.
    static func jsonHead(_ diff: DocumentDiff) -> [String: JSONValue] {
        var summary: [String: JSONValue] = [:]
        for st in SectionStatus.allCases { summary[st.rawValue] = .int(diff.statusCounts[st] ?? 0) }
        summary["moves"] = .int(diff.moves.count)
        summary["fields"] = .int(diff.fields.count)
        summary["references"] = .int(diff.references.count)
        return [
            "old": .string(diff.oldPath), "new": .string(diff.newPath), "identical": .bool(diff.isEmpty),
            "coarse": .bool(diff.coarse), "summary": .object(summary),
        ]
    }

    static func fieldJSON(_ f: FieldChange) -> JSONValue {
        func side(_ x: Field?) -> JSONValue {
            guard let x else { return .null }
            return .object(["value": .string(x.value), "line": .int(x.line),
                            "start": .int(x.sourceRange.lowerBound), "end": .int(x.sourceRange.upperBound)])
        }
        return .object([
            "key": .string(f.key), "section": .array(f.section.map(JSONValue.string)), "status": .string(f.status.rawValue),
            "old": side(f.old), "new": side(f.new),
            "edits": .array(f.edits.map { .object(["kind": .string($0.kind.rawValue), "text": .string($0.text)]) }),
        ])
    }

    static func sectionJSON(_ s: SectionDiff) -> JSONValue {
        var o = sectionHead(s)
        o["operations"] = .array(s.operations.map(operationJSON))
        return .object(o)
    }

    /// A section's members but its operations.
    static func sectionHead(_ s: SectionDiff) -> [String: JSONValue] {
        func sideInfo(_ idx: Int?, _ path: [String]?, _ line: Int?) -> JSONValue {
            guard let idx else { return .null }
            return .object([
                "section": .int(idx), "path": .array((path ?? []).map(JSONValue.string)), "line": .int(line ?? 0),
            ])
        }
        return [
            "status": .string(s.status.rawValue),
            "old": sideInfo(s.old, s.oldPath, s.oldLine), "new": sideInfo(s.new, s.newPath, s.newLine),
            "similarity": .number((s.similarity * 1000).rounded() / 1000),
        ]
    }

    static func operationJSON(_ op: EditOperation) -> JSONValue {
        var o: [String: JSONValue] = ["kind": .string(op.kind.rawValue), "text": .string(op.text),
                                      "old": side(op, old: true), "new": side(op, old: false)]
        if let m = op.move { o["move"] = .int(m) }
        if let r = op.moveRole { o["moveRole"] = .string(r.rawValue) }
        return .object(o)
    }

    static func moveJSON(_ m: MovedPassage, old: Document, new: Document) -> JSONValue {
        .object([
            "old": .object([
                "section": .int(m.oldSection), "path": .array(old.sections[m.oldSection].path.map(JSONValue.string)),
                "sentences": .array([.int(m.oldSentences.lowerBound), .int(m.oldSentences.upperBound)]),
                "line": .int(m.oldLine),
            ]),
            "new": .object([
                "section": .int(m.newSection), "path": .array(new.sections[m.newSection].path.map(JSONValue.string)),
                "sentences": .array([.int(m.newSentences.lowerBound), .int(m.newSentences.upperBound)]),
                "line": .int(m.newLine),
            ]),
            "similarity": .number((m.similarity * 1000).rounded() / 1000),
        ])
    }

    static func referenceJSON(_ r: ReferenceChange) -> JSONValue {
        .object([
            "status": .string(r.status.rawValue), "label": .string(r.label), "context": .string(r.context),
            "line": .int(r.line), "section": .array(r.section.map(JSONValue.string)),
        ])
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII space only).
    func diffTrimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
