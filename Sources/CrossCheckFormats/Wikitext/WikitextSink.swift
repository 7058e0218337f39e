import CrossCheckCore
/// Where rendered wikitext goes: a `PlainTextBuilder` plus list separators and emphasis state.
///
/// It holds back whitespace and separators until the next visible character, so `a<br>` at the
/// end of a value adds nothing and `a <br> b` gives `a; b` (field values) without stray spaces.
struct WikitextSink {
    var text = PlainTextBuilder()
    /// Separator between list items (`<br>`, `*` lines, `{{ubl}}`): `;` in field values, `,` in prose.
    let separator: UInt8
    private var spacePending = false
    private var spaceAt = 0
    private var separatorPending = false
    private var separatorAt = 0
    var bold = false
    var italic = false
    /// Capture the first bold term (the article title in the lead).
    var captureBold = false
    private var boldStart: Int?
    private(set) var boldTerm: String?

    init(fieldValue: Bool = false) { separator = fieldValue ? 0x3B : 0x2C }

    var isEmpty: Bool { text.isEmpty }
    var count: Int { text.bytes.count }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C
    }

    @inline(__always) private mutating func flush() {
        if separatorPending {
            separatorPending = false
            spacePending = false
            if let last = text.lastByte {
                if last != 0x3B && last != 0x2C && last != 0x3A {
                    text.append(generated: String(UnicodeScalar(separator)), at: separatorAt)
                }
                text.appendSpace(at: separatorAt)
            }
        } else if spacePending {
            spacePending = false
            text.appendSpace(at: spaceAt)
        }
    }

    /// One source byte, verbatim.
    @inline(__always) mutating func emit(_ b: UInt8, at offset: Int) {
        if WikitextSink.isSpace(b) {
            space(at: offset)
            return
        }
        if spacePending || separatorPending { flush() }
        text.append(byte: b, at: offset)
    }

    /// Source bytes in `range`, verbatim.
    mutating func emit(_ bytes: [UInt8], _ range: Range<Int>) {
        for i in range { emit(bytes[i], at: i) }
    }

    /// Source bytes in `range` of `source`, verbatim: the same as `emit(_:at:)` for each byte,
    /// a run of non-space bytes at a time.
    mutating func emitRun(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var lo = max(0, range.lowerBound)
        let hi = min(range.upperBound, source.count)
        // Leading and trailing whitespace stays a pending word break here (it may be dropped);
        // whitespace between visible bytes collapses in the builder exactly as it would here.
        while lo < hi && WikitextSink.isSpace(source[lo]) {
            space(at: lo)
            lo += 1
        }
        var e = hi
        while e > lo && WikitextSink.isSpace(source[e - 1]) { e -= 1 }
        if e > lo {
            if spacePending || separatorPending { flush() }
            text.appendRun(source: source, range: lo..<e)
        }
        if e < hi { space(at: e) }
    }

    /// Text generated from the markup at `offset` (an entity, a rendered template).
    mutating func emit(generated s: String, at offset: Int) {
        let u = Array(s.utf8)
        var lo = 0
        var hi = u.count
        while lo < hi && WikitextSink.isSpace(u[lo]) { lo += 1 }
        while hi > lo && WikitextSink.isSpace(u[hi - 1]) { hi -= 1 }
        if lo > 0 { space(at: offset) }
        if hi > lo {
            flush()
            text.append(generated: lo == 0 && hi == u.count ? s : String(decoding: u[lo..<hi], as: UTF8.self), at: offset)
        }
        if hi < u.count { space(at: offset) }
    }

    /// A word break.
    mutating func space(at offset: Int) {
        if !spacePending && !separatorPending { spacePending = true; spaceAt = offset }
    }

    /// Forgets a pending word break (before punctuation that followed markup rendering nothing).
    mutating func dropPendingSpace() { spacePending = false }

    /// A list-item boundary: emits the separator before the next visible text, if any.
    mutating func listBreak(at offset: Int) {
        if !separatorPending { separatorPending = true; separatorAt = offset }
    }

    /// Attaches a citation at the current end of the text.
    mutating func attach(_ c: Citation) { text.attach(c) }

    /// Toggles bold (`'''`), capturing the first bold term when asked.
    mutating func toggleBold() {
        bold.toggle()
        guard captureBold, boldTerm == nil else { return }
        if bold {
            boldStart = text.bytes.count
        } else if let s = boldStart, s <= text.bytes.count {
            let term = String(decoding: text.bytes[s...], as: UTF8.self).wikitextTrimmed
            if !term.isEmpty { boldTerm = term }
            boldStart = nil
        }
    }

    /// Ends a source line: bold and italic never run on to the next line (as in MediaWiki).
    mutating func endLine() {
        bold = false
        italic = false
        boldStart = nil
    }

    /// The plain text so far, as a string.
    var string: String { String(decoding: text.bytes, as: UTF8.self) }

    /// The plain text so far without leading and trailing ASCII whitespace: `string.wikitextTrimmed`
    /// without the intermediate copies.
    var trimmedString: String {
        text.bytes.withUnsafeBufferPointer { u in
            var lo = 0
            var hi = u.count
            while lo < hi && WikitextSink.isSpace(u[lo]) { lo += 1 }
            while hi > lo && WikitextSink.isSpace(u[hi - 1]) { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)
        }
    }

    /// Empties the sink for reuse, keeping its buffers' capacity (the separator stays).
    mutating func reset() {
        text.reset()
        spacePending = false
        spaceAt = 0
        separatorPending = false
        separatorAt = 0
        bold = false
        italic = false
        captureBold = false
        boldStart = nil
        boldTerm = nil
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    var wikitextTrimmed: String {
        // Most strings have nothing to trim: answer without copying.
        guard let first = utf8.first, let last = utf8.last else { return self }
        if !WikitextSink.isSpace(first) && !WikitextSink.isSpace(last) { return self }
        let u = Array(utf8)
        var lo = 0
        var hi = u.count
        while lo < hi && WikitextSink.isSpace(u[lo]) { lo += 1 }
        while hi > lo && WikitextSink.isSpace(u[hi - 1]) { hi -= 1 }
        if lo == 0 && hi == u.count { return self }
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
