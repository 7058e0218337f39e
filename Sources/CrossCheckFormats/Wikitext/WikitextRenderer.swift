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
    private var categorySet: Set<String> = []
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
                if let r = scan.regions[i], r.end <= end, r.kind == .template || r.kind == .parameter {
                    let before = sink.count
                    if r.kind == .template {
                        renderTemplate(at: i, r, into: &sink, depth: depth)
                    } else {
                        renderParameter(r, into: &sink, depth: depth)
                    }
                    i = r.end
                    // `word {{citation needed}}.` reads `word.`
                    if sink.count == before && i < end && WikitextRenderer.closingPunctuation(bytes[i]) {
                        sink.dropPendingSpace()
                    }
                } else if i + 1 < end && bytes[i + 1] == 0x7C, let tableEnd = scan.tables[i], tableEnd <= end {
                    // A table inside a template parameter: dropped like tables in prose.
                    if depth < WikitextRenderer.maxDepth {
                        var discard = WikitextSink()
                        renderInline((i + 2)..<tableEnd, into: &discard, depth: depth + 1)
                    }
                    sink.space(at: i)
                    i = tableEnd
                } else {
                    sink.emit(b, at: i)
                    i += 1
                }
            case 0x5B:  // [
                if let r = scan.regions[i], r.kind == .link, r.end <= end {
                    i = renderLink(at: i, r, into: &sink, depth: depth, end: end)
                } else if let next = renderExternalLink(at: i, end: end, into: &sink, depth: depth) {
                    i = next
                } else {
                    sink.emit(b, at: i)
                    i += 1
                }
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
            case 0x27:  // '
                var r = 1
                while i + r < end && bytes[i + r] == 0x27 { r += 1 }
                if r == 1 {
                    sink.emit(b, at: i)
                } else {
                    applyQuotes(r, at: i, into: &sink)
                }
                i += r
            case 0xC2:  // U+00A0 no-break space, written as a character
                if i + 1 < end && bytes[i + 1] == 0xA0 {
                    sink.space(at: i)
                    i += 2
                } else {
                    sink.emit(b, at: i)
                    i += 1
                }
            case 0x2D:  // - (language conversion `-{...}-`)
                if i + 1 < end && bytes[i + 1] == 0x7B, let next = renderConversion(at: i, end: end, into: &sink, depth: depth) {
                    i = next
                } else {
                    sink.emit(b, at: i)
                    i += 1
                }
            case 0x5F:  // _ (magic words such as __NOTOC__)
                if let next = magicWordEnd(at: i, end: end) {
                    i = next
                } else {
                    sink.emit(b, at: i)
                    i += 1
                }
            default:
                // A run of ordinary bytes is copied at once.
                let start = i
                i = bytes.withUnsafeBufferPointer { buf in
                    special.withUnsafeBufferPointer { table in
                        let j = WikitextRenderer.runEnd(buf, from: start + 1, stop: min(end, buf.count), table)
                        sink.emitRun(buf, start..<j)
                        return j
                    }
                }
            }
        }
        return end
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
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = max(0, range.lowerBound)
        var hi = min(range.upperBound, bytes.count)
        while lo < hi && WikitextRenderer.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && WikitextRenderer.isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<max(lo, hi)
    }

    private func skipBullets(_ start: Int, _ end: Int, _ sink: inout WikitextSink) -> Int {
        var j = start
        while j < end && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        guard j < end, bytes[j] == 0x2A || bytes[j] == 0x23 else { return start }
        while j < end && (bytes[j] == 0x2A || bytes[j] == 0x23 || bytes[j] == 0x3A || bytes[j] == 0x3B) { j += 1 }
        sink.listBreak(at: start)
        return j
    }

    private func emitScalar(_ scalar: Unicode.Scalar, at offset: Int, into sink: inout WikitextSink) {
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

    private func applyQuotes(_ r: Int, at offset: Int, into sink: inout WikitextSink) {
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

    private func magicWordEnd(at i: Int, end: Int) -> Int? {
        guard i + 1 < end, bytes[i + 1] == 0x5F else { return nil }
        var j = i + 2
        while j < end && j - i < 40 && bytes[j] >= 0x41 && bytes[j] <= 0x5A { j += 1 }
        guard j - (i + 2) >= 3, j + 1 < end, bytes[j] == 0x5F, bytes[j + 1] == 0x5F else { return nil }
        return j + 2
    }

    // MARK: - Links

    /// Offset of the first `byte` in `range` outside nested constructs, or nil.
    func firstTopLevel(_ byte: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let end = min(range.upperBound, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == byte { return i }
            if b == 0x7B || b == 0x5B || b == 0x3C, let r = scan.regions[i], r.end <= end {
                i = r.end
                continue
            }
            i += 1
        }
        return nil
    }

    /// The `:` that ends the term of a `; term : definition` line starting at `start`, if any.
    ///
    /// Colons inside links, templates and tags, and in `://`, do not count.
    func definitionColon(from start: Int) -> Int? {
        var i = start
        let end = bytes.count
        while i < end {
            let b = bytes[i]
            if b == 0x0A { return nil }
            if b == 0x3A {
                if i + 2 < end && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F {
                    i += 3
                    continue
                }
                return i
            }
            if b == 0x7B || b == 0x5B || b == 0x3C, let r = scan.regions[i] {
                i = r.end
                continue
            }
            i += 1
        }
        return nil
    }

    static func isInterlanguagePrefix(_ p: String) -> Bool {
        isInterlanguagePrefix(Array(p.utf8)[...])
    }

    /// Whether `u` reads as a language code (`de`, `zh-yue`, `simple`): the part before the colon
    /// of an interlanguage link, which renders nothing.
    static func isInterlanguagePrefix(_ u: ArraySlice<UInt8>) -> Bool {
        let n = u.count
        let s = u.startIndex
        if n == 6 && u.elementsEqual("simple".utf8) { return true }
        guard n >= 2, n <= 12 else { return false }
        var letters = 0
        for k in 0..<n {
            let c = u[s + k]
            if c >= 0x61 && c <= 0x7A {
                if k < 3 { letters += 1 }
            } else if c == 0x2D && k >= 2 {
                continue
            } else {
                return false
            }
        }
        return n <= 3 || (letters >= 2 && u[s + 2] == 0x2D) || (letters == 3 && n > 3 && u[s + 3] == 0x2D)
    }

    private mutating func renderLink(
        at start: Int, _ r: WikitextRegion, into sink: inout WikitextSink, depth: Int, end: Int
    ) -> Int {
        guard depth < WikitextRenderer.maxDepth else { return r.end }
        let inner = r.inner
        // One pass finds the first top-level `|` and the first top-level `:` before it (the
        // `:` that `firstTopLevel(0x3A, in: targetRange)` finds: no region skipped here ends
        // after the target's last non-space byte, and `:` is no space).
        var pipe: Int?
        var firstColon: Int?
        var i = inner.lowerBound
        let innerEnd = min(inner.upperBound, bytes.count)
        while i < innerEnd {
            // Skip bytes that are none of `|`, `:`, `{`, `[`, `<`.
            i = bytes.withUnsafeBufferPointer { buf in
                linkStops.withUnsafeBufferPointer { stops in
                    var k = i
                    while k < innerEnd && !stops[Int(buf[k])] { k += 1 }
                    return k
                }
            }
            if i >= innerEnd { break }
            let b = bytes[i]
            if b == 0x7C {
                pipe = i
                break
            }
            if b == 0x3A && firstColon == nil { firstColon = i }
            if b == 0x7B || b == 0x5B || b == 0x3C, let rg = scan.regions[i], rg.end <= inner.upperBound {
                i = rg.end
                continue
            }
            i += 1
        }
        var targetRange = trimmed(inner.lowerBound..<(pipe ?? inner.upperBound))
        var leadingColon = false
        if !targetRange.isEmpty && bytes[targetRange.lowerBound] == 0x3A {
            leadingColon = true
            targetRange = trimmed((targetRange.lowerBound + 1)..<targetRange.upperBound)
        }
        var colon = firstColon
        // Always inside the target (see above); should that ever fail, look again there.
        if let c = colon, !targetRange.contains(c) { colon = firstTopLevel(0x3A, in: targetRange) }
        if let colon, !leadingColon {
            switch linkPrefix(targetRange.lowerBound..<colon) {
            case .file:
                return r.end
            case .category:
                let name = raw((colon + 1)..<targetRange.upperBound)
                let decoded = HTMLEntities.decodeAll(name)
                if !decoded.isEmpty && categorySet.insert(decoded).inserted { categories.append(decoded) }
                return r.end
            case .interlanguage:
                if pipe == nil { return r.end }
            case .other:
                break
            }
        }
        if let pipe {
            let label = trimmed((pipe + 1)..<inner.upperBound)
            if label.isEmpty {
                // Pipe trick: `[[Target (disambiguation)|]]` shows `Target`.
                var target = raw(targetRange)
                if let colon = target.firstIndex(of: ":") { target = String(target[target.index(after: colon)...]) }
                if let paren = target.firstIndex(of: "(") { target = String(target[..<paren]) }
                sink.emit(generated: target.wikitextTrimmed, at: start)
            } else {
                renderInline(label, into: &sink, depth: depth + 1)
            }
        } else {
            renderInline(targetRange, into: &sink, depth: depth + 1)
        }
        var j = r.end
        while j < end && bytes[j] >= 0x61 && bytes[j] <= 0x7A {
            sink.emit(bytes[j], at: j)
            j += 1
        }
        return j
    }

    /// Bytes the pipe-and-colon scan of a link stops at: `|`, `:`, `{`, `[`, `<`.
    static let linkStopTable: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for b: UInt8 in [0x7C, 0x3A, 0x7B, 0x5B, 0x3C] { t[Int(b)] = true }
        return t
    }()

    enum LinkPrefix { case file, category, interlanguage, other }

    /// What the prefix before a link target's `:` makes of the link: `File:`, `Image:`, `Media:`
    /// (dropped), `Category:`, an interlanguage code, or nothing special. ASCII letters are
    /// compared as bytes; a prefix with other bytes takes the `String` path.
    func linkPrefix(_ range: Range<Int>) -> LinkPrefix {
        let r = trimmed(range)
        var word: UInt64 = 0
        var ascii = true
        for k in r {
            let b = bytes[k]
            if b >= 0x80 { ascii = false }
            if k - r.lowerBound < 8 { word |= UInt64(WikitextNextFinder.lower(b)) << (8 * UInt64(k - r.lowerBound)) }
        }
        guard ascii else {
            let written = String(decoding: bytes[r], as: UTF8.self)
            let prefix = written.lowercased()
            if prefix == "file" || prefix == "image" || prefix == "media" { return .file }
            if prefix == "category" { return .category }
            return WikitextRenderer.isInterlanguagePrefix(written) ? .interlanguage : .other
        }
        let count = r.count
        if count == 4 && word == WikitextRenderer.packedFile { return .file }
        if count == 5 && (word == WikitextRenderer.packedImage || word == WikitextRenderer.packedMedia) { return .file }
        if count == 8 && word == WikitextRenderer.packedCategory { return .category }
        return isInterlanguagePrefix(r) ? .interlanguage : .other
    }

    static let packedFile = WikitextPackedName(Array("file".utf8)).low
    static let packedImage = WikitextPackedName(Array("image".utf8)).low
    static let packedMedia = WikitextPackedName(Array("media".utf8)).low
    static let packedCategory = WikitextPackedName(Array("category".utf8)).low

    /// `isInterlanguagePrefix` on the bytes of `r` as written (case kept).
    func isInterlanguagePrefix(_ r: Range<Int>) -> Bool {
        WikitextRenderer.isInterlanguagePrefix(bytes[r])
    }

    static let urlSchemes: [[UInt8]] = [
        "http://", "https://", "//", "ftp://", "ftps://", "sftp://", "mailto:", "irc://", "ircs://", "news:",
        "tel:", "git://", "svn://",
    ].map { Array($0.utf8) }

    func hasURLScheme(at p: Int, end: Int) -> Bool {
        for scheme in WikitextRenderer.urlSchemes where p + scheme.count <= end {
            var ok = true
            for (k, c) in scheme.enumerated() where WikitextNextFinder.lower(bytes[p + k]) != c {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    /// `[url label]`: the URL range and the label range, or nil when `start` is no external link.
    mutating func externalLink(at start: Int, end: Int) -> (url: Range<Int>, label: Range<Int>, end: Int)? {
        let s = start + 1
        guard s < end, hasURLScheme(at: s, end: end) else { return nil }
        guard let close = closeBracket.next(in: bytes, from: s), close < end else { return nil }
        if let nl = newline.next(in: bytes, from: s), nl < close { return nil }
        var u = s
        while u < close && !WikitextRenderer.isSpace(bytes[u]) && bytes[u] != 0x3C && bytes[u] != 0x22 { u += 1 }
        return (s..<u, trimmed(u..<close), close + 1)
    }

    private mutating func renderExternalLink(at start: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int? {
        guard let link = externalLink(at: start, end: end) else { return nil }
        if depth < WikitextRenderer.maxDepth && !link.label.isEmpty {
            renderInline(link.label, into: &sink, depth: depth + 1)
        }
        return link.end
    }

    // MARK: - Tags

    static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead", "tfoot",
        "caption", "blockquote", "center", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section",
    ]
    static let inlineTags: Set<String> = [
        "b", "i", "u", "s", "del", "ins", "sup", "sub", "small", "big", "span", "font", "code", "kbd", "var",
        "samp", "tt", "strike", "em", "strong", "cite", "abbr", "dfn", "q", "mark", "bdi", "bdo", "data", "time",
        "wbr", "ruby", "rb", "rt", "rp", "noinclude", "onlyinclude", "nowiki", "references", "templatestyles",
        "includeonly", "gallery", "poem", "math", "pre", "chem", "syntaxhighlight", "source", "section", "ref",
        "score", "timeline", "graph", "mapframe", "maplink", "indicator", "categorytree", "imagemap",
    ]

    private mutating func renderAngle(at i: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int {
        if let r = scan.regions[i] {
            if r.kind == .comment { return min(r.end, end) }
            if r.end <= end {
                switch r.kind {
                case .verbatim:
                    for k in r.inner { sink.emit(bytes[k], at: k) }
                    return r.end
                case .dropped:
                    return r.end
                case .ref:
                    if depth < WikitextRenderer.maxDepth { sink.attach(refCitation(at: i, r, depth: depth)) }
                    return r.end
                case .references:
                    if depth < WikitextRenderer.maxDepth {
                        var discard = WikitextSink()
                        renderInline(r.inner, into: &discard, depth: depth + 1)
                    }
                    return r.end
                case .parsedTag:
                    sink.space(at: i)
                    if depth < WikitextRenderer.maxDepth { renderInline(r.inner, into: &sink, depth: depth + 1) }
                    sink.space(at: r.end)
                    return r.end
                default:
                    break
                }
            }
        }
        guard let tag = WikitextTag.parse(bytes, at: i, limit: end) else {
            sink.emit(0x3C, at: i)
            return i + 1
        }
        if tag.name == "br" {
            if sink.separator == 0x3B { sink.listBreak(at: i) } else { sink.space(at: i) }
            return tag.end
        }
        if tag.name == "ref" {
            if tag.isSelfClosing && !tag.isClosing {
                let attrs = WikitextTag.attributes(bytes, tag.attributes)
                if let name = attrs["name"], !name.isEmpty {
                    sink.attach(Citation(name: name, group: nonEmpty(attrs["group"]), offset: i))
                }
            }
            return tag.end
        }
        if WikitextRenderer.blockTags.contains(tag.name) {
            sink.space(at: i)
            return tag.end
        }
        if WikitextRenderer.inlineTags.contains(tag.name) { return tag.end }
        sink.emit(0x3C, at: i)
        return i + 1
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.wikitextTrimmed
        return t.isEmpty ? nil : t
    }

    // MARK: - Citations

    static func hasMetadata(_ c: Citation) -> Bool {
        c.title != nil || c.work != nil || c.publisher != nil || c.date != nil || c.url != nil || c.template != nil
    }

    static func definitionKey(name: String, group: String?) -> String { (group ?? "") + "\u{1}" + name }

    /// The citation a `<ref>...</ref>` makes; a named one is remembered for reuses.
    mutating func refCitation(at offset: Int, _ r: WikitextRegion, depth: Int) -> Citation {
        let attrs = refAttributes(r.attributes)
        var c = bodyCitation(r.inner, offset: offset, depth: depth + 1)
        c.name = nonEmpty(attributeValue(attrs.name))
        c.group = nonEmpty(attributeValue(attrs.group))
        if let name = c.name, WikitextRenderer.hasMetadata(c) {
            let key = WikitextRenderer.definitionKey(name: name, group: c.group)
            if definitions[key] == nil { definitions[key] = c }
        }
        return c
    }

    /// The `name` and `group` attributes of a tag, as `WikitextTag.attributes` reads them (the last
    /// one written wins; a key without `=` has an empty value), without building a dictionary.
    func refAttributes(_ range: Range<Int>) -> (name: Range<Int>?, group: Range<Int>?) {
        var name: Range<Int>?
        var group: Range<Int>?
        WikitextTag.forEachAttribute(bytes, range) { key, value in
            switch attributeKey(key) {
            case 1: name = value ?? key.lowerBound..<key.lowerBound
            case 2: group = value ?? key.lowerBound..<key.lowerBound
            default: break
            }
        }
        return (name, group)
    }

    /// 1 when the attribute key in `range` is `name`, 2 for `group`, else 0 (lower-cased as
    /// `WikitextTag.attributes` does; keys with non-ASCII bytes take the same `String` path).
    func attributeKey(_ range: Range<Int>) -> Int {
        let count = range.count
        var ascii = true
        var word: UInt64 = 0
        for (k, b) in bytes[range].enumerated() {
            if b >= 0x80 { ascii = false }
            if k < 8 { word |= UInt64(WikitextNextFinder.lower(b)) << (8 * UInt64(k)) }
        }
        guard ascii else {
            let key = String(decoding: bytes[range], as: UTF8.self).lowercased()
            return key == "name" ? 1 : key == "group" ? 2 : 0
        }
        if count == 4 && word == WikitextRenderer.packedNameKey { return 1 }
        if count == 5 && word == WikitextRenderer.packedGroupKey { return 2 }
        return 0
    }

    static let packedNameKey = WikitextPackedName(Array("name".utf8)).low
    static let packedGroupKey = WikitextPackedName(Array("group".utf8)).low

    /// An attribute value with entities decoded, as `WikitextTag.attributes` gives it.
    func attributeValue(_ range: Range<Int>?) -> String? {
        guard let range else { return nil }
        return HTMLEntities.decodeAll(String(decoding: bytes[range], as: UTF8.self))
    }

    /// Metadata from a reference body: a citation template, an external link, or its text.
    mutating func bodyCitation(_ range: Range<Int>, offset: Int, depth: Int) -> Citation {
        var i = range.lowerBound
        let end = range.upperBound
        var external: Int?
        while i < end {
            i = nextBracketOrTag(from: i, end: end)
            if i >= end { break }
            let b = bytes[i]
            if (b == 0x7B || b == 0x5B || b == 0x3C), let r = scan.regions[i], r.end <= end {
                if r.kind == .template {
                    let name = templateName(templateNameRange(r))
                    if WikitextRenderer.isCitationTemplate(name) {
                        return templateCitation(r, name: name, offset: offset, depth: depth)
                    }
                    if WikitextRenderer.isShortCitation(name) {
                        return shortCitation(split(r, at: i), offset: offset, depth: depth)
                    }
                }
                i = r.end
                continue
            }
            if b == 0x5B && external == nil && i + 1 < end && hasURLScheme(at: i + 1, end: end) { external = i }
            i += 1
        }
        if let external, let link = externalLink(at: external, end: end) {
            let title = link.label.isEmpty ? nil : nonEmpty(plain(link.label, depth: depth + 1))
            return Citation(title: title, url: raw(link.url), offset: offset)
        }
        let text = plain(range, depth: depth + 1)
        guard !text.isEmpty else { return Citation(offset: offset) }
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            let parts = text.split(separator: " ", maxSplits: 1)
            let rest = parts.count > 1 ? String(parts[1]) : nil
            return Citation(title: nonEmpty(rest), url: parts.first.map(String.init), offset: offset)
        }
        return Citation(title: WikitextRenderer.capped(text, 300), offset: offset)
    }

    /// The first `{`, `[` or `<` in `from..<end`, or `end`.
    func nextBracketOrTag(from: Int, end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            var i = from
            let stop = min(end, buf.count)
            if let base = buf.baseAddress {
                let raw = UnsafeRawPointer(base)
                let brace = ByteVector(repeating: 0x7B), bracket = ByteVector(repeating: 0x5B)
                let angle = ByteVector(repeating: 0x3C)
                while i + 16 <= stop {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: ByteVector.self)
                    if anyLane((v .== brace) .| (v .== bracket) .| (v .== angle)) { break }
                    i += 16
                }
            }
            while i < stop {
                let b = buf[i]
                if b == 0x7B || b == 0x5B || b == 0x3C { return i }
                i += 1
            }
            return max(i, from)
        }
    }

    static func capped(_ s: String, _ n: Int) -> String {
        guard s.utf8.count > n else { return s }
        var s = s
        return s.withUTF8 { u in
            // The longest prefix of whole scalars within `n` bytes: cut before a continuation byte.
            var cut = max(0, n)
            while cut > 0 && u[cut] & 0xC0 == 0x80 { cut -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[..<cut]), as: UTF8.self) + "…"
        }
    }

    static func isCitationTemplate(_ name: String) -> Bool {
        name == "citation" || name == "cite" || name.hasPrefix("cite ") || name.hasPrefix("vcite")
    }

    static func isShortCitation(_ name: String) -> Bool {
        switch name {
        case "sfn", "sfnp", "sfnm", "harvnb", "harv", "harvp", "harvtxt", "harvcolnb", "sfnref": return true
        default: return false
        }
    }

    /// Parameter names a citation keeps: title, work, publisher and date keys (rendered) and URL
    /// keys (raw), each group in order of preference.
    static let citationKeys: [String] = [
        "title", "script-title", "trans-title", "chapter", "contribution", "entry", "article",
        "work", "website", "newspaper", "magazine", "journal", "periodical", "encyclopedia", "encyclopaedia", "dictionary",
        "publisher", "agency", "institution",
        "date", "year", "publication-date",
        "url", "archive-url", "archiveurl", "chapter-url", "contribution-url",
    ]
    static let citationKeyTable = WikitextKeyTable(citationKeys)

    /// `{{cite web|title=...|website=...}}` parameters as a citation.
    ///
    /// Only the parameters the citation keeps are looked at, by their byte ranges: for each key the
    /// last parameter of that name (as `WikitextTemplateCall.named`), rendered lazily in order of
    /// preference until one is not empty.
    mutating func templateCitation(_ r: WikitextRegion, name: String, offset: Int, depth: Int) -> Citation {
        var slots = [Range<Int>?](repeating: nil, count: WikitextRenderer.citationKeys.count)
        let inner = r.inner
        var partStart = -1  // -1 while in the template name
        var i = inner.lowerBound
        while true {
            if i >= inner.upperBound || bytes[i] == 0x7C {
                if partStart >= 0, let (k, value) = citationKey(partStart..<min(i, inner.upperBound)) { slots[k] = value }
                if i >= inner.upperBound { break }
                partStart = i + 1
                i += 1
                continue
            }
            let b = bytes[i]
            if b == 0x7B || b == 0x5B || b == 0x3C, let rg = scan.regions[i], rg.end <= inner.upperBound {
                i = rg.end
                continue
            }
            i += 1
        }
        func firstRendered(_ keys: Range<Int>, _ renderer: inout WikitextRenderer) -> String? {
            for k in keys {
                if let v = slots[k] {
                    let s = renderer.plain(v, depth: depth + 1)
                    if !s.isEmpty { return s }
                }
            }
            return nil
        }
        let title = firstRendered(0..<7, &self)
        let work = firstRendered(7..<16, &self)
        let publisher = firstRendered(16..<19, &self)
        let date = firstRendered(19..<22, &self)
        var url: String?
        for k in 22..<27 {
            if let v = slots[k] {
                let s = raw(v)
                if !s.isEmpty { url = s; break }
            }
        }
        return Citation(title: title, work: work, publisher: publisher, date: date, url: url, template: name, offset: offset)
    }

    /// The index in `citationKeys` of a `name = value` parameter's name, with its value range.
    func citationKey(_ part: Range<Int>) -> (Int, Range<Int>)? {
        guard let eq = firstTopLevel(0x3D, in: part) else { return nil }
        let nameRange = trimmed(part.lowerBound..<eq)
        let value = (eq + 1)..<part.upperBound
        if let packed = packedParameterName(nameRange) {
            guard packed.count <= 16, let k = WikitextRenderer.citationKeyTable.index(of: packed) else { return nil }
            return (k, value)
        }
        let name = parameterName(nameRange)
        for (k, key) in WikitextRenderer.citationKeys.enumerated() where key == name { return (k, value) }
        return nil
    }

    /// `{{sfn|Author|2020|p=5}}`: author as work, year as date.
    mutating func shortCitation(_ call: WikitextTemplateCall, offset: Int, depth: Int) -> Citation {
        let positionals = call.positionals.map { plain($0.value, depth: depth + 1) }.filter { !$0.isEmpty }
        let year = positionals.last { s in s.utf8.count >= 4 && s.utf8.prefix(4).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let authors = positionals.filter { $0 != year }
        return Citation(
            work: authors.isEmpty ? nil : authors.joined(separator: ", "), date: year, template: call.name, offset: offset)
    }
}

/// Finds the next occurrence of a byte (optionally followed by a second one), caching the last
/// answer as `WikitextNextFinder` does, with `memchr` for the search.
///
/// The answer for a start `p` is also the answer for every start between the previous start and
/// that answer, so a mostly forward caller pays O(n) in total even for a missing byte.
struct WikitextByteFinder {
    let first: UInt8
    /// The byte that must follow `first` (0 for a one-byte needle).
    let second: UInt8
    let length: Int
    private var from = Int.max
    private var found = 0

    init(_ first: UInt8, then second: UInt8? = nil) {
        self.first = first
        self.second = second ?? 0
        self.length = second == nil ? 1 : 2
    }

    /// Offset of the first occurrence at or after `p`, or nil.
    mutating func next(in bytes: [UInt8], from p: Int) -> Int? {
        let n = bytes.count
        if p >= from && p <= found { return found < n ? found : nil }
        from = p
        found = n
        let start = max(0, p)
        guard start + length <= n else { return nil }
        let result: Int = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return n }
            var i = start
            while i + length <= n {
                guard let hit = memchr(base + i, Int32(first), n - i) else { return n }
                let k = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if length == 1 { return k }
                if k + 1 < n && buf[k + 1] == second { return k }
                i = k + 1
            }
            return n
        }
        found = result
        return result < n ? result : nil
    }
}

