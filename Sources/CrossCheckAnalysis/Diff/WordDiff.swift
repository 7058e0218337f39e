import CrossCheckCore
/// One operation of a word-level diff of two texts, with byte ranges in each text.
package struct TextEdit: Sendable, Hashable {
    package var kind: EditKind
    /// The tokens' text (from the old text for equal and delete, from the new for insert).
    package var text: String
    /// Byte range in the old text (empty at the position for an insertion).
    package var oldRange: Range<Int>
    /// Byte range in the new text (empty at the position for a deletion).
    package var newRange: Range<Int>
}

/// Interns exact token text as small integers so the differ compares integers.
///
/// Tokens are looked up by a 64-bit FNV-1a hash of their bytes in an open-addressing table whose
/// entries keep the bytes (in one arena), so equal ids always mean equal bytes; no `String` is
/// built and no Unicode-aware hashing runs.
struct ExactInterner {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
    }
    private var slots: [Int32] = [Int32](repeating: -1, count: 1024)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    var count: Int { entries.count }

    mutating func id(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in r { h = (h ^ UInt64(buf[k])) &* 0x0000_0100_0000_01B3 }
        return id(buf, r, hash: h)
    }

    /// `id(_:_:)` with the FNV-1a hash of the bytes already computed.
    mutating func id(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, hash h: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let n = r.count
        while true {
            let e = slots[slot]
            if e < 0 { break }
            let entry = entries[Int(e)]
            if entry.hash == h && entry.length == n {
                let same = arena.withUnsafeBufferPointer { a -> Bool in
                    for k in 0..<n where a[entry.start &+ k] != buf[r.lowerBound &+ k] { return false }
                    return true
                }
                if same { return e }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(entries.count)
        entries.append(Entry(hash: h, start: arena.count, length: n))
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: buf[r]))
        slots[slot] = id
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        var next = [Int32](repeating: -1, count: slots.count * 2)
        let mask = next.count - 1
        for (i, e) in entries.enumerated() {
            let h = e.hash
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while next[slot] >= 0 { slot = (slot + 1) & mask }
            next[slot] = Int32(i)
        }
        slots = next
    }
}

/// Tokens of one or more sentences laid end to end, as the differ sees them.
struct TokenStream {
    var ids: [Int32] = []
    /// Sentence (index within its section) each token belongs to.
    var owner: [Int32] = []
    /// Byte range of each token in its sentence's text.
    var start: [Int32] = []
    var end: [Int32] = []
    /// Byte offset of each token's start counted over the whole stream (for lengths).
    var prefix: [Int] = [0]

    mutating func append(sentence: Int, text: String, interner: inout ExactInterner) {
        var t = text
        t.withUTF8 { buf in
            Tokenizer.scan(buf) { _, r in
                ids.append(interner.id(buf, r))
                owner.append(Int32(sentence))
                start.append(Int32(r.lowerBound))
                end.append(Int32(r.upperBound))
                prefix.append((prefix.last ?? 0) + r.count)
            }
        }
    }

    /// Makes room for `count` tokens.
    mutating func reserve(_ count: Int) {
        ids.reserveCapacity(count); owner.reserveCapacity(count)
        start.reserveCapacity(count); end.reserveCapacity(count)
        prefix.reserveCapacity(count + 1)
    }

    /// Appends a sentence tokenised earlier (entry `e` of `cache`).
    mutating func append(sentence: Int, _ cache: SentenceTokenCache, _ e: Int) {
        let r = cache.tokenRange(e)
        let c = r.count
        if c == 0 { return }
        let base = ids.count
        ids.append(contentsOf: cache.ids[r])
        end.append(contentsOf: cache.ends[r])
        owner.append(contentsOf: repeatElement(Int32(sentence), count: c))
        // Tokens tile their sentence: each starts where the one before ends, the first at 0.
        start.append(contentsOf: repeatElement(0, count: c))
        prefix.append(contentsOf: repeatElement(0, count: c))
        var p = prefix[base]
        end.withUnsafeBufferPointer { ep in
            start.withUnsafeMutableBufferPointer { sp in
                prefix.withUnsafeMutableBufferPointer { pp in
                    var at: Int32 = 0
                    for k in base..<(base + c) {
                        let e = ep[k]
                        sp[k] = at
                        p += Int(e - at)
                        pp[k + 1] = p
                        at = e
                    }
                }
            }
        }
    }

