import Testing
@testable import CrossCheckCore

/// What is a figure, and how locales write numbers and dates (issue 9).
@Suite struct LocaleNumberTests {
    func q(_ text: String) -> [Quantity] { QuantityNormalizer.quantities(in: text) }
    func d(_ text: String) -> [String] { DateNormalizer.mentions(in: text).map(\.date.description) }

    @Test func spaceGroupedThousands() throws {
        #expect(q("The valley has 8 871 residents.").map(\.value) == [8871])
        #expect(q("It counted 1\u{202F}204\u{202F}330 voters.").map(\.value) == [1_204_330])
        #expect(q("It counted 1\u{A0}204 voters.").map(\.value) == [1204])
        // A year is not a thousands group: "in 2015 200 people".
        #expect(q("in 2015 200 people came").map(\.value) == [200])
    }

    @Test func decimalCommaAndDotThousands() throws {
        let share = try #require(q("Frauen stellen 45,43% der Bewohner.").first)
        #expect(share.kind == .percent && share.value == 45.43)
        #expect(q("Es kamen 250.000 Dollar zusammen.").first?.value == 250_000)
        #expect(q("Es kamen 1.234.567 Besucher.").first?.value == 1_234_567)
        // English decimals and thousands are unchanged.
        #expect(q("a share of 7.5% and 1,200 members").map(\.value) == [7.5, 1200])
    }

    /// "1,234" and "1.234" are the one shape the locales disagree on: the text's language decides
    /// (a decimal comma in German, Russian, French...), and without one the English reading holds.
    @Test func theLanguageReadsASingleSeparatorBeforeThreeDigits() throws {
        func de(_ text: String) -> [Double] { QuantityNormalizer.quantities(in: text, decimalComma: QuantityNormalizer.decimalComma("de")).map(\.value) }
        func en(_ text: String) -> [Double] { QuantityNormalizer.quantities(in: text, decimalComma: QuantityNormalizer.decimalComma("en")).map(\.value) }
        #expect(de("Der Tank fasst 1,234 Tonnen.") == [1.234])
        #expect(en("The tank holds 1,234 tonnes.") == [1234])
        #expect(de("Die Stadt hat 1.234 Einwohner.") == [1234])
        #expect(en("The rod is 1.234 metres long.") == [1.234])
        #expect(de("Es kamen 1.234,5 Tonnen.") == [1234.5])
        #expect(de("Es kamen 1,234,567 Besucher.") == [1_234_567])
        #expect(de("Der Anteil lag bei 2,5 %.") == [2.5])
        #expect(QuantityNormalizer.decimalComma("ru") == true && QuantityNormalizer.decimalComma("en") == false)
        #expect(QuantityNormalizer.decimalComma(nil) == nil)
        // Scale words of other languages.
        #expect(de("Der Umsatz lag bei 2,5 Mio. Euro.") == [2_500_000])
        #expect(de("Der Umsatz lag bei 1,234 Mrd. Euro.") == [1_234_000_000])
        #expect(QuantityNormalizer.quantities(in: "выручка 1,2 млрд рублей", decimalComma: true).map(\.value) == [1_200_000_000])
        // Unknown language: the number's own shape, as before.
        #expect(q("It has 1,234 members.").map(\.value) == [1234])
    }

    @Test func aLengthInMetresIsNoMillion() throws {
        let length = try #require(q("length = 11.0m").first)
        #expect(length.value == 11 && length.kind == .count && length.following.first == "m")
        #expect(q("It has 5m users.").first?.value == 5_000_000)
        #expect(q("It raised $5m.").first?.value == 5_000_000)
    }

    @Test func identifiersAreNoFigures() {
        #expect(q("the charts of version 6.2 and release 11").isEmpty)
        #expect(q("the address 10.0.0.1 answers").isEmpty)
    }

    @Test func valuesWrittenForPeople() throws {
        func r(_ text: String) throws -> String { QuantityNormalizer.readable(try #require(q(text).first)) }
        #expect(try r("raised US$767 million") == "US$767 million")
        #expect(try r("worth $4,099,999,999.9999995") == "$4.1 billion")
        #expect(try r("over €355m") == "over €355 million")
        #expect(try r("1,200+ members") == "over 1,200")
        #expect(try r("45,43%") == "45.43%")
        #expect(try r("CHF 300 million") == "CHF 300 million")
    }

    @Test func numericAndEraDates() {
        #expect(d("died 12.11.2007 in prison") == ["2007-11-12"])
        #expect(d("signed 21/01/2005") == ["2005-01-21"])
        #expect(d("signed 01/21/2005") == ["2005-01-21"])
        // Either order reads: no guess.
        #expect(d("signed 03/04/2005").isEmpty)
        #expect(d("By 300 BC the town had walls") == ["300 BC"])
        #expect(d("founded 44 B.C. by") == ["44 BC"])
        #expect(d("opened 13 ตุลาคม พ.ศ. 2559") == ["2016-10-13"])
        #expect(d("in พ.ศ. 2516 the hall") == ["1973"])
        #expect(d("умер 21 января 2005 года") == ["2005-01-21"])
    }

    @Test func seasonLabelsAreDatesNotCounts() {
        #expect(d("the 2016–17 season") == ["2016"])
        #expect(q("the 2016–17 season and the 2019-20 season").isEmpty)
    }
}
