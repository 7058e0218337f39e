import CrossCheckCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parser state in front of a heading line, kept so that a later parse of an edited revision can
/// resume there (or stop there and reuse what follows).
struct WikitextCheckpoint: Sendable, Equatable {
    /// Start of the heading line.
    var offset: Int
    /// Start of the line after the heading.
    var headingEnd: Int
    /// 1-based line of the heading.
    var line: Int
    /// Sections closed before the heading; the open one is `sections[closed]` of the finished parse.
    var closed: Int
    var builder: SectionBuilder.Checkpoint
    var beforeProse: Bool
    var boldTitle: String?
    var fieldCount: Int
    var categoryCount: Int
    var definitionCount: Int
    var infoboxName: String?
    var dateStyle: DateStyle?
    var dateStyleLine: Int?
    /// Whether the scan reached this line with no construct, barrier or table open.
    var clean: Bool
}

/// What a wikitext parse keeps for reuse: its checkpoints and its output before reuses of named
/// references were resolved. Immutable and shared between the documents that reuse it.
final class WikitextParseMemo: Sendable {
    let bytes: [UInt8]
    let contentStart: Int
    let checkpoints: [WikitextCheckpoint]
    /// Sections and fields with `<ref name=x/>` reuses not yet given their definition.
    let sections: [Section]
    let fields: [Field]
    let categories: [String]
    let definitions: [String: Citation]
    let infoboxName: String?
    let boldTitle: String?
    let dateStyle: DateStyle?
    let dateStyleLine: Int?
    let failedLookaheads: [Int]
    /// `WikitextScan.longProbes` of the whole source.
    let longProbes: [Range<Int>]
    let hasSuppressionComments: Bool
    /// The bytes this parse actually parsed (all of them unless it reused an earlier parse).
    let reparsed: Range<Int>

    init(
        bytes: [UInt8], contentStart: Int, checkpoints: [WikitextCheckpoint], sections: [Section], fields: [Field],
        categories: [String], definitions: [String: Citation], infoboxName: String?, boldTitle: String?,
        dateStyle: DateStyle?, dateStyleLine: Int?, failedLookaheads: [Int], longProbes: [Range<Int>],
        hasSuppressionComments: Bool, reparsed: Range<Int>
    ) {
        self.longProbes = longProbes
        self.reparsed = reparsed
        self.bytes = bytes; self.contentStart = contentStart; self.checkpoints = checkpoints
        self.sections = sections; self.fields = fields; self.categories = categories
        self.definitions = definitions; self.infoboxName = infoboxName; self.boldTitle = boldTitle
        self.dateStyle = dateStyle; self.dateStyleLine = dateStyleLine
        self.failedLookaheads = failedLookaheads; self.hasSuppressionComments = hasSuppressionComments
    }
}

/// One pass of the wikitext line loop: headings, list items, tables and paragraphs, rendered by
/// `WikitextRenderer` and assembled by `SectionBuilder`. It can start fresh or resume at a
/// checkpoint of an earlier parse, and stop at any line start.
struct WikitextRun {
    let source: SourceText
    let bytes: [UInt8]
    private(set) var scan: WikitextScan
    var renderer: WikitextRenderer
    var builder: SectionBuilder
    var paragraph = WikitextSink()
    var beforeProse = true
    var boldTitle: String?
    var checkpoints: [WikitextCheckpoint] = []
    /// Next entry of `scan.cleanHeadingStarts` to compare checkpoints with.
    private var cleanIndex = 0

    init(source: SourceText, scan: WikitextScan) {
        self.source = source
        bytes = source.bytes
        self.scan = scan
        renderer = WikitextRenderer(bytes: bytes, scan: scan, lines: source.lines)
        builder = SectionBuilder(lines: source.lines, leadStart: source.contentStart)
    }

