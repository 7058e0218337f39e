import CrossCheckCore

/// Sets a parsed document's language, and the language of each section whose own words point
/// to another one (a quoted poem, a translated passage).
package enum LanguageInference {
    /// Words counted per section: enough to decide, few enough to stay cheap on long sections.
    static let sectionWordLimit: Int32 = 60

    /// Infers `document.language` (unless already declared) and the sections' languages.
    ///
    /// With `previous` (an earlier revision, as an incremental parse has it), the sections both
    /// share at the start and at the end (same sentences) take the votes counted there.
    package static func apply(to document: inout Document, previous: Document? = nil) {
        var total = LanguageVotes()
        var perSection: [LanguageVotes] = []
        perSection.reserveCapacity(document.sections.count)
        let reuse = reusableVotes(document, previous)
        // By index: sections and sentences copied out cost their arrays' retains.
        for i in document.sections.indices {
            if let v = reuse(i) {
                total += v
                perSection.append(v)
                continue
            }
            var v = LanguageVotes()
            for k in document.sections[i].sentences.indices {
                LanguageDetector.count(document.sections[i].sentences[k].text, into: &v, wordLimit: sectionWordLimit)
                if v.wordCount > sectionWordLimit { break }
            }
            total += v
            perSection.append(v)
        }
        var kept: [Int: LanguageVotes] = [:]
        for (i, v) in perSection.enumerated() where v.wordCount >= 20 { kept[i] = v }
        document.sectionVotes = kept
        // A document of fields only (an infobox, front matter) votes with its values.
        if total.wordCount < 20 {
            for f in document.fields { LanguageDetector.count(f.value, into: &total) }
        }
        if document.languageEvidence != .declared {
            let guess = document.format == .wikitext
                ? LanguageDetector.decide(total, wikitext: document.source.bytes)
                : LanguageDetector.decide(total)
            document.language = guess?.code
            document.languageEvidence = guess?.evidence
        }
        // A section whose own words clearly point elsewhere keeps its own language.
        for i in document.sections.indices {
            let v = perSection[i]
            guard let g = LanguageDetector.decide(v, minimumHits: 60), g.code != document.language else { continue }
            // Several times more hits than the document's language in that section.
            if let doc = document.language, let di = LanguageDetector.languages.firstIndex(where: { $0.code == doc }),
                let gi = LanguageDetector.languages.firstIndex(where: { $0.code == g.code }), v.words[gi] < v.words[di] * 3
            {
                continue
            }
            document.sections[i].language = g.code
        }
    }

    /// The votes `previous` counted for the sections `document` shares with it at the start and
    /// at the end (by index in `document`), or nil for a section to count.
    static func reusableVotes(_ document: Document, _ previous: Document?) -> (Int) -> LanguageVotes? {
        guard let previous, !previous.sectionVotes.isEmpty else { return { _ in nil } }
        let (head, tail) = document.sharedSections(with: previous)
        let votes = previous.sectionVotes
        let newCount = document.sections.count, oldCount = previous.sections.count
        return { i in
            if i < head { return votes[i] }
            if i >= newCount - tail { return votes[i - newCount + oldCount] }
            return nil as LanguageVotes?
        }
    }
}
