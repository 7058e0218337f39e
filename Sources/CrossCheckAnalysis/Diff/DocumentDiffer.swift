import CrossCheckCore
/// What happened to a section between two documents.
package enum SectionStatus: String, Sendable, Hashable, CaseIterable {
    case unchanged, changed, added, removed, moved, renamed
}

/// Which end of a move an operation belongs to.
package enum MoveRole: String, Sendable, Hashable {
    /// Where the passage was in the old document (a deletion).
    case origin
    /// Where the passage is in the new document (its inner edits against the origin).
    case destination
}

/// One word-level operation of a document diff, located in both source files.
///
/// Each operation lies inside one sentence on each side it touches. Sentence indices are within
/// the section of the pair (for a move's destination, the old side is the move's old section).
package struct EditOperation: Sendable, Hashable {
    package var kind: EditKind
    /// The tokens' text (plain text, from the old side for equal and delete).
    package var text: String
    package var oldSentence: Int?
    package var newSentence: Int?
    /// Byte range in the old sentence's plain text.
    package var oldTextRange: Range<Int>?
    package var newTextRange: Range<Int>?
    /// Byte range in the old source file.
    package var oldRange: Range<Int>?
    /// Byte range in the new source file.
    package var newRange: Range<Int>?
    /// 1-based line in the old source file (for an insertion: where it applies, when known).
    package var oldLine: Int?
    /// 1-based line in the new source file (for a deletion: where it applies, when known).
    package var newLine: Int?
    /// Index into `DocumentDiff.moves` when the operation is part of a move.
    package var move: Int?
    package var moveRole: MoveRole?
    /// True for an equal operation that is a whole unchanged sentence (context in reports).
    package var wholeSentence = false

    package init(kind: EditKind, text: String) { self.kind = kind; self.text = text }
}

/// A pair of aligned sections (or a section on one side only) and the edits between them.
package struct SectionDiff: Sendable, Hashable {
    package var status: SectionStatus
    /// Section index in the old document.
    package var old: Int?
    /// Section index in the new document.
    package var new: Int?
    package var oldPath: [String]?
    package var newPath: [String]?
    package var oldLine: Int?
    package var newLine: Int?
    /// Content similarity of the two sections (0...1; 1 for identical, 0 when one side is missing).
    package var similarity: Double
    /// The edit script in order (empty for unchanged sections).
    package var operations: [EditOperation]

    /// True when any operation is not `equal`.
    package var hasChanges: Bool { operations.contains { $0.kind != .equal } }
}

/// A run of consecutive sentences (a sentence or a paragraph) that moved, possibly between sections.
package struct MovedPassage: Sendable, Hashable {
    package var oldSection: Int
    package var newSection: Int
    /// Sentence indices within the old section.
    package var oldSentences: Range<Int>
    /// Sentence indices within the new section.
    package var newSentences: Range<Int>
    /// Mean similarity of the moved sentences to their origin (1 when moved verbatim).
    package var similarity: Double
    package var oldLine: Int
    package var newLine: Int
}

/// A key/value field that differs between two documents, with a word diff of its value.
package struct FieldChange: Sendable, Hashable {
    package var key: String
    /// Heading path of the section the field sits in (new side when present).
    package var section: [String]
    /// `added`, `removed` or `changed`.
    package var status: SectionStatus
    package var old: Field?
    package var new: Field?
    /// Word-level edits of the value (byte ranges are within the values' plain text).
    package var edits: [TextEdit]
}

/// A reference added to or removed from a statement or a field whose text may be unchanged:
/// deleting a `<ref>` is a change, never "No differences".
package struct ReferenceChange: Sendable, Hashable {
    /// `added` or `removed`.
    package var status: SectionStatus
    /// What the reference names: its URL, title, name, work or footnote mark ("" when it has none).
    package var label: String
    /// The sentence or `key: value` the reference is attached to, on its side.
    package var context: String
    /// Line of that sentence or field on its side (old for removed, new for added).
    package var line: Int
    package var section: [String]
}

