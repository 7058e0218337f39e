import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct VariantInferenceTests {
    @Test(arguments: [
        "000_1c75f7c1b93db0bb.txt", "001_e3333450b7a6811b.txt", "002_73259c55204946b0.txt", "003_7ef685683aa46a24.txt",
        "004_dae551df292514b4.txt",
    ])
    func roleAndDateAgreeWithTheManifest(name: String) throws {
        let manifest = try Manifest.load(path: seedPath("crosscheck.json"))
        let entry = try #require(manifest.variants.first { $0.path == name })
        let d = try fmtSeed(name)
        #expect(d.role == entry.role)
        let date = try #require(d.date)
        let want = try #require(entry.date)
        #expect(date.agrees(with: want), "\(name): inferred \(date), manifest \(want)")
        #expect(date.grain >= want.grain)
    }

    @Test func seedDatesAtTheirGrain() throws {
        #expect(try fmtSeed("000_1c75f7c1b93db0bb.txt").date == PartialDate(year: 2024, month: 12))
        #expect(try fmtSeed("003_7ef685683aa46a24.txt").date == PartialDate(year: 2023))
        #expect(try fmtSeed("004_dae551df292514b4.txt").date == PartialDate(year: 2021, month: 11, day: 23))
        // The newer revision's latest event; its {{Use dmy dates|date=December 2021}} is only a lower bound.
        #expect(try fmtSeed("001_e3333450b7a6811b.txt").date == PartialDate(year: 2023, month: 12))
        // The older revision says "as of 27 November 2019"; a retrospective "in 2020" does not move it.
        #expect(try fmtSeed("002_73259c55204946b0.txt").date == PartialDate(year: 2019, month: 11, day: 27))
    }

    @Test func seedsOrderOldestToNewestByInferredDate() throws {
        let names = ["000_1c75f7c1b93db0bb.txt", "001_e3333450b7a6811b.txt", "002_73259c55204946b0.txt", "003_7ef685683aa46a24.txt", "004_dae551df292514b4.txt"]
        let dated = try names.map { ($0, try #require(try fmtSeed($0).date)) }
        let order = dated.sorted { $0.1 < $1.1 }.map { String($0.0.prefix(3)) }
        #expect(order == ["002", "004", "003", "001", "000"])
    }

    @Test func scannerFindsTheCommonDateShapes() {
        let m = DateScanner.scan("In December 2023 and on 27 November 2019, also November 5, 2020, 2021-03-04, 2022-07 and 1998; not $2019 or 2019% or 2,019 or 0020.HK. By 2030.")
        #expect(m.map(\.date) == [
            PartialDate(year: 2023, month: 12), PartialDate(year: 2019, month: 11, day: 27), PartialDate(year: 2020, month: 11, day: 5),
            PartialDate(year: 2021, month: 3, day: 4),
            // "2022-07" may be a season ("2010-11") as well as a month: only its year is certain.
            PartialDate(year: 2022), PartialDate(year: 1998), PartialDate(year: 2030),
        ])
        #expect(m.last?.future == true)
        #expect(DateScanner.scan("as of 27 November 2019").first?.asOf == true)
        #expect(DateScanner.scan("you may 2019").isEmpty == false)  // the bare year still counts
        #expect(DateScanner.scan("you may 2019").first?.date == PartialDate(year: 2019))
    }

    @Test func asOfDateOutranksALaterBareYear() throws {
        var d = try fmtPlain("Title\n\n# Title\n\nX was cancelled in 2020. X is, as of 27 November 2019, leading a committee.\n")
        d.date = VariantInference.date(of: d)
        #expect(d.date == PartialDate(year: 2019, month: 11, day: 27))
        var e = try fmtPlain("Title\n\n# Title\n\nIn March 2019 it began. 2021 revenue grew.\n")
        e.date = VariantInference.date(of: e)
        #expect(e.date == PartialDate(year: 2021))
    }

    @Test func referenceSectionsAreNotEvents() throws {
        let d = try fmtPlain("T\n\n# T\n\nIn March 2019 it began.\n\n## References\n\n1. Some title. Retrieved 5 June 2024.\n")
        #expect(VariantInference.date(of: d) == PartialDate(year: 2019, month: 3))
    }

    @Test func declaredDateIsALowerBound() throws {
        let s = try source("{{Use dmy dates|date=December 2021}}\nIn 2019 it began.\n")
        var d = try MarkdownParser.parse(s)
        d.format = .wikitext
        #expect(VariantInference.date(of: d) == PartialDate(year: 2021, month: 12))
    }

    @Test func rolesFromStructure() throws {
        #expect(VariantInference.role(of: try fmtMarkdown("- **K**: v\n")) == .summary)
        #expect(VariantInference.role(of: try fmtMarkdown("A claim.[^1]\n")) == .revision)
        #expect(VariantInference.role(of: try fmtPlain("Text.\n")) == .revision)
        #expect(VariantInference.role(of: try fmtFrontMatter("---\na: b\n---\n")) == .source)
    }

    @Test func frontMatterDateKeysWin() throws {
        let d = try DocumentParser.parse(source("---\ntitle: t\ndate: \"5 March 2020\"\nexcerpt: In December 2023 things.\n---\n"))
        #expect(d.date == PartialDate(year: 2020, month: 3, day: 5))
        let p = try DocumentParser.parse(source("---\npublished: false\nexcerpt: In December 2023 things.\n---\n"))
        #expect(p.date == PartialDate(year: 2023, month: 12))
    }
}

