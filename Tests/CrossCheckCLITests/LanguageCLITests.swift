import Foundation
import Testing

@testable import CrossCheckCLI
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

/// Variant languages (declared and inferred), the rules' notes, and escaped wikitext, end to end.
struct LanguageCLITests {
    static let fixture = "Tests/Fixtures/language"

    @Test func variantsShowTheirLanguageDeclaredOrInferred() throws {
        let r = runCLI(["check", Self.fixture, "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        let languages = (json["variants"]?.arrayValue ?? []).compactMap { v in v["id"]?.stringValue.map { ($0, v["language"]?.stringValue ?? "-") } }
        #expect(languages.map(\.0) == ["01_artikel", "02_escaped"])
        #expect(languages.map(\.1) == ["de", "en"])
    }

    @Test func rulesSayWhatTheyLeaveUnjudgedInJSONAndWithVerbose() throws {
        let quiet = runCLI(["check", Self.fixture, "--format", "json", "--fail-on", "never"])
        let json = try JSONValue.parse(quiet.out)
        let notes = json["notes"]?.arrayValue ?? []
        #expect(notes.contains { $0["rule"]?.stringValue == "introduced-typo" && $0["variant"]?.stringValue == "01_artikel" })
        #expect(!quiet.err.contains("note: introduced-typo"))
        let verbose = runCLI(["check", Self.fixture, "--format", "json", "--fail-on", "never", "--verbose"])
        #expect(verbose.err.contains("note: introduced-typo: 01_artikel: text in de"))
    }

    @Test func escapedWikitextIsDecodedWithANoteAndItsReferencesAreNoProse() throws {
        let r = runCLI(["parse", Self.fixture + "/02_escaped.wiki", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.err.contains("HTML-escaped"))
        let json = try JSONValue.parse(r.out)
        let texts = (json["sections"]?.arrayValue ?? []).flatMap { $0["sentences"]?.arrayValue ?? [] }.compactMap { $0["text"]?.stringValue }
        #expect(texts.contains { $0.hasPrefix("It was built by the town in 1850.") })
        #expect(!texts.contains { $0.contains("Muchas") || $0.contains("&lt;") || $0.contains("history society") })
        #expect(json["language"]?.stringValue == "en")
    }

    @Test func aBadLanguageCodeInTheManifestIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-lang-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "The mill grinds flour.\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try #"{"variants": [{"path": "a.txt", "language": "English"}]}"#.write(toFile: dir + "/crosscheck.json", atomically: true, encoding: .utf8)
        let r = runCLI(["check", dir])
        #expect(r.status == 2)
        #expect(r.err.contains("bad language \"English\""))
    }
}
