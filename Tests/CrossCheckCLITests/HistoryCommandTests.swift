import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

@Suite struct HistoryCommandTests {
    static let base = """
        '''Acme''' is an orchard cooperative in the valley.

        == History ==
        The cooperative started as a small group of growers.

        == Products ==
        The cooperative is a regional leader in apple growing.

        """
    static let duplicated = base + "\n== History ==\nA second history section was added here.\n"
    static let vandalised = duplicated.replacingOccurrences(of: "is a regional leader in", with: "is a globaleader in")
    static let extended = duplicated + "\n== Visitors ==\nVisitors come to the orchards every autumn.\n"

    /// 501 clean; 502 duplicates a section; 503 (an IP) fuses two words; 504 reverts to 502;
    /// 505 adds a section; 506 blanks the page; 507 reverts to 505.
    static let page = ExportFixture.Page(title: "Acme", id: 9, revisions: [
        .init(id: 501, parent: nil, timestamp: "2020-01-01T10:00:00Z", user: "Alice", comment: "new article", text: base),
        .init(id: 502, parent: 501, timestamp: "2020-01-02T10:00:00Z", user: "Bob", comment: "more history", text: duplicated),
        .init(id: 503, parent: 502, timestamp: "2020-01-03T10:00:00Z", ip: "198.51.100.7", text: vandalised),
        .init(id: 504, parent: 503, timestamp: "2020-01-03T10:02:00Z", user: "Carol", comment: "revert", text: duplicated),
        .init(id: 505, parent: 504, timestamp: "2020-01-05T10:00:00Z", user: "Bob", comment: "visitors", text: extended),
        .init(id: 506, parent: 505, timestamp: "2020-01-06T10:00:00Z", ip: "203.0.113.9", text: ""),
        .init(id: 507, parent: 506, timestamp: "2020-01-06T10:01:00Z", user: "Carol", comment: "revert blanking", text: extended),
    ])

    func records(_ out: String) throws -> [[String: JSONValue]] {
        try out.split(separator: "\n").map { line in
            guard case let .object(o) = try JSONValue.parse(String(line)) else { throw CrossCheckError.usage("not an object") }
            return o
        }
    }

    func write(_ pages: [ExportFixture.Page], version: String = "0.10", name: String = "export.xml", compressor: [String]? = nil) throws -> String {
        try ExportFixture.write(ExportFixture.xml(pages, version: version), to: ExportFixture.directory(), name: name, compressor: compressor)
    }

    @Test func blameNamesTheIntroducingRevisions() throws {
        let path = try write([Self.page])
        let r = runCLI(["history", path, "--format", "jsonl", "--fail-on", "warning"])
        #expect(r.status == 1, "\(r.err)")
        let recs = try records(r.out)
        let blame = recs.filter { $0["type"]?.stringValue == "blame" }
        let byRule = Dictionary(uniqueKeysWithValues: blame.map { ($0["finding"]?["rule"]?.stringValue ?? "", $0) })
        #expect(Set(byRule.keys) == ["duplicate-section"])
        // The blanking and its revert do not move the blame: 502 introduced it, it stands at 507.
        #expect(byRule["duplicate-section"]?["introducedBy"]?["id"]?.intValue == 502)
        #expect(byRule["duplicate-section"]?["at"]?["id"]?.intValue == 507)
        #expect(byRule["duplicate-section"]?["revisions"]?.intValue == 5)
        #expect(byRule["duplicate-section"]?["introducedBy"]?["contributor"]?.stringValue == "Bob")
        let events = recs.filter { $0["type"]?.stringValue == "revision" }
        let ids = events.compactMap { $0["revision"]?["id"]?.intValue }
        #expect(ids == [502, 503, 504, 506, 507])
        let e503 = events.first { $0["revision"]?["id"]?.intValue == 503 }
        #expect(e503?["introduced"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } == ["merged-words"])
        #expect(e503?["revision"]?["contributor"]?.stringValue == "198.51.100.7")
        let e504 = events.first { $0["revision"]?["id"]?.intValue == 504 }
        #expect(e504?["revertOf"]?.intValue == 502)
        #expect(e504?["resolved"]?.arrayValue?.first?["introducedBy"]?.intValue == 503)
        let e507 = events.first { $0["revision"]?["id"]?.intValue == 507 }
        #expect(e507?["revertOf"]?.intValue == 505)
        #expect(e507?["restored"]?.arrayValue?.first?["introducedBy"]?.intValue == 502)
        #expect(e507?["introduced"]?.arrayValue?.isEmpty == true)
        let summary = recs.last
        #expect(summary?["type"]?.stringValue == "summary")
        #expect(summary?["summary"]?["revisions"]?.intValue == 7)
        #expect(summary?["summary"]?["reverts"]?.intValue == 2)
    }

