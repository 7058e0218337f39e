import Foundation

/// The `<siteinfo>` of a MediaWiki export: where the pages come from.
package struct ExportSiteInfo: Sendable, Equatable {
    package var sitename: String?
    package var dbname: String?
    /// The main page's URL (`http://en.wikipedia.org/wiki/Main_Page`); revision links derive from it.
    package var base: String?
    package var generator: String?
    /// Namespace key to name (`1` → `Talk`); the main namespace has an empty name.
    package var namespaces: [Int: String] = [:]

    package init() {}

    /// `https://host/w/index.php?oldid=ID` for a revision, when the base URL is known.
    package func revisionURL(_ id: Int) -> String? {
        guard let base, let schemeEnd = base.range(of: "://") else { return nil }
        let rest = base[schemeEnd.upperBound...]
        let host = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? String(rest)
        guard !host.isEmpty else { return nil }
        return base[..<schemeEnd.upperBound] + host + "/w/index.php?oldid=\(id)"
    }
}

/// Who made a revision: a registered user, an IP address, or nobody visible (deleted).
package struct ExportContributor: Sendable, Equatable {
    package var username: String?
    package var id: Int?
    package var ip: String?
    /// `<contributor deleted="deleted"/>`: the contributor was hidden.
    package var deleted = false

    package init(username: String? = nil, id: Int? = nil, ip: String? = nil, deleted: Bool = false) {
        self.username = username; self.id = id; self.ip = ip; self.deleted = deleted
    }

    /// The user name, else the IP address, else nil (hidden or absent).
    package var name: String? { username ?? ip }
}

/// One `<revision>` of a page.
package struct ExportRevision: Sendable {
    package var id: Int = 0
    package var parentID: Int?
    /// ISO 8601 as written (`2001-10-11T20:18:47Z`).
    package var timestamp: String = ""
    package var contributor = ExportContributor()
    package var minor = false
    package var comment: String?
    package var commentDeleted = false
    /// The wikitext (entities decoded), or nil when the export left it out or it was deleted.
    package var text: [UInt8]?
    package var textDeleted = false
    /// Base-36 SHA-1 of the text, when the export gives it (schema 0.5 and later).
    package var sha1: String?
    package var model: String?
    package var format: String?
    /// Byte offset of `<revision>` in the XML.
    package var offset: Int = 0

    package init() {}

    /// The date part of the timestamp (`2001-10-11`).
    package var day: String { String(timestamp.prefix(10)) }
}

/// A `<page>`'s header: what is known before its first revision.
package struct ExportPage: Sendable, Equatable {
    package var title: String = ""
    package var namespace: Int?
    package var id: Int?
    /// The target of a redirect page.
    package var redirect: String?
    /// Byte offset of `<page>` in the XML.
    package var offset: Int = 0

    package init() {}
}

/// What the reader gives, in document order.
package enum ExportEvent: Sendable {
    case siteInfo(ExportSiteInfo)
    /// A page starts; its revisions follow, then `.pageEnd`.
    case page(ExportPage)
    case revision(ExportRevision)
    case pageEnd
}

