import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

/// Edits that change a figure or a date, in prose and in template parameters (issue 9).
@Suite struct ChangedValueTests {
    func revisions(_ old: String, _ new: String) throws -> VariantSet {
        func variant(_ id: String, _ text: String, _ order: Int) throws -> Variant {
            let source = try SourceText(path: id + ".wiki", bytes: Array(text.utf8))
            var doc = try DocumentParser.parse(source, format: .wikitext)
            doc.role = .revision
            doc.date = nil
            return Variant(id: id, document: doc, order: order)
        }
        return VariantSet(subject: nil, variants: [try variant("old", old, 0), try variant("new", new, 1)], manifest: nil)
    }

    func run(_ old: String, _ new: String) throws -> [Finding] {
        try RuleEngine.run(try revisions(old, new)).findings
    }

    @Test func aParameterChangedUnderItsUnchangedReferenceIsAWarning() throws {
        let old = "{{Infobox concert\n| venue = Corn Hall\n| audience = 1,500<ref>Gazette, May</ref>\n}}\nThe Harrow Orchestra played there.\n"
        let new = "{{Infobox concert\n| venue = Corn Hall\n| audience = 1,850<ref>Gazette, May</ref>\n}}\nThe Harrow Orchestra played there.\n"
        let fs = try run(old, new).filter { $0.rule == "number-conflict" }
        let f = try #require(fs.first)
        #expect(fs.count == 1)
        #expect(f.severity == .warning)
        #expect(f.message.contains("unchanged citation"))
        #expect(f.message.contains("audience: 1,500 (old) -> 1,850 (new)"))
        #expect(f.evidence.first?.line == 3)
    }

    /// An uncited value was the editor's word before and after the edit: the change is reported,
    /// as information (issue 9: uncited values are at most `info`, and only where an edit makes them).
    @Test func aParameterChangedWithoutASourceIsReportedAsInformation() throws {
        let old = "{{Infobox concert\n| venue = Corn Hall\n| audience = 1,500 (estimated)\n}}\nThe Harrow Orchestra played there.\n"
        let new = "{{Infobox concert\n| venue = Corn Hall\n| audience = 1,850\n}}\nThe Harrow Orchestra played there.\n"
        let fs = try run(old, new).filter { $0.rule == "number-conflict" }
        let f = try #require(fs.first)
        #expect(fs.count == 1)
        #expect(f.severity == .info)
        #expect(f.message.contains("changed with no citation in parameter audience: 1,500 (old) -> 1,850 (new)"))
    }

    @Test func proseChangedUnderAnUnchangedCitationIsAWarningAndWithoutOneInformation() throws {
        let cited = try run("By 300 BC the dialects had split.<ref>Grierson 1919</ref> They spread east.\n",
            "By 3000 BC the dialects had split.<ref>Grierson 1919</ref> They spread east.\n").filter { $0.rule == "date-conflict" }
        #expect(cited.map(\.severity) == [.warning])
        let uncited = try run("By 300 BC the dialects had split. They spread east.\n", "By 3000 BC the dialects had split. They spread east.\n")
            .filter { $0.rule == "date-conflict" }
        #expect(uncited.map(\.severity) == [.info])
        #expect(uncited.first?.message.contains("300 BC (old) -> 3000 BC (new)") == true)
    }

    @Test func aParameterChangedWithANewReferenceIsAnUpdate() throws {
        let old = "{{Infobox concert\n| venue = Corn Hall\n| audience = 1,500<ref>Gazette, May</ref>\n}}\nText.\n"
        let new = "{{Infobox concert\n| venue = Corn Hall\n| audience = 1,850<ref>Gazette, June</ref>\n}}\nText.\n"
        let f = try #require(try run(old, new).first { $0.rule == "number-conflict" })
        #expect(f.severity == .info)
        #expect(f.message.contains("new citation"))
    }

    @Test func aDateParameterChangeIsADateChange() throws {
        let old = "{{Infobox person\n| name = Ada Wren\n| death_date = 12.11.2007<ref name=obit/>\n}}\nAda Wren was a painter.\n"
        let new = "{{Infobox person\n| name = Ada Wren\n| death_date = 21.01.2005<ref name=obit/>\n}}\nAda Wren was a painter.\n"
        let fs = try run(old, new)
        let f = try #require(fs.first { $0.rule == "date-conflict" })
        #expect(f.severity == .warning)
        #expect(f.values == ["2007-11-12", "2005-01-21"])
        #expect(!fs.contains { $0.rule == "number-conflict" })
    }

