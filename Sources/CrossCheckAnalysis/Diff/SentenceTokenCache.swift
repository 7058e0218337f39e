import CrossCheckCore
/// The tokens of the sentences of a few documents, each distinct sentence text tokenised once.
///
/// The section aligner (content sketches), the move matcher (key bags) and the word differ (exact
/// ids and byte ranges) all look at the same sentences; they share this cache so a sentence is
/// scanned once per diff, and a sentence whose text occurs again (in the other document, say) is
/// not scanned again at all. Entries live in flat arrays (no array per sentence): entry `e` owns
/// tokens `tokenStart[e]..<tokenStart[e + 1]` and bag `bagStart[e]..<bagStart[e + 1]`.
struct SentenceTokenCache {
    let documents: [Document]
    /// Whether exact ids and byte ranges are kept (the differ needs them; sketches do not).
    let exactTokens: Bool
    var exact = ExactInterner()
    var keys = KeyInterner()

    /// Exact token ids, and where each token ends in its sentence's text (tokens tile the text,
    /// so a token starts where the one before it ends, the first at 0).
    private(set) var ids: [Int32] = []
    private(set) var ends: [Int32] = []
    /// Exact ids of single-byte ASCII tokens (-1 until first seen): half the tokens of prose are
    /// one byte (spaces), and they need no hashing.
    private var singleID = [Int32](repeating: -1, count: 128)
    /// Content-key id of each exact id (-2 for spaces and punctuation). A token's kind, and so its
    /// key, follows from its bytes alone, so a key is computed once per distinct token, not once
    /// per occurrence.
    private var keyOf: [Int32] = []
    /// Scratch for `distinctKeyHashes`: the last call that saw each key id.
    private var keyStamp: [Int32] = []
    private var stampGeneration: Int32 = 0
    /// Content-key ids (words, numbers, currency, percentages, CJK), sorted per entry.
    private(set) var bags: [Int32] = []
    private(set) var tokenStart: [Int32] = [0]
    private(set) var bagStart: [Int32] = [0]

    /// First global sentence index of each section (sections of all documents in order).
    private var sentenceBase: [Int] = []
    /// First section (in `sentenceBase`) of each document.
    private var sectionBase: [Int] = []
    /// Entry of each global sentence, or -1 before its first use.
    private var entryOf: [Int32] = []

    /// Texts seen so far: an open-addressing table of entries by text hash.
    private var textSlots = [Int32](repeating: -1, count: 256)
    private var textHashes: [UInt64] = []
    /// The sentence whose text an entry holds (document, section, sentence).
    private var textOwner: [(Int32, Int32, Int32)] = []

    init(_ documents: [Document], exactTokens: Bool = true) {
        self.documents = documents
        self.exactTokens = exactTokens
        var total = 0
        for d in documents {
            sectionBase.append(sentenceBase.count)
            for s in d.sections { sentenceBase.append(total); total += s.sentences.count }
        }
        entryOf = [Int32](repeating: -1, count: total)
    }

    var entryCount: Int { textHashes.count }

    /// Number of sentences of all documents.
    var sentenceCount: Int { entryOf.count }

    /// Index of a sentence among the sentences of all documents (section by section, in order).
    @inline(__always) func globalIndex(_ document: Int, _ section: Int, _ sentence: Int) -> Int {
        sentenceBase[sectionBase[document] + section] + sentence
    }

    /// Tokens of entry `e` (indices into `ids`, `ends`).
    @inline(__always) func tokenRange(_ e: Int) -> Range<Int> { Int(tokenStart[e])..<Int(tokenStart[e + 1]) }

    /// Whether sentence `sentence` of section `section` of document `document` has a content
    /// token (a bag would be non-empty), without tokenising it when it has not been yet.
    func hasContent(_ document: Int, _ section: Int, _ sentence: Int) -> Bool {
        let known = entryOf[globalIndex(document, section, sentence)]
        if known >= 0 { return bagCount(Int(known)) > 0 }
        var text = documents[document].sections[section].sentences[sentence].text
        var found = false
        text.withUTF8 { buf in
            Tokenizer.scan(buf) { kind, _ in
                if kind != .space && kind != .punctuation { found = true }
            }
        }
        return found
    }

