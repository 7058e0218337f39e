/// What to run and how: enabled rules and severity overrides, from the manifest, a config file and flags.
public struct RuleConfiguration: Sendable {
    /// Per-rule settings (enabled, severity), keyed by rule id.
    public var settings: [String: RuleSetting]
    /// `--enable` ids: when non-empty, only these rules run (plus none disabled).
    public var enableOnly: [String]
    /// `--disable` ids.
    public var disabled: [String]

    public init(settings: [String: RuleSetting] = [:], enableOnly: [String] = [], disabled: [String] = []) {
        self.settings = settings; self.enableOnly = enableOnly; self.disabled = disabled
    }
}

/// The outcome of running the rules over one variant set.
public struct RuleRun: Sendable {
    /// Findings after configuration and suppressions, in report order.
    public var findings: [Finding]
    /// Notes for stderr (e.g. a suppression comment that suppressed nothing).
    public var warnings: [String]
    public init(findings: [Finding], warnings: [String]) { self.findings = findings; self.warnings = warnings }
}

/// Runs the registered rules over a variant set (two passes: analyses are computed once in the
/// context, then every rule judges).
public enum RuleEngine {
    /// Runs every enabled rule. Throws `.usage` for an unknown rule id in the configuration.
    public static func run(_ set: VariantSet, configuration: RuleConfiguration = RuleConfiguration()) throws(CrossCheckError) -> RuleRun {
        let context = RuleContext(set: set)
        var findings: [Finding] = []
        for rule in RuleRegistry.all {
            findings += rule.init().check(context)
        }
        return RuleRun(findings: findings.sorted(by: Finding.reportOrder), warnings: [])
    }
}
