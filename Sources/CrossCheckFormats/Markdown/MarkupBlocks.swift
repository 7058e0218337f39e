import Foundation
import CrossCheckCore

/// The block structure of light markup: headings, paragraphs, list items, tables, code, comments.
///
/// One line-by-line pass (no recursion, so 10,000 nested list or quote markers cost what their
/// bytes cost) turns a byte range into a stream of events; `assemble` then applies the title rule
/// and feeds the events to a `SectionBuilder`. The markdown, plain-text and front-matter parsers all
/// go through here, with `markdown: false` for a rendered article (no links or key/value fields,
/// `[12]` and `²⁸¹` marks as citations).
struct MarkupBlocks {
    enum Event {
        case heading(title: String, level: Int, range: Range<Int>, setext: Bool)
        case block(TextBlock, lineCount: Int)
        case field(key: String, value: String, raw: String, line: Int, citations: [Citation], origin: FieldOrigin, range: Range<Int>)
    }

    let src: [UInt8]
    let markdown: Bool
    let lines: LineTable
    var inline: MarkupInline
    var events: [Event] = []
    var suppressions: [Suppression] = []

    // Paragraph being collected: its line segments (content ranges) and whether it is a list item.
    private var segments: [Range<Int>] = []
    /// Some segment had block-quote markers before it (then segments are rendered one by one).
    private var segmentsQuoted = false
    private var isItem = false
    private var itemIndent = 0
    private var inList = false
    private var lastWasBlank = true
    /// Fenced code being skipped: its fence character and length.
    private var fence: (char: UInt8, count: Int)? = nil
    /// A comment running over several lines: where it opened.
    private var openComment: (start: Int, line: Int)? = nil

    init(src: [UInt8], markdown: Bool, lines: LineTable) {
        self.src = src
        self.markdown = markdown
        self.lines = lines
        inline = MarkupInline(src: src, markdown: markdown, lines: lines)
    }

    @inline(__always) private func isBlank(_ r: Range<Int>) -> Bool {
        for k in r where !(src[k] == 0x20 || src[k] == 0x09) { return false }
        return true
    }

    /// Parses the bytes in `range` (whole lines) into events.
    mutating func parse(_ range: Range<Int>) {
        var ls = range.lowerBound
        let end = min(range.upperBound, src.count)
        fence = nil
        openComment = nil
        while ls < end {
            var le = ls
            while le < end && src[le] != 0x0A && src[le] != 0x0D { le += 1 }
            var next = le
            if next < end && src[next] == 0x0D { next += 1 }
            if next < end && src[next] == 0x0A && (next == le || src[next - 1] == 0x0D) { next += 1 }
            if next == le { next = le + 1 }
            ls = parseLine(ls..<le, next: next, end: end)
        }
        flush()
        if let c = openComment {  // unterminated comment: it runs to the end
            endComment(start: c.start, line: c.line, bodyEnd: end, after: end, limit: end)
        }
        for c in inline.comments { addSuppression(c.text, start: c.offset, after: c.end, limit: end) }
        inline.comments = []
    }