    /// Resumes in front of `memo.checkpoints[k]`, whose heading line and everything before it
    /// are the same bytes in `source`.
    init(source: SourceText, scan: WikitextScan, resuming memo: WikitextParseMemo, at k: Int) {
        self.init(source: source, scan: scan)
        let cp = memo.checkpoints[k]
        builder = SectionBuilder(
            lines: source.lines, resuming: Array(memo.sections[..<cp.closed]), current: memo.sections[cp.closed],
            checkpoint: cp.builder)
        beforeProse = cp.beforeProse
        boldTitle = cp.boldTitle
        checkpoints = Array(memo.checkpoints[..<k])
        renderer.currentSection = memo.sections[cp.closed].path
        renderer.fields = Array(memo.fields[..<cp.fieldCount])
        renderer.restoreCategories(Array(memo.categories[..<cp.categoryCount]))
        renderer.infoboxName = cp.infoboxName
        renderer.declaredDateStyle = cp.dateStyle
        renderer.declaredDateStyleLine = cp.dateStyleLine
        var definitions: [String: Citation] = [:]
        definitions.reserveCapacity(cp.definitionCount)
        for (key, value) in memo.definitions where value.offset < cp.offset { definitions[key] = value }
        renderer.definitions = definitions
    }

    /// Continues with a scan that starts at a clean line start at or after the current position
    /// (what a scan of the whole source would have found from there on).
    mutating func continueWith(_ next: WikitextScan) {
        scan = next
        renderer.scan = next
        cleanIndex = 0
    }

    mutating func finishParagraph() {
        if boldTitle == nil, let term = paragraph.boldTerm { boldTitle = term }
        let block = paragraph.text.finish()
        if !block.isEmpty { beforeProse = false }
        builder.add(block)
        paragraph = WikitextSink()
    }

    private mutating func checkpoint(at offset: Int, headingEnd: Int) {
        let starts = scan.cleanHeadingStarts
        while cleanIndex < starts.count && starts[cleanIndex] < offset { cleanIndex += 1 }
        checkpoints.append(WikitextCheckpoint(
            offset: offset, headingEnd: headingEnd, line: source.lines.line(of: offset), closed: builder.closedCount,
            builder: builder.checkpoint, beforeProse: beforeProse, boldTitle: boldTitle,
            fieldCount: renderer.fields.count, categoryCount: renderer.categories.count,
            definitionCount: renderer.definitions.count, infoboxName: renderer.infoboxName,
            dateStyle: renderer.declaredDateStyle, dateStyleLine: renderer.declaredDateStyleLine,
            clean: cleanIndex < starts.count && starts[cleanIndex] == offset))
    }

