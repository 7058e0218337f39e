import CrossCheckCore
/// A section of one document in an alignment: document index (input order) and section index.
package struct SectionRef: Sendable, Hashable {
    package var document: Int
    package var section: Int
    package init(document: Int, section: Int) { self.document = document; self.section = section }
}

/// How a cell came to join its row: the first cell of a row, by heading path, by heading alone
/// (the section moved under another parent), or by content (renamed or restructured).
package enum AlignmentBasis: String, Sendable, Hashable {
    case first, path, heading, content
}

/// One row of an alignment: the corresponding section of each document, or nil where it has none.
package struct AlignedRow: Sendable, Hashable {
    /// One cell per document, in input order.
    package var cells: [SectionRef?]
    /// Per cell, how it joined the row (nil for empty cells).
    package var basis: [AlignmentBasis?]
    /// Per cell, estimated content similarity (0...1) to the row's earlier cells, for cells aligned
    /// by content (nil otherwise: heading matches are not measured, to keep alignment cheap).
    package var similarity: [Double?]
    package init(cells: [SectionRef?], basis: [AlignmentBasis?] = [], similarity: [Double?] = []) {
        self.cells = cells
        self.basis = basis.count == cells.count ? basis : cells.map { $0 == nil ? nil : .first }
        self.similarity = similarity.count == cells.count ? similarity : cells.map { _ in nil }
    }
}

/// The section alignment of a set of documents: rows of corresponding sections.
package struct SetAlignment: Sendable, Hashable {
    package var rows: [AlignedRow]
    package init(rows: [AlignedRow]) { self.rows = rows }

    /// The row holding a document's section, if any.
    package func row(of ref: SectionRef) -> Int? {
        rows.firstIndex { $0.cells.indices.contains(ref.document) && $0.cells[ref.document] == ref }
    }
}

