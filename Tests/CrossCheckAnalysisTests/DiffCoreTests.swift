import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

/// Texts of `tokens` in `s`.
func diffTestTexts(_ s: String) -> [String] {
    let bytes = Array(s.utf8)
    return Tokenizer.tokens(s).map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

/// Length of a longest common subsequence by the textbook dynamic programme.
func diffTestLCS(_ a: [Int32], _ b: [Int32]) -> Int {
    var prev = [Int](repeating: 0, count: b.count + 1)
    for i in 0..<a.count {
        var cur = [Int](repeating: 0, count: b.count + 1)
        for j in 0..<b.count { cur[j + 1] = a[i] == b[j] ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
        prev = cur
    }
    return prev[b.count]
}

/// A deterministic pseudo-random generator (xorshift) for property tests.
struct DiffTestRandom {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(state % UInt64(n))
    }
}

@Suite struct TokenizerTests {
    @Test func wordsNumbersCurrencyPercent() {
        let t = diffTestTexts("It's a state-owned firm; revenue rose 15% to US$1,234.5 million (€3).")
        #expect(t == ["It's", " ", "a", " ", "state-owned", " ", "firm", ";", " ", "revenue", " ", "rose", " ", "15%", " ",
                      "to", " ", "US$", "1,234.5", " ", "million", " ", "(", "€", "3", ")", "."])
        let kinds = Tokenizer.tokens("US$ 1,234.5 15% USD word").map(\.kind)
        #expect(kinds == [.currency, .space, .number, .space, .percent, .space, .currency, .space, .word])
    }

    @Test func rangesTileTheText() {
        let text = "Ünïcode — “quoted” 北京大学 สวัสดีครับ नमस्ते дом 10th\n"
        let tokens = Tokenizer.tokens(text)
        var at = 0
        for t in tokens { #expect(t.range.lowerBound == at); at = t.range.upperBound }
        #expect(at == text.utf8.count)
    }

    @Test func cjkOneTokenPerCharacter() {
        #expect(diffTestTexts("北京大学") == ["北", "京", "大", "学"])
        #expect(Tokenizer.tokens("北京").allSatisfy { $0.kind == .cjk })
    }

    @Test func scriptsWithMarksStayWhole() {
        #expect(diffTestTexts("नमस्ते दुनिया") == ["नमस्ते", " ", "दुनिया"])
        #expect(diffTestTexts("Привет мир") == ["Привет", " ", "мир"])
        // Thai: a base letter with its combining marks is one token.
        #expect(diffTestTexts("สวัสดี") == ["ส", "วั", "ส", "ดี"])
    }

    @Test func keyHashesMatchKeys() {
        var text = "Nine 9 THE seventeen Seventeen TWELVE hundred Ninety something seventeens one-off 1,000 15% US$ don’t Привет 北 — x,y ok"
        text.withUTF8 { buf in
            for t in Tokenizer.tokens(buf) {
                #expect(Tokenizer.keyHash(buf, kind: t.kind, range: t.range) == fnv1a(t.key), "\(t.key)")
            }
        }
    }

    @Test func keysFoldCaseQuotesDashesAndNumberWords() {
        let keys = Tokenizer.tokens("Nine 9 THE the don’t don't – - 1,000 1000").map(\.key)
        #expect(keys[0] == "9" && keys[2] == "9")
        #expect(keys[4] == keys[6])
        #expect(keys[8] == keys[10])
        #expect(keys[12] == keys[14])
        #expect(keys[16] == keys[18])
    }
}

@Suite struct MyersTests {
    @Test func minimalOnRandomInputs() {
        var rng = DiffTestRandom(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<300 {
            let a = (0..<rng.next(30)).map { _ in Int32(rng.next(5)) }
            let b = (0..<rng.next(30)).map { _ in Int32(rng.next(5)) }
            let (runs, minimal) = MyersDiff.diff(a, b)
            #expect(minimal)
            var rebuilt: [Int32] = [], old: [Int32] = []
            var edits = 0
            for r in runs {
                switch r.kind {
                case .equal:
                    #expect(Array(a[r.a]) == Array(b[r.b]))
                    rebuilt += b[r.b]; old += a[r.a]
                case .insert: rebuilt += b[r.b]; edits += r.b.count
                case .delete: old += a[r.a]; edits += r.a.count
                }
            }
            #expect(rebuilt == b)
            #expect(old == a)
            #expect(edits == a.count + b.count - 2 * diffTestLCS(a, b))
        }
    }

    @Test func budgetFallsBackToReplacement() {
        let a = (0..<2000).map { Int32($0 % 97) }
        let b = (0..<2000).map { Int32(($0 * 7) % 89) }
        let (runs, minimal) = MyersDiff.diff(a, b, budget: 1000)
        #expect(!minimal)
        var rebuilt: [Int32] = []
        for r in runs where r.kind != .delete { rebuilt += b[r.b] }
        #expect(rebuilt == b)
    }
}

@Suite struct WordDiffTests {
    static let pairs: [(String, String)] = [
        ("The quick brown fox jumps over the lazy dog.", "The quick red fox leaped over the lazy dog!"),
        ("", "Entirely new text."),
        ("Entirely old text.", ""),
        ("Revenue was $7.7 billion in 2021.", "Revenue was US$7.7 billion in 2022, up 15%."),
        ("北京大学是一所大学", "北京的大学是一所好大学"),
    ]

