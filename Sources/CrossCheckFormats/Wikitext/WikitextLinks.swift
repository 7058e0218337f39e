import Foundation
import CrossCheckCore

/// Links: `[[target|label]]` (files dropped, categories collected, interlanguage links dropped),
/// `[url label]`, and the top-level search for `|`, `:` and `;` that links and templates share.
extension WikitextRenderer {
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

    mutating func renderLink(
        at start: Int, _ r: WikitextRegion, into sink: inout WikitextSink, depth: Int, end: Int
    ) -> Int {
        guard depth < WikitextRenderer.maxDepth else { return r.end }
        let inner = r.inner
        let (pipe, firstColon) = pipeAndColon(inner)
        var targetRange = trimmed(inner.lowerBound..<(pipe ?? inner.upperBound))
        var leadingColon = false
        if !targetRange.isEmpty && bytes[targetRange.lowerBound] == 0x3A {
            leadingColon = true
            targetRange = trimmed((targetRange.lowerBound + 1)..<targetRange.upperBound)
        }
        var colon = firstColon
        // Always inside the target (see `pipeAndColon`); should that ever fail, look again there.
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
        renderLinkText(at: start, inner, target: targetRange, pipe: pipe, into: &sink, depth: depth)
        var j = r.end
        while j < end && bytes[j] >= 0x61 && bytes[j] <= 0x7A {
            sink.emit(bytes[j], at: j)
            j += 1
        }
        return j
    }

    /// The first top-level `|` of a link's `inner` range and the first top-level `:` before it,
    /// in one pass (the `:` is the one `firstTopLevel(0x3A, in: targetRange)` finds: no region
    /// skipped here ends after the target's last non-space byte, and `:` is no space).
    @inline(__always)
    func pipeAndColon(_ inner: Range<Int>) -> (pipe: Int?, colon: Int?) {
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
        return (pipe, firstColon)
    }

    /// What a link shows: its label, the target with the pipe trick (`[[Target (x)|]]` shows
    /// `Target`), or the target.
    @inline(__always)
    mutating func renderLinkText(
        at start: Int, _ inner: Range<Int>, target targetRange: Range<Int>, pipe: Int?, into sink: inout WikitextSink, depth: Int
    ) {
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

    mutating func renderExternalLink(at start: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int? {
        guard let link = externalLink(at: start, end: end) else { return nil }
        if depth < WikitextRenderer.maxDepth && !link.label.isEmpty {
            renderInline(link.label, into: &sink, depth: depth + 1)
        }
        return link.end
    }
}
