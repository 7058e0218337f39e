import CrossCheckCore

/// One findings-report format of `check` and `gate` (`--format NAME`).
///
/// A format is one type conforming to this protocol plus one line in `ReportRegistry`; option
/// parsing, `--output` extension guessing, help and the tests all find it there.
package protocol Reporter {
    /// The `--format` name.
    static var name: String { get }
    /// One line for help and docs.
    static var summary: String { get }
    /// Extensions (lower case, no dot) that select this format for an `--output` without `--format`.
    static var fileExtensions: [String] { get }
    /// Whether, in GitHub Actions, the run also appends the markdown report to the job summary.
    static var writesJobSummary: Bool { get }
    /// Whether the format always lists baselined findings (marked), for machines that track
    /// them; formats people read leave them out unless `--show-baselined`.
    static var listsBaselined: Bool { get }
    /// Renders the whole report; `color` is true only for a terminal that wants ANSI colour.
    static func render(_ report: Report, color: Bool) -> String
}

extension Reporter {
    package static var fileExtensions: [String] { [] }
    package static var writesJobSummary: Bool { false }
    package static var listsBaselined: Bool { false }
}

/// The registered report formats, in the order help lists them.
package enum ReportRegistry {
    package static let all: [any Reporter.Type] = [
        TextReport.self,
        MarkdownReport.self,
        JSONReport.self,
        SARIFReport.self,
        GitHubReport.self,
    ]

    /// "text, markdown, json, sarif or github".
    package static var namesPhrase: String {
        let names = all.map { $0.name }
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
