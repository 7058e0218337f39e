import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckRules
@testable import CrossCheckCLI
@testable import CrossCheckTestSupport

/// The history walk carries the rules' work from one revision to the next (`RuleMemo`); its
/// output must equal a walk that recomputes every revision from scratch, whatever the edits do to
/// the counts the cached verdicts read.
@Suite struct HistoryIncrementalTests {
    /// A seed revision edited step by step: typos made and fixed, fused words, a rare word used
    /// until it is frequent (a bucket of frequent words changes), a spelling changed in place,
    /// sections removed and restored, blanking and reverts.
    static func revisions() throws -> [String] {
        let seed = try String(contentsOfFile: repositoryRoot() + "/seeds/001_e3333450b7a6811b.txt", encoding: .utf8)
        var texts = [seed]
        var t = seed
        func edit(_ f: (String) -> String) { t = f(t); texts.append(t) }
        func replaceFirst(_ a: String, _ b: String) -> (String) -> String {
            { s in s.range(of: a).map { s.replacingCharacters(in: $0, with: b) } ?? s }
        }
        edit(replaceFirst("company", "compnay"))
        edit(replaceFirst("compnay", "company"))
        edit { $0 + "\n== Orchards ==\nThe orchard growers planted pears. The orcharding season is long.\n" }
        for k in 0..<6 { edit { $0 + "\nThe orcharding group met again (\(k)).\n" } }
        edit(replaceFirst("orcharding season", "orchardng season"))
        edit(replaceFirst("artificial intelligence", "artificialintelligence"))
        edit(replaceFirst("Hong Kong", "hong Kong"))
        edit(replaceFirst("artificialintelligence", "artificial intelligence"))
        let withoutHistory = t.components(separatedBy: "== History ==").first ?? t
        let full = t
        edit { _ in withoutHistory }
        edit { _ in full }
        edit { _ in "" }
        edit { _ in full }
        // Vandalism that leaves a line (checked without the memo, which it leaves as it was).
        edit { _ in "The orchard is run by idiots lol. Compnay hq is a shed." }
        edit { _ in full }
        edit(replaceFirst("valued at", "valued about"))
        edit(replaceFirst("valued at", "valued att"))
        edit { $0.replacingOccurrences(of: "orcharding", with: "orchard work") }
        edit(replaceFirst("The orchard growers", "Theorchard growers"))
        return texts
    }

    static func repositoryRoot() -> String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }

    static func walk(_ texts: [String], incremental: Bool, context: [Variant] = []) throws -> String {
        var out = ""
        let sink = HistoryWriter(format: .jsonl) { out += $0 }
        var page = ExportPage()
        page.title = "Orchard"
        page.id = 3
        var options = HistoryOptions()
        options.incremental = incremental
        options.context = context
        let walker = try PageHistoryWalker(page: page, site: ExportSiteInfo(), options: options, sink: sink)
        for (i, text) in texts.enumerated() {
            var r = ExportRevision()
            r.id = 100 + i
            r.parentID = i == 0 ? nil : 99 + i
            r.timestamp = String(format: "2021-03-%02dT10:00:00Z", 1 + i % 28)
            r.contributor = ExportContributor(username: "Editor\(i % 3)")
            r.text = Array(text.utf8)
            try walker.add(r)
        }
        try walker.finish()
        return out
    }

    @Test func carriedWorkGivesTheSameHistoryAsAFreshRun() throws {
        let texts = try Self.revisions()
        let fresh = try Self.walk(texts, incremental: false)
        let carried = try Self.walk(texts, incremental: true)
        // The edits above do make and resolve findings: the comparison is not between two empty walks.
        #expect(fresh.contains("\"introduced\":[{"))
        #expect(fresh.contains("orchardng"))
        #expect(carried == fresh)
    }

    /// An undated summary joins every revision's set: several variants, so the memo's word
    /// counts, spellings and capped reads follow every variant (and merged-words starts afresh).
    @Test func carriedWorkWithContextGivesTheSameHistory() throws {
        let summary = "# Orchard\n\nThe orcharding group has 40 members and the compnay sells cider. It is a globaleader in pears.\n"
        var doc = try DocumentParser.parse(try SourceText(path: "summary.md", bytes: Array(summary.utf8)), format: .markdown)
        doc.role = .summary
        doc.date = nil
        let context = [Variant(id: "summary", document: doc, order: 0)]
        let texts = try Self.revisions()
        let carried = try Self.walk(texts, incremental: true, context: context)
        #expect(carried == (try Self.walk(texts, incremental: false, context: context)))
        #expect(carried.contains("\"introduced\":[{"))
    }

    @Test func aCachedVerdictIsDroppedWhenTheCountsItReadChange() throws {
        // "orchardng" is a slip of "orcharding" only once "orcharding" is used five times: the
        // verdict on the unchanged sentence must follow the count, not the cache.
        let base = "The orchardng plan was late.\n\nThe orcharding group met.\n"
        var texts = [base]
        var t = base
        for k in 0..<5 { t += "\nThe orcharding group met again (\(k)).\n"; texts.append(t) }
        let carried = try Self.walk(texts, incremental: true)
        #expect(carried == (try Self.walk(texts, incremental: false)))
        #expect(carried.contains("orchardng"))
    }

    /// Two answers kept from run to run: what the page hyphenates (merged-words) and where an
    /// intended word is first used (introduced-typo's evidence). An edit adding or dropping a
    /// hyphenated form, or using the intended word before its first use, must change what the
    /// walk reports exactly as a fresh walk does (the blame at the end quotes the last evidence).
    @Test func keptAnswersFollowEditsThatChangeThem() throws {
        let base = """
            The cooperative grows apples in the valley. It is a globaleader in cider apples.

            The orcharding group met. The orcharding group met again. The orcharding group met twice more.
            The orcharding group met in May. The orcharding group met in June. The orchardng plan was late.
            """
        var texts = [base]
        var t = base
        func edit(_ f: (String) -> String) { t = f(t); texts.append(t) }
        edit { $0 + "\n\nIt runs a global-scale trade.\n" }
        edit { $0.replacingOccurrences(of: "\n\nIt runs a global-scale trade.\n", with: "") }
        edit { "Its orcharding courses are known.\n\n" + $0 }
        edit { $0.replacingOccurrences(of: "in the valley", with: "in the wide valley") }
        let fresh = try Self.walk(texts, incremental: false)
        #expect(fresh.contains("globaleader"))
        #expect(fresh.contains("orchardng"))
        #expect(fresh.contains("\"resolved\":[{"))
        #expect(try Self.walk(texts, incremental: true) == fresh)
    }
}

