import Foundation
import Testing
import CrossCheckCore
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckTestSupport

/// Pins the token streams of the three views of text (the differ's tokens, the fact tokens of the
/// value normalisers, the text rules' words) over the seeds and samples of Chinese, Thai, Hindi and
/// Russian wikitext, so that any change in how text is split is seen and explained in its commit.
///
/// `Tests/Golden/lexer-tokens.txt` holds, per input group, the token counts by kind of each view and
/// a table of every distinct token text with how each view produced it. Rows for plain ASCII words
/// that all three views produce equally often are left out to keep the file small (the counts still
/// cover them). Columns: `D` the differ (`Tokenizer`; kind, `=key` when the key is not the text
/// lower-cased), `F` the fact tokens (`FactTokenizer`), `W` the rule words (`WordScanner`; `code`
/// counts occurrences flagged in-link-or-code).
struct LexerGoldenTests {
    static let fixtures = ["edges.txt", "zh.wiki", "th.wiki", "hi.wiki", "ru.wiki"]

    static func seedTexts() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/seeds")
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOfFile: seedPath($0), encoding: .utf8) }
    }

    @Test func tokenStreamsMatchGolden() throws {
        var groups: [(String, [String])] = [("seeds", try Self.seedTexts())]
        for f in Self.fixtures {
            let text = try String(contentsOfFile: packageRoot + "/Tests/Fixtures/lexer/" + f, encoding: .utf8)
            groups.append((f, [text]))
        }
        var out = ""
        for (name, texts) in groups { out += Self.table(name, texts) }
        try expectGolden("lexer-tokens.txt", out)
    }

    /// How one token text was produced by each view.
    struct Row {
        var differ: [String: Int] = [:]
        var fact: [String: Int] = [:]
        var words = 0
        var code = 0
    }

    static func table(_ name: String, _ texts: [String]) -> String {
        var rows: [String: Row] = [:]
        var dCounts: [String: Int] = [:], fCounts: [String: Int] = [:]
        var wCount = 0, wCode = 0
        for text in texts {
            let bytes = Array(text.utf8)
            for t in Tokenizer.tokens(text) {
                dCounts["\(t.kind)", default: 0] += 1
                if t.kind == .space { continue }
                let s = String(decoding: bytes[t.range], as: UTF8.self)
                let key = t.key == asciiLower(s) ? "" : "=" + escape(t.key)
                rows[s, default: Row()].differ["\(t.kind)\(key)", default: 0] += 1
            }
            for t in FactTokenizer.tokens(bytes) {
                fCounts["\(t.kind)", default: 0] += 1
                let s = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
                rows[s, default: Row()].fact["\(t.kind)", default: 0] += 1
            }
            for w in WordScanner.words(in: text) {
                wCount += 1
                if w.inLinkOrCode { wCode += 1 }
                rows[w.text, default: Row()].words += 1
                if w.inLinkOrCode { rows[w.text, default: Row()].code += 1 }
            }
        }
        func counts(_ c: [String: Int]) -> String { c.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        var out = "== \(name)\n"
        out += "D: \(counts(dCounts))\nF: \(counts(fCounts))\nW: word \(wCount), code \(wCode)\n"
        for (text, r) in rows.sorted(by: { $0.key < $1.key }) {
            let plain = !text.isEmpty && text.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            if plain, r.code == 0, r.differ.count == 1, r.fact.count == 1, let d = r.differ["word"], r.fact["word"] == d,
               r.words == d {
                continue
            }
            var line = escape(text)
            if !r.differ.isEmpty { line += "\tD:" + r.differ.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ",") }
            if !r.fact.isEmpty { line += "\tF:" + r.fact.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ",") }
            if r.words > 0 { line += "\tW:×\(r.words)" + (r.code > 0 ? "(code \(r.code))" : "") }
            out += line + "\n"
        }
        return out
    }

    static func asciiLower(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Control characters, tabs and invisible scalars written as `\u{…}` so the table stays one row per line.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || (0x200B...0x200F).contains(u.value) || u.value == 0xFEFF
                || u.value == 0xA0 || u.value == 0x2028 || u.value == 0x2029 || u.value == 0x5C {
                out += "\\u{\(String(u.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
