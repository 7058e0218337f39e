import CrossCheckCore
/// Renders inline light markup (markdown or a rendered article's text) into plain text.
///
/// Shared by the markdown and plain-text parsers: emphasis markers, inline code backticks, HTML
/// tags and comments are dropped; links keep their label (the URL is recorded); entities are
/// decoded; footnote marks (`²⁸¹`, `[12]`, `[^n]`) become citations attached where they stand.
/// Every scan is bounded by the next bracket or the end of the range, so a line costs time
/// linear in its length whatever its nesting (`[[[[...`, `<!--<!--...`, long backtick runs).
struct MarkupInline {
    /// A `<!-- ... -->` comment met while rendering (body without the delimiters).
    struct Comment {
        var text: String
        var offset: Int
        var end: Int
    }

    let src: [UInt8]
    /// Markdown syntax (links, escapes, `[^n]` notes) is recognised; otherwise only what a rendered article shows.
    let markdown: Bool
    let lines: LineTable
    var links: [DocumentLink] = []
    var comments: [Comment] = []
    /// For each backtick run length, a start offset from which no closing run exists (keeps scans linear).
    private var backtickMiss: [Int: Int] = [:]
    /// Matching `]` of each `[` in the range being rendered (one stack pass, so nested labels stay linear).
    private var closeOf: [Int: Int] = [:]
    private var closeRange: Range<Int> = 0..<0

