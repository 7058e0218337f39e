import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckAnalysis
@testable import CrossCheckRules
@testable import CrossCheckReports
@testable import CrossCheckTestSupport

/// Parses an in-memory markdown document for differ tests.
func diffTestDoc(_ text: String, path: String = "doc.md", format: DocumentFormat = .markdown) throws -> Document {
    try DocumentParser.parse(SourceText(path: path, bytes: Array(text.utf8)), format: format)
}

func diffTestSeed(_ prefix: String) throws -> Document {
    let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/seeds").sorted()
    let name = try #require(names.first { $0.hasPrefix(prefix) })
    return try DocumentParser.parse(path: seedPath(name))
}

/// Checks that the operations of every section pair rebuild both sides sentence by sentence.
func diffTestExpectRebuilds(_ diff: DocumentDiff, _ old: Document, _ new: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    for s in diff.sections where s.status != .unchanged {
        if let o = s.old {
            for (i, sentence) in old.sections[o].sentences.enumerated() {
                let rebuilt = s.operations.filter { $0.oldSentence == i && $0.kind != .insert && $0.moveRole != .destination }
                    .map(\.text).joined()
                #expect(rebuilt == sentence.text, "old section \(o) sentence \(i)", sourceLocation: sourceLocation)
            }
        }
        if let n = s.new {
            for (j, sentence) in new.sections[n].sentences.enumerated() {
                let rebuilt = s.operations.filter { $0.newSentence == j && $0.kind != .delete && $0.moveRole != .origin }
                    .map(\.text).joined()
                #expect(rebuilt == sentence.text, "new section \(n) sentence \(j)", sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite struct DocumentDiffTests {
    static let old = """
        # Title

        The lead sentence stays. It has a second sentence about 2014.

        ## History

        The firm was founded in 2014 by two researchers. It grew quickly in its first year. Revenue reached $10 million.

        ## Products

        It sells cameras and software. The software runs on phones.

        ## Old name

        This whole section is about the partnerships with universities and research labs across the region.
        """
    static let new = """
        # Title

        The lead sentence stays. It has a second sentence about 2014.

        ## History

        The firm was founded in 2014 by three researchers. Revenue reached $12 million, up 20%.

        ## Products

        It sells cameras, drones and software. The software runs on phones. It grew quickly in its first year.

        ## New name

        This whole section is about the partnerships with universities and research labs across the region.

        ## Outlook

        A brand new section appears here with plans for next year.
        """

    @Test func statusesAndOperations() throws {
        let a = try diffTestDoc(Self.old), b = try diffTestDoc(Self.new)
        let d = DocumentDiffer.diff(old: a, new: b)
        let byNew = Dictionary(uniqueKeysWithValues: d.sections.compactMap { s in s.newPath.map { ($0.last ?? "(lead)", s) } })
        #expect(byNew["History"]?.status == .changed)
        #expect(byNew["Products"]?.status == .changed)
        #expect(byNew["New name"]?.status == .renamed)
        #expect(byNew["Outlook"]?.status == .added)
        #expect(byNew["(lead)"]?.status == .unchanged)
        let history = try #require(byNew["History"])
        #expect(history.operations.contains { $0.kind == .delete && $0.text == "two" })
        let three = try #require(history.operations.first { $0.kind == .insert && $0.text == "three" })
        let two = try #require(history.operations.first { $0.kind == .delete && $0.text == "two" })
        // One-sided operations carry the line where they apply on the other side.
        #expect(three.oldLine == two.oldLine && three.oldRange == nil)
        #expect(two.newLine == three.newLine && two.newRange == nil)
        // The sentence that moved from History to Products is a move, not delete + insert.
        #expect(d.moves.count == 1)
        let move = try #require(d.moves.first)
        #expect(a.sections[move.oldSection].path.last == "History")
        #expect(b.sections[move.newSection].path.last == "Products")
        #expect(move.similarity == 1)
        diffTestExpectRebuilds(d, a, b)
    }

    @Test func operationsPointAtTheirSourceText() throws {
        let a = try diffTestDoc(Self.old), b = try diffTestDoc(Self.new)
        let d = DocumentDiffer.diff(old: a, new: b)
        var checked = 0
        for s in d.sections {
            for op in s.operations {
                if let r = op.oldRange, op.moveRole != .destination || op.kind != .insert {
                    #expect(a.source.text(r) == op.text || op.moveRole == .destination)
                    #expect(op.oldLine == a.source.line(of: r.lowerBound))
                    checked += 1
                }
                if let r = op.newRange {
                    #expect(b.source.text(r) == op.text || op.kind == .delete)
                    #expect(op.newLine == b.source.line(of: r.lowerBound))
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }

    @Test func swappingSwapsInsertionsAndDeletions() throws {
        let a = try diffTestDoc(Self.old), b = try diffTestDoc(Self.new)
        let fwd = DocumentDiffer.diff(old: a, new: b), back = DocumentDiffer.diff(old: b, new: a)
        func total(_ d: DocumentDiff, _ k: EditKind) -> Int {
            d.sections.flatMap(\.operations).filter { $0.kind == k && $0.move == nil }.reduce(0) { $0 + Tokenizer.tokens($1.text).count }
        }
        #expect(total(fwd, .insert) == total(back, .delete))
        #expect(total(fwd, .delete) == total(back, .insert))
        #expect(fwd.moves.count == back.moves.count)
        let statusF = fwd.sections.map(\.status).filter { $0 == .added }.count
        let statusB = back.sections.map(\.status).filter { $0 == .removed }.count
        #expect(statusF == statusB)
    }

    @Test(arguments: ["000", "001", "002", "003", "004"]) func diffOfASeedWithItselfIsEmpty(_ prefix: String) throws {
        let d = try diffTestSeed(prefix)
        let diff = DocumentDiffer.diff(old: d, new: d)
        #expect(diff.isEmpty)
        #expect(diff.sections.allSatisfy { $0.operations.isEmpty && $0.old == $0.new })
    }

    @Test(arguments: ["000", "001", "002", "003", "004"]) func alignmentOfASeedWithItselfIsIdentity(_ prefix: String) throws {
        let d = try diffTestSeed(prefix)
        let a = SectionAligner.align([d, d])
        #expect(a.rows.count == d.sections.count)
        for (i, row) in a.rows.enumerated() {
            #expect(row.cells == [SectionRef(document: 0, section: i), SectionRef(document: 1, section: i)])
        }
    }

    /// True once the wikitext parser splits sections (the placeholder keeps one lead section).
    static let wikitextParserSplitsSections: Bool = {
        guard let d = try? diffTestDoc("Lead text here.\n\n== Heading ==\nBody text here.\n", path: "w.wiki", format: .wikitext) else { return false }
        return d.sections.count > 1
    }()

    @Test(.enabled(if: wikitextParserSplitsSections, "needs the wikitext parser"))
    func seedRevisionsRebuildAndReportTheAllianceParagraphAsMoved() throws {
        let older = try diffTestSeed("002"), newer = try diffTestSeed("001")
        let d = DocumentDiffer.diff(old: older, new: newer)
        diffTestExpectRebuilds(d, older, newer)
        let move = d.moves.first { m in
            newer.sections[m.newSection].sentences[m.newSentences].contains { $0.text.contains("Global Artificial Intelligence Academic Alliance") }
        }
        let m = try #require(move)
        #expect(older.sections[m.oldSection].sentences[m.oldSentences].contains { $0.text.contains("Global Artificial Intelligence Academic Alliance") })
        // Infobox fields are compared too: the ownership type changed between the revisions.
        let type = try #require(d.fields.first { $0.key == "type" })
        #expect(type.status == .changed)
        #expect(type.edits.contains { $0.kind == .insert && $0.text.contains("Public") })
        #expect(!d.fields.contains { $0.key == "industry" })
        // No plain deletion or insertion carries the paragraph.
        let plain = d.sections.flatMap(\.operations).filter { $0.move == nil && $0.kind != .equal }
        #expect(!plain.contains { $0.text.contains("Global Artificial Intelligence Academic Alliance") })
    }

    @Test func threeWayAlignmentKeepsRowsPerDocument() throws {
        let a = try diffTestDoc(Self.old), b = try diffTestDoc(Self.new)
        let al = SectionAligner.align([a, b, a])
        for row in al.rows { #expect(row.cells.count == 3) }
        // Every section of every document appears exactly once.
        for (d, doc) in [a, b, a].enumerated() {
            let refs = al.rows.compactMap { $0.cells[d] }
            #expect(refs.map(\.section).sorted() == Array(doc.sections.indices))
        }
        // The renamed section lines up by content.
        let renamed = try #require(al.rows.first { row in row.cells[1].map { b.sections[$0.section].heading == "New name" } ?? false })
        #expect(renamed.cells[0].map { a.sections[$0.section].heading } == "Old name")
        #expect(renamed.basis[1] == .content)
    }

    @Test func splitSectionLinesUpAndItsMovedHalfIsAMove() throws {
        let a = try diffTestDoc("""
            # T

            Lead here.

            ## History

            The company was founded in 2014 by two professors of engineering. It opened its first lab in the city in 2015. It expanded into medical imaging during 2018 with new partners. It listed its shares on the exchange in 2021 after delays.
            """)
        let b = try diffTestDoc("""
            # T

            Lead here.

            ## Early years

            The company was founded in 2014 by two professors of engineering. It opened its first lab in the city in 2015.

            ## Later years

            It expanded into medical imaging during 2018 with new partners. It listed its shares on the exchange in 2021 after long delays.
            """)
        let d = DocumentDiffer.diff(old: a, new: b)
        diffTestExpectRebuilds(d, a, b)
        #expect(d.moves.count == 1)
        #expect(d.moves.first?.oldSentences == 0..<2)
        let later = try #require(d.sections.first { $0.newPath?.last == "Later years" })
        #expect(later.status == .renamed && later.oldPath?.last == "History")
        let early = try #require(d.sections.first { $0.newPath?.last == "Early years" })
        #expect(early.status == .added)
        #expect(early.operations.allSatisfy { $0.moveRole == .destination && $0.kind == .equal })
        let text = DiffReport.text(d, color: false)
        #expect(text.contains("[moved from line 7]"))
        #expect(text.contains("{+long +}delays."))
        let md = DiffReport.markdown(d)
        #expect(md.contains("*(moved from line 7)*"))
        #expect(md.contains("**long**"))
    }

    @Test func aRemovedSentenceIsDeletedWhole() throws {
        let a = try diffTestDoc("# T\n\n## H\n\nThe firm was valued at a record at the end of 2018. The government named it a national champion in 2018.\n")
        let b = try diffTestDoc("# T\n\n## H\n\nThe firm was valued at a record sum at the end of 2018.\n")
        let d = DocumentDiffer.diff(old: a, new: b)
        diffTestExpectRebuilds(d, a, b)
        let deletes = d.sections.flatMap(\.operations).filter { $0.kind == .delete }
        #expect(deletes.map(\.text) == ["The government named it a national champion in 2018."])
    }

    @Test func contentTakesOverARowHeldByAnEmptySection() throws {
        let article = try diffTestDoc("""
            The firm builds vision software for phones, cars and hospitals, and sells it in forty countries.

            ## History

            It was founded by two engineers who met at a university laboratory.
            """, path: "a.txt", format: .plaintext)
        let summary = try diffTestDoc("""
            # Digest

            ## Overview

            The firm builds vision software for phones, cars and hospitals, and sells it in forty countries.
            """)
        #expect(summary.sections.first?.sentences.isEmpty == true)
        let al = SectionAligner.align([article, summary])
        let leadRow = try #require(al.rows.first { $0.cells[0]?.section == 0 })
        #expect(leadRow.cells[1].map { summary.sections[$0.section].heading } == "Overview")
        #expect(leadRow.basis[1] == .content)
        // The summary's empty lead still appears, in a row of its own.
        #expect(al.rows.contains { $0.cells[1]?.section == 0 && $0.cells[0] == nil })
    }

    @Test func manyRenamedSectionsStillAlignByContent() throws {
        // Over 500 unmatched sections on each side: the bounded (windowed) content step.
        var a = "# T\n\n", b = "# T\n\n"
        for i in 0..<600 {
            let text = "Topic number \(i) covers item\(i) and detail\(i * 7) with note\(i * 13) for case\(i * 17)."
            a += "## Old heading \(i)\n\n\(text)\n\n"
            b += "## New title \(i)\n\n\(text)\n\n"
        }
        let da = try diffTestDoc(a), db = try diffTestDoc(b)
        let al = SectionAligner.align([da, db])
        #expect(al.rows.count == da.sections.count)
        for row in al.rows { #expect(row.cells[0]?.section == row.cells[1]?.section) }
    }

    @Test func largeHeavilyEditedInputStaysBounded() throws {
        var rng = DiffTestRandom(state: 7)
        let vocabulary = (0..<300).map { "w\($0)" }
        func paragraph() -> String { (0..<400).map { _ in vocabulary[rng.next(vocabulary.count)] }.joined(separator: " ") + "." }
        let a = try diffTestDoc("# T\n\n" + (0..<5).map { _ in paragraph() }.joined(separator: "\n\n"))
        let b = try diffTestDoc("# T\n\n" + (0..<5).map { _ in paragraph() }.joined(separator: "\n\n"))
        let d = DocumentDiffer.diff(old: a, new: b)
        diffTestExpectRebuilds(d, a, b)
    }
}

/// Robustness on real edits in five languages (the corpus is for robustness only, never tuning).
@Suite struct MultilingualDiffTests {
    static let corpus: String? = corpusRoot.map { $0 + "/multilingual" }

    @Test(.enabled(if: corpus != nil, "needs the shared corpus"), arguments: ["en", "hi", "ru", "th", "zh"])
    func realEditsRebuildAndDiffWithItselfIsEmpty(_ language: String) throws {
        let dir = try #require(Self.corpus) + "/" + language
        for k in 0..<3 {
            let stem = dir + "/" + String(format: "%03d", k)
            guard let a = try? DocumentParser.parse(path: stem + "-old.wiki", format: .wikitext),
                  let b = try? DocumentParser.parse(path: stem + "-new.wiki", format: .wikitext) else { continue }
            let d = DocumentDiffer.diff(old: a, new: b)
            diffTestExpectRebuilds(d, a, b)
            for s in d.sections {
                for op in s.operations {
                    if let r = op.oldRange { #expect(r.upperBound <= a.source.bytes.count && r.lowerBound <= r.upperBound) }
                    if let r = op.newRange { #expect(r.upperBound <= b.source.bytes.count && r.lowerBound <= r.upperBound) }
                }
            }
            #expect(DocumentDiffer.diff(old: a, new: a).isEmpty)
        }
    }

    @Test(.enabled(if: corpus != nil, "needs the shared corpus"))
    func chineseTokensAreSingleCharacters() throws {
        let dir = try #require(Self.corpus) + "/zh"
        let doc = try DocumentParser.parse(path: dir + "/000-new.wiki", format: .wikitext)
        let cjk = doc.sections.flatMap(\.sentences).flatMap { s in Tokenizer.tokens(s.text).filter { $0.kind == .cjk } }
        #expect(!cjk.isEmpty)
        #expect(cjk.allSatisfy { $0.range.count <= 4 })
    }
}

/// Random documents with random edits (word changes, sentence deletions, insertions and moves
/// between sections): the script always rebuilds both sides.
@Suite struct RandomDocumentDiffTests {
    static func diffTestRandomDoc(_ sections: [[String]]) -> String {
        var out = "# Title\n\n"
        for (i, s) in sections.enumerated() {
            if i > 0 { out += "## Part \(i)\n\n" }
            out += s.joined(separator: " ") + "\n\n"
        }
        return out
    }

    @Test func randomEditsRebuild() throws {
        var rng = DiffTestRandom(state: 0xDEAD_BEEF)
        let words = ["alpha", "beta", "gamma", "delta", "nine", "9", "the", "firm", "grew", "in", "2014", "$5", "15%", "北京", "дом"]
        func sentence() -> String {
            let n = 3 + rng.next(10)
            var w = (0..<n).map { _ in words[rng.next(words.count)] }
            w[0] = w[0].capitalized
            return w.joined(separator: " ") + "."
        }
        for _ in 0..<40 {
            var sections = (0..<(1 + rng.next(4))).map { _ in (0..<(1 + rng.next(6))).map { _ in sentence() } }
            let old = sections
            for _ in 0..<rng.next(6) {
                let s = rng.next(sections.count)
                guard !sections[s].isEmpty else { continue }
                let k = rng.next(sections[s].count)
                switch rng.next(4) {
                case 0: sections[s].remove(at: k)
                case 1: sections[s].insert(sentence(), at: k)
                case 2:
                    let moved = sections[s].remove(at: k)
                    let t = rng.next(sections.count)
                    sections[t].insert(moved, at: rng.next(sections[t].count + 1))
                default:
                    var w = sections[s][k].dropLast().split(separator: " ").map(String.init)
                    w[rng.next(w.count)] = words[rng.next(words.count)]
                    sections[s][k] = w.joined(separator: " ") + "."
                }
            }
            let a = try diffTestDoc(Self.diffTestRandomDoc(old)), b = try diffTestDoc(Self.diffTestRandomDoc(sections))
            let d = DocumentDiffer.diff(old: a, new: b)
            diffTestExpectRebuilds(d, a, b)
            let back = DocumentDiffer.diff(old: b, new: a)
            diffTestExpectRebuilds(back, b, a)
            #expect(DocumentDiffer.diff(old: a, new: a).isEmpty)
            _ = DiffReport.text(d, color: true)
            _ = DiffReport.markdown(d)
            _ = DiffReport.json(d, old: a, new: b).serialized()
        }
    }
}

@Suite struct FieldListSeparatorTests {
    func doc(_ founder: String, type: String = "Private") throws -> Document {
        let text = "{{Infobox company\n| name = Acme\n| type = \(type)\n| founder = \(founder)\n}}\n'''Acme''' makes anvils.\n"
        return try DocumentParser.parse(try source(text, path: "acme.wiki"), format: .wikitext)
    }

    @Test func aListWrittenWithOtherSeparatorsIsNotAChange() throws {
        let d = DocumentDiffer.diff(old: try doc("[[Ann Lee]], [[Bo Chan]]"), new: try doc("[[Ann Lee]]<br> [[Bo Chan]]"))
        #expect(d.fields.isEmpty)
    }

    @Test func aChangedListOrValueIsStillAChange() throws {
        let d = DocumentDiffer.diff(old: try doc("[[Ann Lee]], [[Bo Chan]]"), new: try doc("[[Ann Lee]]", type: "Public"))
        #expect(Set(d.fields.map(\.key)) == ["founder", "type"])
    }
}

/// `crosscheck diff` and the markdown report's key-fact changes use one field comparison.
@Suite struct FieldValueAgreementTests {
    @Test(arguments: [
        ("Acme, Beta", "Beta; Acme", false), ("Jo Smith", "Smith Jo", false), ("Private", "Public", true),
        ("Lyon,  Nice", "Lyon, Nice", false), ("Lyon, Nice", "Lyon, Nice, Metz", true),
    ])
    func diffAndRevisionChangesAgree(_ old: String, _ new: String, _ changed: Bool) throws {
        func doc(_ value: String) throws -> Document {
            try DocumentParser.parse(source("{{Infobox company\n| founders = \(value)\n}}\nAcme is a firm.\n", path: "a.wiki"))
        }
        let (a, b) = (try doc(old), try doc(new))
        let diffSays = DocumentDiffer.diff(old: a, new: b).fields.contains { $0.status == .changed && $0.key == "founders" }
        let reportSays = RevisionChanges(old: a, new: b).facts.contains { $0.key == "founders" }
        #expect(diffSays == changed)
        #expect(reportSays == changed)
    }
}

/// `diff --format json` is written in pieces (`DiffReport.writeJSON`); the pieces must make the
/// same text as serialising the whole tree (`DiffReport.json`), for every seed pair and for a diff
/// long enough to be cut into several pieces.
@Suite struct StreamedDiffJSONTests {
    func pieces(_ d: DocumentDiff, _ a: Document, _ b: Document) -> [String] {
        var out: [String] = []
        DiffReport.writeJSON(d, old: a, new: b) { out.append($0) }
        return out
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func seedPairsMatchTheTree(_ prefix: String) throws {
        let a = try diffTestSeed("000")
        let b = try diffTestSeed(prefix)
        let d = DocumentDiffer.diff(old: a, new: b)
        #expect(pieces(d, a, b).joined() == DiffReport.json(d, old: a, new: b).serialized())
    }

    @Test func aLongDiffIsWrittenInSeveralPiecesWithTheSameText() throws {
        var old = "", new = ""
        for i in 0..<3000 {
            old += "== Notes ==\nItem \(i) cost \(i % 97) and grew.\n"
            new += "== Notes ==\nItem \(i) cost \(i % 97) and \(i % 50 == 0 ? "shrank" : "grew").\n"
        }
        // A field, a moved passage and a reference change too, so every streamed array has members.
        old = "{{Infobox company\n| name = Acme\n| revenue = $5 million\n}}\n== Moved ==\nThe harbour museum opened its new gallery in 1990 to great acclaim.<ref>Paper</ref>\n" + old
        new = "{{Infobox company\n| name = Acme\n| revenue = $6 million\n}}\n" + new + "== Moved ==\nThe harbour museum opened its new gallery in 1990 to great acclaim.\n"
        let a = try diffTestDoc(old, path: "old.wiki", format: .wikitext)
        let b = try diffTestDoc(new, path: "new.wiki", format: .wikitext)
        let d = DocumentDiffer.diff(old: a, new: b)
        let p = pieces(d, a, b)
        #expect(p.count > 2)
        #expect(!d.fields.isEmpty && !d.references.isEmpty)
        #expect(p.joined() == DiffReport.json(d, old: a, new: b).serialized())
    }

    @Test func emptyArraysAndEscapesAreWrittenAsTheTreeWritesThem() throws {
        let a = try diffTestDoc("# T\n\nSame \"quoted\" text\twith a tab.\n")
        let d = DocumentDiffer.diff(old: a, new: a)
        let text = pieces(d, a, a).joined()
        #expect(text == DiffReport.json(d, old: a, new: a).serialized())
        #expect(text.contains("\"moves\": []"))
    }
}
