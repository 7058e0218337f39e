import Foundation

/// One quoted piece of evidence behind a finding: where, what it says, what value it states.
package struct Evidence: Sendable, Hashable {
    /// Variant id (file name without extension).
    package var variant: String
    /// Path of the variant's file, as given.
    package var path: String
    /// 1-based line in that file.
    package var line: Int
    /// Heading path of the section, joined with " > " ("" for the lead).
    package var section: String
    /// The quoted text (a sentence, a field line), trimmed to a readable length.
    package var text: String
    /// The normalised value this evidence states, if the rule compares values.
    package var value: String?

    package init(variant: String, path: String, line: Int, section: String, text: String, value: String? = nil) {
        self.variant = variant; self.path = path; self.line = line; self.section = section; self.text = text; self.value = value
    }
}

extension Evidence {
    /// Trims quoted text to at most `limit` characters at a word boundary.
    package static func trim(_ text: String, limit: Int = 240) -> String {
        // Fewer bytes than the limit means fewer characters too: no need to count them.
        guard text.utf8.count > limit, text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + " …" }
        return String(cut) + "…"
    }
}
