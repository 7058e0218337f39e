import CrossCheckCore

/// One template parameter: `name = value` or a positional value.
struct WikitextParam: Sendable {
    /// Lower-cased, trimmed name; nil for a positional parameter.
    var name: String?
    /// Where the name is written (named parameters only).
    var nameRange: Range<Int>?
    /// The value as written (untrimmed).
    var value: Range<Int>
    /// 1-based position among positional parameters (0 for named ones).
    var index: Int
    /// Offset just after the parameter's `|`.
    var start: Int
}

/// A template call split into its name and parameters.
struct WikitextTemplateCall: Sendable {
    /// Normalised name: lower-cased, `_` as space, spaces collapsed, `Template:` dropped.
    var name: String
    var nameRange: Range<Int>
    var params: [WikitextParam]
    /// Offset of `{{`.
    var start: Int

    /// The last parameter called `key` (as MediaWiki does), or the positional one when `key` is a number.
    func named(_ key: String) -> WikitextParam? {
        if let p = params.last(where: { $0.name == key }) { return p }
        if let k = Int(key) { return params.first { $0.index == k } }
        return nil
    }

    /// The `k`th positional parameter (1-based), or one named `k`.
    func positional(_ k: Int) -> WikitextParam? {
        params.first { $0.index == k } ?? params.last { $0.name == String(k) }
    }

    var positionals: [WikitextParam] { params.filter { $0.name == nil } }
    var hasNamed: Bool { params.contains { $0.name != nil } }
}

/// Up to 16 ASCII bytes packed into two words (and the full length), for comparing a name with
/// fixed keys without building a `String`.
struct WikitextPackedName: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    /// Length of the whole name (bytes past the 16th are not kept).
    var count = 0

    init() {}

    init(_ bytes: [UInt8]) {
        for b in bytes { append(b) }
    }

    /// The packed bytes as a `String` (names of at most 16 bytes; longer ones are cut).
    var string: String {
        var words = (low, high)
        let n = min(count, 16)
        return withUnsafeBytes(of: &words) { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<n]), as: UTF8.self)
        }
    }

    @inline(__always) mutating func append(_ b: UInt8) {
        if count < 8 {
            low |= UInt64(b) << (8 * UInt64(count))
        } else if count < 16 {
            high |= UInt64(b) << (8 * UInt64(count - 8))
        }
        count += 1
    }
}

/// Splitting a template call into its name and parameters, and normalising names.
extension WikitextRenderer {
    /// Normalises a template name as written.
    func templateName(_ range: Range<Int>) -> String {
        var name: String
        if let packed = packedName(range, underscoreIsSpace: true, commentIsSpace: false), packed.count <= 16 {
            name = packed.string
        } else {
            name = String(decoding: collapsedLowercase(range, underscoreIsSpace: true, commentIsSpace: false), as: UTF8.self)
        }
        for prefix in ["template:", "subst:", "safesubst:", "msgnw:"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count)).wikitextTrimmed
        }
        return name
    }

    /// A parameter name as written, lower-cased, without comments, spaces collapsed.
    func parameterName(_ range: Range<Int>) -> String {
        if let packed = packedParameterName(range), packed.count <= 16 { return packed.string }
        let out = collapsedLowercase(range, underscoreIsSpace: false, commentIsSpace: true)
        let name = String(decoding: out, as: UTF8.self)
        return out.contains { $0 >= 0x80 } ? name.lowercased() : name
    }

    /// `parameterName(range)` packed for comparison with short ASCII keys, without allocating; nil
    /// when the name has a non-ASCII byte (compare `parameterName` then).
    func packedParameterName(_ range: Range<Int>) -> WikitextPackedName? {
        packedName(range, underscoreIsSpace: false, commentIsSpace: true)
    }

    /// `collapsedLowercase(range, ...)` packed (see `packedParameterName`); nil for non-ASCII bytes.
    func packedName(_ range: Range<Int>, underscoreIsSpace: Bool, commentIsSpace: Bool) -> WikitextPackedName? {
        var out = WikitextPackedName()
        let ascii = walkCollapsedLowercase(range, underscoreIsSpace: underscoreIsSpace, commentIsSpace: commentIsSpace) { b in
            guard b < 0x80 else { return false }
            out.append(b)
            return true
        }
        return ascii ? out : nil
    }

    /// The name part of a template region: up to its first top-level `|` (as `split` cuts it).
    func templateNameRange(_ r: WikitextRegion) -> Range<Int> {
        r.inner.lowerBound..<(firstTopLevel(0x7C, in: r.inner) ?? r.inner.upperBound)
    }

    /// The bytes of `range` with comments removed, runs of white space collapsed to one space
    /// (trimmed at both ends) and ASCII letters lower-cased: the shared core of name normalisation.
    private func collapsedLowercase(_ range: Range<Int>, underscoreIsSpace: Bool, commentIsSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        walkCollapsedLowercase(range, underscoreIsSpace: underscoreIsSpace, commentIsSpace: commentIsSpace) { b in
            out.append(b)
            return true
        }
        return out
    }

    /// Feeds `body` the bytes `collapsedLowercase` gives, one at a time, until it returns false;
    /// returns whether it went to the end.
    @inline(__always) @discardableResult
    private func walkCollapsedLowercase(
        _ range: Range<Int>, underscoreIsSpace: Bool, commentIsSpace: Bool, _ body: (UInt8) -> Bool
    ) -> Bool {
        var i = range.lowerBound
        var space = false
        var emitted = false
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x3C, let r = scan.regions[i], r.kind == .comment, r.end <= range.upperBound {
                i = r.end
                if commentIsSpace { space = true }
                continue
            }
            if WikitextRenderer.isSpace(b) || (underscoreIsSpace && b == 0x5F) {
                space = true
            } else {
                if space && emitted && !body(0x20) { return false }
                space = false
                emitted = true
                if !body(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) { return false }
            }
            i += 1
        }
        return true
    }

    /// Splits a template region at its top-level `|` and `=`.
    func split(_ r: WikitextRegion, at start: Int) -> WikitextTemplateCall {
        let inner = r.inner
        var parts: [Range<Int>] = []
        var s = inner.lowerBound
        var i = s
        while i < inner.upperBound {
            let b = bytes[i]
            if b == 0x7C {
                parts.append(s..<i)
                s = i + 1
            } else if b == 0x7B || b == 0x5B || b == 0x3C, let rg = scan.regions[i], rg.end <= inner.upperBound {
                i = rg.end
                continue
            }
            i += 1
        }
        parts.append(s..<inner.upperBound)
        let nameRange = parts[0]
        var params: [WikitextParam] = []
        params.reserveCapacity(parts.count - 1)
        var index = 0
        for part in parts.dropFirst() {
            if let eq = firstTopLevel(0x3D, in: part) {
                let nameRange = trimmed(part.lowerBound..<eq)
                let name = parameterName(nameRange)
                params.append(
                    WikitextParam(
                        name: name, nameRange: nameRange, value: (eq + 1)..<part.upperBound, index: 0, start: part.lowerBound))
            } else {
                index += 1
                params.append(WikitextParam(name: nil, nameRange: nil, value: part, index: index, start: part.lowerBound))
            }
        }
        return WikitextTemplateCall(name: templateName(nameRange), nameRange: nameRange, params: params, start: start)
    }
}
