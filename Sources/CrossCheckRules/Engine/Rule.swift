import Foundation
import CrossCheckCore
import CrossCheckAnalysis

/// One file of an inline example variant set.
package struct ExampleFile: Sendable {
    package var name: String
    package var text: String
    package var role: VariantRole?
    package var date: PartialDate?
    package var format: DocumentFormat?

    package init(_ name: String, role: VariantRole? = nil, date: String? = nil, format: DocumentFormat? = nil, _ text: String) {
        self.name = name; self.text = text; self.role = role; self.date = date.flatMap(PartialDate.init(iso:)); self.format = format
    }
}

/// A small variant set written inline in a rule file; the test suite runs every one.
package struct RuleExample: Sendable {
    package var files: [ExampleFile]
    /// For triggering examples: a text every finding's message or evidence must contain (optional).
    package var expect: String?
    package init(_ files: [ExampleFile], expect: String? = nil) { self.files = files; self.expect = expect }
    package init(_ files: ExampleFile..., expect: String? = nil) { self.files = files; self.expect = expect }
}

/// What a rule is, for `crosscheck rules`, reports, SARIF and the example tests.
package struct RuleDescription: Sendable {
    package var id: String
    package var name: String
    package var severity: Severity
    /// One line for listings.
    package var summary: String
    /// A paragraph: why this matters and how the rule decides.
    package var rationale: String
    package var triggering: [RuleExample]
    package var nonTriggering: [RuleExample]

    package init(
        id: String, name: String, severity: Severity, summary: String, rationale: String,
        triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id; self.name = name; self.severity = severity; self.summary = summary; self.rationale = rationale
        self.triggering = triggering; self.nonTriggering = nonTriggering
    }
}

/// A rule: one file, one struct. It reads the whole variant set through the context and returns findings.
package protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings at the rule's default severity; the engine applies configuration and suppressions.
    func check(_ context: RuleContext) -> [Finding]
}
