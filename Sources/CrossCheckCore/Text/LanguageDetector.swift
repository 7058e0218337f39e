/// What a text's language was inferred from, for `parse` and reports.
package enum LanguageEvidence: String, Sendable, Hashable, Codable {
    /// A manifest entry's `"language"`.
    case declared
    /// The writing system (Cyrillic, Devanagari, Thai, Han, ...).
    case script
    /// Common function words ("the", "und", "och").
    case words
    /// Function words, with the wikitext's namespaces or interlanguage links deciding between
    /// close candidates.
    case wikitext
}

/// A language guess: an ISO 639-1 code ("en", "de", "nn") or `nil` when nothing decides.
package struct LanguageGuess: Sendable, Hashable {
    package var code: String
    package var evidence: LanguageEvidence
    package init(code: String, evidence: LanguageEvidence) { self.code = code; self.evidence = evidence }
}

/// Function-word and script votes of a stretch of text; votes add up across sentences and sections.
package struct LanguageVotes: Sendable, Hashable {
    /// Weighted function-word hits per language (indexes into `LanguageDetector.languages`).
    package var words: [Int32]
    /// Letters per script (`LanguageDetector.Script`).
    package var scripts: [Int32]
    /// Words seen.
    package var wordCount: Int32 = 0

    package init() {
        words = Array(repeating: 0, count: LanguageDetector.languages.count)
        scripts = Array(repeating: 0, count: LanguageDetector.Script.allCases.count)
    }

    package static func += (a: inout LanguageVotes, b: LanguageVotes) {
        for i in a.words.indices { a.words[i] += b.words[i] }
        for i in a.scripts.indices { a.scripts[i] += b.scripts[i] }
        a.wordCount += b.wordCount
    }
}

