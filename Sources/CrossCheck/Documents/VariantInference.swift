import Foundation

/// Infers a variant's role and date when no manifest says.
///
/// Role comes from structure: front matter (news metadata) is a `source`; wikitext and a rendered
/// article are `revision`s; a markdown digest with key/value lists and no citations is a `summary`
/// (markdown that cites its sources reads as a rendered revision).
///
/// Date, in order: a front-matter date key (`publishedDateTime`, `date`, `published`, ...);
/// else the latest dated event the text mentions ("In December 2023", "as of 27 November 2019",
/// "2023 Revenue"), where a bare year counts only when it is later than every month-dated event and
/// the text states no "as of" date (an "as of" date says when the text was last brought up to
/// date, so a later bare year is a retrospective aside); reference and link sections do not count
/// (their dates are publication and access dates); a `{{Use dmy dates|date=...}}`-style
/// declaration is a lower bound. The scanner here is deliberately small and private.
public enum VariantInference {
    /// Role from structure.
    public static func role(of document: Document) -> VariantRole {
        switch document.format {
        case .frontmatter: return .source
        case .wikitext, .plaintext: return .revision
        case .markdown:
            if document.citationCount > 0 && !document.fields.contains(where: { $0.origin == "list" || $0.origin == "table" }) {
                return .revision
            }
            return .summary
        }
    }

    /// Top-level front-matter keys that date a document, most specific first.
    static let dateKeys = [
        "publisheddatetime", "publishedat", "published_at", "datepublished", "publishdate", "pubdate", "date", "published",
        "created", "createdat", "created_at", "updated", "updatedat",
    ]

    /// Date from the document's own metadata or text; nil when it states none.
    public static func date(of document: Document) -> PartialDate? {
        if document.format == .frontmatter {
            for key in dateKeys {
                if let f = document.field(key), let d = DateScanner.first(in: f.value) { return d }
            }
        }
        var finest: PartialDate? = nil
        var bareYear: Int? = nil
        var asOf = false
        for section in document.sections where !isApparatus(section) {
            for sentence in section.sentences {
                for m in DateScanner.scan(sentence.text) {
                    if m.asOf { asOf = true }
                    if m.date.month == nil {
                        if !m.future { bareYear = max(bareYear ?? m.date.year, m.date.year) }
                    } else if !m.future {
                        if finest.map({ $0 < m.date }) ?? true { finest = m.date }
                    }
                }
            }
        }
        var result = finest
        if let y = bareYear, !asOf || finest == nil, y > (finest?.year ?? Int.min) { result = PartialDate(year: y) }
        if let bound = declaredDate(document.source), result.map({ $0 < bound && !$0.agrees(with: bound) }) ?? true {
            result = bound
        }
        return result
    }

    /// Reference lists and link sections: their dates are publication and access dates, not events.
    static let apparatusHeadings: Set<String> = [
        "references", "notes", "footnotes", "citations", "sources", "bibliography", "further reading", "external links",
        "see also", "notes and references", "works cited",
    ]

    static func isApparatus(_ section: Section) -> Bool {
        guard let top = section.path.first else { return false }
        return apparatusHeadings.contains(top.lowercased())
    }

    /// The `date=` of a `{{Use dmy dates|date=...}}`, `{{Use mdy dates|...}}` or `{{Use ... English|date=...}}` declaration.
    static func declaredDate(_ source: SourceText) -> PartialDate? {
        let bytes = source.bytes
        let needle = Array("{{use ".utf8)
        var best: PartialDate? = nil
        var i = source.contentStart
        let n = bytes.count
        while i + needle.count < n {
            if bytes[i] == 0x7B && bytes[i + 1] == 0x7B {
                var ok = true
                for k in 2..<needle.count where lower(bytes[i + k]) != needle[k] { ok = false; break }
                if ok {
                    var e = i + needle.count
                    while e < n && e - i < 300 && bytes[e] != 0x7D && bytes[e] != 0x0A { e += 1 }
                    let body = String(decoding: bytes[i..<e], as: UTF8.self)
                    if let r = body.range(of: "date=", options: .caseInsensitive),
                        let d = DateScanner.first(in: String(body[r.upperBound...]))
                    {
                        if best.map({ $0 < d }) ?? true { best = d }
                    }
                    i = e
                    continue
                }
            }
            i += 1
        }
        return best
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
}

/// A small date finder for role and date inference (not the full normaliser in `Facts/`).
///
/// Finds `27 November 2019`, `November 27, 2019`, `December 2023`, `Dec. 2023`, `2019-11-27`,
/// `2019-11` and bare years 1900-2099 in one pass over the words of a text.
enum DateScanner {
    struct Match: Equatable {
        var date: PartialDate
        /// Preceded by "as of".
        var asOf: Bool
        /// Looks forward rather than back ("by 2030", "until 2025").
        var future: Bool
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    private struct Token {
        var text: String  // lower-cased word or digits
        var isNumber: Bool
        var start: Int
        var end: Int
    }

    /// Cheap pre-check: a `19` or `20` followed by two digits somewhere.
    static func mayHoldYear(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 3 < b.count {
            if (b[i] == 0x31 && b[i + 1] == 0x39) || (b[i] == 0x32 && b[i + 1] == 0x30) {
                if b[i + 2] >= 0x30 && b[i + 2] <= 0x39 && b[i + 3] >= 0x30 && b[i + 3] <= 0x39 { return true }
            }
            i += 1
        }
        return false
    }

