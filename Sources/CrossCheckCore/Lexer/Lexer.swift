/// How a lexer profile treats digits.
package enum LexDigits: Sendable {
    /// Digit runs are numbers with thousands separators and decimals (`1,000.5`); digits running
    /// into letters form one word (`10th`, `1990s`, `3D`), and letters continue through digits (`F16`).
    case numbers
    /// ASCII digit runs are numbers and nothing more (`1,000` is three tokens, `10th` is `10` + `th`,
    /// `F16` is `F` + `16`), because the value normalisers compute values from them and match
    /// separators and suffixes themselves; other scripts' digits count as letters.
    case separate
    /// Digits are word characters like letters (`10th`, `F16`, `1990's`, but `1,000` is `1` + `000`).
    case wordCharacters
}

/// One way of cutting text into tokens: every difference between the lexer's views is one of
/// these four choices, and everything else (the Unicode classifier, the joiner rule, the tables) is
/// shared.
package protocol LexerProfile {
    /// How digits are cut.
    static var digits: LexDigits { get }
    /// True when hyphens join two parts of a word (`state-owned`); apostrophes always do (`don't`).
    static var joinsHyphens: Bool { get }
    /// True when each Han ideograph or kana is a token of its own and each Thai letter (with its
    /// marks) is a word of its own, as the differ needs for scripts written without spaces; false
    /// when they are letters that form runs like any other script.
    static var splitsUnspacedScripts: Bool { get }
    /// True when currency signs, currency codes (`USD`, `US$`) and percentages (`15%`) are tokens of
    /// their own kinds; false when signs are punctuation and codes are words.
    static var marksSymbols: Bool { get }
}

