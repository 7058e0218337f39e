import Foundation

/// Ownership and listing status of a company, as a small vocabulary.
package enum CompanyStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Privately held, unlisted.
    case `private`
    /// Publicly traded, listed.
    case `public`
    /// Wholly owned by a state.
    case stateOwned = "state-owned"
    /// Partly owned by a state.
    case partlyStateOwned = "partly state-owned"
    /// A subsidiary of another company.
    case subsidiary
    /// Acquired by another company.
    case acquired
    /// Delisted (no longer traded).
    case delisted
    /// Taken private by a buy-out.
    case takenPrivate = "taken private"
    /// Defunct, dissolved, bankrupt.
    case defunct

    /// Which question the status answers: listing (public/private) or ownership.
    package var dimension: Dimension {
        switch self {
        case .private, .public, .delisted, .takenPrivate: return .listing
        case .stateOwned, .partlyStateOwned: return .stateOwnership
        case .subsidiary, .acquired: return .parent
        case .defunct: return .existence
        }
    }

    package enum Dimension: String, Sendable, Hashable { case listing, stateOwnership, parent, existence }

    /// Listing value after normalisation: delisted and taken private mean "not listed".
    package var listed: Bool? {
        switch self {
        case .public: return true
        case .private, .delisted, .takenPrivate: return false
        default: return nil
        }
    }

    package static func < (a: CompanyStatus, b: CompanyStatus) -> Bool { a.rawValue < b.rawValue }
}

/// Recognises status vocabulary in infobox values and sentences.
package enum StatusNormalizer {
    /// Statuses named by a short value such as an infobox `type` ("Public; partly state-owned",
    /// "Private", "Subsidiary", "Publicly traded company").
    package static func statuses(inValue value: String) -> Set<CompanyStatus> {
        statuses(in: value.lowercased(), prose: false)
    }

    /// Statuses a sentence attributes to its subject ("X is a partly state-owned publicly traded
    /// company", "a privately held company", "was acquired by Y", "was delisted").
    package static func statuses(inSentence sentence: String) -> Set<CompanyStatus> {
        statuses(in: sentence.lowercased(), prose: true)
    }

    /// True when `w` occurs in `s` as whole words (no letter right before or after it).
    ///
    /// A byte search over UTF-8: this runs for every sentence and status word, so no Foundation
    /// string search and no `Character` walking.
    static func has(_ s: String, _ w: String) -> Bool {
        var s = s
        var w = w
        return s.withUTF8 { hay in
            w.withUTF8 { needle in
                let m = needle.count
                guard let first = needle.first, m <= hay.count else { return false }
                var i = 0
                while i + m <= hay.count {
                    if hay[i] == first {
                        var k = 1
                        while k < m && hay[i + k] == needle[k] { k += 1 }
                        if k == m && !letter(endingAt: i, in: hay) && !letter(startingAt: i + m, in: hay) { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the character ending just before byte `i` is a letter.
    private static func letter(endingAt i: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i > 0 else { return false }
        if b[i - 1] < 0x80 { return isASCIILetter(b[i - 1]) }
        var start = i - 1
        while start > 0 && b[start] & 0xC0 == 0x80 { start -= 1 }
        return letter(startingAt: start, in: b)
    }

    /// Whether the character starting at byte `i` is a letter.
    private static func letter(startingAt i: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i < b.count else { return false }
        if b[i] < 0x80 { return isASCIILetter(b[i]) }
        var end = i + 1
        while end < b.count && b[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self).unicodeScalars.first
        return scalar.map { Character($0).isLetter } ?? false
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    private static func statuses(in raw: String, prose: Bool) -> Set<CompanyStatus> {
        var out = Set<CompanyStatus>()
        // A "public benefit corporation" is a legal form, not a listing; "formerly private" is history.
        var s = raw
        for phrase in ["public benefit", "public-benefit", "public sector", "public service", "public broadcaster"] where ByteSearch.contains(s, phrase) {
            s = s.replacingOccurrences(of: phrase, with: " ")
        }
        for past in ["formerly ", "previously ", "former ", "until "] where ByteSearch.contains(s, past) {
            for st in ["private", "public", "privately held", "publicly traded", "listed", "state-owned"] {
                s = s.replacingOccurrences(of: past + st, with: " ")
            }
        }
        if !prose, has(s, "unlisted") { out.insert(.private) }
        let partly = has(s, "partly state-owned") || has(s, "partially state-owned") || has(s, "partly state owned")
            || has(s, "partly government-owned") || has(s, "partially government-owned")
        if partly { out.insert(.partlyStateOwned) } else if has(s, "state-owned") || has(s, "state owned") || has(s, "government-owned") {
            out.insert(.stateOwned)
        }
        if has(s, "taken private") || has(s, "went private") || has(s, "take-private") { out.insert(.takenPrivate) }
        if has(s, "delisted") { out.insert(.delisted) }
        if has(s, "publicly traded") || has(s, "publicly listed") || has(s, "public company") || has(s, "listed company") {
            out.insert(.public)
        }
        if has(s, "privately held") || has(s, "private company") || has(s, "privately owned") { out.insert(.private) }
        if !prose {
            let words = s.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
            if words.contains("public") || words.contains("listed") { out.insert(.public) }
            if words.contains("private"), !out.contains(.takenPrivate) { out.insert(.private) }
            if words.contains("subsidiary") || words.contains("division") { out.insert(.subsidiary) }
            if words.contains("defunct") || words.contains("dissolved") || words.contains("bankrupt") { out.insert(.defunct) }
        } else {
            if has(s, "is a subsidiary of") || has(s, "is a wholly owned subsidiary") || has(s, "is a wholly-owned subsidiary") {
                out.insert(.subsidiary)
            }
            if has(s, "was acquired by") || has(s, "has been acquired by") { out.insert(.acquired) }
        }
        if out.contains(.public) && out.contains(.private) { out.remove(.private) }
        return out
    }

    /// True when a sentence reports a completed listing (an IPO or a first day of trading), not a
    /// plan ("considering an IPO", "filed for IPO", "readies IPO", "postponed its IPO").
    package static func reportsCompletedListing(_ sentence: String) -> Bool {
        let s = sentence.lowercased()
        let completed = [
            "completed its ipo", "completed its initial public offering", "completed an ipo", "went public",
            "began trading", "started trading", "debuted on", "made its debut", "listed its shares", "was listed on",
            "became a public company", "became publicly traded", "completed its listing", "shares began",
            "ipo was completed", "listed on the",
        ]
        let intent = [
            "consider", "plan", "file", "filed", "ready", "readies", "approval", "approved", "postpone", "delay",
            "expected", "may ", "could ", "would ", "will ", "mull", "intend", "seek", "prepare", "aim",
        ]
        guard completed.contains(where: { ByteSearch.contains(s, $0) }) else { return false }
        if ByteSearch.contains(s, "completed") || ByteSearch.contains(s, "went public") || ByteSearch.contains(s, "began trading") || ByteSearch.contains(s, "debut") {
            return true
        }
        return !intent.contains(where: { ByteSearch.contains(s, $0) })
    }

    /// True when a sentence reports a move from public to private (delisting, buy-out).
    package static func reportsDelisting(_ sentence: String) -> Bool {
        let s = sentence.lowercased()
        return ByteSearch.contains(s, "delisted") || ByteSearch.contains(s, "taken private") || ByteSearch.contains(s, "went private") || ByteSearch.contains(s, "take-private")
    }
}
