import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite struct FactsNormalizerRobustnessTests {
    /// Every mention's range lies inside the text and quotes exactly its `text`.
    func checkRanges(_ s: String) {
        let b = Array(s.utf8)
        for m in DateNormalizer.mentions(in: s, contextYear: 2020) {
            #expect(m.range.lowerBound >= 0 && m.range.upperBound <= b.count)
            #expect(String(decoding: b[m.range], as: UTF8.self) == m.text)
        }
        for q in QuantityNormalizer.quantities(in: s) {
            #expect(q.range.lowerBound >= 0 && q.range.upperBound <= b.count)
            #expect(String(decoding: b[q.range], as: UTF8.self) == q.text)
            #expect(q.value.isFinite)
        }
        _ = PlaceNormalizer.places(in: s)
        _ = PersonNameNormalizer.names(inProse: s)
        _ = PersonNameNormalizer.names(inList: s)
        _ = StatusNormalizer.statuses(inSentence: s)
        _ = StatusNormalizer.reportsCompletedListing(s)
    }

    @Test func seedTextAndTruncationsNeverBreakTheScanners() throws {
        for name in ["000_1c75f7c1b93db0bb.txt", "001_e3333450b7a6811b.txt", "003_7ef685683aa46a24.txt", "004_dae551df292514b4.txt"] {
            let text = try String(contentsOfFile: seedPath(name), encoding: .utf8)
            let bytes = Array(text.utf8)
            var cut = 0
            while cut < bytes.count {
                let end = min(bytes.count, cut + 400)
                checkRanges(String(decoding: bytes[cut..<end], as: UTF8.self))
                cut += 397
            }
        }
    }

    @Test func edgeStrings() {
        for s in [
            "", "$", "US$", "$ ", "1,", ",000", "1.", ".5", "99999999999999999999999 billion", "- 5 -", "+", "1+", "%",
            "February", "31 February", "February 31, 2020", "Nov.", "2021-13-40", "2021-11-23T", "0000", "between and",
            "3–", "–5 million", "a dozen", "twenty-", "ninety-nine", "¥", "€€5", "HK$HK$5", "5 Hong Kong", "dollars",
            "\u{00A0}18\u{00A0}February\u{00A0}2022", "𝟙𝟚 February", "１８ February", "18\nFebruary",
        ] {
            checkRanges(s)
        }
        #expect(DateNormalizer.mentions(in: "18\u{00A0}February\u{00A0}2022").first?.date == PartialDate(year: 2022, month: 2, day: 18))
        #expect(QuantityNormalizer.quantities(in: "99999999999999999999999 billion").allSatisfy { $0.value.isFinite })
    }
}
