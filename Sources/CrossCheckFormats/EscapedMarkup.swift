import CrossCheckCore
import Foundation

/// Wikitext whose tags were HTML-escaped on export (`&lt;ref&gt;...&lt;/ref&gt;`), as some dumps
/// and copy-pastes write it: read as is, reference bodies would pass for prose.
package enum EscapedMarkup {
    /// True when `bytes` hold escaped tags (`&lt;ref`, `&lt;/ref&gt;`, `&lt;!--`, `&lt;br`) at
    /// least twice and more often than real ones.
    package static func isEscaped(_ bytes: [UInt8]) -> Bool {
        // Most files hold no "&lt;" at all: count those first, cheaply.
        var lt = 0
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            let n = b.count
            var i = 0
            // memchr finds each "&" at memory speed; wikitext has few of them.
            while i + 3 < n, let p = memchr(base + i, 0x26, n - i) {
                let k = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if k + 3 < n, b[k + 1] == 0x6C, b[k + 2] == 0x74, b[k + 3] == 0x3B { lt += 1 }
                i = k + 1
            }
        }
        guard lt >= 2 else { return false }
        var escaped = 0
        var real = 0
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if c == 0x26, i + 4 < n, bytes[i + 1] == 0x6C, bytes[i + 2] == 0x74, bytes[i + 3] == 0x3B {  // &lt;
                if tagFollows(bytes, i + 4) { escaped += 1 }
                i += 4
                continue
            }
            if c == 0x3C, tagFollows(bytes, i + 1) { real += 1 }
            i += 1
        }
        return escaped >= 2 && escaped > real
    }

    /// A tag name that only markup writes: `ref`, `/ref`, `!--`, `br`, `references`.
    static func tagFollows(_ b: [UInt8], _ k: Int) -> Bool {
        func has(_ s: String) -> Bool {
            let u = Array(s.utf8)
            guard k + u.count <= b.count else { return false }
            for j in u.indices where b[k + j] | (u[j] >= 0x61 ? 0x20 : 0) != u[j] { return false }
            return true
        }
        return has("ref") || has("/ref") || has("!--") || has("br") || has("references")
    }

    /// `bytes` with `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;` and `&amp;` decoded. Entities hold
    /// no line end, so every line keeps its number.
    package static func decode(_ bytes: [UInt8]) -> [UInt8] {
        let table: [(String, UInt8)] = [("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27), ("&apos;", 0x27), ("&amp;", 0x26)]
        let entities = table.map { (Array($0.0.utf8), $0.1) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        outer: while i < n {
            if bytes[i] == 0x26 {
                for (e, c) in entities where i + e.count <= n && bytes[i..<(i + e.count)].elementsEqual(e) {
                    out.append(c)
                    i += e.count
                    continue outer
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

extension Document {
    /// The stderr note for a variant whose escaped markup was decoded.
    package static func escapedMarkupNote(_ path: String) -> String {
        "crosscheck: note: \(path): the wikitext markup is HTML-escaped (&lt;ref&gt;); decoded before reading, so reference text is not read as prose"
    }
}
