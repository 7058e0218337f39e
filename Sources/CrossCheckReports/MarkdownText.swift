/// Markdown escaping, in one place for every markdown renderer (findings, diff, align, facts).
package enum MarkdownText {
    /// Escapes text for inline markdown (and table cells): markup characters, pipes, line breaks.
    package static func inline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "_":
                // An underscore between letters or digits never starts emphasis (CommonMark), so
                // file names such as `001_x.txt` stay readable in terminal viewers.
                let inWord = i > 0 && i + 1 < scalars.count && isWordScalar(scalars[i - 1]) && isWordScalar(scalars[i + 1])
                if !inWord { out += "\\" }
                out += "_"
            case "\\", "`", "*", "[", "]", "<", "|", "~":
                out += "\\"
                out.unicodeScalars.append(u)
            case "\n", "\r", "\t": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
    }
}
