import CrossCheckCore

/// Where a word of plain text sat in its markup: inside a link (with the link's target), in
/// italics, or in a span marked as another language (`{{lang|fr|...}}`, `{{lang-it|...}}`).
///
/// Rules that judge single words ask this only for the few words they are about to report, so it
/// scans the source line around the word rather than keeping spans for every word.
package struct MarkupContext: Sendable, Equatable {
    /// The target of the wikilink (`[[target|label]]`) or markdown link around the word.
    package var linkTarget: String?
    /// True when the link shows a label different from its target (`[[target|label]]`).
    package var linkHasLabel = false
    /// True inside `''italics''` (wikitext) or `*emphasis*` / `_emphasis_` (markdown).
    package var italic = false
    /// The language code of a `{{lang|xx|...}}` or `{{lang-xx|...}}` span around the word.
    package var spanLanguage: String?
    /// True inside a template other than a language span (a citation, a quotation box).
    package var inTemplate = false

    /// True when the word is quoted from another language or set apart as a title or term:
    /// a language span, or italics.
    package var isForeignOrTitle: Bool { spanLanguage.map { $0 != "en" } ?? false || italic }

    /// The markup context of the byte at `offset` in `bytes` (a source file's UTF-8 bytes).
    ///
    /// Scans from the start of the line holding `offset` (lines are paragraphs in wikitext and
    /// markdown); costs the length of that line.
    package static func at(_ offset: Int, in bytes: [UInt8], format: DocumentFormat) -> MarkupContext {
        guard offset >= 0, offset <= bytes.count else { return MarkupContext() }
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var ctx = MarkupContext()
        // Open templates (their names) and an open link (start of its target) before `offset`.
        var templates: [String] = []
        var linkStart: Int? = nil
        var labelStart: Int? = nil
        var italic = false
        var i = start
        func name(from k: Int) -> String {
            var j = k
            while j < bytes.count, j - k < 40, bytes[j] != 0x7C, bytes[j] != 0x7D, bytes[j] != 0x0A { j += 1 }
            return String(decoding: bytes[k..<j], as: UTF8.self).lowercased().trimmingCharacters(in: " _")
        }
        let wikitext = format == .wikitext
        while i < offset {
            // Most bytes of a paragraph are none of { } [ ] | ' : skip them in a tight loop.
            if wikitext {
                i = bytes.withUnsafeBufferPointer { p in
                    var k = i
                    while k < offset {
                        let c = p[k]
                        if c == 0x7B || c == 0x7D || c == 0x5B || c == 0x5D || c == 0x7C || c == 0x27 { break }
                        k += 1
                    }
                    return k
                }
                guard i < offset else { break }
            }
            let c = bytes[i]
            if format == .wikitext {
                if c == 0x7B, i + 1 < bytes.count, bytes[i + 1] == 0x7B {
                    var n = name(from: i + 2)
                    if n == "lang" {
                        // {{lang|xx|text}}: the code is the first parameter.
                        var k = i + 2
                        while k < bytes.count, bytes[k] != 0x7C, bytes[k] != 0x7D, bytes[k] != 0x0A { k += 1 }
                        if k < bytes.count, bytes[k] == 0x7C { n = "lang-" + name(from: k + 1) }
                    }
                    templates.append(n); i += 2; continue
                }
                if c == 0x7D, i + 1 < bytes.count, bytes[i + 1] == 0x7D {
                    if !templates.isEmpty { templates.removeLast() }
                    i += 2; continue
                }
                if c == 0x5B, i + 1 < bytes.count, bytes[i + 1] == 0x5B { linkStart = i + 2; labelStart = nil; i += 2; continue }
                if c == 0x5D, i + 1 < bytes.count, bytes[i + 1] == 0x5D { linkStart = nil; labelStart = nil; i += 2; continue }
                if c == 0x7C, linkStart != nil, labelStart == nil { labelStart = i + 1 }
                if c == 0x27, i + 1 < bytes.count, bytes[i + 1] == 0x27 {
                    var run = 0
                    while i + run < bytes.count, bytes[i + run] == 0x27 { run += 1 }
                    if run == 2 || run >= 5 { italic.toggle() }
                    i += run; continue
                }
            } else if format == .markdown || format == .frontmatter {
                if (c == 0x2A || c == 0x5F), !(i + 1 < bytes.count && bytes[i + 1] == c), !(i > start && bytes[i - 1] == c) {
                    // A single * or _ next to a letter opens or closes emphasis.
                    let before = i > start ? bytes[i - 1] : 0x20
                    let after = i + 1 < bytes.count ? bytes[i + 1] : 0x20
                    if before == 0x20 || after == 0x20 || c == 0x2A { italic.toggle() }
                }
            }
            i += 1
        }
        ctx.italic = italic
        if let l = templates.last(where: { $0.hasPrefix("lang-") || $0 == "transl" || $0 == "nihongo" || $0 == "zh" }) {
            ctx.spanLanguage = l.hasPrefix("lang-") ? String(l.dropFirst(5)) : "und"
        }
        ctx.inTemplate = templates.contains { !$0.hasPrefix("lang-") }
        if let ls = linkStart {
            // The target runs to the first | or ]].
            var j = ls
            while j < bytes.count, bytes[j] != 0x7C, bytes[j] != 0x5D, bytes[j] != 0x0A { j += 1 }
            ctx.linkTarget = String(decoding: bytes[ls..<j], as: UTF8.self)
            ctx.linkHasLabel = labelStart != nil || (j < bytes.count && bytes[j] == 0x7C)
        }
        return ctx
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