/// The diff of two documents: aligned sections with their word-level edits, and moved passages.
package struct DocumentDiff: Sendable {
    package var oldPath: String
    package var newPath: String
    /// Section pairs in alignment order.
    package var sections: [SectionDiff]
    package var moves: [MovedPassage]
    /// True when a work bound made part of the diff coarser than minimal.
    package var coarse: Bool
    /// Key/value fields (infobox parameters, key lists, front matter) that were added, removed or
    /// changed; unchanged fields are not listed.
    package var fields: [FieldChange] = []
    /// References added or removed in aligned sections and paired fields.
    package var references: [ReferenceChange] = []

    /// True when the documents have the same sections and sentences.
    package var isEmpty: Bool {
        moves.isEmpty && fields.isEmpty && references.isEmpty && sections.allSatisfy { $0.status == .unchanged }
    }

    /// Number of sections per status.
    package var statusCounts: [SectionStatus: Int] {
        var c: [SectionStatus: Int] = [:]
        for s in sections { c[s.status, default: 0] += 1 }
        return c
    }
}

/// Diffs two documents hierarchically: sections, then sentences, then words.
///
/// Sections are paired by `SectionAligner`; inside a pair, sentences are diffed as whole-text ids
/// (Myers, so a typical edit leaves almost every sentence matched at once); only the stretches of
/// changed sentences are tokenised and diffed word by word, each under a work bound proportional to
/// its size (beyond it the stretch is reported as a replacement, never quadratic). Sentences that
/// disappear in one place and reappear elsewhere, also in another section, are reported as moves
/// with their inner edits.
package enum DocumentDiffer {
    /// The diff turning `old` into `new`.
    package static func diff(old: Document, new: Document) -> DocumentDiff {
        var d = Differ(old: old, new: new)
        return d.run()
    }
}

private struct Hunk {
    var pair: Int
    var a: Range<Int>
    var b: Range<Int>
}

private struct Candidate {
    var hunk: Int
    var section: Int
    var sentence: Int
}

private struct Differ {
    let old: Document
    let new: Document
    /// Sentence text ids (equal ids for equal texts), per sentence of both documents (-1 unknown).
    var texts = TextInterner()
    var textIDOf: [Int32]
    /// Tokens of the sentences of both documents (old is document 0, new is document 1), shared
    /// with the section aligner.
    var cache: SentenceTokenCache
    let oldProfiles: [SectionAligner.Profile]
    let newProfiles: [SectionAligner.Profile]
    var coarse = false

    /// Hunks with more tokens than this are first split into sentence pairs (coarser, bounded).
    static let pairingThreshold = 800

    /// The cache entry of a sentence (tokenised on first use).
    @inline(__always) mutating func entry(old isOld: Bool, _ section: Int, _ sentence: Int) -> Int {
        cache.entry(isOld ? 0 : 1, section, sentence)
    }

    init(old: Document, new: Document) {
        self.old = old; self.new = new
        cache = SentenceTokenCache([old, new])
        textIDOf = [Int32](repeating: -1, count: cache.sentenceCount)
        oldProfiles = SectionAligner.profilesOf(old)
        newProfiles = SectionAligner.profilesOf(new)
    }

    /// The id of a sentence's text (equal texts, as `String`s compare, have equal ids).
    mutating func textID(old isOld: Bool, _ section: Int, _ sentence: Int) -> Int32 {
        let g = cache.globalIndex(isOld ? 0 : 1, section, sentence)
        let known = textIDOf[g]
        if known >= 0 { return known }
        let id = texts.id((isOld ? old : new).sections[section].sentences[sentence].text)
        textIDOf[g] = id
        return id
    }

    /// Whether two sentence texts are equal strings: equal bytes decide at once, else `==`.
    static func sameText(_ a: String, _ b: String) -> Bool {
        var x = a, y = b
        let bytes = x.withUTF8 { p in
            y.withUTF8 { q -> Bool in
                guard p.count == q.count else { return false }
                guard let pb = p.baseAddress, let qb = q.baseAddress else { return true }
                return bytesEqual(pb, qb, p.count)
            }
        }
        return bytes || a == b
    }

