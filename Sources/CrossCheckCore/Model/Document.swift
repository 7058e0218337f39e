/// An input format's name (SPEC "Inputs").
///
/// A name, not a closed enum: the parsers are registered in one place (`FormatRegistry`), so a
/// new format is a parser file and a registry line, with no switch to extend here.
package struct DocumentFormat: RawRepresentable, Sendable, Codable, Hashable, CustomStringConvertible {
    /// The name manifests and `--as` use (`wikitext`).
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }

    // The built-in formats' names, for code that treats one of them specially. Which parser reads
    // each (and which names exist at all) is CrossCheckFormats' `FormatRegistry`.
    package static let wikitext = DocumentFormat(rawValue: "wikitext")
    package static let plaintext = DocumentFormat(rawValue: "plaintext")
    package static let markdown = DocumentFormat(rawValue: "markdown")
    package static let frontmatter = DocumentFormat(rawValue: "frontmatter")
}

/// What a variant is to the article: a version of it, a digest of it, or an outside document.
package enum VariantRole: String, Sendable, Codable, CaseIterable, Hashable {
    case revision, summary, source
}

/// The date style an article declares (`{{Use dmy dates}}`, `{{Use mdy dates}}`).
package enum DateStyle: String, Sendable, Codable, Hashable {
    /// "18 February 2022"
    case dmy
    /// "February 18, 2022"
    case mdy
}

/// One reference attached to a sentence or field: a `<ref>`, a `{{cite ...}}`, a footnote mark.
///
/// Metadata is whatever the citation carries; a bare footnote mark (`²⁸¹`) has only `mark`.
package struct Citation: Sendable, Hashable, Codable {
    /// `<ref name=...>` name, when given (a later `<ref name=x/>` reuses the body).
    package var name: String?
    /// `<ref group=...>` group.
    package var group: String?
    /// Footnote mark or number as written (`281`), for rendered text.
    package var mark: String?
    package var title: String?
    /// Work, website, newspaper, magazine or publisher.
    package var work: String?
    package var publisher: String?
    package var date: String?
    package var url: String?
    /// Citation template name (`cite web`), when the body was a template.
    package var template: String?
    /// Byte offset of the citation in the source.
    package var offset: Int

    package init(
        name: String? = nil, group: String? = nil, mark: String? = nil, title: String? = nil,
        work: String? = nil, publisher: String? = nil, date: String? = nil, url: String? = nil,
        template: String? = nil, offset: Int
    ) {
        self.name = name; self.group = group; self.mark = mark; self.title = title
        self.work = work; self.publisher = publisher; self.date = date; self.url = url
        self.template = template; self.offset = offset
    }
}

/// Maps a run of derived plain text back to the source bytes it was copied from.
///
/// Plain text is built from markup; every maximal run copied verbatim starts a span. Text that was
/// generated (an entity, a rendered template) gets a span pointing at the markup that made it.
package struct TextSpan: Sendable, Hashable, Codable {
    /// Offset in the plain text (UTF-8 bytes).
    package var textOffset: Int
    /// Offset in the source file (UTF-8 bytes).
    package var sourceOffset: Int
    package init(textOffset: Int, sourceOffset: Int) { self.textOffset = textOffset; self.sourceOffset = sourceOffset }
}

/// One sentence of plain text with where it came from and what cites it.
package struct Sentence: Sendable, Hashable {
    /// Plain text: markup, reference bodies and footnote marks removed, entities decoded.
    package var text: String
    /// 1-based line of the sentence's first character in the source.
    package var line: Int
    /// Byte range in the source covering the sentence (start of first to end of last character).
    package var sourceRange: Range<Int>
    /// Plain-text-to-source map, offsets relative to `text`; first span has textOffset 0.
    package var spans: [TextSpan]
    /// References attached to this sentence.
    package var citations: [Citation]
    /// Index of the paragraph (or list item) within its section, for paragraph-level alignment.
    package var paragraph: Int
    /// True when the sentence came from a list item rather than running prose.
    package var isListItem: Bool

    package init(
        text: String, line: Int, sourceRange: Range<Int>, spans: [TextSpan], citations: [Citation],
        paragraph: Int, isListItem: Bool = false
    ) {
        self.text = text; self.line = line; self.sourceRange = sourceRange; self.spans = spans
        self.citations = citations; self.paragraph = paragraph; self.isListItem = isListItem
    }

    /// Source byte offset of a plain-text offset inside this sentence.
    ///
    /// Exact inside verbatim runs; inside generated text it points at the markup that made it.
    /// Always inside `sourceRange` (once set): text that a rendering added (a table's cell
    /// separators, a template's output) can be longer than its markup, and counting on past the
    /// markup must never leave the sentence, nor the file.
    package func sourceOffset(ofTextOffset t: Int) -> Int {
        guard !spans.isEmpty else { return sourceRange.lowerBound }
        var lo = 0
        var hi = spans.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if spans[mid].textOffset <= t { lo = mid } else { hi = mid - 1 }
        }
        let s = spans[lo]
        let offset = s.sourceOffset + max(0, t - s.textOffset)
        guard !sourceRange.isEmpty else { return offset }
        return min(max(offset, sourceRange.lowerBound), sourceRange.upperBound)
    }
}