    /// A revision is checked alone, so the walk itself compares its words with its parent's:
    /// blanking vandalism shows as page-blanked, introduced and resolved by the revert.
    @Test func blankingIsReportedAndItsRevertResolvesIt() throws {
        let long = Self.extended + "\n== Orchards ==\n" + String(repeating: "The growers tend the old orchards on the valley slopes and sell their apples at the market. ", count: 8) + "\n"
        let page = ExportFixture.Page(title: "Acme", id: 9, revisions: [
            .init(id: 601, parent: nil, timestamp: "2020-02-01T10:00:00Z", user: "Alice", comment: "article", text: long),
            .init(id: 602, parent: 601, timestamp: "2020-02-02T10:00:00Z", ip: "203.0.113.9", text: "Acme is bad lol."),
            .init(id: 603, parent: 602, timestamp: "2020-02-02T10:03:00Z", user: "Carol", comment: "revert", text: long),
        ])
        let r = runCLI(["history", try write([page]), "--format", "jsonl"])
        #expect(r.status == 0, "\(r.err)")
        let recs = try records(r.out)
        let events = recs.filter { $0["type"]?.stringValue == "revision" }
        func rules(_ id: Int, _ key: String) -> [String] {
            let e = events.first { $0["revision"]?["id"]?.intValue == id }
            return e?[key]?.arrayValue?.compactMap { ($0["rule"] ?? $0["finding"]?["rule"])?.stringValue } ?? []
        }
        #expect(rules(602, "introduced") == ["page-blanked"])
        #expect(rules(603, "resolved") == ["page-blanked"])
        #expect(!recs.contains { $0["type"]?.stringValue == "blame" && $0["finding"]?["rule"]?.stringValue == "page-blanked" })
        let message = events.first { $0["revision"]?["id"]?.intValue == 602 }?["introduced"]?.arrayValue?.first?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Revision 602 keeps 4 words"))
    }