    /// Runs the line loop from the line start `start` until it reaches a line start at or after
    /// `end`, and returns that offset (past `end` when a construct carried the loop beyond it).
    @discardableResult
    mutating func run(from start: Int, to end: Int) -> Int {
        let n = bytes.count
        var i = start
        while i < end {
            // `i` is at a line start.
            var j = i
            while j < n && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D) { j += 1 }
            if j >= n { i = n; break }
            if bytes[j] == 0x0A {
                finishParagraph()
                i = j + 1
                continue
            }
            let c = bytes[i]
            if c == 0x3D, let h = WikitextParser.heading(at: i, bytes: bytes, scan: scan, renderer: &renderer) {
                finishParagraph()
                if !h.title.isEmpty {
                    checkpoint(at: i, headingEnd: h.next)
                    builder.heading(h.title, level: h.level, range: i..<h.lineEnd)
                    renderer.currentSection = builder.currentPath
                    beforeProse = false
                }
                i = h.next
                continue
            }
            if c == 0x2A || c == 0x23 || c == 0x3A || c == 0x3B {
                i = listLine(at: i)
                continue
            }
            if let tableEnd = scan.tables[j] {
                i = table(at: j, end: tableEnd)
                continue
            }
            if c == 0x2D && i + 3 < n && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                finishParagraph()
                var e = i
                while e < n && bytes[e] == 0x2D { e += 1 }
                i = e
                // The rest of the line is ordinary text.
            }
            i = proseLine(from: i)
        }
        return i
    }

    /// A list line (`*`, `#`, `:`, `;` markers) at `i`: one item, or two for `; term : definition`.
    /// Returns the next line start.
    mutating func listLine(at i: Int) -> Int {
        let n = bytes.count
        finishParagraph()
        var k = i
        while k < n && (bytes[k] == 0x2A || bytes[k] == 0x23 || bytes[k] == 0x3A || bytes[k] == 0x3B) { k += 1 }
        renderer.fieldTemplatesAllowed = false
        var start = k
        if bytes[k - 1] == 0x3B, let colon = renderer.definitionColon(from: k) {
            // `; term : definition` gives two items.
            var term = WikitextSink()
            renderer.renderInline(k..<colon, into: &term, depth: 0)
            let block = term.text.finish(isListItem: true)
            if !block.isEmpty { beforeProse = false }
            builder.add(block)
            start = colon + 1
        }
        var item = WikitextSink()
        let e = renderer.renderInline(start..<n, into: &item, depth: 0, stopAtNewline: true)
        let block = item.text.finish(isListItem: true)
        if !block.isEmpty { beforeProse = false }
        builder.add(block)
        builder.extend(to: e)
        return e < n ? e + 1 : n
    }

    /// A table from `j` to `tableEnd`: rendered for its references and fields, its text dropped.
    /// Returns the next line start.
    mutating func table(at j: Int, end tableEnd: Int) -> Int {
        let n = bytes.count
        finishParagraph()
        var discard = WikitextSink()
        renderer.renderInline(j..<tableEnd, into: &discard, depth: 1)
        var e = tableEnd
        while e < n && bytes[e] != 0x0A { e += 1 }
        builder.extend(to: e)
        return e < n ? e + 1 : n
    }

    /// A line of prose from `i`, added to the open paragraph. Returns the next line start.
    mutating func proseLine(from i: Int) -> Int {
        let n = bytes.count
        renderer.fieldTemplatesAllowed = beforeProse
        paragraph.captureBold = boldTitle == nil && builder.currentPath.isEmpty
        let e = renderer.renderInline(i..<n, into: &paragraph, depth: 0, stopAtNewline: true)
        builder.extend(to: e)
        paragraph.endLine()
        if e < n {
            paragraph.space(at: e)
            return e + 1
        } else {
            return n
        }
    }

    /// The finished document, its memo holding the unresolved output.
    func document(
        sections: [Section], fields: [Field], categories: [String], definitions: [String: Citation],
        infoboxName: String?, boldTitle: String?, dateStyle: DateStyle?, dateStyleLine: Int?,
        checkpoints: [WikitextCheckpoint], failedLookaheads: [Int], longProbes: [Range<Int>],
        hasSuppressionComments: Bool, reparsed: Range<Int>
    ) -> Document {
        var resolvedSections = sections
        var resolvedFields = fields
        WikitextParser.resolveReuses(&resolvedSections, &resolvedFields, definitions: definitions)
        var document = Document(
            source: source, format: .wikitext, title: infoboxName ?? boldTitle, fields: resolvedFields,
            sections: resolvedSections, categories: categories, declaredDateStyle: dateStyle,
            declaredDateStyleLine: dateStyleLine,
            suppressions: hasSuppressionComments ? WikitextParser.suppressions(scan, source: source) : [])
        document.wikitextMemo = WikitextParseMemo(
            bytes: bytes, contentStart: source.contentStart, checkpoints: checkpoints, sections: sections,
            fields: fields, categories: categories, definitions: definitions, infoboxName: infoboxName,
            boldTitle: boldTitle, dateStyle: dateStyle, dateStyleLine: dateStyleLine,
            failedLookaheads: failedLookaheads, longProbes: longProbes, hasSuppressionComments: hasSuppressionComments,
            reparsed: reparsed)
        return document
    }

    /// The document when the run went to the end of the source.
    mutating func finishDocument(failedLookaheads: [Int], longProbes: [Range<Int>], from start: Int) -> Document {
        finishParagraph()
        let sections = builder.finish(at: bytes.count)
        return document(
            sections: sections, fields: renderer.fields, categories: renderer.categories,
            definitions: renderer.definitions, infoboxName: renderer.infoboxName, boldTitle: boldTitle,
            dateStyle: renderer.declaredDateStyle, dateStyleLine: renderer.declaredDateStyleLine,
            checkpoints: checkpoints, failedLookaheads: failedLookaheads, longProbes: longProbes,
            hasSuppressionComments: !scan.suppressionComments.isEmpty, reparsed: start..<bytes.count)
    }
}