    /// Reads one line (`line`, without its line end; `next` is where the next line starts) and
    /// returns where to go on (after a table, past its last row).
    private mutating func parseLine(_ line: Range<Int>, next: Int, end: Int) -> Int {
        let ls = line.lowerBound
        let le = line.upperBound
        if continuesFenceOrComment(ls, le, end: end) { return next }
        // Indentation (a tab counts to the next multiple of four).
        var p = ls
        var indent = 0
        while p < le && (src[p] == 0x20 || src[p] == 0x09) {
            indent = src[p] == 0x09 ? (indent / 4 + 1) * 4 : indent + 1
            p += 1
        }
        if p == le {
            flush()
            lastWasBlank = true
            return next
        }
        // Block quotes: strip every `>` marker (any depth) and read the rest as ordinary content.
        var quoted = false
        while p < le && src[p] == 0x3E {
            quoted = true
            p += 1
            while p < le && (src[p] == 0x20 || src[p] == 0x09) { p += 1 }
        }
        if p == le { flush(); lastWasBlank = true; return next }
        if quoted && !segments.isEmpty && isItem { flush() }

        if opensComment(at: p, le, end: end) { return next }
        if opensFence(at: p, le, indent: indent) { return next }
        if atxHeading(at: p, le, indent: indent, quoted: quoted) { return next }
        if setextOrBreak(at: p, le, indent: indent) { return next }
        // Table: a row of cells followed by a delimiter row.
        if markdown && src[p] == 0x7C || (markdown && segments.isEmpty && find([0x7C], in: p..<le) != nil) {
            if let (rows, after) = tableRows(from: ls, firstContent: p, end: end) {
                flush()
                emitTable(rows)
                lastWasBlank = false
                inList = false
                return after
            }
        }
        if listItem(at: p, le, indent: indent, quoted: quoted) { return next }
        if isSkippedMarkdownLine(at: p, le, indent: indent) { return next }
        // Paragraph text: a blank line ends a paragraph; a list item continues lazily; each
        // `**Key:** value` line of a key/value block is its own paragraph.
        if !segments.isEmpty && (lastWasBlank || (markdown && !isItem && startsWithBoldKey(p, le))) { flush() }
        if segments.isEmpty {
            if inList && indent < itemIndent { inList = false }
            isItem = inList
        }
        segments.append(p..<le)
        if quoted { segmentsQuoted = true }
        lastWasBlank = false
        return next
    }

    /// Inside fenced code or a multi-line comment: whether the line belongs to it (it ends the
    /// fence or the comment when it closes it).
    private mutating func continuesFenceOrComment(_ ls: Int, _ le: Int, end: Int) -> Bool {
        if let f = fence {
            var p = ls
            while p < le && p - ls < 4 && src[p] == 0x20 { p += 1 }
            var r = p
            while r < le && src[r] == f.char { r += 1 }
            if r - p >= f.count && isBlank(r..<le) { fence = nil }
            return true
        }
        if let c = openComment {
            if let close = find(Array("-->".utf8), in: ls..<le) {
                endComment(start: c.start, line: c.line, bodyEnd: close, after: close + 3, limit: end)
                openComment = nil
            }
            return true
        }
        return false
    }

    /// A comment opening the line: skips it (it may run over several lines).
    private mutating func opensComment(at p: Int, _ le: Int, end: Int) -> Bool {
        guard startsWith("<!--", at: p, le) else { return false }
        if let close = find(Array("-->".utf8), in: (p + 4)..<le) {
            if isBlank((close + 3)..<le) {
                flush()
                endComment(start: p, line: lines.line(of: p), bodyEnd: close, after: close + 3, limit: end)
                return true
            }
            // Text follows the comment on this line: the inline renderer handles the comment.
            return false
        }
        flush()
        openComment = (p, lines.line(of: p))
        return true
    }

    /// Fenced code: kept out of the text.
    private mutating func opensFence(at p: Int, _ le: Int, indent: Int) -> Bool {
        guard indent < 4, p < le, src[p] == 0x60 || src[p] == 0x7E else { return false }
        var r = p
        while r < le && src[r] == src[p] { r += 1 }
        guard r - p >= 3 && (src[p] == 0x7E || find([0x60], in: r..<le) == nil) else { return false }
        flush()
        fence = (src[p], r - p)
        lastWasBlank = false
        return true
    }

    /// An ATX heading (`## Title ##`).
    private mutating func atxHeading(at p: Int, _ le: Int, indent: Int, quoted: Bool) -> Bool {
        guard indent < 4 || quoted, src[p] == 0x23 else { return false }
        var r = p
        while r < le && src[r] == 0x23 { r += 1 }
        let level = r - p
        guard level <= 6 && (r == le || src[r] == 0x20 || src[r] == 0x09) else { return false }
        flush()
        var te = le
        while te > r && (src[te - 1] == 0x20 || src[te - 1] == 0x09) { te -= 1 }
        var h = te
        while h > r && src[h - 1] == 0x23 { h -= 1 }
        if h == r || src[h - 1] == 0x20 || src[h - 1] == 0x09 { te = h }
        let title = inline.plain(r..<te).text
        events.append(.heading(title: title, level: level, range: p..<le, setext: false))
        inList = false
        lastWasBlank = false
        return true
    }

