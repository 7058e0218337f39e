import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckTestSupport

@Suite struct TextRuleTests {
    @Test func yearHeadings() {
        #expect(MisplacedEventRule.years(ofHeading: "2019") == 2019...2019)
        #expect(MisplacedEventRule.years(ofHeading: "2010–2015") == 2010...2015)
        #expect(MisplacedEventRule.years(ofHeading: "2010-2015") == 2010...2015)
        #expect(MisplacedEventRule.years(ofHeading: "2010 to 2015") == 2010...2015)
        #expect(MisplacedEventRule.years(ofHeading: "2020–present")?.lowerBound == 2020)
        #expect(MisplacedEventRule.years(ofHeading: "History") == nil)
        #expect(MisplacedEventRule.years(ofHeading: "2019 funding round") == nil)
        #expect(MisplacedEventRule.years(ofHeading: "2015–2010") == nil)
    }

    @Test func openingDateOnlyAtTheStart() {
        #expect(MisplacedEventRule.openingDate("In September 2018, the firm joined.")?.date == PartialDate(year: 2018, month: 9))
        #expect(MisplacedEventRule.openingDate("On 20 September 2018, it was named.")?.date == PartialDate(year: 2018, month: 9, day: 20))
        #expect(MisplacedEventRule.openingDate("During 2015, it grew.")?.date.year == 2015)
        #expect(MisplacedEventRule.openingDate("In early 2016, it moved.")?.date.year == 2016)
        #expect(MisplacedEventRule.openingDate("The plan was cancelled in 2020 following a review.") == nil)
        #expect(MisplacedEventRule.openingDate("Since 2015, it has grown.") == nil)
        #expect(MisplacedEventRule.openingDate("On 9 July, it sang.") == nil)
    }

    @Test func dateRewrite() {
        let m = DateNormalizer.mentions(in: "On February 18, 2022, it listed.").first
        let mention = try? #require(m)
        #expect(mention?.style == .mdy)
        #expect(mention.flatMap { DateFormatRule.rewrite($0, as: .dmy) } == "18 February 2022")
        let bare = DateNormalizer.mentions(in: "On August 9, it launched.").first
        #expect(bare.flatMap { DateFormatRule.rewrite($0, as: .dmy) } == "9 August")
    }

    @Test func relativeWording() {
        let kinds = Set(StaleClaimRule.relativeWording("It is currently the world's most valuable firm.").map(\.kind))
        #expect(kinds == ["currently", "is the most"])
        #expect(StaleClaimRule.relativeWording("It is, as of 27 November 2019, leading a committee.").map(\.kind) == ["as of"])
        #expect(StaleClaimRule.relativeWording("In November 2019, it led a committee.").isEmpty)
        #expect(StaleClaimRule.relativeWording("It was the largest firm.").isEmpty)
    }

    @Test func headingNormalisation() {
        #expect(DuplicateSectionRule.normalise("Controversies & Challenges") == DuplicateSectionRule.normalise("controversies and  challenges"))
        #expect(DuplicateSectionRule.normalise("History") != DuplicateSectionRule.normalise("Histories"))
    }

    @Test func typoCandidatesAndInflections() {
        // Candidates share the first and last letters and differ in length by at most one.
        let stats = WordStats(
            perVariant: [[:]], total: ["abcd": 5, "abd": 6, "abxcd": 7, "abzd": 5, "xbcd": 9, "abcde": 9, "rare": 1],
            variantCount: [:])
        #expect(IntroducedTypoRule.FrequentWords(stats).candidates(for: "acbd") == ["abcd", "abd", "abxcd", "abzd"])
        #expect(IntroducedTypoRule.isInflection("model", "models"))
        #expect(IntroducedTypoRule.isInflection("denied", "denies"))
        #expect(!IntroducedTypoRule.isInflection("brightwater", "brightwatter"))
        #expect(IntroducedTypoRule.isSpellingVariant("organise", "organize"))
    }
}


@Suite struct TypoEditTests {
    @Test func classifiesSlips() {
        #expect(IntroducedTypoRule.classify(typo: "brightwatter", intended: "brightwater")?.kind == .doubling)
        #expect(IntroducedTypoRule.classify(typo: "flagshp", intended: "flagship")?.kind == .deletion)
        #expect(IntroducedTypoRule.classify(typo: "recieve", intended: "receive")?.kind == .transposition)
        #expect(IntroducedTypoRule.classify(typo: "forums", intended: "forms")?.kind == .insertion)
        #expect(IntroducedTypoRule.classify(typo: "print", intended: "point")?.kind == .substitution)
        #expect(IntroducedTypoRule.classify(typo: "raising", intended: "arising")?.interior != true)
        #expect(IntroducedTypoRule.classify(typo: "realm", intended: "real")?.interior == false)
        #expect(IntroducedTypoRule.classify(typo: "cleft", intended: "left")?.interior == false)
        #expect(IntroducedTypoRule.classify(typo: "abcdef", intended: "uvwxyz") == nil)
    }
}

@Suite struct StaleClaimQuoteTests {
    @Test func wordsInsideQuotationsAreNotTheArticlesClaims() {
        #expect(StaleClaimRule.relativeWording("He said \"protests are now powerless\" in 2003.").isEmpty)
        #expect(StaleClaimRule.relativeWording("He said “protests are now powerless” in 2003.").isEmpty)
        #expect(!StaleClaimRule.relativeWording("Protests are now powerless, he said.").isEmpty)
        // An unclosed quote hides nothing.
        #expect(!StaleClaimRule.relativeWording("The firm is \"currently the largest maker.").isEmpty)
        #expect(StaleClaimRule.outsideQuotes("a \"b\" c").utf8.count == "a \"b\" c".utf8.count)
    }
}
