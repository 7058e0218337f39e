/// A JSON value with a deterministic writer (sorted keys, two-space indent) and a strict parser.
///
/// crosscheck's outputs must be byte-identical across runs, and its inputs (manifests, baselines)
/// need errors with a line; Foundation's serialisation gives neither on Linux, so this is the one
/// place JSON is read and written.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package static func int(_ v: Int) -> JSONValue { .number(Double(v)) }
    package static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    package subscript(key: String) -> JSONValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }
    package var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    package var intValue: Int? { if case let .number(d) = self, d == d.rounded(), abs(d) < 1e15 { return Int(d) }; return nil }
    package var doubleValue: Double? { if case let .number(d) = self { return d }; return nil }
    package var boolValue: Bool? { if case let .bool(b) = self { return b }; return nil }
    package var arrayValue: [JSONValue]? { if case let .array(a) = self { return a }; return nil }
    package var objectValue: [String: JSONValue]? { if case let .object(o) = self { return o }; return nil }

    /// Serialises with sorted keys; `pretty` indents by two spaces and ends with a newline.
    package func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : -1)
        if pretty { out += "\n" }
        return out
    }

    /// Appends the value as `serialized` writes it at nesting depth `indent` (-1: compact).
    package func write(into out: inout String, indent: Int) {
        let pretty = indent >= 0
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(d):
            if d == d.rounded() && abs(d) < 1e15 { out += String(Int(d)) } else if d.isFinite { out += String(d) } else { out += "null" }
        case let .string(s): JSONValue.writeString(s, into: &out)
        case let .array(a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                if pretty { JSONValue.newline(&out, indent + 1) }
                v.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            if pretty { JSONValue.newline(&out, indent) }
            out += "]"
        case let .object(o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, k) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                if pretty { JSONValue.newline(&out, indent + 1) }
                JSONValue.writeString(k, into: &out)
                out += pretty ? ": " : ":"
                o[k]!.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            if pretty { JSONValue.newline(&out, indent) }
            out += "}"
        }
    }

    /// A newline and `depth` two-space indents (the common depths without building a string).
    package static func newline(_ out: inout String, _ depth: Int) {
        if depth < indents.count { out += indents[depth] } else { out += "\n" + String(repeating: "  ", count: depth) }
    }
    private static let indents: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    /// Appends `s` quoted, escaping `"`, `\\` and control characters.
    ///
    /// Every byte that needs an escape is ASCII, so the text is scanned as UTF-8 bytes and the
    /// runs between escapes are appended whole (a string with none is appended at once).
    package static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var s = s
        let plain = s.withUTF8 { b -> Bool in
            var start = 0
            for (i, c) in b.enumerated() where c < 0x20 || c == 0x22 || c == 0x5C {
                if i > start { out += String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) }
                switch c {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default:
                    let h = String(c, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                }
                start = i + 1
            }
            if start == 0 { return true }
            if start < b.count { out += String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self) }
            return false
        }
        if plain { out += s }
        out += "\""
    }

    /// A parse failure with its 1-based line.
    package struct ParseError: Error, Sendable, Equatable {
        package var line: Int
        package var message: String
    }

    /// Parses JSON text. Nesting deeper than 512 is rejected rather than recursed into.
    package static func parse(_ text: String) throws(ParseError) -> JSONValue {
        var p = Parser(bytes: Array(text.utf8))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.i < p.bytes.count { throw p.fail("unexpected text after the JSON value") }
        return v
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        }

        func fail(_ m: String) -> ParseError {
            var line = 1
            for k in 0..<min(i, bytes.count) where bytes[k] == 0x0A { line += 1 }
            return ParseError(line: line, message: m)
        }
        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        mutating func literal(_ word: String, _ v: JSONValue) throws(ParseError) -> JSONValue {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw fail("invalid literal") }
            i += w.count
            return v
        }
        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            guard depth < 512 else { throw fail("nesting too deep") }
            guard i < bytes.count else { throw fail("unexpected end of JSON") }
            switch bytes[i] {
            case 0x7B:  // {
                i += 1
                var o: [String: JSONValue] = [:]
                skipSpace()
                if i < bytes.count && bytes[i] == 0x7D { i += 1; return .object(o) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x22 else { throw fail("expected a string key") }
                    let k = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x3A else { throw fail("expected ':'") }
                    i += 1
                    skipSpace()
                    o[k] = try value(depth: depth + 1)
                    skipSpace()
                    guard i < bytes.count else { throw fail("unterminated object") }
                    if bytes[i] == 0x2C { i += 1; continue }
                    if bytes[i] == 0x7D { i += 1; return .object(o) }
                    throw fail("expected ',' or '}'")
                }
            case 0x5B:  // [
                i += 1
                var a: [JSONValue] = []
                skipSpace()
                if i < bytes.count && bytes[i] == 0x5D { i += 1; return .array(a) }
                while true {
                    skipSpace()
                    a.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw fail("unterminated array") }
                    if bytes[i] == 0x2C { i += 1; continue }
                    if bytes[i] == 0x5D { i += 1; return .array(a) }
                    throw fail("expected ',' or ']'")
                }
            case 0x22: return .string(try string())
            case 0x74: return try literal("true", .bool(true))
            case 0x66: return try literal("false", .bool(false))
            case 0x6E: return try literal("null", .null)
            default:
                let s = i
                while i < bytes.count, let c = Optional(bytes[i]),
                    (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45
                { i += 1 }
                guard i > s, let d = Double(String(decoding: bytes[s..<i], as: UTF8.self)) else { throw fail("invalid value") }
                return .number(d)
            }
        }
        mutating func string() throws(ParseError) -> String {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 0x5C {
                    i += 1
                    guard i < bytes.count else { break }
                    let e = bytes[i]
                    switch e {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: out.append(0x0D)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        guard i + 4 < bytes.count, var v = UInt32(String(decoding: bytes[i + 1...i + 4], as: UTF8.self), radix: 16)
                        else { throw fail("invalid \\u escape") }
                        i += 4
                        if v >= 0xD800 && v < 0xDC00, i + 6 < bytes.count, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75,
                            let lo = UInt32(String(decoding: bytes[i + 3...i + 6], as: UTF8.self), radix: 16), lo >= 0xDC00 && lo < 0xE000
                        {
                            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                            i += 6
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8))
                    default: out.append(e)
                    }
                    i += 1
                    continue
                }
                out.append(c)
                i += 1
            }
            throw fail("unterminated string")
        }
    }
}