    /// Bag of entry `e` (indices into `bags`).
    @inline(__always) func bagRange(_ e: Int) -> Range<Int> { Int(bagStart[e])..<Int(bagStart[e + 1]) }

    /// Number of content tokens of entry `e`.
    @inline(__always) func bagCount(_ e: Int) -> Int { Int(bagStart[e + 1] - bagStart[e]) }

    /// Appends to `out` the key hash of every distinct content key of the given sentences of one
    /// section (tokenising them on first use), in no particular order.
    mutating func distinctKeyHashes(_ document: Int, _ section: Int, _ sentences: Range<Int>, into out: inout [UInt64]) {
        stampGeneration &+= 1
        if stampGeneration <= 0 {
            stampGeneration = 1
            for k in keyStamp.indices { keyStamp[k] = 0 }
        }
        let g = stampGeneration
        for i in sentences {
            let e = entry(document, section, i)
            if keyStamp.count < keys.count { keyStamp.append(contentsOf: repeatElement(0, count: keys.count - keyStamp.count)) }
            for k in bagRange(e) {
                let key = Int(bags[k])
                if keyStamp[key] != g {
                    keyStamp[key] = g
                    out.append(keys.hash(bags[k]))
                }
            }
        }
    }

    /// The entry of sentence `sentence` of section `section` of document `document`, tokenising
    /// its text on first use (or sharing the entry of an equal text seen before).
    mutating func entry(_ document: Int, _ section: Int, _ sentence: Int) -> Int {
        let g = globalIndex(document, section, sentence)
        let known = entryOf[g]
        if known >= 0 { return Int(known) }
        var text = documents[document].sections[section].sentences[sentence].text
        let e = text.withUTF8 { buf in entry(buf, owner: (Int32(document), Int32(section), Int32(sentence))) }
        entryOf[g] = Int32(e)
        return e
    }

    private mutating func entry(_ buf: UnsafeBufferPointer<UInt8>, owner: (Int32, Int32, Int32)) -> Int {
        let h = SentenceTokenCache.textHash(buf)
        let mask = textSlots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = textSlots[slot]
            if e < 0 { break }
            if textHashes[Int(e)] == h && sameText(Int(e), buf) { return Int(e) }
            slot = (slot + 1) & mask
        }
        let e = textHashes.count
        textHashes.append(h)
        textOwner.append(owner)
        textSlots[slot] = Int32(e)
        if textHashes.count * 2 > textSlots.count { growTexts() }
        tokenise(buf)
        return e
    }

    private func sameText(_ e: Int, _ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let (d, s, i) = textOwner[e]
        var text = documents[Int(d)].sections[Int(s)].sentences[Int(i)].text
        return text.withUTF8 { other in
            guard other.count == buf.count else { return false }
            guard let p = other.baseAddress, let q = buf.baseAddress else { return true }
            return bytesEqual(p, q, buf.count)
        }
    }

    private mutating func growTexts() {
        textSlots = rehashedSlots(textHashes, capacity: textSlots.count * 2)
    }

    /// Appends the tokens and the sorted bag of one text as a new entry.
    private mutating func tokenise(_ buf: UnsafeBufferPointer<UInt8>) {
        if !exactTokens {
            let bagFrom = bags.count
            Tokenizer.scan(buf) { kind, r in
                guard kind != .space && kind != .punctuation else { return }
                bags.append(keys.id(Tokenizer.keyHash(buf, kind: kind, range: r)))
            }
            bags[bagFrom...].sort()
            tokenStart.append(Int32(ids.count))
            bagStart.append(Int32(bags.count))
            return
        }
        // A text has at most one token per byte: collect into scratch space, append once.
        let cap = buf.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * cap + 3) { scratch in
            guard let idOut = scratch.baseAddress else { return }
            let endOut = idOut + cap, bagOut = idOut + 2 * cap
            var nt = 0, nb = 0
            Tokenizer.scan(buf) { kind, r in
                let first = buf[r.lowerBound]
                var id: Int32
                if r.count == 1 && first < 0x80 {
                    id = singleID[Int(first)]
                    if id < 0 { id = exact.id(buf, r); singleID[Int(first)] = id }
                } else {
                    id = exact.id(buf, r)
                }
                if Int(id) == keyOf.count {
                    // A new distinct token (ids are handed out in order).
                    keyOf.append(kind != .space && kind != .punctuation ? keys.id(Tokenizer.keyHash(buf, kind: kind, range: r)) : -2)
                }
                let key = keyOf[Int(id)]
                if key >= 0 { bagOut[nb] = key; nb += 1 }
                idOut[nt] = id
                endOut[nt] = Int32(r.upperBound)
                nt += 1
            }
            var bag = UnsafeMutableBufferPointer(start: bagOut, count: nb)
            bag.sort()
            ids.append(contentsOf: UnsafeBufferPointer(start: idOut, count: nt))
            ends.append(contentsOf: UnsafeBufferPointer(start: endOut, count: nt))
            bags.append(contentsOf: UnsafeBufferPointer(start: bagOut, count: nb))
        }
        tokenStart.append(Int32(ids.count))
        bagStart.append(Int32(bags.count))
    }

    /// A fast hash of a whole text (eight bytes at a time), for finding equal texts.
    static func textHash(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buf.count)
        let n = buf.count
        var i = 0
        if let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
        }
        var tail: UInt64 = 0
        while i < n { tail = tail << 8 | UInt64(buf[i]); i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }
}

