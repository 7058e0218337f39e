import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite struct FactsQuantityNormalizerTests {
    func q(_ text: String) -> [Quantity] { QuantityNormalizer.quantities(in: text) }

    @Test func moneyWithScalesAndCurrencies() throws {
        let a = try #require(q("Series B raised US$410 million.").first)
        #expect(a.kind == .money && a.value == 410e6 && a.currency == Currency("USD") && a.text == "US$410 million")
        let b = try #require(q("2023 Revenue: $1.2B (estimated)").first)
        #expect(b.kind == .money && b.value == 1.2e9 && b.currency == .unknownDollar)
        let c = try #require(q("a HK$3.5 bn deal").first)
        #expect(c.currency == Currency("HKD") && c.value == 3.5e9)
        #expect(q("€20 million")[0].currency == Currency("EUR"))
        #expect(q("£5m")[0].currency == Currency("GBP"))
        #expect(q("¥100")[0].currency == .yenOrYuan)
        #expect(q("RMB 2 billion")[0].currency == Currency("CNY"))
        #expect(q("5 billion yuan")[0].currency == Currency("CNY"))
        #expect(q("20 million euros")[0].currency == Currency("EUR"))
        #expect(q("USD 7 million")[0].currency == Currency("USD"))
        #expect(q("38 pounds of flour")[0].kind == .count)
        #expect(q("5 million pounds")[0].currency == Currency("GBP"))
        #expect(q("300 pounds sterling")[0].currency == Currency("GBP"))
    }

    @Test func placeDollarsTakeThePlaceInitials() throws {
        let a = try #require(q("Its $767 million Hong Kong dollars offering").first)
        #expect(a.kind == .money && a.value == 767e6 && a.currency == Currency("HKD"))
        #expect(a.text == "$767 million Hong Kong dollars")
        #expect(q("40 million New Zealand dollars")[0].currency == Currency("NZD"))
        #expect(q("40 million Australian dollars")[0].currency == Currency("AUD"))
        #expect(q("40 million dollars")[0].currency == .unknownDollar)
    }

    @Test func bareDollarInheritsAnEarlierExplicitDollar() throws {
        let ms = q("downsized from an expected US$2 billion to $767 million due to a crackdown")
        #expect(ms.count == 2)
        #expect(ms[1].currency == Currency("USD") && ms[1].currencyInferred)
        #expect(ms[1].value == 767e6)
        #expect(q("valued at $7.7 billion")[0].currency == .unknownDollar)
    }

    @Test func bounds() {
        #expect(q("valued at over $7.7 billion")[0].bound == .atLeast)
        #expect(q("more than 700 global customers")[0].bound == .atLeast)
        #expect(q("1,200+ enterprises")[0].bound == .atLeast)
        #expect(q("1,200+ enterprises")[0].value == 1200)
        #expect(q("about 3,000 staff")[0].bound == .approximate)
        #expect(q("up to 16 papers")[0].bound == .atMost)
        #expect(q("under 5%")[0].bound == .atMost)
    }

    @Test func agreementsAcrossWordingAndBounds() throws {
        let over = try #require(q("valued at over $7.7 billion").first)
        let exact = try #require(q("valued at $7.7 billion").first)
        #expect(over.agrees(with: exact))
        let nine = try #require(q("nine papers").first)
        let nineDigits = try #require(q("9 papers").first)
        #expect(nine.agrees(with: nineDigits) && nine.spelledOut && !nineDigits.spelledOut)
        #expect(nine.following == ["papers"])
        let hk = try #require(q("HK$767 million").first)
        let us = try #require(q("US$767 million").first)
        #expect(!hk.agrees(with: us))
        #expect(hk.sameAmount(as: us))
        #expect(q("$767 million")[0].agrees(with: hk))  // a bare $ may be any dollar
        #expect(!q("16 papers")[0].agrees(with: q("9 papers")[0]))
        #expect(q("about 100")[0].agrees(with: q("105")[0]))
    }

    @Test func numbersWordsPercentsOrdinalsRanges() {
        #expect(q("sixteen papers")[0].value == 16)
        #expect(q("twenty-five staff")[0].value == 25)
        #expect(q("a dozen labs")[0].value == 12)
        #expect(q("54,000,000 cores")[0].value == 54_000_000)
        #expect(q("Growth Rate: 45% YoY")[0].kind == .percent)
        #expect(q("Growth Rate: 45% YoY")[0].value == 45)
        #expect(q("40 per cent of revenue")[0].kind == .percent)
        #expect(q("12 percent")[0].kind == .percent)
        #expect(q("won first place")[0].kind == .ordinal)
        #expect(q("the 3rd round")[0].kind == .ordinal && q("the 3rd round")[0].value == 3)
        let r = q("3–5 million users")[0]
        #expect(r.value == 3e6 && r.upper == 5e6)
        #expect(q("from 0.15 to 1.76").map(\.value) == [0.15, 1.76])
    }

    @Test func notQuantities() {
        #expect(q("On 18 February 2022 in 2014").isEmpty)
        #expect(q("Exchange: 0020.HK").isEmpty)
        #expect(q("3F, Building B, No. 1098").isEmpty)
        #expect(q("CVPR2015 and V2X").isEmpty)
        #expect(q("at 21:42 today").isEmpty)
        #expect(q("one of the largest").isEmpty)
    }

    @Test func descriptionIsNormalised() {
        #expect(q("over $7.7 billion")[0].description == ">=7700000000 $")
        #expect(q("US$410 million")[0].description == "410000000 USD")
        #expect(q("45%")[0].description == "45%")
    }
}

/// `FactTokenizer.wordIs` compares a token with a lower-case word on bytes; it must agree with
/// comparing the token's lower-cased string, which it replaces on the bound phrases' hot path.
@Suite struct FactTokenWordComparisonTests {
    @Test func agreesWithTheLowerCasedString() {
        let text = "More than 5, AT LEAST 7 über ABOUT-ish x Approximately 9 a dozen"
        let b = Array(text.utf8)
        let t = FactTokenizer.tokens(b)
        for w in ["more", "than", "at", "least", "about", "approximately", "über", "dozen", "a", "x", "mor", "thanx", "5"] {
            for k in -1...t.count {
                let lowered = k >= 0 && k < t.count && t[k].kind == .word ? FactTokenizer.lower(b, t[k]) : nil
                #expect(FactTokenizer.wordIs(b, t, k, w) == (lowered == w), "token \(k) against \(w)")
            }
        }
        #expect(QuantityNormalizer.quantities(in: "more than 5 million people").first?.bound == .atLeast)
        #expect(QuantityNormalizer.quantities(in: "About 40 employees").first?.bound == .approximate)
    }
}
