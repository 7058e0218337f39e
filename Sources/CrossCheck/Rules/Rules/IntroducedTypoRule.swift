/// `introduced-typo`: a word introduced by an edit that is one edit away from a word used elsewhere in the set.
public struct IntroducedTypoRule: Rule {
    public static let description = RuleDescription(
        id: "introduced-typo", name: "Introduced typo", severity: .warning,
        summary: "A word new in a revision is one keystroke away from a word the set uses more often.",
        rationale: """
            Edits introduce typos that spell-checkers miss because the word is a name or a term of art. \
            A word that first appears in a revision (absent from the previous revision), is not a common \
            English word, and is one edit (an insertion, deletion, substitution or swap of adjacent letters) \
            away from a word the variant set uses more often is most likely a misspelling of that word. \
            The intended word must be part of the article's own vocabulary (the previous revision or the \
            rest of the new one), so a name from an outside source one letter away does not count. \
            Plurals and other one-letter inflections ("model"/"models", "use"/"used") and s/z spelling \
            variants are not reported; words shorter than five letters are too ambiguous to judge.
            """,
        triggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Brightwater Labs builds water filters. Brightwater Labs was founded by two engineers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    Brightwater Labs builds water filters. Brightwatter Labs was founded by two engineers. Brightwater Labs opened a plant.
                    """), expect: "Brightwatter"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("old.txt", role: .revision, date: "2020-01", format: .plaintext, """
                    Brightwater Labs builds a water filter. Brightwater Labs was founded by two engineers.
                    """),
                ExampleFile("new.txt", role: .revision, date: "2021-01", format: .plaintext, """
                    Brightwater Labs builds water filters. Brightwater Labs was founded by two engineers and organized a modest launch.
                    """)),
            RuleExample(
                ExampleFile("only.txt", role: .revision, format: .plaintext, "Brightwatter Labs builds water filters, says Brightwater Labs.")),
        ])

    public init() {}

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    public func check(_ context: RuleContext) -> [Finding] {
        let set = context.set
        let stats = context.wordStats
        var findings: [Finding] = []
        for (bi, b) in set.variants.enumerated() where b.document.role == .revision {
            guard let a = set.previousRevision(of: b), let ai = set.index(of: a) else { continue }
            let before = stats.perVariant[ai]
            var seen: [String: (original: String, target: String, units: [(TextUnit, Int)])] = [:]
            var order: [String] = []
            var judged: [String: String?] = [:]
            for u in context.textUnits(b) {
                for w in WordScanner.words(in: u.text) where !w.inLinkOrCode && !w.hasDigit && w.isASCII {
                    let key = w.lowered
                    guard key.utf8.count >= 5, before[key] == nil else { continue }
                    let target: String?
                    if let j = judged[key] { target = j } else {
                        target = Self.likelyIntended(key, stats: stats, variant: bi, previous: ai)
                        judged[key] = target
                    }
                    guard let t = target else { continue }
                    if seen[key] == nil { order.append(key); seen[key] = (w.text, t, []) }
                    seen[key]?.units.append((u, context.line(b, u, textOffset: w.range.lowerBound)))
                }
            }
            for key in order {
                guard let hit = seen[key], let first = hit.units.first else { continue }
                var evidence = [context.evidence(b, first.0, line: first.1, value: hit.original)]
                let shown = Self.spelling(of: hit.target, in: set, context: context) ?? hit.target
                if let (v, u, line) = Self.firstUse(of: hit.target, in: set, preferring: a, context: context) {
                    evidence.append(context.evidence(v, u, line: line, value: shown))
                }
                let uses = stats.total[hit.target] ?? 0
                findings.append(Finding(
                    rule: Self.description.id, severity: Self.description.severity, kind: .change,
                    message: "\"\(hit.original)\" (new in \(b.id), line \(first.1)) is one edit away from \"\(shown)\", used \(uses) times in the set; likely a typo",
                    evidence: evidence, values: [hit.original, shown], likelyWrong: b.id,
                    fingerprintParts: [b.id, key, hit.target]))
            }
        }
        return findings
    }

    /// The more frequent word one edit away from `w`, when `w` looks like its misspelling.
    ///
    /// The intended word must belong to the article's own vocabulary: used in the previous revision
    /// or elsewhere in the new one (a name from an outside source one letter away is not a typo).
    static func likelyIntended(_ w: String, stats: WordStats, variant: Int, previous: Int) -> String? {
        if CommonWords.contains(w) { return nil }
        let mine = stats.total[w] ?? 0
        var best: (word: String, count: Int)? = nil
        for c in neighbours(w) where c != w {
            let count = stats.total[c] ?? 0
            guard count > mine, count >= 2 else { continue }
            guard (stats.perVariant[previous][c] ?? 0) > 0 || (stats.perVariant[variant][c] ?? 0) > 0 else { continue }
            guard !isInflection(w, c), !isSpellingVariant(w, c) else { continue }
            if count > (best?.count ?? 0) { best = (c, count) }
        }
        return best?.word
    }

    /// Every lower-case ASCII string one Damerau-Levenshtein edit from `w`.
    static func neighbours(_ w: String) -> Set<String> {
        let b = Array(w.utf8)
        var out = Set<String>()
        let n = b.count
        for i in 0..<n {  // deletions
            var c = b; c.remove(at: i); out.insert(String(decoding: c, as: UTF8.self))
        }
        for i in 0..<(n - 1) where b[i] != b[i + 1] {  // transpositions
            var c = b; c.swapAt(i, i + 1); out.insert(String(decoding: c, as: UTF8.self))
        }
        for i in 0..<n {  // substitutions
            for x in alphabet where x != b[i] {
                var c = b; c[i] = x; out.insert(String(decoding: c, as: UTF8.self))
            }
        }
        for i in 0...n {  // insertions
            for x in alphabet {
                var c = b; c.insert(x, at: i); out.insert(String(decoding: c, as: UTF8.self))
            }
        }
        return out
    }

    /// One word is the other plus a one-letter ending ("model"/"models", "use"/"used", "large"/"larger"),
    /// or the two differ only in their last letter ("joins"/"joint", "denied"/"denies").
    static func isInflection(_ x: String, _ y: String) -> Bool {
        if x.utf8.count == y.utf8.count, x.utf8.dropLast().elementsEqual(y.utf8.dropLast()) { return true }
        let (s, l) = x.utf8.count < y.utf8.count ? (x, y) : (y, x)
        guard l.utf8.count == s.utf8.count + 1, l.hasPrefix(s), let last = l.utf8.last else { return false }
        return [0x73, 0x64, 0x72, 0x6E, 0x79].contains(last)  // s d r n y
    }

    /// British/American spelling pairs differing by one s/z or c/s ("organise"/"organize", "licence"/"license").
    static func isSpellingVariant(_ x: String, _ y: String) -> Bool {
        let a = Array(x.utf8), b = Array(y.utf8)
        guard a.count == b.count else { return false }
        var diffs: [(UInt8, UInt8)] = []
        for i in a.indices where a[i] != b[i] { diffs.append((a[i], b[i])) }
        guard diffs.count == 1, let d = diffs.first else { return false }
        let pair = Set([d.0, d.1])
        return pair == Set([0x73, 0x7A]) || pair == Set([0x63, 0x73])
    }

    /// The most frequent original spelling of a lower-cased word in the set.
    static func spelling(of lowered: String, in set: VariantSet, context: RuleContext) -> String? {
        context.memo("typo.spelling." + lowered) {
            var counts: [String: Int] = [:]
            for v in set.variants {
                for u in context.textUnits(v) {
                    for w in WordScanner.words(in: u.text) where !w.inLinkOrCode && w.lowered == lowered { counts[w.text, default: 0] += 1 }
                }
            }
            return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        }
    }

    /// Where `lowered` is first used, in `preferred` when it uses it, else in the first variant that does.
    static func firstUse(of lowered: String, in set: VariantSet, preferring preferred: Variant, context: RuleContext) -> (Variant, TextUnit, Int)? {
        for v in [preferred] + set.variants {
            for u in context.textUnits(v) {
                for w in WordScanner.words(in: u.text) where !w.inLinkOrCode && w.lowered == lowered {
                    return (v, u, context.line(v, u, textOffset: w.range.lowerBound))
                }
            }
        }
        return nil
    }
}
