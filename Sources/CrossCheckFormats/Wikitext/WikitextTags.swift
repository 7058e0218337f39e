import Foundation
import CrossCheckCore

/// HTML-like tags and extension tags met inline: `<ref>` becomes a citation, block tags a space,
/// inline tags nothing, verbatim content its text.
extension WikitextRenderer {
    static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead", "tfoot",
        "caption", "blockquote", "center", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section",
    ]
    static let inlineTags: Set<String> = [
        "b", "i", "u", "s", "del", "ins", "sup", "sub", "small", "big", "span", "font", "code", "kbd", "var",
        "samp", "tt", "strike", "em", "strong", "cite", "abbr", "dfn", "q", "mark", "bdi", "bdo", "data", "time",
        "wbr", "ruby", "rb", "rt", "rp", "noinclude", "onlyinclude", "nowiki", "references", "templatestyles",
        "includeonly", "gallery", "poem", "math", "pre", "chem", "syntaxhighlight", "source", "section", "ref",
        "score", "timeline", "graph", "mapframe", "maplink", "indicator", "categorytree", "imagemap",
    ]

    mutating func renderAngle(at i: Int, end: Int, into sink: inout WikitextSink, depth: Int) -> Int {
        if let r = scan.regions[i] {
            if r.kind == .comment { return min(r.end, end) }
            if r.end <= end {
                switch r.kind {
                case .verbatim:
                    for k in r.inner { sink.emit(bytes[k], at: k) }
                    return r.end
                case .dropped:
                    return r.end
                case .ref:
                    if depth < WikitextRenderer.maxDepth { sink.attach(refCitation(at: i, r, depth: depth)) }
                    return r.end
                case .references:
                    if depth < WikitextRenderer.maxDepth {
                        var discard = WikitextSink()
                        renderInline(r.inner, into: &discard, depth: depth + 1)
                    }
                    return r.end
                case .parsedTag:
                    sink.space(at: i)
                    if depth < WikitextRenderer.maxDepth { renderInline(r.inner, into: &sink, depth: depth + 1) }
                    sink.space(at: r.end)
                    return r.end
                default:
                    break
                }
            }
        }
        guard let tag = WikitextTag.parse(bytes, at: i, limit: end) else {
            sink.emit(0x3C, at: i)
            return i + 1
        }
        if tag.name == "br" {
            if sink.separator == 0x3B { sink.listBreak(at: i) } else { sink.space(at: i) }
            return tag.end
        }
        if tag.name == "ref" {
            if tag.isSelfClosing && !tag.isClosing {
                let attrs = WikitextTag.attributes(bytes, tag.attributes)
                if let name = attrs["name"], !name.isEmpty {
                    sink.attach(Citation(name: name, group: nonEmpty(attrs["group"]), offset: i))
                }
            }
            return tag.end
        }
        if WikitextRenderer.blockTags.contains(tag.name) {
            sink.space(at: i)
            return tag.end
        }
        if WikitextRenderer.inlineTags.contains(tag.name) { return tag.end }
        sink.emit(0x3C, at: i)
        return i + 1
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.wikitextTrimmed
        return t.isEmpty ? nil : t
    }
}
