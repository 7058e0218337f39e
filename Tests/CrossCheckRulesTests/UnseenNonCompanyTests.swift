import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

/// Invented articles that are not about organisations: a biography and a town.
///
/// Company-only rules (status, headquarters, founder, currency) must stay silent, and the
/// legitimate variation of such articles (census years, "about", units written two ways, "née",
/// ages, year ranges, "c. 1850", decades, a name with and without its middle name, quoted titles,
/// a mayor replaced in the newer revision) must produce nothing.
@Suite struct UnseenNonCompanyTests {
    static let companyRules: Set<String> = ["status-conflict", "headquarters-conflict", "founder-conflict", "currency-mismatch"]

    /// An English novelist: dmy dates, an `{{Infobox person}}`, a summary in markdown.
    @Test func biographyFindsEveryPlantedConflictAndNothingElse() throws {
        let run = try unseenRun("brandreth")
        #expect(unseenSignatures(run) == [
            "date-conflict 03_summary:10",  // born 1962 in the summary, 1961 in the revisions
            "date-format 02_rev2023:27",  // "March 3, 2016" in a dmy article
            "duplicate-section 03_summary:12",  // "## Career" twice
            "introduced-typo 02_rev2023:27",  // "Brnadreth"
            "merged-words 03_summary:10",  // "hermost"
            "merged-words 03_summary:10",  // "inthe"
            "misplaced-event 02_rev2023:24",  // May 2011 under 2009
            "stale-claim 01_rev2015:11",  // "is currently the president"
            "unsourced-figure 03_summary:15",  // 2.5 million copies
        ])
        let date = try #require(run.findings.first { $0.rule == "date-conflict" })
        #expect(date.likelyWrong == "03_summary")
        #expect(run.findings.first { $0.rule == "introduced-typo" }?.values == ["Brnadreth", "Brandreth"])
        #expect(Set(run.findings.filter { $0.rule == "merged-words" }.compactMap(\.values.first)) == ["hermost", "inthe"])
    }

    @Test func biographyLegitimateVariationIsQuiet() throws {
        let run = try unseenRun("brandreth")
        #expect(!run.findings.contains { Self.companyRules.contains($0.rule) })
        // "aged 54", "40,000 copies", "1985–1992", "c. 1850", "the 1980s", "née Pryce".
        #expect(!run.findings.contains { $0.rule == "number-conflict" })
        #expect(!run.findings.contains { f in f.values.contains { $0.contains("54") || $0.contains("1850") || $0.contains("40000") } })
        #expect(!run.findings.contains { $0.message.contains("Pryce") || $0.message.contains("Tallis") })
        #expect(!run.findings.contains { $0.rule == "unsupported-claim" })
    }

    /// A market town: population at two censuses, area and elevation in two spellings, a mayor
    /// replaced between revisions, a plain-text rendering of the newer revision.
    @Test func placeFindsEveryPlantedConflictAndNothingElse() throws {
        let run = try unseenRun("wendlecombe")
        #expect(unseenSignatures(run) == [
            "introduced-typo 02_rev2022:29",  // "Wendlecmobe"
            "misplaced-event 02_rev2022:23",  // September 2019 under 2018
            "misplaced-event 03_rendered:19",  // the same, in the rendering
            "number-conflict 04_summary:15",  // 14,200 vs 12,400 at the 2010 census
            "stale-claim 01_rev2012:23",  // "is currently the largest"
            "unsourced-figure 04_summary:15",  // the same 14,200: no cited variant gives it
            "unsourced-figure 04_summary:16",  // 2,000 students
        ])
        let number = try #require(run.findings.first { $0.rule == "number-conflict" && $0.kind == .conflict })
        #expect(number.likelyWrong == "04_summary")
        #expect(number.severity == .warning)
    }

    @Test func placeLegitimateVariationIsQuiet() throws {
        let run = try unseenRun("wendlecombe")
        #expect(!run.findings.contains { Self.companyRules.contains($0.rule) })
        // 12,400 (2010) and 13,950 (2020) are two censuses, not one figure edited; nor is the
        // census year a date conflict.
        #expect(!run.findings.contains { $0.rule == "date-conflict" && !isValueUpdate($0) })
        #expect(!run.findings.contains { f in f.rule == "number-conflict" && f.values.contains("13,950") && !isValueUpdate(f) })
        // "about 14,000" agrees with 13,950; "5 square kilometres" and "142 m" are the cited
        // "5 km²" and "142 metres".
        #expect(!run.findings.contains { f in f.values.contains { $0.contains("14000") } })
        #expect(!run.findings.contains { f in f.rule == "unsourced-figure" && (f.values == ["5"] || f.values == ["142"]) })
        // The mayor changed, and the newer revision says so.
        #expect(!run.findings.contains { $0.message.contains("Olumide") || $0.message.contains("Sandoval") })
    }

    @Test func numberConflictYearsAreStandaloneFourDigitNumbers() {
        #expect(NumberConflictRule.years(in: "12,400 at the 2010 census, up from 11,100 in 2000.") == [2010, 2000])
        #expect(NumberConflictRule.years(in: "It sold 2,010 copies and 1.2010 units") == [])
        #expect(NumberConflictRule.years(in: "In 3000 BC") == [])
    }

    @Test func unsourcedFigureUnitsHaveOneSpelling() {
        #expect(UnsourcedFigureRule.unitWords(["square", "kilometres"]) == ["unit:km"])
        #expect(UnsourcedFigureRule.unitWords(["km\u{B2}"]) == ["unit:km"])
        #expect(UnsourcedFigureRule.unitWords(["metres", "above"]) == ["unit:m"])
        #expect(UnsourcedFigureRule.unitWords(["residents"]) == [])
    }

    /// "her" and "his" begin many real words; only a plain word behind them makes a fusion.
    @Test func possessiveRunOnsAreFusionsButRealWordsAreNot() {
        let s = WordStats(perVariant: [[:], ["most": 2, "ring": 2, "tory": 2]], total: ["most": 2, "ring": 2, "tory": 2], variantCount: ["most": 1, "ring": 1, "tory": 1])
        #expect(MergedWordsRule.judge("hermost", "hermost", stats: s, variant: 0)?.first == "her")
        #expect(MergedWordsRule.judge("hisfirst", "hisfirst", stats: s, variant: 0)?.second == "first")
        for w in ["herring", "history", "herself", "heritage", "herald", "hermit", "historian", "heroine"] {
            #expect(MergedWordsRule.judge(w, w, stats: s, variant: 0) == nil, "split \(w)")
        }
    }

    /// A US city with only legitimate variation: census figures re-cited to the new census, areas
    /// and elevations with their conversions ("8.3 km² (3.2 sq mi)", "310 m (1,017 ft)"), mdy
    /// dates, "roughly 23,000", a year range, a decade, a middle initial, a quoted title, a new mayor.
    @Test func cityWithOnlyLegitimateVariationIsSilent() throws {
        let run = try unseenRun("tolverne")
        #expect(unseenSignatures(run) == [])
    }

    @Test func numberConflictResourcedNeedsCitationsOnBothSides() {
        func sentence(_ urls: [String]) -> Sentence {
            var s = Sentence(text: "x", line: 1, sourceRange: 0..<1, spans: [], citations: [], paragraph: 0, isListItem: false)
            s.citations = urls.map { Citation(url: $0, offset: 0) }
            return s
        }
        #expect(NumberConflictRule.resourced(sentence(["a"]), sentence(["b"])))
        #expect(!NumberConflictRule.resourced(sentence(["a"]), sentence(["a", "b"])))
        #expect(!NumberConflictRule.resourced(sentence([]), sentence(["b"])))
    }

    /// An American architect (mdy dates, a hyphenated married name and "née", a spouse who died,
    /// "aged 50" and "(age 74)" beside a birth year, "As of 2016" moved to "As of 2022" with a
    /// move the newer revision cites, a news item that gives her age): nothing to report.
    @Test func biographyWithOnlyLegitimateVariationIsSilent() throws {
        let run = try unseenRun("voss")
        #expect(unseenSignatures(run) == [])
    }

    @Test func dateConflictAsOfDatesAreTimeStamps() {
        func stamp(_ text: String) -> [Bool] {
            DateNormalizer.mentions(in: text, contextYear: nil).map { DateConflictRule.isTimeStamp($0, in: text) }
        }
        #expect(stamp("As of 2016, she lives in Portland.") == [true])
        #expect(stamp("The figures, as at  March 2020, were revised in 2021.") == [true, false])
        #expect(stamp("She moved to Portland in 2016.") == [false])
    }

    /// "over 30 libraries" does not account for "45 people", and "two colleagues" is not paired
    /// with "over 30 libraries"; "12,400 residents" and "14,200 inhabitants" count the same people.
    @Test func numberConflictCountsOfDifferentThings() throws {
        func q(_ text: String) throws -> Quantity { try #require(QuantityNormalizer.quantities(in: text).first) }
        #expect(!NumberConflictRule.matches(try q("over 30 public libraries"), try q("45 people")))
        #expect(NumberConflictRule.matches(try q("over 30 public libraries"), try q("45 libraries")))
        #expect(NumberConflictRule.matches(try q("1,100 employees"), try q("1,100 people")))
        #expect(!NumberConflictRule.countSameThing(try q("two colleagues"), try q("over 30 public libraries")))
        #expect(NumberConflictRule.countSameThing(try q("12,400 residents"), try q("14,200 inhabitants")))
        #expect(NumberConflictRule.countSameThing(try q("42 concerts"), try q("24")))
    }

    /// A summary's key facts against the infobox: "Born: September 22, 1949" is not the
    /// revision's "birth_date = September 22, 1948"; an award year moved; a head count changed.
    @Test func biographySummaryKeyFactsAreCompared() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-unseen-voss-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = packageRoot + "/Tests/Fixtures/voss/"
        for name in ["crosscheck.json", "01_rev2016.wiki", "02_rev2022.wiki", "04_news.md"] {
            try FileManager.default.copyItem(atPath: fixture + name, toPath: root.appendingPathComponent(name).path)
        }
        let summary = try String(contentsOfFile: fixture + "03_summary.md", encoding: .utf8)
            .replacingOccurrences(of: "**Born**: September 22, 1948", with: "**Born**: September 22, 1949")
            .replacingOccurrences(of: "Hollis Medal (1999)", with: "Hollis Medal (2001)")
            .replacingOccurrences(of: "employed 45 people", with: "employed 54 people")
        try summary.write(to: root.appendingPathComponent("03_summary.md"), atomically: true, encoding: .utf8)
        let run = try RuleEngine.run(try VariantSet.load(paths: [root.path]))
        #expect(unseenSignatures(run) == [
            "date-conflict 03_summary:4",  // born 1949 vs 1948
            "date-conflict 03_summary:7",  // Hollis Medal 2001 vs 1999
            "number-conflict 03_summary:10",  // 54 vs 45 people (not "two colleagues")
            "unsourced-figure 03_summary:10",
        ])
        let born = try #require(run.findings.first { $0.rule == "date-conflict" && $0.primary?.line == 4 })
        #expect(born.values == ["1949-09-22", "1948-09-22"])
        #expect(born.likelyWrong == "03_summary")
        #expect(run.findings.first { $0.rule == "number-conflict" }?.values == ["54", "45"])
    }

    @Test func dateConflictFieldConcepts() {
        #expect(DateConflictRule.fieldConcept("birth_date") == DateConflictRule.fieldConcept("Born"))
        #expect(DateConflictRule.fieldConcept("death_date") == DateConflictRule.fieldConcept("Died"))
        #expect(DateConflictRule.fieldConcept("awards") == "awards")
        #expect(DateConflictRule.fieldConcept("date") == "")
    }

    /// A town summary's key facts against the infobox: the 2020 population and the
    /// incorporation date ("established_date") are wrong; the 2010 population is for another
    /// census than the infobox's and is not compared; the wrong elevation has no support.
    @Test func placeSummaryKeyFactsAreCompared() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-unseen-tolverne-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = packageRoot + "/Tests/Fixtures/tolverne/"
        for name in ["crosscheck.json", "01_rev2014.wiki", "02_rev2021.wiki"] {
            try FileManager.default.copyItem(atPath: fixture + name, toPath: root.appendingPathComponent(name).path)
        }
        let summary = try String(contentsOfFile: fixture + "03_summary.md", encoding: .utf8)
            .replacingOccurrences(of: "**Population (2020)**: 23,050", with: "**Population (2020)**: 24,050")
            .replacingOccurrences(of: "**Elevation**: 310 m (1,017 ft)", with: "**Elevation**: 301 m (988 ft)")
            .replacingOccurrences(of: "**Incorporated**: June 4, 1871", with: "**Incorporated**: June 4, 1872")
        try summary.write(to: root.appendingPathComponent("03_summary.md"), atomically: true, encoding: .utf8)
        let run = try RuleEngine.run(try VariantSet.load(paths: [root.path]))
        #expect(unseenSignatures(run) == [
            "date-conflict 03_summary:4",  // incorporated 1872 vs established 1871
            "number-conflict 03_summary:8",  // 24,050 vs 23,050 in 2020
            "unsourced-figure 03_summary:7",  // 301 m
            "unsourced-figure 03_summary:7",  // and its conversion, 988 ft
        ])
        #expect(run.findings.first { $0.rule == "number-conflict" && $0.kind == .conflict }?.values == ["24,050", "23,050"])
        #expect(run.findings.first { $0.rule == "number-conflict" && $0.kind == .conflict }?.likelyWrong == "03_summary")
    }

    /// Between revisions a figure restated for another census is an update; a summary that moves
    /// both the year and the figure of the same statement is still reported, once, as a date.
    @Test func summaryMovingYearAndFigureIsReportedOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-unseen-census-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let files = [
            ("a.txt", "The reservoir at Millbeck was finished by the county engineers.\n\nAt the 2010 count the reservoir held 4,100 swans, the most in the county.\n"),
            ("b.txt", "The reservoir at Millbeck was finished by the county engineers.\n\nAt the 2020 count the reservoir held 5,300 swans, the most in the county.\n"),
            ("c.txt", "The reservoir at Millbeck was finished by the county engineers.\n\nAt the 2021 count the reservoir held 6,900 swans, the most in the county.\n"),
        ]
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let manifest = """
            {"subject": "Millbeck", "variants": [
              {"path": "a.txt", "role": "revision", "format": "plaintext", "date": "2012-01"},
              {"path": "b.txt", "role": "revision", "format": "plaintext", "date": "2022-01"},
              {"path": "c.txt", "role": "summary", "format": "plaintext", "date": "2023"}]}
            """
        try manifest.write(to: root.appendingPathComponent("crosscheck.json"), atomically: true, encoding: .utf8)
        let run = try RuleEngine.run(try VariantSet.load(paths: [root.path]))
        let dates = run.findings.filter { $0.rule == "date-conflict" || $0.rule == "number-conflict" }
        #expect(dates.map(\.rule) == ["date-conflict"])
        #expect(dates.first?.likelyWrong == "c")
        #expect(dates.first?.severity == .warning)
    }
}
