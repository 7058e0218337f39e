import CrossCheckCore
/// Parses MediaWiki wikitext into the document model.
///
/// Two linear passes: `WikitextScanner` matches every `{{ }}`, `[[ ]]`, comment, extension tag and
/// table with explicit stacks; then this walks the lines (headings, list items, tables,
/// paragraphs) and `WikitextRenderer` turns each line's inline markup into plain text, fields and
/// citations. Reused references (`<ref name=x/>`) get their definition's metadata in a final pass,
/// so a definition may come after its first use. Tables are dropped from the prose (their
/// references still count as definitions). Never throws on malformed markup: unmatched openers
/// are text, unterminated comments run to the end, as in MediaWiki.
package enum WikitextParser {
    /// Parses `source` into sections, sentences, fields, citations, categories and metadata.
    ///
    /// Role and date are left for `VariantInference`; the declared date style and its line are
    /// set here. O(n) in the size of the source for any input, well-formed or not.
    package static func parse(_ source: SourceText) throws(CrossCheckError) -> Document {
        full(source)
    }

    /// Parses `source`, reusing the parse of `previous` (an earlier revision of the same article)
    /// for the sections an edit did not touch.
    ///
    /// The result is the same as `parse(_:)` gives: only sections between two clean heading
    /// boundaries around the changed bytes are parsed again, and anything that could make the
    /// shortcut differ (a construct open across a boundary, state that differs where the old parse
    /// resumes, suppression comments) falls back to a full parse.
    package static func parse(_ source: SourceText, previous: Document?) throws(CrossCheckError) -> Document {
        if let memo = previous?.wikitextMemo, let d = WikitextIncremental.parse(source, memo: memo) { return d }
        return full(source)
    }

    static func full(_ source: SourceText) -> Document {
        let scan = WikitextScanner.scan(source.bytes, from: source.contentStart)
        var run = WikitextRun(source: source, scan: scan)
        run.run(from: source.contentStart, to: source.bytes.count)
        return run.finishDocument(
            failedLookaheads: scan.failedLookaheads, longProbes: scan.longProbes, from: source.contentStart)
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
        /// The citation `c` resolves to, or nil when it stays as it is.
        func resolved(_ c: Citation) -> Citation? {
            guard let name = c.name, !WikitextRenderer.hasMetadata(c),
                let d = definitions[WikitextRenderer.definitionKey(name: name, group: c.group)]
            else { return nil }
            var r = d
            r.offset = c.offset
            return r
        }
        // Read first, write only what changes: a write makes the arrays unique, and the sections
        // an incremental parse reuses share them with the previous revision (every write copied
        // them, though a reuse there was resolved before).
        for s in sections.indices {
            for t in sections[s].sentences.indices where !sections[s].sentences[t].citations.isEmpty {
                for k in sections[s].sentences[t].citations.indices {
                    guard let r = resolved(sections[s].sentences[t].citations[k]) else { continue }
                    sections[s].sentences[t].citations[k] = r
                }
            }
        }
        for f in fields.indices {
            for k in fields[f].citations.indices {
                guard let r = resolved(fields[f].citations[k]) else { continue }
                fields[f].citations[k] = r
            }
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

extension WikitextParser: FormatParser {
    package static var format: DocumentFormat { .wikitext }
    package static var fileExtensions: [String] { ["wiki", "mediawiki", "wikitext"] }

    package static func score(_ s: FormatSignals) -> Double {
        3 * cap(s.templates, 30) + 3 * cap(s.wikiLinks, 30) + 4 * cap(s.refs, 30) + 5 * cap(s.wikiHeadings, 10)
            + 2 * cap(s.wikiBold, 10)
    }
}
