import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite struct FactsPlaceNormalizerTests {
    @Test func settlementOfAddresses() {
        #expect(PlaceNormalizer.places(in: "Science Park, Hong Kong").map(\.settlement) == ["Hong Kong"])
        #expect(
            PlaceNormalizer.places(in: "3F, Building 1, No. 1098, Changle Road, Xuhui District, Shanghai, China").map(\.settlement)
                == ["Shanghai"])
        #expect(PlaceNormalizer.places(in: "Hong Kong & Shanghai").map(\.settlement) == ["Hong Kong", "Shanghai"])
        #expect(PlaceNormalizer.places(in: "Shanghai (Headquarters)").map(\.settlement) == ["Shanghai"])
        #expect(PlaceNormalizer.places(in: "Hong Kong Science Park").map(\.settlement) == ["Hong Kong"])
        #expect(PlaceNormalizer.places(in: "Berlin and Paris").count == 2)
    }

    @Test func subPlacesAgreeWithTheirSettlement() throws {
        let a = try #require(PlaceNormalizer.places(in: "Hong Kong Science Park").first)
        let b = try #require(PlaceNormalizer.places(in: "Hong Kong").first)
        let c = try #require(PlaceNormalizer.places(in: "Shanghai, China").first)
        #expect(a.agrees(with: b))
        #expect(!b.agrees(with: c))
        let d = Place(parts: ["Port City Harbour"], settlement: "Port City Harbour")
        #expect(d.agrees(with: Place(parts: ["Port City"], settlement: "Port City")))
    }
}

@Suite struct FactsPersonNameTests {
    @Test func orderAndTitlesDoNotMatter() throws {
        let a = try #require(PersonNameNormalizer.name("Tang Xiao'ou"))
        let b = try #require(PersonNameNormalizer.name("Xiao'ou Tang"))
        let c = try #require(PersonNameNormalizer.name("Professor Xiao'ou Tang"))
        let d = try #require(PersonNameNormalizer.name("TANG Xiao\u{2019}ou"))
        #expect(a.key == b.key && b.key == c.key && c.key == d.key)
        #expect(c.display == "Xiao'ou Tang")
        #expect(PersonNameNormalizer.name("Dr. Jane Roe")?.display == "Jane Roe")
        #expect(PersonNameNormalizer.name("Sir John Doe")?.key == PersonNameNormalizer.name("Doe John")?.key)
    }

    @Test func lists() {
        #expect(PersonNameNormalizer.names(inList: "Tang Xiao'ou, Xu Li").map(\.display) == ["Tang Xiao'ou", "Xu Li"])
        #expect(PersonNameNormalizer.names(inList: "Ann Lee\nBo Chen and Cy Park (engineer)").map(\.display) == ["Ann Lee", "Bo Chen", "Cy Park"])
    }

    @Test func prose() {
        let text = "Tang Xiao'ou, a professor of the Department of Information Engineering at the Chinese University (CUHK), and computer scientist Xu Li, among others."
        #expect(PersonNameNormalizer.names(inProse: text).map(\.display) == ["Tang Xiao'ou", "Xu Li"])
        #expect(PersonNameNormalizer.names(inProse: "Ann Lee and Bo Chen.").map(\.display) == ["Ann Lee", "Bo Chen"])
    }
}

@Suite struct FactsStatusNormalizerTests {
    @Test func values() {
        #expect(StatusNormalizer.statuses(inValue: "Private") == [.private])
        #expect(StatusNormalizer.statuses(inValue: "Public; partly state-owned") == [.public, .partlyStateOwned])
        #expect(StatusNormalizer.statuses(inValue: "Publicly traded company") == [.public])
        #expect(StatusNormalizer.statuses(inValue: "State-owned enterprise") == [.stateOwned])
        #expect(StatusNormalizer.statuses(inValue: "Subsidiary") == [.subsidiary])
        #expect(StatusNormalizer.statuses(inValue: "Privately held company") == [.private])
    }

    @Test func sentences() {
        #expect(StatusNormalizer.statuses(inSentence: "Acme is a partly state-owned publicly traded robotics company.") == [.public, .partlyStateOwned])
        #expect(StatusNormalizer.statuses(inSentence: "Acme is a privately held company.") == [.private])
        #expect(StatusNormalizer.statuses(inSentence: "Acme was acquired by Bigco in 2019.") == [.acquired])
        #expect(StatusNormalizer.statuses(inSentence: "Acme builds robots in private homes.").isEmpty)
    }

    @Test func listingEvents() {
        #expect(StatusNormalizer.reportsCompletedListing("On 30 December, Acme completed its IPO on the Exchange."))
        #expect(!StatusNormalizer.reportsCompletedListing("Acme was considering an IPO in 2020."))
        #expect(!StatusNormalizer.reportsCompletedListing("Acme filed for IPO and received approval to list."))
        #expect(StatusNormalizer.reportsCompletedListing("Acme went public in 2021."))
        #expect(StatusNormalizer.reportsDelisting("Acme was delisted in 2023."))
    }
}
