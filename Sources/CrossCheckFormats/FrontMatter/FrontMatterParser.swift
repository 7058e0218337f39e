import CrossCheckCore
/// Parses a `---` YAML front-matter block (news article metadata) and its optional markdown body.
///
/// Front-matter keys become fields with dotted, lower-cased keys (`provider.name`); list items are
/// numbered from 0 (`topics.0`, `related.1.title`). The `title` key is the title. The text of a
/// top-level `excerpt`, `description`, `summary`, `abstract` or `subtitle` key is also read as the
/// lead paragraph (in that order), so the claims a news item makes are sentences like any other;
/// excerpts of nested items (`related.0.excerpt`) describe other documents and stay fields only.
/// The body after the closing `---` is parsed as markdown. An unclosed block, bad indentation or an
/// unterminated quote is reported as `CrossCheckError.malformed` with its line.
package enum FrontMatterParser {
    /// Top-level keys whose text is read as the lead paragraph, in this order.
    static let leadKeys = ["excerpt", "description", "summary", "abstract", "subtitle"]

    package static func parse(_ source: SourceText) throws(CrossCheckError) -> Document {
        let src = source.bytes
        let start = source.contentStart
        // Opening line.
        var le = start
        while le < src.count && src[le] != 0x0A && src[le] != 0x0D { le += 1 }
        let opening = String(decoding: src[start..<le], as: UTF8.self).trimmingTrailingSpaces()
        guard opening == "---" else {
            throw .malformed(path: source.path, line: source.lines.line(of: start), reason: "front matter must start with a '---' line")
        }
        let blockStart = nextLine(after: le, in: src)
        // Closing line: `---` or `...` at column 0.
        var ls = blockStart
        var closing: (start: Int, next: Int)? = nil
        while ls < src.count {
            var e = ls
            while e < src.count && src[e] != 0x0A && src[e] != 0x0D { e += 1 }
            var t = e
            while t > ls && (src[t - 1] == 0x20 || src[t - 1] == 0x09) { t -= 1 }
            if t - ls == 3 && ((src[ls] == 0x2D && src[ls + 1] == 0x2D && src[ls + 2] == 0x2D) || (src[ls] == 0x2E && src[ls + 1] == 0x2E && src[ls + 2] == 0x2E)) {
                closing = (ls, nextLine(after: e, in: src))
                break
            }
            ls = nextLine(after: e, in: src)
        }
        guard let closing else {
            throw .malformed(
                path: source.path, line: source.lines.line(of: start),
                reason: "front matter opened here is never closed by a '---' line")
        }
        var yaml = YAMLSubset(src: src, lines: source.lines, path: source.path)
        try yaml.parse(blockStart..<closing.start)
        let entries = yaml.entries
        var fields: [Field] = []
        fields.reserveCapacity(entries.count)
        for e in entries {
            fields.append(Field(
                key: e.key, value: e.value, raw: e.raw, line: e.line, section: [], origin: .frontMatter, sourceRange: e.range))
        }
        // Lead paragraphs from the summary-like keys.
        var lead: [TextBlock] = []
        for key in leadKeys {
            guard let e = entries.first(where: { $0.key == key }), !e.value.isEmpty else { continue }
            var b = PlainTextBuilder()
            for (k, byte) in e.bytes.enumerated() { b.append(byte: byte, at: e.offsets[k]) }
            lead.append(b.finish())
        }
        var document = MarkdownParser.parse(source, from: min(closing.next, src.count), format: .frontmatter, lead: lead)
        document.fields = fields + document.fields
        if let t = entries.first(where: { $0.key == "title" })?.value, !t.isEmpty { document.title = t }
        return document
    }

    static func nextLine(after e: Int, in src: [UInt8]) -> Int {
        var n = e
        if n < src.count && src[n] == 0x0D { n += 1 }
        if n < src.count && src[n] == 0x0A { n += 1 }
        return max(n, min(e + 1, src.count))
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// The YAML subset real front matter uses, read without recursion.
///
/// Plain, single- and double-quoted scalars (with escapes, possibly over several lines), nested
/// maps, lists of scalars and of maps (`- key: value`), flow lists of scalars (`[a, b]`),
/// comments and block scalars (`|`, `>`). Anchors, tags and multi-document streams are not
/// supported (their text is kept as written).
struct YAMLSubset {
    struct Entry {
        /// Dotted lower-cased key.
        var key: String
        var value: String
        var raw: String
        var line: Int
        var range: Range<Int>
        /// Decoded value bytes and the source offset of each (for the plain-text source map).
        var bytes: [UInt8]
        var offsets: [Int]
    }

    private struct Frame {
        var indent: Int
        var path: [String]
        var isList: Bool
        var nextIndex = 0
    }

    let src: [UInt8]
    let lines: LineTable
    let path: String
    var entries: [Entry] = []

    init(src: [UInt8], lines: LineTable, path: String) {
        self.src = src
        self.lines = lines
        self.path = path
    }

    private func fail(_ offset: Int, _ reason: String) -> CrossCheckError {
        .malformed(path: path, line: lines.line(of: offset), reason: reason)
    }

    /// Line ranges (content without line end) in `range`.
    private func lineRanges(_ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var ls = range.lowerBound
        while ls < range.upperBound {
            var e = ls
            while e < range.upperBound && src[e] != 0x0A && src[e] != 0x0D { e += 1 }
            out.append(ls..<e)
            ls = FrontMatterParser.nextLine(after: e, in: src)
        }
        return out
    }

    @inline(__always) private func isBlankOrComment(_ r: Range<Int>) -> Bool {
        for k in r {
            if src[k] == 0x20 || src[k] == 0x09 { continue }
            return src[k] == 0x23
        }
        return true
    }

    mutating func parse(_ range: Range<Int>) throws(CrossCheckError) {
        let all = lineRanges(range)
        var stack = [Frame(indent: 0, path: [], isList: false)]
        var pending: (path: [String], indent: Int)? = nil
        var li = 0
        while li < all.count {
            let line = all[li]
            li += 1
            if isBlankOrComment(line) { continue }
            var p = line.lowerBound
            while p < line.upperBound && src[p] == 0x20 { p += 1 }
            if p < line.upperBound && src[p] == 0x09 { throw fail(p, "tab in the indentation of front matter (use spaces)") }
            let indent = p - line.lowerBound
            let isDash = src[p] == 0x2D && (p + 1 == line.upperBound || src[p + 1] == 0x20)
            if let pend = pending {
                pending = nil
                if indent > pend.indent || (indent == pend.indent && isDash) {
                    stack.append(Frame(indent: indent, path: pend.path, isList: isDash))
                }
            }
            while stack.count > 1, let top = stack.last, top.indent > indent { stack.removeLast() }
            // A list written at its key's indentation (`key:` then `- item`) ends at the next key.
            while stack.count > 1, let top = stack.last, top.isList, top.indent == indent, !isDash { stack.removeLast() }
            guard let top = stack.last, top.indent == indent else {
                // More indented than its container: a continuation of a plain scalar, or an error.
                if let last = entries.last, let f = last.raw.utf8.first, f != 0x22, f != 0x27, f != 0x7C, f != 0x3E,
                    isPlainContinuation(p, line.upperBound)
                {
                    appendContinuation(p..<trimEnd(p, commentStart(p, line.upperBound)))
                    continue
                }
                throw fail(p, "bad indentation in front matter")
            }
            li = try lineEntries(line, at: p, indent: indent, lineIndex: li, lines: all, stack: &stack, pending: &pending)
        }
    }

    /// Reads what a line holds from `p`: a chain of `- ` markers and then at most one `key: value`.
    /// Returns the index of the next line to read (`lineIndex`, or later after a multi-line scalar).
    private mutating func lineEntries(
        _ line: Range<Int>, at p: Int, indent: Int, lineIndex: Int, lines all: [Range<Int>], stack: inout [Frame],
        pending: inout (path: [String], indent: Int)?
    ) throws(CrossCheckError) -> Int {
        var li = lineIndex
        var indent = indent
        var q = p
        var frameIndex = stack.count - 1
        while true {
            let frame = stack[frameIndex]
            let dash = q < line.upperBound && src[q] == 0x2D && (q + 1 == line.upperBound || src[q + 1] == 0x20)
            if dash {
                guard frame.isList else { throw fail(q, "unexpected list item in front matter") }
                let index = stack[frameIndex].nextIndex
                stack[frameIndex].nextIndex += 1
                let itemPath = frame.path + [String(index)]
                var r = q + 1
                while r < line.upperBound && src[r] == 0x20 { r += 1 }
                if r >= line.upperBound || isBlankOrComment(r..<line.upperBound) {
                    pending = (itemPath, indent)
                    break
                }
                indent = r - line.lowerBound
                let nestedDash = src[r] == 0x2D && (r + 1 == line.upperBound || src[r + 1] == 0x20)
                if nestedDash || keyColon(r, line.upperBound) != nil {
                    stack.append(Frame(indent: indent, path: itemPath, isList: nestedDash))
                    frameIndex = stack.count - 1
                    q = r
                    continue
                }
                li = try scalar(path: itemPath, at: r, lineIndex: li - 1, lines: all, indent: indent)
                break
            }
            guard !frame.isList else { throw fail(q, "expected a list item ('- ') in front matter") }
            guard let (keyEnd, colon) = keyColon(q, line.upperBound) else {
                throw fail(q, "expected 'key: value' in front matter")
            }
            let key = keyText(q..<keyEnd)
            let keyPath = frame.path + [key]
            var r = colon + 1
            while r < line.upperBound && src[r] == 0x20 { r += 1 }
            if r >= line.upperBound || src[r] == 0x23 {
                pending = (keyPath, indent)
            } else {
                li = try scalar(path: keyPath, at: r, lineIndex: li - 1, lines: all, indent: indent)
            }
            break
        }
        return li
    }

    private func trimEnd(_ lo: Int, _ hi: Int) -> Int {
        var e = hi
        while e > lo && (src[e - 1] == 0x20 || src[e - 1] == 0x09) { e -= 1 }
        return e
    }

    private func isPlainContinuation(_ p: Int, _ e: Int) -> Bool {
        keyColon(p, e) == nil && !(src[p] == 0x2D && (p + 1 == e || src[p + 1] == 0x20))
    }

    private mutating func appendContinuation(_ r: Range<Int>) {
        guard var last = entries.popLast() else { return }
        last.bytes.append(0x20)
        last.offsets.append(r.lowerBound)
        for k in r { last.bytes.append(src[k]); last.offsets.append(k) }
        last.value = String(decoding: last.bytes, as: UTF8.self)
        last.range = last.range.lowerBound..<r.upperBound
        last.raw = String(decoding: src[last.range], as: UTF8.self)
        entries.append(last)
    }

    /// The end of a key and the offset of its `:` when the text at `p` is `key: ...` (plain or quoted key).
    private func keyColon(_ p: Int, _ e: Int) -> (Int, Int)? {
        guard p < e else { return nil }
        if src[p] == 0x22 || src[p] == 0x27 {
            var k = p + 1
            while k < e && src[k] != src[p] { k += src[k] == 0x5C && src[p] == 0x22 ? 2 : 1 }
            guard k < e else { return nil }
            let keyEnd = k + 1
            var c = keyEnd
            while c < e && src[c] == 0x20 { c += 1 }
            guard c < e, src[c] == 0x3A, c + 1 == e || src[c + 1] == 0x20 else { return nil }
            return (keyEnd, c)
        }
        if src[p] == 0x23 || src[p] == 0x7B || src[p] == 0x5B { return nil }
        var k = p
        while k < e {
            if src[k] == 0x3A && (k + 1 == e || src[k + 1] == 0x20) {
                var ke = k
                while ke > p && src[ke - 1] == 0x20 { ke -= 1 }
                return ke > p ? (ke, k) : nil
            }
            if src[k] == 0x20 && k + 1 < e && src[k + 1] == 0x23 { return nil }
            k += 1
        }
        return nil
    }

    private func keyText(_ r: Range<Int>) -> String {
        var lo = r.lowerBound
        var hi = r.upperBound
        if hi - lo >= 2 && (src[lo] == 0x22 || src[lo] == 0x27) && src[hi - 1] == src[lo] { lo += 1; hi -= 1 }
        return String(decoding: src[lo..<hi], as: UTF8.self).lowercased()
    }

    /// Reads the scalar starting at `p` on line `lineIndex` (it may continue on later lines).
    /// Returns the index of the next line to read.
    private mutating func scalar(path: [String], at p: Int, lineIndex: Int, lines all: [Range<Int>], indent: Int) throws(CrossCheckError) -> Int {
        let line = all[lineIndex]
        let key = path.joined(separator: ".")
        let c = src[p]
        if c == 0x22 || c == 0x27 { return try quotedScalar(key: key, at: p, lineIndex: lineIndex, lines: all) }
        if c == 0x7C || c == 0x3E {  // block scalar
            var h = p + 1
            while h < line.upperBound && (src[h] == 0x2D || src[h] == 0x2B || (src[h] >= 0x31 && src[h] <= 0x39)) { h += 1 }
            if h >= line.upperBound || src[h] == 0x20 || src[h] == 0x23 {
                return blockScalar(key: key, at: p, lineIndex: lineIndex, lines: all, indent: indent)
            }
        }
        let e = trimEnd(p, commentStart(p, line.upperBound))
        if c == 0x5B, e > p, src[e - 1] == 0x5D {  // flow list of scalars
            flowList(key: key, p..<e)
            return lineIndex + 1
        }
        add(key, Array(src[p..<e]), Array(p..<e), p..<e)
        return lineIndex + 1
    }

    /// A quoted scalar: may run over several lines (line breaks fold to spaces).
    private mutating func quotedScalar(key: String, at p: Int, lineIndex: Int, lines all: [Range<Int>]) throws(CrossCheckError) -> Int {
        let c = src[p]
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var li = lineIndex
        var k = p + 1
        var hi = all[lineIndex].upperBound
        var pendingSpace: Int? = nil
        while true {
            if k >= hi {
                li += 1
                guard li < all.count else { throw fail(p, "unterminated quoted string in front matter") }
                if pendingSpace == nil { pendingSpace = hi }
                k = all[li].lowerBound
                hi = all[li].upperBound
                while k < hi && (src[k] == 0x20 || src[k] == 0x09) { k += 1 }
                continue
            }
            let b = src[k]
            if b == c {
                if c == 0x27 && k + 1 < hi && src[k + 1] == 0x27 {  // '' in single quotes
                    if let s = pendingSpace { bytes.append(0x20); offsets.append(s); pendingSpace = nil }
                    bytes.append(0x27); offsets.append(k); k += 2
                    continue
                }
                break
            }
            if let s = pendingSpace { bytes.append(0x20); offsets.append(s); pendingSpace = nil }
            if c == 0x22 && b == 0x5C && k + 1 < hi {
                let (text, len) = YAMLSubset.escape(src, k + 1, hi)
                for x in text.utf8 { bytes.append(x); offsets.append(k) }
                k += 1 + len
                continue
            }
            bytes.append(b); offsets.append(k)
            k += 1
        }
        let end = k + 1
        add(key, bytes, offsets, p..<end)
        return li + 1
    }

    /// A block scalar (`|` or `>`) whose header is at `p`: the more indented lines after it.
    private mutating func blockScalar(key: String, at p: Int, lineIndex: Int, lines all: [Range<Int>], indent: Int) -> Int {
        let c = src[p]
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var li = lineIndex + 1
        var blockIndent: Int? = nil
        var first = true
        var start = -1
        var end = p
        var blankRun = 0
        while li < all.count {
            let r = all[li]
            var q = r.lowerBound
            while q < r.upperBound && src[q] == 0x20 { q += 1 }
            if q == r.upperBound { blankRun += 1; li += 1; continue }
            let ind = q - r.lowerBound
            if ind <= indent { break }
            let bi = blockIndent ?? ind
            blockIndent = bi
            if ind < bi { break }
            let contentStart = r.lowerBound + bi
            if !first {
                let sep: UInt8 = c == 0x7C ? 0x0A : 0x20
                bytes.append(blankRun > 0 && c == 0x3E ? 0x0A : sep); offsets.append(contentStart)
                if c == 0x7C { for _ in 0..<blankRun { bytes.append(0x0A); offsets.append(contentStart) } }
            }
            blankRun = 0
            if start < 0 { start = contentStart }
            for k in contentStart..<r.upperBound { bytes.append(src[k]); offsets.append(k) }
            end = r.upperBound
            first = false
            li += 1
        }
        add(key, bytes, offsets, (start < 0 ? p : start)..<max(end, start < 0 ? p : start))
        return li
    }

    /// A flow list of scalars (`[a, "b", c]`) in `range`: one entry per item, keyed `key.0`, `key.1`...
    private mutating func flowList(key: String, _ range: Range<Int>) {
        let p = range.lowerBound
        let e = range.upperBound
        var items: [(Int, Int)] = []
        var s = p + 1
        var quote: UInt8 = 0
        for k in (p + 1)..<(e - 1) {
            let b = src[k]
            if quote != 0 { if b == quote { quote = 0 }; continue }
            if b == 0x22 || b == 0x27 { quote = b; continue }
            if b == 0x2C { items.append((s, k)); s = k + 1 }
        }
        items.append((s, e - 1))
        var n = 0
        for (a, b) in items {
            var lo = a, hi = b
            while lo < hi && src[lo] == 0x20 { lo += 1 }
            while hi > lo && src[hi - 1] == 0x20 { hi -= 1 }
            if hi - lo >= 2 && (src[lo] == 0x22 || src[lo] == 0x27) && src[hi - 1] == src[lo] { lo += 1; hi -= 1 }
            guard hi > lo else { continue }
            add(key + "." + String(n), Array(src[lo..<hi]), Array(lo..<hi), lo..<hi)
            n += 1
        }
    }

    /// Where a ` #` comment starts on a plain scalar's line (or `e`).
    private func commentStart(_ p: Int, _ e: Int) -> Int {
        var k = p
        while k < e {
            if src[k] == 0x23 && k > p && (src[k - 1] == 0x20 || src[k - 1] == 0x09) { return k }
            k += 1
        }
        return e
    }

    private mutating func add(_ key: String, _ bytes: [UInt8], _ offsets: [Int], _ range: Range<Int>) {
        entries.append(Entry(
            key: key, value: String(decoding: bytes, as: UTF8.self), raw: String(decoding: src[range], as: UTF8.self),
            line: lines.line(of: range.lowerBound), range: range, bytes: bytes, offsets: offsets))
    }

    /// A double-quoted escape after a backslash at `i`: its text and the number of bytes it uses.
    static func escape(_ s: [UInt8], _ i: Int, _ hi: Int) -> (String, Int) {
        let c = s[i]
        switch c {
        case 0x6E: return ("\n", 1)
        case 0x74: return ("\t", 1)
        case 0x72: return ("\r", 1)
        case 0x30: return ("", 1)
        case 0x5F: return ("\u{A0}", 1)
        case 0x4E: return ("\u{85}", 1)
        case 0x20: return (" ", 1)
        case 0x78, 0x75, 0x55:  // \xXX \uXXXX \UXXXXXXXX
            let len = c == 0x78 ? 2 : (c == 0x75 ? 4 : 8)
            guard i + len < hi || i + len == hi else { return ("\\", 0) }
            let hex = String(decoding: s[(i + 1)..<min(hi, i + 1 + len)], as: UTF8.self)
            if hex.utf8.count == len, let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { return (String(Character(u)), 1 + len) }
            return ("\\", 0)
        default: return (String(decoding: [c], as: UTF8.self), 1)
        }
    }
}

extension FrontMatterParser: FormatParser {
    package static var format: DocumentFormat { .frontmatter }
    package static var fileExtensions: [String] { ["yaml", "yml"] }

    /// A leading `---` block of keys is decisive, closed or not (an unclosed one is reported by the parser).
    package static func score(_ s: FormatSignals) -> Double {
        s.frontMatterKeys >= 1 ? 1000 + Double(s.frontMatterKeys) + (s.frontMatterClosed ? 100 : 0) : 0
    }

    package static func parse(_ source: SourceText, previous: Document?) throws(CrossCheckError) -> Document {
        try parse(source)
    }

    /// News metadata is an outside document about the subject.
    package static func role(of document: Document) -> VariantRole { .source }
}
