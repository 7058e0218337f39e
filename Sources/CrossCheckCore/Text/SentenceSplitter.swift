/// Splits a block of plain text into sentences, keeping each sentence's citations and source map.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or brackets) that is
/// followed by whitespace and then an upper-case letter, digit, opening quote or non-Latin text,
/// unless the word before the period is a known abbreviation, a single initial, or the period sits
/// inside a number ("$7.7 billion", "0.15"). Abbreviations that can also close a sentence
/// (company suffixes such as "Inc." or "Co.", "etc.", dotted acronyms such as "U.S.", initials) end
/// one only when the next word is a common sentence opener ("The", "In", "It", ...): "Foo Co.
/// added" and "the U.S. Department" stay whole, "in the U.S. The next" splits. A number alone at
/// the start of a sentence ("1. Key people") is a list number, not a sentence. An ellipsis (`...`
/// or `…`) ends a sentence like a period. A citation attached right after a sentence end belongs
/// to that sentence. Linear in the block.
package enum SentenceSplitter {
    /// Abbreviations (lower-cased, without the final period) after which a period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "co", "corp", "inc", "ltd", "llc", "plc",
        "bros", "no", "nos", "vs", "v", "etc", "e.g", "i.e", "eg", "ie", "cf", "al", "approx", "ca", "c",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.u", "p.r.c", "a.m", "p.m", "gen", "gov", "sen", "rep", "rev", "hon", "col",
        "lt", "capt", "sgt", "maj", "adm", "fig", "figs", "vol", "vols", "pp", "p", "ed", "eds", "est", "dept",
        "univ", "assn", "ave", "blvd", "rd", "op", "cit", "ibid", "viz", "incl", "govt", "intl", "natl",
    ]

    /// Abbreviations that may also be the last word of a sentence.
    static let closingAbbreviations: Set<String> = [
        "inc", "ltd", "llc", "plc", "corp", "co", "bros", "etc", "jr", "sr", "al", "a.m", "p.m", "u.s", "u.k", "u.n",
        "e.u", "p.r.c",
    ]

    /// Capitalised words that usually open a sentence (lower-cased).
    static let openers: Set<String> = [
        "the", "a", "an", "in", "on", "at", "it", "its", "he", "she", "they", "we", "i", "this", "that", "these",
        "those", "there", "their", "his", "her", "but", "and", "however", "after", "before", "during", "since", "as",
        "for", "from", "by", "with", "when", "while", "according", "following", "despite", "although", "if", "some",
        "many", "most", "other", "our", "my", "you", "then", "thus", "also", "later", "meanwhile", "today", "yet",
    ]

    /// Splits `block` into sentences, numbering them as paragraph `paragraph`.
    package static func split(_ block: TextBlock, lines: LineTable, paragraph: Int) -> [Sentence] {
        block.bytes.withUnsafeBufferPointer { b in
            block.spans.withUnsafeBufferPointer { blockSpans in
                split(block, b, blockSpans, lines: lines, paragraph: paragraph)
            }
        }
    }

    private static func split(
        _ block: TextBlock, _ b: UnsafeBufferPointer<UInt8>, _ blockSpans: UnsafeBufferPointer<TextSpan>,
        lines: LineTable, paragraph: Int
    ) -> [Sentence] {
        let n = b.count
        guard n > 0 else { return [] }
        var ends: [Int] = []  // exclusive end offsets of sentences (before trailing space)
        ends.reserveCapacity(n / 64 + 1)
        var i = 0
        while i < n {
            let c = b[i]
            let ellipsis = c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0xA6
            if c == 0x2E || c == 0x21 || c == 0x3F || ellipsis || isCJKStop(b, i) {
                var j = i + (c < 0x80 ? 1 : 3)
                // Absorb further terminators, closing quotes and brackets.
                while j < n {
                    if b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F || b[j] == 0x22 || b[j] == 0x27 || b[j] == 0x29 || b[j] == 0x5D {
                        j += 1
                    } else if j + 2 < n && b[j] == 0xE2 && b[j + 1] == 0x80 && (b[j + 2] == 0x9D || b[j + 2] == 0x99) {
                        j += 3  // ” ’
                    } else { break }
                }
                let cjk = c >= 0x80 && !ellipsis
                if j >= n { break }
                if cjk || (b[j] == 0x20 && j + 1 < n && startsSentence(b, j + 1)) {
                    if c == 0x2E && !cjk && continuesAfterPeriod(b, dotAt: i, next: j + 1, sentenceStart: ends.last ?? 0) {
                        i = j
                        continue
                    }
                    ends.append(j)
                    i = j
                    continue
                }
                i = j
                continue
            }
            // Skip to the next byte that can end a sentence (`.`, `!`, `?`, or a lead byte of
            // `…` and the CJK stops, all at or above 0xE2).
            var k = i + 1
            if let base = b.baseAddress {
                // Sixteen bytes at a time while none of them can end a sentence.
                let raw = UnsafeRawPointer(base)
                let dot = ByteVector(repeating: 0x2E), bang = ByteVector(repeating: 0x21)
                let question = ByteVector(repeating: 0x3F), lead = ByteVector(repeating: 0xE2)
                while k + 16 <= n {
                    let v = raw.loadUnaligned(fromByteOffset: k, as: ByteVector.self)
                    if anyLane((v .== dot) .| (v .== bang) .| (v .== question) .| (v .>= lead)) { break }
                    k += 16
                }
            }
            while k < n {
                let x = b[k]
                if x == 0x2E || x == 0x21 || x == 0x3F || x >= 0xE2 { break }
                k += 1
            }
            i = k
        }
        ends.append(n)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(ends.count)
        var start = 0
        var citationIndex = 0
        let cites = block.citations
        var spanIndex = 0
        let spanCount = blockSpans.count
        var lineHint = 1
        for (k, end) in ends.enumerated() {
            var s = start
            while s < end && b[s] == 0x20 { s += 1 }
            var e = end
            while e > s && b[e - 1] == 0x20 { e -= 1 }
            // A citation belongs to this sentence if its offset is at most `end` (before the next sentence's text).
            let isLast = k == ends.count - 1
            var attached: [Citation] = []
            var lastCitation = citationIndex
            while lastCitation < cites.count && (isLast || cites[lastCitation].offset <= end) { lastCitation += 1 }
            if lastCitation > citationIndex {
                attached.reserveCapacity(lastCitation - citationIndex)
                for c in citationIndex..<lastCitation { attached.append(cites[c].citation) }
                citationIndex = lastCitation
            }
            if e > s {
                // Spans for [s, e), rebased to the sentence.
                while spanIndex + 1 < spanCount && blockSpans[spanIndex + 1].textOffset <= s { spanIndex += 1 }
                var last = spanIndex
                while last < spanCount && blockSpans[last].textOffset < e { last += 1 }
                var spans: [TextSpan] = []
                spans.reserveCapacity(last - spanIndex)
                for si in spanIndex..<last {
                    let sp = blockSpans[si]
                    if sp.textOffset <= s {
                        spans.append(TextSpan(textOffset: 0, sourceOffset: min(sp.sourceOffset + (s - sp.textOffset), lines.byteCount)))
                    } else {
                        spans.append(TextSpan(textOffset: sp.textOffset - s, sourceOffset: sp.sourceOffset))
                    }
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
                var sentence = Sentence(
                    text: text, line: 1, sourceRange: 0..<0, spans: spans, citations: attached,
                    paragraph: paragraph, isListItem: block.isListItem)
                // Inside the file even when rendered text runs on past its markup at the end.
                let lo = min(sentence.sourceOffset(ofTextOffset: 0), lines.byteCount)
                let hi = min(max(lo, sentence.sourceOffset(ofTextOffset: e - s - 1) + 1), lines.byteCount)
                sentence.sourceRange = lo..<hi
                sentence.line = lines.line(of: lo, from: lineHint)
                lineHint = sentence.line
                sentences.append(sentence)
            } else if !attached.isEmpty, !sentences.isEmpty {
                sentences[sentences.count - 1].citations += attached
            }
            start = end
        }
        return sentences
    }

    /// 。！？ end a sentence with no space after them.
    @inline(__always) static func isCJKStop(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 2 < b.count, b[i] == 0xE3 || b[i] == 0xEF else { return false }
        if b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x82 { return true }  // 。
        if b[i] == 0xEF && b[i + 1] == 0xBC && (b[i + 2] == 0x81 || b[i + 2] == 0x9F) { return true }  // ！？
        return false
    }

    /// Whether the text at `i` can begin a sentence: upper-case letter, digit, quote, bracket, non-ASCII.
    @inline(__always) static func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c >= 0x41 && c <= 0x5A { return true }
        if c >= 0x30 && c <= 0x39 { return true }
        if c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B || c == 0x2A { return true }
        if c >= 0xC0 {
            // Latin-1 supplement lower-case letters (é, ü…) do not start sentences; other scripts might.
            if c == 0xC3 && i + 1 < b.count { return b[i + 1] < 0x9F }
            return true
        }
        return false
    }

    /// True when the period at `dotAt` does not end the sentence although a capital follows at `next`.
    static func continuesAfterPeriod(_ b: UnsafeBufferPointer<UInt8>, dotAt: Int, next: Int, sentenceStart: Int) -> Bool {
        // A list number opening the sentence: "1. Key people".
        var s = dotAt
        while s > sentenceStart && s > dotAt - 4 && b[s - 1] >= 0x30 && b[s - 1] <= 0x39 { s -= 1 }
        if s < dotAt {
            var t = sentenceStart
            while t < s && b[t] == 0x20 { t += 1 }
            if t == s && (s == 0 || b[s - 1] == 0x20) { return true }
        }
        guard let closing = abbreviationOrInitial(b, dotAt: dotAt) else { return false }
        if closing {
            // The next word decides: a common sentence opener means the sentence ended here.
            var e = next
            while e < b.count && e - next < 16 && ((b[e] >= 0x41 && b[e] <= 0x5A) || (b[e] >= 0x61 && b[e] <= 0x7A)) { e += 1 }
            let wordEnds = e >= b.count || b[e] == 0x20 || b[e] == 0x2C
            guard wordEnds else { return true }
            if e - next <= 8 {
                // ASCII letters only: compare packed, lower-cased.
                var key: UInt64 = 0
                for k in next..<e { key |= UInt64(b[k] | 0x20) << (8 * UInt64(k - next)) }
                return !packedOpeners.contains(key)
            }
            let following = String(decoding: UnsafeBufferPointer(rebasing: b[next..<e]), as: UTF8.self).lowercased()
            return !openers.contains(following)
        }
        return true
    }

    /// True when the period at `dotAt` ends an abbreviation or an initial ("Gregory C. Allen").
    static func isAbbreviationOrInitial(_ b: [UInt8], dotAt: Int) -> Bool {
        b.withUnsafeBufferPointer { abbreviationOrInitial($0, dotAt: dotAt) != nil }
    }

    /// Whether the period at `dotAt` ends an abbreviation or an initial: nil when it does not, else
    /// whether that word may also close a sentence.
    static func abbreviationOrInitial(_ b: UnsafeBufferPointer<UInt8>, dotAt: Int) -> Bool? {
        var s = dotAt
        while s > 0 && dotAt - s < 32 {
            let c = b[s - 1]
            let isWordByte = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c >= 0x80
            if !isWordByte { break }
            s -= 1
        }
        guard s < dotAt else { return nil }
        // No abbreviation is longer than eight bytes unless it is dotted ("P.R.C").
        var dotted = false
        var ascii = true
        for k in s..<dotAt {
            if b[k] == 0x2E { dotted = true } else if b[k] >= 0x80 { ascii = false }
        }
        if dotAt - s > 8 && !dotted { return nil }
        guard ascii && dotAt - s <= 8 else {
            return classify(String(decoding: UnsafeBufferPointer(rebasing: b[s..<dotAt]), as: UTF8.self), dotted: dotted)
        }
        if dotAt - s == 1 && b[s] >= 0x41 && b[s] <= 0x5A { return true }  // initial
        var key: UInt64 = 0
        for k in s..<dotAt { key |= UInt64(b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k]) << (8 * UInt64(k - s)) }
        if packedClosingAbbreviations.contains(key) { return true }
        if packedAbbreviations.contains(key) { return false }
        // Dotted acronyms such as "U.S" or "P.R.C": every piece between dots is one letter.
        if dotted {
            var run = 0
            for k in s..<dotAt {
                if b[k] == 0x2E {
                    if run > 1 { return nil }
                    run = 0
                } else {
                    run += 1
                }
            }
            return run > 1 ? nil : true
        }
        return nil
    }

    /// `abbreviationOrInitial` for a word with non-ASCII bytes or longer than eight bytes, on `String`s.
    static func classify(_ word: String, dotted: Bool) -> Bool? {
        if word.utf8.count == 1, let f = word.utf8.first, f >= 0x41 && f <= 0x5A { return true }  // initial
        let lower = word.lowercased()
        if closingAbbreviations.contains(lower) { return true }
        if abbreviations.contains(lower) { return false }
        // Dotted acronyms such as "U.S" or "P.R.C".
        if dotted, lower.split(separator: ".").allSatisfy({ $0.count == 1 }) { return true }
        return nil
    }

    /// ASCII words of at most eight bytes packed into a `UInt64`, first byte lowest (longer ones never match).
    static func packed(_ words: Set<String>) -> WordSet {
        WordSet(words.compactMap { w -> UInt64? in
            let u = Array(w.utf8)
            guard u.count <= 8 else { return nil }
            var key: UInt64 = 0
            for (k, c) in u.enumerated() { key |= UInt64(c) << (8 * UInt64(k)) }
            return key
        })
    }

    static let packedAbbreviations = packed(abbreviations)
    static let packedClosingAbbreviations = packed(closingAbbreviations)
    static let packedOpeners = packed(openers)

    /// A sorted array of packed words, searched by bisection (no hashing).
    struct WordSet: Sendable {
        let keys: [UInt64]
        init(_ keys: [UInt64]) { self.keys = keys.sorted() }
        func contains(_ key: UInt64) -> Bool {
            var lo = 0
            var hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < keys.count && keys[lo] == key
        }
    }
}