/// The one lexer: splits UTF-8 text into tokens in one linear pass (no `Character` iteration),
/// using one Unicode classifier (`LexClass`) and one table each for joiners, currency codes and
/// number words (`LexTables`). Its views differ only by a `LexerProfile`:
///
/// - `Differ` (the differ, similarity and section aligner, through `Tokenizer`): every byte belongs
///   to one token, whitespace included; hyphens join; numbers keep separators; CJK and Thai split
///   per character; currencies and percentages are tokens.
/// - `Facts` (the value normalisers and claims, through `FactTokenizer`): words, ASCII digit runs
///   and single punctuation marks, whitespace skipped; hyphens split (`twenty-five`,
///   `2019-11-27` are read by the normalisers' patterns).
/// - `Words` (the text rules, through `WordScanner`): words only, digits inside words; hyphens split
///   (`state-owned` is two words to a spelling rule).
///
/// Shared by all views: a word is a run of letters and marks (and digits, per the profile) in any
/// script; an apostrophe or (per the profile) hyphen joins two parts when it has a word character
/// on both sides; dashes and the minus sign never join.
package enum Lexer {
    /// The differ's profile.
    package enum Differ: LexerProfile {
        package static var digits: LexDigits { .numbers }
        package static var joinsHyphens: Bool { true }
        package static var splitsUnspacedScripts: Bool { true }
        package static var marksSymbols: Bool { true }
    }
    /// The value normalisers' profile.
    package enum Facts: LexerProfile {
        package static var digits: LexDigits { .separate }
        package static var joinsHyphens: Bool { false }
        package static var splitsUnspacedScripts: Bool { false }
        package static var marksSymbols: Bool { false }
    }
    /// The text rules' profile.
    package enum Words: LexerProfile {
        package static var digits: LexDigits { .wordCharacters }
        package static var joinsHyphens: Bool { false }
        package static var splitsUnspacedScripts: Bool { false }
        package static var marksSymbols: Bool { false }
    }

    /// The class of the scalar at `i` as profile `P` sees it.
    @inline(__always)
    static func classAt<P: LexerProfile>(_: P.Type, _ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (LexClass, Int, UInt32) {
        let r = classAt(buf, i)
        switch r.0 {
        case .cjk, .thai: return P.splitsUnspacedScripts ? r : (.letter, r.1, r.2)
        case .currency: return P.marksSymbols ? r : (.other, r.1, r.2)
        case .digit: return P.digits == .separate && r.2 >= 0x80 ? (.letter, r.1, r.2) : r
        default: return r
        }
    }

    /// True when a joiner before a scalar of class `next` joins it to the word before.
    @inline(__always) static func continuesWord<P: LexerProfile>(_: P.Type, _ next: LexClass) -> Bool {
        next == .letter || (next == .digit && P.digits != .separate)
    }

    /// Calls `emit` for every token of `buf` in order, as profile `P` cuts it; the ranges tile the
    /// buffer (whitespace runs are `.space` tokens).
    @inline(__always)
    static func scan<P: LexerProfile>(_ p: P.Type, _ buf: UnsafeBufferPointer<UInt8>, _ emit: (TokenKind, Range<Int>) -> Void) {
        let n = buf.count
        var i = 0
        while i < n {
            let start = i
            let (cls, len, v) = classAt(p, buf, i)
            switch cls {
            case .space:
                i = skip(.space, buf, from: i + len)
                emit(.space, start..<i)
            case .cjk:
                // Absorb combining marks (voicing marks on kana).
                i = skip(.mark, buf, from: i + len)
                emit(.cjk, start..<i)
            case .thai:
                i = skip(.mark, buf, from: i + len)
                emit(.word, start..<i)
            case .currency:
                i += len
                emit(.currency, start..<i)
            case .digit:
                switch P.digits {
                case .numbers:
                    i = scanNumber(buf, start)
                    // A percentage.
                    if P.marksSymbols && i < n && buf[i] == 0x25 { emit(.percent, start..<(i + 1)); i += 1; continue }
                    // "10th", "3D", "1990s": digits running into letters form a word.
                    if i < n, case let c = classAt(p, buf, i).0, c == .letter || c == .digit || c == .mark {
                        i = scanWord(p, buf, i)
                        emit(.word, start..<i)
                    } else {
                        emit(.number, start..<i)
                    }
                case .separate:
                    i += 1
                    while i < n && buf[i] &- 0x30 < 10 { i += 1 }
                    emit(.number, start..<i)
                case .wordCharacters:
                    i = scanWord(p, buf, start)
                    emit(.word, start..<i)
                }
            case .letter, .mark:
                i = scanWord(p, buf, start)
                if P.marksSymbols {
                    // A code prefix on a currency symbol: "US$", "HK$", "R$".
                    if i < n && buf[i] == 0x24 && i - start <= 3 && isUpperASCII(buf, start..<i) {
                        emit(.currency, start..<(i + 1)); i += 1; continue
                    }
                    if i - start == 3 && isUpperASCII(buf, start..<i),
                       LexTables.currencyCodes.contains(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)) {
                        emit(.currency, start..<i); continue
                    }
                }
                emit(.word, start..<i)
            case .other:
                i += len
                if P.marksSymbols && v == 0x25 { emit(.percent, start..<i) } else { emit(.punctuation, start..<i) }
            }
        }
    }

    /// The offset after the run of scalars of class `cls` starting at `i` (`.space` and `.mark`
    /// are the same in every profile).
    @inline(__always)
    static func skip(_ cls: LexClass, _ buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i < buf.count {
            let (c, l, _) = classAt(buf, i)
            if c != cls { break }
            i += l
        }
        return i
    }

    @inline(__always) static func isUpperASCII(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if r.isEmpty { return false }
        for k in r where !(buf[k] >= 0x41 && buf[k] <= 0x5A) { return false }
        return true
    }

    /// End of a number starting at `i`: digits, with `,` or `.` between digits.
    static func scanNumber(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = buf.count
        var i = start
        while i < n {
            let (c, l, _) = classAt(buf, i)
            if c == .digit { i += l; continue }
            let b = buf[i]
            if (b == 0x2C || b == 0x2E) && i + 1 < n && classAt(buf, i + 1).0 == .digit { i += 1; continue }
            break
        }
        return i
    }

    /// End of a word starting at `i`: letters and marks (and digits, per the profile), with single
    /// inner joiners.
    @inline(__always)
    static func scanWord<P: LexerProfile>(_ p: P.Type, _ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = buf.count
        let digitsJoin = P.digits != .separate
        var i = start
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                // ASCII: letters (and digits) continue the word; `'` (and `-`) join two parts.
                // (b | 0x20) folds upper-case letters onto lower-case ones (and nothing else onto them).
                if (b | 0x20) &- 0x61 < 26 || (digitsJoin && b &- 0x30 < 10) { i += 1; continue }
                if (b == 0x27 || (P.joinsHyphens && b == 0x2D)) && i > start && i + 1 < n {
                    if continuesWord(p, classAt(p, buf, i + 1).0) { i += 1; continue }
                }
                break
            }
            let (c, l, v) = classAt(p, buf, i)
            if c == .letter || c == .mark || (digitsJoin && c == .digit) { i += l; continue }
            if let j = LexTables.joiner(v), j == .apostrophe || P.joinsHyphens, i > start && i + l < n {
                if continuesWord(p, classAt(p, buf, i + l).0) { i += l; continue }
            }
            break
        }
        return i
    }
}
