/// Short names for variants in messages and reports: one rule for every renderer and rule.
package enum VariantNames {
    /// The id's part before the first `_` (`003` for `003_7ef6…`) when no other id starts with
    /// that part and an `_`, or is that part; otherwise the whole id.
    package static func short(_ id: String, among ids: some Sequence<String>) -> String {
        guard let us = id.firstIndex(of: "_"), us != id.startIndex else { return id }
        let prefix = String(id[..<us])
        let clash = ids.contains { $0 != id && ($0.hasPrefix(prefix + "_") || $0 == prefix) }
        return clash ? id : prefix
    }
}