@Suite struct DateScannerShortcutTests {
    @Test func sentencesWithoutAFourDigitRunHaveNoCountedDate() {
        #expect(DateScanner.hasFourDigits("In December 2023 it grew."))
        #expect(DateScanner.hasFourDigits("2019-11-27"))
        #expect(!DateScanner.hasFourDigits("On 18 February it grew by 123 units."))
        #expect(!DateScanner.hasFourDigits("No digits at all."))
        // The shortcut never hides a date the full normaliser would count (a year of four digits).
        for text in ["On 18 February it grew.", "Founded in 1998.", "Revenue was 1,234 units.", "As of 27 November 2019, it led.",
                     "Nov. 22 and Dec. 3", "In '98 it moved.", "2019-11", "the 1990s", "Q3 FY21"] {
            let counted = DateNormalizer.mentions(in: text).contains { !$0.yearInferred && $0.date.year >= 1000 }
            #expect(!counted || DateScanner.hasFourDigits(text), "\(text)")
        }
        #expect(DateScanner.scan("Revenue was 1,234 units.").isEmpty)
        #expect(DateScanner.scan("Founded in 1998.").first?.date == PartialDate(year: 1998))
    }
}

@Suite struct FileNameDateTests {
    @Test func isoDatesInFileNamesAreRead() {
        #expect(VariantInference.fileNameDate("corpus/2006-01-20_338514677.wiki") == PartialDate(year: 2006, month: 1, day: 20))
        #expect(VariantInference.fileNameDate("backup-2019-11.md") == PartialDate(year: 2019, month: 11))
        #expect(VariantInference.fileNameDate("2019-11-27T10-00.txt") == PartialDate(year: 2019, month: 11, day: 27))
        #expect(VariantInference.fileNameDate("seeds/001_e3333450b7a6811b.txt") == nil)
        #expect(VariantInference.fileNameDate("12019-11-27.txt") == nil)
        #expect(VariantInference.fileNameDate("id-1234-56.txt") == nil)
        #expect(VariantInference.fileNameDate("2019-13-01.txt") == nil)
        #expect(VariantInference.fileNameDate("2019-11/notes.txt") == nil)  // only the file's own name
    }

    @Test func aFileNameDateOrdersRevisionsOverTheEventsTheyMention() throws {
        // The newer revision mentions only older events; its name says when it was written.
        let dir = NSTemporaryDirectory() + "crosscheck-fnd-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Acme was founded in 1990. In 2001 it moved.\n".write(toFile: dir + "/2005-03-01_a.txt", atomically: true, encoding: .utf8)
        try "Acme was founded in 1990.\n".write(toFile: dir + "/2009-06-30_b.txt", atomically: true, encoding: .utf8)
        let set = try VariantSet.load(paths: [dir])
        #expect(set.variants.map(\.id) == ["2005-03-01_a", "2009-06-30_b"])
        #expect(set.variants.last?.document.date == PartialDate(year: 2009, month: 6, day: 30))
    }
}
