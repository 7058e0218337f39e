import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite struct FactsDateNormalizerTests {
    func one(_ text: String, contextYear: Int? = nil) -> DateMention? {
        let m = DateNormalizer.mentions(in: text, contextYear: contextYear)
        return m.count == 1 ? m[0] : nil
    }

    @Test func dayMonthYear() throws {
        let m = try #require(one("On 18 February 2022, it opened."))
        #expect(m.date == PartialDate(year: 2022, month: 2, day: 18))
        #expect(m.style == .dmy)
        #expect(m.text == "18 February 2022")
        #expect(m.range == 3..<19)
        #expect(!m.yearInferred)
    }

    @Test func monthDayYear() throws {
        let m = try #require(one("On February 18, 2022 it opened."))
        #expect(m.date == PartialDate(year: 2022, month: 2, day: 18))
        #expect(m.style == .mdy)
        #expect(m.text == "February 18, 2022")
    }

    @Test func yearlessDatesTakeTheContextYear() throws {
        let a = try #require(one("On 18 February the firm moved.", contextYear: 2019))
        let b = try #require(one("On February 18 the firm moved.", contextYear: 2019))
        #expect(a.date == b.date)
        #expect(a.date == PartialDate(year: 2019, month: 2, day: 18))
        #expect(a.style == .dmy && b.style == .mdy)
        #expect(a.yearInferred && b.yearInferred)
        let c = try #require(one("On 18 February the firm moved."))
        #expect(c.date.year == 0 && c.yearInferred)
    }

    @Test func abbreviatedMonthWithDot() throws {
        let m = try #require(one("Announced Nov. 22 at noon.", contextYear: 2021))
        #expect(m.date == PartialDate(year: 2021, month: 11, day: 22))
        #expect(m.style == .mdy)
        #expect(m.text == "Nov. 22")
    }

    @Test func isoTimestamp() throws {
        let m = try #require(one("date: 2021-11-23T21:42:00Z"))
        #expect(m.date == PartialDate(year: 2021, month: 11, day: 23))
        #expect(m.style == .iso)
        #expect(m.text == "2021-11-23T21:42:00Z")
        #expect(one("2021-11-23")?.style == .iso)
    }

    @Test func monthYearAndYear() {
        let ms = DateNormalizer.mentions(in: "In December 2021 it listed; founded in 2014.")
        #expect(ms.map(\.style) == [.monthYear, .year])
        #expect(ms.map(\.date) == [PartialDate(year: 2021, month: 12), PartialDate(year: 2014)])
        #expect(ms[0].date.agrees(with: PartialDate(year: 2021, month: 12, day: 30)))
        #expect(ms[1].date.agrees(with: PartialDate(year: 2014, month: 10, day: 15)))
    }

    @Test func notDates() {
        #expect(DateNormalizer.mentions(in: "It has 1,2014 staff and $2021 cash, 2014% growth, No. 1098 road.").isEmpty)
        #expect(DateNormalizer.mentions(in: "You may 3 times.").isEmpty)
        #expect(DateNormalizer.mentions(in: "at 3:18 February").isEmpty)
        #expect(DateNormalizer.mentions(in: "in the 1870's and 1880s and the 1890’s").isEmpty)
        #expect(DateNormalizer.mentions(in: "30 February 2020").map(\.style) == [.monthYear])
        #expect(DateNormalizer.mentions(in: "US$767 million and 2,000 people").isEmpty)
    }

    @Test func rangesAndOrdinals() {
        let ms = DateNormalizer.mentions(in: "From 2014–2017, then the 18th of February 2022.")
        #expect(ms.map(\.date) == [PartialDate(year: 2014), PartialDate(year: 2017), PartialDate(year: 2022, month: 2, day: 18)])
        #expect(ms.last?.style == .dmy)
    }

    @Test func dayMonthWithCommaYear() {
        let ms = DateNormalizer.mentions(in: "on 5 March, 2020 and March 5 2020")
        #expect(ms.map(\.date) == [PartialDate(year: 2020, month: 3, day: 5), PartialDate(year: 2020, month: 3, day: 5)])
    }

    @Test func parseField() {
        #expect(DateNormalizer.parse("October 2014") == PartialDate(year: 2014, month: 10))
        #expect(DateNormalizer.parse("{{start date|2014}}") == PartialDate(year: 2014))
        #expect(DateNormalizer.parse("no date") == nil)
    }
}