/// Parses an edited revision by reusing an earlier revision's parse around the edit.
///
/// The common prefix and suffix of the two sources are found eight bytes at a time. Parsing
/// resumes at the last clean checkpoint inside the prefix that nothing before it looked past (no
/// failed closer search, no long failed tag parse reaching the changed bytes, a small margin for
/// short look-aheads), and stops at the first clean checkpoint inside the suffix where the
/// parser's state equals the old parse's state there; the old sections, fields, categories and
/// definitions after that point are reused with their offsets and lines shifted. Returns nil
/// whenever that cannot be done exactly, and the caller parses in full.
enum WikitextIncremental {
    /// Bytes of unchanged prefix required beyond a resume point's heading line: covers the
    /// scanner's short look-aheads (longer ones are in `longProbes`) and the renderer's
    /// line-bound ones.
    static let margin = 2 * WikitextScanner.shortProbe

    static func parse(_ source: SourceText, memo: WikitextParseMemo) -> Document? {
        let old = memo.bytes
        let new = source.bytes
        guard source.contentStart == memo.contentStart, !memo.hasSuppressionComments else { return nil }
        let (prefix, suffix) = commonEnds(old, new)
        let delta = new.count - old.count
        let resume = resumeCheckpoint(memo, prefix: prefix)
        let start = resume.map { memo.checkpoints[$0].offset } ?? source.contentStart
        let resumeEnd = resume.map { memo.checkpoints[$0].headingEnd } ?? source.contentStart
        let candidates = stopCandidates(memo, oldCount: old.count, suffix: suffix, after: resumeEnd, delta: delta)
        var stops = candidates.map { memo.checkpoints[$0].offset + delta }
        var scan = WikitextScanner.scan(new, from: start, stops: stops)
        guard scan.suppressionComments.isEmpty else { return nil }
        var failed = scan.failedLookaheads
        var probes = scan.longProbes
        var run = resume.map { WikitextRun(source: source, scan: scan, resuming: memo, at: $0) }
            ?? WikitextRun(source: source, scan: scan)
        var from = start
        while true {
            guard let stop = scan.stoppedAt else {
                run.run(from: from, to: new.count)
                return run.finishDocument(
                    failedLookaheads: failed, longProbes: memo.longProbes.filter { $0.lowerBound < start } + probes,
                    from: start)
            }
            guard run.run(from: from, to: stop) == stop,
                let m = candidates.first(where: { memo.checkpoints[$0].offset + delta == stop })
            else { return nil }
            // What the heading line would do first; the loop repeats it harmlessly if it goes on.
            run.finishParagraph()
            if sameState(run, memo.checkpoints[m], memo) {
                return splice(
                    run, from: start, to: stop, memo: memo, checkpoint: m, delta: delta, failed: failed,
                    probes: memo.longProbes.filter { $0.lowerBound < start } + probes)
            }
            // The state differs here (a renamed parent heading, say): go on to the next candidate.
            // Nothing is open at `stop`, so scanning afresh from it continues the same scan.
            stops.removeAll { $0 <= stop }
            scan = WikitextScanner.scan(new, from: stop, stops: stops)
            guard scan.suppressionComments.isEmpty else { return nil }
            failed += scan.failedLookaheads
            probes += scan.longProbes
            run.continueWith(scan)
            from = stop
        }
    }

