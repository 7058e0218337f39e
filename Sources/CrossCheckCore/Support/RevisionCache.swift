/// A cache kept from one run to the next while a history is walked revision by revision.
///
/// Consecutive revisions share almost all their sentences, so a result computed for a sentence's
/// text in one revision is wanted again in the next. Entries not used for `keep` runs are dropped
/// (every `keep` runs, in one sweep), so the cache holds what the recent revisions use, not every
/// text the page ever had. Not thread-safe: one walker, one thread.
///
/// The type is `public` (its members are not) only so that its `@inlinable` lookup is inlined and
/// specialised in the modules that use it: this toolchain does not inline `@inlinable` members of
/// a `package` type across modules, and the unspecialised lookup was a few percent of a history walk.
public final class RevisionCache<Key: Hashable, Value> {
    @usableFromInline struct Entry {
        @usableFromInline var value: Value
        @usableFromInline var used: Int
        @inlinable init(value: Value, used: Int) {
            self.value = value
            self.used = used
        }
    }

    // Inlinable so that each client module specialises the lookups for its key and value types:
    // left generic, a lookup went through the dictionary's unspecialised code.
    @usableFromInline var entries: [Key: Entry] = [:]
    @usableFromInline var generation = 0
    /// Runs an unused entry survives.
    package let keep: Int

    package init(keep: Int = 64) { self.keep = max(1, keep) }

    /// The value stored for `key` (marking it used in this run), or nil.
    @inlinable package subscript(key: Key) -> Value? {
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

    /// Marks `key`'s entry (if any) used in this run. A caller that finds entries by position,
    /// without a lookup (`UnitAlignment`), marks them before a sweep (`sweepsAtNextRun`): an entry
    /// in use but never looked up would be swept, and computed again the first time a lookup
    /// is needed.
    @inlinable package func touch(_ key: Key) {
        guard let i = entries.index(forKey: key) else { return }
        entries.values[i].used = generation
    }

    /// Whether the next `nextRun` sweeps.
    package var sweepsAtNextRun: Bool { (generation + 1) % keep == 0 }

    /// Starts a new run; every `keep` runs, drops the entries no run used since the last sweep.
    package func nextRun() {
        generation += 1
        guard generation % keep == 0 else { return }
        let oldest = generation - keep
        // In place: most entries stay, and rebuilding the dictionary copied every one of them.
        var stale: [Key] = []
        for (key, entry) in entries where entry.used < oldest { stale.append(key) }
        if stale.count * 2 > entries.count {
            entries = entries.filter { $0.value.used >= oldest }
        } else {
            for key in stale { entries.removeValue(forKey: key) }
        }
    }

    /// Drops every entry (the state the values were computed from is gone).
    package func removeAll() { entries.removeAll(keepingCapacity: true) }
}
