import Foundation
import CrossCheckCore

/// Turns inline wikitext into plain text: links to labels, templates rendered or dropped, tags
/// stripped, entities decoded, references turned into attached citations.
///
/// Works on byte offsets over the scan's matched regions, so every construct is found by its
/// offset (near O(1)) and skipped as a unit. Rendering nests (a link label inside a template parameter) only up to
/// `maxDepth`; deeper content renders nothing, so input cannot drive the call depth.
struct WikitextRenderer {
    let bytes: [UInt8]
    var scan: WikitextScan
    let lines: LineTable
    static let maxDepth = 40

    /// Named references with a body, by group and name, for `<ref name=x/>` reuses.
    var definitions: [String: Citation] = [:]
    var fields: [Field] = []
    var categories: [String] = []
    var categorySet: Set<String> = []
    var declaredDateStyle: DateStyle?
    var declaredDateStyleLine: Int?
    /// Heading path of the section being rendered (for fields).
    var currentSection: [String] = []
    /// True before the first prose and heading: key = value templates there become fields.
    var fieldTemplatesAllowed = false
    /// The `name` of the first infobox.
    var infoboxName: String?
    /// `inlineSpecial`, held here so the hot loop does not re-check a global's initialisation.
    let special: [UInt8] = WikitextRenderer.inlineSpecial
    /// `linkStopTable`, held here for the same reason.
    let linkStops: [Bool] = WikitextRenderer.linkStopTable
    var closeBracket = WikitextByteFinder(0x5D)
    var conversionEnd = WikitextByteFinder(0x7D, then: 0x2D)
    var newline = WikitextByteFinder(0x0A)
    /// Scratch sinks for `plain`, reused so rendering a parameter value allocates no new buffers.
    private var sinkPool: [WikitextSink] = []

    /// Sets the categories met so far (an incremental parse resuming mid-document).
    mutating func restoreCategories(_ list: [String]) {
        categories = list
        categorySet = Set(list)
    }

    init(bytes: [UInt8], scan: WikitextScan, lines: LineTable) {
        self.bytes = bytes
        self.scan = scan
        self.lines = lines
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C
    }

    // MARK: - Inline

    /// Renders `range` into `sink`; with `stopAtNewline`, stops at the first line end outside any
    /// construct and returns its offset. `listLines` turns `*`/`#` at line starts into list breaks.
    @discardableResult
    mutating func renderInline(
        _ range: Range<Int>, into sink: inout WikitextSink, depth: Int, stopAtNewline: Bool = false,
        listLines: Bool = false
    ) -> Int {
        var i = range.lowerBound
        let end = min(range.upperBound, bytes.count)
        if listLines { i = skipBullets(i, end, &sink) }
        while i < end {
            let b = bytes[i]
            switch b {
            case 0x0A:
                if stopAtNewline { return i }
                sink.space(at: i)
                i += 1
                if listLines { i = skipBullets(i, end, &sink) }
            case 0x7B:  // {
                i = renderBrace(at: i, end: end, into: &sink, depth: depth)
            case 0x5B:  // [
                i = renderBracket(at: i, end: end, into: &sink, depth: depth)
            case 0x3C:  // <
                let before = sink.count
                i = renderAngle(at: i, end: end, into: &sink, depth: depth)
                if sink.count == before && i < end && WikitextRenderer.closingPunctuation(bytes[i]) {
                    sink.dropPendingSpace()
                }
            case 0x26:  // &
                if let (scalar, length) = HTMLEntities.decode(bytes, at: i, end: end) {
                    emitScalar(scalar, at: i, into: &sink)
                    i += length
                } else {
                    sink.emit(b, at: i)
                    i += 1
                }
            case 0x27, 0xC2, 0x2D, 0x5F:  // '' U+00A0 -{ __: markup only before their partner byte
                i = renderPartnered(b, at: i, end: end, into: &sink, depth: depth)
            default:
                // A run of ordinary bytes is copied at once.
                i = WikitextRenderer.copyRun(bytes, special, from: i, end: end, into: &sink)
            }
        }
        return end
    }

