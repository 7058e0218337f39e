/// Every failure crosscheck reports to a user: one line naming the file and the problem.
///
/// Input errors map to exit status 2. The description is the whole message a user sees, so it
/// always starts with the file (and line, when known).
package enum CrossCheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file holds no text at all.
    case empty(path: String)
    /// The file is not text (NUL bytes or similar).
    case binary(path: String)
    /// The bytes are not valid UTF-8 (or UTF-16 with a byte-order mark).
    case invalidEncoding(path: String, line: Int, reason: String)
    /// The text is readable but cannot be parsed as the declared or detected format.
    case malformed(path: String, line: Int, reason: String)
    /// A manifest or configuration file is wrong.
    case configuration(path: String, reason: String)
    /// An output (a report, a baseline, a summary) could not be written; `reason` says why, in
    /// words ("permission denied", "no space left on device").
    case unwritable(path: String, reason: String)
    /// The paths given hold no variant to read.
    case noVariants(paths: [String])
    /// A manifest, config file or flag names a rule that does not exist.
    case unknownRule(id: String, origin: String)
    /// The command line is wrong.
    case usage(String)

    package var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read file: \(reason)"
        case let .empty(path): return "\(path): file is empty"
        case let .binary(path): return "\(path): binary data, not a text file"
        case let .invalidEncoding(path, line, reason): return "\(path):\(line): \(reason)"
        case let .malformed(path, line, reason): return "\(path):\(line): \(reason)"
        case let .configuration(path, reason): return "\(path): \(reason)"
        case let .unwritable(path, reason): return "cannot write \(path): \(reason)"
        case let .noVariants(paths): return "no variants to read in \(paths.joined(separator: ", "))"
        case let .unknownRule(id, origin): return "unknown rule id '\(id)' in \(origin) (see 'crosscheck rules')"
        case let .usage(message): return message
        }
    }
}