/// Aligns the sections of N documents: by normalised heading path, then by heading alone, then by
/// content similarity, so renamed, moved and restructured sections still line up.
///
/// Documents are added one at a time against the rows built so far (each row is compared through
/// all of its cells). Unmatched sections become new rows placed after the row of the section
/// before them. Content is the section's sentences plus the fields filed under it (so a summary's
/// key/value list can meet an infobox). Content comparison uses bottom-k sketches of the distinct
/// key hashes (k = 128), so it costs O(rows x sections x k) only for sections left unmatched by
/// heading, and when that product is large each section is compared only with the rows within
/// 200 places of where its matched neighbours sit. Aligning a document with itself is the identity.
package enum SectionAligner {
    /// Minimum estimated Jaccard similarity of content for two sections to align by content.
    package static let contentThreshold = 0.2

    /// The alignment of `documents`' sections.
    package static func align(_ documents: [Document]) -> SetAlignment {
        var cache = SentenceTokenCache(documents, exactTokens: false)
        return align(cache: &cache, profiles: documents.map { profilesOf($0) })
    }

    /// `align` over the documents of `cache`, sharing its sentence tokens (the differ's), with
    /// the documents' section profiles already computed.
    static func align(cache: inout SentenceTokenCache, profiles: [[Profile]]) -> SetAlignment {
        let documents = cache.documents
        let n = documents.count
        guard n > 0 else { return SetAlignment(rows: []) }
        var sketches = Sketches(documents)
        var words = HeadingWords(profiles)
        var rows: [AlignedRow] = []
        for (s, _) in documents[0].sections.enumerated() {
            var cells = [SectionRef?](repeating: nil, count: n)
            cells[0] = SectionRef(document: 0, section: s)
            var basis = [AlignmentBasis?](repeating: nil, count: n); basis[0] = .first
            let sim = [Double?](repeating: nil, count: n)
            rows.append(AlignedRow(cells: cells, basis: basis, similarity: sim))
        }
        guard n > 1 else { return SetAlignment(rows: rows) }
        for d in 1..<n {
            let secs = profiles[d]
            var rowFor = [Int?](repeating: nil, count: secs.count)
            var rowTaken = [Bool](repeating: false, count: rows.count)
            var basisFor = [AlignmentBasis?](repeating: nil, count: secs.count)
            var simFor = [Double?](repeating: nil, count: secs.count)
            // 1. Full heading path.
            var byPath: [String: [Int]] = [:]
            var byHeading: [String: [Int]] = [:]
            for (r, row) in rows.enumerated() {
                var seenP = Set<String>(), seenH = Set<String>()
                for case let ref? in row.cells {
                    let p = profiles[ref.document][ref.section]
                    if seenP.insert(p.pathKey).inserted { byPath[p.pathKey, default: []].append(r) }
                    if !p.headingKey.isEmpty, seenH.insert(p.headingKey).inserted { byHeading[p.headingKey, default: []].append(r) }
                }
            }
            // The first row of a list not taken yet. Rows are only ever taken, so each list keeps
            // a cursor past its taken prefix: linear overall, even for thousands of sections with
            // one heading (a first(where:) from the start each time was quadratic).
            var pathCursor: [String: Int] = [:], headingCursor: [String: Int] = [:]
            func firstFree(_ list: [Int]?, _ key: String, _ cursor: inout [String: Int]) -> Int? {
                guard let list else { return nil }
                var i = cursor[key] ?? 0
                while i < list.count && rowTaken[list[i]] { i += 1 }
                cursor[key] = i
                return i < list.count ? list[i] : nil
            }
            for (s, p) in secs.enumerated() {
                if let r = firstFree(byPath[p.pathKey], p.pathKey, &pathCursor) {
                    rowFor[s] = r; rowTaken[r] = true; basisFor[s] = .path
                }
            }
            // 2. Heading alone (moved under another parent).
            for (s, p) in secs.enumerated() where rowFor[s] == nil && !p.headingKey.isEmpty {
                if let r = firstFree(byHeading[p.headingKey], p.headingKey, &headingCursor) {
                    rowFor[s] = r; rowTaken[r] = true; basisFor[s] = .heading
                }
            }
            // 3. Content. A row held only by an empty section of this document (a summary's
            // title-only lead, say) is still open to a section with content, which takes it over.
            var holder = [Int?](repeating: nil, count: rows.count)
            for s in secs.indices { if let r = rowFor[s] { holder[r] = s } }
            // Same answer as an empty sketch, without hashing and sorting the whole section.
            var emptyCache = [Bool?](repeating: nil, count: secs.count)
            func isEmpty(_ s: Int) -> Bool {
                if let e = emptyCache[s] { return e }
                let e = !hasContent(d, s, cache)
                emptyCache[s] = e
                return e
            }
            let freeRows = rows.indices.filter { !rowTaken[$0] || holder[$0].map(isEmpty) == true }
            let freeSecs = secs.indices.filter { rowFor[$0] == nil && !isEmpty($0) }
            if !freeRows.isEmpty && !freeSecs.isEmpty {
                var candidates: [(s: Int, r: Int, sim: Double)] = []
                // Bound the work: with many unmatched sections on both sides, a section is compared
                // only with the free rows near where its matched neighbours put it.
                let windowed = freeSecs.count * freeRows.count > 250_000
                var expected = [Int](repeating: 0, count: secs.count)
                var anchor: (section: Int, row: Int)? = nil
                for s in secs.indices {
                    if let r = rowFor[s] { anchor = (s, r) }
                    // After the last matched section, or in proportion when none is matched yet.
                    expected[s] = anchor.map { $0.row + (s - $0.section) } ?? s * rows.count / max(1, secs.count)
                }
                for s in freeSecs {
                    let ref = SectionRef(document: d, section: s)
                    var rowsToTry = freeRows[...]
                    if windowed {
                        let lo = lowerBound(freeRows, expected[s] - windowSize)
                        let hi = lowerBound(freeRows, expected[s] + windowSize + 1)
                        rowsToTry = freeRows[lo..<hi]
                    }
                    for r in rowsToTry {
                        let content = rowSimilarity(rows[r], ref, &sketches, &cache)
                        // Key facts listed in a section of their own meet the lead (with its infobox).
                        guard content > 0 else { continue }
                        // Shared heading words break ties between similar contents.
                        let sim = content + 0.25 * rowHeadingSimilarity(rows[r], SectionRef(document: d, section: s), &words)
                        if sim >= contentThreshold { candidates.append((s, r, min(1, sim))) }
                    }
                }
                candidates.sort { $0.sim != $1.sim ? $0.sim > $1.sim : ($0.s != $1.s ? $0.s < $1.s : $0.r < $1.r) }
                var takenByContent = [Bool](repeating: false, count: rows.count)
                for c in candidates where rowFor[c.s] == nil && !takenByContent[c.r] {
                    if let old = holder[c.r] { rowFor[old] = nil; basisFor[old] = nil }
                    rowFor[c.s] = c.r; rowTaken[c.r] = true; takenByContent[c.r] = true
                    basisFor[c.s] = .content; simFor[c.s] = c.sim
                }
            }
            // Fill cells; unmatched sections become new rows after the previous section's row.
            for s in secs.indices {
                if let r = rowFor[s] {
                    rows[r].cells[d] = SectionRef(document: d, section: s)
                    rows[r].basis[d] = basisFor[s]
                    rows[r].similarity[d] = simFor[s]
                }
            }
            // Each run of unmatched sections goes right after the row of the section before it
            // (or first): collected per row, then merged in one pass (inserting one row at a
            // time was quadratic for documents whose sections mostly differ).
            var after = [[Int]](repeating: [], count: rows.count + 1)
            var lastRow = -1
            var added = 0
            for s in secs.indices {
                if let r = rowFor[s] { lastRow = r; continue }
                after[lastRow + 1].append(s)
                added += 1
            }
            if added > 0 {
                func newRow(_ s: Int) -> AlignedRow {
                    var cells = [SectionRef?](repeating: nil, count: n)
                    cells[d] = SectionRef(document: d, section: s)
                    var basis = [AlignmentBasis?](repeating: nil, count: n); basis[d] = .first
                    return AlignedRow(cells: cells, basis: basis, similarity: [Double?](repeating: nil, count: n))
                }
                var merged: [AlignedRow] = []
                merged.reserveCapacity(rows.count + added)
                for s in after[0] { merged.append(newRow(s)) }
                for (r, row) in rows.enumerated() {
                    merged.append(row)
                    for s in after[r + 1] { merged.append(newRow(s)) }
                }
                rows = merged
            }
        }
        return SetAlignment(rows: rows)
    }

    /// Heading keys of one section (the content sketch is computed only when needed).
    struct Profile {
        /// Normalised heading path, components joined by U+001F (which no key contains).
        var pathKey: String
        /// Normalised last heading ("" for the lead).
        var headingKey: String
        /// Normalised path without its last heading, joined like `pathKey`, and its length.
        var parentKey: String
        var parentCount: Int
    }

    /// Distinct words of each section's heading as sorted ids, computed on first use, so heading
    /// overlaps compare sorted integer arrays.
    struct HeadingWords {
        let profiles: [[Profile]]
        var ids: [Substring: Int32] = [:]
        var cache: [[[Int32]?]]
        init(_ profiles: [[Profile]]) {
            self.profiles = profiles
            cache = profiles.map { [[Int32]?](repeating: nil, count: $0.count) }
        }
        mutating func get(_ ref: SectionRef) -> [Int32] {
            if let w = cache[ref.document][ref.section] { return w }
            var out: [Int32] = []
            for w in profiles[ref.document][ref.section].headingKey.split(separator: " ") {
                let id: Int32
                if let i = ids[w] { id = i } else { id = Int32(ids.count); ids[w] = id }
                out.append(id)
            }
            out.sort()
            var distinct: [Int32] = []
            distinct.reserveCapacity(out.count)
            for w in out where distinct.last != w { distinct.append(w) }
            cache[ref.document][ref.section] = distinct
            return distinct
        }
    }

    static let sketchSize = 128

    static func profilesOf(_ doc: Document) -> [Profile] {
        // Neighbouring sections share their parents' headings: normalise each heading string once.
        var lastPath: [String] = []
        var lastNorm: [String] = []
        var out: [Profile] = []
        out.reserveCapacity(doc.sections.count)
        for sec in doc.sections {
            var norm: [String] = []
            norm.reserveCapacity(sec.path.count)
            for (k, h) in sec.path.enumerated() {
                if k < lastPath.count && sameBytes(lastPath[k], h) { norm.append(lastNorm[k]) } else { norm.append(normalizeHeading(h)) }
            }
            lastPath = sec.path; lastNorm = norm
            var parent = ""
            for k in 0..<max(0, norm.count - 1) {
                if k > 0 { parent += "\u{1F}" }
                parent += norm[k]
            }
            let heading = norm.last ?? ""
            let path = norm.count > 1 ? parent + "\u{1F}" + heading : heading
            out.append(Profile(pathKey: path, headingKey: heading, parentKey: parent, parentCount: max(0, norm.count - 1)))
        }
        return out
    }

    /// Whether two strings have the same bytes (`==` also equates canonically equivalent ones,
    /// which may tokenise differently).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var x = a, y = b
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard p.count == q.count else { return false }
                guard let pb = p.baseAddress, let qb = q.baseAddress else { return true }
                return bytesEqual(pb, qb, p.count)
            }
        }
    }

    /// Bottom-k sorted distinct key hashes of a section's content (sentences and its fields).
    static func sketch(_ d: Int, _ section: Int, _ cache: inout SentenceTokenCache) -> [UInt64] {
        let doc = cache.documents[d]
        let sec = doc.sections[section]
        // Distinct keys of the sentences (a sketch holds distinct hashes, so duplicates can go
        // before sorting), then those of the fields.
        var hashes: [UInt64] = []
        cache.distinctKeyHashes(d, section, sec.sentences.indices, into: &hashes)
        for f in doc.fields where f.section == sec.path {
            var t = f.key + " " + f.value
            t.withUTF8 { buf in
                Tokenizer.scan(buf) { kind, range in
                    guard kind != .space && kind != .punctuation else { return }
                    hashes.append(Tokenizer.keyHash(buf, kind: kind, range: range))
                }
            }
        }
        hashes.sort()
        var sketch: [UInt64] = []
        sketch.reserveCapacity(min(sketchSize, hashes.count))
        for h in hashes where sketch.last != h {
            sketch.append(h)
            if sketch.count == sketchSize { break }
        }
        return sketch
    }

    /// Whether a section has any token its sketch would hold (a word, number, currency, ...):
    /// true exactly when `sketch` is non-empty, but stops at the first sentence with one.
    static func hasContent(_ d: Int, _ section: Int, _ cache: SentenceTokenCache) -> Bool {
        let doc = cache.documents[d]
        let sec = doc.sections[section]
        for i in sec.sentences.indices where cache.hasContent(d, section, i) { return true }
        var found = false
        for f in doc.fields where f.section == sec.path {
            var t = f.key + " " + f.value
            t.withUTF8 { buf in
                Tokenizer.scan(buf) { kind, _ in
                    if kind != .space && kind != .punctuation { found = true }
                }
            }
            if found { return true }
        }
        return false
    }

    /// Sketches computed on first use.
    struct Sketches {
        var cache: [[[UInt64]?]]
        init(_ documents: [Document]) {
            cache = documents.map { [[UInt64]?](repeating: nil, count: $0.sections.count) }
        }
        mutating func get(_ ref: SectionRef, _ tokens: inout SentenceTokenCache) -> [UInt64] {
            if let s = cache[ref.document][ref.section] { return s }
            let s = SectionAligner.sketch(ref.document, ref.section, &tokens)
            cache[ref.document][ref.section] = s
            return s
        }
    }

    /// Heading normalised for matching (`Lexer.headingKey`, shared with `duplicate-section`).
    package static func normalizeHeading(_ h: String) -> String { Lexer.headingKey(h) }

    /// Best content similarity of a section to any cell of a row.
    static func rowSimilarity(_ row: AlignedRow, _ ref: SectionRef, _ sketches: inout Sketches, _ cache: inout SentenceTokenCache) -> Double {
        let mine = sketches.get(ref, &cache)
        var best = 0.0
        for case let other? in row.cells { best = max(best, jaccard(sketches.get(other, &cache), mine)) }
        return best
    }

    /// Rows on each side of the expected position compared when the content step is bounded.
    static let windowSize = 200

    /// First index in sorted `a` whose value is at least `x`.
    static func lowerBound(_ a: [Int], _ x: Int) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Best Dice overlap of heading words between a section and any cell of a row.
    static func rowHeadingSimilarity(_ row: AlignedRow, _ ref: SectionRef, _ words: inout HeadingWords) -> Double {
        let mine = words.get(ref)
        if mine.isEmpty { return 0 }
        var best = 0.0
        for case let cell? in row.cells {
            let other = words.get(cell)
            if other.isEmpty { continue }
            var i = 0, j = 0, both = 0
            while i < mine.count && j < other.count {
                if mine[i] == other[j] { both += 1; i += 1; j += 1 } else if mine[i] < other[j] { i += 1 } else { j += 1 }
            }
            best = max(best, 2 * Double(both) / Double(mine.count + other.count))
        }
        return best
    }

    /// Bottom-k estimate of the Jaccard similarity of two sets from their sorted sketches.
    static func jaccard(_ x: [UInt64], _ y: [UInt64]) -> Double {
        if x.isEmpty && y.isEmpty { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        // Merge the k smallest of the union and count how many are in both.
        let k = min(sketchSize, max(x.count, y.count))
        var i = 0, j = 0, taken = 0, both = 0
        while taken < k && (i < x.count || j < y.count) {
            if i < x.count && j < y.count && x[i] == y[j] { both += 1; i += 1; j += 1 }
            else if j >= y.count || (i < x.count && x[i] < y[j]) { i += 1 }
            else { j += 1 }
            taken += 1
        }
        return Double(both) / Double(max(1, taken))
    }
}
