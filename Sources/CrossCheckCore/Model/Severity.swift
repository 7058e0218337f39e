/// How serious a finding is. `error` fails a run by default.
package enum Severity: String, Sendable, Codable, CaseIterable, Comparable, Hashable {
    case info, warning, error

    package var rank: Int { self == .error ? 2 : (self == .warning ? 1 : 0) }
    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// `--fail-on` values: a severity, or `never`.
    package enum Threshold: String, Sendable, Codable, CaseIterable {
        case error, warning, info, never

        /// Whether a finding of `severity` fails the run.
        package func fails(_ severity: Severity) -> Bool {
            switch self {
            case .never: return false
            case .error: return severity >= .error
            case .warning: return severity >= .warning
            case .info: return true
            }
        }
    }
}