    /// A setext underline (the paragraph above is a heading) or a thematic break.
    private mutating func setextOrBreak(at p: Int, _ le: Int, indent: Int) -> Bool {
        guard indent < 4, src[p] == 0x3D || src[p] == 0x2D || src[p] == 0x2A || src[p] == 0x5F else { return false }
        let ch = src[p]
        var count = 0
        var only = true
        var spaced = false
        for k in p..<le {
            if src[k] == ch { count += 1 } else if src[k] == 0x20 || src[k] == 0x09 { spaced = true } else { only = false; break }
        }
        guard only else { return false }
        if (ch == 0x3D || (ch == 0x2D && !spaced)) && !segments.isEmpty && !isItem && !lastWasBlank {
            // The paragraph above is a heading.
            let first = segments[0].lowerBound
            var title = ""
            for (n, s) in segments.enumerated() { title += (n > 0 ? " " : "") + inline.plain(s).text }
            segments = []
            events.append(.heading(title: title, level: ch == 0x3D ? 1 : 2, range: first..<le, setext: true))
            inList = false
            lastWasBlank = false
            return true
        }
        if ch != 0x3D && count >= 3 {
            flush()
            inList = false
            lastWasBlank = true
            return true
        }
        return false
    }

    /// A list item (nested markers on one line collapse into one item).
    private mutating func listItem(at p: Int, _ le: Int, indent: Int, quoted: Bool) -> Bool {
        guard let (content, _) = listMarker(at: p, le) else { return false }
        var q = content
        while let (c2, _) = listMarker(at: q, le), c2 > q { q = c2 }
        flush()
        segments = [q..<le]
        segmentsQuoted = quoted
        isItem = true
        itemIndent = indent + (q - p)
        inList = true
        lastWasBlank = false
        return true
    }

    /// Markdown lines that are not prose: indented code (outside lists, not continuing a
    /// paragraph), link reference and footnote definitions (`[id]: url`, `[^1]: text`).
    private mutating func isSkippedMarkdownLine(at p: Int, _ le: Int, indent: Int) -> Bool {
        if indent >= 4 && segments.isEmpty && !inList && markdown {
            lastWasBlank = false
            return true
        }
        if markdown && indent < 4 && segments.isEmpty && src[p] == 0x5B, let close = find([0x5D, 0x3A], in: p..<min(le, p + 200)),
            close > p + 1, find([0x5D], in: (p + 1)..<close) == nil
        {
            lastWasBlank = false
            return true
        }
        return false
    }

    /// Whether the line at `p` opens with `**Key**:` or `**Key:**`.
    private func startsWithBoldKey(_ p: Int, _ le: Int) -> Bool {
        guard p + 2 < le, (src[p] == 0x2A && src[p + 1] == 0x2A) || (src[p] == 0x5F && src[p + 1] == 0x5F) else { return false }
        guard let close = find([src[p], src[p]], in: (p + 2)..<min(le, p + 120)), close > p + 2 else { return false }
        return src[close - 1] == 0x3A || (close + 2 < le && src[close + 2] == 0x3A)
    }

    @inline(__always) private func startsWith(_ s: String, at p: Int, _ le: Int) -> Bool {
        var k = p
        for b in s.utf8 {
            guard k < le, src[k] == b else { return false }
            k += 1
        }
        return true
    }