    mutating func run() -> DocumentDiff {
        let alignment = SectionAligner.align(cache: &cache, profiles: [oldProfiles, newProfiles])
        var pairs: [(old: Int?, new: Int?, basis: AlignmentBasis?, sim: Double)] = []
        for row in alignment.rows {
            let o = row.cells[0]?.section, n = row.cells.count > 1 ? row.cells[1]?.section : nil
            pairs.append((o, n, row.basis.count > 1 ? row.basis[1] : nil, (o != nil && n != nil) ? (row.similarity[1] ?? 0) : 0))
        }
        // Sentence-level runs per pair, and the hunks of changed sentences.
        var pairRuns: [[DiffRun]] = []
        var hunks: [Hunk] = []
        for (p, pair) in pairs.enumerated() {
            let (runs, minimal) = sentenceRuns(pair.old, pair.new)
            if !minimal { coarse = true }
            pairRuns.append(runs)
            var k = 0
            while k < runs.count {
                let r = runs[k]
                if r.kind == .equal { k += 1; continue }
                var h = Hunk(pair: p, a: r.a, b: r.b)
                if k + 1 < runs.count, runs[k + 1].kind != .equal {
                    h.a = h.a.lowerBound..<max(h.a.upperBound, runs[k + 1].a.upperBound)
                    h.b = h.b.lowerBound..<max(h.b.upperBound, runs[k + 1].b.upperBound)
                    k += 1
                }
                k += 1
                hunks.append(h)
            }
        }
        // Moves: changed sentences matched across hunks.
        var oldC: [Candidate] = [], newC: [Candidate] = []
        for (h, hunk) in hunks.enumerated() {
            if let s = pairs[hunk.pair].old { for i in hunk.a { oldC.append(Candidate(hunk: h, section: s, sentence: i)) } }
            if let s = pairs[hunk.pair].new { for j in hunk.b { newC.append(Candidate(hunk: h, section: s, sentence: j)) } }
        }
        var rangesA: [Range<Int>] = [], rangesB: [Range<Int>] = []
        var exactA: [Int32] = [], exactB: [Int32] = []
        rangesA.reserveCapacity(oldC.count); exactA.reserveCapacity(oldC.count)
        rangesB.reserveCapacity(newC.count); exactB.reserveCapacity(newC.count)
        for c in oldC {
            let e = entry(old: true, c.section, c.sentence)
            rangesA.append(cache.bagRange(e))
            exactA.append(textID(old: true, c.section, c.sentence))
        }
        for c in newC {
            let e = entry(old: false, c.section, c.sentence)
            rangesB.append(cache.bagRange(e))
            exactB.append(textID(old: false, c.section, c.sentence))
        }
        let bagsA = BagList(keys: cache.bags, ranges: rangesA), bagsB = BagList(keys: cache.bags, ranges: rangesB)
        var matches = MoveMatcher.match(bagsA, bagsB, threshold: SentenceAligner.moveThreshold, exactA: exactA, exactB: exactB)
        matches.removeAll { oldC[$0.0].hunk == newC[$0.1].hunk }
        matches.sort { (oldC[$0.0].section, oldC[$0.0].sentence) < (oldC[$1.0].section, oldC[$1.0].sentence) }
        // Group consecutive moved sentences into passages.
        var moves: [MovedPassage] = []
        var moveOfOld: [Int: [Int: (move: Int, new: Candidate, sim: Double)]] = [:]  // section -> sentence -> ...
        var moveOfNew: [Int: [Int: (move: Int, old: Candidate)]] = [:]
        for (x, y, s) in matches {
            let o = oldC[x], n = newC[y]
            if var last = moves.last, last.oldSection == o.section, last.newSection == n.section,
               last.oldSentences.upperBound == o.sentence, last.newSentences.upperBound == n.sentence {
                let count = Double(last.oldSentences.count)
                last.similarity = (last.similarity * count + s) / (count + 1)
                last.oldSentences = last.oldSentences.lowerBound..<(o.sentence + 1)
                last.newSentences = last.newSentences.lowerBound..<(n.sentence + 1)
                moves[moves.count - 1] = last
            } else {
                moves.append(MovedPassage(
                    oldSection: o.section, newSection: n.section, oldSentences: o.sentence..<(o.sentence + 1),
                    newSentences: n.sentence..<(n.sentence + 1), similarity: s,
                    oldLine: old.sections[o.section].sentences[o.sentence].line,
                    newLine: new.sections[n.section].sentences[n.sentence].line))
            }
            moveOfOld[o.section, default: [:]][o.sentence] = (moves.count - 1, n, s)
            moveOfNew[n.section, default: [:]][n.sentence] = (moves.count - 1, o)
        }
        // Operations per pair.
        var sections: [SectionDiff] = []
        var hunkIndex = 0
        for (p, pair) in pairs.enumerated() {
            var ops: [EditOperation] = []
            for r in pairRuns[p] {
                if r.kind == .equal {
                    if let os = pair.old, let ns = pair.new {
                        for t in 0..<r.a.count {
                            ops.append(equalSentence(os, r.a.lowerBound + t, ns, r.b.lowerBound + t))
                        }
                    }
                    continue
                }
                // The hunk starting here (runs of a hunk were merged above in the same order).
                guard hunkIndex < hunks.count, hunks[hunkIndex].pair == p else { continue }
                let h = hunks[hunkIndex]
                if r.a.lowerBound != h.a.lowerBound || r.b.lowerBound != h.b.lowerBound { continue }
                hunkIndex += 1
                ops += hunkOps(h, pair.old, pair.new, moveOfOld, moveOfNew)
            }
            let status: SectionStatus
            var similarity = pair.sim
            if pair.old == nil { status = .added; similarity = 0 } else if pair.new == nil { status = .removed; similarity = 0 } else {
                let op = oldProfiles[pair.old ?? 0], np = newProfiles[pair.new ?? 0]
                let changed = ops.contains { $0.kind != .equal }
                similarity = changed ? contentSimilarity(ops, pair.old ?? 0, pair.new ?? 0) : 1
                if op.headingKey != np.headingKey {
                    status = .renamed
                } else if op.parentCount != np.parentCount || op.parentKey != np.parentKey {
                    status = .moved
                } else {
                    status = changed ? .changed : .unchanged
                }
            }
            if status == .unchanged { ops = [] }
            sections.append(SectionDiff(
                status: status, old: pair.old, new: pair.new,
                oldPath: pair.old.map { old.sections[$0].path }, newPath: pair.new.map { new.sections[$0].path },
                oldLine: pair.old.map { old.sections[$0].line }, newLine: pair.new.map { new.sections[$0].line },
                similarity: similarity, operations: ops))
        }
        markReorderedSections(&sections)
        var diff = DocumentDiff(oldPath: old.path, newPath: new.path, sections: sections, moves: moves, coarse: coarse)
        diff.fields = fieldChanges()
        diff.references = referenceChanges(sections)
        return diff
    }

