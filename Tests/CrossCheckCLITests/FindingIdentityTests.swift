import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// One edit of a fixture file for the finding-identity table (docs/gate.md).
struct IdentityCase: Sendable, CustomStringConvertible {
    var fixture: String
    var file: String
    /// Replacements giving the version before the edit (none: the fixture as it is).
    var before: [(String, String)] = []
    /// Replacements giving the version after the edit, applied to the fixture.
    var after: [(String, String)]
    var rule: String
    var introduced: Int
    var resolved: Int
    var description: String { "\(fixture)/\(file) \(rule): \(after.map { "\($0.0) -> \($0.1)" }.joined(separator: ", "))" }

    static let all: [IdentityCase] = [
        // Places: a new value opens a conflict; the wrong side changing keeps it; correcting it resolves it.
        IdentityCase(fixture: "hanbit", file: "04_summary.md", after: [("**Headquarters**: Busan", "**Headquarters**: Daegu")], rule: "headquarters-conflict", introduced: 1, resolved: 0),
        IdentityCase(fixture: "marrowby", file: "04_summary.md", after: [("Rotterdam, Netherlands", "Eindhoven, Netherlands")], rule: "headquarters-conflict", introduced: 0, resolved: 0),
        IdentityCase(fixture: "marrowby", file: "04_summary.md", after: [("Rotterdam, Netherlands", "Utrecht, Netherlands")], rule: "headquarters-conflict", introduced: 0, resolved: 1),
        // People.
        IdentityCase(fixture: "marrowby", file: "04_summary.md", after: [("Ingrid van der Linde", "Pieter Bakker")], rule: "founder-conflict", introduced: 1, resolved: 0),
        IdentityCase(fixture: "hanbit", file: "04_summary.md", after: [("Lee Dong-hyun", "Choi Min-ho")], rule: "founder-conflict", introduced: 0, resolved: 0),
        IdentityCase(fixture: "hanbit", file: "04_summary.md", after: [("Lee Dong-hyun", "Kenji Watanabe")], rule: "founder-conflict", introduced: 0, resolved: 1),
        // Status.
        IdentityCase(fixture: "hanbit", file: "04_summary.md", after: [("is a private ferry operator", "is a publicly listed ferry operator")], rule: "status-conflict", introduced: 1, resolved: 0),
        IdentityCase(fixture: "marrowby", file: "04_summary.md", after: [("**Type**: Private company", "**Type**: Public company")], rule: "status-conflict", introduced: 0, resolved: 1),
        // Dates.
        IdentityCase(fixture: "brandreth", file: "03_summary.md", after: [("**Born**: 17 April 1961", "**Born**: 17 April 1960")], rule: "date-conflict", introduced: 1, resolved: 0),
        IdentityCase(fixture: "brandreth", file: "03_summary.md", after: [("born 17 April 1962", "born 17 April 1963")], rule: "date-conflict", introduced: 0, resolved: 0),
        IdentityCase(fixture: "brandreth", file: "03_summary.md", after: [("born 17 April 1962", "born 17 April 1961")], rule: "date-conflict", introduced: 0, resolved: 1),
        // Numbers: a figure changed in one revision, changed again, then restored. Every edit of a
        // figure under an unchanged citation is itself reported (one finding, however many
        // context revisions also show the change); the standing change is never reported again,
        // and restoring the figure resolves it.
        IdentityCase(fixture: "hanbit", file: "03_rendered.txt", after: [("19 vessels in 2022", "21 vessels in 2022")], rule: "number-conflict", introduced: 1, resolved: 0),
        IdentityCase(fixture: "hanbit", file: "03_rendered.txt", before: [("19 vessels in 2022", "21 vessels in 2022")], after: [("19 vessels in 2022", "23 vessels in 2022")], rule: "number-conflict", introduced: 1, resolved: 0),
        IdentityCase(fixture: "hanbit", file: "03_rendered.txt", before: [("19 vessels in 2022", "21 vessels in 2022")], after: [], rule: "number-conflict", introduced: 1, resolved: 1),
    ]
}

@Suite struct FindingIdentityTests {
    func write(_ text: String, _ edits: [(String, String)], to path: String) throws {
        var t = text
        for (a, b) in edits {
            #expect(t.contains(a), "fixture lacks \(a)")
            t = t.replacingOccurrences(of: a, with: b)
        }
        try t.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(arguments: IdentityCase.all)
    func anEditIntroducesOnlyNewConflicts(_ c: IdentityCase) throws {
        let folder = packageRoot + "/Tests/Fixtures/" + c.fixture
        let text = try String(contentsOfFile: folder + "/" + c.file, encoding: .utf8)
        // The article as it was (OLD inside it, so the context skips it) and the edited file apart.
        let dir = NSTemporaryDirectory() + "crosscheck-identity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/new", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: folder, toPath: dir + "/article")
        let old = dir + "/article/" + c.file
        try write(text, c.before, to: old)
        try write(text, c.after, to: dir + "/new/" + c.file)
        let r = runCLI(["gate", old, dir + "/new/" + c.file, "--context", dir + "/article", "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.err)")
        let json = try JSONValue.parse(r.out)
        let introduced = (json["introduced"]?.arrayValue ?? []).filter { $0["rule"]?.stringValue == c.rule }
        let resolved = (json["resolved"]?.arrayValue ?? []).filter { $0["rule"]?.stringValue == c.rule }
        #expect(introduced.count == c.introduced, "introduced: \(introduced.compactMap { $0["message"]?.stringValue })")
        #expect(resolved.count == c.resolved, "resolved: \(resolved.compactMap { $0["message"]?.stringValue })")
    }
}