/// A fixed set of short ASCII keys looked up by packed name: open addressing on a small table,
/// so a lookup is a multiply, a probe or two and a comparison (no `String`, no hashing of bytes).
struct WikitextKeyTable: Sendable {
    private let slots: [Int32]  // key index + 1, 0 for an empty slot
    private let keys: [WikitextPackedName]
    private let mask: Int

    init(_ names: [String]) {
        keys = names.map { WikitextPackedName(Array($0.utf8)) }
        var size = 16
        while size < names.count * 4 { size *= 2 }
        mask = size - 1
        var table = [Int32](repeating: 0, count: size)
        for (k, key) in keys.enumerated() {
            var h = WikitextKeyTable.hash(key) & (size - 1)
            while table[h] != 0 { h = (h + 1) & (size - 1) }
            table[h] = Int32(k + 1)
        }
        slots = table
    }

    @inline(__always) static func hash(_ p: WikitextPackedName) -> Int {
        let x = (p.low &* 0x9E37_79B9_7F4A_7C15) ^ (p.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(p.count)
        return Int(truncatingIfNeeded: x >> 40)
    }

    /// The index of `p` among the names, or nil.
    func index(of p: WikitextPackedName) -> Int? {
        var h = WikitextKeyTable.hash(p) & mask
        while true {
            let s = Int(slots[h])
            if s == 0 { return nil }
            if keys[s - 1] == p { return s - 1 }
            h = (h + 1) & mask
        }
    }
}
