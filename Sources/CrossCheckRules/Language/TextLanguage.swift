import CrossCheckCore

/// A note a rule leaves when it stays silent on part of the input (a variant in a language it has
/// no word list for): shown by `--verbose` and in the JSON report.
package struct RuleNote: Sendable, Hashable {
    package var rule: String
    package var variant: String
    package var message: String
    package init(rule: String, variant: String, message: String) { self.rule = rule; self.variant = variant; self.message = message }
}

extension RuleContext {
    /// The language a variant's text is read in: declared or inferred, else the language most
    /// other variants of the set are in, else English (the language of the built-in word lists).
    package func language(of variant: Variant) -> String {
        if let l = variant.document.language { return l }
        return analysis(AnalysisKey<String>("language.set")) { () -> String in
            var counts: [String: Int] = [:]
            for v in set.variants { if let l = v.document.language { counts[l, default: 0] += 1 } }
            return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "en"
        }
    }

    /// The language of one sentence or field value: its own words when they clearly decide
    /// (three or more function words of one language), else its section's, else its variant's.
    package func language(of unit: TextUnit, in variant: Variant) -> String {
        if let decided = decidedLanguage(unit.text) { return decided }
        return fallbackLanguage(of: unit, in: variant)
    }

    /// The language a text's own words decide (three or more function words of one language),
    /// if any; kept from run to run by a history memo, since revisions repeat their texts.
    func decidedLanguage(_ text: String) -> String? {
        func decide() -> String? {
            var v = LanguageVotes()
            LanguageDetector.count(text, into: &v)
            return LanguageDetector.decide(v, minimumHits: 36)?.code
        }
        guard let memo else { return decide() }
        let cache: RevisionCache<TextKey, String> = memo.cache("language.decided")
        let key = TextKey(text)
        if let known = cache[key] { return known.isEmpty ? nil : known }
        let d = decide()
        cache[key] = d ?? ""
        return d
    }

    /// The language a unit takes when its own words do not decide: its section's, else its variant's.
    package func fallbackLanguage(of unit: TextUnit, in variant: Variant) -> String {
        let sections = analysis(AnalysisKey<[[String]: String]>("language.sections", scope: variant.id)) { () -> [[String]: String] in
            var out: [[String]: String] = [:]
            for s in variant.document.sections { if let l = s.language { out[s.path] = l } }
            return out
        }
        return sections.isEmpty ? language(of: variant) : sections[unit.section] ?? language(of: variant)
    }

    /// True when a word at `textOffset` of `unit` is English text read with English word lists:
    /// the unit is English and the word is not in a span marked as another language or set apart
    /// in italics (a title, a term quoted from another language).
    package func readsAsEnglish(_ unit: TextUnit, textOffset: Int, in variant: Variant) -> Bool {
        guard language(of: unit, in: variant) == "en" else { return false }
        return !markup(unit, textOffset: textOffset, in: variant).isForeignOrTitle
    }

    /// The markup around a word of a unit (link, italics, language span), read from the source.
    package func markup(_ unit: TextUnit, textOffset: Int, in variant: Variant) -> MarkupContext {
        let doc = variant.document
        let offset: Int
        if let s = unit.sentence {
            offset = s.sourceOffset(ofTextOffset: textOffset)
        } else if let f = unit.field {
            // Field values are rendered from markup: find the word in the value's source bytes.
            let w = Array(Self.word(in: unit.text, at: textOffset).utf8)
            let bytes = doc.source.bytes
            let range = f.sourceRange.clamped(to: 0..<bytes.count)
            var found = -1
            if !w.isEmpty, range.count >= w.count {
                for k in range.lowerBound...(range.upperBound - w.count) where bytes[k] == w[0] && bytes[k..<(k + w.count)].elementsEqual(w) {
                    // The whole word, not the start of a longer one ("Lombarda" in "Lombardan").
                    let after = k + w.count < bytes.count ? bytes[k + w.count] : 0x20
                    let before = k > 0 ? bytes[k - 1] : 0x20
                    if WordScanner.isLetter(after) || WordScanner.isLetter(before) { continue }
                    found = k
                    break
                }
            }
            guard found >= 0 else { return MarkupContext() }
            offset = found
        } else {
            return MarkupContext()
        }
        return MarkupContext.at(offset, in: doc.source.bytes, format: doc.format)
    }

    /// A cheap first look: true when a word of a sentence may sit in a wikilink's label (a `|`
    /// shortly before it, and `[[` shortly before that, with no `]]` or line end between).
    package func mayBeLinkLabel(_ unit: TextUnit, textOffset: Int, in variant: Variant) -> Bool {
        guard variant.document.format == .wikitext, let s = unit.sentence else { return false }
        let bytes = variant.document.source.bytes
        var k = min(s.sourceOffset(ofTextOffset: textOffset), bytes.count) - 1
        let stop = max(0, k - 200)
        var sawBar = false
        while k > stop {
            let c = bytes[k]
            if c == 0x0A { return false }
            if c == 0x5D, bytes[k - 1] == 0x5D { return false }
            if c == 0x7C { sawBar = true }
            if c == 0x5B, bytes[k - 1] == 0x5B { return sawBar }
            k -= 1
        }
        return false
    }

    /// The word of `text` starting at byte `offset`.
    static func word(in text: String, at offset: Int) -> String {
        let b = Array(text.utf8)
        guard offset < b.count else { return "" }
        var e = offset
        while e < b.count, WordScanner.wordByteLength(b, e) > 0 { e += WordScanner.wordByteLength(b, e) }
        return String(decoding: b[offset..<e], as: UTF8.self)
    }

    /// True when some text of the set writes `first` and `second` (lower case) side by side,
    /// apart: "global leader" for a token "globaleader".
    package func writesApart(_ first: String, _ second: String) -> Bool {
        ByteSearch.contains(setText, first + " " + second)
    }

    /// True when some text of the set writes `head` (lower case) before a hyphen, as the first
    /// part of a hyphenated compound ("anarcho-syndicalism").
    package func hyphenates(_ head: String) -> Bool {
        // A history's lone revision: the answer holds from run to run until an edit adds or
        // drops a text with a hyphen (the word counts, computed first, watch for that).
        guard let memo, set.variants.count == 1 else { return ByteSearch.contains(setText, head + "-") }
        _ = wordStats
        if let known = memo.hyphenated[head] { return known }
        let answer = ByteSearch.contains(setText, head + "-")
        memo.hyphenated[head] = answer
        return answer
    }

    /// The lower-cased distinct texts of the set, one per line (built once, when first asked).
    var setText: String {
        analysis(AnalysisKey<String>("language.setText")) { () -> String in
            var seen = Set<String>()
            var out = ""
            for v in set.variants { for u in textUnits(v) where seen.insert(u.text).inserted { out += WordScanner.lower(u.text); out += "\n" } }
            return out
        }
    }

    /// Records a note (see `RuleNote`); repeated notes are kept once.
    package func note(_ rule: String, _ variant: Variant, _ message: String) {
        addNote(RuleNote(rule: rule, variant: variant.id, message: message))
    }
}