    /// References added or removed: per pair of aligned sections and per pair of fields (by key),
    /// the references compared as multisets of their labels. A reference that moves to another
    /// sentence of the same section is no change.
    func referenceChanges(_ sections: [SectionDiff]) -> [ReferenceChange] {
        func label(_ c: Citation) -> String { c.url ?? c.title ?? c.name ?? c.work ?? c.mark ?? "" }
        typealias Item = (label: String, context: String, line: Int, section: [String])
        func compare(_ a: [Item], _ b: [Item], into out: inout [ReferenceChange]) {
            var count: [String: Int] = [:]
            for x in a { count[x.label, default: 0] += 1 }
            for y in b { count[y.label, default: 0] -= 1 }
            var removed = count.filter { $0.value > 0 }
            var added = count.filter { $0.value < 0 }.mapValues { -$0 }
            for x in a where (removed[x.label] ?? 0) > 0 {
                removed[x.label]! -= 1
                out.append(ReferenceChange(status: .removed, label: x.label, context: x.context, line: x.line, section: x.section))
            }
            for y in b where (added[y.label] ?? 0) > 0 {
                added[y.label]! -= 1
                out.append(ReferenceChange(status: .added, label: y.label, context: y.context, line: y.line, section: y.section))
            }
        }
        var out: [ReferenceChange] = []
        for sd in sections {
            guard let o = sd.old, let n = sd.new, o < old.sections.count, n < new.sections.count else { continue }
            func items(_ sec: Section) -> [Item] {
                sec.sentences.flatMap { s in s.citations.map { (label($0), s.text, s.line, sec.path) } }
            }
            let (so, sn) = (old.sections[o], new.sections[n])
            // Cheap test first: the same number of citations with the same labels in order.
            let co = so.sentences.reduce(0) { $0 + $1.citations.count }, cn = sn.sentences.reduce(0) { $0 + $1.citations.count }
            if co == 0 && cn == 0 { continue }
            compare(items(so), items(sn), into: &out)
        }
        func key(_ f: Field) -> String { f.section.map(SectionAligner.normalizeHeading).joined(separator: "\u{1F}") + "\u{1E}" + f.key }
        var newFields: [String: [Field]] = [:]
        for f in new.fields { newFields[key(f), default: []].append(f) }
        var seen: [String: Int] = [:]
        for f in old.fields {
            let k = key(f)
            let i = seen[k, default: 0]
            seen[k] = i + 1
            guard let list = newFields[k], i < list.count else { continue }
            let g = list[i]
            guard !f.citations.isEmpty || !g.citations.isEmpty else { continue }
            compare(
                f.citations.map { (label($0), f.key + ": " + f.value, f.line, f.section) },
                g.citations.map { (label($0), g.key + ": " + g.value, g.line, g.section) }, into: &out)
        }
        return out
    }

