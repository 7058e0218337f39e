import CrossCheckCore
import CrossCheckAnalysis
/// Every rule crosscheck knows. Adding a rule is adding its file and one line here.
package enum RuleRegistry {
    package static let all: [any Rule.Type] = [
        // Text-level rules (engine).
        DuplicateSectionRule.self,
        PageBlankedRule.self,
        MergedWordsRule.self,
        IntroducedTypoRule.self,
        DateFormatRule.self,
        MisplacedEventRule.self,
        StaleClaimRule.self,
        // Claim-comparing rules (facts).
        StatusConflictRule.self,
        HeadquartersConflictRule.self,
        FounderConflictRule.self,
        CurrencyMismatchRule.self,
        UnsourcedFigureRule.self,
        NumberConflictRule.self,
        DateConflictRule.self,
        UnsupportedClaimRule.self,
    ]

    /// The rule type with `id`.
    package static func rule(_ id: String) -> (any Rule.Type)? { all.first { $0.description.id == id } }
}