    /// The first date in `text` (for metadata values such as `2021-11-23T21:42:00Z`).
    static func first(in text: String) -> PartialDate? {
        scan(text).first?.date
    }

    /// Every date mentioned in `text`, in order.
    static func scan(_ text: String) -> [Match] {
        let b = Array(text.utf8)
        guard mayHoldYear(b) else { return [] }
        var tokens: [Token] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            let isDigit = c >= 0x30 && c <= 0x39
            let isLetter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            if isDigit || isLetter {
                var k = i
                while k < b.count && ((b[k] >= 0x30 && b[k] <= 0x39) == isDigit) && (isDigit || (b[k] >= 0x41 && b[k] <= 0x5A) || (b[k] >= 0x61 && b[k] <= 0x7A)) { k += 1 }
                tokens.append(Token(text: String(decoding: b[i..<k], as: UTF8.self).lowercased(), isNumber: isDigit, start: i, end: k))
                i = k
            } else {
                i += 1
            }
        }
        // Whether the bytes between token a's end and token c's start are only spaces and `extra`.
        func gap(_ a: Int, _ c: Int, _ extra: [UInt8] = []) -> Bool {
            for x in b[tokens[a].end..<tokens[c].start] where x != 0x20 && !extra.contains(x) { return false }
            return true
        }
        func year(_ t: Token) -> Int? {
            guard t.isNumber, t.text.utf8.count == 4, let y = Int(t.text), y >= 1900 && y <= 2099 else { return nil }
            return y
        }
        func day(_ t: Token) -> Int? {
            guard t.isNumber, t.text.utf8.count <= 2, let d = Int(t.text), d >= 1 && d <= 31 else { return nil }
            return d
        }
        func context(_ k: Int) -> (asOf: Bool, future: Bool) {
            let w1 = k >= 1 ? tokens[k - 1].text : ""
            let w2 = k >= 2 ? tokens[k - 2].text : ""
            return (w2 == "as" && w1 == "of", ["by", "until", "till", "before"].contains(w1))
        }
        var out: [Match] = []
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            // ISO: 2019-11-27, 2019-11
            if let y = year(t), k + 1 < tokens.count, tokens[k + 1].start == t.end + 1, b[t.end] == 0x2D, tokens[k + 1].isNumber, tokens[k + 1].text.utf8.count == 2,
                let m = Int(tokens[k + 1].text), (1...12).contains(m)
            {
                var d: Int? = nil
                var used = 2
                if k + 2 < tokens.count, tokens[k + 2].start == tokens[k + 1].end + 1, b[tokens[k + 1].end] == 0x2D, tokens[k + 2].text.utf8.count == 2, let dd = Int(tokens[k + 2].text), (1...31).contains(dd) {
                    d = dd
                    used = 3
                }
                let ctx = context(k)
                out.append(Match(date: PartialDate(year: y, month: m, day: d), asOf: ctx.asOf, future: ctx.future))
                k += used
                continue
            }
            // 27 November 2019
            if let d = day(t), k + 2 < tokens.count, let m = months[tokens[k + 1].text], gap(k, k + 1),
                let y = year(tokens[k + 2]), gap(k + 1, k + 2, [0x2E, 0x2C])
            {
                let ctx = context(k)
                out.append(Match(date: PartialDate(year: y, month: m, day: d), asOf: ctx.asOf, future: ctx.future))
                k += 3
                continue
            }
            if let m = months[t.text], !t.isNumber, k + 1 < tokens.count {
                // Month names that are also words ("may", "march") need a capital or a following year.
                let capital = b[t.start] >= 0x41 && b[t.start] <= 0x5A
                // November 27, 2019
                if let d = day(tokens[k + 1]), k + 2 < tokens.count, let y = year(tokens[k + 2]), capital,
                    gap(k, k + 1, [0x2E]), gap(k + 1, k + 2, [0x2C])
                {
                    let ctx = context(k)
                    out.append(Match(date: PartialDate(year: y, month: m, day: d), asOf: ctx.asOf, future: ctx.future))
                    k += 3
                    continue
                }
                // December 2023
                if let y = year(tokens[k + 1]), capital,
                    gap(k, k + 1, [0x2E, 0x2C])
                {
                    let ctx = context(k)
                    out.append(Match(date: PartialDate(year: y, month: m), asOf: ctx.asOf, future: ctx.future))
                    k += 2
                    continue
                }
            }
            // A bare year, not part of a larger number, amount or identifier.
            if let y = year(t) {
                let before: UInt8 = t.start > 0 ? b[t.start - 1] : 0x20
                let after: UInt8 = t.end < b.count ? b[t.end] : 0x20
                let after2: UInt8 = t.end + 1 < b.count ? b[t.end + 1] : 0x20
                let partOfNumber = before == 0x24 || before == 0x2C || before == 0x2E || after == 0x25
                    || ((after == 0x2C || after == 0x2E) && after2 >= 0x30 && after2 <= 0x39)
                if !partOfNumber {
                    let ctx = context(k)
                    out.append(Match(date: PartialDate(year: y), asOf: ctx.asOf, future: ctx.future))
                }
            }
            k += 1
        }
        return out
    }
}
