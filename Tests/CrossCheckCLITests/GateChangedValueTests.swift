import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// `gate` reports what an edit itself changes, with no context (issue 9).
@Suite struct GateChangedValueTests {
    @Test func gateReportsTheEditsOwnChangeWithoutContextAndNamesNew() throws {
        let dir = NSTemporaryDirectory() + "crosscheck-changed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{{Infobox match\n| home = Ashcombe\n| attendance = 4,000<ref>Match report</ref>\n}}\nAshcombe won the match.\n".write(toFile: dir + "/before.wiki", atomically: true, encoding: .utf8)
        try "{{Infobox match\n| home = Ashcombe\n| attendance = 4,136<ref>Match report</ref>\n}}\nAshcombe won the match.\n".write(toFile: dir + "/after.wiki", atomically: true, encoding: .utf8)
        let r = runCLI(["gate", dir + "/before.wiki", dir + "/after.wiki", "--format", "json", "--fail-on", "warning"])
        #expect(r.status == 1)
        let json = try JSONValue.parse(r.out)
        let introduced = try #require(json["introduced"]?.arrayValue)
        let f = try #require(introduced.first { $0["rule"]?.stringValue == "number-conflict" })
        #expect(f["severity"]?.stringValue == "warning")
        #expect(f["message"]?.stringValue?.contains("4,000 (before) -> 4,136 (after)") == true)
        #expect(f["evidence"]?.arrayValue?.first?["variant"]?.stringValue == "after")
    }

    /// With no citation before or after, the change is still reported, as information: it does
    /// not fail a `--fail-on warning` gate.
    @Test func gateReportsAnUncitedChangeAsInformation() throws {
        let dir = NSTemporaryDirectory() + "crosscheck-changed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{{Infobox match\n| home = Ashcombe\n| attendance = 4,000 (tentative)\n}}\nAshcombe won the match.\n".write(toFile: dir + "/before.wiki", atomically: true, encoding: .utf8)
        try "{{Infobox match\n| home = Ashcombe\n| attendance = 4,136\n}}\nAshcombe won the match.\n".write(toFile: dir + "/after.wiki", atomically: true, encoding: .utf8)
        let r = runCLI(["gate", dir + "/before.wiki", dir + "/after.wiki", "--format", "json", "--fail-on", "warning"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        let f = try #require(json["introduced"]?.arrayValue?.first { $0["rule"]?.stringValue == "number-conflict" })
        #expect(f["severity"]?.stringValue == "info")
        #expect(f["message"]?.stringValue?.contains("4,000 (before) -> 4,136 (after)") == true)
    }
}

/// `diff` shows references added or removed even when the text is unchanged (issue 9).
@Suite struct DiffReferenceTests {
    @Test func aDeletedReferenceIsAChange() throws {
        let a = try diffTestTempFile("ref-old.wiki", Array("Ada Wren was a painter.<ref>{{cite web |title=Wendle Gazette |url=https://example.org/g}}</ref> She lived in Wendle.\n".utf8))
        let b = try diffTestTempFile("ref-new.wiki", Array("Ada Wren was a painter. She lived in Wendle.\n".utf8))
        let r = runCLI(["diff", a, b])
        #expect(!r.out.contains("No differences."))
        #expect(r.out.contains("reference \"https://example.org/g\" removed (old line 1): Ada Wren was a painter."))
        let j = try JSONValue.parse(runCLI(["diff", a, b, "--format", "json"]).out)
        #expect(j["identical"] == .bool(false))
        #expect(j["references"]?.arrayValue?.first?["status"]?.stringValue == "removed")
        // The same reference moved to the next sentence of the section is no change.
        let c = try diffTestTempFile("ref-moved.wiki", Array("Ada Wren was a painter. She lived in Wendle.<ref>{{cite web |title=Wendle Gazette |url=https://example.org/g}}</ref>\n".utf8))
        #expect(!runCLI(["diff", a, c]).out.contains("REFERENCES"))
    }
}