/// Ids of texts under `String` equality (canonical equivalence), without hashing `String`s.
///
/// A text in NFC (every ASCII text, and most others by the standard library's quick check) is
/// keyed by its own bytes; any other text by its NFC bytes. Two strings are equal exactly when
/// their NFC forms are, so equal keys are equal strings and the ids are those a `[String: Int32]`
/// dictionary would give (up to numbering).
struct TextInterner {
    private var slots = [Int32](repeating: -1, count: 256)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var arena: [UInt8] = []

    var count: Int { hashes.count }

    mutating func id(_ text: String) -> Int32 {
        var t = text
        let ascii = t.withUTF8 { TextInterner.isASCII($0) }
        if !ascii {
            var span = text.utf8Span
            if !span.checkForNFC(quickCheck: true) {
                return text._nfcCodeUnits.withUnsafeBufferPointer { id(bytes: $0) }
            }
        }
        return t.withUTF8 { id(bytes: $0) }
    }

    static func isASCII(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buf.count
        var i = 0
        if let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
        }
        while i < n { if buf[i] >= 0x80 { return false }; i += 1 }
        return true
    }

    private mutating func id(bytes buf: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = SentenceTokenCache.textHash(buf)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = slots[slot]
            if e < 0 { break }
            let i = Int(e)
            if hashes[i] == h && lengths[i] == buf.count {
                let s = starts[i]
                let same = arena.withUnsafeBufferPointer { a -> Bool in
                    guard let p = a.baseAddress, let q = buf.baseAddress else { return true }
                    return bytesEqual(p + s, q, buf.count)
                }
                if same { return e }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(h); starts.append(arena.count); lengths.append(buf.count)
        arena.append(contentsOf: buf)
        slots[slot] = id
        if hashes.count * 2 > slots.count { slots = rehashedSlots(hashes, capacity: slots.count * 2) }
        return id
    }
}

/// Whether `count` bytes at `a` and at `b` are equal (eight bytes at a time).
@inline(__always) func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    var k = 0
    while k + 8 <= count {
        if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
        k += 8
    }
    while k < count {
        if a[k] != b[k] { return false }
        k += 1
    }
    return true
}

/// An open-addressing slot table of `capacity` slots (a power of two; -1 = empty) holding entry `i`
/// at the first free slot from `hashes[i]`, probing linearly: how both interners here grow.
private func rehashedSlots(_ hashes: [UInt64], capacity: Int) -> [Int32] {
    var next = [Int32](repeating: -1, count: capacity)
    let mask = capacity - 1
    for (i, h) in hashes.enumerated() {
        var slot = Int(truncatingIfNeeded: h) & mask
        while next[slot] >= 0 { slot = (slot + 1) & mask }
        next[slot] = Int32(i)
    }
    return next
}