    @Test(arguments: 0..<pairs.count) func applyingTheScriptYieldsNew(_ k: Int) {
        let (old, new) = Self.pairs[k]
        let edits = WordDiff.diff(old, new)
        #expect(edits.filter { $0.kind != .delete }.map(\.text).joined() == new)
        #expect(edits.filter { $0.kind != .insert }.map(\.text).joined() == old)
        let ob = Array(old.utf8), nb = Array(new.utf8)
        for e in edits {
            if e.kind != .insert { #expect(String(decoding: ob[e.oldRange], as: UTF8.self) == e.text) }
            if e.kind != .delete { #expect(String(decoding: nb[e.newRange], as: UTF8.self) == e.text) }
        }
    }

    @Test(arguments: 0..<pairs.count) func swappingSwapsInsertionsAndDeletions(_ k: Int) {
        let (old, new) = Self.pairs[k]
        let fwd = WordDiff.diff(old, new, cleanup: false)
        let back = WordDiff.diff(new, old, cleanup: false)
        let count = { (e: [TextEdit], k: EditKind) in e.filter { $0.kind == k }.reduce(0) { $0 + Tokenizer.tokens($1.text).count } }
        #expect(count(fwd, .insert) == count(back, .delete))
        #expect(count(fwd, .delete) == count(back, .insert))
        #expect(fwd.filter { $0.kind == .equal }.map(\.text).joined() == back.filter { $0.kind == .equal }.map(\.text).joined()
                || count(fwd, .equal) == count(back, .equal))
    }

    @Test func identicalTextsHaveOnlyEqualities() {
        let t = "Some text, with 3 numbers and 北京."
        #expect(WordDiff.diff(t, t).allSatisfy { $0.kind == .equal })
    }

    @Test func cleanupMakesWholePhrases() {
        let edits = WordDiff.diff("alpha beta gamma delta", "one two three delta")
        #expect(edits.map(\.kind) == [.delete, .insert, .equal])
        #expect(edits[0].text == "alpha beta gamma")
    }

    @Test func randomTokenDiffsAreMinimalWithoutCleanup() {
        var rng = DiffTestRandom(state: 12345)
        let words = ["a", "b", "c", "d", "e"]
        for _ in 0..<100 {
            let a = (0..<rng.next(15)).map { _ in words[rng.next(5)] }.joined(separator: " ")
            let b = (0..<rng.next(15)).map { _ in words[rng.next(5)] }.joined(separator: " ")
            let edits = WordDiff.diff(a, b, cleanup: false)
            var interner: [String: Int32] = [:]
            let ids = { (s: String) in diffTestTexts(s).map { t in interner[t] ?? { interner[t] = Int32(interner.count); return Int32(interner.count - 1) }() } }
            let ia = ids(a), ib = ids(b)
            let changed = edits.filter { $0.kind != .equal }.reduce(0) { $0 + diffTestTexts($1.text).count }
            #expect(changed == ia.count + ib.count - 2 * diffTestLCS(ia, ib))
        }
    }
}

@Suite struct SimilarityTests {
    @Test func similarity() {
        #expect(TextSimilarity.similarity("The cat sat.", "the CAT sat") == 1)
        #expect(TextSimilarity.similarity("nine lives", "9 lives") == 1)
        #expect(TextSimilarity.similarity("apples and pears", "stocks and bonds") < 0.5)
        #expect(TextSimilarity.similarity("x y z", "") == 0)
    }

    @Test func sentenceAlignmentWithItselfIsIdentity() {
        let s = ["One sentence here.", "Another one follows.", "A third one closes."]
        let pairs = SentenceAligner.alignTexts(s, s)
        #expect(pairs == s.indices.map { SentencePair(a: $0, b: $0, similarity: 1, moved: false) })
    }

    @Test func sentenceAlignmentFindsEditsAndMoves() {
        let a = ["The company was founded in 2014 by a group of researchers.", "It grew quickly.",
                 "Its products include facial recognition software for phones.", "It has offices in many cities."]
        let b = ["Its products include facial recognition software for phones and cars.", "The company was founded in 2014 by a group of researchers.",
                 "It grew very quickly.", "It has offices in many cities."]
        let pairs = SentenceAligner.alignTexts(a, b)
        #expect(pairs.contains { $0.a == 0 && $0.b == 1 && !$0.moved })
        #expect(pairs.contains { $0.a == 2 && $0.b == 0 && $0.moved })
        #expect(pairs.contains { $0.a == 3 && $0.b == 3 })
    }
}
