import Foundation
import CrossCheckCore

/// Which part of an export a command reads: revisions by id, pages by title.
package struct ExportSelection: Sendable, Equatable {
    package var revisions: [Int] = []
    package var pages: [String] = []
    package init(revisions: [Int] = [], pages: [String] = []) { self.revisions = revisions; self.pages = pages }
    package var isEmpty: Bool { revisions.isEmpty && pages.isEmpty }
}

/// Turns the revisions of a MediaWiki export into variants: each selected revision becomes an
/// in-memory file (`EXPORT#r1234.wiki`, see `VirtualFiles`) dated by its timestamp and labelled
/// with its contributor and edit summary, so `check`, `gate`, `diff` and `facts` read an export as
/// they read a folder of revision files.
package enum ExportVariants {
    /// Whether `path` is a MediaWiki export: a file whose XML root is `<mediawiki>`, or a compressed
    /// file whose name says XML (`.xml.gz`, `.xml.bz2`, `.xml.xz`, `.xml.lzma`, `.xml.7z`).
    package static func isExport(_ path: String) -> Bool {
        guard path != "-", let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = [UInt8]((try? h.read(upToCount: 4096)) ?? Data())
        if ExportCompression.detect(head: head, name: path) != .none {
            return path.lowercased().contains(".xml")
        }
        // Skip a byte-order mark, white space, the XML declaration and comments.
        var i = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < head.count {
            let c = head[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1; continue }
            if c == 0x3C, i + 1 < head.count, head[i + 1] == 0x3F || head[i + 1] == 0x21 {
                guard let close = head[i...].firstIndex(of: 0x3E) else { return false }
                i = close + 1
                continue
            }
            let tag = Array("<mediawiki".utf8)
            return head.count >= i + tag.count && Array(head[i..<(i + tag.count)]) == tag
        }
        return false
    }

    /// The virtual file paths of the selected revisions, oldest first.
    ///
    /// Without a page title the export's first page is read (an export of several pages needs
    /// `--page`). Without revision ids every revision of the page with text is taken; with
    /// `pair`, the selection is completed to two revisions: none gives the page's last edit (the
    /// two newest revisions), one gives that revision and its predecessor.
    package static func expand(_ path: String, selection: ExportSelection, pair: Bool = false) throws(CrossCheckError) -> [String] {
        let reader: ExportReader
        do { reader = try ExportReader(path: path) } catch { throw convert(error) }
        defer { reader.cancel() }
        var chosen: [ExportRevision] = []
        var previous: ExportRevision? = nil
        var inPage = false
        var pagesSeen: [String] = []
        var wanted = Set(selection.revisions)
        var lastTwo: [ExportRevision] = []
        var done = false
        while !done {
            let event: ExportEvent?
            do { event = try reader.next() } catch { throw convert(error) }
            guard let event else { break }
            switch event {
            case .siteInfo: break
            case let .page(p):
                pagesSeen.append(p.title)
                if selection.pages.isEmpty {
                    if pagesSeen.count > 1 && selection.revisions.isEmpty {
                        throw .usage("\(path) holds several pages (\"\(pagesSeen[0])\", \"\(p.title)\", ...): choose one with --page TITLE")
                    }
                    inPage = true
                } else {
                    inPage = selection.pages.contains(p.title)
                }
                previous = nil
            case let .revision(r):
                guard inPage, r.text != nil else { continue }
                if selection.revisions.isEmpty {
                    if pair {
                        lastTwo.append(r)
                        if lastTwo.count > 2 { lastTwo.removeFirst() }
                    } else {
                        chosen.append(r)
                    }
                } else if wanted.contains(r.id) {
                    if pair && selection.revisions.count == 1, let previous { chosen.append(previous) }
                    chosen.append(r)
                    wanted.remove(r.id)
                    if wanted.isEmpty { done = true }
                }
                previous = r
            case .pageEnd:
                if inPage && !selection.pages.isEmpty && selection.revisions.isEmpty && selection.pages.count == 1 { done = true }
                inPage = false
            }
        }
        if pair && selection.revisions.isEmpty { chosen = lastTwo }
        if let missing = wanted.sorted().first {
            throw .usage("\(path): no revision \(missing) with text\(selection.pages.isEmpty ? "" : " in the chosen pages")")
        }
        if !selection.pages.isEmpty, let title = selection.pages.first(where: { !pagesSeen.contains($0) }), selection.revisions.isEmpty || chosen.isEmpty {
            throw .usage("\(path): no page titled \"\(title)\"")
        }
        if chosen.isEmpty { throw .usage("\(path): no revision with text to read") }
        if pair && chosen.count < 2 {
            throw .usage("\(path): revision \(chosen[0].id) is the first of its page; give two revisions with --revision OLD --revision NEW")
        }
        // Order: as asked for a pair of explicit ids (OLD then NEW), else the export's order.
        if pair && selection.revisions.count == 2 {
            chosen.sort { a, b in selection.revisions.firstIndex(of: a.id)! < selection.revisions.firstIndex(of: b.id)! }
        }
        return chosen.map { r in
            let virtual = "\(path)#r\(r.id).wiki"
            var label = "r\(r.id)"
            if let who = r.contributor.name { label += " by \(who)" }
            if let c = r.comment, !c.isEmpty { label += ": \(c.count > 80 ? String(c.prefix(80)) + "…" : c)" }
            VirtualFiles.shared.register(virtual, .init(bytes: r.text ?? [], date: PartialDate(iso: String(r.timestamp.prefix(10))), label: label))
            return virtual
        }
    }

    /// An export error as the CLI reports it (exit 2, one line naming the file and the offset).
    package static func convert(_ e: ExportError) -> CrossCheckError {
        .usage(e.description)
    }
}