    var count: Int { ids.count }
    /// Bytes covered by tokens `r`.
    func length(_ r: Range<Int>) -> Int { prefix[r.upperBound] - prefix[r.lowerBound] }
}

/// Word-level diff of texts: tokens, interned ids, Myers, then a semantic clean-up.
///
/// The clean-up (after diff-match-patch's semantic pass) turns a short equality squeezed between
/// changes that are longer on both sides into a deletion plus an insertion, so changes read as
/// whole words and phrases instead of a scatter of shared spaces and articles.
package enum WordDiff {
    /// The word-level edit script turning `old` into `new`.
    ///
    /// Applying it (concatenating equal and insert texts) yields `new` exactly; the equal and
    /// delete texts concatenate to `old`. O((N+M)·D) within a work bound of `budget` steps,
    /// beyond which the unresolved part is reported as a replacement.
    package static func diff(_ old: String, _ new: String, cleanup: Bool = true, budget: Int = 2_000_000) -> [TextEdit] {
        var interner = ExactInterner()
        var a = TokenStream(), b = TokenStream()
        a.append(sentence: 0, text: old, interner: &interner)
        b.append(sentence: 0, text: new, interner: &interner)
        var runs = MyersDiff.diff(a.ids, b.ids, budget: budget).runs
        if cleanup { runs = semanticCleanup(runs, a, b) }
        let ob = Array(old.utf8), nb = Array(new.utf8)
        return runs.map { r in
            let oa = byteRange(r.a, a, total: ob.count), nr = byteRange(r.b, b, total: nb.count)
            let text = r.kind == .insert ? String(decoding: nb[nr], as: UTF8.self) : String(decoding: ob[oa], as: UTF8.self)
            return TextEdit(kind: r.kind, text: text, oldRange: oa, newRange: nr)
        }
    }

    /// Byte range in the text of tokens `r` of a single-sentence stream (empty at the position).
    static func byteRange(_ r: Range<Int>, _ s: TokenStream, total: Int) -> Range<Int> {
        if r.isEmpty {
            let p = r.lowerBound < s.count ? Int(s.start[r.lowerBound]) : total
            return p..<p
        }
        return Int(s.start[r.lowerBound])..<Int(s.end[r.upperBound - 1])
    }

    /// Merges short equalities between changes into the changes (a few passes, each linear).
    static func semanticCleanup(_ input: [DiffRun], _ a: TokenStream, _ b: TokenStream) -> [DiffRun] {
        var runs = input
        for _ in 0..<4 {
            var changed = false
            var out = MyersDiff.Builder()
            // Change lengths (max of deleted and inserted bytes) before each run, since the last equality.
            var i = 0
            while i < runs.count {
                let r = runs[i]
                if r.kind == .equal && i > 0 && i + 1 < runs.count {
                    var delB = 0, insB = 0, k = i - 1
                    while k >= 0 && runs[k].kind != .equal {
                        if runs[k].kind == .delete { delB += a.length(runs[k].a) } else { insB += b.length(runs[k].b) }
                        k -= 1
                    }
                    var delA = 0, insA = 0
                    k = i + 1
                    while k < runs.count && runs[k].kind != .equal {
                        if runs[k].kind == .delete { delA += a.length(runs[k].a) } else { insA += b.length(runs[k].b) }
                        k += 1
                    }
                    let len = a.length(r.a)
                    if len <= max(delB, insB) && len <= max(delA, insA) {
                        out.add(.delete, r.a, r.b.lowerBound..<r.b.lowerBound)
                        out.add(.insert, r.a.upperBound..<r.a.upperBound, r.b)
                        changed = true
                        i += 1
                        continue
                    }
                }
                out.add(r.kind, r.a, r.b)
                i += 1
            }
            runs = normalize(out.runs)
            if !changed { break }
        }
        return runs
    }

    /// Slides a lone deletion or insertion over the equal tokens after it when that makes it end at
    /// a sentence boundary, so a removed sentence reads as one whole sentence instead of the tail
    /// of one and the head of the next (the equal text is the same either way).
    static func slideToSentenceEnds(_ input: [DiffRun], _ a: TokenStream, _ b: TokenStream) -> [DiffRun] {
        var runs = input
        var i = 0
        while i + 1 < runs.count {
            let r = runs[i], next = runs[i + 1]
            let isolated = r.kind != .equal && next.kind == .equal && (i == 0 || runs[i - 1].kind == .equal)
            guard isolated else { i += 1; continue }
            let side = r.kind == .delete ? a : b
            let change = r.kind == .delete ? r.a : r.b
            let eq = r.kind == .delete ? next.a : next.b
            // How far the change can slide: its leading tokens equal the equality's leading tokens.
            var k = 0
            while k < change.count && k < eq.count && side.ids[change.lowerBound + k] == side.ids[eq.lowerBound + k] { k += 1 }
            // Already ending at a boundary: leave it.
            let endsAtBoundary = { (end: Int) -> Bool in end >= side.count || side.owner[end] != side.owner[end - 1] }
            if k == 0 || endsAtBoundary(change.upperBound) { i += 1; continue }
            var best = 0
            for s in stride(from: k, through: 1, by: -1) where endsAtBoundary(change.upperBound + s) { best = s; break }
            if best == 0 { i += 1; continue }
            // Shift: the previous equality grows by `best` tokens, the next one shrinks.
            if i > 0 {
                runs[i - 1].a = runs[i - 1].a.lowerBound..<(runs[i - 1].a.upperBound + best)
                runs[i - 1].b = runs[i - 1].b.lowerBound..<(runs[i - 1].b.upperBound + best)
            } else {
                runs.insert(DiffRun(kind: .equal, a: r.a.lowerBound..<(r.a.lowerBound + best), b: r.b.lowerBound..<(r.b.lowerBound + best)), at: 0)
                i += 1
            }
            runs[i].a = (r.a.lowerBound + best)..<(r.a.upperBound + best)
            runs[i].b = (r.b.lowerBound + best)..<(r.b.upperBound + best)
            runs[i + 1].a = (next.a.lowerBound + best)..<next.a.upperBound
            runs[i + 1].b = (next.b.lowerBound + best)..<next.b.upperBound
            if runs[i + 1].a.isEmpty { runs.remove(at: i + 1) }
            i += 1
        }
        return runs
    }

    /// Collapses every stretch of changes between equalities into one deletion and one insertion.
    static func normalize(_ runs: [DiffRun]) -> [DiffRun] {
        var out: [DiffRun] = []
        var i = 0
        while i < runs.count {
            if runs[i].kind == .equal { out.append(runs[i]); i += 1; continue }
            var alo = runs[i].a.lowerBound, ahi = runs[i].a.upperBound
            var blo = runs[i].b.lowerBound, bhi = runs[i].b.upperBound
            var j = i + 1
            while j < runs.count && runs[j].kind != .equal {
                alo = min(alo, runs[j].a.lowerBound); ahi = max(ahi, runs[j].a.upperBound)
                blo = min(blo, runs[j].b.lowerBound); bhi = max(bhi, runs[j].b.upperBound)
                j += 1
            }
            if ahi > alo { out.append(DiffRun(kind: .delete, a: alo..<ahi, b: blo..<blo)) }
            if bhi > blo { out.append(DiffRun(kind: .insert, a: ahi..<ahi, b: blo..<bhi)) }
            i = j
        }
        return out
    }
}
