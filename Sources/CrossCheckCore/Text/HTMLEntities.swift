/// Decodes HTML character references (`&amp;`, `&nbsp;`, `&#124;`, `&#x2014;`) on UTF-8 bytes.
///
/// Wikitext, markdown and rendered pages all carry entities; every parser needs the same table,
/// so it lives here. Named references cover HTML 4 (Latin-1, Greek, punctuation, symbols) plus
/// the few HTML5 names common in articles. Numeric references are validated (no surrogates, no
/// NUL, at most U+10FFFF). O(length of the reference) per call.
package enum HTMLEntities {
    /// Longest named reference we look up, in bytes (without `&` and `;`).
    static let maxNameLength = 32

    /// Latin-1 names in code-point order from U+00A0.
    private static let latin1: [String] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute",
        "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    /// Greek capitals from U+0391 (U+03A2 is unassigned) and small letters from U+03B1.
    private static let greek: [String] = [
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu",
        "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
    ]

    private static let others: [String: UInt32] = [
        "quot": 0x22, "amp": 0x26, "apos": 0x27, "lt": 0x3C, "gt": 0x3E, "OElig": 0x152, "oelig": 0x153,
        "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
        "thetasym": 0x3D1, "upsih": 0x3D2, "piv": 0x3D6, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
        "hairsp": 0x200A, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "ndash": 0x2013,
        "mdash": 0x2014, "horbar": 0x2015, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
        "rdquo": 0x201D, "bdquo": 0x201E, "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022, "hellip": 0x2026,
        "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A, "oline": 0x203E,
        "frasl": 0x2044, "euro": 0x20AC, "image": 0x2111, "weierp": 0x2118, "real": 0x211C, "trade": 0x2122,
        "alefsym": 0x2135, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
        "crarr": 0x21B5, "lArr": 0x21D0, "uArr": 0x21D1, "rArr": 0x21D2, "dArr": 0x21D3, "hArr": 0x21D4,
        "forall": 0x2200, "part": 0x2202, "exist": 0x2203, "empty": 0x2205, "nabla": 0x2207, "isin": 0x2208,
        "notin": 0x2209, "ni": 0x220B, "prod": 0x220F, "sum": 0x2211, "minus": 0x2212, "lowast": 0x2217,
        "radic": 0x221A, "prop": 0x221D, "infin": 0x221E, "ang": 0x2220, "and": 0x2227, "or": 0x2228, "cap": 0x2229,
        "cup": 0x222A, "int": 0x222B, "there4": 0x2234, "sim": 0x223C, "cong": 0x2245, "asymp": 0x2248,
        "ne": 0x2260, "equiv": 0x2261, "le": 0x2264, "ge": 0x2265, "sub": 0x2282, "sup": 0x2283, "nsub": 0x2284,
        "sube": 0x2286, "supe": 0x2287, "oplus": 0x2295, "otimes": 0x2297, "perp": 0x22A5, "sdot": 0x22C5,
        "lceil": 0x2308, "rceil": 0x2309, "lfloor": 0x230A, "rfloor": 0x230B, "lang": 0x2329, "rang": 0x232A,
        "loz": 0x25CA, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666,
        // Common HTML5 additions.
        "nbhy": 0x2011, "NoBreak": 0x2060, "period": 0x2E, "comma": 0x2C, "colon": 0x3A, "semi": 0x3B,
        "excl": 0x21, "quest": 0x3F, "num": 0x23, "dollar": 0x24, "percnt": 0x25, "lpar": 0x28, "rpar": 0x29,
        "ast": 0x2A, "plus": 0x2B, "sol": 0x2F, "equals": 0x3D, "lsqb": 0x5B, "rsqb": 0x5D, "lbrack": 0x5B,
        "rbrack": 0x5D, "bsol": 0x5C, "lowbar": 0x5F, "grave": 0x60, "lcub": 0x7B, "rcub": 0x7D, "lbrace": 0x7B,
        "rbrace": 0x7D, "verbar": 0x7C, "vert": 0x7C, "Tab": 0x09, "NewLine": 0x0A, "dash": 0x2010,
        "check": 0x2713, "cross": 0x2717, "star": 0x2606, "starf": 0x2605, "female": 0x2640, "male": 0x2642,
    ]

    /// Every named reference with its scalar value.
    package static let named: [String: UInt32] = {
        var table = others
        for (k, name) in latin1.enumerated() { table[name] = 0xA0 + UInt32(k) }
        for (k, name) in greek.enumerated() where !name.isEmpty {
            table[name] = 0x391 + UInt32(k)
            table[name.lowercased()] = 0x3B1 + UInt32(k)
        }
        table["sigmaf"] = 0x3C2
        return table
    }()

    /// The scalar a reference name stands for (`amp` gives `&`), or nil.
    package static func scalar(named name: String) -> Unicode.Scalar? {
        named[name].flatMap(Unicode.Scalar.init)
    }

    /// Decodes the reference starting at `offset` (which holds `&`) within `bytes[..<end]`.
    ///
    /// Returns the scalar and the reference's length in bytes (including `&` and `;`), or nil when
    /// the bytes there are not a complete, known reference (a lone `&` stays text).
    package static func decode(_ bytes: [UInt8], at offset: Int, end: Int? = nil) -> (scalar: Unicode.Scalar, length: Int)? {
        let limit = min(end ?? bytes.count, bytes.count)
        guard offset >= 0, offset + 2 < limit, bytes[offset] == 0x26 else { return nil }
        var i = offset + 1
        if bytes[i] == 0x23 {  // '#'
            i += 1
            var hex = false
            if i < limit && (bytes[i] == 0x78 || bytes[i] == 0x58) { hex = true; i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < limit && digits <= 8 {
                let c = bytes[i]
                var d: UInt32
                if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
                else if hex && c >= 0x61 && c <= 0x66 { d = UInt32(c - 0x61 + 10) }
                else if hex && c >= 0x41 && c <= 0x46 { d = UInt32(c - 0x41 + 10) }
                else { break }
                value = value &* (hex ? 16 : 10) &+ d
                digits += 1
                i += 1
            }
            guard digits > 0, digits <= 8, i < limit, bytes[i] == 0x3B else { return nil }
            guard value != 0, value <= 0x10FFFF, !(value >= 0xD800 && value <= 0xDFFF),
                let scalar = Unicode.Scalar(value)
            else { return nil }
            return (scalar, i + 1 - offset)
        }
        let nameStart = i
        while i < limit && i - nameStart <= maxNameLength {
            let c = bytes[i]
            let isAlnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            if !isAlnum { break }
            i += 1
        }
        guard i > nameStart, i < limit, bytes[i] == 0x3B else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        guard let scalar = scalar(named: name) else { return nil }
        return (scalar, i + 1 - offset)
    }

    /// Decodes every reference in `text`; unknown or malformed ones stay as written.
    package static func decodeAll(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x26) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x26, let (scalar, length) = decode(bytes, at: i) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
