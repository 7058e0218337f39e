import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// Writes seed 001 with `edit` applied into a temporary folder; returns the folder and file path.
func gateTestEditedCopy(_ edit: (String) -> String, name: String = "EDITED.txt") throws -> (dir: String, path: String) {
    let dir = NSTemporaryDirectory() + "crosscheck-gate-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let text = try String(contentsOfFile: seedPath("001_e3333450b7a6811b.txt"), encoding: .utf8)
    let path = dir + "/" + name
    try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
    return (dir, path)
}

@Suite struct GateCommandTests {
    let old = "seeds/001_e3333450b7a6811b.txt"
    let context = "seeds/000_1c75f7c1b93db0bb.txt"

    @Test func anUnchangedCopyIntroducesAndResolvesNothing() throws {
        let (dir, copy) = try gateTestEditedCopy { $0 }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["gate", old, copy, "--context", context, "--format", "json", "--fail-on", "info"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        #expect(json["findings"] == nil)
        #expect(json["introduced"]?.arrayValue == [])
        #expect(json["resolved"]?.arrayValue == [])
        #expect(json["summary"]?["resolved"]?.intValue == 0)
        // NEW stands in for OLD: it carries OLD's id and its own path.
        let variants = try #require(json["variants"]?.arrayValue)
        #expect(variants.count == 2)
        let edited = try #require(variants.first { $0["id"]?.stringValue == "001_e3333450b7a6811b" })
        #expect(edited["path"]?.stringValue?.hasSuffix("/EDITED.txt") == true)
        #expect(r.err.split(separator: "\n").last?.contains("introduced, 0 resolved") == true)
    }

    @Test func aContextFolderHoldingOldIsNotCountedTwice() throws {
        let (dir, copy) = try gateTestEditedCopy { $0 }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["gate", old, copy, "--context", "seeds", "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        let ids = (json["variants"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids.count == 5)
        #expect(Set(ids).count == 5)
        #expect(ids.contains("001_e3333450b7a6811b"))
        // NEW inherits OLD's manifest entry (role, date, label), so the order is the seeds' order.
        #expect(ids == ["002_73259c55204946b0", "004_dae551df292514b4", "003_7ef685683aa46a24", "001_e3333450b7a6811b", "000_1c75f7c1b93db0bb"])
        #expect(json["introduced"]?.arrayValue == [])
    }

    @Test func splitsIntoTwoSetsWithTheSameIDs() throws {
        let (dir, copy) = try gateTestEditedCopy { $0.replacingOccurrences(of: "SenseTiime", with: "SenseTime") }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pair = try GateCommand.load(old: packageRoot + "/" + old, new: copy, context: [packageRoot + "/" + context], workingDirectory: packageRoot)
        #expect(pair.old.variants.map(\.id) == pair.new.variants.map(\.id))
        #expect(pair.old.variants.map(\.order) == [0, 1])
        #expect(pair.new.variants.contains { $0.document.path == copy })
        #expect(!pair.old.variants.contains { $0.document.path == copy })
    }

    @Test func gatingAFileAgainstItselfChangesNothing() throws {
        let r = runCLI(["gate", old, old, "--context", context, "--format", "json", "--fail-on", "info"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        #expect(json["introduced"]?.arrayValue == [])
        #expect(json["resolved"]?.arrayValue == [])
    }

    @Test func markdownAndTextShowBothLists() throws {
        let (dir, copy) = try gateTestEditedCopy { $0 }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let md = runCLI(["gate", old, copy, "--context", context, "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.out.hasPrefix("# crosscheck gate: "))
        #expect(md.out.contains("\n## Introduced\n"))
        #expect(md.out.contains("\n## Resolved\n"))
        #expect(md.out.contains("\n## Changes between revisions\n"))
        let text = runCLI(["gate", old, copy, "--context", context])
        #expect(text.out.contains("Introduced (0)"))
        #expect(text.out.contains("Resolved (0)"))
    }

    @Test(arguments: [
        ["gate"], ["gate", "a"], ["gate", "a", "b", "c"],
        ["gate", "seeds/001_e3333450b7a6811b.txt", "/nonexistent.txt"],
        ["gate", "seeds/001_e3333450b7a6811b.txt", "seeds/000_1c75f7c1b93db0bb.txt", "--context"],
        ["gate", "seeds/001_e3333450b7a6811b.txt", "seeds/000_1c75f7c1b93db0bb.txt", "--format", "pdf"],
    ])
    func badInputExitsTwo(_ args: [String]) {
        let r = runCLI(args)
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
    }

    // Acceptance checks: they pass once the rules land.

    @Test
    func movingTheHeadquartersIntroducesAConflict() throws {
        let (dir, edited) = try gateTestEditedCopy { text in
            text.replacingOccurrences(
                of: "| hq_location = [[Hong Kong Science Park|Science Park]], [[Hong Kong]]", with: "| hq_location = [[Singapore]]")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["gate", old, edited, "--context", context, "--format", "json"])
        #expect(r.status == 1)
        let json = try JSONValue.parse(r.out)
        let introduced = try #require(json["introduced"]?.arrayValue)
        #expect(introduced.contains { $0["rule"]?.stringValue == "headquarters-conflict" && $0["severity"]?.stringValue == "error" })
        let text = runCLI(["gate", old, edited, "--context", context])
        #expect(text.status == 1)
        #expect(text.out.contains("headquarters-conflict"))
    }

    @Test func fixingATypoResolvesOneFinding() throws {
        let (dir, edited) = try gateTestEditedCopy { $0.replacingOccurrences(of: "SenseTiime", with: "SenseTime") }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["gate", old, edited, "--context", context, "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.out)
        // The context rendering still has the typo: that is not the edit's doing.
        #expect(json["introduced"]?.arrayValue?.isEmpty == true)
        #expect(json["resolved"]?.arrayValue?.count == 1)
        #expect(json["resolved"]?.arrayValue?.first?["rule"]?.stringValue == "introduced-typo")
        #expect(json["summary"]?["resolved"]?.intValue == 1)
    }
}
