import Foundation
import CrossCheckCore

/// Citations: what `<ref>` bodies, citation templates and short citations (`{{sfn}}`) give.
extension WikitextRenderer {
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
        if WikitextRenderer.hasMetadata(c) { define(c) }
        return c
    }

    /// Remembers a named citation for `<ref name=x/>` reuses (the first definition of a name wins).
    mutating func define(_ c: Citation) {
        guard let name = c.name else { return }
        let key = WikitextRenderer.definitionKey(name: name, group: c.group)
        if definitions[key] == nil { definitions[key] = c }
    }

    /// A template call's `name=` and `group=` values as written; nil when missing or empty.
    func nameAndGroup(_ call: WikitextTemplateCall) -> (name: String?, group: String?) {
        (call.named("name").map { raw($0.value) }.flatMap { $0.isEmpty ? nil : $0 },
         call.named("group").map { raw($0.value) }.flatMap { $0.isEmpty ? nil : $0 })
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
