import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct FormatDetectorTests {
    @Test(arguments: [
        ("000_1c75f7c1b93db0bb.txt", DocumentFormat.plaintext), ("001_e3333450b7a6811b.txt", .wikitext),
        ("002_73259c55204946b0.txt", .wikitext), ("003_7ef685683aa46a24.txt", .markdown), ("004_dae551df292514b4.txt", .frontmatter),
    ])
    func detectsEverySeedAsTheManifestSays(name: String, format: DocumentFormat) throws {
        let s = try SourceText.load(path: seedPath(name))
        #expect(FormatDetector.detect(s) == format)
        // The manifest agrees.
        let manifest = try Manifest.load(path: seedPath("crosscheck.json"))
        #expect(manifest.variants.first { $0.path == name }?.format == format)
    }

    @Test func scoresRatherThanFirstMatch() throws {
        // One stray `[[` in a markdown digest does not make it wikitext.
        let md = "# T\n\n- **Key**: value [[x]]\n- **Other**: [link](http://a.b)\n- **More**: yes\n"
        #expect(FormatDetector.detect(try source(md)) == .markdown)
        // Bold and a bullet in a rendered article with footnote marks stay plain text.
        let plain = "# T\n\n**T** is a company." + String(repeating: " It grew a lot over many years and did things.", count: 5) + "¹²\n\nMore prose that is long enough to count as a paragraph of an article, clearly, with many words in it and more.³\n"
        #expect(FormatDetector.detect(try source(plain)) == .plaintext)
        // Wikitext wins on templates and refs even with a bullet.
        let wiki = "{{Infobox company\n| name = X\n}}\n'''X''' is a firm.<ref>{{cite web|url=u}}</ref>\n\n== History ==\n* [[A]]\n"
        #expect(FormatDetector.detect(try source(wiki)) == .wikitext)
    }

    @Test func frontMatterNeedsKeysAfterTheOpeningLine() throws {
        #expect(FormatDetector.detect(try source("---\ntitle: x\ndate: 2020\n---\nbody\n")) == .frontmatter)
        #expect(FormatDetector.detect(try source("---\ntitle: x\n")) == .frontmatter)  // unclosed: the parser reports it
        #expect(FormatDetector.detect(try source("---\n\nJust a rule. Then prose.\n")) != .frontmatter)
    }

    @Test func extensionOnlyBreaksTies() throws {
        #expect(FormatDetector.detect(try source("hello\n", path: "a.md")) == .markdown)
        #expect(FormatDetector.detect(try source("hello\n", path: "a.wiki")) == .wikitext)
        #expect(FormatDetector.detect(try source("hello\n", path: "a.txt")) == .plaintext)
        #expect(FormatDetector.detect(try source("hello\n", path: "a")) == .plaintext)
        // Markup-free prose is a tie too.
        let prose = String(repeating: "A long sentence of prose without any markup at all, written plainly. ", count: 4) + "\n"
        #expect(FormatDetector.detect(try source(prose, path: "a.wiki")) == .wikitext)
        #expect(FormatDetector.detect(try source(prose, path: "a.md")) == .markdown)
        #expect(FormatDetector.detect(try source(prose, path: "a")) == .plaintext)
        // Content beats the extension.
        #expect(FormatDetector.detect(try source("{{a}} [[b]] <ref>c</ref>\n== H ==\n", path: "a.md")) == .wikitext)
    }
}