    /// Fields paired by section path and key (in order for repeated keys); values compared as text,
    /// lists regardless of their separators.
    func fieldChanges() -> [FieldChange] {
        func key(_ f: Field) -> String { f.section.map(SectionAligner.normalizeHeading).joined(separator: "\u{1F}") + "\u{1E}" + f.key }
        var pending: [String: [Int]] = [:]
        for (i, f) in old.fields.enumerated() { pending[key(f), default: []].append(i) }
        var used = [Bool](repeating: false, count: old.fields.count)
        var out: [FieldChange] = []
        for f in new.fields {
            let k = key(f)
            if var list = pending[k], let i = list.first {
                list.removeFirst(); pending[k] = list; used[i] = true
                let o = old.fields[i]
                if !FieldValues.equivalent(o.value, f.value) {
                    out.append(FieldChange(key: f.key, section: f.section, status: .changed, old: o, new: f,
                                           edits: WordDiff.diff(o.value, f.value)))
                }
            } else {
                out.append(FieldChange(key: f.key, section: f.section, status: .added, old: nil, new: f,
                                       edits: WordDiff.diff("", f.value)))
            }
        }
        for (i, o) in old.fields.enumerated() where !used[i] {
            out.append(FieldChange(key: o.key, section: o.section, status: .removed, old: o, new: nil,
                                   edits: WordDiff.diff(o.value, "")))
        }
        return out
    }

    /// Sentence-level runs of a pair: common leading and trailing sentences are matched by plain
    /// string comparison (most sections of consecutive revisions end here without any hashing),
    /// the middle by Myers over interned sentence texts.
    mutating func sentenceRuns(_ os: Int?, _ ns: Int?) -> (runs: [DiffRun], minimal: Bool) {
        let sa = os.map { old.sections[$0].sentences } ?? []
        let sb = ns.map { new.sections[$0].sentences } ?? []
        let limit = min(sa.count, sb.count)
        var p = 0
        while p < limit && Differ.sameText(sa[p].text, sb[p].text) { p += 1 }
        var q = 0
        while q < limit - p && Differ.sameText(sa[sa.count - 1 - q].text, sb[sb.count - 1 - q].text) { q += 1 }
        var out = MyersDiff.Builder()
        out.add(.equal, 0..<p, 0..<p)
        var minimal = true
        if p + q < sa.count || p + q < sb.count {
            var a: [Int32] = [], b: [Int32] = []
            a.reserveCapacity(sa.count - q - p); b.reserveCapacity(sb.count - q - p)
            if let os { for i in p..<(sa.count - q) { a.append(textID(old: true, os, i)) } }
            if let ns { for j in p..<(sb.count - q) { b.append(textID(old: false, ns, j)) } }
            let (runs, m) = MyersDiff.diff(a, b, budget: 4_000_000)
            minimal = m
            for r in runs {
                out.add(r.kind, (r.a.lowerBound + p)..<(r.a.upperBound + p), (r.b.lowerBound + p)..<(r.b.upperBound + p))
            }
        }
        out.add(.equal, (sa.count - q)..<sa.count, (sb.count - q)..<sb.count)
        return (out.runs, minimal)
    }

