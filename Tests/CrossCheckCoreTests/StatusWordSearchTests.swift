import Testing
@testable import CrossCheckCore
@testable import CrossCheckTestSupport

@Suite("Status word search")
struct StatusWordSearchTests {
    @Test("whole words only, with letters of any script as word characters", arguments: [
        ("a public company", "public", true),
        ("the republic of letters", "public", false),
        ("publicly traded", "public", false),
        ("public", "public", true),
        ("public-benefit", "public", true),
        ("went public—the first", "public", true),
        ("un public bien", "public", true),
        ("publicé hier", "public", false),
        ("épublic", "public", false),
        ("日本public", "public", false),
        ("«public»", "public", true),
        ("partly state-owned firm", "partly state-owned", true),
        ("partly state-ownedness", "partly state-owned", false),
        ("", "public", false),
        ("pub", "public", false),
        ("state owned state-owned", "state-owned", true),
    ])
    func search(text: String, word: String, expected: Bool) {
        #expect(StatusNormalizer.has(text, word) == expected)
    }
}