    /// First offset of `needle` in `range`, or nil.
    private func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var k = range.lowerBound
        let last = range.upperBound - needle.count
        while k <= last {
            if src[k] == first {
                var ok = true
                for j in 1..<needle.count where src[k + j] != needle[j] { ok = false; break }
                if ok { return k }
            }
            k += 1
        }
        return nil
    }

    /// A list marker (`-`, `*`, `+`, `•`, `1.`, `1)`) at `p`: where the content starts and the marker width.
    private func listMarker(at p: Int, _ le: Int) -> (content: Int, width: Int)? {
        guard p < le else { return nil }
        var k = p
        let c = src[p]
        if c == 0x2D || c == 0x2A || c == 0x2B {
            k = p + 1
        } else if c == 0xE2, p + 2 < le, src[p + 1] == 0x80, src[p + 2] == 0xA2 {
            k = p + 3
        } else if c >= 0x30 && c <= 0x39 {
            while k < le && k - p < 9 && src[k] >= 0x30 && src[k] <= 0x39 { k += 1 }
            guard k < le, src[k] == 0x2E || src[k] == 0x29 else { return nil }
            k += 1
        } else {
            return nil
        }
        if k == le { return (k, k - p) }
        guard src[k] == 0x20 || src[k] == 0x09 else { return nil }
        var q = k
        while q < le && (src[q] == 0x20 || src[q] == 0x09) { q += 1 }
        return (q, k - p)
    }

    private mutating func endComment(start: Int, line: Int, bodyEnd: Int, after: Int, limit: Int) {
        let body = String(decoding: src[min(start + 4, bodyEnd)..<bodyEnd], as: UTF8.self)
        addSuppression(body, start: start, after: after, limit: limit)
    }

    private mutating func addSuppression(_ body: String, start: Int, after: Int, limit: Int) {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("crosscheck-") else { return }
        // The next non-blank line after the comment.
        var k = after
        while k < limit && (src[k] == 0x20 || src[k] == 0x09 || src[k] == 0x0A || src[k] == 0x0D) { k += 1 }
        let line = lines.line(of: start)
        let nextLine = k < limit ? lines.line(of: k) : lines.line(of: after)
        if let s = Suppression.parse(comment: trimmed, line: line, nextLine: nextLine, lastLine: lines.count) {
            suppressions.append(s)
        }
    }

    /// Finishes the paragraph or list item being collected.
    private mutating func flush() {
        guard !segments.isEmpty else { isItem = false; return }
        let segs = segments
        segments = []
        if markdown {
            // The field's key and value are rendered again below as the item's text: keep one copy of links.
            let (linkCount, commentCount) = (inline.links.count, inline.comments.count)
            let field = keyValue(segs, listItem: isItem)
            inline.links.removeSubrange(linkCount...)
            inline.comments.removeSubrange(commentCount...)
            if let field { events.append(field) }
        }
        var b = PlainTextBuilder()
        renderSegments(segs, from: segs[0].lowerBound, into: &b)
        events.append(.block(b.finish(isListItem: isItem), lineCount: segs.count))
        isItem = false
        segmentsQuoted = false
    }

    /// Renders a paragraph's lines from `start`: as one range when only line ends and indentation
    /// separate them (so a comment, link or code span may run over a line end), else line by line.
    private mutating func renderSegments(_ segs: [Range<Int>], from start: Int, into b: inout PlainTextBuilder) {
        guard let last = segs.last, start <= last.upperBound else { return }
        if !segmentsQuoted {
            inline.render(start..<last.upperBound, into: &b)
            return
        }
        for (n, s) in segs.enumerated() {
            let lo = n == 0 ? max(s.lowerBound, start) : s.lowerBound
            if n > 0 { b.appendSpace(at: s.lowerBound) }
            if lo < s.upperBound { inline.render(lo..<s.upperBound, into: &b) }
        }
    }

    /// `**Key**: value`, `**Key:** value` (and, in list items, a short `Key: value`) as a field event.
    private mutating func keyValue(_ segs: [Range<Int>], listItem: Bool) -> Event? {
        guard let first = segs.first else { return nil }
        let p = first.lowerBound
        let le = first.upperBound
        var keyRange: Range<Int>
        var valueStart: Int
        if p + 1 < le, (src[p] == 0x2A && src[p + 1] == 0x2A) || (src[p] == 0x5F && src[p + 1] == 0x5F) {
            let m = src[p]
            guard let close = find([m, m], in: (p + 2)..<le), close > p + 2 else { return nil }
            var k = close + 2
            if src[close - 1] == 0x3A {  // **Key:**
                keyRange = (p + 2)..<(close - 1)
            } else {
                while k < le && (src[k] == 0x20 || src[k] == 0x09) { k += 1 }
                guard k < le, src[k] == 0x3A else { return nil }
                keyRange = (p + 2)..<close
                k += 1
            }
            valueStart = k
        } else if listItem, let colon = find([0x3A], in: p..<min(le, p + 48)) {
            // A short plain key: at most five words, no sentence punctuation or URL.
            guard colon > p, colon + 1 >= le || src[colon + 1] == 0x20 || src[colon + 1] == 0x09 else { return nil }
            var words = 1
            for k in p..<colon {
                let b = src[k]
                if b == 0x20 { words += 1 }
                if b == 0x2E || b == 0x2C || b == 0x3B || b == 0x21 || b == 0x3F || b == 0x2A || b == 0x5B || b == 0x28 { return nil }
            }
            guard words <= 5 else { return nil }
            keyRange = p..<colon
            valueStart = colon + 1
        } else {
            return nil
        }
        while valueStart < le && (src[valueStart] == 0x20 || src[valueStart] == 0x09) { valueStart += 1 }
        let key = inline.plain(keyRange).text.lowercased()
        guard !key.isEmpty, key.utf8.count <= 80 else { return nil }
        var b = PlainTextBuilder()
        renderSegments(segs, from: valueStart, into: &b)
        let block = b.finish()
        let value = String(decoding: block.bytes, as: UTF8.self)
        guard !value.isEmpty else { return nil }
        let valueEnd = segs.last?.upperBound ?? le
        let raw = String(decoding: src[min(valueStart, valueEnd)..<valueEnd], as: UTF8.self)
        return .field(
            key: key, value: value, raw: raw, line: lines.line(of: p), citations: block.citations.map(\.citation),
            origin: .list, range: min(valueStart, valueEnd)..<valueEnd)
    }

    /// The cells of one table row (`| a | b |`), as trimmed source ranges.
    private func cells(_ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = r.lowerBound
        var e = r.upperBound
        while e > k && (src[e - 1] == 0x20 || src[e - 1] == 0x09) { e -= 1 }
        while k < e && (src[k] == 0x20 || src[k] == 0x09) { k += 1 }
        if k < e && src[k] == 0x7C { k += 1 }
        if e > k && src[e - 1] == 0x7C && (e - 2 < k || src[e - 2] != 0x5C) { e -= 1 }
        var s = k
        var j = k
        while j <= e {
            if j == e || (src[j] == 0x7C && (j == k || src[j - 1] != 0x5C)) {
                var a = s
                var b = j
                while a < b && (src[a] == 0x20 || src[a] == 0x09) { a += 1 }
                while b > a && (src[b - 1] == 0x20 || src[b - 1] == 0x09) { b -= 1 }
                out.append(a..<b)
                s = j + 1
            }
            j += 1
        }
        return out
    }

    private func isDelimiterRow(_ r: Range<Int>) -> Bool {
        var dash = false
        for k in r {
            switch src[k] {
            case 0x2D: dash = true
            case 0x7C, 0x3A, 0x20, 0x09: break
            default: return false
            }
        }
        return dash
    }

    /// Reads a table starting at the line at `ls`: its rows (header first) and the offset after it.
    private func tableRows(from ls: Int, firstContent p: Int, end: Int) -> ([[Range<Int>]], Int)? {
        func lineEnd(_ s: Int) -> (Int, Int) {
            var le = s
            while le < end && src[le] != 0x0A && src[le] != 0x0D { le += 1 }
            var n = le
            if n < end && src[n] == 0x0D { n += 1 }
            if n < end && src[n] == 0x0A { n += 1 }
            return (le, max(n, le + 1))
        }
        let (le0, n0) = lineEnd(ls)
        guard n0 < end else { return nil }
        let (le1, n1) = lineEnd(n0)
        guard isDelimiterRow(n0..<le1), find([0x7C], in: n0..<le1) != nil || src[p] == 0x7C else { return nil }
        let header = cells(p..<le0)
        guard header.count >= 2 else { return nil }
        var rows = [header]
        var k = n1
        while k < end {
            let (le, n) = lineEnd(k)
            if isBlank(k..<le) || find([0x7C], in: k..<le) == nil { break }
            rows.append(cells(k..<le))
            k = n
        }
        return (rows, min(k, end))
    }

    /// Rows become list-item blocks; a two-column table's body rows also become fields.
    ///
    /// A two-column table reads as key/value rows ("Founded: 2014"); in a wider one every cell is
    /// prefixed with its column header so that a row still says what each number is.
    private mutating func emitTable(_ rows: [[Range<Int>]]) {
        let keyValue = rows.first?.count == 2
        // Wider tables label each cell with its column header: "Year: 2021; Revenue: $1B".
        let headers: [String] = keyValue ? [] : (rows.first ?? []).map { inline.plain($0).text }
        for (n, row) in rows.enumerated() where n > 0 {
            var b = PlainTextBuilder()
            var texts: [String] = []
            for (c, cell) in row.enumerated() {
                if c > 0 {
                    if keyValue && c == 1 { b.append(generated: ":", at: cell.lowerBound) }
                    else { b.append(generated: ";", at: cell.lowerBound) }
                    b.appendSpace(at: cell.lowerBound)
                }
                if c < headers.count, !headers[c].isEmpty, cell.lowerBound < cell.upperBound {
                    b.append(generated: headers[c] + ":", at: cell.lowerBound)
                    b.appendSpace(at: cell.lowerBound)
                }
                let before = b.bytes.count
                inline.render(cell, into: &b)
                texts.append(String(decoding: b.bytes[min(before, b.bytes.count)...], as: UTF8.self))
            }
            let block = b.finish(isListItem: true)
            if keyValue, row.count >= 2, !texts[0].isEmpty, !texts[1].isEmpty {
                let v = row[1]
                events.append(.field(
                    key: texts[0].lowercased(), value: texts[1].trimmingCharacters(in: .whitespaces),
                    raw: String(decoding: src[v], as: UTF8.self), line: lines.line(of: row[0].lowerBound),
                    citations: block.citations.map(\.citation), origin: .table, range: v))
            }
            events.append(.block(block, lineCount: 1))
        }
    }

    /// The outcome of `assemble`.
    struct Assembled {
        var title: String?
        var sections: [Section]
        var fields: [Field]
    }

    /// Applies the title rule and builds sections and fields.
    ///
    /// A single top-level heading that comes before every other heading names the document and is
    /// not a section (the text under it is the lead); so is a first short line without final
    /// punctuation (plain text only) when it stands alone or repeats that heading.
    static func assemble(
        _ events: [Event], builder: inout SectionBuilder, end: Int, titleLine: Bool
    ) -> Assembled {
        var skip = Set<Int>()
        var title: String? = nil
        var headings: [(index: Int, title: String, level: Int)] = []
        for (n, e) in events.enumerated() { if case let .heading(t, l, _, _) = e { headings.append((n, t, l)) } }
        let topLevel = headings.filter { $0.level == 1 }
        if let first = headings.first, first.level == 1, topLevel.count == 1 {
            skip.insert(first.index)
            title = first.title
        } else if let first = topLevel.first {
            title = first.title
        }
        if titleLine, let firstEvent = events.first, case let .block(block, lineCount) = firstEvent, lineCount == 1,
            block.bytes.count <= 150, !block.isListItem, block.citations.isEmpty
        {
            let text = String(decoding: block.bytes, as: UTF8.self)
            let last = block.bytes.last ?? 0
            let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A
            let firstHeading = headings.first
            let repeats = firstHeading.map { $0.title.lowercased() == text.lowercased() && $0.index == 1 } ?? false
            if !endsSentence && (repeats || title == nil) && (repeats || events.count > 1) {
                skip.insert(0)
                if repeats, let h = firstHeading { skip.insert(h.index) }
                title = text
            }
        }
        var fields: [Field] = []
        for (n, e) in events.enumerated() where !skip.contains(n) {
            switch e {
            case let .heading(t, level, range, _):
                builder.heading(t, level: level, range: range)
            case let .block(block, _):
                builder.add(block)
            case let .field(key, value, raw, line, citations, origin, range):
                fields.append(Field(
                    key: key, value: value, raw: raw, line: line, section: builder.currentPath, citations: citations,
                    origin: origin, sourceRange: range))
            }
        }
        return Assembled(title: title, sections: builder.finish(at: end), fields: fields)
    }
}