/// A key/value statement: an infobox parameter, a `**Key**: value` line, a front-matter key.
package struct Field: Sendable, Hashable {
    /// Lower-cased key; nested front-matter keys are dotted (`provider.name`).
    package var key: String
    /// Plain-text value.
    package var value: String
    /// The value as written in the source.
    package var raw: String
    /// 1-based line of the key.
    package var line: Int
    /// Heading path of the section the field sits in (`[]` for the lead or front matter).
    package var section: [String]
    /// References attached to the value.
    package var citations: [Citation]
    /// Where the field came from.
    package var origin: FieldOrigin
    /// Byte range of the value in the source.
    package var sourceRange: Range<Int>

    package init(
        key: String, value: String, raw: String, line: Int, section: [String], citations: [Citation] = [],
        origin: FieldOrigin, sourceRange: Range<Int>
    ) {
        self.key = key; self.value = value; self.raw = raw; self.line = line; self.section = section
        self.citations = citations; self.origin = origin; self.sourceRange = sourceRange
    }
}

/// Where a key/value field was read from.
package enum FieldOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A template parameter (an infobox), with the template's name as written (`infobox company`).
    case template(String)
    /// A YAML front-matter key.
    case frontMatter
    /// A markdown `- **Key**: value` list item.
    case list
    /// A markdown table row.
    case table

    /// The name `parse` prints: the template's name, `frontmatter`, `list` or `table`.
    package var description: String {
        switch self {
        case let .template(name): return name
        case .frontMatter: return "frontmatter"
        case .list: return "list"
        case .table: return "table"
        }
    }
}

/// A section: a heading and the sentences under it up to the next heading.
///
/// The lead (text before the first heading) is a section with an empty path and level 0.
package struct Section: Sendable, Hashable {
    /// Heading path from the top of the article (`["History", "2014"]`).
    package var path: [String]
    /// Heading level as written (wikitext `==` is 2; markdown `#` is 1); 0 for the lead.
    package var level: Int
    /// 1-based line of the heading (of the first content for the lead).
    package var line: Int
    /// 1-based last line of the section's content.
    package var endLine: Int
    package var sentences: [Sentence]
    /// Byte range of the heading line (empty for the lead).
    package var headingRange: Range<Int>
    /// Byte range from the heading to the end of the section.
    package var sourceRange: Range<Int>
    /// The section's language when its own words decide one other than the document's (a
    /// quotation or a translated passage); nil when it is the document's.
    package var language: String? = nil

    package init(
        path: [String], level: Int, line: Int, endLine: Int, sentences: [Sentence],
        headingRange: Range<Int>, sourceRange: Range<Int>
    ) {
        self.path = path; self.level = level; self.line = line; self.endLine = endLine
        self.sentences = sentences; self.headingRange = headingRange; self.sourceRange = sourceRange
    }

    /// The heading text (last path element), or "(lead)".
    package var heading: String { path.last ?? "(lead)" }

    /// For each sentence, the citations that cover it: its own, else those of the next cited
    /// sentence in the same paragraph (a reference closing a paragraph supports what precedes it).
    ///
    /// A cited sentence ending in ":" covers the list items that follow it, and a citation on the
    /// section's first or last sentence covers the rest of the section.
    ///
    /// Linear passes; `result[k]` is empty for a sentence nothing covers.
    /// Whether each sentence has covering citations (`!coveringCitations[k].isEmpty`), without
    /// building the lists: the claims of every revision of a history ask only this.
    package var coveredSentences: [Bool] {
        var result = [Bool](repeating: false, count: sentences.count)
        var next: Int? = nil  // paragraph of the nearest cited sentence after k, in k's paragraph
        for k in sentences.indices.reversed() {
            let paragraph = sentences[k].paragraph
            if next != paragraph { next = nil }
            if !sentences[k].citations.isEmpty { next = paragraph }
            result[k] = next != nil
        }
        var intro = false
        for k in sentences.indices {
            if sentences[k].isListItem {
                if !result[k] { result[k] = intro }
            } else {
                let t = sentences[k].text.utf8
                var end = t.endIndex
                while end > t.startIndex, t[t.index(before: end)] == 0x20 { end = t.index(before: end) }
                intro = end > t.startIndex && t[t.index(before: end)] == 0x3A ? result[k] : false
            }
        }
        if let first = sentences.first, let last = sentences.last, !first.citations.isEmpty || !last.citations.isEmpty {
            for k in result.indices { result[k] = true }
        }
        return result
    }

    package var coveringCitations: [[Citation]] {
        var result = [[Citation]](repeating: [], count: sentences.count)
        var next: (paragraph: Int, citations: [Citation])? = nil
        // Fields are read in place: a sentence copied out costs its arrays' retains, and this
        // runs over every section of every revision of a history.
        for k in sentences.indices.reversed() {
            let paragraph = sentences[k].paragraph
            if next?.paragraph != paragraph { next = nil }
            if !sentences[k].citations.isEmpty { next = (paragraph, sentences[k].citations) }
            result[k] = sentences[k].citations.isEmpty ? (next?.citations ?? []) : sentences[k].citations
        }
        // A cited sentence that introduces a list ("The racial make-up was:<ref>") covers the
        // list items after it.
        var intro: [Citation] = []
        for k in sentences.indices {
            if sentences[k].isListItem {
                if result[k].isEmpty { result[k] = intro }
            } else {
                let t = sentences[k].text.utf8
                var end = t.endIndex
                while end > t.startIndex, t[t.index(before: end)] == 0x20 { end = t.index(before: end) }
                intro = end > t.startIndex && t[t.index(before: end)] == 0x3A ? result[k] : []
            }
        }
        // A reference on the first or the last sentence of a section covers the section: the
        // source its figures come from ("According to the 2010 census,<ref>" at the start, a
        // reference closing the section).
        if let first = sentences.first, let last = sentences.last {
            let section = !first.citations.isEmpty ? first.citations : last.citations
            if !section.isEmpty {
                for k in result.indices where result[k].isEmpty { result[k] = section }
            }
        }
        return result
    }
}

