import CrossCheckCore
/// One HTML-like tag as written: `<ref name="x">`, `</ref>`, `<br />`.
struct WikitextTag {
    /// Lower-cased ASCII name.
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    /// Byte range of the attributes (after the name, before `>` or `/>`).
    var attributes: Range<Int>
    /// Offset just after `>`.
    var end: Int

    /// Longest tag we accept, so a stray `<` costs a bounded look-ahead.
    static let maxLength = 2048

    /// Parses a tag starting at `p` (which holds `<`), not reaching `limit`.
    static func parse(_ bytes: [UInt8], at p: Int, limit: Int) -> WikitextTag? {
        var reach = p
        return parse(bytes, at: p, limit: limit, reach: &reach)
    }

    /// As `parse(_:at:limit:)`, setting `reach` to the last offset it looked at when it fails.
    static func parse(_ bytes: [UInt8], at p: Int, limit: Int, reach: inout Int) -> WikitextTag? {
        var i = p + 1
        reach = i
        guard i < limit else { return nil }
        var closing = false
        if bytes[i] == 0x2F { closing = true; i += 1 }
        let nameStart = i
        while i < limit {
            let c = bytes[i]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (i > nameStart && c >= 0x30 && c <= 0x39)
            if !ok { break }
            i += 1
        }
        reach = i
        guard i > nameStart, i < limit else { return nil }
        let after = bytes[i]
        guard after == 0x3E || after == 0x2F || after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D else {
            return nil
        }
        // Tag names are ASCII letters and digits: lower-cased straight into the string's storage
        // (inline for names up to 15 bytes, so no allocation).
        let name = String(unsafeUninitializedCapacity: i - nameStart) { buffer in
            for k in nameStart..<i { buffer[k - nameStart] = WikitextNextFinder.lower(bytes[k]) }
            return i - nameStart
        }
        let attrStart = i
        var quote: UInt8 = 0
        let bound = min(limit, p + maxLength)
        while i < bound {
            let c = bytes[i]
            // A `<` never sits inside a tag, so every look-ahead ends before the next one starts.
            if c == 0x3C { reach = i; return nil }
            if quote != 0 {
                if c == quote || c == 0x0A { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                if i > attrStart && (bytes[i - 1] == 0x3D || bytes[i - 1] == 0x20) { quote = c }
            } else if c == 0x3E {
                let selfClosing = i > attrStart && bytes[i - 1] == 0x2F
                return WikitextTag(
                    name: name, isClosing: closing, isSelfClosing: selfClosing,
                    attributes: attrStart..<(selfClosing ? i - 1 : i), end: i + 1)
            }
            i += 1
        }
        reach = i
        return nil
    }

    /// Attribute values by lower-cased name (`name=x`, `name="x y"`, `name='x'`).
    static func attributes(_ bytes: [UInt8], _ range: Range<Int>) -> [String: String] {
        var out: [String: String] = [:]
        forEachAttribute(bytes, range) { key, value in
            let name = String(decoding: bytes[key], as: UTF8.self).lowercased()
            guard !name.isEmpty else { return }
            out[name] = value.map { HTMLEntities.decodeAll(String(decoding: bytes[$0], as: UTF8.self)) } ?? ""
        }
        return out
    }

    /// Calls `body` with the byte range of each attribute's key and of its value (inside any
    /// quotes; nil for a key without `=`), in order. The one place attributes are tokenised.
    @inline(__always)
    static func forEachAttribute(_ bytes: [UInt8], _ range: Range<Int>, _ body: (Range<Int>, Range<Int>?) -> Void) {
        var i = range.lowerBound
        let end = min(range.upperBound, bytes.count)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        while i < end {
            while i < end && (isSpace(bytes[i]) || bytes[i] == 0x2F) { i += 1 }
            let keyStart = i
            while i < end && !isSpace(bytes[i]) && bytes[i] != 0x3D && bytes[i] != 0x2F { i += 1 }
            let key = keyStart..<i
            while i < end && isSpace(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == 0x3D else {
                body(key, nil)
                if i == keyStart { i += 1 }
                continue
            }
            i += 1
            while i < end && isSpace(bytes[i]) { i += 1 }
            var valueStart = i
            var valueEnd = i
            if i < end && (bytes[i] == 0x22 || bytes[i] == 0x27) {
                let q = bytes[i]
                i += 1
                valueStart = i
                while i < end && bytes[i] != q { i += 1 }
                valueEnd = i
                if i < end { i += 1 }
            } else {
                while i < end && !isSpace(bytes[i]) { i += 1 }
                valueEnd = i
            }
            body(key, valueStart..<valueEnd)
        }
    }
}

/// What a matched construct is.
enum WikitextRegionKind: UInt8, Sendable {
    /// `{{...}}`
    case template
    /// `{{{...}}}`
    case parameter
    /// `[[...]]`
    case link
    /// `<!-- ... -->` (to the end of the input when unterminated)
    case comment
    /// `<nowiki>`, `<pre>`, `<math>`, `<syntaxhighlight>`...: content kept as text, not parsed.
    case verbatim
    /// `<gallery>`, `<timeline>`, `<includeonly>`...: content renders nothing here.
    case dropped
    /// `<ref>...</ref>`
    case ref
    /// `<references>...</references>` (list-defined references)
    case references
    /// `<poem>` and other extension tags whose content is wikitext.
    case parsedTag
}

/// A matched construct: where its content is and where it ends.
struct WikitextRegion: Sendable {
    var kind: WikitextRegionKind
    /// Content range (inside the delimiters).
    var inner: Range<Int>
    /// Offset just after the closing delimiter.
    var end: Int
    /// Attributes of an opening tag (tags only).
    var attributes: Range<Int> = 0..<0
}

/// The last position looked up in a region table (a per-parse cache).
final class WikitextRegionCursor {
    var index = 0
}

/// Matched constructs in order of their opener's offset, looked up by offset.
///
/// Slots are taken in scan order (an opener's slot when it is pushed, so the order holds even
/// though closers come later) and unmatched openers keep an empty slot. Lookups gallop from the
/// previous one: O(log distance), near O(1) for the mostly forward walk of the renderer, and
/// without a hash table's cache misses on large inputs.
struct WikitextRegionTable {
    private var starts: [Int] = []
    private var items: [WikitextRegion] = []
    private let cursor = WikitextRegionCursor()

    /// Takes a slot for an opener at `offset` (offsets must not decrease).
    mutating func reserve(at offset: Int) -> Int {
        starts.append(offset)
        items.append(WikitextRegion(kind: .template, inner: 0..<0, end: -1))
        return starts.count - 1
    }

    /// Fills a reserved slot, possibly moving its offset forward (`{{{x}}` is a template at +1).
    mutating func fill(_ slot: Int, at offset: Int, _ region: WikitextRegion) {
        starts[slot] = offset
        items[slot] = region
    }

    /// Records a construct found complete at `offset`.
    mutating func record(at offset: Int, _ region: WikitextRegion) {
        starts.append(offset)
        items.append(region)
    }

    var count: Int { starts.count }

    /// The matched construct whose opener is at `offset`, if any.
    subscript(offset: Int) -> WikitextRegion? {
        let n = starts.count
        guard n > 0 else { return nil }
        let c = min(cursor.index, n - 1)
        if starts[c] == offset { return items[c].end >= 0 ? items[c] : nil }
        var l: Int
        var h: Int
        if starts[c] < offset {
            var lo = c
            var step = 1
            var hi = c + 1
            while hi < n && starts[hi] < offset { lo = hi; step <<= 1; hi = lo + step }
            l = lo + 1
            h = min(hi, n)
        } else {
            var hi = c
            var step = 1
            var lo = c - 1
            while lo >= 0 && starts[lo] >= offset { hi = lo; step <<= 1; lo = hi - step }
            l = max(lo, -1) + 1
            h = hi
        }
        while l < h {
            let m = (l + h) / 2
            if starts[m] < offset { l = m + 1 } else { h = m }
        }
        cursor.index = min(l, n - 1)
        guard l < n, starts[l] == offset, items[l].end >= 0 else { return nil }
        return items[l]
    }
}

/// The result of the one linear matching pass over a wikitext source.
struct WikitextScan {
    /// Matched constructs by the offset of their opener.
    var regions = WikitextRegionTable()
    /// Tables: offset of `{|` to the offset just after the matching `|}`.
    var tables: [Int: Int] = [:]
    /// Comments whose body starts with `crosscheck-disable`: comment start and trimmed body.
    var suppressionComments: [(offset: Int, end: Int, body: String)] = []
    /// Starts of lines beginning with `=` that the scan reached with nothing open (no construct,
    /// barrier or table spans them): where an incremental parse may resume or stop.
    var cleanHeadingStarts: [Int] = []
    /// Openers whose closer was searched for to the end of the input and not found. A later edit
    /// anywhere after one may supply the closer, so no parse may resume after it.
    var failedLookaheads: [Int] = []
    /// The stop candidate the scan ended at, when it was given some and reached one cleanly.
    var stoppedAt: Int?
    /// Failed tag parses that looked further than `WikitextScanner.shortProbe` bytes ahead: from
    /// the `<` to the last byte examined. Bytes an edit changes there could have made a tag.
    var longProbes: [Range<Int>] = []
}

/// Matches `{{ }}`, `{{{ }}}`, `[[ ]]`, comments, extension tags and tables in one linear pass.
///
/// Uses explicit stacks, so nesting depth costs no call depth. Unmatched openers and closers are
/// simply not recorded (the renderer then treats them as text). Extension tags (`<ref>`,
/// `<nowiki>`...) are barriers, as in MediaWiki's preprocessor: nothing opened inside them can be
/// closed outside. O(n) time; memory O(number of constructs).
enum WikitextScanner {
    static let verbatimTags: Set<String> = [
        "nowiki", "pre", "math", "chem", "ce", "syntaxhighlight", "source", "hiero", "score",
    ]
    static let droppedTags: Set<String> = [
        "gallery", "timeline", "graph", "mapframe", "maplink", "templatedata", "imagemap", "inputbox",
        "categorytree", "indicator", "includeonly", "charinsert", "templatestyles", "math-chem", "langconvert",
    ]
    static let barrierTags: [String: WikitextRegionKind] = ["ref": .ref, "references": .references, "poem": .parsedTag]

    private enum OpenKind: UInt8 { case template, parameter, link, barrier }

    /// Look-ahead of a failed tag parse that `longProbes` need not record: an incremental parse
    /// keeps this many unchanged bytes after a resume point anyway.
    static let shortProbe = 64

    /// Bytes the scanner acts on: `{ } [ ] <` and line ends.
    static let special: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for b: UInt8 in [0x7B, 0x7D, 0x5B, 0x5D, 0x3C, 0x0A] { t[Int(b)] = true }
        return t
    }()

    /// Scans from `start` to the end of `bytes`, or up to the first of `stops` (ascending line
    /// starts) that it reaches at a line start with nothing open; `stoppedAt` then names it.
    static func scan(_ bytes: [UInt8], from start: Int, stops: [Int] = []) -> WikitextScan {
        var pass = Pass(bytes: bytes, start: start, stops: stops)
        pass.run()
        // An unterminated table runs to the end of the input, as in MediaWiki.
        if pass.result.stoppedAt == nil, let outer = pass.tableStack.first { pass.result.tables[outer] = bytes.count }
        return pass.result
    }

    /// The state of one `scan`: the open constructs and what has been matched so far. Each method
    /// handles the byte class its name says, starting at `i`, and returns the offset to go on at.
    private struct Pass {
        let bytes: [UInt8]
        let n: Int
        let start: Int
        let stops: [Int]
        var nextStop = 0
        var result = WikitextScan()
        var stack: [(kind: OpenKind, pos: Int, slot: Int)] = []
        /// Open braces and links above the innermost barrier.
        var levels: [(braces: Int, links: Int)] = [(0, 0)]
        var barriers: [(closeStart: Int, end: Int)] = []
        var tableStack: [Int] = []
        var commentEnd = WikitextNextFinder("-->")
        var tagFinders: [String: WikitextNextFinder] = [:]
        let special = WikitextScanner.special

        init(bytes: [UInt8], start: Int, stops: [Int]) {
            self.bytes = bytes
            self.n = bytes.count
            self.start = start
            self.stops = stops
        }

        mutating func run() {
            var i = start
            if i < n && bytes[i] == 0x3D { result.cleanHeadingStarts.append(i) }
            tableLine(i)
            while i < n {
                if let barrier = barriers.last, i >= barrier.closeStart {
                    while let top = stack.popLast(), top.kind != .barrier {}
                    levels.removeLast()
                    barriers.removeLast()
                    i = barrier.end
                    continue
                }
                let limit = barriers.last?.closeStart ?? n
                switch bytes[i] {
                case 0x0A:
                    guard let next = lineStart(after: i) else { return }
                    i = next
                case 0x7B: i = openBraces(at: i, limit: limit)  // {
                case 0x7D: i = closeBraces(at: i, limit: limit)  // }
                case 0x5B: i = openBrackets(at: i, limit: limit)  // [
                case 0x5D: i = closeBrackets(at: i, limit: limit)  // ]
                case 0x3C: i = angle(at: i, limit: limit)  // <
                default: i = skipText(from: i + 1, limit: limit)
                }
            }
        }

        /// Notes a table opening or closing on the line starting at `q`.
        @inline(__always) mutating func tableLine(_ q: Int) {
            var j = q
            while j < n && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
            guard j + 1 < n else { return }
            if bytes[j] == 0x7B && bytes[j + 1] == 0x7C {
                tableStack.append(j)
            } else if bytes[j] == 0x7C && bytes[j + 1] == 0x7D, let open = tableStack.popLast() {
                result.tables[open] = j + 2
            }
        }

        /// The line end at `newline`: records a clean heading start after it, or returns nil when the
        /// scan stops there.
        @inline(__always) mutating func lineStart(after newline: Int) -> Int? {
            let i = newline + 1
            if i < n && bytes[i] == 0x3D && stack.isEmpty && tableStack.isEmpty {
                while nextStop < stops.count && stops[nextStop] < i { nextStop += 1 }
                if nextStop < stops.count && stops[nextStop] == i {
                    result.stoppedAt = i
                    return nil
                }
                result.cleanHeadingStarts.append(i)
            }
            tableLine(i)
            return i
        }

        /// The length of the run of `byte` starting at `i`, not reaching `limit`.
        @inline(__always) func runLength(of byte: UInt8, at i: Int, limit: Int) -> Int {
            var r = 1
            while i + r < limit && bytes[i + r] == byte { r += 1 }
            return r
        }

        /// `{{`, `{{{` (or a table opened as a parameter value).
        mutating func openBraces(at i: Int, limit: Int) -> Int {
            if i + 1 < limit && bytes[i + 1] == 0x7C && WikitextScanner.followsEquals(bytes, i, from: start) {
                // `| key = {| ...`: a table as a template parameter value.
                tableStack.append(i)
                return i + 2
            }
            let r = runLength(of: 0x7B, at: i, limit: limit)
            var p = i
            var left = r
            while left >= 2 {
                if left == 3 {
                    stack.append((.parameter, p, result.regions.reserve(at: p))); p += 3; left = 0
                } else {
                    stack.append((.template, p, result.regions.reserve(at: p))); p += 2; left -= 2
                }
                levels[levels.count - 1].braces += 1
            }
            return i + r
        }

        /// `}}`, `}}}`: closes templates and parameters (and any links left open inside them).
        mutating func closeBraces(at i: Int, limit: Int) -> Int {
            let r = runLength(of: 0x7D, at: i, limit: limit)
            var p = i
            var left = r
            while left >= 2 && levels[levels.count - 1].braces > 0 {
                while let top = stack.last, top.kind == .link {
                    stack.removeLast()
                    levels[levels.count - 1].links -= 1
                }
                guard let top = stack.last, top.kind == .template || top.kind == .parameter else { break }
                if top.kind == .parameter && left >= 3 {
                    result.regions.fill(top.slot, at: top.pos, WikitextRegion(kind: .parameter, inner: (top.pos + 3)..<p, end: p + 3))
                    p += 3; left -= 3
                } else if top.kind == .parameter {
                    // `{{{x}}`: a template opened one brace later; the first brace is text.
                    result.regions.fill(top.slot, at: top.pos + 1, WikitextRegion(kind: .template, inner: (top.pos + 3)..<p, end: p + 2))
                    p += 2; left -= 2
                } else {
                    result.regions.fill(top.slot, at: top.pos, WikitextRegion(kind: .template, inner: (top.pos + 2)..<p, end: p + 2))
                    p += 2; left -= 2
                }
                stack.removeLast()
                levels[levels.count - 1].braces -= 1
            }
            return i + r
        }

        /// `[[` (the last two of a run of brackets).
        mutating func openBrackets(at i: Int, limit: Int) -> Int {
            let r = runLength(of: 0x5B, at: i, limit: limit)
            if r >= 2 {
                stack.append((.link, i + r - 2, result.regions.reserve(at: i + r - 2)))
                levels[levels.count - 1].links += 1
            }
            return i + r
        }

        /// `]]`: closes open links.
        mutating func closeBrackets(at i: Int, limit: Int) -> Int {
            let r = runLength(of: 0x5D, at: i, limit: limit)
            var p = i
            var left = r
            while left >= 2, let top = stack.last, top.kind == .link {
                result.regions.fill(top.slot, at: top.pos, WikitextRegion(kind: .link, inner: (top.pos + 2)..<p, end: p + 2))
                stack.removeLast()
                levels[levels.count - 1].links -= 1
                p += 2; left -= 2
            }
            return i + r
        }

        /// `<`: a comment, an extension tag with its content, or another tag or text.
        mutating func angle(at i: Int, limit: Int) -> Int {
            if i + 3 < limit && bytes[i + 1] == 0x21 && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                return comment(at: i, limit: limit)
            }
            var reach = i
            guard let tag = WikitextTag.parse(bytes, at: i, limit: limit, reach: &reach) else {
                if reach - i > WikitextScanner.shortProbe { result.longProbes.append(i..<(reach + 1)) }
                return i + 1
            }
            if tag.isClosing || tag.isSelfClosing { return tag.end }
            let kind: WikitextRegionKind? =
                verbatimTags.contains(tag.name) ? .verbatim
                : droppedTags.contains(tag.name) ? .dropped : barrierTags[tag.name]
            guard let kind else { return tag.end }
            guard let closeTag = closingTag(of: tag, limit: limit) else {
                if limit == n { result.failedLookaheads.append(i) }
                return tag.end
            }
            result.regions.record(
                at: i,
                WikitextRegion(kind: kind, inner: tag.end..<closeTag.start, end: closeTag.end, attributes: tag.attributes))
            if kind == .verbatim || kind == .dropped { return closeTag.end }
            stack.append((.barrier, i, -1))
            levels.append((0, 0))
            barriers.append((closeTag.start, closeTag.end))
            return tag.end
        }

        /// `<!-- ... -->` at `i` (to `limit` when unterminated).
        mutating func comment(at i: Int, limit: Int) -> Int {
            let innerStart = i + 4
            var innerEnd = limit
            var end = limit
            if let close = commentEnd.next(in: bytes, from: innerStart), close + 3 <= limit {
                innerEnd = close
                end = close + 3
            }
            result.regions.record(at: i, WikitextRegion(kind: .comment, inner: innerStart..<innerEnd, end: end))
            recordSuppression(bytes, start: i, inner: innerStart..<innerEnd, end: end, into: &result)
            return end
        }

        /// The `</name>` that closes the extension tag `tag`, before `limit`.
        mutating func closingTag(of tag: WikitextTag, limit: Int) -> (start: Int, end: Int)? {
            var finder = tagFinders[tag.name] ?? WikitextNextFinder("</" + tag.name, caseInsensitive: true)
            defer { tagFinders[tag.name] = finder }
            var from = tag.end
            while let c = finder.next(in: bytes, from: from), c < limit {
                if let t = WikitextTag.parse(bytes, at: c, limit: limit), t.isClosing, t.name == tag.name {
                    return (c, t.end)
                }
                from = c + 1
            }
            return nil
        }

        /// Skips ordinary text from `i` up to the next byte that can matter.
        @inline(__always) func skipText(from i: Int, limit: Int) -> Int {
            bytes.withUnsafeBufferPointer { buf in
                special.withUnsafeBufferPointer { table in
                    var k = i
                    let stop = min(limit, buf.count)
                    while k < stop && !table[Int(buf[k])] { k += 1 }
                    return k
                }
            }
        }
    }

    /// Whether only spaces separate offset `i` from a preceding `=` on the same line.
    static func followsEquals(_ bytes: [UInt8], _ i: Int, from start: Int) -> Bool {
        var j = i - 1
        while j >= start && (bytes[j] == 0x20 || bytes[j] == 0x09) { j -= 1 }
        return j >= start && bytes[j] == 0x3D
    }

    private static func recordSuppression(
        _ bytes: [UInt8], start: Int, inner: Range<Int>, end: Int, into result: inout WikitextScan
    ) {
        var s = inner.lowerBound
        var e = inner.upperBound
        while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0A || bytes[s] == 0x0D) { s += 1 }
        let marker = Array("crosscheck-disable".utf8)
        guard e - s >= marker.count, Array(bytes[s..<(s + marker.count)]) == marker else { return }
        while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0A || bytes[e - 1] == 0x0D) { e -= 1 }
        result.suppressionComments.append((start, end, String(decoding: bytes[s..<e], as: UTF8.self)))
    }
}