    /// The index of the last clean checkpoint far enough inside the unchanged prefix to resume at.
    static func resumeCheckpoint(_ memo: WikitextParseMemo, prefix: Int) -> Int? {
        let firstFailed = memo.failedLookaheads.first ?? Int.max
        var resume: Int? = nil
        var probe = 0
        var probedPast = false
        for (k, cp) in memo.checkpoints.enumerated() {
            if cp.headingEnd + margin > prefix || cp.offset > firstFailed { break }
            // A failed tag parse before the resume point that looked into the changed bytes.
            while probe < memo.longProbes.count && memo.longProbes[probe].lowerBound < cp.offset {
                if memo.longProbes[probe].upperBound > prefix { probedPast = true }
                probe += 1
            }
            if probedPast { break }
            if cp.clean { resume = k }
        }
        return resume
    }

    /// Indices of the clean checkpoints to stop at: their line and the line end before it lie in
    /// the unchanged suffix, after the resume point's heading (`resumeEnd`) in both sources.
    static func stopCandidates(_ memo: WikitextParseMemo, oldCount: Int, suffix: Int, after resumeEnd: Int, delta: Int) -> [Int] {
        var candidates: [Int] = []
        for (m, cp) in memo.checkpoints.enumerated()
        where cp.clean && cp.offset > oldCount - suffix && cp.offset > resumeEnd && cp.offset + delta > resumeEnd {
            candidates.append(m)
        }
        return candidates
    }