/// A streaming reader of MediaWiki XML exports (`Special:Export`, `pages-meta-history` dumps),
/// schemas 0.3 to 0.11, on UTF-8 bytes in constant memory.
///
/// It checks well-formedness as it goes (matching tags, known entities, no text outside the root)
/// and reports the first problem with its byte offset; an input that ends early is reported as
/// truncated. Only one revision's text is held at a time. Cost is linear in the input: text is
/// copied with `memchr`-found runs, and tags are short.
package final class ExportReader {
    package let path: String
    private let source: ExportByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var pos = 0
    private var end = 0
    /// Absolute offset of `buffer[0]`.
    private var base = 0
    private var eof = false

    private var stack: [String] = []
    private var scratch: [UInt8] = []
    private var sawRoot = false
    private var rootClosed = false
    private var queue: [ExportEvent] = []
    private var queueAt = 0

    private var site = ExportSiteInfo()
    private var page = ExportPage()
    private var pageAnnounced = false
    private var revision = ExportRevision()
    private var namespaceKey: Int?
    private var contentRole: String?

    /// Opens `path` (`-`: standard input; compressed files go through their decompressor).
    package convenience init(path: String) throws(ExportError) {
        try self.init(source: ExportByteSource(path: path))
    }

    package init(source: ExportByteSource, capacity: Int = 1 << 20) {
        self.source = source
        self.path = source.path
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
        scratch.reserveCapacity(1 << 16)
    }

    deinit { buffer.deallocate() }

    /// Whether the input is uncompressed XML (its size on disk is the XML's size).
    package var isPlain: Bool { source.compression == .none }

    /// Bytes of XML read so far.
    package var bytesRead: Int { base + end }

    /// Stops reading early (ends a decompressor).
    package func cancel() { source.cancel() }

    /// The next event, or nil at the end of a well-formed export.
    package func next() throws(ExportError) -> ExportEvent? {
        while true {
            if queueAt < queue.count {
                let e = queue[queueAt]
                queueAt += 1
                if queueAt == queue.count { queue.removeAll(keepingCapacity: true); queueAt = 0 }
                return e
            }
            if rootClosed && eof && pos == end { return nil }
            try readText()
            if pos == end {
                // End of input.
                if !stack.isEmpty {
                    throw error(at: bytesRead, "truncated: the input ends inside <\(stack.last!)> (\(stack.count) element\(stack.count == 1 ? "" : "s") left open)")
                }
                if !sawRoot { throw error(at: bytesRead, "not a MediaWiki export: no <mediawiki> element") }
                try source.close()
                return nil
            }
            try readMarkup()
        }
    }

    private func error(at offset: Int, _ reason: String) -> ExportError {
        ExportError(path: path, offset: offset, reason: reason)
    }

    // MARK: buffer

    /// Keeps `buffer[pos..<end]` and reads more after it; false at the end of input.
    private func fill() throws(ExportError) -> Bool {
        if eof { return false }
        if pos > 0 {
            let keep = end - pos
            if keep > 0 { buffer.update(from: buffer + pos, count: keep) }
            base += pos
            end = keep
            pos = 0
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = try source.read(into: buffer + end, count: capacity - end)
        if n == 0 { eof = true; return false }
        end += n
        return true
    }

    // MARK: text

    /// Reads character data up to the next `<` (or the end of input) into `scratch`.
    private func readText() throws(ExportError) {
        var needMore = false
        while true {
            if pos == end || needMore {
                if try !fill() {
                    if pos < end { throw error(at: base + pos, "truncated: the input ends inside an entity reference") }
                    return
                }
                needMore = false
            }
            let start = buffer + pos
            let avail = end - pos
            let lt = memchr(start, 0x3C, avail).map { $0.assumingMemoryBound(to: UInt8.self) - buffer } ?? end
            if stack.isEmpty {
                // Outside the root only white space may stand.
                for i in pos..<lt where !Self.isSpace(buffer[i]) {
                    throw error(at: base + i, rootClosed ? "text after the end of the document" : "text before the root element")
                }
                pos = lt
            } else {
                try decode(upTo: lt)
            }
            if pos < lt {
                // An entity cut by the end of the buffer: read more and decode it whole.
                needMore = true
                continue
            }
            if lt < end { return }
        }
    }

    /// Appends `buffer[pos..<limit]` to `scratch` with entities decoded; may stop early at an
    /// entity cut by the buffer's end (it is read again after the next fill).
    ///
    /// Character data and attribute values are read once, so the decoded bytes are compacted in
    /// place in the buffer (an entity decodes to fewer bytes than its reference) and appended in
    /// one piece. Wikitext in an export holds an entity every few dozen bytes (`&lt;ref&gt;`,
    /// `&quot;`), and an append per piece between them was most of the reading.
    private func decode(upTo limit: Int) throws(ExportError) {
        let first = pos
        var w = pos
        defer { scratch.append(contentsOf: UnsafeBufferPointer(start: buffer + first, count: w - first)) }
        while pos < limit {
            let start = buffer + pos
            guard let ampRaw = memchr(start, 0x26, limit - pos) else {
                if w != pos { (buffer + w).update(from: start, count: limit - pos) }
                w += limit - pos
                pos = limit
                return
            }
            let amp = ampRaw.assumingMemoryBound(to: UInt8.self) - buffer
            if amp > pos {
                if w != pos { (buffer + w).update(from: start, count: amp - pos) }
                w += amp - pos
            }
            pos = amp
            var semi = amp + 1
            while semi < limit && semi - amp <= 12 && buffer[semi] != 0x3B { semi += 1 }
            if semi >= limit || buffer[semi] != 0x3B {
                if semi >= limit && limit == end && !eof && semi - amp <= 12 { return }  // cut by the buffer
                throw error(at: base + amp, "malformed XML: a bare & (not an entity reference) in text")
            }
            w += try writeEntity(amp + 1, semi, into: buffer + w)
            pos = semi + 1
        }
    }

    /// Decodes the entity whose name is `buffer[from..<to]` to `out` (room for four bytes, and
    /// never more than the reference's own length: a decoded entity is shorter than its
    /// reference), returning the bytes written.
    private func writeEntity(_ from: Int, _ to: Int, into out: UnsafeMutablePointer<UInt8>) throws(ExportError) -> Int {
        let n = to - from
        let b = buffer + from
        func eq(_ s: StaticString) -> Bool { n == s.utf8CodeUnitCount && memcmp(b, s.utf8Start, n) == 0 }
        if n >= 2 && b[0] == 0x23 {
            var value: UInt32 = 0
            var i = 1
            let hex = b[1] == 0x78 || b[1] == 0x58
            if hex { i = 2 }
            if i == n { throw error(at: base + from - 1, "malformed XML: empty character reference") }
            while i < n {
                let c = b[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66 where hex: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46 where hex: d = UInt32(c - 0x41 + 10)
                default: throw error(at: base + from - 1, "malformed XML: bad character reference")
                }
                value = value &* (hex ? 16 : 10) &+ d
                if value > 0x10FFFF { throw error(at: base + from - 1, "malformed XML: character reference out of range") }
                i += 1
            }
            guard value != 0, let scalar = Unicode.Scalar(value) else {
                throw error(at: base + from - 1, "malformed XML: character reference to a non-character")
            }
            var k = 0
            UTF8.encode(scalar) { out[k] = $0; k += 1 }
            return k
        }
        let c: UInt8
        if eq("lt") { c = 0x3C } else if eq("gt") { c = 0x3E } else if eq("amp") { c = 0x26 } else if eq("quot") { c = 0x22 } else if eq("apos") { c = 0x27 } else {
            let name = String(decoding: UnsafeBufferPointer(start: b, count: n), as: UTF8.self)
            throw error(at: base + from - 1, "malformed XML: unknown entity &\(name);")
        }
        out[0] = c
        return 1
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    // MARK: markup

    /// Finds `needle` at or after `from`, filling as needed; returns its offset (relative to the
    /// buffer, which may have moved: `from` is relative to `pos`).
    private func find(_ needle: StaticString, afterPos skip: Int, what: String) throws(ExportError) -> Int {
        var from = pos + skip
        while true {
            let n = needle.utf8CodeUnitCount
            let first = needle.utf8Start[0]
            var i = from
            while i + n <= end {
                guard let hit = memchr(buffer + i, Int32(first), end - i) else { i = end; break }
                let at = hit.assumingMemoryBound(to: UInt8.self) - buffer
                if at + n > end { i = at; break }
                if memcmp(buffer + at, needle.utf8Start, n) == 0 { return at }
                i = at + 1
            }
            let rel = max(i, from) - pos
            if try !fill() { throw error(at: bytesRead, "truncated: the input ends inside \(what)") }
            from = pos + rel
        }
    }

    /// Reads one piece of markup at `<`.
    private func readMarkup() throws(ExportError) {
        let at = base + pos
        while end - pos < 3 { if try !fill() { break } }
        guard end - pos >= 2 else { throw error(at: at, "truncated: the input ends inside a tag") }
        let c1 = buffer[pos + 1]
        if c1 == 0x21 {  // <!
            if end - pos >= 4 && buffer[pos + 2] == 0x2D && buffer[pos + 3] == 0x2D {
                let close = try find("-->", afterPos: 4, what: "a comment")
                pos = close + 3
                return
            }
            while end - pos < 9 { if try !fill() { break } }
            if end - pos >= 9 && memcmp(buffer + pos, "<![CDATA[", 9) == 0 {
                let close = try find("]]>", afterPos: 9, what: "a CDATA section")
                if stack.isEmpty { throw error(at: at, "malformed XML: CDATA outside the root element") }
                scratch.append(contentsOf: UnsafeBufferPointer(start: buffer + pos + 9, count: close - pos - 9))
                pos = close + 3
                return
            }
            let close = try find(">", afterPos: 2, what: "a declaration")
            pos = close + 1
            return
        }
        if c1 == 0x3F {  // <?
            let close = try find("?>", afterPos: 2, what: "a processing instruction")
            pos = close + 2
            return
        }
        // A tag: find the closing '>' outside quotes.
        var i = pos + 1
        var quote: UInt8 = 0
        while true {
            if i >= end {
                let rel = i - pos
                if try !fill() { throw error(at: bytesRead, "truncated: the input ends inside a tag") }
                i = pos + rel
                continue
            }
            let c = buffer[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x3E {
                break
            } else if c == 0x3C {
                throw error(at: base + i, "malformed XML: '<' inside a tag")
            }
            i += 1
        }
        let gt = i
        if c1 == 0x2F {  // </name>
            var e = gt
            while e > pos + 2 && Self.isSpace(buffer[e - 1]) { e -= 1 }
            let name = String(decoding: UnsafeBufferPointer(start: buffer + pos + 2, count: e - pos - 2), as: UTF8.self)
            pos = gt + 1
            guard let open = stack.last else { throw error(at: at, "malformed XML: </\(name)> closes nothing") }
            guard open == name else { throw error(at: at, "malformed XML: expected </\(open)>, found </\(name)>") }
            stack.removeLast()
            try endElement(name, at: at)
            scratch.removeAll(keepingCapacity: true)
            return
        }
        // <name attr="v" ...> or <name .../>
        var selfClosing = false
        var tagEnd = gt
        if tagEnd > pos + 1 && buffer[tagEnd - 1] == 0x2F { selfClosing = true; tagEnd -= 1 }
        var j = pos + 1
        while j < tagEnd && !Self.isSpace(buffer[j]) { j += 1 }
        guard j > pos + 1, Self.isNameStart(buffer[pos + 1]) else { throw error(at: at, "malformed XML: '<' not followed by a tag name") }
        let name = String(decoding: UnsafeBufferPointer(start: buffer + pos + 1, count: j - pos - 1), as: UTF8.self)
        let attributes = try parseAttributes(j, tagEnd)
        pos = gt + 1
        if stack.isEmpty {
            if rootClosed { throw error(at: at, "malformed XML: a second root element <\(name)>") }
            guard name == "mediawiki" else { throw error(at: at, "not a MediaWiki export: the root element is <\(name)>, not <mediawiki>") }
            sawRoot = true
        }
        stack.append(name)
        scratch.removeAll(keepingCapacity: true)
        try startElement(name, attributes, at: at)
        if selfClosing {
            stack.removeLast()
            try endElement(name, at: at, empty: true)
            scratch.removeAll(keepingCapacity: true)
        }
    }

    @inline(__always) private static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c == 0x3A || c >= 0x80
    }

    /// Attributes of a start tag between `from` and `to` (buffer offsets), entities decoded.
    private func parseAttributes(_ from: Int, _ to: Int) throws(ExportError) -> [(String, String)] {
        var out: [(String, String)] = []
        var i = from
        while true {
            while i < to && Self.isSpace(buffer[i]) { i += 1 }
            if i >= to { return out }
            let nameStart = i
            while i < to && buffer[i] != 0x3D && !Self.isSpace(buffer[i]) { i += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: buffer + nameStart, count: i - nameStart), as: UTF8.self)
            while i < to && Self.isSpace(buffer[i]) { i += 1 }
            guard i < to, buffer[i] == 0x3D else { throw error(at: base + nameStart, "malformed XML: attribute \(name) has no value") }
            i += 1
            while i < to && Self.isSpace(buffer[i]) { i += 1 }
            guard i < to, buffer[i] == 0x22 || buffer[i] == 0x27 else {
                throw error(at: base + i, "malformed XML: attribute \(name)'s value is not quoted")
            }
            let q = buffer[i]
            i += 1
            let vStart = i
            while i < to && buffer[i] != q { i += 1 }
            guard i < to else { throw error(at: base + vStart, "malformed XML: unterminated attribute value") }
            // Decode entities through scratch (it is empty at a start tag).
            let saved = scratch
            scratch.removeAll(keepingCapacity: true)
            let savedPos = pos
            pos = vStart
            try decode(upTo: i)
            pos = savedPos
            let value = String(decoding: scratch, as: UTF8.self)
            scratch = saved
            out.append((name, value))
            i += 1
        }
    }

    // MARK: export structure

    private var parent: String? { stack.count >= 2 ? stack[stack.count - 2] : nil }

    private func startElement(_ name: String, _ attributes: [(String, String)], at offset: Int) throws(ExportError) {
        func attr(_ key: String) -> String? { attributes.first { $0.0 == key }?.1 }
        let depth = stack.count
        switch name {
        case "page" where depth == 2:
            page = ExportPage()
            page.offset = offset
            pageAnnounced = false
        case "revision" where depth == 3 && stack[1] == "page":
            if !pageAnnounced { announcePage() }
            revision = ExportRevision()
            revision.offset = offset
        case "contributor" where depth == 4:
            if attr("deleted") == "deleted" { revision.contributor.deleted = true }
        case "comment" where depth == 4:
            if attr("deleted") == "deleted" { revision.commentDeleted = true }
        case "text" where depth == 4 || (depth == 5 && stack[3] == "content"):
            if attr("deleted") == "deleted" { revision.textDeleted = true }
            textBytesAttribute = attr("bytes").flatMap { Int($0) }
        case "minor" where depth == 4:
            revision.minor = true
        case "redirect" where depth == 3:
            page.redirect = attr("title") ?? ""
        case "namespace" where depth == 4 && stack[2] == "namespaces":
            namespaceKey = attr("key").flatMap { Int($0) }
        case "content" where depth == 4:
            contentRole = nil
        default: break
        }
    }

    private var textBytesAttribute: Int?

    private func announcePage() {
        pageAnnounced = true
        queue.append(.page(page))
    }

    private var value: String { String(decoding: scratch, as: UTF8.self) }

    private func endElement(_ name: String, at offset: Int, empty: Bool = false) throws(ExportError) {
        // `stack` no longer holds `name`; its depth was stack.count + 1.
        let depth = stack.count + 1
        if depth == 1 { rootClosed = true; return }
        let inSite = depth >= 3 && stack[1] == "siteinfo"
        if inSite {
            switch (name, depth) {
            case ("sitename", 3): site.sitename = value
            case ("dbname", 3): site.dbname = value
            case ("base", 3): site.base = value
            case ("generator", 3): site.generator = value
            case ("namespace", 4): if let k = namespaceKey { site.namespaces[k] = value }
            default: break
            }
            return
        }
        if name == "siteinfo" && depth == 2 { queue.append(.siteInfo(site)); return }
        guard depth >= 3, stack[1] == "page" else {
            if name == "page" && depth == 2 {
                if !pageAnnounced { announcePage() }
                queue.append(.pageEnd)
            }
            return
        }
        if depth == 3 {
            switch name {
            case "revision": queue.append(.revision(revision))
            case "title": page.title = value
            case "ns": page.namespace = Int(value.trimmingCharacters(in: .whitespaces))
            case "id": page.id = Int(value.trimmingCharacters(in: .whitespaces))
            default: break
            }
            return
        }
        guard stack.count >= 3, stack[2] == "revision" else { return }
        if depth == 4 {
            switch name {
            case "revision": break
            case "id":
                guard let id = Int(value.trimmingCharacters(in: .whitespaces)) else {
                    throw error(at: offset, "malformed export: revision id \"\(value)\" is not a number")
                }
                revision.id = id
            case "parentid": revision.parentID = Int(value.trimmingCharacters(in: .whitespaces))
            case "timestamp": revision.timestamp = value
            case "comment": if !revision.commentDeleted { revision.comment = value }
            case "model": revision.model = value
            case "format": revision.format = value
            case "sha1": revision.sha1 = value.isEmpty ? nil : value
            case "text": takeText(empty: empty)
            default: break
            }
            return
        }
        if depth == 5 && stack[3] == "contributor" {
            switch name {
            case "username": revision.contributor.username = value
            case "id": revision.contributor.id = Int(value.trimmingCharacters(in: .whitespaces))
            case "ip": revision.contributor.ip = value
            default: break
            }
            return
        }
        if depth == 5 && stack[3] == "content" {
            switch name {
            case "role": contentRole = value
            case "text" where contentRole == nil || contentRole == "main": takeText(empty: empty)
            case "model" where contentRole == nil || contentRole == "main": revision.model = value
            case "format" where contentRole == nil || contentRole == "main": revision.format = value
            default: break
            }
        }
    }

    /// The end of `<revision>` is handled by its parent check: see `endRevision`.
    private func takeText(empty: Bool) {
        if revision.textDeleted { revision.text = nil; return }
        if empty, let bytes = textBytesAttribute, bytes > 0 { revision.text = nil; return }  // left out (a stub dump)
        revision.text = scratch
        scratch = []
        scratch.reserveCapacity(1 << 16)
    }
}
