import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

@Suite struct ExportReaderTests {
    static let pages = [
        ExportFixture.Page(title: "Acme & Sons", id: 12, revisions: [
            .init(id: 100, parent: nil, timestamp: "2020-01-01T10:00:00Z", user: "Alice", comment: "start <b>", text: "'''Acme''' is a <ref>x</ref> company &amp; more.\n\n== History ==\nFounded in 1990.\n"),
            .init(id: 101, parent: 100, timestamp: "2020-01-02T10:00:00Z", ip: "192.0.2.1", minor: true, text: "'''Acme''' is a company.\n", sha1: "abc123"),
            .init(id: 102, parent: 101, timestamp: "2020-01-03T10:00:00Z", comment: "hidden", text: nil, deleted: true),
            .init(id: 103, parent: 102, timestamp: "2020-01-04T10:00:00Z", user: "Bob", text: nil),
            .init(id: 104, parent: 103, timestamp: "2020-01-05T10:00:00Z", user: "Bob", text: ""),
        ]),
        ExportFixture.Page(title: "Other", id: 13, revisions: [
            .init(id: 200, parent: nil, timestamp: "2021-01-01T00:00:00Z", user: "Carol", text: "Other text — ünïcode ☃.\n"),
        ]),
    ]

    func revisions(_ events: [ExportEvent]) -> [ExportRevision] {
        events.compactMap { if case let .revision(r) = $0 { return r } else { return nil } }
    }

    @Test(arguments: ["0.3", "0.4", "0.10", "0.11"])
    func readsEveryField(version: String) throws {
        let dir = ExportFixture.directory()
        let path = try ExportFixture.write(ExportFixture.xml(Self.pages, version: version), to: dir, name: "e.xml")
        let events = try ExportFixture.events(path)
        guard case let .siteInfo(site) = events.first else { Issue.record("no siteinfo first"); return }
        #expect(site.sitename == "Wikipedia")
        #expect(site.namespaces[1] == "Talk")
        #expect(site.namespaces[0] == "")
        #expect(site.revisionURL(101) == "https://en.wikipedia.org/w/index.php?oldid=101")
        let titles = events.compactMap { if case let .page(p) = $0 { return p.title } else { return nil } }
        #expect(titles == ["Acme & Sons", "Other"])
        let ends = events.filter { if case .pageEnd = $0 { return true } else { return false } }
        #expect(ends.count == 2)
        let revs = revisions(events)
        #expect(revs.map(\.id) == [100, 101, 102, 103, 104, 200])
        #expect(String(decoding: revs[0].text ?? [], as: UTF8.self) == "'''Acme''' is a <ref>x</ref> company &amp; more.\n\n== History ==\nFounded in 1990.\n")
        #expect(revs[0].comment == "start <b>")
        #expect(revs[0].contributor.name == "Alice")
        #expect(revs[0].timestamp == "2020-01-01T10:00:00Z")
        #expect(revs[1].contributor.ip == "192.0.2.1")
        #expect(revs[1].minor)
        #expect(!revs[0].minor)
        #expect(revs[2].textDeleted && revs[2].text == nil)
        #expect(revs[2].contributor.deleted)
        #expect(revs[3].text == nil && !revs[3].textDeleted)
        #expect(revs[4].text == [])
        #expect(String(decoding: revs[5].text ?? [], as: UTF8.self) == "Other text — ünïcode ☃.\n")
        if version == "0.10" || version == "0.11" {
            #expect(revs[1].parentID == 100)
            #expect(revs[1].sha1 == "abc123")
        } else {
            #expect(revs[1].parentID == nil)
        }
    }

    @Test func characterReferencesAndCDATA() throws {
        let xml = """
            <?xml version="1.0"?>
            <!-- a comment -->
            <mediawiki version="0.4"><page><title>T</title><id>1</id><revision><id>5</id><timestamp>2020-01-01T00:00:00Z</timestamp>\
            <contributor><username>U</username></contributor><text xml:space="preserve">a&#65;&#x263A;&apos;&quot;<![CDATA[<x>&amp;]]>b</text></revision></page></mediawiki>
            """
        let dir = ExportFixture.directory()
        let path = try ExportFixture.write(xml, to: dir, name: "e.xml")
        let revs = revisions(try ExportFixture.events(path))
        #expect(String(decoding: revs.first?.text ?? [], as: UTF8.self) == "aA☺'\"<x>&amp;b")
    }

    /// The reader's buffer is refilled mid-entity and mid-tag: a tiny buffer must give the same events.
    @Test func smallBufferGivesTheSameText() throws {
        let dir = ExportFixture.directory()
        let path = try ExportFixture.write(ExportFixture.xml(Self.pages, version: "0.10"), to: dir, name: "e.xml")
        let reader = ExportReader(source: try ExportByteSource(path: path), capacity: 7)
        var small: [ExportRevision] = []
        while let e = try reader.next() { if case let .revision(r) = e { small.append(r) } }
        let full = revisions(try ExportFixture.events(path))
        #expect(small.map(\.text) == full.map(\.text))
        #expect(small.map(\.comment) == full.map(\.comment))
    }