    /// Lengths of the longest common prefix and suffix, not overlapping in the shorter input.
    static func commonEnds(_ a: [UInt8], _ b: [UInt8]) -> (prefix: Int, suffix: Int) {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                // An empty side has no base address and nothing in common with the other.
                guard let xb = UnsafeRawPointer(x.baseAddress), let yb = UnsafeRawPointer(y.baseAddress) else { return (0, 0) }
                let limit = min(x.count, y.count)
                var p = 0
                // Whole blocks with memcmp first (vectorised: a revision shares most of its bytes
                // with its parent), then eight bytes a step inside the block that differs.
                let block = 4096
                while p + block <= limit, memcmp(xb + p, yb + p, block) == 0 { p += block }
                while p + 8 <= limit {
                    let u = xb.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                    let v = yb.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                    if u != v { break }
                    p += 8
                }
                while p < limit && x[p] == y[p] { p += 1 }
                var s = 0
                let room = limit - p
                while s + block <= room, memcmp(xb + (x.count - s - block), yb + (y.count - s - block), block) == 0 { s += block }
                while s + 8 <= room {
                    let u = xb.loadUnaligned(fromByteOffset: x.count - s - 8, as: UInt64.self)
                    let v = yb.loadUnaligned(fromByteOffset: y.count - s - 8, as: UInt64.self)
                    if u != v { break }
                    s += 8
                }
                while s < room && x[x.count - 1 - s] == y[y.count - 1 - s] { s += 1 }
                return (p, s)
            }
        }
    }

    /// Whether the run, stopped in front of the heading of `cp`, is in the state the old parse was
    /// in there, so that the rest parses as it did.
    static func sameState(_ run: WikitextRun, _ cp: WikitextCheckpoint, _ memo: WikitextParseMemo) -> Bool {
        let b = run.builder.checkpoint
        guard b.levels == cp.builder.levels, b.titles == cp.builder.titles, run.beforeProse == cp.beforeProse,
            run.boldTitle == cp.boldTitle, run.renderer.infoboxName == cp.infoboxName,
            run.renderer.declaredDateStyle == cp.dateStyle, run.renderer.declaredDateStyleLine == cp.dateStyleLine,
            run.renderer.categories.count == cp.categoryCount,
            run.renderer.categories[...] == memo.categories[..<cp.categoryCount]
        else { return false }
        // References are defined first-wins. A name defined before this point in the old parse
        // but not in the new one might get its definition from a later one that the old parse
        // dropped as a repeat, and only the first definitions were kept; names the new text adds
        // are fine (they win over later ones either way).
        guard run.renderer.definitions.count >= cp.definitionCount else { return false }
        for (key, d) in memo.definitions where d.offset < cp.offset {
            if run.renderer.definitions[key] == nil { return false }
        }
        return true
    }

    static func splice(
        _ run: WikitextRun, from start: Int, to stop: Int, memo: WikitextParseMemo, checkpoint m: Int, delta: Int,
        failed: [Int], probes: [Range<Int>]
    ) -> Document {
        var run = run
        let cp = memo.checkpoints[m]
        let lineDelta = run.source.lines.line(of: stop) - cp.line
        let openParagraphs = run.builder.checkpoint.paragraph
        var sections = run.builder.finish(at: stop)
        let oldFirst = cp.closed + 1
        let sectionShift = sections.count - oldFirst
        sections.reserveCapacity(sections.count + memo.sections.count - oldFirst)
        for s in memo.sections[oldFirst...] { sections.append(shifted(s, delta, lineDelta)) }
        var fields = run.renderer.fields
        let fieldShift = fields.count - cp.fieldCount
        for f in memo.fields[cp.fieldCount...] { fields.append(shifted(f, delta, lineDelta)) }
        let categories = run.renderer.categories + memo.categories[cp.categoryCount...]
        var definitions = run.renderer.definitions
        // Definitions the old parse first met after the stop, in order, for the counts below.
        var later: [Int] = []
        for (key, value) in memo.definitions where value.offset >= cp.offset && definitions[key] == nil {
            var v = value
            v.offset += delta
            definitions[key] = v
            later.append(value.offset)
        }
        later.sort()
        let definitionsAtStop = run.renderer.definitions.count
        let styleSetInSuffix = cp.dateStyle == nil && memo.dateStyle != nil
        var checkpoints = run.checkpoints
        var laterIndex = 0
        for var c in memo.checkpoints[m...] {
            if c.offset == cp.offset { c.builder.paragraph = openParagraphs }
            while laterIndex < later.count && later[laterIndex] < c.offset { laterIndex += 1 }
            c.definitionCount = definitionsAtStop + laterIndex
            c.offset += delta
            c.headingEnd += delta
            c.line += lineDelta
            c.closed += sectionShift
            c.fieldCount += fieldShift
            if styleSetInSuffix, let l = c.dateStyleLine { c.dateStyleLine = l + lineDelta }
            checkpoints.append(c)
        }
        let failed = failed + memo.failedLookaheads.filter { $0 >= cp.offset }.map { $0 + delta }
        let probes = probes + memo.longProbes.filter { $0.lowerBound >= cp.offset }
            .map { ($0.lowerBound + delta)..<($0.upperBound + delta) }
        return run.document(
            sections: sections, fields: fields, categories: categories, definitions: definitions,
            infoboxName: run.renderer.infoboxName ?? memo.infoboxName, boldTitle: run.boldTitle ?? memo.boldTitle,
            dateStyle: run.renderer.declaredDateStyle ?? memo.dateStyle,
            dateStyleLine: styleSetInSuffix ? memo.dateStyleLine.map { $0 + lineDelta } : run.renderer.declaredDateStyleLine,
            checkpoints: checkpoints, failedLookaheads: failed, longProbes: probes, hasSuppressionComments: false,
            reparsed: start..<stop)
    }

    static func shifted(_ c: Citation, _ d: Int) -> Citation {
        var c = c
        c.offset += d
        return c
    }

    static func shifted(_ s: Section, _ d: Int, _ ld: Int) -> Section {
        guard d != 0 || ld != 0 else { return s }
        var s = s
        s.line += ld
        s.endLine += ld
        s.headingRange = (s.headingRange.lowerBound + d)..<(s.headingRange.upperBound + d)
        s.sourceRange = (s.sourceRange.lowerBound + d)..<(s.sourceRange.upperBound + d)
        for k in s.sentences.indices {
            s.sentences[k].line += ld
            let r = s.sentences[k].sourceRange
            s.sentences[k].sourceRange = (r.lowerBound + d)..<(r.upperBound + d)
            if d != 0 {
                for t in s.sentences[k].spans.indices { s.sentences[k].spans[t].sourceOffset += d }
                for t in s.sentences[k].citations.indices { s.sentences[k].citations[t].offset += d }
            }
        }
        return s
    }

    static func shifted(_ f: Field, _ d: Int, _ ld: Int) -> Field {
        var f = f
        f.line += ld
        f.sourceRange = (f.sourceRange.lowerBound + d)..<(f.sourceRange.upperBound + d)
        for t in f.citations.indices { f.citations[t].offset += d }
        return f
    }
}

