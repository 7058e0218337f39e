/// Short names for variants in messages and reports: one rule for every renderer and rule.
package enum VariantNames {
    /// The name of a variant in messages and reports: its full id. Never cut at `_`: on real
    /// file names the part before it is a word of the name ("raith" for "raith_rovers", "Arts"
    /// for "Arts_Club_of_Chicago"), not an abbreviation (issue 9). `ids` is kept for callers.
    package static func short(_ id: String, among ids: some Sequence<String>) -> String {
        id
    }
}