    /// Share of the two sections' text that the operations keep equal (Dice on bytes).
    func contentSimilarity(_ ops: [EditOperation], _ os: Int, _ ns: Int) -> Double {
        let equal = ops.reduce(0) { $0 + ($1.kind == .equal && $1.moveRole == nil ? $1.text.utf8.count : 0) }
        let a = old.sections[os].sentences.reduce(0) { $0 + $1.text.utf8.count }
        let b = new.sections[ns].sentences.reduce(0) { $0 + $1.text.utf8.count }
        return a + b == 0 ? 1 : min(1, 2 * Double(equal) / Double(a + b))
    }

    /// Sections whose order relative to the others changed (outside the longest increasing run of
    /// new indices in old order) are `moved`.
    func markReorderedSections(_ sections: inout [SectionDiff]) {
        let paired = sections.indices.filter { sections[$0].old != nil && sections[$0].new != nil }
            .sorted { (sections[$0].old ?? 0) < (sections[$1].old ?? 0) }
        let seq = paired.map { sections[$0].new ?? 0 }
        let keep = Set(longestIncreasing(seq).map { paired[$0] })
        for i in paired where !keep.contains(i) && (sections[i].status == .unchanged || sections[i].status == .changed) {
            sections[i].status = .moved
        }
    }

    /// Indices of a longest strictly increasing subsequence (patience sorting, O(n log n)).
    func longestIncreasing(_ a: [Int]) -> [Int] {
        var tails: [Int] = []  // indices into a
        var prev = [Int](repeating: -1, count: a.count)
        for i in a.indices {
            var lo = 0, hi = tails.count
            while lo < hi { let mid = (lo + hi) / 2; if a[tails[mid]] < a[i] { lo = mid + 1 } else { hi = mid } }
            if lo > 0 { prev[i] = tails[lo - 1] }
            if lo == tails.count { tails.append(i) } else { tails[lo] = i }
        }
        var out: [Int] = []
        var k = tails.last ?? -1
        while k >= 0 { out.append(k); k = prev[k] }
        return out.reversed()
    }

    // MARK: - Operations

    func locate(_ doc: Document, _ section: Int, _ sentence: Int, _ r: Range<Int>) -> (Range<Int>, Int) {
        let s = doc.sections[section].sentences[sentence]
        let count = doc.source.bytes.count
        let lo = min(s.sourceOffset(ofTextOffset: r.lowerBound), count)
        let hi = r.isEmpty ? lo : max(lo, s.sourceOffset(ofTextOffset: r.upperBound - 1) + 1)
        return (lo..<min(hi, count), doc.source.line(of: lo))
    }

    /// Line of sentence `index` of a section, else of the section's end (or heading).
    func anchor(_ doc: Document, _ section: Int, _ index: Int) -> Int? {
        let sec = doc.sections[section]
        if index < sec.sentences.count { return sec.sentences[index].line }
        return sec.sentences.last?.line ?? sec.line
    }

    /// Line of the token at stream position `k` (or of the end of the last token).
    func anchorLine(_ stream: TokenStream, _ k: Int, _ doc: Document, _ section: Int) -> Int? {
        if k < stream.count {
            return locate(doc, section, Int(stream.owner[k]), Int(stream.start[k])..<Int(stream.start[k])).1
        }
        guard stream.count > 0 else { return nil }
        let last = stream.count - 1
        return locate(doc, section, Int(stream.owner[last]), Int(stream.end[last])..<Int(stream.end[last])).1
    }

    func equalSentence(_ os: Int, _ i: Int, _ ns: Int, _ j: Int) -> EditOperation {
        let text = old.sections[os].sentences[i].text
        var op = EditOperation(kind: .equal, text: text)
        let n = text.utf8.count
        op.oldSentence = i; op.newSentence = j
        op.wholeSentence = true
        op.oldTextRange = 0..<n; op.newTextRange = 0..<n
        (op.oldRange, op.oldLine) = locate(old, os, i, 0..<n)
        (op.newRange, op.newLine) = locate(new, ns, j, 0..<n)
        return op
    }