extension Document {
    /// The first way in which two parses differ (sections, fields, metadata and, for wikitext, the
    /// state kept for incremental parsing), or nil when they are the same.
    ///
    /// For checking that an incremental parse gave exactly what a full parse gives (tests and the
    /// benchmark's self-check).
    package func parseDifference(from other: Document) -> String? {
        // `reparsed` says how the parse was done, not what it found, so it is not compared.
        if format != other.format { return "format" }
        if sections.count != other.sections.count { return "section count \(sections.count) vs \(other.sections.count)" }
        for (k, (a, b)) in zip(sections, other.sections).enumerated() where a != b {
            if a.path != b.path { return "section \(k) path \(a.path) vs \(b.path)" }
            if a.sentences.count != b.sentences.count { return "section \(k) sentence count" }
            for (t, (x, y)) in zip(a.sentences, b.sentences).enumerated() where x != y {
                return "section \(k) sentence \(t): \(x) vs \(y)"
            }
            return "section \(k) (\(a.heading)): \(a.line)-\(a.endLine) \(a.sourceRange) vs \(b.line)-\(b.endLine) \(b.sourceRange)"
        }
        if fields != other.fields { return "fields" }
        if categories != other.categories { return "categories" }
        if title != other.title { return "title \(title ?? "nil") vs \(other.title ?? "nil")" }
        if declaredDateStyle != other.declaredDateStyle || declaredDateStyleLine != other.declaredDateStyleLine {
            return "declared date style"
        }
        if suppressions != other.suppressions { return "suppressions" }
        if links != other.links { return "links" }
        if role != other.role || date != other.date { return "role or date" }
        switch (wikitextMemo, other.wikitextMemo) {
        case (nil, nil): return nil
        case let (a?, b?):
            if a.checkpoints != b.checkpoints {
                for (k, (x, y)) in zip(a.checkpoints, b.checkpoints).enumerated() where x != y {
                    return "memo checkpoint \(k): \(x) vs \(y)"
                }
                return "memo checkpoint count \(a.checkpoints.count) vs \(b.checkpoints.count)"
            }
            if a.sections != b.sections { return "memo sections" }
            if a.fields != b.fields { return "memo fields" }
            if a.definitions != b.definitions { return "memo definitions" }
            if a.failedLookaheads != b.failedLookaheads { return "memo failed look-aheads" }
            if a.longProbes != b.longProbes { return "memo long probes" }
            if a.infoboxName != b.infoboxName || a.boldTitle != b.boldTitle || a.dateStyle != b.dateStyle
                || a.dateStyleLine != b.dateStyleLine || a.categories != b.categories
                || a.hasSuppressionComments != b.hasSuppressionComments
            {
                return "memo metadata"
            }
            return nil
        default: return "memo present in one parse only"
        }
    }
}

extension Document {
    /// For wikitext: the byte range the parse actually parsed, the rest having been reused from
    /// an earlier revision's parse (the whole source for a full parse); nil for other formats.
    package var reparsedRange: Range<Int>? { wikitextMemo?.reparsed }
}

extension Document {
    /// The wikitext parser's memo of this document, kept in the model's opaque `parserMemo`.
    var wikitextMemo: WikitextParseMemo? {
        get { parserMemo as? WikitextParseMemo }
        set { parserMemo = newValue }
    }
}