    /// `{` at `i`: a template or parameter, a table inside a template parameter, or text.
    /// Returns the offset to go on at.
    @inline(__always)
    private mutating func renderBrace(at i: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int {
        if let r = scan.regions[i], r.end <= end, r.kind == .template || r.kind == .parameter {
            let before = sink.count
            if r.kind == .template {
                renderTemplate(at: i, r, into: &sink, depth: depth)
            } else {
                renderParameter(r, into: &sink, depth: depth)
            }
            // `word {{citation needed}}.` reads `word.`
            if sink.count == before && r.end < end && WikitextRenderer.closingPunctuation(bytes[r.end]) {
                sink.dropPendingSpace()
            }
            return r.end
        }
        if i + 1 < end && bytes[i + 1] == 0x7C, let tableEnd = scan.tables[i], tableEnd <= end {
            // A table inside a template parameter: dropped like tables in prose.
            if depth < WikitextRenderer.maxDepth {
                var discard = WikitextSink()
                renderInline((i + 2)..<tableEnd, into: &discard, depth: depth + 1)
            }
            sink.space(at: i)
            return tableEnd
        }
        sink.emit(bytes[i], at: i)
        return i + 1
    }

    /// `[` at `i`: a wiki link, an external link, or text. Returns the offset to go on at.
    @inline(__always)
    private mutating func renderBracket(at i: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int {
        if let r = scan.regions[i], r.kind == .link, r.end <= end {
            return renderLink(at: i, r, into: &sink, depth: depth, end: end)
        }
        if let next = renderExternalLink(at: i, end: end, into: &sink, depth: depth) { return next }
        sink.emit(bytes[i], at: i)
        return i + 1
    }

    /// A byte that is markup only before its partner (see `actsBefore`): `''` quotes, U+00A0,
    /// `-{...}-` language conversion, `__MAGIC__` words; otherwise text. Returns the offset to go on at.
    @inline(__always)
    private mutating func renderPartnered(_ b: UInt8, at i: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int {
        switch b {
        case 0x27:  // '
            var r = 1
            while i + r < end && bytes[i + r] == 0x27 { r += 1 }
            if r == 1 {
                sink.emit(b, at: i)
            } else {
                applyQuotes(r, at: i, into: &sink)
            }
            return i + r
        case 0xC2:  // U+00A0 no-break space, written as a character
            if i + 1 < end && bytes[i + 1] == 0xA0 {
                sink.space(at: i)
                return i + 2
            }
        case 0x2D:  // - (language conversion `-{...}-`)
            if i + 1 < end && bytes[i + 1] == 0x7B, let next = renderConversion(at: i, end: end, into: &sink, depth: depth) {
                return next
            }
        default:  // _ (magic words such as __NOTOC__)
            if let next = magicWordEnd(at: i, end: end) { return next }
        }
        sink.emit(b, at: i)
        return i + 1
    }

    /// Copies the run of ordinary bytes starting at `start` at once; returns where it ends.
    @inline(__always)
    private static func copyRun(
        _ bytes: [UInt8], _ special: [UInt8], from start: Int, end: Int, into sink: inout WikitextSink
    ) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            special.withUnsafeBufferPointer { table in
                let j = WikitextRenderer.runEnd(buf, from: start + 1, stop: min(end, buf.count), table)
                sink.emitRun(buf, start..<j)
                return j
            }
        }
    }

    /// Bytes `renderInline` acts on (1), bytes it acts on only before a partner byte (2, see
    /// `actsBefore`); every other byte (0) is copied.
    static let inlineSpecial: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b: UInt8 in [0x0A, 0x7B, 0x5B, 0x3C, 0x26] { t[Int(b)] = 1 }
        for b: UInt8 in [0x27, 0x5F, 0x2D, 0xC2] { t[Int(b)] = 2 }
        return t
    }()