/// An inline suppression comment: `<!-- crosscheck-disable-next-line RULE ... -->`.
package struct Suppression: Sendable, Hashable {
    /// Line the comment is on.
    package var commentLine: Int
    /// Lines the suppression covers (the next non-blank line, or the whole file).
    package var lines: ClosedRange<Int>
    /// Rule ids; empty means every rule.
    package var rules: [String]

    package init(commentLine: Int, lines: ClosedRange<Int>, rules: [String]) {
        self.commentLine = commentLine; self.lines = lines; self.rules = rules
    }

    /// Recognises a comment body such as `crosscheck-disable-next-line merged-words`.
    ///
    /// `crosscheck-disable-next-line` covers the next line, `crosscheck-disable-line` its own line,
    /// `crosscheck-disable` the whole file. Returns nil for any other comment.
    package static func parse(comment: String, line: Int, nextLine: Int, lastLine: Int) -> Suppression? {
        let words = comment.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," })
            .map(String.init)
        guard let head = words.first else { return nil }
        let rules = Array(words.dropFirst())
        switch head {
        case "crosscheck-disable-next-line": return Suppression(commentLine: line, lines: nextLine...nextLine, rules: rules)
        case "crosscheck-disable-line": return Suppression(commentLine: line, lines: line...line, rules: rules)
        case "crosscheck-disable": return Suppression(commentLine: line, lines: 1...max(1, lastLine), rules: rules)
        default: return nil
        }
    }
}

/// A link in the text: its label (as it reads in the plain text), target and line.
///
/// The plain text keeps only the label; the target is kept here so rules and reports can use it.
package struct DocumentLink: Sendable, Hashable {
    /// The label as plain text.
    package var text: String
    /// The target as written.
    package var url: String
    /// 1-based line of the link.
    package var line: Int

    package init(text: String, url: String, line: Int) { self.text = text; self.url = url; self.line = line }
}

