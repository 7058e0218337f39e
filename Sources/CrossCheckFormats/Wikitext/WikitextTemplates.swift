import CrossCheckCore
/// How an inline template renders in plain text.
enum WikitextTemplateKind: Sendable {
    /// Renders its first positional parameter (`{{nowrap|x}}`).
    case first
    /// Renders its second positional parameter (`{{lang|fr|texte}}`).
    case second
    /// Renders its last positional parameter (`{{transl|zh|pinyin}}`).
    case last
    /// Fixed text (`{{ndash}}`).
    case text(String)
    /// A line break: a list separator in field values, a space in prose.
    case lineBreak
    /// List items (`{{ubl|a|b}}`, `{{plainlist|* a * b}}`) joined with separators.
    case list
    /// A date from year/month/day parameters or a written date.
    case date
    /// `{{convert|5|km}}`: value and unit.
    case convert
    /// A currency amount with this symbol.
    case currency(String)
    /// `{{URL|url|label}}`: the label, else the bare address.
    case url
    /// Script and language values of `{{zh|s=...|t=...}}`.
    case scripts
    /// `{{as of|2020}}`
    case asOf
    /// Renders the given prefix and the first parameter (`{{circa|1900}}`, `{{ISBN|...}}`).
    case prefixed(String)
    /// `{{frac|1|2}}`
    case fraction
    /// `{{val|1.5|u=m}}`
    case value
    /// `{{quote|text=...}}`
    case quote
    /// `{{ill|Target|de|...|lt=label}}`
    case interlanguage
    /// Positional parameters joined without separator (`{{sic|the|re}}`).
    case joined
    /// Non-empty positional parameters joined with spaces (`{{bibleverse|1|John|3:16}}`, `{{ship|HMS|Name}}`).
    case spaced
    /// `{{efn|...}}`, `{{refn|...}}`: a footnote citation.
    case footnote
    /// `{{sfn|...}}`: a short citation.
    case shortCitation
    /// `{{r|name}}`: reuses named references.
    case refReuse
    /// Renders nothing.
    case nothing
}