    /// The end of a run of ordinary bytes starting before `from`: the first byte in `from..<stop`
    /// that `renderInline` acts on, or `stop`.
    @inline(__always) static func runEnd(
        _ buf: UnsafeBufferPointer<UInt8>, from: Int, stop: Int, _ table: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var j = from
        guard let base = buf.baseAddress else { return j }
        let raw = UnsafeRawPointer(base)
        let specials = WikitextRenderer.specialVectors
        while true {
            // Sixteen bytes at a time while none of them is in `inlineSpecial`.
            while j + 16 <= stop {
                let v = raw.loadUnaligned(fromByteOffset: j, as: ByteVector.self)
                var m = v .== specials.0
                m = m .| (v .== specials.1) .| (v .== specials.2) .| (v .== specials.3) .| (v .== specials.4)
                m = m .| (v .== specials.5) .| (v .== specials.6) .| (v .== specials.7) .| (v .== specials.8)
                if anyLane(m) { break }
                j += 16
            }
            let limit = min(stop, j + 16)
            while j < limit {
                let c = buf[j]
                let kind = table[Int(c)]
                // `-`, `_`, `'` and 0xC2 act only before their partner byte; alone (or last)
                // they are copied like any other byte.
                if kind == 0 || (kind == 2 && (j + 1 >= stop || !WikitextRenderer.actsBefore(c, buf[j + 1]))) {
                    j += 1
                    continue
                }
                return j
            }
            if j >= stop { return j }
        }
    }

    /// The bytes of `inlineSpecial` as vectors, for `runEnd`.
    static let specialVectors = (
        ByteVector(repeating: 0x0A), ByteVector(repeating: 0x7B), ByteVector(repeating: 0x5B),
        ByteVector(repeating: 0x3C), ByteVector(repeating: 0x26), ByteVector(repeating: 0x27),
        ByteVector(repeating: 0x5F), ByteVector(repeating: 0x2D), ByteVector(repeating: 0xC2)
    )

    /// Whether `b` starts markup when `next` follows: `''`, `__`, `-{`, U+00A0. Otherwise
    /// `renderInline` emits `b` as it is, so a run of text may go on over it.
    @inline(__always) static func actsBefore(_ b: UInt8, _ next: UInt8) -> Bool {
        switch b {
        case 0x27: return next == 0x27
        case 0x5F: return next == 0x5F
        case 0x2D: return next == 0x7B
        default: return next == 0xA0
        }
    }

    @inline(__always) static func closingPunctuation(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x29
    }

    /// Plain text of `range`, trimmed (citations inside are dropped).
    mutating func plain(_ range: Range<Int>, depth: Int, listLines: Bool = false) -> String {
        if !listLines, let text = plainText(range) { return text }
        var sink = sinkPool.popLast() ?? WikitextSink()
        renderInline(range, into: &sink, depth: depth, listLines: listLines)
        let s = sink.trimmedString
        sink.reset()
        sinkPool.append(sink)
        return s
    }

    /// What `plain(range)` gives for a range without markup (no byte `renderInline` acts on but
    /// line ends): its bytes with white space collapsed to single spaces and trimmed, read straight
    /// from the source. Nil when the range has markup.
    func plainText(_ range: Range<Int>) -> String? {
        let lo = max(0, range.lowerBound)
        let hi = min(range.upperBound, bytes.count)
        guard lo < hi else { return "" }
        return bytes.withUnsafeBufferPointer { buf -> String? in
            let simple = special.withUnsafeBufferPointer { table -> Bool in
                var j = lo
                while j < hi {
                    j = WikitextRenderer.runEnd(buf, from: j, stop: hi, table)
                    if j >= hi { break }
                    if buf[j] != 0x0A { return false }
                    j += 1
                }
                return true
            }
            guard simple else { return nil }
            var a = lo
            var b = hi
            while a < b && WikitextRenderer.isSpace(buf[a]) { a += 1 }
            while b > a && WikitextRenderer.isSpace(buf[b - 1]) { b -= 1 }
            // Most values have no white space to collapse: one copy.
            var collapse = false
            var k = a
            while k < b {
                if WikitextRenderer.isSpace(buf[k]) && (buf[k] != 0x20 || WikitextRenderer.isSpace(buf[k + 1])) {
                    collapse = true
                    break
                }
                k += 1
            }
            if !collapse { return String(decoding: UnsafeBufferPointer(rebasing: buf[a..<b]), as: UTF8.self) }
            return String(unsafeUninitializedCapacity: b - a) { out in
                var n = 0
                var space = false
                for k in a..<b {
                    let c = buf[k]
                    if WikitextRenderer.isSpace(c) {
                        space = true
                    } else {
                        if space { out[n] = 0x20; n += 1; space = false }
                        out[n] = c
                        n += 1
                    }
                }
                return n
            }
        }
    }