    /// Word-level operations between sentence lists (by index within their sections).
    mutating func wordOps(
        oldSection: Int?, oldSentences: [Int], newSection: Int?, newSentences: [Int]
    ) -> [EditOperation] {
        var a = TokenStream(), b = TokenStream()
        // Tokenise first, then size each stream once (no regrowing while appending).
        var entriesA: [Int] = [], entriesB: [Int] = []
        var countA = 0, countB = 0
        if let os = oldSection { for i in oldSentences { let e = entry(old: true, os, i); entriesA.append(e); countA += cache.tokenRange(e).count } }
        if let ns = newSection { for j in newSentences { let e = entry(old: false, ns, j); entriesB.append(e); countB += cache.tokenRange(e).count } }
        a.reserve(countA); b.reserve(countB)
        for (k, i) in oldSentences.enumerated() where k < entriesA.count { a.append(sentence: i, cache, entriesA[k]) }
        for (k, j) in newSentences.enumerated() where k < entriesB.count { b.append(sentence: j, cache, entriesB[k]) }
        let (raw, minimal) = MyersDiff.diff(a.ids, b.ids, budget: 30_000 + 24 * (a.count + b.count))
        if !minimal { coarse = true }
        let runs = WordDiff.slideToSentenceEnds(WordDiff.semanticCleanup(raw, a, b), a, b)
        var ops: [EditOperation] = []
        var bytesCache: [Int: [UInt8]] = [:]
        func bytes(_ side: Int, _ sentence: Int) -> [UInt8] {
            let key = sentence * 2 + side
            if let c = bytesCache[key] { return c }
            let t = side == 0 ? old.sections[oldSection ?? 0].sentences[sentence].text : new.sections[newSection ?? 0].sentences[sentence].text
            let v = Array(t.utf8)
            bytesCache[key] = v
            return v
        }
        for r in runs {
            // Split the run where the owning sentence changes on either side.
            var i = r.a.lowerBound, j = r.b.lowerBound
            while i < r.a.upperBound || j < r.b.upperBound {
                var ie = i, je = j
                switch r.kind {
                case .equal:
                    let oa = a.owner[i], ob = b.owner[j]
                    while ie < r.a.upperBound && a.owner[ie] == oa && b.owner[je] == ob { ie += 1; je += 1 }
                case .delete:
                    let oa = a.owner[i]
                    while ie < r.a.upperBound && a.owner[ie] == oa { ie += 1 }
                case .insert:
                    let ob = b.owner[j]
                    while je < r.b.upperBound && b.owner[je] == ob { je += 1 }
                }
                var op = EditOperation(kind: r.kind, text: "")
                if ie > i, let os = oldSection {
                    let s = Int(a.owner[i])
                    let tr = Int(a.start[i])..<Int(a.end[ie - 1])
                    op.oldSentence = s; op.oldTextRange = tr
                    (op.oldRange, op.oldLine) = locate(old, os, s, tr)
                    op.text = String(decoding: bytes(0, s)[tr], as: UTF8.self)
                }
                if je > j, let ns = newSection {
                    let s = Int(b.owner[j])
                    let tr = Int(b.start[j])..<Int(b.end[je - 1])
                    op.newSentence = s; op.newTextRange = tr
                    (op.newRange, op.newLine) = locate(new, ns, s, tr)
                    if r.kind == .insert { op.text = String(decoding: bytes(1, s)[tr], as: UTF8.self) }
                }
                // Anchor a one-sided change to the line where it applies on the other side.
                if r.kind == .delete, let ns = newSection { op.newLine = anchorLine(b, j, new, ns) }
                if r.kind == .insert, let os = oldSection { op.oldLine = anchorLine(a, i, old, os) }
                ops.append(op)
                i = ie; j = je
            }
        }
        return ops
    }

