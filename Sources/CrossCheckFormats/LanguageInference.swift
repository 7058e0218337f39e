import CrossCheckCore

/// Sets a parsed document's language, and the language of each section whose own words point
/// to another one (a quoted poem, a translated passage).
package enum LanguageInference {
    /// Words counted per section: enough to decide, few enough to stay cheap on long sections.
    static let sectionWordLimit: Int32 = 60

    /// Infers `document.language` (unless already declared) and the sections' languages.
    package static func apply(to document: inout Document) {
        var total = LanguageVotes()
        var perSection: [LanguageVotes] = []
        perSection.reserveCapacity(document.sections.count)
        for s in document.sections {
            var v = LanguageVotes()
            for t in s.sentences {
                LanguageDetector.count(t.text, into: &v, wordLimit: sectionWordLimit)
                if v.wordCount > sectionWordLimit { break }
            }
            total += v
            perSection.append(v)
        }
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
}