    /// The source text of `range`, trimmed.
    func raw(_ range: Range<Int>) -> String {
        let r = trimmed(range)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    /// `range` without leading and trailing whitespace.
    @inline(__always) func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = max(0, range.lowerBound)
        var hi = min(range.upperBound, bytes.count)
        while lo < hi && WikitextRenderer.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && WikitextRenderer.isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<max(lo, hi)
    }

    @inline(__always) private func skipBullets(_ start: Int, _ end: Int, _ sink: inout WikitextSink) -> Int {
        var j = start
        while j < end && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        guard j < end, bytes[j] == 0x2A || bytes[j] == 0x23 else { return start }
        while j < end && (bytes[j] == 0x2A || bytes[j] == 0x23 || bytes[j] == 0x3A || bytes[j] == 0x3B) { j += 1 }
        sink.listBreak(at: start)
        return j
    }

    @inline(__always) private func emitScalar(_ scalar: Unicode.Scalar, at offset: Int, into sink: inout WikitextSink) {
        switch scalar.value {
        case 0xA0, 0x2002...0x200A, 0x202F, 0x205F, 0x09, 0x0A:
            sink.space(at: offset)
        case 0xAD, 0x200B...0x200F, 0x2060:
            break
        default:
            var s = ""
            s.unicodeScalars.append(scalar)
            sink.emit(generated: s, at: offset)
        }
    }

    @inline(__always) private func applyQuotes(_ r: Int, at offset: Int, into sink: inout WikitextSink) {
        switch r {
        case 2: sink.italic.toggle()
        case 3: sink.toggleBold()
        case 4:
            sink.emit(0x27, at: offset)
            sink.toggleBold()
        default:
            for k in 0..<(r - 5) { sink.emit(0x27, at: offset + k) }
            sink.italic.toggle()
            sink.toggleBold()
        }
    }

    /// Language conversion markup `-{text}-`, `-{zh-hans:A;zh-hant:B}-` (first variant), `-{H|rule}-`.
    ///
    /// Returns the offset after `}-`, or nil when there is no closer on the same line.
    private mutating func renderConversion(at i: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int? {
        let start = i + 2
        guard let close = conversionEnd.next(in: bytes, from: start), close < end else { return nil }
        if let nl = newline.next(in: bytes, from: start), nl < close { return nil }
        var content = start..<close
        if let bar = firstTopLevel(0x7C, in: content), bar - start <= 3 {
            let flags = bytes[start..<bar]
            if flags.contains(0x48) || flags.contains(0x2D) || flags.contains(0x54) { return close + 2 }  // H, -, T: rules
            content = (bar + 1)..<close
        }
        // Variants: `code:text;code:text`; show the first.
        if let colon = firstTopLevel(0x3A, in: content), WikitextRenderer.isInterlanguagePrefix(raw(content.lowerBound..<colon)) {
            let stop = firstTopLevel(0x3B, in: (colon + 1)..<content.upperBound) ?? content.upperBound
            content = (colon + 1)..<stop
        }
        if depth < WikitextRenderer.maxDepth { renderInline(content, into: &sink, depth: depth + 1) }
        return close + 2
    }

    @inline(__always) private func magicWordEnd(at i: Int, end: Int) -> Int? {
        guard i + 1 < end, bytes[i + 1] == 0x5F else { return nil }
        var j = i + 2
        while j < end && j - i < 40 && bytes[j] >= 0x41 && bytes[j] <= 0x5A { j += 1 }
        guard j - (i + 2) >= 3, j + 1 < end, bytes[j] == 0x5F, bytes[j + 1] == 0x5F else { return nil }
        return j + 2
    }
}