/// One parsed input file in the normalised model every later stage reads.
package struct Document: Sendable {
    package var source: SourceText
    package var format: DocumentFormat
    /// Role, from the manifest or inferred.
    package var role: VariantRole
    /// Date, from the manifest or inferred (front matter, `{{Use dmy dates|date=}}`, latest event).
    package var date: PartialDate?
    /// Title: front-matter title, infobox name, first `#` heading or bold lead term.
    package var title: String?
    package var fields: [Field]
    /// Sections in document order; the lead first.
    package var sections: [Section]
    /// Category links (wikitext), kept as metadata.
    package var categories: [String]
    /// Date style the article declares, if any.
    package var declaredDateStyle: DateStyle?
    /// Line of the declaration of the date style.
    package var declaredDateStyleLine: Int?
    /// Inline suppression comments.
    package var suppressions: [Suppression]
    /// Links met in the text (markdown `[label](url)`, autolinks), in document order.
    package var links: [DocumentLink] = []
    /// The language of the text ("en", "de", "nn"), declared in the manifest or inferred from the
    /// script, the function words and wikitext signals; nil when nothing decides.
    package var language: String? = nil
    /// What `language` was taken from.
    package var languageEvidence: LanguageEvidence? = nil
    /// The function-word votes counted in the sections (by index) of twenty words or more when the
    /// language was inferred: a later revision's unchanged long sections take them instead of
    /// counting again (short ones are recounted: keeping theirs cost more memory than time).
    package var sectionVotes: [Int: LanguageVotes] = [:]
    /// True when the wikitext was HTML-escaped (`&lt;ref&gt;`) and was decoded before parsing.
    package var decodedEscapedMarkup = false
    /// What the format's parser kept so that a later revision can be parsed incrementally.
    ///
    /// Opaque here: only the parser that wrote it reads it back (the model knows no parser).
    package var parserMemo: (any Sendable)? = nil

    package init(
        source: SourceText, format: DocumentFormat, role: VariantRole = .revision, date: PartialDate? = nil,
        title: String? = nil, fields: [Field] = [], sections: [Section] = [], categories: [String] = [],
        declaredDateStyle: DateStyle? = nil, declaredDateStyleLine: Int? = nil, suppressions: [Suppression] = []
    ) {
        self.source = source; self.format = format; self.role = role; self.date = date; self.title = title
        self.fields = fields; self.sections = sections; self.categories = categories
        self.declaredDateStyle = declaredDateStyle; self.declaredDateStyleLine = declaredDateStyleLine
        self.suppressions = suppressions
    }

    package var path: String { source.path }

    /// All sentences in document order with their section.
    package var allSentences: [(section: Section, sentence: Sentence)] {
        sections.flatMap { s in s.sentences.map { (s, $0) } }
    }

    /// First field with `key` (lower-cased), if any.
    package func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    /// Number of words in the plain text (space-separated, as `split(separator: " ")` counts
    /// them), for report tables and the blanked-page rule.
    ///
    /// Counted on bytes: a space followed by an ASCII byte always stands alone as a `Character`,
    /// so runs between spaces are the words. Only a sentence where a space is followed by a
    /// non-ASCII byte (which could be a combining mark joining the space) takes the `Character` path.
    package var wordCount: Int { sectionWordCounts().reduce(0, +) }

    /// The sections this document shares with `previous` (an earlier revision) at the start and at
    /// the end: same sentences in the same order. An edit touches one place, and an incremental
    /// parse keeps the sentences it did not touch, so the comparison mostly costs pointers.
    package func sharedSections(with previous: Document) -> (head: Int, tail: Int) {
        // By index, not by zipping the arrays: a zip copies every sentence (a large struct) out.
        func same(_ a: Section, _ b: Section) -> Bool {
            guard a.sentences.count == b.sentences.count else { return false }
            for i in a.sentences.indices where a.sentences[i].text != b.sentences[i].text { return false }
            return true
        }
        let old = previous.sections, new = sections
        var head = 0
        while head < old.count, head < new.count, same(old[head], new[head]) { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, same(old[old.count - 1 - tail], new[new.count - 1 - tail]) { tail += 1 }
        return (head, tail)
    }

    /// Words per section (as `wordCount` counts them); with `previous` and its counts, the sections
    /// shared with it (`sharedSections`) take its counts. (The previous document is a parameter of
    /// its own, not part of a tuple: building the tuple copied the whole document.)
    package func sectionWordCounts(previous: Document? = nil, counts previousCounts: [Int] = []) -> [Int] {
        var reuse: (head: Int, tail: Int)? = nil
        if let previous, previousCounts.count == previous.sections.count { reuse = sharedSections(with: previous) }
        var out: [Int] = []
        out.reserveCapacity(sections.count)
        for i in sections.indices {
            if let r = reuse {
                if i < r.head { out.append(previousCounts[i]); continue }
                if i >= sections.count - r.tail { out.append(previousCounts[i - sections.count + previousCounts.count]); continue }
            }
            out.append(Self.words(in: sections[i]))
        }
        return out
    }

    /// Words of one section's sentences.
    static func words(in s: Section) -> Int {
        var n = 0
        do {
            // By index: a sentence copied out costs its arrays' retains.
            for k in s.sentences.indices {
                let fast: Int? = s.sentences[k].text.utf8.withContiguousStorageIfAvailable { b -> Int? in
                    var count = 0
                    var inWord = false
                    var afterSpace = false
                    for c in b {
                        if afterSpace && c >= 0x80 { return nil }
                        if c == 0x20 {
                            inWord = false
                            afterSpace = true
                        } else {
                            afterSpace = false
                            if !inWord { inWord = true; count += 1 }
                        }
                    }
                    return count
                } ?? nil
                n += fast ?? s.sentences[k].text.split(separator: " ").count
            }
        }
        return n
    }

    /// Number of citations attached anywhere (sentences and fields).
    package var citationCount: Int {
        sections.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.citations.count } }
            + fields.reduce(0) { $0 + $1.citations.count }
    }
}