    /// Word operations for the unmoved sentences of a hunk: one word diff over the whole stretch,
    /// or, when the stretch is large, a word diff per pair of similar sentences (paired in order)
    /// with the unpaired sentences deleted or inserted whole.
    mutating func hunkCore(_ os: Int?, _ stayA: [Int], _ ns: Int?, _ stayB: [Int]) -> [EditOperation] {
        var bytes = 0
        if let os { for i in stayA { bytes += old.sections[os].sentences[i].text.utf8.count } }
        if let ns { for j in stayB { bytes += new.sections[ns].sentences[j].text.utf8.count } }
        // About one token per three bytes of prose (words and the spaces between them).
        guard let os, let ns, bytes / 3 > Differ.pairingThreshold, stayA.count > 1 || stayB.count > 1 else {
            return wordOps(oldSection: os, oldSentences: stayA, newSection: ns, newSentences: stayB)
        }
        var rangesA: [Range<Int>] = [], rangesB: [Range<Int>] = []
        for i in stayA { let e = entry(old: true, os, i); rangesA.append(cache.bagRange(e)) }
        for j in stayB { let e = entry(old: false, ns, j); rangesB.append(cache.bagRange(e)) }
        let pairs = SentenceAligner.pairInOrder(
            stayA, stayB, BagList(keys: cache.bags, ranges: rangesA), BagList(keys: cache.bags, ranges: rangesB))
        coarse = true
        var out: [EditOperation] = []
        var ia = 0, ib = 0
        for p in pairs + [SentencePair(a: Int.max, b: Int.max, similarity: 0, moved: false)] {
            var da: [Int] = [], db: [Int] = []
            while ia < stayA.count && stayA[ia] < p.a { da.append(stayA[ia]); ia += 1 }
            while ib < stayB.count && stayB[ib] < p.b { db.append(stayB[ib]); ib += 1 }
            if !da.isEmpty { out += wordOps(oldSection: os, oldSentences: da, newSection: nil, newSentences: []) }
            if !db.isEmpty { out += wordOps(oldSection: nil, oldSentences: [], newSection: ns, newSentences: db) }
            if p.a == Int.max { break }
            out += wordOps(oldSection: os, oldSentences: [p.a], newSection: ns, newSentences: [p.b])
            ia += 1; ib += 1
        }
        return out
    }

    mutating func hunkOps(
        _ h: Hunk, _ os: Int?, _ ns: Int?,
        _ moveOfOld: [Int: [Int: (move: Int, new: Candidate, sim: Double)]],
        _ moveOfNew: [Int: [Int: (move: Int, old: Candidate)]]
    ) -> [EditOperation] {
        let movedOld = os.flatMap { moveOfOld[$0] } ?? [:]
        let movedNew = ns.flatMap { moveOfNew[$0] } ?? [:]
        let stayA = os == nil ? [] : h.a.filter { movedOld[$0] == nil }
        let stayB = ns == nil ? [] : h.b.filter { movedNew[$0] == nil }
        var core = hunkCore(os, stayA, ns, stayB)
        // One-sided changes with no anchor yet (a stretch only inserted or only deleted) apply
        // before the next sentence on the other side, or after the section's last one.
        let oldAnchor = os.map { anchor(old, $0, h.a.upperBound) }, newAnchor = ns.map { anchor(new, $0, h.b.upperBound) }
        for k in core.indices {
            if core[k].kind == .insert && core[k].oldLine == nil { core[k].oldLine = oldAnchor ?? nil }
            if core[k].kind == .delete && core[k].newLine == nil { core[k].newLine = newAnchor ?? nil }
        }
        var origins: [EditOperation] = []
        if let os {
            for i in h.a { if let m = movedOld[i] {
                let text = old.sections[os].sentences[i].text
                var op = EditOperation(kind: .delete, text: text)
                op.oldSentence = i; op.oldTextRange = 0..<text.utf8.count
                (op.oldRange, op.oldLine) = locate(old, os, i, 0..<text.utf8.count)
                op.move = m.move; op.moveRole = .origin
                origins.append(op)
            } }
        }
        var destinations: [[EditOperation]] = []
        if let ns {
            for j in h.b { if let m = movedNew[j] {
                var inner = wordOps(oldSection: m.old.section, oldSentences: [m.old.sentence], newSection: ns, newSentences: [j])
                for k in inner.indices { inner[k].move = m.move; inner[k].moveRole = .destination }
                destinations.append(inner)
            } }
        }
        // Interleave: origins by old sentence, destinations by new sentence.
        var out: [EditOperation] = []
        var oi = 0, di = 0
        func destSentence(_ k: Int) -> Int { destinations[k].first?.newSentence ?? Int.max }
        for op in core {
            if let s = op.oldSentence { while oi < origins.count && (origins[oi].oldSentence ?? 0) < s { out.append(origins[oi]); oi += 1 } }
            if let s = op.newSentence { while di < destinations.count && destSentence(di) < s { out += destinations[di]; di += 1 } }
            out.append(op)
        }
        while oi < origins.count { out.append(origins[oi]); oi += 1 }
        while di < destinations.count { out += destinations[di]; di += 1 }
        return out
    }
}