    /// "1.234" is a thousand and more in German and a decimal in English: the revision's language
    /// reads it, so rewriting it as "1234" changes nothing in German text (issue 9, locale formats).
    @Test func theRevisionsLanguageReadsItsNumbers() throws {
        let german = "Die Genossenschaft wurde im Jahr der großen Ernte von den Bauern des Tals gegründet, und sie ist heute noch dort tätig. Sie hat %@ Mitglieder, die in den Dörfern und auf den Höfen der Umgebung leben und arbeiten.<ref>Jahresbericht</ref> Die meisten von ihnen bauen Äpfel an.\n"
        let de = try run(german.replacingOccurrences(of: "%@", with: "1.234"), german.replacingOccurrences(of: "%@", with: "1234"))
        #expect(!de.contains { $0.rule == "number-conflict" })
        let english = "The cooperative was founded by the farmers of the valley in the year of the great harvest, and it is still active there today. It has %@ members, who live and work in the villages and on the farms of the area.<ref>Annual report</ref> Most of them grow apples.\n"
        let en = try run(english.replacingOccurrences(of: "%@", with: "1.234"), english.replacingOccurrences(of: "%@", with: "1234"))
        #expect(en.contains { $0.rule == "number-conflict" })
    }

    @Test func runningTalliesWithAnUpdateStampAreRoutine() throws {
        let old = "{{Infobox club player\n| name = Ada Wren\n| goals1 = 27\n| club-update = 17 February 2019\n}}\nAda Wren plays football.\n"
        let new = "{{Infobox club player\n| name = Ada Wren\n| goals1 = 34\n| club-update = 10 April 2019\n}}\nAda Wren plays football.\n"
        let fs = try run(old, new).filter { $0.rule == "number-conflict" || $0.rule == "date-conflict" }
        #expect(!fs.isEmpty)
        #expect(fs.allSatisfy { $0.severity == .info })
    }

    /// The fixtures' revisions update figures with a new citation or a new census year: every
    /// such change is information, none a warning.
    @Test func fixtureUpdatesAreInformation() throws {
        var updates = 0
        for name in ["marrowby", "hanbit", "wendlecombe", "tolverne"] {
            let changes = try unseenRun(name).findings.filter { ($0.rule == "number-conflict" || $0.rule == "date-conflict") && $0.kind == .change }
            #expect(changes.allSatisfy { $0.severity == .info }, "\(name): \(changes.map(\.message))")
            updates += changes.count
        }
        #expect(updates >= 4)
    }

    @Test func layoutParametersAreNoFacts() throws {
        let old = "{|\n|-\n| rowspan = 2 | Ada\n|}\n{{Infobox place\n| image_size = 250px\n| name = Wendle\n}}\nText.\n"
        let new = "{|\n|-\n| rowspan = 3 | Ada\n|}\n{{Infobox place\n| image_size = 300px\n| name = Wendle\n}}\nText.\n"
        #expect(try run(old, new).filter { $0.kind == .change }.isEmpty)
    }

    @Test func aProseDateChangedUnderTheSameCitationIsAWarning() throws {
        let old = "The fort was built by 300 BC on the hill.<ref>Survey</ref>\n"
        let new = "The fort was built by 3000 BC on the hill.<ref>Survey</ref>\n"
        let f = try #require(try run(old, new).first { $0.rule == "date-conflict" })
        #expect(f.severity == .warning)
        #expect(f.message.contains("unchanged citation: 300 BC (old) -> 3000 BC (new)"))
    }

    @Test func aLoneRevisionsUncitedFiguresAreNotReported() throws {
        let source = try SourceText(path: "rev.wiki", bytes: Array("{{Infobox town\n| population = 12,400\n}}\nWendle has 12,400 residents and 3,100 households; 61% own their home.\n".utf8))
        let doc = try DocumentParser.parse(source, format: .wikitext)
        let set = VariantSet(subject: nil, variants: [Variant(id: "rev", document: doc, order: 0)], manifest: nil)
        #expect(try RuleEngine.run(set).findings.filter { $0.rule == "unsourced-figure" }.isEmpty)
    }
}
