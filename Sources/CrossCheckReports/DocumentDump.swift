import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// Renders the parsed document model (`crosscheck parse`) as JSON (SPEC shape) or readable text.
package enum DocumentDump {
    static func citationJSON(_ c: Citation, lines: LineTable) -> JSONValue {
        var o: [String: JSONValue] = ["line": .int(lines.line(of: c.offset))]
        for (k, v) in [("name", c.name), ("group", c.group), ("mark", c.mark), ("title", c.title), ("work", c.work),
                       ("publisher", c.publisher), ("date", c.date), ("url", c.url), ("template", c.template)] {
            if let v { o[k] = .string(v) }
        }
        return .object(o)
    }

    /// The SPEC "Document model" JSON, extended with citation details and line ranges.
    package static func json(_ d: Document) -> JSONValue {
        let lines = d.source.lines
        let fields: [JSONValue] = d.fields.map { f in
            var o: [String: JSONValue] = [
                "key": .string(f.key), "value": .string(f.value), "raw": .string(f.raw), "line": .int(f.line),
                "section": .array(f.section.map(JSONValue.string)), "citations": .int(f.citations.count), "origin": .string(f.origin.description),
            ]
            if !f.citations.isEmpty { o["references"] = .array(f.citations.map { citationJSON($0, lines: lines) }) }
            return .object(o)
        }
        let sections: [JSONValue] = d.sections.map { s in
            let covering = s.coveringCitations
            var o: [String: JSONValue] = [
                "path": .array(s.path.map(JSONValue.string)), "level": .int(s.level), "line": .int(s.line), "endLine": .int(s.endLine),
                "sentences": .array(s.sentences.enumerated().map { k, t in
                    var o: [String: JSONValue] = ["text": .string(t.text), "line": .int(t.line), "citations": .int(t.citations.count), "paragraph": .int(t.paragraph)]
                    // `citations` counts what is attached; `coveredBy` what covers it: a later sentence of
                    // the paragraph, a cited sentence introducing its list, or the section's first or last sentence.
                    if t.citations.isEmpty && !covering[k].isEmpty { o["coveredBy"] = .int(covering[k].count) }
                    if !t.citations.isEmpty { o["references"] = .array(t.citations.map { citationJSON($0, lines: lines) }) }
                    if t.isListItem { o["listItem"] = .bool(true) }
                    return .object(o)
                }),
            ]
            if let l = s.language { o["language"] = .string(l) }
            return .object(o)
        }
        var o: [String: JSONValue] = [
            "path": .string(d.path), "format": .string(d.format.rawValue), "role": .string(d.role.rawValue),
            "date": .optional(d.date?.description), "title": .optional(d.title), "fields": .array(fields), "sections": .array(sections),
        ]
        if !d.categories.isEmpty { o["categories"] = .array(d.categories.map(JSONValue.string)) }
        if let l = d.language { o["language"] = .string(l) }
        if let e = d.languageEvidence { o["languageFrom"] = .string(e.rawValue) }
        if !d.links.isEmpty {
            o["links"] = .array(d.links.map { .object(["text": .string($0.text), "url": .string($0.url), "line": .int($0.line)]) })
        }
        if let style = d.declaredDateStyle { o["dateStyle"] = .string(style.rawValue) }
        if !d.suppressions.isEmpty {
            o["suppressions"] = .array(d.suppressions.map { .object(["line": .int($0.commentLine), "rules": .array($0.rules.map(JSONValue.string))]) })
        }
        return .object(o)
    }

    /// An indented outline for people: fields, then sections with their sentences.
    package static func text(_ d: Document) -> String {
        var out = "\(d.path): \(d.format.rawValue), \(d.role.rawValue)"
        if let date = d.date { out += ", \(date)" }
        if let t = d.title { out += ", \"\(t)\"" }
        if let l = d.language { out += ", language \(l)" + (d.languageEvidence.map { " (\($0.rawValue))" } ?? "") }
        out += "\n"
        if let style = d.declaredDateStyle { out += "date style: \(style.rawValue)\n" }
        if !d.fields.isEmpty {
            out += "\nfields:\n"
            for f in d.fields {
                let cites = f.citations.isEmpty ? "" : " [\(f.citations.count) ref]"
                let sect = f.section.isEmpty ? "" : " (\(f.section.joined(separator: " > ")))"
                out += "  \(f.line): \(f.key) = \(f.value)\(cites)\(sect)\n"
            }
        }
        for s in d.sections {
            let heading = s.path.isEmpty ? "(lead)" : s.path.joined(separator: " > ")
            out += "\n\(s.line)-\(s.endLine) \(String(repeating: "#", count: max(1, s.level))) \(heading)\(s.language.map { " [language \($0)]" } ?? "")\n"
            let covering = s.coveringCitations
            for (k, t) in s.sentences.enumerated() {
                let cites = !t.citations.isEmpty ? " [\(t.citations.count) ref]" : (covering[k].isEmpty ? "" : " [covered by \(covering[k].count) ref]")
                out += "  \(t.line): \(t.isListItem ? "- " : "")\(t.text)\(cites)\n"
            }
        }
        if !d.categories.isEmpty { out += "\ncategories: \(d.categories.joined(separator: "; "))\n" }
        return out
    }
}
