import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// What a command accepts on its command line.
package struct ArgumentSpec: Sendable {
    /// Options without a value (`--quiet`).
    package var flags: Set<String>
    /// Options taking one value (`--format json`, `--format=json`); may repeat.
    package var options: Set<String>
    /// Options taking every following value up to the next option (`--context a b c`).
    package var greedy: Set<String>

    package init(flags: Set<String> = [], options: Set<String> = [], greedy: Set<String> = []) {
        self.flags = flags.union(["--help", "-h"]); self.options = options; self.greedy = greedy
    }
}

/// A parsed command line: positionals plus options in the order given.
package struct ParsedArguments: Sendable {
    package var positionals: [String] = []
    package var flags: Set<String> = []
    /// Every option occurrence in order, so `--format a --output x --format b --output y` pairs up.
    package var ordered: [(name: String, value: String)] = []

    /// All values given for `name`; comma-separated lists are split.
    package func values(_ name: String, splitCommas: Bool = false) -> [String] {
        let v = ordered.filter { $0.name == name }.map(\.value)
        return splitCommas ? v.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } : v
    }
    /// The last value given for `name`.
    package func value(_ name: String) -> String? { ordered.last { $0.name == name }?.value }
    package func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Parses `args` against `spec`; unknown options are usage errors.
    package static func parse(_ args: [String], spec: ArgumentSpec, command: String) throws(CrossCheckError) -> ParsedArguments {
        var r = ParsedArguments()
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositionals || a == "-" || !a.hasPrefix("-") { r.positionals.append(a); continue }
            if a == "--" { onlyPositionals = true; continue }
            var name = a
            var inline: String? = nil
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            if spec.flags.contains(name) {
                if inline != nil { throw .usage("crosscheck \(command): \(name) takes no value") }
                r.flags.insert(name)
            } else if spec.options.contains(name) {
                if let inline { r.ordered.append((name, inline)); continue }
                guard i < args.count else { throw .usage("crosscheck \(command): \(name) needs a value") }
                r.ordered.append((name, args[i]))
                i += 1
            } else if spec.greedy.contains(name) {
                var n = 0
                if let inline { r.ordered.append((name, inline)); n += 1 }
                while i < args.count, !args[i].hasPrefix("-") || args[i] == "-" {
                    r.ordered.append((name, args[i])); i += 1; n += 1
                }
                if n == 0 { throw .usage("crosscheck \(command): \(name) needs at least one value") }
            } else {
                throw .usage("crosscheck \(command): unknown option \(name) (see 'crosscheck \(command) --help')")
            }
        }
        return r
    }
}