extension WikitextRenderer {
    static let templateKinds: [String: WikitextTemplateKind] = {
        var t: [String: WikitextTemplateKind] = [:]
        for name in [
            "nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "large", "huge", "em", "strong", "var",
            "mono", "code", "samp", "kbd", "sup", "sub", "smallcaps", "small caps", "sc", "sc1", "sc2", "allcaps",
            "center", "centre", "not a typo", "notatypo", "as written", "proper name", "visible anchor", "vanchor",
            "bold", "italic", "underline", "strikethrough", "highlight", "mark", "tooltip", "abbr", "abbrlink",
            "abbr link", "hover title", "h:title", "nihongo", "nihongo2", "plainlink", "noitalic", "nowr",
            "flag", "flagcountry", "flagu", "flag country", "flagg", "linktext", "lang-rtl", "ruby", "keypress",
            "smallsup", "font", "font color", "color", "colour", "nobold", "noitalics", "dfn", "strongbad", "var serif",
            "math", "mvar", "tmath", "small-caps", "text", "ill2", "nastaliq", "script",
        ] { t[name] = .first }
        t["lang"] = .second
        t["langx"] = .second
        t["lang-x"] = .second
        for name in ["transl", "transliteration", "resize", "rtl-lang"] { t[name] = .last }
        for (name, text) in [
            ("nbsp", " "), ("ndash", "–"), ("en dash", "–"), ("endash", "–"), ("dash", "–"), ("mdash", "—"),
            ("em dash", "—"), ("emdash", "—"), ("snd", " – "), ("spnd", " – "), ("sndash", " – "),
            ("spaced ndash", " – "), ("spaced en dash", " – "), ("spaced dash", " – "), ("·", " · "), ("dot", " · "),
            ("middot", " · "), ("bull", " • "), ("bullet", " • "), ("!", "|"), ("=", "="), ("'", "'"),
            ("pipe", "|"), ("thinsp", ""), ("hair space", ""), ("zwsp", ""), ("shy", ""), ("-", ""), ("clear", ""),
            ("colon", ":"), ("sp", " "), ("space", " "), ("figure space", " "), ("'s", "'s"), ("`", "'"),
            ("en space", " "), ("em space", " "), ("minus", "−"), ("times", "×"), ("degree", "°"),
            ("!!", "||"), ("(", "("), (")", ")"), ("((", "{{"), ("))", "}}"), ("tilde", "~"),
        ] { t[name] = .text(text) }
        for name in ["break", "br", "crlf", "line break", "linebreak"] { t[name] = .lineBreak }
        for name in [
            "ubl", "unbulleted list", "unbulleted", "ublist", "plainlist", "plain list", "hlist", "flatlist",
            "flat list", "bulleted list", "blist", "bulleted", "ordered list", "olist", "unordered list",
            "collapsible list", "startflatlist", "endflatlist", "hlist-comma", "comma separated entries",
            "unbulleted list citebundle", "indented plainlist", "pagelist",
        ] { t[name] = .list }
        for name in [
            "start date", "end date", "start date and age", "end date and age", "birth date", "death date",
            "birth date and age", "death date and age", "birth year and age", "death year and age", "film date",
            "dts", "date", "release date", "start and end dates", "birth-date", "death-date", "birth date and age2",
            "start-date", "end-date", "date and age", "start date text", "b-da", "dob", "bda", "dda",
        ] { t[name] = .date }
        for name in ["convert", "cvt", "convinfobox", "convert/flip"] { t[name] = .convert }
        for (name, symbol) in [
            ("us$", "US$"), ("usd", "US$"), ("us dollar", "US$"), ("hk$", "HK$"), ("hkd", "HK$"), ("a$", "A$"),
            ("au$", "A$"), ("aud", "A$"), ("ca$", "CA$"), ("c$", "CA$"), ("cad", "CA$"), ("nz$", "NZ$"),
            ("nzd", "NZ$"), ("s$", "S$"), ("sgd", "S$"), ("€", "€"), ("euro", "€"), ("eur", "€"), ("£", "£"),
            ("gbp", "£"), ("¥", "¥"), ("jpy", "¥"), ("yen", "¥"), ("cn¥", "CN¥"), ("cny", "CN¥"), ("rmb", "CN¥"),
            ("renminbi", "CN¥"), ("₹", "₹"), ("inr", "₹"), ("indian rupees", "₹"), ("krw", "₩"), ("won", "₩"),
            ("nt$", "NT$"), ("twd", "NT$"), ("chf", "CHF "), ("r$", "R$"), ("brl", "R$"), ("₽", "₽"), ("rub", "₽"),
        ] { t[name] = .currency(symbol) }
        for name in ["url", "url2"] { t[name] = .url }
        for name in ["zh", "zho", "chinese", "cjkv", "ja", "ko", "korean", "vi", "vietnamese", "zh-full"] {
            t[name] = .scripts
        }
        for name in ["as of", "asof", "as of date"] { t[name] = .asOf }
        for (name, prefix) in [
            ("circa", "c. "), ("c.", "c. "), ("ca.", "c. "), ("floruit", "fl. "), ("fl.", "fl. "), ("isbn", "ISBN "),
            ("issn", "ISSN "), ("oclc", "OCLC "), ("doi", "doi:"), ("reign", "r. "), ("r.", "r. "),
        ] { t[name] = .prefixed(prefix) }
        for name in ["frac", "fraction", "sfrac"] { t[name] = .fraction }
        for name in ["val", "value", "nts", "ntsh", "formatnum"] { t[name] = .value }
        for name in [
            "quote", "blockquote", "quotation", "cquote", "rquote", "quote box", "pull quote", "bq", "poem quote",
            "quote frame", "centered pull quote", "block quote", "talk quote",
        ] { t[name] = .quote }
        for name in ["ill", "interlanguage link", "interlanguage link multi", "ill-wd"] { t[name] = .interlanguage }
        for name in ["sic", "sic?"] { t[name] = .joined }
        for name in ["bibleverse", "bibleref", "bibleref2", "bibleverse-nb", "bible verse", "ship", "ship prefix"] {
            t[name] = .spaced
        }
        // Ship-name templates: `{{HMS|Victory}}` is "HMS Victory".
        for prefix in [
            "hms", "uss", "ss", "mv", "rms", "sms", "hmas", "hmcs", "hmnzs", "ins", "usns", "uscgc", "usrc", "hmhs", "hmt",
            "hnlms", "hdms", "hswms",
        ] { t[prefix] = .prefixed(prefix.uppercased() + " ") }
        // Year-link templates (`{{by|1990}}`, `{{NFL Year|2017}}`) show the year.
        for name in ["by", "mlby", "nfl year", "nfly", "cfb year", "nba year", "nhl year"] { t[name] = .first }
        t["n/a"] = .text("N/A")
        t["0"] = .text("")
        for name in ["efn", "efn-ua", "efn-lr", "efn-lg", "efn-ur", "efn-la", "efn-ll", "efn-lu", "refn", "notetag", "efn-note"] {
            t[name] = .footnote
        }
        for name in ["sfn", "sfnp", "sfnm", "sfnmp"] { t[name] = .shortCitation }
        for name in ["r", "rp", "ref"] { t[name] = name == "rp" ? .nothing : .refReuse }
        for name in ["official url", "official website", "official site"] { t[name] = .nothing }
        return t
    }()

