import Foundation
import CrossCheckCore
import CrossCheckAnalysis

/// `unsupported-claim`: a summary statement that no revision or source supports.
package struct UnsupportedClaimRule: Rule {
    package static let description = RuleDescription(
        id: "unsupported-claim", name: "Unsupported claim", severity: .warning,
        summary: "A summary statement with specific values (names, places, numbers, dates) that no revision or source supports.",
        rationale: """
            A digest should only say what its article (or a source) says. For every summary variant, \
            its claims that no other rule compares (founding date, listing, listing events) must agree \
            with a claim of some revision or source; and each statement's specific values (capitalised \
            names and places, numbers) are looked up in the text of every revision and source. Names are \
            capitalised words never written in lower case anywhere in the set (so "Cloud Services" is \
            not a name) and not short acronyms. A statement is reported when at least two of its \
            specific values appear nowhere else. Figures are left to `unsourced-figure` and contradictions to the conflict \
            rules; findings are grouped per summary section.
            """,
        triggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-04", format: .plaintext, """
                    Brackenridge Cycles makes touring bicycles in Alderford.

                    The company sells through dealers in Norway and Chile.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Brackenridge Cycles

                    ## Partners
                    - **Retail**: Velotorg, Pedalhaus, Kettering Sports

                    ## Markets
                    The company sells through dealers in Norway and Chile.
                    """), expect: "Velotorg"),
        ],
        nonTriggering: [
            // Names spelled with or without diacritics, and legal forms, are the same names.
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-04", format: .plaintext, """
                    Brackenridge Cycles Inc. makes touring bicycles in Zürich. It was founded by Ramon Ibáñez.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Brackenridge Cycles

                    ## Overview
                    Brackenridge Cycles Incorporated was started in Zurich by Ramón Ibanez.
                    """)),
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-04", format: .plaintext, """
                    Brackenridge Cycles makes touring bicycles in Alderford. It was founded in 1987.

                    The company sells through dealers in Norway and Chile, including Velotorg and Pedalhaus.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Brackenridge Cycles

                    ## Company Info
                    - **Founded**: 1987
                    - **Retail**: Velotorg, Pedalhaus

                    ## Markets
                    Brackenridge Cycles sells through dealers in Norway and Chile.
                    """)),
            // Another way of writing the same name: a country's abbreviation and demonym, initials.
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-04", format: .plaintext, """
                    Brackenridge Cycles makes touring bicycles. It sells them through American dealers and exports to the U.S. market, and it joined the EFA in 2019.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Brackenridge Cycles

                    ## Markets
                    Brackenridge Cycles sells bicycles in the United States and is a member of the European Frame Association.
                    """)),
            // A title-case label is a heading, not a claim.
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2022-04", format: .plaintext, """
                    Brackenridge Cycles makes touring bicycles in Alderford.
                    """),
                ExampleFile("sum.md", role: .summary, date: "2023", """
                    # Brackenridge Cycles

                    ## Overview
                    - Frame Building And Wheel Truing Workshops
                    - Brackenridge Cycles makes touring bicycles in Alderford.
                    """)),
        ])

    package init() {}

    /// Capitalised words that are not names (sentence openers, months, common abbreviations).
    static let commonCapitalised: Set<String> = [
        "the", "a", "an", "in", "on", "at", "of", "and", "or", "for", "with", "from", "by", "to", "its", "it", "this",
        "that", "these", "those", "as", "is", "are", "was", "were", "has", "have", "its", "their", "his", "her",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "ai", "ceo", "cto", "ipo", "r", "d", "inc", "ltd", "co", "corp", "company", "group", "i", "ii", "iii",
        // Legal forms: "Acme Inc." and "Acme Incorporated" name the same company.
        "incorporated", "corporation", "limited", "llc", "plc", "gmbh", "ag", "sa", "nv", "bv", "llp", "lp", "pty", "kk",
        "major", "global", "international", "national", "key", "core", "smart", "new", "other", "some", "many",
        "despite", "including", "like", "e", "g", "eg", "ie", "us", "u", "s", "no", "not",
    ]

    /// A word with Latin diacritics removed ("zürich" -> "zurich"); other scripts as written.
    static func folded(_ w: String) -> String {
        guard w.utf8.contains(where: { $0 >= 0x80 }),
            w.unicodeScalars.allSatisfy({ $0.value < 0x0250 || ($0.value >= 0x1E00 && $0.value < 0x1F00) })
        else { return w }
        return w.folding(options: .diacriticInsensitive, locale: nil)
    }

    /// The statement without a leading "Label:" of a list item.
    static func body(_ text: String, isListItem: Bool) -> String {
        guard isListItem, let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 40 else { return text }
        return String(text[text.index(after: colon)...])
    }

    /// Specific terms of a statement: numbers with digits, and capitalised words used as names
    /// (never written in lower case anywhere in the set, not short acronyms, not the first word of
    /// running prose).
    static func terms(_ text: String, isListItem: Bool, subject: Set<String>, lowercaseWords: Set<String>) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "." && $0 != "," })
        for (i, raw) in words.enumerated() {
            let w = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".,'"))
            guard let first = w.first else { continue }
            let lower = w.lowercased()
            if first.isNumber {
                let digits = w.filter(\.isNumber)
                guard digits.count >= 2, !(digits.count == 4 && (1800...2100).contains(Int(digits) ?? 0)) else { continue }
                if seen.insert(digits).inserted { out.append(digits) }
                continue
            }
            // The first word opens a sentence, unless the item is a list of names ("A, B, C").
            guard first.isUppercase, i > 0 || (isListItem && text.contains(",")), w.count > 1 else { continue }
            if w.count <= 5, w == w.uppercased() { continue }  // acronym
            let base = lower.hasSuffix("'s") ? String(lower.dropLast(2)) : lower
            if commonCapitalised.contains(base) || subject.contains(base) || lowercaseWords.contains(base) { continue }
            if seen.insert(base).inserted { out.append(w.hasSuffix("'s") ? String(w.dropLast(2)) : w) }
        }
        return out
    }

    /// Common names of countries with their abbreviations and demonyms: general knowledge, so that
    /// a digest saying "United States" is supported by revisions saying "U.S." or "American".
    static let equivalentNames: [[String]] = [
        ["united states", "u.s.", "us", "usa", "u.s.a.", "america", "american", "americans"],
        ["united kingdom", "u.k.", "uk", "britain", "great britain", "british"],
        ["european union", "e.u.", "eu"], ["united nations", "u.n.", "un"],
        ["soviet union", "ussr", "u.s.s.r.", "soviet", "soviets"], ["people's republic of china", "prc", "china", "chinese"],
        ["germany", "german", "germans"], ["france", "french"], ["spain", "spanish"], ["italy", "italian", "italians"],
        ["japan", "japanese"], ["russia", "russian", "russians"], ["india", "indian", "indians"], ["canada", "canadian", "canadians"],
        ["australia", "australian", "australians"], ["netherlands", "dutch", "holland"], ["norway", "norwegian"], ["sweden", "swedish"],
        ["switzerland", "swiss"], ["mexico", "mexican"], ["brazil", "brazilian"], ["argentina", "argentine", "argentinian"],
        ["chile", "chilean"], ["south korea", "korean", "korea"], ["ireland", "irish"], ["scotland", "scottish", "scots"],
        ["england", "english"], ["wales", "welsh"], ["new zealand", "new zealander"], ["south africa", "south african"],
        ["poland", "polish"], ["greece", "greek"], ["turkey", "turkish"], ["egypt", "egyptian"], ["israel", "israeli"],
    ]

    /// The lower-cased terms of a statement that another way of writing the same name supports:
    /// a listed country form or demonym the revisions use, or a run of capitalised words whose
    /// initials the revisions write as an abbreviation.
    static func supportedByEquivalent(_ terms: [String], statement: String, corpus: Set<String>) -> Set<String> {
        var out = Set<String>()
        let lower = " " + statement.lowercased().map { $0.isLetter || $0 == "." || $0 == "'" ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        func written(_ form: String, in text: String) -> Bool { text.contains(" " + form + " ") || text.contains(" " + form + ". ") }
        func inCorpus(_ form: String) -> Bool {
            let parts = form.split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
            if form.contains(".") { return corpus.contains(parts.joined()) || parts.allSatisfy { corpus.contains($0) } }
            return parts.allSatisfy { corpus.contains($0) }
        }
        for group in equivalentNames {
            let here = group.filter { written($0, in: lower) }
            guard !here.isEmpty, group.contains(where: { !here.contains($0) && inCorpus($0) }) else { continue }
            for form in here { for w in form.split(separator: " ") { out.insert(String(w)) } }
        }
        // Initials: "European Central Bank" beside "ECB" (a run of capitalised words side by side).
        var run: [String] = []
        func flush() {
            if run.count >= 2, corpus.contains(run.map { String($0.prefix(1)) }.joined()) { run.forEach { out.insert($0) } }
            run = []
        }
        for w in statement.split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
            if w.first?.isUppercase == true { run.append(w.lowercased()) } else { flush() }
        }
        flush()
        return out
    }

    /// True for a heading-like label in title case ("Research And Development Centers"): every word
    /// of two or more capitalised (short function words aside), no digits, no sentence end.
    static func isTitleCaseLabel(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        // A list of names ("A, B, C") or a "Key: value" line is not a heading.
        guard words.count >= 2, words.count <= 8, !text.contains(where: { $0.isNumber || $0 == "," || $0 == ":" || $0 == ";" }), !text.hasSuffix(".") else { return false }
        return words.allSatisfy { w in (w.first?.isUppercase ?? false) || ["of", "and", "the", "for", "in", "on", "to", "a", "an", "&"].contains(w.lowercased()) }
    }

    /// True when `word` is two known words fused at a shared letter ("asiand" = "asia" + "and")
    /// or simply joined ("ainfrastructure" = "ai" + "infrastructure").
    static func looksFused(_ word: String, known: (String) -> Bool) -> Bool {
        let cs = Array(word)
        guard cs.count >= 5 else { return false }
        for k in 1..<(cs.count - 1) {
            let head = String(cs[0...k])
            guard known(head) else { continue }
            if known(String(cs[k...])) && cs.count - k >= 3 { return true }  // shared letter
            if k + 1 < cs.count, cs.count - k - 1 >= 3, known(String(cs[(k + 1)...])) { return true }  // plain join
        }
        return false
    }

    package func check(_ context: RuleContext) -> [Finding] {
        let set = context.set
        let summaries = set.variants.filter { $0.document.role == .summary }
        guard !summaries.isEmpty else { return [] }
        let others = set.variants.filter { $0.document.role != .summary }
        guard !others.isEmpty else { return [] }
        let claimSet = context.claims
        // Words of every revision and source.
        let corpus: Set<String> = context.analysis(AnalysisKey<Set<String>>("unsupported-claim.corpus")) {
            var words = Set<String>()
            func add(_ s: String) {
                let b = Array(s.utf8)
                let toks = FactTokenizer.tokens(b)
                var digits = ""
                var lastNumberEnd = -1
                for (k, t) in toks.enumerated() {
                    switch t.kind {
                    case .word:
                        let w = FactTokenizer.lower(b, t)
                        words.insert(w)
                        if w.utf8.contains(where: { $0 >= 0x80 }) { words.insert(Self.folded(w)) }
                        if w.hasSuffix("'s") { words.insert(String(w.dropLast(2))) }
                        // Transliterations written with or without an apostrophe ("Qur'an", "Quran").
                        if w.utf8.contains(0x27) { words.insert(String(w.filter { $0 != "'" })) }
                    case .number:
                        // "1,139,430" and "16.2" are one number: join digit runs split by , or . inside it.
                        let joined = k > 1 && t.start == lastNumberEnd + 1 && (b[lastNumberEnd] == 0x2C || b[lastNumberEnd] == 0x2E)
                        let run = String(decoding: b[t.start..<t.end], as: UTF8.self)
                        digits = joined ? digits + run : run
                        words.insert(digits)
                        lastNumberEnd = t.end
                    case .punct:
                        break
                    }
                }
            }
            for v in others {
                for f in v.document.fields { add(f.value) }
                for s in v.document.sections { for t in s.sentences { add(t.text) } }
            }
            return words
        }
        // Words written in lower case anywhere in the set: common words, not names.
        let lowercaseWords: Set<String> = context.analysis(AnalysisKey<Set<String>>("unsupported-claim.lowercase")) {
            var words = Set<String>()
            for v in set.variants {
                for s in v.document.sections {
                    for t in s.sentences {
                        let b = Array(t.text.utf8)
                        for tok in FactTokenizer.tokens(b) where tok.kind == .word && b[tok.start] >= 0x61 && b[tok.start] <= 0x7A {
                            words.insert(String(decoding: b[tok.start..<tok.end], as: UTF8.self))
                        }
                    }
                }
            }
            return words
        }
        var out: [Finding] = []
        for v in summaries {
            let name = Chronology.shortName(v.id, in: set)
            let subject = Set((v.document.title ?? set.subject ?? "").lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
            // Claims no other rule compares.
            let otherClaims = others.flatMap { claimSet.claims($0.id) }
            for c in claimSet.claims(v.id) where [.founded, .event, .listing].contains(c.attribute) {
                let same = otherClaims.filter { $0.attribute == c.attribute }
                if same.contains(where: { $0.value.agrees(with: c.value) }) { continue }
                let message = same.isEmpty
                    ? "\(name) states \(c.attribute.rawValue) \(c.value) but no revision or source does"
                    : "\(name) states \(c.attribute.rawValue) \(c.value) but the revisions and sources say \(AttributeJudge.distinct(same).joined(separator: " / "))"
                out.append(
                    Finding(
                        rule: Self.description.id, severity: Self.description.severity, kind: same.isEmpty ? .problem : .conflict,
                        message: message, evidence: [c.evidence] + same.prefix(3).map(\.evidence), values: [c.value.description],
                        likelyWrong: v.id, explanation: "A summary should only state what its article or a source states.",
                        fingerprintParts: ["claim", c.attribute.rawValue, c.value.description, v.id]))
            }
            // Founders that another variant also names are compared by founder-conflict; their lines
            // are not unsupported statements.
            let comparedFounderLines: Set<Int> = otherClaims.contains { $0.attribute == .founders }
                ? Set(claimSet.claims(v.id).filter { $0.attribute == .founders }.map(\.line)) : []
            // Statements with specific values found nowhere else, grouped per section.
            var bySection: [(section: [String], items: [(Evidence, [String])])] = []
            for section in v.document.sections {
                var items: [(Evidence, [String])] = []
                for s in section.sentences where !comparedFounderLines.contains(s.line) {
                    let terms = Self.terms(
                        Self.body(s.text, isListItem: s.isListItem), isListItem: s.isListItem, subject: subject, lowercaseWords: lowercaseWords)
                    guard !terms.isEmpty, !Self.isTitleCaseLabel(s.text) else { continue }
                    // Names the revisions write another way: a country by its abbreviation or
                    // demonym ("United States", "U.S.", "American"), words by their initials
                    // ("European Union", "EU").
                    let equivalent = Self.supportedByEquivalent(terms, statement: s.text, corpus: corpus)
                    // A word fused from two known words ("Asiand") is a typo for merged-words, not a new name.
                    let missing = terms.filter { t in
                        let l = t.lowercased()
                        if equivalent.contains(l) { return false }
                        return !corpus.contains(l) && !corpus.contains(Self.folded(l)) && !Self.looksFused(l) { corpus.contains($0) || lowercaseWords.contains($0) }
                    }
                    // Figures are unsourced-figure's concern.
                    let quantities = QuantityNormalizer.quantities(in: s.text).filter { $0.kind != .ordinal }
                    let missingNames = missing.filter { t in !(t.first?.isNumber ?? false) || quantities.isEmpty }
                    guard missingNames.count >= 2 else { continue }
                    var e = StatementAlignment.evidence(v, section, s, value: missingNames.joined(separator: ", "))
                    e.value = missingNames.joined(separator: ", ")
                    items.append((e, missingNames))
                }
                if !items.isEmpty { bySection.append((section.path, items)) }
            }
            for (path, items) in bySection {
                let heading = path.last ?? "(lead)"
                let terms = items.flatMap(\.1)
                let shown = terms.prefix(6).joined(separator: ", ") + (terms.count > 6 ? ", …" : "")
                out.append(
                    Finding(
                        rule: Self.description.id, severity: Self.description.severity, kind: .problem,
                        message: "\(name) section \"\(heading)\": \(items.count) statement\(items.count == 1 ? "" : "s") with values no revision or source mentions (\(shown))",
                        evidence: items.map(\.0), values: terms, likelyWrong: v.id,
                        explanation: "None of these names or numbers appears in any revision or source; they may be invented or come from elsewhere.",
                        fingerprintParts: ["statements", path.joined(separator: "/"), v.id] + terms.sorted()))
            }
        }
        return out
    }
}
