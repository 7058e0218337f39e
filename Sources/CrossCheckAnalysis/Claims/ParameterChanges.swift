import Foundation
import CrossCheckCore

/// Template parameters (infobox fields, table and match-box parameters) whose value an edit
/// changed, between two wikitext revisions.
///
/// Works on the source lines: a line diff finds the replaced lines, `| key = value` segments on
/// them are paired by key (the n-th occurrence of a key in the old lines with the n-th in the new
/// ones), and a pair whose value differs is a change. Layout and identifier parameters (images,
/// sizes, styles, links, codes) are skipped. Linear in the text plus the diff.
package struct ParameterChange: Sendable {
    package var key: String
    /// The values as plain text (links reduced to their labels, references removed).
    package var old: String
    package var new: String
    /// 1-based lines in the old and new source.
    package var oldLine: Int
    package var newLine: Int
    /// The source lines, trimmed, for evidence.
    package var oldText: String
    package var newText: String
    /// The references in the value, as written (for telling an update from a silent change).
    package var oldReferences: [String]
    package var newReferences: [String]
}

package enum ParameterChanges {
    /// Every changed parameter between `a` (older) and `b` (newer); empty unless both are wikitext.
    package static func changes(_ a: Document, _ b: Document) -> [ParameterChange] {
        guard a.format == .wikitext, b.format == .wikitext else { return [] }
        let la = lines(a.source.bytes, from: a.source.contentStart)
        let lb = lines(b.source.bytes, from: b.source.contentStart)
        // Consecutive revisions share almost every line: the common first and last lines are
        // skipped by byte comparison, and only the lines between are hashed and diffed.
        let (pre, suf) = commonEnds(la, lb, a.source.bytes, b.source.bytes)
        var ids: [ArraySlice<UInt8>: Int32] = [:]
        func id(_ s: ArraySlice<UInt8>) -> Int32 {
            if let k = ids[s] { return k }
            let k = Int32(ids.count)
            ids[s] = k
            return k
        }
        let ia = la[pre..<(la.count - suf)].map { id(a.source.bytes[$0]) }
        let ib = lb[pre..<(lb.count - suf)].map { id(b.source.bytes[$0]) }
        let runs = MyersDiff.diff(ia, ib, budget: 2_000_000).runs
        var out: [ParameterChange] = []
        // Replaced blocks: the deleted and inserted lines between two equal runs.
        var k = 0
        while k < runs.count {
            guard runs[k].kind != .equal else { k += 1; continue }
            var oldLines: [Int] = []
            var newLines: [Int] = []
            while k < runs.count, runs[k].kind != .equal {
                oldLines += runs[k].a.map { $0 + pre }
                newLines += runs[k].b.map { $0 + pre }
                k += 1
            }
            guard !oldLines.isEmpty, !newLines.isEmpty else { continue }
            let po = parameters(oldLines, la, a.source.bytes)
            let pn = parameters(newLines, lb, b.source.bytes)
            guard !po.isEmpty, !pn.isEmpty else { continue }
            var byKeyOld: [String: [Parameter]] = [:]
            for p in po { byKeyOld[p.key, default: []].append(p) }
            var byKeyNew: [String: [Parameter]] = [:]
            var keyOrder: [String] = []
            for p in pn {
                if byKeyNew[p.key] == nil { keyOrder.append(p.key) }
                byKeyNew[p.key, default: []].append(p)
            }
            for key in keyOrder {
                guard let xs = byKeyOld[key], let ys = byKeyNew[key], xs.count == ys.count else { continue }
                for (x, y) in zip(xs, ys) where x.value != y.value {
                    out.append(
                        ParameterChange(
                            key: key, old: x.value, new: y.value, oldLine: x.line + 1, newLine: y.line + 1,
                            oldText: x.lineText, newText: y.lineText, oldReferences: x.references, newReferences: y.references))
                }
            }
        }
        return out
    }

    struct Parameter {
        var key: String
        var value: String
        var references: [String]
        var line: Int
        var lineText: String
    }

    /// How many lines at the start and at the end of `la` and `lb` have the same bytes (the two
    /// counts never overlap).
    static func commonEnds(_ la: [Range<Int>], _ lb: [Range<Int>], _ a: [UInt8], _ b: [UInt8]) -> (Int, Int) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                func same(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
                    x.count == y.count && (x.isEmpty || memcmp(pa.baseAddress! + x.lowerBound, pb.baseAddress! + y.lowerBound, x.count) == 0)
                }
                let n = min(la.count, lb.count)
                var pre = 0
                while pre < n, same(la[pre], lb[pre]) { pre += 1 }
                var suf = 0
                while suf < n - pre, same(la[la.count - 1 - suf], lb[lb.count - 1 - suf]) { suf += 1 }
                return (pre, suf)
            }
        }
    }

    /// Byte ranges of the lines (without line ends).
    static func lines(_ b: [UInt8], from start: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = start
        var i = start
        while i < b.count {
            if b[i] == 0x0A {
                var e = i
                if e > s, b[e - 1] == 0x0D { e -= 1 }
                out.append(s..<e)
                s = i + 1
            }
            i += 1
        }
        if s < b.count { out.append(s..<b.count) }
        return out
    }

    /// The `| key = value` segments of the given lines (at the line's own bracket level).
    static func parameters(_ indices: [Int], _ ranges: [Range<Int>], _ b: [UInt8]) -> [Parameter] {
        var out: [Parameter] = []
        for n in indices where n < ranges.count {
            let r = ranges[n]
            // Cheap reject: a parameter line has a "|" and a "=".
            guard b[r].contains(0x7C), b[r].contains(0x3D) else { continue }
            var segments: [Range<Int>] = []
            var depthLink = 0
            var depthTemplate = 0
            var inRef = false
            var segStart: Int? = nil
            var i = r.lowerBound
            while i < r.upperBound {
                let c = b[i]
                if c == 0x3C, i + 4 < r.upperBound, b[i + 1] | 0x20 == 0x72, b[i + 2] | 0x20 == 0x65, b[i + 3] | 0x20 == 0x66 {
                    inRef = true
                } else if inRef, c == 0x3E, i > r.lowerBound, b[i - 1] == 0x2F || (i >= r.lowerBound + 5 && b[(i - 4)..<i].elementsEqual("/ref".utf8)) {
                    inRef = false
                } else if c == 0x5B, i + 1 < r.upperBound, b[i + 1] == 0x5B {
                    depthLink += 1; i += 2; continue
                } else if c == 0x5D, i + 1 < r.upperBound, b[i + 1] == 0x5D {
                    depthLink = max(0, depthLink - 1); i += 2; continue
                } else if c == 0x7B, i + 1 < r.upperBound, b[i + 1] == 0x7B {
                    depthTemplate += 1; i += 2; continue
                } else if c == 0x7D, i + 1 < r.upperBound, b[i + 1] == 0x7D {
                    if depthTemplate == 0, let s = segStart { segments.append(s..<i); segStart = nil }
                    depthTemplate = max(0, depthTemplate - 1); i += 2; continue
                } else if c == 0x7C, depthLink == 0, depthTemplate == 0, !inRef {
                    if let s = segStart { segments.append(s..<i) }
                    segStart = i + 1
                }
                i += 1
            }
            if let s = segStart { segments.append(s..<r.upperBound) }
            guard !segments.isEmpty else { continue }
            let lineText = String(decoding: b[r], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            for seg in segments {
                guard let eq = b[seg].firstIndex(of: 0x3D) else { continue }
                let key = String(decoding: b[seg.lowerBound..<eq], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty, key.utf8.count <= 40, key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "_" || $0 == "-" || ("0"..."9").contains($0) }),
                    !skipped(key)
                else { continue }
                let raw = String(decoding: b[(eq + 1)..<seg.upperBound], as: UTF8.self)
                let (value, references) = plain(raw)
                guard !value.isEmpty, !looksLikeFile(value) else { continue }
                out.append(Parameter(key: key.lowercased(), value: value, references: references, line: n, lineText: lineText))
            }
        }
        return out
    }

    /// Words of keys that hold layout or identifiers, not facts a reader checks.
    static let layoutKeyWords: Set<String> = [
        "image", "img", "logo", "map", "caption", "alt", "size", "width", "style", "color", "colour", "bgcolor", "align",
        "url", "website", "web", "homepage", "signature", "coordinates", "coord", "coords", "lat", "long", "latd", "longd",
        "issn", "oclc", "isbn", "doi", "id", "code", "pushpin", "footnotes", "notes", "ref", "refs", "class", "border",
        "font", "icon", "flag", "seal", "collapsible", "state", "px", "upright", "scale", "zoom", "rowspan", "colspan",
        "cellpadding", "cellspacing", "padding", "margin", "height",
    ]

    /// Words of keys that stamp a template's figures with the date or occasion they are for
    /// ("update", "club-update", "population_as_of", "census_year"): a template with one holds
    /// figures that editors restate.
    static let stampKeyWords: Set<String> = ["update", "updated", "asof", "stand", "census"]

    /// True when `key` is such a stamp.
    package static func isStamp(_ key: String) -> Bool {
        let words = key.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains(where: { stampKeyWords.contains($0) }) { return true }
        return zip(words, words.dropFirst()).contains { $0 == "as" && $1 == "of" }
    }

    /// The stamp keys of the template around `line` (0-based): from the line that opens it to
    /// the line that closes it (at most 400 lines either way).
    package static func stampKeys(line: Int, in document: Document) -> Set<String> {
        let b = document.source.bytes
        let ranges = lines(b, from: document.source.contentStart)
        guard line < ranges.count else { return [] }
        var out: Set<String> = []
        func collect(_ r: Range<Int>) {
            for p in parameters([0], [r], b) where isStamp(p.key) { out.insert(p.key) }
        }
        var k = line
        while k >= 0, line - k < 400 {
            collect(ranges[k])
            if b[ranges[k]].starts(with: "{{".utf8) { break }
            k -= 1
        }
        k = line + 1
        while k < ranges.count, k - line < 400 {
            let r = ranges[k]
            if b[r].starts(with: "{{".utf8) { break }
            collect(r)
            if b[r].starts(with: "}}".utf8) { break }
            k += 1
        }
        return out
    }

    static func skipped(_ key: String) -> Bool {
        let words = key.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { layoutKeyWords.contains(String($0)) }
    }

    /// A file name or a link target: "Foo.jpg", "http://...".
    static func looksLikeFile(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower.hasPrefix("http") || lower.hasPrefix("www.") || lower.hasPrefix("file:") { return true }
        return [".jpg", ".jpeg", ".png", ".svg", ".gif", ".tif", ".tiff", ".webp", ".ogg", ".pdf"].contains { lower.contains($0) }
    }

    /// A parameter's value as plain text and its references: `[[a|b]]` -> b, `<ref>..</ref>`
    /// removed (and returned), `<br>` and markup quotes removed, comments dropped.
    static func plain(_ raw: String) -> (String, [String]) {
        var text = raw
        var refs: [String] = []
        while let open = text.range(of: "<ref", options: .caseInsensitive) {
            let rest = text[open.upperBound...]
            guard let gt = rest.firstIndex(of: ">") else { text.removeSubrange(open.lowerBound...); break }
            if text[text.index(before: gt)] == "/" {
                refs.append(String(text[open.lowerBound...gt]))
                text.removeSubrange(open.lowerBound...gt)
            } else if let close = text.range(of: "</ref>", options: .caseInsensitive, range: gt..<text.endIndex) {
                refs.append(String(text[open.lowerBound..<close.upperBound]))
                text.removeSubrange(open.lowerBound..<close.upperBound)
            } else {
                refs.append(String(text[open.lowerBound...]))
                text.removeSubrange(open.lowerBound...)
            }
        }
        while let c = text.range(of: "<!--") {
            let end = text.range(of: "-->", range: c.upperBound..<text.endIndex)?.upperBound ?? text.endIndex
            text.removeSubrange(c.lowerBound..<end)
        }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix("[[") {
                let inner = text.index(i, offsetBy: 2)
                guard let close = text.range(of: "]]", range: inner..<text.endIndex) else { out += text[i...]; break }
                let link = text[inner..<close.lowerBound]
                out += link.split(separator: "|").last.map(String.init) ?? ""
                i = close.upperBound
            } else if text[i] == "<", let gt = text[i...].firstIndex(of: ">") {
                out += " "
                i = text.index(after: gt)
            } else if text[i...].hasPrefix("''") {
                i = text.index(after: i)
                while i < text.endIndex, text[i] == "'" { i = text.index(after: i) }
            } else {
                out.append(text[i])
                i = text.index(after: i)
            }
        }
        let collapsed = out.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return (collapsed.trimmingCharacters(in: .whitespaces), refs)
    }
}
