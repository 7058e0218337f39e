/// The units a revision shares with the previous run's at both ends: an edit touches one place,
/// so the units before it and after it are the same texts in the same order (and unchanged
/// sentences keep their storage, so comparing them costs a pointer). A rule that kept a result
/// per unit of the previous run reuses it for these units without looking anything up.
struct UnitAlignment {
    /// Units equal from the start, and from the end (not overlapping).
    let head: Int
    let tail: Int
    let oldCount: Int
    let newCount: Int

    init(old: Int, new units: [TextUnit], text oldText: (Int) -> String) {
        var head = 0
        while head < old, head < units.count, oldText(head) == units[head].text { head += 1 }
        var tail = 0
        while tail < old - head, tail < units.count - head, oldText(old - 1 - tail) == units[units.count - 1 - tail].text { tail += 1 }
        self.head = head
        self.tail = tail
        self.oldCount = old
        self.newCount = units.count
    }

    /// The previous run's index of unit `i`, when it is one of the shared ones.
    func previous(_ i: Int) -> Int? {
        if i < head { return i }
        if i >= newCount - tail { return i - newCount + oldCount }
        return nil
    }
}
