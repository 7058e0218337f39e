import Foundation
import CrossCheckCore

/// Reads claims from one variant: key/value fields matched by key synonyms, then sentence patterns.
///
/// Nothing here knows a particular article: keys are matched by the words they contain
/// ("hq_location", "Global Headquarters" and "headquarters" all name the headquarters), and
/// sentences by general patterns of English ("headquartered in", "co-founded in ... by").
package enum ClaimExtractor {
    /// Every claim the variant states, in document order (fields first).
    ///
    /// `subject` (the set's subject) names the article's topic when the variant has no title;
    /// with neither, a sentence's own opening words are taken as its subject.
    package static func claims(in variant: Variant, subject: String? = nil) -> [Claim] {
        claims(in: variant, subject: subject, cache: nil)
    }

    /// Sentence claims already read, keyed by everything `sentenceClaims` depends on except the
    /// evidence's place: consecutive revisions repeat most sentences, so a set reads each once,
    /// and a history walk (which keeps one cache from revision to revision) each once per page.
    package final class SentenceCache {
        struct Key: Hashable {
            var text: TextKey
            var isListItem: Bool
            var pathEmpty: Bool
            var cited: Bool
            var contextYear: Int?
            /// How the variant's language writes numbers (`QuantityNormalizer.decimalComma`).
            var decimalComma: Bool?
            /// The subject's words, as their number in `subjects`.
            var subject: Int
        }
        /// A sentence's key and claims, as a run read them (a struct: as a tuple, each read of its
        /// key copied the whole entry out).
        struct Entry {
            var key: Key
            var claims: [Claim]
        }
        /// Subject word lists seen, numbered (a key then hashes a number, not the words).
        var subjects: [[String]: Int] = [:]
        func subjectNumber(_ words: [String]) -> Int {
            if let n = subjects[words] { return n }
            subjects[words] = subjects.count
            return subjects.count - 1
        }
        let entries = RevisionCache<Key, [Claim]>()
        /// Per document path and per variant id, the keys and claims of its sentences in order as
        /// last read: a run over the same document again (`gate` reads OLD and NEW twice) or over
        /// a revision that starts as its parent did (a history) finds them by position, without
        /// hashing. The last few are kept.
        private(set) var sequences: [String: [Entry]] = [:]
        private var sequenceOrder: [String] = []

        /// Takes the sequence stored under `names` out of the cache (so that the caller holds the
        /// only reference, and can change it in place); empty when there is none.
        func take(_ names: [String]) -> [Entry] {
            var found: [Entry]? = nil
            for name in names {
                guard let s = sequences.removeValue(forKey: name) else { continue }
                sequenceOrder.removeAll { $0 == name }
                if found == nil { found = s }
            }
            guard let found else { return [] }
            // The same storage kept under another name (a history's previous revision was kept
            // under its own path too) would make the caller's change a copy: drop that alias.
            let base = found.withUnsafeBufferPointer { $0.baseAddress }
            for (name, s) in sequences where s.withUnsafeBufferPointer({ $0.baseAddress }) == base {
                sequences[name] = nil
                sequenceOrder.removeAll { $0 == name }
            }
            return found
        }

        func keep(_ sequence: [Entry], as names: [String]) {
            for name in names {
                if sequences.updateValue(sequence, forKey: name) != nil { sequenceOrder.removeAll { $0 == name } }
                sequenceOrder.append(name)
            }
            while sequenceOrder.count > 8 { sequences[sequenceOrder.removeFirst()] = nil }
        }
        package init() {}
        /// Starts the next revision's run (see `RevisionCache.nextRun`).
        package func nextRun() {
            // Sentences found by position are in use too.
            if entries.sweepsAtNextRun {
                for sequence in sequences.values { for e in sequence { entries.touch(e.key) } }
            }
            entries.nextRun()
        }
    }

    static func claims(in variant: Variant, subject: String?, cache: SentenceCache?) -> [Claim] {
        var out: [Claim] = []
        let doc = variant.document
        let isSource = doc.role == .source
        for field in doc.fields {
            out += fieldClaims(field, variant, cited: isSource || !field.citations.isEmpty)
        }
        // A source's title is a headline, not the subject's name: prefer the set's subject.
        let subjectWords = subjectKeys(isSource ? (subject ?? doc.title) : (doc.title ?? subject))
        let subjectNumber = cache?.subjectNumber(subjectWords) ?? 0
        let decimalComma = QuantityNormalizer.decimalComma(doc.language)
        let names = [doc.path, "#" + variant.id]
        // The previous run's sequence, taken out of the cache so that it is updated in place: the
        // entries from the first sentence that departs from it to the last that does not match its
        // place from the end are replaced by `pending`; the rest stay (no copy of them is made).
        var previous = cache?.take(names) ?? []
        var departure: Int? = nil
        var pending: [SentenceCache.Entry] = []
        /// Entries at the end of `pending` that matched their place from the end of `previous`.
        var tailRun = 0
        var read = 0
        let sentenceCount = cache == nil ? 0 : doc.sections.reduce(0) { $0 + $1.sentences.count }
        // The previous run's entries are compared in place through a buffer pointer.
        previous.withUnsafeBufferPointer { prev in
            for section in doc.sections {
                var sectionName: String? = nil
                let contextYear = year(of: section) ?? doc.date?.year
                // A citation at the end of a paragraph covers the paragraph's sentences before it.
                let covered = section.coveredSentences
                // By index: most sentences are found in the cache, and need only their text and line
                // (copying each sentence out cost its arrays' retains).
                for k in section.sentences.indices {
                    let cited = isSource || covered[k]
                    guard let cache else {
                        out += sentenceClaims(section.sentences[k], section, variant, cited: cited, contextYear: contextYear, subject: subjectWords)
                        continue
                    }
                    let key = SentenceCache.Key(
                        text: TextKey(section.sentences[k].text), isListItem: section.sentences[k].isListItem, pathEmpty: section.path.isEmpty, cited: cited,
                        contextYear: contextYear, decimalComma: decimalComma, subject: subjectNumber)
                    let j = read
                    read += 1
                    let here = j < prev.count && prev[j].key == key
                    let same = departure == nil && here
                    // Past an edit, a sentence the edit left alone sits as far from the end as it did
                    // in the previous run: try that place before hashing.
                    let fromEnd = j + prev.count - sentenceCount
                    let atEnd = fromEnd == j ? here : fromEnd >= 0 && fromEnd < prev.count && prev[fromEnd].key == key
                    let known = here ? prev[j].claims : atEnd ? prev[fromEnd].claims : cache.entries[key]
                    if !same {
                        if departure == nil { departure = j }
                        pending.append(SentenceCache.Entry(key: key, claims: known ?? []))
                        tailRun = atEnd ? tailRun + 1 : 0
                    }
                    if let known {
                        guard !known.isEmpty else { continue }
                        // Same sentence, same claims: only the evidence's place differs (its text is
                        // the sentence's, already trimmed in the cached claims).
                        var ev = known[0].evidenceWithoutValue
                        ev.variant = variant.id
                        ev.path = doc.path
                        ev.line = section.sentences[k].line
                        ev.section = sectionName ?? section.path.joined(separator: " > ")
                        sectionName = ev.section
                        Claim.appendRelocated(known, to: ev, into: &out)
                    } else {
                        let fresh = sentenceClaims(section.sentences[k], section, variant, cited: cited, contextYear: contextYear, subject: subjectWords)
                        cache.entries[key] = fresh
                        if !pending.isEmpty { pending[pending.count - 1].claims = fresh }
                        out += fresh
                    }
                }
            }
        }
        if let cache {
            if let departure {
                // The matched tail stays in place (it cannot reach back past the departure).
                let tail = min(tailRun, previous.count - departure)
                previous.replaceSubrange(departure..<(previous.count - tail), with: pending.dropLast(tail))
            } else if read < previous.count {
                previous.removeSubrange(read...)
            }
            cache.keep(previous, as: names)
        }
        // Drop duplicates read twice from one line (a `**Key**: value` list item is a field and a sentence).
        // Same attribute, line and value text: only claims sharing attribute and line can be
        // duplicates, so the claims are grouped by a sort of (line, attribute, position) and the
        // value's text is built only in groups of two or more (building it for every claim was a
        // large share of a long document's check). A dictionary of places held a small array per
        // claim, a tenth of `check`'s peak memory on a dense document.
        var order: [(place: Int, index: Int)] = []
        order.reserveCapacity(out.count)
        for (i, c) in out.enumerated() {
            order.append((c.line * 16 + (Claim.Attribute.allCases.firstIndex(of: c.attribute) ?? 0), i))
        }
        order.sort { $0 < $1 }
        var drop: [Bool] = []
        var g = 0
        while g < order.count {
            var e = g + 1
            while e < order.count, order[e].place == order[g].place { e += 1 }
            if e - g > 1 {
                // Kept: the first claim of each value text, in document order (sorted by position).
                // A short group compares its texts in a list, a long one in a set.
                var list: [String] = []
                var seen = Set<String>()
                for k in g..<e {
                    let t = out[order[k].index].valueDescription
                    let known = e - g <= 8 ? list.contains(t) : !seen.insert(t).inserted
                    if e - g <= 8, !known { list.append(t) }
                    guard known else { continue }
                    if drop.isEmpty { drop = [Bool](repeating: false, count: out.count) }
                    drop[order[k].index] = true
                }
            }
            g = e
        }
        guard !drop.isEmpty else { return out }
        var w = 0
        for i in out.indices where !drop[i] {
            if w != i { out[w] = out[i] }
            w += 1
        }
        out.removeLast(out.count - w)
        return out
    }

    /// Year a section is about when its heading (or a parent heading) is a year ("2021").
    package static func year(of section: Section) -> Int? {
        for h in section.path.reversed() {
            // A year parses from four characters, so it has at least three ASCII digits: skip the
            // Foundation trim for headings without them.
            guard ByteSearch.asciiDigits(h) >= 3 else { continue }
            let t = h.trimmingCharacters(in: .whitespaces)
            if t.count == 4, let y = Int(t), (1000...2999).contains(y) { return y }
        }
        return nil
    }

    // MARK: - Fields

    /// The attribute a field key names, by the words it contains.
    package static func attribute(forKey key: String) -> Claim.Attribute? {
        let k = key.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        let words = Set(k.split(whereSeparator: { !$0.isLetter }).map(String.init))
        if words.contains("founder") || words.contains("founders") || k.contains("founded by") || words.contains("cofounders") {
            return .founders
        }
        if words.contains("foundation") || words.contains("founded") || words.contains("established") || words.contains("formation")
            || words.contains("inception") || k.contains("year founded")
        {
            return .founded
        }
        if words.contains("headquarters") || words.contains("hq") || k.contains("head office") || k == "location"
            || k == "location city" || k.contains("based in")
        {
            // "hq_location_country" / "hq_location_state" complete a city field; alone they would
            // read as a second headquarters.
            if !words.isDisjoint(with: ["country", "state", "region", "province", "prefecture"]) { return nil }
            return .headquarters
        }
        if k == "type" || k == "company type" || k == "status" || k == "ownership" || k == "legal status" { return .status }
        if k.contains("traded as") || words.contains("ticker") || k.contains("stock exchange") || k == "symbol" || k == "listing" {
            return .listing
        }
        if words.contains("ipo") || k.contains("initial public offering") || k == "listed" { return .event }
        if words.contains("employees") || words.contains("staff") || words.contains("headcount") || words.contains("workforce") {
            return .employees
        }
        if words.contains("revenue") || words.contains("turnover") || words.contains("sales") { return .revenue }
        if words.contains("valuation") || k.contains("market cap") { return .valuation }
        return nil
    }

    private static func fieldEvidence(_ v: Variant, _ f: Field) -> Evidence {
        let src = v.document.source
        let line = src.text(src.lines.range(ofLine: f.line, in: src.bytes)).trimmingCharacters(in: .whitespaces)
        return Evidence(
            variant: v.id, path: v.document.path, line: f.line, section: f.section.joined(separator: " > "),
            text: Evidence.trim(line.isEmpty ? f.key + ": " + f.value : line))
    }

    static func fieldClaims(_ f: Field, _ v: Variant, cited: Bool) -> [Claim] {
        let value = f.value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return [] }
        let ev = fieldEvidence(v, f)
        func claim(_ a: Claim.Attribute, _ val: ClaimValue) -> Claim {
            Claim(attribute: a, value: val, cited: cited, evidence: ev, origin: .field, label: f.key, statement: value)
        }
        let contextYear = v.document.date?.year
        switch attribute(forKey: f.key) {
        case .founders?:
            let people = PersonNameNormalizer.names(inList: value)
            return people.isEmpty ? [] : [claim(.founders, .people(people))]
        case .founded?:
            guard let d = DateNormalizer.parse(value) else { return [] }
            return [claim(.founded, .date(d))]
        case .headquarters?:
            let places = PlaceNormalizer.places(in: value)
            return places.isEmpty ? [] : [claim(.headquarters, .places(places))]
        case .status?:
            let s = StatusNormalizer.statuses(inValue: value)
            return s.isEmpty ? [] : [claim(.status, .status(s))]
        case .listing?:
            return [claim(.listing, .text(value, nil)), claim(.status, .status([.public]))]
        case .event?:
            let d = DateNormalizer.parse(value, contextYear: contextYear)
            return [claim(.event, .text("listing", d)), claim(.status, .status([.public]))]
        case .employees?:
            guard let q = QuantityNormalizer.quantities(in: value, decimalComma: QuantityNormalizer.decimalComma(v.document.language)).first(where: { $0.kind == .count }) else { return [] }
            return [claim(.employees, .quantity(q))]
        case .revenue?:
            guard let q = QuantityNormalizer.quantities(in: value, decimalComma: QuantityNormalizer.decimalComma(v.document.language)).first(where: { $0.kind == .money }) else { return [] }
            return [claim(.revenue, .quantity(q))]
        case .valuation?:
            guard let q = QuantityNormalizer.quantities(in: value, decimalComma: QuantityNormalizer.decimalComma(v.document.language)).first(where: { $0.kind == .money }) else { return [] }
            return [claim(.valuation, .quantity(q))]
        default:
            // Prose values are read as sentences; short values may state a figure ("Growth Rate: 45% YoY").
            guard value.split(separator: " ").count <= 8, f.origin != .frontMatter else { return [] }
            var out: [Claim] = []
            for q in QuantityNormalizer.quantities(in: value, decimalComma: QuantityNormalizer.decimalComma(v.document.language)) {
                switch q.kind {
                case .money: out.append(claim(.money, .quantity(q)))
                case .percent: out.append(claim(.percentage, .quantity(q)))
                case .count where !q.following.isEmpty && !q.spelledOut: out.append(claim(.count, .quantity(q)))
                // "Annual Passengers: 2.4 million": the key names what is counted.
                case .count where !q.spelledOut && Self.hasScaleWord(q.text): out.append(claim(.count, .quantity(q)))
                default: break
                }
            }
            return out
        }
    }

    /// True when a number is written with a scale word ("2.4 million"): a figure, not a code or a rank.
    static func hasScaleWord(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["thousand", "million", "billion", "trillion"].contains { lower.contains($0) }
    }

    /// Nouns for another organisation related to the subject ("its parent", "the company's
    /// subsidiary"): a statement whose subject is one of them is not about the article's subject.
    static let relatives: Set<String> = [
        "parent", "subsidiary", "subsidiaries", "affiliate", "affiliates", "unit", "division", "rival", "rivals",
        "competitor", "competitors", "partner", "partners", "owner", "owners", "shareholder", "shareholders",
        "investor", "investors", "acquirer", "predecessor", "successor", "customer", "customers", "supplier",
        "suppliers", "venture", "spin-off", "spinoff", "client", "clients",
    ]

    /// True when the text from the subject to "founded" keeps the subject as the one founded: no
    /// comma, or only the comma that opens an appositive right before it ("X, co-founded by",
    /// "X, which was founded by").
    static func foundingClause(_ between: Substring, subjectLength: Int) -> Bool {
        guard let comma = between.firstIndex(of: ",") else { return true }
        // The comma must follow the subject's name itself ("Acme, co-founded by"), not a clause
        // about something else ("Acme bought Beta, founded by").
        guard between.lastIndex(of: ",") == comma, between.distance(from: between.startIndex, to: comma) <= subjectLength else { return false }
        let after = between[between.index(after: comma)...].split(whereSeparator: { $0 == " " || $0 == "-" })
        return after.allSatisfy { ["which", "was", "co", "who", "that", "originally", "first"].contains($0) }
    }

    /// Length of the run of capitalised words that opens `s` ("Acme Rail, founded ..." -> 9).
    static func leadingNameLength(_ s: Substring) -> Int {
        var length = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: false) {
            guard let c = word.first, c.isUppercase else { break }
            length += (length == 0 ? 0 : 1) + word.count
            if word.last == "," { break }
        }
        return length
    }

    /// True when the words between the subject and a pattern name a related organisation.
    static func namesRelative(_ between: Substring) -> Bool {
        between.split(whereSeparator: { !$0.isLetter && $0 != "-" }).contains { relatives.contains(String($0)) }
    }

    // MARK: - Sentences

    /// Lower-cased words that name the subject: its title's words plus "the company".
    static func subjectKeys(_ title: String?) -> [String] {
        var keys = ["the company", "the firm"]
        if let title, !title.isEmpty { keys.insert(String(decoding: LowerText(title).bytes, as: UTF8.self), at: 0) }
        return keys
    }

    private static func sentenceEvidence(_ v: Variant, _ section: Section, _ s: Sentence) -> Evidence {
        Evidence(
            variant: v.id, path: v.document.path, line: s.line, section: section.path.joined(separator: " > "),
            text: Evidence.trim(s.text))
    }

    static func sentenceClaims(
        _ s: Sentence, _ section: Section, _ v: Variant, cited: Bool, contextYear: Int?, subject: [String]
    ) -> [Claim] {
        let text = s.text
        var out: [Claim] = []
        // The sentence's claims share one evidence place, made for the first.
        func claim(_ a: Claim.Attribute, _ val: ClaimValue, label: String? = nil) {
            if let first = out.first {
                out.append(Claim(attribute: a, value: val, cited: cited, placeOf: first, origin: .sentence, label: label, statement: text))
            } else {
                out.append(
                    Claim(attribute: a, value: val, cited: cited, evidence: sentenceEvidence(v, section, s), origin: .sentence, label: label, statement: text))
            }
        }
        let lt = LowerText(text)
        let mayList = lt.containsAny(["ipo", "public", "trading", "debut", "listed", "listing", "private"])
        let needsPatterns = mayList || lt.containsAny(["headquarter", "head office", "based in", "-based", "founded", "established"])
            || lt.containsAny(Self.statusKeywords) || (s.isListItem && lt.contains("("))
        if needsPatterns {
        // ASCII lower case keeps the byte layout, so indices of `lower` are valid in `text`.
        let lower = String(decoding: lt.bytes, as: UTF8.self)
        // Byte search: `lower` is native UTF-8, so a byte offset maps to an index in O(1).
        var subjectAt = subject.compactMap { lt.find($0) }.min().map { lower.utf8.index(lower.startIndex, offsetBy: $0) }
        /// The first occurrence of an ASCII `pattern` at or after `from`, found on bytes.
        func find(_ pattern: String, from: String.Index? = nil) -> Range<String.Index>? {
            let start = from.map { lower.utf8.distance(from: lower.startIndex, to: $0) } ?? 0
            guard let o = lt.find(pattern, from: start) else { return nil }
            let lo = lower.utf8.index(lower.startIndex, offsetBy: o)
            return lo..<lower.utf8.index(lo, offsetBy: pattern.utf8.count)
        }
        // No title, or a lead sentence that does not name it: the sentence's own opening is its subject.
        if subjectAt == nil, subject.count <= 2 || section.path.isEmpty { subjectAt = lower.startIndex }
        if lower.hasPrefix("it ") || lower.hasPrefix("its ") { subjectAt = lower.startIndex }

        // Headquarters.
        if lt.containsAny(["headquarter", "head office", "based in"]) {
        for pattern in ["headquartered in ", "headquarters in ", "headquarters are in ", "headquarters is in ", "head office in ", "based in "] {
            guard let r = find(pattern), let at = subjectAt, at < r.lowerBound, !Self.namesRelative(lower[at..<r.lowerBound]) else { continue }
            let after = String(text[r.upperBound...])
            let places = PlaceNormalizer.places(in: placePhrase(after))
            if !places.isEmpty { claim(.headquarters, .places(places), label: pattern.trimmingCharacters(in: .whitespaces)) }
            break
        }
        }
        // "Busan-based Acme Ferries", "the New York-based Acme": the place before "-based" when the
        // subject's name follows it.
        if lt.contains("-based "), let r = find("-based "),
            subject.contains(where: { key in key.count > 3 && !key.hasPrefix("the ") && lower[r.upperBound...].hasPrefix(key) })
        {
            var words: [Substring] = []
            for w in text[..<r.lowerBound].split(separator: " ").reversed() {
                guard let c = w.first, c.isUppercase, words.count < 4 else { break }
                words.insert(w, at: 0)
            }
            let place = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "\"“”'(,"))
            let places = PlaceNormalizer.places(in: place)
            if !places.isEmpty { claim(.headquarters, .places(places), label: "based") }
        }
        if s.isListItem, lt.contains("("), lt.contains("(headquarters)") || lt.contains("(hq)") || lt.contains("(head office)"),
            let paren = text.firstIndex(of: "(")
        {
            let places = PlaceNormalizer.places(in: String(text[..<paren]))
            if !places.isEmpty { claim(.headquarters, .places(places), label: "headquarters") }
        }

        // Founders and founding date.
        if lt.containsAny(["founded", "established"]), let f = find("founded") ?? find("established") {
            if let by = find(" by ", from: f.upperBound), lower.distance(from: f.upperBound, to: by.lowerBound) < 60,
                let at = subjectAt, at < f.lowerBound, Self.foundingClause(lower[at..<f.lowerBound], subjectLength: subject.first { lower[at...].hasPrefix($0) }?.count ?? Self.leadingNameLength(text[at...])), !Self.namesRelative(lower[at..<f.lowerBound])
            {
                let namesText = String(text[by.upperBound...])
                let people = PersonNameNormalizer.names(inProse: namesText)
                if !people.isEmpty { claim(.founders, .people(people), label: "founded by") }
            }
            let window = String(text[f.upperBound...].prefix(40))
            if let d = DateNormalizer.mentions(in: window, contextYear: contextYear).first, !d.yearInferred,
                let at = subjectAt, at < f.lowerBound
            {
                claim(.founded, .date(d.date), label: "founded")
            }
        }

        // Status: "<subject> is a ... company".
        if let at = subjectAt, lt.containsAny(Self.statusKeywords) {
            let rest = lower[at...]
            for copula in [" is a ", " is an ", " was a ", " is now a ", " became a ", " is the "] {
                guard let c = find(copula, from: at) else { continue }
                // "Its parent, X, is a privately held company" describes another organisation.
                if Self.namesRelative(lower[at..<c.lowerBound]) { break }
                var clause = String(lower[c.upperBound...])
                if let end = clause.firstIndex(where: { $0 == "." || $0 == ";" || $0 == "," }) { clause = String(clause[..<end]) }
                let statuses = StatusNormalizer.statuses(inSentence: clause)
                if !statuses.isEmpty { claim(.status, .status(statuses), label: "description") }
                break
            }
            let verbs = StatusNormalizer.statuses(inSentence: String(rest)).filter { $0 == .acquired || $0 == .delisted || $0 == .takenPrivate }
            if !verbs.isEmpty { claim(.status, .status(verbs), label: "event") }
        }

        // Completed listing event.
        if mayList, StatusNormalizer.reportsCompletedListing(text) {
            let d = DateNormalizer.mentions(in: text, contextYear: contextYear).first?.date
            claim(.event, .text("listing", d), label: "listing")
        } else if mayList, StatusNormalizer.reportsDelisting(text) {
            let d = DateNormalizer.mentions(in: text, contextYear: contextYear).first?.date
            claim(.event, .text("delisting", d), label: "delisting")
        }
        }

        // Figures.
        let bytes = Array(text.utf8)
        for q in QuantityNormalizer.quantities(in: text, decimalComma: QuantityNormalizer.decimalComma(v.document.language)) {
            let before = String(decoding: bytes[max(0, q.range.lowerBound - 48)..<q.range.lowerBound], as: UTF8.self).lowercased()
            switch q.kind {
            case .money:
                if before.contains("valued at") || before.contains("valuation") {
                    claim(.valuation, .quantity(q), label: "valuation")
                } else if before.contains("revenue") || before.contains("sales of") || before.contains("turnover") {
                    claim(.revenue, .quantity(q), label: "revenue")
                } else {
                    claim(.money, .quantity(q), label: labelWords(before))
                }
            case .percent:
                claim(.percentage, .quantity(q), label: labelWords(before))
            case .count:
                if q.following.contains(where: { $0 == "employees" || $0 == "staff" }) {
                    claim(.employees, .quantity(q), label: "employees")
                } else if !q.following.isEmpty {
                    claim(.count, .quantity(q), label: q.following.joined(separator: " "))
                }
            case .ordinal:
                break
            }
        }
        return out
    }

    /// Words without which a sentence states no status (a cheap test before the patterns).
    static let statusKeywords = [
        "private", "public", "state", "government", "listed", "subsidiary", "acquired", "traded", "owned", "defunct",
    ]

    /// The place phrase at the start of `text`: up to a clause end, keeping comma parts that start
    /// with a capital ("Science Park, Port City, Country").
    static func placePhrase(_ text: String) -> String {
        var phrase = text
        for stop in [".", ";", "(", " with ", " where ", " which ", " since ", " that ", " but ", " from ", " in the ", " to "] {
            if let r = phrase.range(of: stop) { phrase = String(phrase[..<r.lowerBound]) }
        }
        var parts: [String] = []
        for p in phrase.split(separator: ",", omittingEmptySubsequences: true) {
            let t = p.trimmingCharacters(in: .whitespaces)
            guard let c = t.first, c.isUppercase else { break }
            // Keep the capitalised words only ("Port City and the region" -> "Port City").
            var ws: [Substring] = []
            for w in t.split(separator: " ") {
                if let f = w.first, f.isUppercase || w == "and" || w == "&" || w == "of" { ws.append(w) } else { break }
            }
            while let l = ws.last, l == "and" || l == "&" || l == "of" { ws.removeLast() }
            parts.append(ws.joined(separator: " "))
        }
        return parts.joined(separator: ", ")
    }

    /// Up to three words before a figure, as its label ("growth rate").
    private static func labelWords(_ before: String) -> String? {
        let ws = before.split(whereSeparator: { !$0.isLetter && $0 != "&" }).suffix(3)
        return ws.isEmpty ? nil : ws.joined(separator: " ")
    }
}
