import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite struct SentenceSplitterEdgeTests {
    func textSplit(_ text: String) -> [String] {
        var b = PlainTextBuilder()
        for (i, byte) in Array(text.utf8).enumerated() { b.append(byte: byte, at: i) }
        return SentenceSplitter.split(b.finish(), lines: LineTable(bytes: Array(text.utf8)), paragraph: 0).map(\.text)
    }

    @Test func numbersAfterAbbreviations() {
        #expect(textSplit("Its office is at No. 1098 Main Road. It opened.") == ["Its office is at No. 1098 Main Road.", "It opened."])
        #expect(textSplit("Filed Nov. 22 to the exchange. Next.") == ["Filed Nov. 22 to the exchange.", "Next."])
    }

    @Test func companySuffixes() {
        #expect(textSplit("Hang Seng Indexes Co. added X to the index. Then more.") == ["Hang Seng Indexes Co. added X to the index.", "Then more."])
        #expect(textSplit("It works with Foo Inc. The deal closed.") == ["It works with Foo Inc.", "The deal closed."])
        #expect(textSplit("Foo Inc. Research Lab opened.") == ["Foo Inc. Research Lab opened."])
        #expect(textSplit("Made by Foo Ltd. In 2020 it grew.") == ["Made by Foo Ltd.", "In 2020 it grew."])
    }

    @Test func dottedAcronymsAtSentenceEnd() {
        #expect(textSplit("It operates in the U.S. The company grew.") == ["It operates in the U.S.", "The company grew."])
        #expect(textSplit("The U.S. Department of Defense acted.") == ["The U.S. Department of Defense acted."])
        #expect(textSplit("Sanctioned by the U.S. government.") == ["Sanctioned by the U.S. government."])
    }

    @Test func ellipses() {
        #expect(textSplit("He paused... Then he left.") == ["He paused...", "Then he left."])
        #expect(textSplit("He paused… Then he left.") == ["He paused…", "Then he left."])
        #expect(textSplit("Wait... what happened?") == ["Wait... what happened?"])
    }

    @Test func amountsAndExamples() {
        #expect(textSplit("Revenue was $1.2B in 2023. Growth was 45%.") == ["Revenue was $1.2B in 2023.", "Growth was 45%."])
        #expect(textSplit("Top venues (e.g., CVPR, ICCV) accept them. Done.") == ["Top venues (e.g., CVPR, ICCV) accept them.", "Done."])
        #expect(textSplit("Venues (e.g. CVPR) accept them.") == ["Venues (e.g. CVPR) accept them."])
        #expect(textSplit("It was Apple vs. Samsung. Then peace.") == ["It was Apple vs. Samsung.", "Then peace."])
        #expect(textSplit("Version 5.0 shipped. Next.") == ["Version 5.0 shipped.", "Next."])
    }

    @Test func initialsAndListNumbers() {
        #expect(textSplit("A report by Gregory C. Allen said so.") == ["A report by Gregory C. Allen said so."])
        #expect(textSplit("They chose plan B. The rest followed.") == ["They chose plan B.", "The rest followed."])
        #expect(textSplit("Packs were filed. 1. Key people were named.") == ["Packs were filed.", "1. Key people were named."])
        #expect(textSplit("Profit rose in 2019. 2020 was worse.") == ["Profit rose in 2019.", "2020 was worse."])
    }

    @Test func titlesTimesAndQuotes() {
        #expect(textSplit("Dr. Smith met Prof. Jones in St. Louis. They talked.") == ["Dr. Smith met Prof. Jones in St. Louis.", "They talked."])
        #expect(textSplit("It opened at 9 a.m. The crowd came.") == ["It opened at 9 a.m.", "The crowd came."])
        #expect(textSplit("It opened at 9 a.m. Monday.") == ["It opened at 9 a.m. Monday."])
        #expect(textSplit("He said “it works.” Then left.") == ["He said “it works.”", "Then left."])
        #expect(textSplit("Was it? Yes! Fine.") == ["Was it?", "Yes!", "Fine."])
        #expect(textSplit("Smith et al. The study grew.") == ["Smith et al.", "The study grew."])
        #expect(textSplit("Apples, pears, etc. are fruit.") == ["Apples, pears, etc. are fruit."])
    }

    @Test func longInputsStayLinear() {
        // Many abbreviation checks and one very long word: must finish (no quadratic backtracking).
        let text = String(repeating: "Foo Inc. Bar ", count: 50_000) + String(repeating: "x", count: 200_000) + ". The end."
        let s = textSplit(text)
        #expect(s.count == 2)
        #expect(s.last == "The end.")
    }
}