    init(src: [UInt8], markdown: Bool, lines: LineTable) {
        self.src = src
        self.markdown = markdown
        self.lines = lines
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIIPunct(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// The digit of a superscript digit at `i` (`¹²³⁰⁴…⁹`) and its byte length, if there is one.
    @inline(__always) static func superscriptDigit(_ s: [UInt8], _ i: Int, _ hi: Int) -> (digit: UInt8, length: Int)? {
        guard i + 1 < hi else { return nil }
        if s[i] == 0xC2 {
            switch s[i + 1] {
            case 0xB9: return (0x31, 2)
            case 0xB2: return (0x32, 2)
            case 0xB3: return (0x33, 2)
            default: return nil
            }
        }
        if s[i] == 0xE2, i + 2 < hi, s[i + 1] == 0x81 {
            let c = s[i + 2]
            if c == 0xB0 { return (0x30, 3) }
            if c >= 0xB4 && c <= 0xB9 { return (0x30 + (c - 0xB0), 3) }
        }
        return nil
    }

    /// Units written with a superscript power (`m²`, `km²`, `ft³`): not footnote marks.
    private func isUnitBefore(_ i: Int, lo: Int) -> Bool {
        var s = i
        while s > lo && s > i - 4 && ((src[s - 1] >= 0x61 && src[s - 1] <= 0x7A)) { s -= 1 }
        if s > lo && MarkupInline.isAlnum(src[s - 1]) { return false }
        let word = String(decoding: src[s..<i], as: UTF8.self)
        return ["m", "km", "cm", "mm", "ft", "mi", "in", "yd"].contains(word)
    }

    /// Renders `range` of the source into `out`.
    mutating func render(_ range: Range<Int>, into out: inout PlainTextBuilder) {
        let lo = range.lowerBound
        let hi = min(range.upperBound, src.count)
        if markdown { matchBrackets(lo..<hi) }
        var i = lo
        // An open link label: where its `]` is, where to resume after the `(url)`, the URL.
        var link: OpenLink? = nil
        while i < hi {
            if let l = link, i >= l.close {
                links.append(DocumentLink(text: MarkupInline.trimmed(out.bytes, from: l.textStart), url: l.url, line: lines.line(of: l.offset)))
                i = max(i, l.resume)  // a code span or comment inside the label may already have run past it
                link = nil
                continue
            }
            let c = src[i]
            switch c {
            case 0x5C where markdown && i + 1 < hi && MarkupInline.isASCIIPunct(src[i + 1]):  // \* escape
                out.append(byte: src[i + 1], at: i + 1)
                i += 2
            case 0x2A, 0x5F:  // * _
                i = emphasis(c, at: i, lo: lo, hi: hi, into: &out)
            case 0x60:  // ` inline code: keep the code, drop the backticks
                i = codeSpan(at: i, hi: hi, into: &out)
            case 0x5B:  // [
                i = bracket(at: i, hi: hi, into: &out, link: &link)
            case 0x21 where markdown && i + 1 < hi && src[i + 1] == 0x5B:  // ![alt](url): an image renders nothing
                if let l = parseLink(at: i + 1, hi: hi) {
                    out.appendSpace(at: i)
                    i = l.end
                } else {
                    out.append(byte: c, at: i)
                    i += 1
                }
            case 0x3C:  // <
                i = angle(at: i, hi: hi, into: &out)
            case 0x26:  // &
                if let (text, end) = MarkupInline.entity(src, at: i, hi: hi) {
                    out.append(generated: text, at: i)
                    i = end
                } else {
                    out.append(byte: c, at: i)
                    i += 1
                }
            case 0xC2, 0xE2:
                i = superscriptMarks(at: i, lo: lo, hi: hi, into: &out)
            default:
                out.append(byte: c, at: i)
                i += 1
            }
        }
        if let l = link {  // the label ran to the end of the range (cannot happen for a well-formed link)
            links.append(DocumentLink(text: MarkupInline.trimmed(out.bytes, from: l.textStart), url: l.url, line: lines.line(of: l.offset)))
        }
    }

    /// A markdown link whose label is being rendered: where its `]` is, where to resume after
    /// the `(url)`, the URL, where its text starts in the output and where the link starts.
    typealias OpenLink = (close: Int, resume: Int, url: String, textStart: Int, offset: Int)

    /// A run of `*` or `_` at `i`: emphasis markers are dropped; intraword, loose (`2*3`, `1_000`)
    /// and long runs are text. Returns the offset after the run.
    private func emphasis(_ c: UInt8, at i: Int, lo: Int, hi: Int, into out: inout PlainTextBuilder) -> Int {
        var r = i
        while r < hi && src[r] == c { r += 1 }
        let prev: UInt8 = i > lo ? src[i - 1] : 0x20
        let next: UInt8 = r < hi ? src[r] : 0x20
        let intraword = c == 0x5F && MarkupInline.isAlnum(prev) && MarkupInline.isAlnum(next)
        let loose = (MarkupInline.isSpace(prev) && MarkupInline.isSpace(next))
            || (MarkupInline.isDigit(prev) && MarkupInline.isDigit(next))  // 2*3, 1_000
        if intraword || loose || (c == 0x5F && r - i > 3) {
            for k in i..<r { out.append(byte: src[k], at: k) }
        }
        return r
    }

    /// Inline code at `i`: keeps the code, drops the backticks (unmatched ones are text).
    private mutating func codeSpan(at i: Int, hi: Int, into out: inout PlainTextBuilder) -> Int {
        var r = i
        while r < hi && src[r] == 0x60 { r += 1 }
        let n = r - i
        if let close = closingBackticks(from: r, count: n, hi: hi) {
            for k in r..<close { out.append(byte: src[k], at: k) }
            return close + n
        } else {
            for k in i..<r { out.append(byte: src[k], at: k) }
            return r
        }
    }

    /// `[` at `i`: a citation mark (`[12]`), an editorial mark, the label of a markdown link
    /// (opened in `link`), or text.
    private mutating func bracket(at i: Int, hi: Int, into out: inout PlainTextBuilder, link: inout OpenLink?) -> Int {
        let c = src[i]
        if let (mark, end) = bracketMark(at: i, hi: hi) {
            out.attach(Citation(mark: mark, offset: i))
            return end
        } else if !markdown, let end = editorialMark(at: i, hi: hi) {
            return end
        } else if markdown, link == nil, let l = parseLink(at: i, hi: hi) {
            link = (l.labelEnd, l.end, l.url, out.bytes.count, i)
            return i + 1
        } else {
            out.append(byte: c, at: i)
            return i + 1
        }
    }

    /// Superscript digits at `i` (`²⁸¹`) after a word: a footnote mark (not after a unit such as
    /// `km²`); otherwise the byte is text.
    private func superscriptMarks(at i: Int, lo: Int, hi: Int, into out: inout PlainTextBuilder) -> Int {
        let c = src[i]
        if MarkupInline.superscriptDigit(src, i, hi) != nil, !isUnitBefore(i, lo: lo) {
            var digits: [UInt8] = []
            var k = i
            while let (d, len) = MarkupInline.superscriptDigit(src, k, hi) { digits.append(d); k += len }
            out.attach(Citation(mark: String(decoding: digits, as: UTF8.self), offset: i))
            return k
        } else {
            out.append(byte: c, at: i)
            return i + 1
        }
    }

    /// The text of `bytes` from `start` on, without surrounding spaces.
    static func trimmed(_ bytes: [UInt8], from start: Int) -> String {
        var lo = min(start, bytes.count)
        var hi = bytes.count
        while lo < hi && bytes[lo] == 0x20 { lo += 1 }
        while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Renders a range to a standalone string (headings, field keys and values).
    mutating func plain(_ range: Range<Int>) -> (text: String, block: TextBlock) {
        var b = PlainTextBuilder()
        render(range, into: &b)
        let block = b.finish()
        return (String(decoding: block.bytes, as: UTF8.self), block)
    }

    private mutating func closingBackticks(from start: Int, count n: Int, hi: Int) -> Int? {
        if let miss = backtickMiss[n], miss <= start { return nil }
        var k = start
        while k < hi {
            if src[k] == 0x60 {
                var r = k
                while r < hi && src[r] == 0x60 { r += 1 }
                if r - k == n { return k }
                k = r
            } else {
                k += 1
            }
        }
        backtickMiss[n] = start
        return nil
    }

    /// `[12]`, `[^note]` (markdown) or `[citation needed]`-free numeric marks: a footnote mark and the end offset.
    private func bracketMark(at i: Int, hi: Int) -> (String, Int)? {
        var k = i + 1
        if markdown && k < hi && src[k] == 0x5E {  // [^label]
            k += 1
            let s = k
            while k < hi && k - s < 40 && src[k] != 0x5D && !MarkupInline.isSpace(src[k]) && src[k] != 0x5B { k += 1 }
            guard k < hi, src[k] == 0x5D, k > s else { return nil }
            if k + 1 < hi && (src[k + 1] == 0x3A || src[k + 1] == 0x28) { return nil }  // a definition or a link
            return (String(decoding: src[s..<k], as: UTF8.self), k + 1)
        }
        let s = k
        while k < hi && k - s < 3 && MarkupInline.isDigit(src[k]) { k += 1 }
        guard k > s, k < hi, src[k] == 0x5D else { return nil }
        if markdown && k + 1 < hi && (src[k + 1] == 0x28 || src[k + 1] == 0x5B || src[k + 1] == 0x3A) { return nil }
        return (String(decoding: src[s..<k], as: UTF8.self), k + 1)
    }

    /// Pairs the brackets of `range` with one stack pass (escaped brackets do not count).
    private mutating func matchBrackets(_ range: Range<Int>) {
        guard range != closeRange else { return }
        closeRange = range
        closeOf = [:]
        var stack: [Int] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let b = src[k]
            if b == 0x5C { k += 2; continue }
            if b == 0x5B { stack.append(k) } else if b == 0x5D, let open = stack.popLast() { closeOf[open] = k }
            k += 1
        }
    }

    /// A rendered article's editorial marks, which are not prose: `[citation needed]`, `[when?]`,
    /// `[note 1]`, and lettered note marks such as `[a]`. Returns the end offset.
    private func editorialMark(at i: Int, hi: Int) -> Int? {
        var k = i + 1
        while k < hi && k - i <= 40 && src[k] != 0x5D && src[k] != 0x5B && src[k] != 0x0A { k += 1 }
        guard k < hi, src[k] == 0x5D, k > i + 1 else { return nil }
        let body = String(decoding: src[(i + 1)..<k], as: UTF8.self)
        let isLetterNote = body.utf8.count == 1 && (body.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
        let lowerOnly = body.unicodeScalars.allSatisfy { !($0.properties.isUppercase) }
        if isLetterNote || (lowerOnly && (body.hasSuffix("needed") || body.hasSuffix("?") || body.hasPrefix("note ")
            || body.hasPrefix("dubious") || body.hasPrefix("failed verification") || body == "sic" || body == "citation needed"))
        {
            return k + 1
        }
        return nil
    }

    /// `[label](url "title")` starting at the `[` at `i`: where the label ends, the URL, and the end offset.
    private func parseLink(at i: Int, hi: Int) -> (labelEnd: Int, url: String, end: Int)? {
        guard let k = closeOf[i], k + 1 < hi, src[k + 1] == 0x28 else { return nil }
        let urlStart = k + 2
        var u = urlStart
        var depth = 0
        var angle = false
        if u < hi && src[u] == 0x3C { angle = true; u += 1 }
        while u < hi {
            let b = src[u]
            if angle {
                if b == 0x3E { break }
                if b == 0x3C || b == 0x0A { return nil }
                u += 1
                continue
            }
            if MarkupInline.isSpace(b) || b == 0x5B || b == 0x5D || b == 0x3C || b == 0x3E { break }
            if b == 0x28 { depth += 1 } else if b == 0x29 { if depth == 0 { break }; depth -= 1 }
            u += 1
        }
        guard u < hi else { return nil }
        let url = String(decoding: src[(angle ? urlStart + 1 : urlStart)..<u], as: UTF8.self)
        var e = angle ? u + 1 : u
        while e < hi && (src[e] == 0x20 || src[e] == 0x09) { e += 1 }
        if e < hi && (src[e] == 0x22 || src[e] == 0x27) {  // optional title
            let q = src[e]
            e += 1
            while e < hi && src[e] != q && src[e] != 0x29 { e += 1 }
            guard e < hi, src[e] == q else { return nil }
            e += 1
            while e < hi && (src[e] == 0x20 || src[e] == 0x09) { e += 1 }
        }
        guard e < hi, src[e] == 0x29 else { return nil }
        return (k, url, e + 1)
    }

    /// Handles `<` at `i`: comments, autolinks and HTML tags. Returns where to continue.
    private mutating func angle(at i: Int, hi: Int, into out: inout PlainTextBuilder) -> Int {
        if i + 3 < hi && src[i + 1] == 0x21 && src[i + 2] == 0x2D && src[i + 3] == 0x2D {  // <!--
            var k = i + 4
            while k + 2 < hi && !(src[k] == 0x2D && src[k + 1] == 0x2D && src[k + 2] == 0x3E) { k += 1 }
            let bodyEnd = k + 2 < hi ? k : hi
            let end = k + 2 < hi ? k + 3 : hi
            comments.append(Comment(text: String(decoding: src[(i + 4)..<max(i + 4, bodyEnd)], as: UTF8.self), offset: i, end: end))
            out.appendSpace(at: i)
            return end
        }
        // Scan to the closing `>` without crossing another `<` or a line end.
        var k = i + 1
        while k < hi && k - i < 2048 && src[k] != 0x3E && src[k] != 0x3C && src[k] != 0x0A { k += 1 }
        guard k < hi, src[k] == 0x3E, k > i + 1 else {
            out.append(byte: src[i], at: i)
            return i + 1
        }
        let first = src[i + 1]
        let inner = String(decoding: src[(i + 1)..<k], as: UTF8.self)
        if markdown && !inner.contains(" ") && (inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") || (inner.contains("@") && inner.contains("."))) {
            for j in (i + 1)..<k { out.append(byte: src[j], at: j) }
            links.append(DocumentLink(text: inner, url: inner, line: lines.line(of: i)))
            return k + 1
        }
        let isTag = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || (first == 0x2F && k > i + 2)
        if isTag {
            // A tag is a word break only for block-ish tags; inline tags (<sup>, <b>, <span>) join text.
            let lower = inner.lowercased()
            let name = lower.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
            if ["br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"].contains(String(name)) {
                out.appendSpace(at: i)
            }
            return k + 1
        }
        out.append(byte: src[i], at: i)
        return i + 1
    }

    /// Decodes an HTML entity at `i` (`&amp;`, `&#39;`, `&#x2019;`): its text and end offset.
    static func entity(_ s: [UInt8], at i: Int, hi: Int) -> (String, Int)? {
        var k = i + 1
        while k < hi && k - i <= 10 && (isAlnum(s[k]) || s[k] == 0x23) && s[k] < 0x80 { k += 1 }
        guard k < hi, s[k] == 0x3B, k > i + 1 else { return nil }
        let name = String(decoding: s[(i + 1)..<k], as: UTF8.self)
        if name.hasPrefix("#") {
            let body = name.dropFirst()
            let value: UInt32?
            if body.hasPrefix("x") || body.hasPrefix("X") { value = UInt32(body.dropFirst(), radix: 16) } else { value = UInt32(body) }
            guard let v = value, v > 0, let scalar = Unicode.Scalar(v) else { return nil }
            return (String(Character(scalar)), k + 1)
        }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
            "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®",
            "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "deg": "°", "times": "×", "middot": "·", "shy": "",
            "thinsp": " ", "ensp": " ", "emsp": " ", "zwj": "", "zwnj": "",
        ]
        guard let text = named[name] else { return nil }
        return (text, k + 1)
    }
}