    /// Parameter names of script templates that control display rather than hold text.
    static let scriptControlKeys: Set<String> = [
        "labels", "links", "scase", "first", "out", "order", "name", "lit", "l", "lang", "italic", "nocat", "cat",
        "rtl", "size", "collapse", "display", "showflag", "label", "links2", "hide", "title", "i", "ipa", "tone",
        "c-ipa", "j-ipa", "p-ipa", "footnote", "note",
    ]

    // MARK: - Rendering

    mutating func renderParameter(_ r: WikitextRegion, into sink: inout WikitextSink, depth: Int) {
        guard depth < WikitextRenderer.maxDepth, let pipe = firstTopLevel(0x7C, in: r.inner) else { return }
        renderInline((pipe + 1)..<r.inner.upperBound, into: &sink, depth: depth + 1)
    }

    /// `text` without `{| ... |}` tables that templates produced (`{{{!}} ...` written for `{|`).
    static func withoutRenderedTables(_ text: String) -> String {
        let u = Array(text.utf8)
        guard u.count > 1, u.contains(0x7C) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var depth = 0
        var i = 0
        while i < u.count {
            if i + 1 < u.count && u[i] == 0x7B && u[i + 1] == 0x7C {
                depth += 1
                i += 2
            } else if depth > 0 && i + 1 < u.count && u[i] == 0x7C && u[i + 1] == 0x7D {
                depth -= 1
                i += 2
            } else {
                if depth == 0 { out.append(u[i]) }
                i += 1
            }
        }
        // An unclosed table keeps the text as it was.
        return depth > 0 ? text : String(decoding: out, as: UTF8.self)
    }

    /// Sidebars, navigation boxes and maintenance banners: key = value lines that are no article facts.
    static func isLayoutTemplate(_ name: String) -> Bool {
        ["sidebar", "navbox", "navigation", "issues", "ambox", "hatnote", "side box", "banner", "talk", "collapsible", "noteta"]
            .contains { name.contains($0) }
    }

