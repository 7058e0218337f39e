import CrossCheckCore
import CrossCheckAnalysis
/// `number-conflict`: the same statement carries different numbers or amounts in two variants.
package struct NumberConflictRule: Rule {
    package static let description = RuleDescription(
        id: "number-conflict", name: "Number conflict", severity: .warning,
        summary: "The same statement (aligned sentences) carries different numbers or amounts in two variants.",
        rationale: """
            When two variants make the same statement, their numbers must agree. Sentences are aligned \
            between consecutive revisions and between each summary or source and its revision; numbers \
            are compared after normalisation, so "nine papers" equals "9 papers" and "valued at over \
            $7.7 billion" agrees with "valued at $7.7 billion" (a bound is not a contradiction), and each \
            variant's numbers are read in its language ("1.234" is a thousand and more in German text, \
            "2,5 Mio." two and a half million). A \
            number is paired only with one of the same kind (count, percentage, money) that has no \
            agreeing partner; the same amount in two currencies is left to `currency-mismatch`. \
            Differences between revisions are edits: a warning when the statement keeps its citation, \
            since the source no longer says what the text says, and information when it has none (an \
            uncited figure was the editor's word before and after) or the edit also changes the citation. Figures for different years are different \
            statements, and counts of different things ("two colleagues", "over 30 libraries") are \
            not paired. A summary's or source's figure field is compared with the same field of its \
            revision when both are for the same year ("Population (2020)" and "population_total" \
            with "population_as_of").
            """,
        triggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-06", format: .plaintext, """
                    The Harrow Orchestra was formed by local teachers.

                    In 2012, the orchestra gave 42 concerts in the region, more than any other ensemble.
                    """),
                ExampleFile("sum.txt", role: .summary, date: "2021", format: .plaintext, """
                    The Harrow Orchestra was formed by local teachers.

                    In 2012, the orchestra gave 24 concerts in the region, more than any other ensemble.
                    """), expect: "24"),
        ],
        nonTriggering: [
            RuleExample(
                ExampleFile("rev.txt", role: .revision, date: "2020-06", format: .plaintext, """
                    In 2012, the orchestra gave nine concerts and was valued at over $2.5 million by its insurers.
                    """),
                ExampleFile("sum.txt", role: .summary, date: "2021", format: .plaintext, """
                    In 2012, the orchestra gave 9 concerts and was valued at $2.5 million by its insurers.
                    """)),
        ])

    package init() {}

    package func check(_ context: RuleContext) -> [Finding] {
        var differences: [StatementAlignment.Difference] = []
        func differ(_ st: AlignedStatement, _ x: Quantity, _ y: Quantity) {
            differences.append(
                StatementAlignment.Difference(
                    st, x.description, y.description, shownA: QuantityNormalizer.readable(x), shownB: QuantityNormalizer.readable(y)))
        }
        for st in context.statementPairs {
            let qa = QuantityNormalizer.quantities(in: st.sentenceA.text, decimalComma: QuantityNormalizer.decimalComma(st.a.document.language)).filter { $0.kind != .ordinal }
            let qb = QuantityNormalizer.quantities(in: st.sentenceB.text, decimalComma: QuantityNormalizer.decimalComma(st.b.document.language)).filter { $0.kind != .ordinal }
            guard !qa.isEmpty, !qb.isEmpty else { continue }
            // A figure for another year ("12,400 at the 2010 census" vs "13,950 at the 2020 census")
            // is a different statement, not a contradiction.
            let ya = Self.years(in: st.sentenceA.text), yb = Self.years(in: st.sentenceB.text)
            if !ya.subtracting(yb).isEmpty, !yb.subtracting(ya).isEmpty { continue }
            // Same amount in another currency is currency-mismatch's concern.
            let ua = qa.filter { x in !qb.contains { Self.matches($0, x) } }
            let ub = qb.filter { y in !qa.contains { Self.matches($0, y) } }
            for kind in [Quantity.Kind.count, .percent, .money] {
                let a = ua.filter { $0.kind == kind }, b = ub.filter { $0.kind == kind }
                guard !a.isEmpty, !b.isEmpty else { continue }
                if a.count == 1, b.count == 1 {
                    // Two counts of different things ("two colleagues", "over 30 libraries") are
                    // two statements.
                    if kind == .count, !Self.countSameThing(a[0], b[0]) { continue }
                    differ(st, a[0], b[0])
                    continue
                }
                // Several: pair counts that count the same thing.
                for x in a where kind == .count {
                    let words = Set(x.following.filter { $0.count > 2 })
                    let match = b.filter { $0.following.contains { words.contains($0) } }
                    if match.count == 1 { differ(st, x, match[0]) }
                }
            }
        }
        return StatementAlignment.findings(
            rule: Self.description.id, severity: Self.description.severity, noun: "Number", set: context.set, differences: differences)
            + Self.fieldFindings(context.set) + Self.parameterFindings(context, dates: false)
    }

    /// Template parameters (infobox fields, match boxes, table rows) whose figure or date an edit
    /// changed between consecutive wikitext revisions: a warning when the parameter's references
    /// are unchanged, information when it has none or the edit changes them too.
    ///
    /// `dates` selects the date changes (for `date-conflict`), else the figure changes. A value
    /// whose dates changed is a date change only.
    static func parameterFindings(_ context: RuleContext, dates: Bool) -> [Finding] {
        let set = context.set
        let all: [(Variant, Variant, [ParameterChange])] = context.analysis(AnalysisKey<[(Variant, Variant, [ParameterChange])]>("number-conflict.parameterChanges")) {
            let revs = set.revisions
            return zip(revs, revs.dropFirst()).map { ($0, $1, ParameterChanges.changes($0.document, $1.document)) }
        }
        var out: [Finding] = []
        for (a, b, changes) in all {
            let na = Chronology.shortName(a.id, in: set), nb = Chronology.shortName(b.id, in: set)
            for c in changes {
                let da = DateNormalizer.mentions(in: c.old).map(\.date).filter { $0.year != 0 }
                let db = DateNormalizer.mentions(in: c.new).map(\.date).filter { $0.year != 0 }
                let ua = da.filter { x in !db.contains { DateConflictRule.agree($0, x) } }
                let ub = db.filter { y in !da.contains { DateConflictRule.agree($0, y) } }
                let dateChanged = ua.count == 1 && ub.count == 1
                let qa = QuantityNormalizer.quantities(in: c.old, decimalComma: QuantityNormalizer.decimalComma(a.document.language)).filter { $0.kind != .ordinal }
                let qb = QuantityNormalizer.quantities(in: c.new, decimalComma: QuantityNormalizer.decimalComma(b.document.language)).filter { $0.kind != .ordinal }
                let xa = qa.filter { x in !qb.contains { $0.sameAmount(as: x) } }
                let xb = qb.filter { y in !qa.contains { $0.sameAmount(as: y) } }
                let numberChanged = xa.count == 1 && xb.count == 1 && xa[0].kind == xb[0].kind
                // A figure and its year changed together ("140 (2015)" -> "420 (2021)") is the
                // figure restated: a number change only.
                var shown: (String, String, String, String)? = nil  // key a, key b, shown a, shown b
                if dates {
                    guard dateChanged, !numberChanged else { continue }
                    shown = (ua[0].description, ub[0].description, ua[0].description, ub[0].description)
                } else {
                    guard numberChanged else { continue }
                    shown = (xa[0].description, xb[0].description, QuantityNormalizer.readable(xa[0]), QuantityNormalizer.readable(xb[0]))
                }
                guard let (ka, kb, sa, sb) = shown else { continue }
                let resourced = Set(c.oldReferences) != Set(c.newReferences)
                // A template whose stamp ("update", "population_as_of") the same edit moves restates
                // its figures for a new date: standings, statistics, a new census.
                let stamps = ParameterChanges.isStamp(c.key) ? [c.key] : ParameterChanges.stampKeys(line: c.newLine - 1, in: b.document)
                let refreshed = !resourced && changes.contains { stamps.contains($0.key) }
                let updated = resourced || refreshed
                let noun = dates ? "Date" : "Number"
                let how = resourced
                    ? "updated with a new citation"
                    : refreshed ? "restated with a new \(ParameterChanges.isStamp(c.key) ? "date stamp" : "date stamp (\(stamps.sorted().joined(separator: ", ")))")"
                    : (c.newReferences.isEmpty ? "changed with no citation" : "changed under an unchanged citation")
                let stale = !updated && !stamps.isEmpty ? " The template's \(stamps.sorted().joined(separator: ", ")) was left unchanged." : ""
                let why = resourced
                    ? "The edit changes the value and the reference behind it."
                    : "The edit moves the template's date stamp with it: the figures are restated for a new date."
                let why2 = updated ? why : (c.newReferences.isEmpty
                        ? "The edit changes the value and gives no source for the new one."
                        : "The edit changes the value but not the reference after it: the source no longer says what the text says.") + stale
                let rule = dates ? DateConflictRule.description : NumberConflictRule.description
                out.append(
                    Finding(
                        rule: rule.id, severity: updated || c.newReferences.isEmpty ? .info : rule.severity, kind: .change,
                        message: "\(noun) \(how) in parameter \(c.key): \(sa) (\(na)) -> \(sb) (\(nb))",
                        evidence: [
                            Evidence(variant: b.id, path: b.document.path, line: c.newLine, section: "", text: Evidence.trim(c.newText), value: sb),
                            Evidence(variant: a.id, path: a.document.path, line: c.oldLine, section: "", text: Evidence.trim(c.oldText), value: sa),
                        ],
                        values: [sa, sb], explanation: updated ? why : why2,
                        fingerprintParts: ["parameter", c.key, ka, kb, a.id, b.id]))
            }
        }
        return mergedByLine(out)
    }

    /// One finding per edited line and kind of change: a table row whose edit changes several
    /// parameters ("win", "gf") is one edit, listed once with each parameter's change.
    static func mergedByLine(_ findings: [Finding]) -> [Finding] {
        var groups: [String: [Finding]] = [:]
        var order: [String] = []
        for f in findings {
            let how = f.message.components(separatedBy: " in parameter ").first ?? f.message
            let key = [f.evidence.first?.path ?? "", String(f.evidence.first?.line ?? 0), f.severity.rawValue, how].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        return order.compactMap { key -> Finding? in
            guard let fs = groups[key], let first = fs.first else { return nil }
            guard fs.count > 1 else { return first }
            let how = first.message.components(separatedBy: " in parameter ").first ?? first.message
            let parts = fs.map { f -> String in
                let rest = f.message.components(separatedBy: " in parameter ").dropFirst().joined(separator: " in parameter ")
                return rest
            }
            let plural = how.replacingOccurrences(of: "Number ", with: "Numbers ").replacingOccurrences(of: "Date ", with: "Dates ")
            return Finding(
                rule: first.rule, severity: first.severity, kind: first.kind,
                message: plural + " in parameters " + parts.joined(separator: "; "), evidence: first.evidence,
                values: fs.flatMap(\.values), explanation: first.explanation, fingerprintParts: fs.map(\.fingerprint))
        }
    }

    /// Figures in a summary's or source's fields that contradict the same field of its reference
    /// revision ("Population (2020): 24,050" against "population_total = 23,050").
    ///
    /// Keys are matched by `DateConflictRule.fieldConcept`. A field whose key or value names a
    /// year ("Population (2010)") is compared only when the revision dates its field to the same
    /// year (a "population_as_of" field, or a year in the value). Only one figure on each side,
    /// of the same kind, is compared.
    static func fieldFindings(_ set: VariantSet) -> [Finding] {
        var out: [Finding] = []
        for (ref, v) in StatementAlignment.variantPairs(set) where !Chronology.isEdit(ref, v) {
            var refFields: [String: [Field]] = [:]
            for f in ref.document.fields { refFields[DateConflictRule.fieldConcept(f.key), default: []].append(f) }
            for f in v.document.fields {
                let concept = DateConflictRule.fieldConcept(f.key)
                guard !concept.isEmpty, let others = refFields[concept], others.count == 1, let g = others.first else { continue }
                let qa = QuantityNormalizer.quantities(in: g.value, decimalComma: QuantityNormalizer.decimalComma(ref.document.language)).filter { $0.kind != .ordinal }
                let qb = QuantityNormalizer.quantities(in: f.value, decimalComma: QuantityNormalizer.decimalComma(v.document.language)).filter { $0.kind != .ordinal }
                guard qa.count == 1, qb.count == 1, qa[0].kind == qb[0].kind, !matches(qa[0], qb[0]) else { continue }
                // The year the figure is for, on each side.
                let yb = years(in: f.key).union(years(in: f.value))
                var ya = years(in: g.value)
                let head = concept.split(separator: " ").first.map(String.init) ?? concept
                for h in ref.document.fields {
                    let words = DateConflictRule.fieldConcept(h.key).split(separator: " ").map(String.init)
                    if words.first == head, words.contains("as") || words.contains("year") || words.contains("census") {
                        ya.formUnion(years(in: h.value))
                    }
                }
                if !yb.isEmpty || !ya.isEmpty { guard !yb.isEmpty, !ya.isEmpty, !ya.isDisjoint(with: yb) else { continue } }
                let na = Chronology.shortName(ref.id, in: set), nb = Chronology.shortName(v.id, in: set)
                func evidence(_ w: Variant, _ field: Field, _ value: String) -> Evidence {
                    Evidence(
                        variant: w.id, path: w.document.path, line: field.line, section: field.section.joined(separator: " > "),
                        text: Evidence.trim(field.key + ": " + field.value), value: value)
                }
                let a = qa[0].description, b = qb[0].description
                let ra = QuantityNormalizer.readable(qa[0]), rb = QuantityNormalizer.readable(qb[0])
                out.append(
                    Finding(
                        rule: description.id, severity: description.severity, kind: .conflict,
                        message: "Number differs in the same field (\(f.key)): \(rb) (\(nb)) vs \(ra) (\(na))",
                        evidence: [evidence(v, f, rb), evidence(ref, g, ra)],
                        values: [rb, ra], likelyWrong: v.id,
                        explanation: "\(nb) is a \(Chronology.role(v)) and disagrees with revision \(na) of its time.",
                        fingerprintParts: ["field", concept, a, b, ref.id, v.id]))
            }
        }
        return out
    }

    /// True when `x` and `y` may be the same number: the same amount, or agreeing values that,
    /// when the text bounds either, count the same thing ("over 30 libraries" does not account
    /// for "45 people").
    static func matches(_ x: Quantity, _ y: Quantity) -> Bool {
        if x.sameAmount(as: y) { return true }
        guard x.agrees(with: y) else { return false }
        guard x.kind == .count, x.bound != .exact || y.bound != .exact else { return true }
        let wx = Set(x.following.filter { $0.count > 2 }), wy = y.following.filter { $0.count > 2 }
        return wx.isEmpty || wy.isEmpty || wy.contains { wx.contains($0) }
    }

    /// False when both counts name what they count and the names share no word (after folding
    /// words for people: "residents", "inhabitants", "people").
    static func countSameThing(_ x: Quantity, _ y: Quantity) -> Bool {
        func nouns(_ q: Quantity) -> Set<String> {
            Set(q.following.filter { $0.count > 2 }.map { peopleWords.contains($0) ? "people" : $0 })
        }
        let wx = nouns(x), wy = nouns(y)
        return wx.isEmpty || wy.isEmpty || !wx.isDisjoint(with: wy)
    }

    /// Words that count people.
    static let peopleWords: Set<String> = [
        "people", "persons", "residents", "inhabitants", "population", "citizens", "individuals", "locals",
    ]

    /// True when both sentences are cited and share no source (by URL, else title, else name).
    static func resourced(_ a: Sentence, _ b: Sentence) -> Bool {
        func ids(_ s: Sentence) -> Set<String> {
            Set(s.citations.compactMap { c in c.url ?? c.title ?? c.name })
        }
        let ia = ids(a), ib = ids(b)
        return !ia.isEmpty && !ib.isEmpty && ia.isDisjoint(with: ib)
    }

    /// Four-digit years (1000-2099) standing alone in a sentence.
    static func years(in text: String) -> Set<Int> {
        var out: Set<Int> = []
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            guard b[i] >= 0x30 && b[i] <= 0x39 else { i += 1; continue }
            var j = i
            while j < b.count && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
            let before = i > 0 ? b[i - 1] : 0x20
            let after = j < b.count ? b[j] : 0x20
            if j - i == 4, before != 0x2C, before != 0x2E, after != 0x2C || j + 1 >= b.count || !(b[j + 1] >= 0x30 && b[j + 1] <= 0x39),
                after != 0x2E || j + 1 >= b.count || !(b[j + 1] >= 0x30 && b[j + 1] <= 0x39)
            {
                var v = 0
                for k in i..<j { v = v * 10 + Int(b[k] - 0x30) }
                if v >= 1000 && v <= 2099 { out.insert(v) }
            }
            i = j
        }
        return out
    }
}