    @Test func blameAtAnEarlierRevision() throws {
        let path = try write([Self.page])
        let r = runCLI(["history", path, "--format", "jsonl", "--at", "503"])
        let blame = try records(r.out).filter { $0["type"]?.stringValue == "blame" }
        let pairs = Set(blame.map { "\($0["finding"]?["rule"]?.stringValue ?? "")@\($0["introducedBy"]?["id"]?.intValue ?? 0)" })
        #expect(pairs == ["duplicate-section@502", "merged-words@503"])
        #expect(blame.allSatisfy { $0["at"]?["id"]?.intValue == 503 })
        let missing = runCLI(["history", path, "--at", "999"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("no revision 999"))
    }

    @Test func hideRevertedFoldsVandalismAway() throws {
        let path = try write([Self.page])
        let r = runCLI(["history", path, "--format", "jsonl", "--hide-reverted"])
        let ids = try records(r.out).filter { $0["type"]?.stringValue == "revision" }.compactMap { $0["revision"]?["id"]?.intValue }
        #expect(ids == [502])
        let text = runCLI(["history", path, "--hide-reverted"])
        #expect(text.out.contains("r502"))
        #expect(!text.out.contains("r503"))
        #expect(text.out.contains("introduced by r502"))
    }

    @Test func textAndMarkdownNameRevisionsAndLinks() throws {
        let path = try write([Self.page])
        let text = runCLI(["history", path])
        #expect(text.out.contains("r503  2020-01-03 10:00  198.51.100.7"))
        #expect(text.out.contains("restores r502"))
        #expect(text.out.contains("Standing at r507"))
        let md = runCLI(["history", path, "--format", "markdown"])
        #expect(md.out.contains("[r502](https://en.wikipedia.org/w/index.php?oldid=502)"))
        #expect(md.out.contains("# History of Acme"))
    }

    /// Schemas 0.4, 0.10 and 0.11, plain and compressed, give the same records.
    @Test(arguments: [
        ("0.4", nil), ("0.10", nil), ("0.11", nil), ("0.4", ["gzip", "-c"]), ("0.10", ["bzip2", "-c"]), ("0.11", ["xz", "-c"]),
    ] as [(String, [String]?)])
    func sameResultsWhateverTheSchemaOrCompression(version: String, compressor: [String]?) throws {
        if let c = compressor, !ExportFixture.has(c[0]) { return }
        let reference = runCLI(["history", try write([Self.page], version: "0.4"), "--format", "jsonl"])
        let other = runCLI(["history", try write([Self.page], version: version, compressor: compressor), "--format", "jsonl"])
        #expect(reference.status == other.status)
        #expect(!reference.out.isEmpty)
        #expect(reference.out == other.out)
    }

    /// Standard input gives what the file gives (the built binary; skipped when it is not built).
    @Test func standardInputReadsLikeAFile() throws {
        guard let exe = ciRecipeBinary() else { return }
        let path = try write([Self.page], version: "0.11")
        let fromFile = try ciRecipeRun(exe, ["history", path, "--format", "jsonl"], cwd: packageRoot, env: [:])
        let fromStdin = try ciRecipeRun("/bin/sh", ["-c", "\"$0\" history - --format jsonl < \"$1\"", exe, path], cwd: packageRoot, env: [:])
        #expect(fromFile.status == fromStdin.status)
        #expect(!fromFile.out.isEmpty)
        #expect(fromFile.out == fromStdin.out)
        let gz = try write([Self.page], version: "0.11", name: "export.xml.gz", compressor: ["gzip", "-c"])
        let fromGzStdin = try ciRecipeRun("/bin/sh", ["-c", "\"$0\" history - --format jsonl < \"$1\"", exe, gz], cwd: packageRoot, env: [:])
        #expect(fromFile.out == fromGzStdin.out)
    }

    @Test func truncatedExportExitsTwoWithTheOffsetAndNoReport() throws {
        let xml = ExportFixture.xml([Self.page], version: "0.10")
        let cut = String(decoding: Array(xml.utf8).prefix(xml.utf8.count - 40), as: UTF8.self)
        let path = try ExportFixture.write(cut, to: ExportFixture.directory(), name: "cut.xml")
        for format in ["jsonl", "text"] {
            let r = runCLI(["history", path, "--format", format])
            #expect(r.status == 2)
            #expect(r.out.isEmpty)
            #expect(r.err.contains("byte \(cut.utf8.count)"), "\(r.err)")
            #expect(r.err.contains("truncated"))
            #expect(r.err.split(separator: "\n").count == 1)
        }
        let out = ExportFixture.directory() + "/report.jsonl"
        let w = runCLI(["history", path, "--format", "jsonl", "--output", out])
        #expect(w.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        let bad = try ExportFixture.write("<mediawiki><page><title>A</title><revision><id>1</id></page></mediawiki>", to: ExportFixture.directory(), name: "bad.xml")
        let b = runCLI(["history", bad])
        #expect(b.status == 2)
        #expect(b.err.contains("byte 53"), "\(b.err)")
        #expect(b.err.contains("expected </revision>"))
    }

    /// Pages walked in parallel come out in page order, the same as with one job.
    @Test func jobsGiveTheSameOutputInPageOrder() throws {
        var pages: [ExportFixture.Page] = []
        for p in 0..<200 {
            var page = Self.page
            page.title = "Page \(p)"
            page.id = 1000 + p
            page.revisions = page.revisions.prefix(p % 7 + 1).map { r in
                var r = r
                r.id = r.id + 10 * p
                r.parent = r.parent.map { $0 + 10 * p }
                return r
            }
            pages.append(page)
        }
        let path = try write(pages)
        let one = runCLI(["history", path, "--format", "jsonl", "--jobs", "1"])
        let two = runCLI(["history", path, "--format", "jsonl", "--jobs", "2"])
        let four = runCLI(["history", path, "--format", "jsonl", "--jobs", "4", "--hide-reverted"])
        let fourSerial = runCLI(["history", path, "--format", "jsonl", "--hide-reverted"])
        #expect(one.status == two.status)
        #expect(try records(one.out).filter { $0["type"]?.stringValue == "page" }.count == 200)
        #expect(one.out == two.out)
        #expect(four.out == fourSerial.out)
        let selected = runCLI(["history", path, "--format", "jsonl", "--page", "Page 3"])
        #expect(try records(selected.out).allSatisfy { $0["page"]?.stringValue == "Page 3" })
        #expect(runCLI(["history", path, "--page", "Nope"]).status == 2)
    }

    @Test func exportsAsVariantsForCheckGateAndDiff() throws {
        let path = try write([Self.page])
        let gate = runCLI(["gate", path, "--revision", "503", "--format", "json"])
        #expect(gate.status == 0 || gate.status == 1)
        guard case let .object(o) = try JSONValue.parse(gate.out) else { Issue.record("no JSON"); return }
        #expect(o["introduced"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } == ["merged-words"])
        let pair = runCLI(["diff", path, "--revision", "502", "--revision", "503"])
        #expect(pair.status == 0)
        #expect(pair.out.contains("globaleader"))
        let check = runCLI(["check", path, "--revision", "501", "--revision", "502", "--format", "json"])
        guard case let .object(c) = try JSONValue.parse(check.out) else { Issue.record("no JSON"); return }
        #expect(c["variants"]?.arrayValue?.count == 2)
        #expect(c["variants"]?.arrayValue?.first?["date"]?.stringValue == "2020-01-01")
        let facts = runCLI(["facts", path, "--revision", "505"])
        #expect(facts.status == 0)
        #expect(runCLI(["parse", path, "--revision", "505"]).status == 0)
        #expect(runCLI(["check", path, "--revision", "999"]).status == 2)
        #expect(runCLI(["check", "seeds", "--revision", "1"]).status == 2)
    }

    /// A dated summary is checked once, against the revision current at its date.
    @Test func datedContextIsCheckedAgainstTheRevisionCurrentThen() throws {
        let path = try write([Self.page])
        let dir = ExportFixture.directory()
        try Data("# Acme\n\n- **Founded**: 1990\n\nAcme is an orchard cooperative.\n".utf8).write(to: URL(fileURLWithPath: dir + "/summary.md"))
        try Data(#"{"variants": [{"path": "summary.md", "role": "summary", "date": "2020-01-03"}]}"#.utf8).write(to: URL(fileURLWithPath: dir + "/crosscheck.json"))
        let r = runCLI(["history", path, "--format", "jsonl", "--context", dir])
        #expect(r.status == 0 || r.status == 1, "\(r.err)")
        let context = try records(r.out).filter { $0["type"]?.stringValue == "context" }
        #expect(context.count == 1)
        // 503 and 504 are both of 2020-01-03: the summary meets the later one, current at the day's end.
        #expect(context.first?["revision"]?["id"]?.intValue == 504)
        #expect(context.first?["date"]?.stringValue == "2020-01-03")
    }

    @Test func folderOfRevisionFiles() throws {
        let dir = ExportFixture.directory()
        for (i, r) in Self.page.revisions.prefix(3).enumerated() {
            try Data((r.text ?? "").utf8).write(to: URL(fileURLWithPath: "\(dir)/2020-01-0\(i + 1)_\(r.id).wiki"))
        }
        let r = runCLI(["history", dir, "--format", "jsonl"])
        let blame = try records(r.out).filter { $0["type"]?.stringValue == "blame" }
        // Files are revisions 1, 2, 3 in name order.
        #expect(Set(blame.compactMap { $0["introducedBy"]?["id"]?.intValue }) == [2, 3])
    }
}