/// Infers the language of plain text from its script and its function words, and of a wikitext
/// page from those plus its namespaces and interlanguage links.
///
/// Knows no article: only writing systems and the most common grammatical words of about twenty
/// languages. One pass over UTF-8 bytes; words of up to eight bytes are packed into an integer
/// and looked up in a table, so no string is made per word.
package enum LanguageDetector {
    /// Writing systems told apart by their UTF-8 lead bytes.
    package enum Script: Int, CaseIterable, Sendable {
        case latin, cyrillic, greek, arabic, hebrew, devanagari, bengali, thai, han, kana, hangul, other
    }

    /// Languages recognised by their function words, with those words. A word listed for several
    /// languages counts for each of them, less than a word only one language uses.
    package static let languages: [(code: String, words: String)] = [
        ("en", "the and of to is was in that with for as by from which his her it are were has have this an on at be not or he she they their its been had would also who but"),
        ("de", "der die das und ist nicht mit von dem den des ein eine einer eines im auf sich zu für wurde auch als bei nach wird sind aus über zum zur werden oder wie nur noch durch"),
        ("fr", "le la les et des du un une est dans pour qui que sur par pas au aux avec il elle sont été cette ce ses son plus ou leur mais"),
        ("es", "el la los las y de del en que un una es por para con se su sus al como fue más pero este esta entre sobre también"),
        ("it", "il lo la gli le di e che un una è per con del della dei nel nella non sono da al alla come anche più degli delle"),
        ("pt", "o a os as de do da dos das e que em no na um uma é para com não por foi mais se ao seu sua também pela pelo"),
        ("nl", "de het een en van is dat in op te zijn met voor niet die werd ook aan bij door als naar wordt uit er"),
        ("af", "die en van is in het nie wat om te vir op met word was sy hy dit as ook deur aan na hulle uit maar"),
        ("sv", "och i att det som en på är av för med till den har inte om ett var de från vid sig efter även blev"),
        ("nb", "og i det som en på er av for med til den har ikke om et var de fra ved seg etter også ble blir eller hun hva bare mye jeg"),
        ("nn", "og i det som ein eit på er av for med til den har ikkje om var dei frå ved seg etter også vart blei eller ho kva berre mykje eg"),
        ("da", "og i det som en på er af for med til den har ikke om et var de fra ved sig efter også blev bliver eller hun hvad kun meget jeg"),
        ("pl", "i w na z do się nie jest że to o jak od po przez dla oraz jego jej był była które który także"),
        ("cs", "a v se na je že s z do který která které jako pro jsou byl byla také nebo"),
        ("fi", "ja on oli että se ei myös kun joka hän ovat mutta sekä tai"),
        ("tr", "ve bir bu da de için ile olarak olan daha çok gibi sonra kadar"),
        ("id", "yang dan di dari ini itu dengan untuk pada adalah dalam tidak akan oleh"),
        ("ro", "și în de la cu care pe este din fost sunt mai pentru sau"),
        ("hu", "a az és hogy nem egy is van volt meg már mint csak"),
        ("sco", "the o an is wis tae wi frae ae aw fae thir thae whit hou nae haes bein intae"),
    ]

    /// Packed word -> bit set of languages (bit i = `languages[i]`).
    static let table: [UInt64: UInt32] = {
        var t: [UInt64: UInt32] = [:]
        for (i, l) in languages.enumerated() {
            for w in l.words.split(separator: " ") {
                if let k = pack(Array(w.utf8)) { t[k, default: 0] |= 1 << UInt32(i) }
            }
        }
        return t
    }()

    /// Weight of a hit: 12 divided by the number of languages that list the word.
    static let weights: [Int32] = (0...32).map { $0 == 0 ? 0 : Int32(12 / $0) }

    /// Packs up to eight bytes into an integer (nil for longer words).
    @inline(__always)
    static func pack<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
        guard bytes.count <= 8 else { return nil }
        var k: UInt64 = 0
        for b in bytes { k = k << 8 | UInt64(b) }
        return k
    }

    /// The script of the scalar whose UTF-8 lead byte is `b0` and next byte `b1`.
    @inline(__always)
    static func script(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Script {
        switch b0 {
        case 0xC3...0xC9: return .latin  // Latin-1 supplement, Latin extended
        case 0xCD: return b1 >= 0xB0 ? .greek : .other
        case 0xCE, 0xCF: return .greek
        case 0xD0...0xD3: return .cyrillic
        case 0xD6: return b1 >= 0x90 ? .hebrew : .other
        case 0xD7: return .hebrew
        case 0xD8...0xDB: return .arabic
        case 0xE0:
            if b1 == 0xA4 || b1 == 0xA5 { return .devanagari }
            if b1 == 0xA6 || b1 == 0xA7 { return .bengali }
            if b1 == 0xB8 || b1 == 0xB9 { return .thai }
            return .other
        case 0xE1: return b1 == 0xB8 || b1 == 0xBA || b1 == 0xBB ? .latin : .other  // Latin extended additional
        case 0xE3:
            if b1 == 0x81 || b1 == 0x82 || b1 == 0x83 { return .kana }
            if b1 >= 0x90 { return .han }
            return .other
        case 0xE4...0xE9: return .han
        case 0xEA: return b1 >= 0xB0 ? .hangul : .other
        case 0xEB, 0xEC: return .hangul
        case 0xED: return b1 < 0x9E ? .hangul : .other
        default: return .other
        }
    }

    /// Adds the function words and letters of `text` to `votes`; stops reading after `wordLimit`
    /// words.
    package static func count(_ text: String, into votes: inout LanguageVotes, wordLimit: Int32 = .max) {
        var text = text
        text.withUTF8 { b in count(bytes: b, into: &votes, wordLimit: wordLimit) }
    }

    /// `count` over bytes.
    package static func count(bytes b: UnsafeBufferPointer<UInt8>, into votes: inout LanguageVotes, wordLimit: Int32 = .max) {
        let n = b.count
        var i = 0
        var key: UInt64 = 0
        var len = 0
        var inWord = false
        // Latin letters are counted locally and added once (the hot path is one byte compare).
        var latin: Int32 = 0
        defer { votes.scripts[Script.latin.rawValue] += latin }
        func flush(_ votes: inout LanguageVotes) {
            if inWord {
                votes.wordCount += 1
                if len <= 8, votes.wordCount <= wordLimit, let bits = table[key] {
                    let w = weights[bits.nonzeroBitCount]
                    var m = bits
                    while m != 0 {
                        let l = m.trailingZeroBitCount
                        votes.words[l] += w
                        m &= m - 1
                    }
                }
            }
            inWord = false
            key = 0
            len = 0
        }
        while i < n {
            if votes.wordCount > wordLimit { return }
            let c = b[i]
            if c < 0x80 {
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) {
                    latin += 1
                    inWord = true
                    len += 1
                    key = key << 8 | UInt64(c | 0x20)
                } else if c == 0x27, inWord {
                    // An apostrophe inside a word ("it's") makes it no function word.
                    len += 9
                } else {
                    flush(&votes)
                }
                i += 1
                continue
            }
            let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
            let s = script(c, i + 1 < n ? b[i + 1] : 0, i + 2 < n ? b[i + 2] : 0)
            if s == .other || (c == 0xE3 && i + 1 < n && b[i + 1] == 0x80) {
                flush(&votes)
            } else {
                votes.scripts[s.rawValue] += 1
                inWord = true
                // Upper-case Latin-1 letters (À-Þ, C3 80-9E) fold to lower case (C3 A0-BE).
                for k in 0..<width where i + k < n {
                    var byte = b[i + k]
                    if k == 1, c == 0xC3, byte >= 0x80, byte <= 0x9E, byte != 0x97 { byte |= 0x20 }
                    key = key << 8 | UInt64(byte)
                }
                len += width
            }
            i += width
        }
        flush(&votes)
    }

    /// The language the votes point to, or nil when they are too few or too close.
    ///
    /// A script other than Latin decides on its own when it has most letters (Cyrillic is taken
    /// as Russian, Devanagari as Hindi, Han with kana as Japanese: the rules only need to know
    /// that such text is not English).
    /// Latin text needs `minimumHits` weighted function-word hits (12 per hit of a word only one
    /// language uses) and a lead of a quarter over the runner-up, except between languages so
    /// close that the words cannot tell them apart (Bokmål, Nynorsk and Danish; Dutch and
    /// Afrikaans), where the best is taken.
    package static func decide(_ v: LanguageVotes, minimumHits: Int32 = 36) -> LanguageGuess? {
        let latin = v.scripts[Script.latin.rawValue]
        var bestScript = Script.latin
        var bestCount: Int32 = latin
        // A Han, kana or Hangul character carries about as much as a short Latin word.
        for s in Script.allCases where s != .latin && s != .other {
            let weighted = v.scripts[s.rawValue] * (s == .han || s == .kana || s == .hangul ? 3 : 1)
            if weighted > bestCount { bestScript = s; bestCount = weighted }
        }
        // Han and kana together are Japanese.
        let kana = v.scripts[Script.kana.rawValue], han = v.scripts[Script.han.rawValue]
        if han + kana > latin, kana * 10 >= han + kana, kana > 0 { return LanguageGuess(code: "ja", evidence: .script) }
        if bestScript != .latin, bestCount >= 4 {
            let code: String
            switch bestScript {
            case .cyrillic: code = "ru"
            case .greek: code = "el"
            case .arabic: code = "ar"
            case .hebrew: code = "he"
            case .devanagari: code = "hi"
            case .bengali: code = "bn"
            case .thai: code = "th"
            case .han: code = "zh"
            case .kana: code = "ja"
            case .hangul: code = "ko"
            case .latin, .other: return nil
            }
            return LanguageGuess(code: code, evidence: .script)
        }
        guard let (best, runnerUp) = ranked(v), v.words[best] >= minimumHits else { return nil }
        if let r = runnerUp, v.words[best] * 4 < v.words[r] * 5, !closeRelatives(languages[best].code, languages[r].code) { return nil }
        return LanguageGuess(code: languages[best].code, evidence: .words)
    }

    /// The best and second-best languages by function-word hits.
    static func ranked(_ v: LanguageVotes) -> (Int, Int?)? {
        var best = -1, second = -1
        for i in v.words.indices where v.words[i] > 0 {
            if best < 0 || v.words[i] > v.words[best] { second = best; best = i } else if second < 0 || v.words[i] > v.words[second] { second = i }
        }
        return best < 0 ? nil : (best, second < 0 ? nil : second)
    }

    /// Languages whose function words overlap so much that the best count decides.
    static func closeRelatives(_ a: String, _ b: String) -> Bool {
        guard let x = relativeGroup[a], let y = relativeGroup[b] else { return false }
        return x == y
    }

    /// Language code -> its group of close relatives (made once: every revision of a history asks).
    static let relativeGroup: [String: Int] = {
        let groups: [[String]] = [["nb", "nn", "da", "sv"], ["nl", "af"], ["es", "pt", "it"]]
        var out: [String: Int] = [:]
        for (i, g) in groups.enumerated() { for code in g { out[code] = i } }
        return out
    }()

    /// True when `code` is English.
    package static func isEnglish(_ code: String?) -> Bool { code == "en" }

    // MARK: Wikitext signals

    /// Namespace prefixes of links (`[[Kategorie:...]]`, `[[Datei:...]]`) and the languages that use them.
    static let namespaces: [String: [String]] = [
        "category": ["en"], "file": ["en"], "image": ["en"],
        "kategorie": ["de"], "datei": ["de"], "bild": ["de"],
        "kategori": ["nb", "nn", "da", "sv", "id", "tr"], "fil": ["nb", "nn", "da", "sv"],
        "categoría": ["es"], "archivo": ["es"], "imagen": ["es"],
        "catégorie": ["fr"], "fichier": ["fr"],
        "categoria": ["it", "pt"], "ficheiro": ["pt"], "arquivo": ["pt"], "imagem": ["pt"],
        "categorie": ["nl", "ro"], "bestand": ["nl"], "afbeelding": ["nl"],
        "kategoria": ["pl"], "plik": ["pl"], "luokka": ["fi"], "tiedosto": ["fi"],
        "kategória": ["hu"], "kategorija": ["hr"],
    ]

    /// Language codes that appear as interlanguage link prefixes (`[[de:Titel]]`).
    static func isLanguageCode(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard (2...3).contains(b.count) || s == "simple" || s.hasPrefix("zh-") else { return false }
        return b.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
    }

    /// Namespace and interlanguage signals of a wikitext source: for each language, +1 per
    /// namespace link it uses, and the set of languages the page links to as other editions.
    package static func wikitextSignals(_ source: [UInt8]) -> (namespaces: [String: Int], interlanguage: Set<String>) {
        var ns: [String: Int] = [:]
        var inter = Set<String>()
        source.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i + 3 < n {
                guard b[i] == 0x5B, b[i + 1] == 0x5B else { i += 1; continue }
                var j = i + 2
                while j < n, j - i < 40, b[j] != 0x3A, b[j] != 0x5D, b[j] != 0x7C, b[j] != 0x0A { j += 1 }
                if j < n, b[j] == 0x3A, j > i + 2 {
                    var name = Array(b[(i + 2)..<j])
                    for k in name.indices where name[k] >= 0x41 && name[k] <= 0x5A { name[k] |= 0x20 }
                    let s = String(decoding: name, as: UTF8.self).trimmingSpaces
                    if let langs = namespaces[s] {
                        for l in langs { ns[l, default: 0] += 1 }
                    } else if isLanguageCode(s) {
                        inter.insert(s)
                    }
                }
                i = j
            }
        }
        // A page links to other editions only in a block of several such links.
        if inter.count < 2 { inter = [] }
        return (ns, inter)
    }

    /// The language of a wikitext page: function words first; between close candidates the page's
    /// namespaces vote, and a language the page links to as another edition is not its own.
    package static func decide(_ v: LanguageVotes, wikitext source: [UInt8]) -> LanguageGuess? {
        let plain = decide(v)
        // Only a page the words leave undecided, or leave between close relatives, needs its links read.
        if let g = plain, let best = languages.firstIndex(where: { $0.code == g.code }),
            !languages.indices.contains(where: { $0 != best && v.words[$0] > 0 && closeRelatives(languages[$0].code, g.code) })
        {
            return g
        }
        let (ns, inter) = wikitextSignals(source)
        guard let guess = plain else {
            // Too few words: namespaces alone decide when they point one way.
            let named = ns.filter { !inter.contains($0.key) }
            if v.scripts[Script.latin.rawValue] > 0, let top = named.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                named.filter({ $0.value == top.value }).count == 1, top.value >= 2
            {
                return LanguageGuess(code: top.key, evidence: .wikitext)
            }
            return nil
        }
        guard guess.evidence == .words, ns.count + inter.count > 0 else { return guess }
        // Candidates within a quarter of the best count, close relatives of it included.
        guard let best = languages.firstIndex(where: { $0.code == guess.code }) else { return guess }
        let candidates = languages.indices.filter { i in
            v.words[i] > 0 && (i == best || (v.words[i] * 4 >= v.words[best] * 3 && closeRelatives(languages[i].code, guess.code)))
        }
        guard candidates.count > 1 else { return guess }
        let pick = candidates.max { a, c in
            let sa = (inter.contains(languages[a].code) ? -1000 : 0) + (ns[languages[a].code] ?? 0) * 10 + Int(v.words[a]) / 100
            let sc = (inter.contains(languages[c].code) ? -1000 : 0) + (ns[languages[c].code] ?? 0) * 10 + Int(v.words[c]) / 100
            return sa < sc || (sa == sc && v.words[a] < v.words[c])
        }
        guard let p = pick, p != best else { return guess }
        return LanguageGuess(code: languages[p].code, evidence: .wikitext)
    }
}

extension String {
    /// The string without leading and trailing spaces and underscores.
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "_" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "_" { s = s.dropLast() }
        return String(s)
    }
}
