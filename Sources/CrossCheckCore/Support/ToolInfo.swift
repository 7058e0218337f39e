/// The tool's name and version, as reports and baselines state them.
package enum ToolInfo {
    /// The tool's version (SPEC: `tool.version` in JSON output).
    package static let version = "0.1.0"
    package static let name = "crosscheck"
}
