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
    /// `gate before.wiki after.wiki --format json --fail-on warning` on an infobox whose
    /// attendance goes from `old` to `new`: the exit status and the number-conflict finding.
    func gateAttendance(_ old: String, _ new: String) throws -> (status: Int32, finding: JSONValue) {
        let dir = NSTemporaryDirectory() + "crosscheck-changed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, value) in [("before", old), ("after", new)] {
            try "{{Infobox match\n| home = Ashcombe\n| attendance = \(value)\n}}\nAshcombe won the match.\n".write(toFile: dir + "/\(name).wiki", atomically: true, encoding: .utf8)
        }
        let r = runCLI(["gate", dir + "/before.wiki", dir + "/after.wiki", "--format", "json", "--fail-on", "warning"])
        let json = try JSONValue.parse(r.out)
        let f = try #require(json["introduced"]?.arrayValue?.first { $0["rule"]?.stringValue == "number-conflict" })
        return (r.status, f)
    }

    @Test func gateReportsTheEditsOwnChangeWithoutContextAndNamesNew() throws {
        let (status, f) = try gateAttendance("4,000<ref>Match report</ref>", "4,136<ref>Match report</ref>")
        #expect(status == 1)
        #expect(f["severity"]?.stringValue == "warning")
        #expect(f["message"]?.stringValue?.contains("4,000 (before) -> 4,136 (after)") == true)
        #expect(f["evidence"]?.arrayValue?.first?["variant"]?.stringValue == "after")
    }

    /// With no citation before or after, the change is still reported, as information: it does
    /// not fail a `--fail-on warning` gate.
    @Test func gateReportsAnUncitedChangeAsInformation() throws {
        let (status, f) = try gateAttendance("4,000 (tentative)", "4,136")
        #expect(status == 0)
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
