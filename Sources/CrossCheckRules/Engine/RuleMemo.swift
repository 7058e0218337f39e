import CrossCheckCore
import CrossCheckAnalysis

/// What the rules keep from one run to the next while `history` walks a page revision by revision.
///
/// A revision shares almost every sentence with its parent, so the rules' work on a sentence's
/// text (its claims, its words, the verdicts on them) is done once per page rather than once per
/// revision. Whatever depends on the whole revision (word counts) is updated by the edit's delta,
/// and a cached verdict that read a count the edit changed is dropped (see `WordStats.changed`),
/// so the findings are exactly those of a fresh run. Each run must be over a set with the same
/// variant ids as the last one (a page's revisions under one id, the same context); anything
/// else starts afresh. One walker, one thread: not `Sendable`.
package final class RuleMemo {
    /// Runs so far (the one under way included).
    package private(set) var runs = 0
    /// Claims of sentences already read.
    package let claimSentences = ClaimExtractor.SentenceCache()
    /// Word counts of the last run, updated by each edit's delta.
    var words: WordStatsState? = nil
    /// Every spelling of each lower-cased word with its uses (for the most used spelling), kept
    /// up to date with the word counts; valid for the run numbered `spellingsRun`.
    package var spellings: [String: [String: Int]] = [:]
    package var spellingsRun = -1
    private var states: [String: AnyObject] = [:]
    /// `IntroducedTypoRule.dictionarySlip` answers (a pure function of the word, asked again for
    /// every rescanned text and standing hit).
    var dictionarySlips: [String: String?] = [:]
    /// `RuleContext.hyphenates` answers for a set of one variant, valid while the edits add or
    /// drop no text with a hyphen in it (`wordStats` clears them when one does, or when it
    /// recounts from scratch).
    var hyphenated: [String: Bool] = [:]

    package init() {}

    /// A rule's own state under `name`, made the first time.
    package func state<State: AnyObject>(_ name: String, _ make: () -> State) -> State {
        if let s = states[name] as? State { return s }
        let s = make()
        states[name] = s
        return s
    }

    /// A cache under `name` whose runs follow the memo's (see `RevisionCache`), made the first time.
    package func cache<Key: Hashable, Value>(_ name: String, keep: Int = 256) -> RevisionCache<Key, Value> {
        state(name) {
            let c = RevisionCache<Key, Value>(keep: keep)
            advancing.append { [unowned c] in c.nextRun() }
            return c
        }
    }

    private var advancing: [() -> Void] = []

    /// Called by the engine at the start of each run.
    func beginRun() {
        runs += 1
        claimSentences.nextRun()
        for advance in advancing { advance() }
    }
}
