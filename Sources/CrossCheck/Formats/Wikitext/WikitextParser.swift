/// Parses MediaWiki wikitext into the document model.
///
/// Two linear passes: `WikitextScanner` matches every `{{ }}`, `[[ ]]`, comment, extension tag and
/// table with explicit stacks; then this walks the lines (headings, list items, tables,
/// paragraphs) and `WikitextRenderer` turns each line's inline markup into plain text, fields and
/// citations. Reused references (`<ref name=x/>`) get their definition's metadata in a final pass,
/// so a definition may come after its first use. Tables are dropped from the prose (their
/// references still count as definitions). Never throws on malformed markup: unmatched openers
/// are text, unterminated comments run to the end, as in MediaWiki.
public enum WikitextParser {
    /// Parses `source` into sections, sentences, fields, citations, categories and metadata.
    ///
    /// Role and date are left for `VariantInference`; the declared date style and its line are
    /// set here. O(n) in the size of the source for any input, well-formed or not.
    public static func parse(_ source: SourceText) throws(CrossCheckError) -> Document {
        let bytes = source.bytes
        let n = bytes.count
        let scan = WikitextScanner.scan(bytes, from: source.contentStart)
        var renderer = WikitextRenderer(bytes: bytes, scan: scan, lines: source.lines)
        var builder = SectionBuilder(lines: source.lines, leadStart: source.contentStart)
        var paragraph = WikitextSink()
        var beforeProse = true
        var boldTitle: String?

        func finishParagraph() {
            if boldTitle == nil, let term = paragraph.boldTerm { boldTitle = term }
            let block = paragraph.text.finish()
            if !block.isEmpty { beforeProse = false }
            builder.add(block)
            paragraph = WikitextSink()
        }

        var i = source.contentStart
        while i < n {
            // `i` is at a line start.
            var j = i
            while j < n && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D) { j += 1 }
            if j >= n { break }
            if bytes[j] == 0x0A {
                finishParagraph()
                i = j + 1
                continue
            }
            let c = bytes[i]
            if c == 0x3D, let h = heading(at: i, bytes: bytes, scan: scan, renderer: &renderer) {
                finishParagraph()
                if !h.title.isEmpty {
                    builder.heading(h.title, level: h.level, range: i..<h.lineEnd)
                    renderer.currentSection = builder.currentPath
                    beforeProse = false
                }
                i = h.next
                continue
            }
            if c == 0x2A || c == 0x23 || c == 0x3A || c == 0x3B {
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
                i = e < n ? e + 1 : n
                continue
            }
            if let tableEnd = scan.tables[j] {
                finishParagraph()
                var discard = WikitextSink()
                renderer.renderInline(j..<tableEnd, into: &discard, depth: 1)
                var e = tableEnd
                while e < n && bytes[e] != 0x0A { e += 1 }
                builder.extend(to: e)
                i = e < n ? e + 1 : n
                continue
            }
            if c == 0x2D && i + 3 < n && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                finishParagraph()
                var e = i
                while e < n && bytes[e] == 0x2D { e += 1 }
                i = e
                // The rest of the line is ordinary text.
            }
            renderer.fieldTemplatesAllowed = beforeProse
            paragraph.captureBold = boldTitle == nil && builder.currentPath.isEmpty
            let e = renderer.renderInline(i..<n, into: &paragraph, depth: 0, stopAtNewline: true)
            builder.extend(to: e)
            paragraph.endLine()
            if e < n {
                paragraph.space(at: e)
                i = e + 1
            } else {
                i = n
            }
        }
        finishParagraph()

        var sections = builder.finish(at: n)
        var fields = renderer.fields
        resolveReuses(&sections, &fields, definitions: renderer.definitions)
        let title = renderer.infoboxName ?? boldTitle
        return Document(
            source: source, format: .wikitext, title: title, fields: fields, sections: sections,
            categories: renderer.categories, declaredDateStyle: renderer.declaredDateStyle,
            declaredDateStyleLine: renderer.declaredDateStyleLine,
            suppressions: suppressions(scan, source: source))
    }

    /// A heading line `== Title ==` at `start`: title (possibly empty), level, end of its line and
    /// start of the next; nil when the line is no heading.
    static func heading(
        at start: Int, bytes: [UInt8], scan: WikitextScan, renderer: inout WikitextRenderer
    ) -> (title: String, level: Int, lineEnd: Int, next: Int)? {
        let n = bytes.count
        var k = start
        var last = -1
        while k < n && bytes[k] != 0x0A {
            if bytes[k] == 0x3C, let r = scan.regions[k], r.kind == .comment {
                k = r.end
                continue
            }
            if !WikitextRenderer.isSpace(bytes[k]) { last = k }
            k += 1
        }
        let lineEnd = min(k, n)
        guard last > start, bytes[last] == 0x3D else { return nil }
        var lead = 0
        while start + lead <= last && bytes[start + lead] == 0x3D { lead += 1 }
        var trail = 0
        while last - trail >= start && bytes[last - trail] == 0x3D { trail += 1 }
        let level = min(lead, trail, 6)
        let lo = start + level
        let hi = last + 1 - level
        guard lo < hi else { return nil }
        var sink = WikitextSink()
        renderer.fieldTemplatesAllowed = false
        renderer.renderInline(lo..<hi, into: &sink, depth: 1)
        // A heading whose text renders to nothing (`== {{anchor|x}} ==`) has an empty title.
        return (sink.string.wikitextTrimmed, level, lineEnd, lineEnd < n ? lineEnd + 1 : n)
    }

    /// Gives `<ref name=x/>` and `{{r|x}}` reuses the metadata of their definition.
    static func resolveReuses(_ sections: inout [Section], _ fields: inout [Field], definitions: [String: Citation]) {
        guard !definitions.isEmpty else { return }
        func resolve(_ c: inout Citation) {
            guard let name = c.name, !WikitextRenderer.hasMetadata(c),
                let d = definitions[WikitextRenderer.definitionKey(name: name, group: c.group)]
            else { return }
            let offset = c.offset
            c = d
            c.offset = offset
        }
        for s in sections.indices {
            for t in sections[s].sentences.indices where !sections[s].sentences[t].citations.isEmpty {
                for k in sections[s].sentences[t].citations.indices { resolve(&sections[s].sentences[t].citations[k]) }
            }
        }
        for f in fields.indices {
            for k in fields[f].citations.indices { resolve(&fields[f].citations[k]) }
        }
    }

    /// `<!-- crosscheck-disable... -->` comments as suppressions.
    static func suppressions(_ scan: WikitextScan, source: SourceText) -> [Suppression] {
        let lines = source.lines
        let bytes = source.bytes
        return scan.suppressionComments.compactMap { comment in
            let line = lines.line(of: comment.offset)
            let endLine = lines.line(of: max(comment.offset, comment.end - 1))
            var next = endLine + 1
            while next <= lines.count {
                let r = lines.range(ofLine: next, in: bytes)
                if bytes[r].contains(where: { !WikitextRenderer.isSpace($0) }) { break }
                next += 1
            }
            return Suppression.parse(
                comment: comment.body, line: line, nextLine: min(next, max(1, lines.count)), lastLine: lines.count)
        }
    }
}
