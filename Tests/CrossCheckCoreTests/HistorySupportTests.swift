import Testing
@testable import CrossCheckCore

/// The small byte-level and cache helpers a history walk leans on.
@Suite struct HistorySupportTests {
    @Test func byteSearchFindsExactByteRuns() {
        #expect(ByteSearch.contains("anarcho-syndicalism and more", "anarcho-"))
        #expect(ByteSearch.contains("global leader", "global leader"))
        #expect(ByteSearch.contains("x", ""))
        #expect(!ByteSearch.contains("anarcho syndicalism", "anarcho-"))
        #expect(!ByteSearch.contains("ab", "abc"))
        #expect(!ByteSearch.contains("", "a"))
        // The needle's last byte repeats before a match: every candidate is tried.
        #expect(ByteSearch.contains("aaab-aab-ab-", "aab-ab-"))
        #expect(ByteSearch.contains("-a--", "a--"))
        // Multi-byte text is compared as bytes.
        #expect(ByteSearch.contains("la société générale", "générale"))
        #expect(!ByteSearch.contains("la societe", "société"))
    }

    @Test func byteSearchAgreesWithANaiveSearchOnGeneratedTexts() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", "-", " "]
        for _ in 0..<500 {
            let hay = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let needle = String((0..<Int.random(in: 1...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let h = Array(hay.utf8), n = Array(needle.utf8)
            let naive = h.count >= n.count && (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
            #expect(ByteSearch.contains(hay, needle) == naive, "\(hay) / \(needle)")
        }
    }

    /// A sweep every `keep` runs drops what no run used since the sweep before it.
    @Test func revisionCacheSweepsEntriesUnusedSinceTheLastSweep() {
        let cache = RevisionCache<String, Int>(keep: 4)
        cache["old"] = 1
        cache["used"] = 2
        var sweeps = 0
        while sweeps < 2 {
            if cache.sweepsAtNextRun { sweeps += 1 }
            cache.nextRun()
            _ = cache["used"]
        }
        #expect(cache["old"] == nil)
        #expect(cache["used"] == 2)
    }

    /// An entry found by position (never looked up) survives the sweeps when touched before each.
    @Test func touchedEntriesSurviveTheSweeps() {
        let cache = RevisionCache<String, Int>(keep: 2)
        cache["kept by place"] = 7
        cache["forgotten"] = 8
        for _ in 0..<6 {
            if cache.sweepsAtNextRun {
                cache.touch("kept by place")
                cache.touch("absent")  // no entry: nothing happens
            }
            cache.nextRun()
        }
        #expect(cache.count == 1)
        #expect(cache["kept by place"] == 7)
        #expect(cache["forgotten"] == nil)
    }
}
