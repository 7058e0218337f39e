import Foundation
import CrossCheckCore
/// Detects an input's format from its content (SPEC "Inputs").
///
/// Every format gets a score from the signals it shows (wikitext templates, links, `<ref>` and
/// `== heading ==` lines; markdown `**Key**:` items, bullets, `[x](url)` links, fences and tables;
/// a rendered article's footnote marks and long prose lines; a leading `---` block of `key:`
/// lines) and the highest score wins, so one stray `[[` or `**` cannot decide alone. The file
/// extension only breaks ties, including the tie of markup-free prose (which every format reads
/// the same way). One pass over at most the first 4 MB.
package enum FormatDetector {
    package typealias Signals = FormatSignals

    /// The most likely format of `source`.
    package static func detect(_ source: SourceText) -> DocumentFormat {
        let s = signals(source)
        return best(scores(s), path: source.path)
    }

    /// Scores per format for the given signals (higher is likelier).
    package static func scores(_ s: Signals) -> [DocumentFormat: Double] {
        var out: [DocumentFormat: Double] = [:]
        for p in FormatRegistry.all { out[p.format] = p.score(s) }
        return out
    }

    static func best(_ scores: [DocumentFormat: Double], path: String) -> DocumentFormat {
        let ext = FileNames.pathExtension(path.lowercased())
        var hinted: DocumentFormat? = nil
        for p in FormatRegistry.all where hinted == nil && p.fileExtensions.contains(ext) { hinted = p.format }
        var winner = hinted ?? .plaintext
        var top = -1.0
        // Registry order keeps ties deterministic; the extension's format gets a half point.
        for p in FormatRegistry.all {
            let f = p.format
            let v = (scores[f] ?? 0) + (f == hinted ? 0.5 : 0)
            if v > top { top = v; winner = f }
        }
        return top <= 0.5 ? (hinted ?? .plaintext) : winner
    }

    /// Counts the signals of every format in one pass over the bytes.
    package static func signals(_ source: SourceText) -> Signals {
        var s = Signals()
        let bytes = source.bytes
        let n = min(bytes.count, source.contentStart + 4 << 20)
        bytes.withUnsafeBufferPointer { b in
            var ls = source.contentStart
            var lineNo = 0
            var inFrontMatter = false
            while ls < n {
                var le = ls
                while le < n && b[le] != 0x0A && b[le] != 0x0D { le += 1 }
                var next = le
                if next < n && b[next] == 0x0D { next += 1 }
                if next < n && b[next] == 0x0A { next += 1 }
                if next == le { next = le + 1 }
                defer { ls = next; lineNo += 1 }
                var p = ls
                while p < le && (b[p] == 0x20 || b[p] == 0x09) { p += 1 }
                var e = le
                while e > p && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
                let len = e - p
                // Front matter: `---` on the first line, then `key:` lines up to a closing `---`.
                if lineNo == 0 && len == 3 && p == ls && b[p] == 0x2D && b[p + 1] == 0x2D && b[p + 2] == 0x2D {
                    inFrontMatter = true
                    continue
                }
                if inFrontMatter {
                    frontMatterLine(b, p..<e, indented: p != ls, inFrontMatter: &inFrontMatter, &s)
                    continue
                }
                if len == 0 { continue }
                let isBullet = blockSignals(b, p..<e, &s)
                let backticks = inlineSignals(b, p..<e, &s)
                s.inlineCode += backticks / 2
                let c = b[p]
                if !isBullet && c != 0x23 && c != 0x7C && c != 0x3D && len >= 150 { s.proseLines += 1 }
            }
        }
        return s
    }

    /// A line inside a leading `---` block (`line` trimmed): a `key:` line counts, a closing `---`
    /// or `...` ends the block, and so does a first line that is no `key:` line.
    @inline(__always)
    static func frontMatterLine(
        _ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, indented: Bool, inFrontMatter: inout Bool, _ s: inout Signals
    ) {
        let p = line.lowerBound
        let e = line.upperBound
        let len = e - p
        if len == 3 && !indented && ((b[p] == 0x2D && b[p + 1] == 0x2D && b[p + 2] == 0x2D) || (b[p] == 0x2E && b[p + 1] == 0x2E && b[p + 2] == 0x2E)) {
            inFrontMatter = false
            s.frontMatterClosed = s.frontMatterKeys > 0
            return
        }
        if !indented && len > 0 && b[p] != 0x23 && b[p] != 0x2D {
            var k = p
            while k < e && b[k] != 0x3A && b[k] != 0x20 { k += 1 }
            if k < e && k > p && b[k] == 0x3A && (k + 1 == e || b[k + 1] == 0x20) { s.frontMatterKeys += 1 }
            else if s.frontMatterKeys == 0 { inFrontMatter = false }
        }
    }

    /// Signals of a line's start (`line` trimmed, not empty): headings, list items, `**Key**:`
    /// lines, fences and table rules. Returns whether the line is a list item.
    @inline(__always)
    static func blockSignals(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ s: inout Signals) -> Bool {
        let p = line.lowerBound
        let e = line.upperBound
        let len = e - p
        let c = b[p]
        // Headings.
        if c == 0x3D && len >= 4 && b[e - 1] == 0x3D { s.wikiHeadings += 1 }
        if c == 0x23 {
            var r = p
            while r < e && b[r] == 0x23 { r += 1 }
            if r - p <= 6 && r < e && b[r] == 0x20 { s.atxHeadings += 1 }
        }
        // List items and key lines.
        var q = p
        var isBullet = false
        if (c == 0x2D || c == 0x2A || c == 0x2B) && p + 1 < e && b[p + 1] == 0x20 { isBullet = true; q = p + 2 }
        else if c >= 0x30 && c <= 0x39 {
            var r = p
            while r < e && b[r] >= 0x30 && b[r] <= 0x39 && r - p < 4 { r += 1 }
            if r < e && (b[r] == 0x2E || b[r] == 0x29) && r + 1 < e && b[r + 1] == 0x20 { isBullet = true; q = r + 2 }
        }
        if isBullet { s.bullets += 1 }
        while q < e && b[q] == 0x20 { q += 1 }
        if q + 2 < e && b[q] == 0x2A && b[q + 1] == 0x2A {
            var k = q + 2
            while k + 1 < e && !(b[k] == 0x2A && b[k + 1] == 0x2A) { k += 1 }
            if k + 1 < e && ((k + 2 < e && b[k + 2] == 0x3A) || b[k - 1] == 0x3A) { s.keyLines += 1 }
        }
        if len >= 3 && (c == 0x60 || c == 0x7E) && b[p + 1] == c && b[p + 2] == c { s.fences += 1 }
        if c == 0x7C || (c == 0x3A && len > 2) || (c == 0x2D && len > 2) {
            var dash = false, pipe = false, other = false
            for k in p..<e {
                switch b[k] {
                case 0x2D: dash = true
                case 0x7C: pipe = true
                case 0x3A, 0x20: break
                default: other = true
                }
                if other { break }
            }
            if dash && pipe && !other { s.tableRules += 1 }
        }
        return isBullet
    }

    /// Inline signals of a line (`line` trimmed): templates, links, refs, bold, footnote marks.
    /// Returns the number of backticks (up to 1,000).
    @inline(__always)
    static func inlineSignals(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ s: inout Signals) -> Int {
        let p = line.lowerBound
        let e = line.upperBound
        var k = p
        var inlineCount = 0
        while k < e {
            let x = b[k]
            if x == 0x7B && k + 1 < e && b[k + 1] == 0x7B { s.templates += 1; k += 2; continue }
            if x == 0x5B && k + 1 < e && b[k + 1] == 0x5B { s.wikiLinks += 1; k += 2; continue }
            if x == 0x3C && k + 3 < e && b[k + 1] == 0x72 && b[k + 2] == 0x65 && b[k + 3] == 0x66 { s.refs += 1 }
            if x == 0x27 && k + 2 < e && b[k + 1] == 0x27 && b[k + 2] == 0x27 { s.wikiBold += 1; k += 3; continue }
            if x == 0x5D && k + 1 < e && b[k + 1] == 0x28 { s.mdLinks += 1 }
            if x == 0x60 && inlineCount < 1000 { inlineCount += 1 }
            if (x == 0xC2 && k + 1 < e && (b[k + 1] == 0xB9 || b[k + 1] == 0xB2 || b[k + 1] == 0xB3))
                || (x == 0xE2 && k + 2 < e && b[k + 1] == 0x81 && (b[k + 2] == 0xB0 || (b[k + 2] >= 0xB4 && b[k + 2] <= 0xB9)))
            {
                if k > p && (b[k - 1] == 0x2E || b[k - 1] == 0x2C || (b[k - 1] >= 0x61 && b[k - 1] <= 0x7A) || b[k - 1] == 0x22 || b[k - 1] == 0x29) {
                    s.footnoteMarks += 1
                }
                k += x == 0xC2 ? 2 : 3
                while k + 1 < e && (b[k] == 0xC2 || b[k] == 0xE2) && b[k + 1] != 0x20 { k += 1 }
                continue
            }
            k += 1
        }
        return inlineCount
    }
}

/// Signal counts gathered by `FormatDetector` in one pass; each format scores them.
package struct FormatSignals: Sendable, Equatable {
    package init() {}
    package var templates = 0, wikiLinks = 0, refs = 0, wikiHeadings = 0, wikiBold = 0
    package var keyLines = 0, bullets = 0, mdLinks = 0, fences = 0, tableRules = 0, atxHeadings = 0, inlineCode = 0
    package var footnoteMarks = 0, proseLines = 0
    /// Leading `---` line followed by `key: value` lines (count), and whether a closing `---` was seen.
    package var frontMatterKeys = 0, frontMatterClosed = false
}

/// Caps a signal count so that one very long file cannot outvote every other signal.
func cap(_ v: Int, _ m: Int) -> Double { Double(min(v, m)) }