    /// Whether a template's parameters are `key = value` lines (an infobox-like block).
    func isKeyValueBlock(_ call: WikitextTemplateCall) -> Bool {
        var count = 0
        for p in call.params {
            guard let nameRange = p.nameRange, let name = p.name, !WikitextRenderer.isDigits(name) else { continue }
            // A line end between the `|` and the key, or just before the `|`.
            var onOwnLine = bytes[p.start..<nameRange.lowerBound].contains(0x0A)
            if !onOwnLine {
                var j = p.start - 2
                while j > call.start && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D) { j -= 1 }
                onOwnLine = j > call.start && bytes[j] == 0x0A
            }
            if onOwnLine { count += 1 }
            if count >= 2 { return true }
        }
        return false
    }

    mutating func renderTemplate(at start: Int, _ r: WikitextRegion, into sink: inout WikitextSink, depth: Int) {
        guard depth < WikitextRenderer.maxDepth else { return }
        let call = split(r, at: start)
        let name = call.name
        if name.hasPrefix("#tag:ref") {
            // `{{#tag:ref|body|name=x}}` is a `<ref>` written as a parser function.
            guard let body = call.positional(1) else { return }
            var c = bodyCitation(body.value, offset: start, depth: depth + 1)
            (c.name, c.group) = nameAndGroup(call)
            if WikitextRenderer.hasMetadata(c) { define(c) }
            sink.attach(c)
            return
        }
        guard let first = name.utf8.first, first != 0x23 else { return }  // `{{#if:...}}` and other parser functions
        if let colon = firstTopLevel(0x3A, in: call.nameRange) {
            let fn = name.prefix { $0 != ":" }
            if ["formatnum", "lc", "uc", "lcfirst", "ucfirst", "padleft", "padright"].contains(String(fn)) {
                renderInline((colon + 1)..<call.nameRange.upperBound, into: &sink, depth: depth + 1)
            }
            return
        }
        if name.hasPrefix("infobox") || name.hasSuffix(" infobox")
            || (depth == 0 && fieldTemplatesAllowed && sink.isEmpty && !WikitextRenderer.isLayoutTemplate(name)
                && isKeyValueBlock(call))
        {
            extractFields(call, origin: .template(name), depth: depth)
            return
        }
        if name.hasPrefix("use dmy") || name.hasPrefix("use mdy") {
            if declaredDateStyle == nil {
                declaredDateStyle = name.hasPrefix("use dmy") ? .dmy : .mdy
                declaredDateStyleLine = lines.line(of: start)
            }
            return
        }
        if WikitextRenderer.isCitationTemplate(name) {
            sink.attach(templateCitation(r, name: name, offset: start, depth: depth))
            return
        }
        if name.hasPrefix("lang-") || name.hasPrefix("lang ") {
            if let p = call.positional(1) ?? call.named("text") { renderInline(p.value, into: &sink, depth: depth + 1) }
            return
        }
        guard let kind = WikitextRenderer.templateKinds[name] else {
            renderUnknown(call, into: &sink, depth: depth)
            return
        }
        render(kind, call, into: &sink, depth: depth)
    }

    /// Unknown templates render nothing, except stock-ticker-like and script-like ones.
    private mutating func renderUnknown(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth: Int) {
        // `{{Reflist|refs=<ref name=a>...</ref>}}`: list-defined references render nothing here but
        // define what `<ref name=a/>` means.
        if let refs = call.named("refs") {
            var discard = WikitextSink()
            renderInline(refs.value, into: &discard, depth: depth + 1)
            return
        }
        let nameBytes = Array(call.name.utf8)
        let letters = nameBytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        // `{{NYSE|IBM}}`: a 2-6 letter name and one short code.
        if letters, nameBytes.count >= 2, nameBytes.count <= 6, call.params.count == 1,
            let p = call.params.first, p.name == nil
        {
            let code = Array(raw(p.value).utf8)
            let isCode = !code.isEmpty && code.count <= 8
                && code.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E || $0 == 0x2D }
            if isCode {
                sink.emit(generated: call.name.uppercased() + ": " + String(decoding: code, as: UTF8.self), at: call.start)
                return
            }
        }
        // `{{xx|s=...|t=...}}`: a language code with script values.
        if letters, nameBytes.count >= 2, nameBytes.count <= 3, call.hasNamed, call.positionals.isEmpty {
            render(.scripts, call, into: &sink, depth: depth)
        }
    }

    private mutating func render(
        _ kind: WikitextTemplateKind, _ call: WikitextTemplateCall, into sink: inout WikitextSink, depth: Int
    ) {
        let d = depth + 1
        switch kind {
        case .first:
            if let p = call.positional(1) { renderInline(p.value, into: &sink, depth: d) }
        case .second:
            if let p = call.positional(2) ?? call.named("text") { renderInline(p.value, into: &sink, depth: d) }
        case .last:
            if let p = call.positionals.last { renderInline(p.value, into: &sink, depth: d) }
        case .text(let s):
            if s == " " { sink.space(at: call.start) } else if !s.isEmpty { sink.emit(generated: s, at: call.start) }
        case .lineBreak:
            if sink.separator == 0x3B { sink.listBreak(at: call.start) } else { sink.space(at: call.start) }
        case .list:
            renderList(call, into: &sink, depth: d)
        case .date:
            renderDate(call, into: &sink, depth: d)
        case .convert:
            renderConvert(call, into: &sink, depth: d)
        case .currency(let prefix), .prefixed(let prefix):
            // A symbol or label before the first positional value: `{{US$|5}}` gives "US$5".
            guard let p = call.positional(1) else { return }
            let v = plain(p.value, depth: d)
            if !v.isEmpty { sink.emit(generated: prefix + v, at: call.start) }
        case .url:
            renderURL(call, into: &sink, depth: d)
        case .scripts:
            renderScripts(call, into: &sink, depth: d)
        case .asOf:
            let lower = call.named("lc").map { !raw($0.value).isEmpty } ?? false
            sink.emit(generated: lower ? "as of " : "As of ", at: call.start)
            renderDate(call, into: &sink, depth: d)
        case .fraction:
            renderFraction(call, into: &sink, depth: d)
        case .value:
            renderValue(call, into: &sink, depth: d)
        case .quote:
            renderQuote(call, into: &sink, depth: d)
        case .interlanguage:
            if let p = call.named("lt") ?? call.positional(1) { renderInline(p.value, into: &sink, depth: d) }
        case .joined:
            for p in call.positionals { renderInline(p.value, into: &sink, depth: d) }
        case .spaced:
            for p in call.positionals where !trimmed(p.value).isEmpty {
                sink.space(at: p.value.lowerBound)
                renderInline(p.value, into: &sink, depth: d)
            }
        case .footnote:
            renderFootnote(call, into: &sink, depth: d)
        case .shortCitation:
            sink.attach(shortCitation(call, offset: call.start, depth: d))
        case .refReuse:
            attachReuses(call, to: &sink)
        case .nothing:
            break
        }
    }

    /// `{{ubl|a|b}}`, `{{hlist|...}}`: the items, one list break apart.
    private mutating func renderList(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        var first = true
        for p in call.positionals where !trimmed(p.value).isEmpty {
            if !first { sink.listBreak(at: p.value.lowerBound) }
            renderInline(p.value, into: &sink, depth: d, listLines: true)
            first = false
        }
    }

    /// `{{URL|example.com|label}}`: the label, else the URL without its scheme and trailing `/`.
    private mutating func renderURL(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        if let label = call.positional(2), !trimmed(label.value).isEmpty {
            renderInline(label.value, into: &sink, depth: d)
        } else if let p = call.positional(1) {
            var url = raw(p.value)
            for scheme in ["https://", "http://", "//"] where url.lowercased().hasPrefix(scheme) {
                url = String(url.dropFirst(scheme.count))
                break
            }
            if url.hasSuffix("/") { url.removeLast() }
            if !url.isEmpty { sink.emit(generated: url, at: call.start) }
        }
    }

    /// `{{zh|s=...|t=...|p=...}}`: every text value (not the display controls), one list break apart.
    private mutating func renderScripts(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        var first = true
        for p in call.params {
            if let name = p.name, WikitextRenderer.scriptControlKeys.contains(name) { continue }
            if trimmed(p.value).isEmpty { continue }
            if !first { sink.listBreak(at: p.value.lowerBound) }
            renderInline(p.value, into: &sink, depth: d)
            first = false
        }
    }

    /// `{{frac|1|2}}` as `1/2`, `{{frac|3|1|2}}` as `3 1/2`.
    private mutating func renderFraction(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        let v = call.positionals.map { plain($0.value, depth: d) }
        switch v.count {
        case 1: sink.emit(generated: "1/" + v[0], at: call.start)
        case 2: sink.emit(generated: v[0] + "/" + v[1], at: call.start)
        case 3...: sink.emit(generated: v[0] + " " + v[1] + "/" + v[2], at: call.start)
        default: break
        }
    }

    /// `{{val|5|u=km}}`: the value and its unit.
    private mutating func renderValue(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        guard let p = call.positional(1) else { return }
        var v = plain(p.value, depth: d)
        if let u = call.named("u") ?? call.named("ul") {
            let unit = plain(u.value, depth: d)
            if !unit.isEmpty { v += " " + unit }
        }
        if !v.isEmpty { sink.emit(generated: v, at: call.start) }
    }

    /// `{{quote|text}}`: the quotation, set apart by spaces.
    private mutating func renderQuote(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        if let p = call.named("text") ?? call.named("quote") ?? call.positional(1) {
            sink.space(at: call.start)
            renderInline(p.value, into: &sink, depth: d)
            sink.space(at: call.start)
        }
    }

    /// `{{r|a|b}}`: reuses of the named references `a` and `b`.
    private func attachReuses(_ call: WikitextTemplateCall, to sink: inout WikitextSink) {
        for p in call.positionals {
            let name = raw(p.value)
            if !name.isEmpty { sink.attach(Citation(name: name, offset: call.start)) }
        }
    }

    /// `{{efn|body|name=x}}`: a citation from the body (or a reuse of a named one).
    private mutating func renderFootnote(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth d: Int) {
        guard let body = call.positional(1) ?? call.named("text") else {
            if let name = call.named("name").map({ raw($0.value) }), !name.isEmpty {
                sink.attach(Citation(name: name, group: call.named("group").map { raw($0.value) }, offset: call.start))
            }
            return
        }
        var c = bodyCitation(body.value, offset: call.start, depth: d)
        c.template = call.name
        (c.name, c.group) = nameAndGroup(call)
        define(c)
        sink.attach(c)
    }

    // MARK: - Dates and units

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// Formats year, month and day in `style`; a month that is not a number is kept as written.
    static func formatDate(year: String, month: String?, day: String?, style: DateStyle) -> String {
        guard let month, !month.isEmpty else { return year }
        var monthName = month
        if let m = Int(month), m >= 1, m <= 12 { monthName = monthNames[m - 1] }
        guard let day, let d = Int(day), d >= 1, d <= 31 else { return monthName + " " + year }
        return style == .dmy ? "\(d) \(monthName) \(year)" : "\(monthName) \(d), \(year)"
    }

    private mutating func renderDate(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth: Int) {
        let values = call.positionals.prefix(3).map { plain($0.value, depth: depth) }
        guard let first = values.first, !first.isEmpty else { return }
        guard WikitextRenderer.isDigits(first) else {
            sink.emit(generated: first, at: call.start)
            return
        }
        func flag(_ key: String) -> Bool {
            guard let p = call.named(key) else { return false }
            let v = raw(p.value).lowercased()
            return !v.isEmpty && v != "no" && v != "n" && v != "0"
        }
        let style = declaredDateStyle ?? (flag("df") ? .dmy : .mdy)
        let month = values.count > 1 ? values[1] : nil
        let day = values.count > 2 ? values[2] : nil
        sink.emit(generated: WikitextRenderer.formatDate(year: first, month: month, day: day, style: style), at: call.start)
    }

    static let rangeWords: [String: String] = [
        "to": "to", "-": "–", "–": "–", "and": "and", "or": "or", "x": "×", "by": "by", "+/-": "±", "to(-)": "to",
        "and(-)": "and", "+": "+", "×": "×",
    ]

    static let unitNames: [String: String] = [
        "sqkm": "km²", "km2": "km²", "sqmi": "sq mi", "mi2": "sq mi", "m2": "m²", "sqm": "m²", "ft2": "sq ft",
        "sqft": "sq ft", "c": "°C", "f": "°F", "kmh": "km/h", "km/h": "km/h", "mph": "mph", "acre": "acres",
        "cuft": "cu ft", "m3": "m³", "km3": "km³", "usgal": "US gal", "impgal": "imp gal", "lb": "lb",
    ]

    private mutating func renderConvert(_ call: WikitextTemplateCall, into sink: inout WikitextSink, depth: Int) {
        let v = call.positionals.map { plain($0.value, depth: depth) }
        guard let value = v.first, !value.isEmpty else { return }
        var out = value
        var unitIndex = 1
        if v.count > 3, let word = WikitextRenderer.rangeWords[v[1].lowercased()] {
            out += (word == "–" ? "–" : " " + word + " ") + v[2]
            unitIndex = 3
        }
        if v.count > unitIndex, !v[unitIndex].isEmpty {
            let unit = v[unitIndex]
            out += " " + (WikitextRenderer.unitNames[unit.lowercased()] ?? unit)
        }
        sink.emit(generated: out, at: call.start)
    }

    // MARK: - Fields

    /// Turns every named, non-empty parameter of an infobox-like template into a field.
    mutating func extractFields(_ call: WikitextTemplateCall, origin: FieldOrigin, depth: Int) {
        for p in call.params {
            guard let key = p.name, !key.isEmpty, !WikitextRenderer.isDigits(key), let nameRange = p.nameRange else {
                continue
            }
            var sink = WikitextSink(fieldValue: true)
            renderInline(p.value, into: &sink, depth: depth + 1, listLines: true)
            let value = WikitextRenderer.withoutRenderedTables(sink.string).wikitextTrimmed
            guard !value.isEmpty else { continue }
            let valueRange = trimmed(p.value)
            fields.append(
                Field(
                    key: key.wikitextTrimmed, value: value, raw: raw(p.value), line: lines.line(of: nameRange.lowerBound),
                    section: currentSection, citations: sink.text.citations.map(\.citation), origin: origin,
                    sourceRange: valueRange))
            if key == "name" && infoboxName == nil { infoboxName = value }
        }
    }
}
