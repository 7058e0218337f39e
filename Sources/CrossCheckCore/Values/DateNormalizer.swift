/// One date written in a text: its value at its grain, where it is, and how it was written.
///
/// Rules compare `date` (so "On 18 February" and "On February 18" agree) and look at `style`
/// to check the article's declared date format.
package struct DateMention: Sendable, Hashable {
    /// The value; a date written without a year takes the caller's context year (see `yearInferred`).
    package var date: PartialDate
    /// UTF-8 byte offsets of the mention in the scanned text.
    package var range: Range<Int>
    package var style: DateMention.Style
    /// The mention as written.
    package var text: String
    /// True when the text gave no year: `date.year` is the context year (or 0 when none was given).
    package var yearInferred: Bool

    /// How a date was written.
    package enum Style: String, Sendable {
        /// "18 February 2022", "18 February"
        case dmy
        /// "February 18, 2022", "February 18", "Nov. 22"
        case mdy
        /// "2021-11-23", "2021-11-23T21:42:00Z"
        case iso
        /// "December 2021"
        case monthYear
        /// "2014"
        case year
        case other
    }

    package init(date: PartialDate, range: Range<Int>, style: DateMention.Style, text: String, yearInferred: Bool = false) {
        self.date = date; self.range = range; self.style = style; self.text = text; self.yearInferred = yearInferred
    }
}

