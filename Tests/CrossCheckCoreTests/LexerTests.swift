import Testing
@testable import CrossCheckCore

/// The one lexer's views: what they share and the documented options where they differ.
@Suite struct LexerTests {
    func differ(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { Lexer.differTokens($0) }.filter { $0.kind != .space }
            .map { String(decoding: b[$0.range], as: UTF8.self) }
    }
    func facts(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return Lexer.factTokens(b).map { String(decoding: b[$0.start..<$0.end], as: UTF8.self) }
    }
    func words(_ s: String) -> [String] { Lexer.words(in: s).map(\.text) }

    @Test func apostrophesJoinInEveryView() {
        for text in ["l’homme", "don't", "Zoë’s"] {
            #expect(differ(text) == [text])
            #expect(facts(text) == [text])
            #expect(words(text) == [text])
        }
        // Not at the start of a word, and not before a space.
        #expect(words("'tis the firms' ") == ["tis", "the", "firms"])
    }

    @Test func hyphensJoinOnlyForTheDiffer() {
        #expect(differ("state-owned") == ["state-owned"])
        #expect(facts("twenty-five") == ["twenty", "-", "five"])
        #expect(words("state-owned") == ["state", "owned"])
        // Dashes never join.
        #expect(differ("Em—dash en–dash") == ["Em", "—", "dash", "en", "–", "dash"])
    }

    @Test func digitsAreCutPerProfile() {
        #expect(differ("10th 1,000.5 F16") == ["10th", "1,000.5", "F16"])
        #expect(facts("10th 1,000.5 F16") == ["10", "th", "1", ",", "000", ".", "5", "F", "16"])
        #expect(words("10th 1,000.5 F16") == ["10th", "1", "000", "5", "F16"])
        // The normalisers compute values from ASCII digits only: other scripts' digits are letters.
        #expect(Lexer.factTokens(Array("१२३ 45".utf8)).map(\.kind) == [.word, .number])
    }

    @Test func unspacedScriptsSplitOnlyForTheDiffer() {
        #expect(differ("北京市") == ["北", "京", "市"])
        #expect(words("北京市") == ["北京市"])
        #expect(facts("北京市。") == ["北京市", "。"])
    }

    @Test func oneClassifierForLettersAndPunctuation() {
        // Punctuation in other scripts and symbols are never word characters.
        #expect(words("हैं। 4×4 👍 ฿100") == ["हैं", "4", "4", "100"])
        #expect(facts("हैं। 4×4") == ["हैं", "।", "4", "×", "4"])
        // Zero-width characters stay inside a word in every view.
        #expect(words("zero\u{200B}width").count == 1)
        #expect(facts("zero\u{200B}width").count == 1)
    }

    @Test func currencyCodesAndNumberWordsAreOneTable() {
        for code in LexTables.currencyCodes {
            let b = Array(code.utf8)
            #expect(b.withUnsafeBufferPointer { Lexer.differTokens($0) }.map(\.kind) == [.currency], "\(code)")
            #expect(QuantityNormalizer.quantities(in: "\(code) 5 million").first?.currency != nil, "\(code)")
        }
        let nine = Array("nine NINE twenty dozen".utf8)
        #expect(nine.withUnsafeBufferPointer { Lexer.differTokens($0) }.filter { $0.kind != .space }.map(\.key) == ["9", "9", "20", "12"])
        #expect(QuantityNormalizer.quantities(in: "twenty-five firms").first?.value == 25)
    }
}
