import Foundation
import CrossCheckCore

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
package enum VariantInference {
    /// Role from structure: the format's own default (`FormatParser.role(of:)`).
    package static func role(of document: Document) -> VariantRole {
        FormatRegistry.parser(for: document.format)?.role(of: document) ?? .revision
    }

    /// Top-level front-matter keys that date a document, most specific first.
    static let dateKeys = [
        "publisheddatetime", "publishedat", "published_at", "datepublished", "publishdate", "pubdate", "date", "published",
        "created", "createdat", "created_at", "updated", "updatedat",
    ]

    /// Date from the document's own metadata or text; nil when it states none.
    package static func date(of document: Document) -> PartialDate? {
        if document.format == .frontmatter {
            for key in dateKeys {
                if let f = document.field(key), let d = DateScanner.first(in: f.value) { return d }
            }
        }
        // A date in the file name (revision exports: `2006-01-20_1234.wiki`) says when the variant
        // was written; the latest event its text mentions may be decades older.
        if let d = fileNameDate(document.path) { return d }
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

    /// An ISO date (`YYYY-MM-DD` or `YYYY-MM`, year 1900-2199) in the last component of `path`,
    /// bounded by non-digits; nil when there is none.
    package static func fileNameDate(_ path: String) -> PartialDate? {
        let name = Array((path.split(separator: "/").last.map(String.init) ?? path).utf8)
        func digit(_ i: Int) -> Bool { i >= 0 && i < name.count && name[i] >= 0x30 && name[i] <= 0x39 }
        func digits(_ i: Int, _ n: Int) -> Bool { (i..<i + n).allSatisfy(digit) }
        var i = 0
        while i + 7 <= name.count {
            if !digit(i - 1), digits(i, 4), i + 4 < name.count, name[i + 4] == 0x2D, digits(i + 5, 2), !digit(i + 7) || name[i + 7] == 0x2D {
                var end = i + 7
                if end < name.count, name[end] == 0x2D, digits(end + 1, 2), !digit(end + 3) { end += 3 }
                if let d = PartialDate(iso: String(decoding: name[i..<end], as: UTF8.self)), (1900..<2200).contains(d.year) { return d }
            }
            i += 1
        }
        return nil
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

/// Dates for role and date inference: `DateNormalizer`'s mentions with the context inference needs.
///
/// Only dates the text states with a year count (a bare "18 February" has no year of its own);
/// each match notes whether it is preceded by "as of" or looks forward ("by 2030").
enum DateScanner {
    struct Match: Equatable {
        var date: PartialDate
        /// Preceded by "as of".
        var asOf: Bool
        /// Looks forward rather than back ("by 2030", "until 2025").
        var future: Bool
    }

    static func first(in text: String) -> PartialDate? { scan(text).first?.date }

    static func scan(_ text: String) -> [Match] {
        // Every date counted here has a year of four digits: most sentences have none and skip the scan.
        guard hasFourDigits(text) else { return [] }
        let b = Array(text.utf8)
        return DateNormalizer.mentions(in: text).compactMap { m in
            guard !m.yearInferred, m.date.year >= 1000 else { return nil }
            let (w2, w1) = wordsBefore(b, m.range.lowerBound)
            return Match(date: m.date, asOf: w2 == "as" && w1 == "of", future: ["by", "until", "till", "before"].contains(w1))
        }
    }

    /// The two lower-cased words before `offset` (nearest last).
    private static func wordsBefore(_ b: [UInt8], _ offset: Int) -> (String, String) {
        var words: [String] = []
        var i = min(offset, b.count)
        while words.count < 2 && i > 0 {
            while i > 0 && !isLetter(b[i - 1]) { i -= 1 }
            let end = i
            while i > 0 && isLetter(b[i - 1]) { i -= 1 }
            if end > i { words.append(String(decoding: b[i..<end], as: UTF8.self).lowercased()) }
        }
        return (words.count > 1 ? words[1] : "", words.first ?? "")
    }

    /// Whether `text` holds four consecutive ASCII digits. One pass over the bytes, no allocation.
    static func hasFourDigits(_ text: String) -> Bool {
        var run = 0
        for c in text.utf8 {
            if c >= 0x30 && c <= 0x39 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}