/// Finds dates in plain text ("18 February 2022", "February 18, 2022", "Nov. 22", "December 2021",
/// "2014", ISO timestamps) and normalises them to `PartialDate`s with grain.
///
/// One pass over tokens of the UTF-8 bytes; no regular expressions.
package enum DateNormalizer {
    /// Every date mention in `text`, in order. A date without a year takes `contextYear`
    /// (year 0 and `yearInferred` when there is none).
    package static func mentions(in text: String, contextYear: Int? = nil) -> [DateMention] {
        let b = Array(text.utf8)
        let toks = FactTokenizer.tokens(b)
        var out: [DateMention] = []
        var i = 0
        while i < toks.count {
            if let (m, next) = match(b, toks, i, contextYear) {
                out.append(m)
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    /// The first date in a short value such as an infobox field ("October 2014", "2014-10-15").
    package static func parse(_ value: String, contextYear: Int? = nil) -> PartialDate? {
        mentions(in: value, contextYear: contextYear).first?.date
    }

    /// Month number for a month name or abbreviation (case-insensitive), nil otherwise.
    package static func month(named word: String) -> Int? { monthNames[word.lowercased()] }

    static let monthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Month names written in other scripts, as they appear in dates: Thai, and Russian in the
    /// genitive ("21 января 2005"). Full names only.
    static let otherMonthNames: [String: Int] = [
        "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6, "กรกฎาคม": 7, "สิงหาคม": 8,
        "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8, "сентября": 9,
        "октября": 10, "ноября": 11, "декабря": 12,
    ]

    static let fullMonthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    // MARK: - Matching

    private static func match(_ b: [UInt8], _ t: [FactToken], _ i: Int, _ ctx: Int?) -> (DateMention, Int)? {
        let tok = t[i]
        if tok.kind == .number {
            if let r = iso(b, t, i) { return r }
            if let r = numeric(b, t, i) { return r }
            if let r = buddhistEra(b, t, i) { return r }
            if let r = era(b, t, i) { return r }
            if let r = dayMonth(b, t, i, ctx) { return r }
            if let r = year(b, t, i) { return r }
            return nil
        }
        if tok.kind == .word, let m = monthAt(b, t, i) {
            return monthFirst(b, t, i, m, ctx)
        }
        return nil
    }

    /// Month number when token `i` is a capitalised month name (abbreviations may carry a dot).
    /// Returns the month and the index of the token after the name (and its dot).
    private static func monthAt(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (month: Int, next: Int, abbreviated: Bool)? {
        guard i < t.count, t[i].kind == .word else { return nil }
        let first = b[t[i].start]
        if first >= 0x80 {
            guard t[i].end - t[i].start <= 40, let m = otherMonthNames[String(decoding: b[t[i].start..<t[i].end], as: UTF8.self)] else { return nil }
            return (m, i + 1, false)
        }
        guard first >= 0x41 && first <= 0x5A else { return nil }
        let len = t[i].end - t[i].start
        guard len >= 3 && len <= 9 else { return nil }
        let word = FactTokenizer.lower(b, t[i])
        guard let m = monthNames[word] else { return nil }
        let abbreviated = !fullMonthNames.contains(word)
        var next = i + 1
        if abbreviated, next < t.count, t[next].kind == .punct, t[next].start == t[i].end, b[t[next].start] == 0x2E {
            next += 1
        }
        return (m, next, abbreviated)
    }

    private static func isYear(_ b: [UInt8], _ t: FactToken) -> Int? {
        guard t.kind == .number, t.end - t.start == 4, let v = FactTokenizer.intValue(b, t) else { return nil }
        return (1000...2999).contains(v) ? v : nil
    }

    /// True when the number token continues a larger number or code ("1,2014", "3.18", "A18", "$2021").
    private static func glued(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> Bool {
        if i > 0, t[i - 1].end == t[i].start {
            let p = t[i - 1]
            if p.kind == .word || p.kind == .number { return true }
            let c = b[p.start]
            if c == 0x24 || c == 0x23 { return true }  // $ #
            if (c == 0x2C || c == 0x2E || c == 0x3A || c == 0x2F), i > 1, t[i - 2].kind == .number, t[i - 2].end == p.start { return true }
        }
        if i + 1 < t.count, t[i + 1].start == t[i].end {
            let nx = t[i + 1]
            if nx.kind == .word || nx.kind == .number { return true }
            let c = b[nx.start]
            if c == 0x25 { return true }  // %
            // A decade: "1870's", "1870’s".
            if c == 0x27 || c == 0xE2, i + 2 < t.count, t[i + 2].kind == .word, t[i + 2].start == nx.end,
                t[i + 2].end - t[i + 2].start == 1, b[t[i + 2].start] | 0x20 == 0x73
            {
                return true
            }
            if (c == 0x2C || c == 0x2E || c == 0x3A || c == 0x2F), i + 2 < t.count, t[i + 2].kind == .number, t[i + 2].start == nx.end { return true }
        }
        return false
    }

    private static func text(_ b: [UInt8], _ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }

    /// `YYYY-MM-DD`, optionally followed by a `T` time and zone.
    private static func iso(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (DateMention, Int)? {
        guard i + 4 < t.count, let y = isYear(b, t[i]) else { return nil }
        let d1 = t[i + 1], mo = t[i + 2], d2 = t[i + 3], da = t[i + 4]
        guard d1.kind == .punct, b[d1.start] == 0x2D, d1.start == t[i].end, mo.start == d1.end, mo.kind == .number,
            mo.end - mo.start == 2, d2.kind == .punct, b[d2.start] == 0x2D, d2.start == mo.end, da.start == d2.end,
            da.kind == .number, da.end - da.start == 2,
            let m = FactTokenizer.intValue(b, mo), let d = FactTokenizer.intValue(b, da), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        if i > 0, t[i - 1].end == t[i].start, t[i - 1].kind != .punct { return nil }
        var end = da.end
        var next = i + 5
        // Time part: T21:42:00Z, T21:42:00+08:00.
        if end < b.count, b[end] == 0x54 || b[end] == 0x74, end + 1 < b.count, FactTokenizer.isDigit(b[end + 1]) {
            var k = end + 1
            while k < b.count, FactTokenizer.isDigit(b[k]) || b[k] == 0x3A || b[k] == 0x2E || b[k] == 0x2B || b[k] == 0x2D { k += 1 }
            if k < b.count, b[k] == 0x5A { k += 1 }
            end = k
            while next < t.count, t[next].start < end { next += 1 }
        }
        let r = t[i].start..<end
        return (DateMention(date: PartialDate(year: y, month: m, day: d), range: r, style: .iso, text: text(b, r)), next)
    }

    /// `12.11.2007` (day, month, year with dots, as written across Europe), and `21/01/2005` or
    /// `01/21/2005` when one of the first two numbers cannot be a month. `03/04/2005` is left
    /// alone: it reads either way.
    private static func numeric(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (DateMention, Int)? {
        guard i + 4 < t.count, t[i].end - t[i].start <= 2 else { return nil }
        let s1 = t[i + 1], n2 = t[i + 2], s2 = t[i + 3], n3 = t[i + 4]
        guard s1.kind == .punct, s1.start == t[i].end, n2.kind == .number, n2.start == s1.end, n2.end - n2.start <= 2,
            s2.kind == .punct, s2.start == n2.end, n3.start == s2.end, b[s1.start] == b[s2.start],
            b[s1.start] == 0x2E || b[s1.start] == 0x2F, let y = isYear(b, n3),
            let x = FactTokenizer.intValue(b, t[i]), let z = FactTokenizer.intValue(b, n2)
        else { return nil }
        if i > 0, t[i - 1].end == t[i].start, t[i - 1].kind != .punct || b[t[i - 1].start] == 0x2E { return nil }
        if i + 5 < t.count, t[i + 5].start == n3.end, t[i + 5].kind != .punct || b[t[i + 5].start] == 0x2E && i + 6 < t.count && t[i + 6].kind == .number {
            return nil
        }
        let day: Int, month: Int
        if b[s1.start] == 0x2E {
            (day, month) = (x, z)
        } else if x > 12 {
            (day, month) = (x, z)
        } else if z > 12 {
            (day, month) = (z, x)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...daysIn(month: month)).contains(day) else { return nil }
        let r = t[i].start..<n3.end
        return (DateMention(date: PartialDate(year: y, month: month, day: day), range: r, style: .other, text: text(b, r)), i + 5)
    }

    /// "พ.ศ. 2559": a year of the Thai Buddhist era (543 years ahead of the common era).
    private static func buddhistEra(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (DateMention, Int)? {
        guard i < t.count, t[i].kind == .number, t[i].end - t[i].start == 4, let v = FactTokenizer.intValue(b, t[i]), v > 1000 else { return nil }
        let mark = Array("พ.ศ.".utf8)
        var e = t[i].start
        while e > 0, b[e - 1] == 0x20 { e -= 1 }
        guard e >= mark.count, b[(e - mark.count)..<e].elementsEqual(mark) else { return nil }
        let r = (e - mark.count)..<t[i].end
        return (DateMention(date: PartialDate(year: v - 543), range: r, style: .year, text: text(b, r)), i + 1)
    }

    /// A year of an era: "300 BC", "3000 BCE", "AD 79" is read at the number; "79 AD", "79 CE".
    /// Years before the common era are negative.
    private static func era(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (DateMention, Int)? {
        guard t[i].end - t[i].start <= 4, i + 1 < t.count, t[i + 1].kind == .word, FactTokenizer.spaceGap(b, t[i].end, t[i + 1].start, max: 1),
            t[i + 1].start > t[i].end, let n = FactTokenizer.intValue(b, t[i]), n > 0
        else { return nil }
        if i > 0, t[i - 1].end == t[i].start, t[i - 1].kind != .punct || b[t[i - 1].start] == 0x2C || b[t[i - 1].start] == 0x2E { return nil }
        var k = i + 1
        var word = String(decoding: b[t[k].start..<t[k].end], as: UTF8.self)
        var end = t[k].end
        // "B.C.", "B.C.E."
        if word == "B", k + 2 < t.count, t[k + 1].kind == .punct, b[t[k + 1].start] == 0x2E, t[k + 2].kind == .word, t[k + 2].start == t[k + 1].end {
            word = "B" + String(decoding: b[t[k + 2].start..<t[k + 2].end], as: UTF8.self)
            k += 2
            end = t[k].end
            if k + 1 < t.count, t[k + 1].kind == .punct, b[t[k + 1].start] == 0x2E, t[k + 1].start == end { end = t[k + 1].end; k += 1 }
        }
        let sign: Int
        switch word {
        case "BC", "BCE", "BCE.": sign = -1
        case "AD", "CE": sign = 1
        default: return nil
        }
        let r = t[i].start..<end
        return (DateMention(date: PartialDate(year: sign * n), range: r, style: .year, text: text(b, r)), k + 1)
    }

    /// `18 February 2022`, `18 February`, `18th of February 2022`.
    private static func dayMonth(_ b: [UInt8], _ t: [FactToken], _ i: Int, _ ctx: Int?) -> (DateMention, Int)? {
        let dt = t[i]
        guard dt.end - dt.start <= 2, let day = FactTokenizer.intValue(b, dt), (1...31).contains(day) else { return nil }
        if i > 0, t[i - 1].end == dt.start {
            let p = t[i - 1]
            if p.kind != .punct { return nil }
            let c = b[p.start]
            if c == 0x24 || c == 0x2E || c == 0x2C || c == 0x3A || c == 0x2F || c == 0x2D { return nil }
        }
        var k = i + 1
        var last = dt.end
        // Ordinal suffix glued to the number.
        if k < t.count, t[k].kind == .word, t[k].start == dt.end {
            let w = FactTokenizer.lower(b, t[k])
            guard w == "st" || w == "nd" || w == "rd" || w == "th" else { return nil }
            last = t[k].end
            k += 1
        }
        if k < t.count, t[k].kind == .word, FactTokenizer.lower(b, t[k]) == "of", FactTokenizer.spaceGap(b, last, t[k].start) {
            last = t[k].end
            k += 1
        }
        guard k < t.count, FactTokenizer.spaceGap(b, last, t[k].start), t[k].start > last,
            let m = monthAt(b, t, k)
        else { return nil }
        if day > daysIn(month: m.month) { return nil }
        var end = m.next > k + 1 ? t[k + 1].end : t[k].end
        var next = m.next
        var y: Int? = nil
        if let found = trailingYear(b, t, next, after: end) {
            (y, end, next) = (found.year, found.end, found.next)
        } else if next + 4 < t.count, t[next + 4].kind == .number, let be = buddhistEra(b, t, next + 4) {
            // "13 ตุลาคม พ.ศ. 2559": the Buddhist-era year after the month.
            (y, end, next) = (be.0.date.year, be.0.range.upperBound, be.1)
        }
        let r = dt.start..<end
        let date = PartialDate(year: y ?? ctx ?? 0, month: m.month, day: day)
        return (DateMention(date: date, range: r, style: .dmy, text: text(b, r), yearInferred: y == nil), next)
    }

    /// A year right after a day and month ("18 February 2022", "February 18, 2022"), optionally
    /// after a comma: the year, where the mention ends, and the next token.
    private static func trailingYear(_ b: [UInt8], _ t: [FactToken], _ next: Int, after end: Int) -> (year: Int, end: Int, next: Int)? {
        guard next < t.count else { return nil }
        var yi = next
        var gapFrom = end
        if t[yi].kind == .punct, b[t[yi].start] == 0x2C, t[yi].start == end { gapFrom = t[yi].end; yi += 1 }
        guard yi < t.count, FactTokenizer.spaceGap(b, gapFrom, t[yi].start), let v = isYear(b, t[yi]), !glued(b, t, yi) else { return nil }
        return (v, t[yi].end, yi + 1)
    }

    /// `February 18, 2022`, `February 18`, `Nov. 22`, `December 2021`.
    private static func monthFirst(
        _ b: [UInt8], _ t: [FactToken], _ i: Int, _ m: (month: Int, next: Int, abbreviated: Bool), _ ctx: Int?
    ) -> (DateMention, Int)? {
        let nameEnd = t[m.next - 1].end
        let k = m.next
        guard k < t.count, t[k].kind == .number, FactTokenizer.spaceGap(b, nameEnd, t[k].start), t[k].start > nameEnd else { return nil }
        if let y = isYear(b, t[k]), !glued(b, t, k) {
            let r = t[i].start..<t[k].end
            return (DateMention(date: PartialDate(year: y, month: m.month), range: r, style: .monthYear, text: text(b, r)), k + 1)
        }
        guard t[k].end - t[k].start <= 2, let day = FactTokenizer.intValue(b, t[k]), (1...daysIn(month: m.month)).contains(day) else { return nil }
        var end = t[k].end
        var next = k + 1
        // Ordinal suffix ("February 18th").
        if next < t.count, t[next].kind == .word, t[next].start == end {
            let w = FactTokenizer.lower(b, t[next])
            guard w == "st" || w == "nd" || w == "rd" || w == "th" else { return nil }
            end = t[next].end
            next += 1
        } else if next < t.count, t[next].start == end {
            // "February 18:30", "Feb 3.5", "May 2-3": not a plain date.
            let c = b[t[next].start]
            if t[next].kind != .punct || c == 0x3A || c == 0x2E && next + 1 < t.count && t[next + 1].kind == .number && t[next + 1].start == t[next].end {
                return nil
            }
        }
        var y: Int? = nil
        if let found = trailingYear(b, t, next, after: end) { (y, end, next) = (found.year, found.end, found.next) }
        let r = t[i].start..<end
        let date = PartialDate(year: y ?? ctx ?? 0, month: m.month, day: day)
        return (DateMention(date: date, range: r, style: .mdy, text: text(b, r), yearInferred: y == nil), next)
    }

    /// A bare year, 1000–2999, not part of a larger number, amount or code.
    private static func year(_ b: [UInt8], _ t: [FactToken], _ i: Int) -> (DateMention, Int)? {
        guard let y = isYear(b, t[i]), !glued(b, t, i) else { return nil }
        // "1,000 employees" style thousands are excluded by `glued`; keep plausible calendar years.
        guard (1500...2200).contains(y) else { return nil }
        if i > 0, t[i - 1].kind == .punct, t[i - 1].end == t[i].start {
            let c = b[t[i - 1].start]
            if c == 0x24 || c == 0x23 || b[t[i - 1].start] == 0xC2 || b[t[i - 1].start] == 0xE2 && b[min(b.count - 1, t[i - 1].start + 1)] == 0x82 { return nil }  // currency signs
        }
        // A season label: "2016–17", "2016-17" (the season that starts in the year).
        if i + 2 < t.count, t[i + 1].kind == .punct, t[i + 1].start == t[i].end, t[i + 2].start == t[i + 1].end,
            t[i + 2].kind == .number, t[i + 2].end - t[i + 2].start == 2,
            b[t[i + 1].start] == 0x2D || (b[t[i + 1].start] == 0xE2 && t[i + 1].end - t[i + 1].start == 3 && b[t[i + 1].start + 2] == 0x93),
            !(i + 3 < t.count && t[i + 3].start == t[i + 2].end && t[i + 3].kind != .punct)
        {
            let r = t[i].start..<t[i + 2].end
            return (DateMention(date: PartialDate(year: y), range: r, style: .year, text: text(b, r)), i + 3)
        }
        let r = t[i].start..<t[i].end
        return (DateMention(date: PartialDate(year: y), range: r, style: .year, text: text(b, r)), i + 1)
    }

    private static func daysIn(month: Int) -> Int {
        switch month {
        case 2: return 29
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
