import Testing

@testable import CrossCheckRules

/// The English word lists of the text rules (SCOWL, front-coded).
struct EnglishLexiconTests {
    @Test func englishLexiconKnowsWordsNamesAndLevels() {
        #expect(EnglishLexicon.entry("plural") == .common)
        #expect(EnglishLexicon.entry("heavily") == .common)
        #expect(EnglishLexicon.entry("intone") == .extended)
        #expect(EnglishLexicon.entry("howell") == .name)
        #expect(EnglishLexicon.entry("heavilly") == nil)
        #expect(EnglishLexicon.entry("posession") == nil)
        #expect(EnglishLexicon.contains("colour") && EnglishLexicon.contains("color"))
    }
}
