import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
/// Accepted findings, by fingerprint: a baselined finding is shown but never fails a run.
///
/// The file is JSON (`{"version": 1, "fingerprints": [{"fingerprint", "rule", "message"}]}`),
/// sorted by fingerprint so that rewriting an unchanged baseline changes no byte. Rule and message
/// are for people reading the file; only the fingerprint is matched, and fingerprints hold no line
/// numbers, so a baseline survives edits elsewhere in the variants.
package struct Baseline: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var fingerprint: String
        package var rule: String
        package var message: String
    }

    package static let version = 1
    package var entries: [Entry]

    package init(findings: [Finding]) {
        var seen = Set<String>()
        var entries: [Entry] = []
        for f in findings.sorted(by: { $0.fingerprint < $1.fingerprint }) where seen.insert(f.fingerprint).inserted {
            entries.append(Entry(fingerprint: f.fingerprint, rule: f.rule, message: f.message))
        }
        self.entries = entries
    }

    package init(entries: [Entry]) { self.entries = entries }

    package var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    /// Marks the findings whose fingerprint is in the baseline.
    package func apply(to findings: [Finding]) -> [Finding] {
        let known = fingerprints
        return findings.map { f in
            var f = f
            if known.contains(f.fingerprint) { f.baselined = true }
            return f
        }
    }

    package func json() -> JSONValue {
        .object([
            "version": .int(Baseline.version),
            "tool": .string("crosscheck \(ToolInfo.version)"),
            "fingerprints": .array(entries.map {
                .object(["fingerprint": .string($0.fingerprint), "rule": .string($0.rule), "message": .string($0.message)])
            }),
        ])
    }

    package func serialized() -> String { json().serialized() }

    /// Parses a baseline file's text; `path` names the file in errors.
    package static func parse(_ text: String, path: String) throws(CrossCheckError) -> Baseline {
        let json: JSONValue
        do { json = try JSONValue.parse(text) } catch {
            throw .configuration(path: path, reason: "line \(error.line): \(error.message)")
        }
        guard let list = json["fingerprints"]?.arrayValue else {
            throw .configuration(path: path, reason: "not a crosscheck baseline (expected a \"fingerprints\" list)")
        }
        if let v = json["version"], v.intValue != version {
            throw .configuration(path: path, reason: "unsupported baseline version (this crosscheck reads version \(version))")
        }
        var entries: [Entry] = []
        for item in list {
            if let s = item.stringValue {
                entries.append(Entry(fingerprint: s, rule: "", message: ""))
            } else if let fp = item["fingerprint"]?.stringValue {
                entries.append(Entry(fingerprint: fp, rule: item["rule"]?.stringValue ?? "", message: item["message"]?.stringValue ?? ""))
            } else {
                throw .configuration(path: path, reason: "every baseline entry needs a \"fingerprint\"")
            }
        }
        return Baseline(entries: entries)
    }

    /// Reads a baseline file.
    package static func load(path: String) throws(CrossCheckError) -> Baseline {
        let source = try SourceText.load(path: path)
        return try parse(source.string, path: path)
    }
}
