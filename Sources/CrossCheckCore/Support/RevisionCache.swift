/// A cache kept from one run to the next while a history is walked revision by revision.
///
/// Consecutive revisions share almost all their sentences, so a result computed for a sentence's
/// text in one revision is wanted again in the next. Entries not used for `keep` runs are dropped
/// (every `keep` runs, in one sweep), so the cache holds what the recent revisions use, not every
/// text the page ever had. Not thread-safe: one walker, one thread.
package final class RevisionCache<Key: Hashable, Value> {
    private struct Entry {
        var value: Value
        var used: Int
    }

    private var entries: [Key: Entry] = [:]
    private var generation = 0
    /// Runs an unused entry survives.
    package let keep: Int

    package init(keep: Int = 64) { self.keep = max(1, keep) }

    /// The value stored for `key` (marking it used in this run), or nil.
    package subscript(key: Key) -> Value? {
        get {
            guard let i = entries.index(forKey: key) else { return nil }
            entries.values[i].used = generation
            return entries.values[i].value
        }
        set {
            if let newValue { entries[key] = Entry(value: newValue, used: generation) } else { entries[key] = nil }
        }
    }

    /// Entries held now.
    package var count: Int { entries.count }

    /// Starts a new run; every `keep` runs, drops the entries no run used since the last sweep.
    package func nextRun() {
        generation += 1
        guard generation % keep == 0 else { return }
        let oldest = generation - keep
        entries = entries.filter { $0.value.used >= oldest }
    }

    /// Drops every entry (the state the values were computed from is gone).
    package func removeAll() { entries.removeAll(keepingCapacity: true) }
}