    /// Entities cut by the end of the buffer at every possible position decode whole (a cut used to
    /// spin without reading on).
    @Test(arguments: [16, 17, 18, 19, 20, 21, 64, 1000])
    func entitiesCutByTheBuffer(capacity: Int) throws {
        let text = String(repeating: "a<b> & \"c\" 'd' é ", count: 300)
        let page = ExportFixture.Page(title: "T", id: 1, revisions: [.init(id: 1, parent: nil, timestamp: "2020-01-01T00:00:00Z", user: "U", text: text)])
        let path = try ExportFixture.write(ExportFixture.xml([page]), to: ExportFixture.directory(), name: "e.xml")
        let reader = ExportReader(source: try ExportByteSource(path: path), capacity: capacity)
        var got: [UInt8]? = nil
        while let e = try reader.next() { if case let .revision(r) = e { got = r.text } }
        #expect(got.map { String(decoding: $0, as: UTF8.self) } == text)
    }

    /// Text is decoded in place in the reader's buffer: character references of every length
    /// (one to four UTF-8 bytes out), cut by the buffer anywhere, decode as they do in one piece.
    @Test(arguments: [16, 17, 18, 19, 23, 29, 64])
    func characterReferencesDecodedInPlace(capacity: Int) throws {
        let unit = "x&#65;&#xE9;&#x263A;&#128512;&lt;y&amp;&#10;"
        let xml = """
            <mediawiki version="0.4"><page><title>T</title><id>1</id><revision><id>5</id><timestamp>2020-01-01T00:00:00Z</timestamp>\
            <contributor><username>U</username></contributor><text xml:space="preserve">\(String(repeating: unit, count: 40))</text></revision></page></mediawiki>
            """
        let path = try ExportFixture.write(xml, to: ExportFixture.directory(), name: "e.xml")
        let reader = ExportReader(source: try ExportByteSource(path: path), capacity: capacity)
        var got: [UInt8]? = nil
        while let e = try reader.next() { if case let .revision(r) = e { got = r.text } }
        #expect(got.map { String(decoding: $0, as: UTF8.self) } == String(repeating: "xAé☺😀<y&\n", count: 40))
    }

    @Test(arguments: [
        (["gzip", "-c"], "e.xml.gz"), (["bzip2", "-c"], "e.xml.bz2"), (["xz", "-c"], "e.xml.xz"),
        (["xz", "-c", "--format=lzma"], "e.xml.lzma"),
    ])
    func compressedFilesReadLikePlainOnes(compressor: [String], name: String) throws {
        guard ExportFixture.has(compressor[0]) else { return }
        let dir = ExportFixture.directory()
        let xml = ExportFixture.xml(Self.pages, version: "0.11")
        let plain = try ExportFixture.write(xml, to: dir, name: "e.xml")
        let packed = try ExportFixture.write(xml, to: dir, name: name, compressor: compressor)
        let a = revisions(try ExportFixture.events(plain))
        let b = revisions(try ExportFixture.events(packed))
        #expect(a.map(\.id) == b.map(\.id))
        #expect(a.map(\.text) == b.map(\.text))
        #expect(try ExportByteSource(path: packed).compression != .none)
    }

    @Test func missingDecompressorIsAClearError() {
        #expect(ExportByteSource.findCommand(.sevenZip, environment: ["PATH": "/nonexistent"]) == nil)
        let dir = ExportFixture.directory()
        let path = dir + "/e.xml.7z"
        FileManager.default.createFile(atPath: path, contents: Data([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4]))
        guard !ExportFixture.has("7z") && !ExportFixture.has("7za") && !ExportFixture.has("7zr") else { return }
        #expect(throws: ExportError.self) { _ = try ExportByteSource(path: path) }
        do { _ = try ExportByteSource(path: path) } catch {
            #expect(error.description.contains("7z"))
            #expect(error.description.contains("not found on PATH"))
        }
    }

    @Test func truncatedExportNamesTheOffset() throws {
        let xml = ExportFixture.xml(Self.pages, version: "0.4")
        let cut = String(xml.prefix(xml.utf8.count / 2))
        let dir = ExportFixture.directory()
        let path = try ExportFixture.write(cut, to: dir, name: "cut.xml")
        do {
            _ = try ExportFixture.events(path)
            Issue.record("a truncated export was accepted")
        } catch let e as ExportError {
            #expect(e.offset == cut.utf8.count)
            #expect(e.description.contains("truncated"))
            #expect(e.description.contains("byte \(cut.utf8.count)"))
        }
    }

    @Test(arguments: [
        ("<mediawiki><page><title>T</title></pag></mediawiki>", "expected </page>", 33),
        ("<mediawiki><page><title>a &nbsp; b</title></page></mediawiki>", "unknown entity &nbsp;", 26),
        ("<mediawiki><page><title>a & b</title></page></mediawiki>", "bare &", 26),
        ("<html><body/></html>", "not a MediaWiki export", 0),
        ("<mediawiki></mediawiki>trailing", "text after the end", 23),
        ("<mediawiki><page x=1></page></mediawiki>", "not quoted", 19),
    ])
    func malformedExportNamesTheOffset(xml: String, fragment: String, offset: Int) throws {
        let dir = ExportFixture.directory()
        let path = try ExportFixture.write(xml, to: dir, name: "bad.xml")
        do {
            _ = try ExportFixture.events(path)
            Issue.record("accepted: \(xml)")
        } catch let e as ExportError {
            #expect(e.description.contains(fragment), "\(e)")
            #expect(e.offset == offset, "\(e)")
        }
    }
}
