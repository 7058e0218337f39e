import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// One revision as the history reports it: identity, time, author and edit summary.
package struct RevisionInfo: Sendable, Equatable {
    package var id: Int
    package var parentID: Int?
    /// ISO 8601 as the export writes it.
    package var timestamp: String
    /// User name or IP address; nil when hidden or absent.
    package var contributor: String?
    package var comment: String?
    package var minor: Bool
    /// 0-based position in the page's history.
    package var index: Int

    /// Seconds since 1970 (0 when the timestamp cannot be read).
    package var seconds: Int64 { HistoryTime.seconds(timestamp) }
}

/// A finding that an edit resolved, with the revision that had introduced it.
package struct ResolvedFinding: Sendable {
    package var finding: Finding
    package var introducedBy: RevisionInfo
}

/// What one revision changed: the findings it introduced and resolved, and whether it restored
/// an earlier state.
package struct HistoryEvent: Sendable {
    package var revision: RevisionInfo
    package var introduced: [Finding]
    package var resolved: [ResolvedFinding]
    /// The revision whose text this one restores (an identity revert), when it is one.
    package var revertOf: RevisionInfo?
    /// Findings that came back with a revert keep their original introduction: these are they.
    package var restored: [ResolvedFinding] = []
}

/// A finding standing at the end of the walk, with the edit that introduced it.
package struct BlameEntry: Sendable {
    package var finding: Finding
    package var introducedBy: RevisionInfo
    /// The revision the blame is taken at (the newest, or `--at`).
    package var at: RevisionInfo
    /// Revisions from the introducing one to `at` (0: introduced by `at` itself).
    package var revisions: Int
    /// Seconds from the introducing revision to `at`.
    package var seconds: Int64
}

/// Summary of one page's walk.
package struct PageSummary: Sendable {
    package var revisions = 0
    /// Revisions whose text was missing or deleted (their parent's state carries on).
    package var unavailable = 0
    /// Revisions restoring an earlier one's text.
    package var reverts = 0
    /// Revisions whose text equalled their parent's (nothing to check).
    package var unchanged = 0
    /// Revisions that introduced or resolved findings.
    package var events = 0
    package var introduced = 0
    package var resolved = 0
    /// Bytes of wikitext walked.
    package var bytes = 0
}

/// Receives a page's history as it is walked; writers turn it into text, markdown or JSON Lines.
package protocol HistorySink: AnyObject {
    func pageStarted(_ page: ExportPage, site: ExportSiteInfo)
    func event(_ event: HistoryEvent, page: ExportPage)
    /// Findings of a dated context variant, checked against the revision current at its date.
    func contextChecked(_ variant: Variant, against revision: RevisionInfo, findings: [Finding], page: ExportPage)
    func pageFinished(_ page: ExportPage, blame: [BlameEntry], summary: PageSummary)
}

/// What a history walk needs besides the export.
package struct HistoryOptions: Sendable {
    /// Stop at this revision id and blame what stands there.
    package var at: Int?
    /// Fold away revisions that a later identity revert undid (within `revertWindow` revisions).
    package var hideReverted = false
    package var revertWindow = 20
    /// Summaries and sources: undated ones join every revision's set; dated ones are checked once
    /// against the revision current at their date.
    package var context: [Variant] = []
    package var configuration = RuleConfiguration()
    /// Shown as the document path of each revision (`NAME#REVID`).
    package var exportName = "export"
    /// Carry the rules' work from one revision to the next (`RuleMemo`). The findings are the
    /// same either way; off only to test that they are.
    package var incremental = true

    package init() {}
}

/// Walks one page's revisions in order and gates each against its parent.
///
/// Each revision is parsed reusing its parent's parse (`DocumentParser.parse(_:format:previous:)`),
/// its findings are the rules run over {revision + undated context}, and the delta with the parent's
/// findings (`GateDelta.compare`) is the revision's event. A revision whose text equals an earlier
/// one's (by sha1 when the export gives it, else by content) takes that revision's findings without
/// a parse: identity reverts cost a hash. Findings are matched by fingerprint with every revision
/// under one variant id (the page title), as `gate` gives NEW the id of OLD.
package final class PageHistoryWalker {
    let page: ExportPage
    let site: ExportSiteInfo
    let options: HistoryOptions
    let sink: HistorySink
    let variantID: String
    private var previousDocument: Document?
    private var previousText: [UInt8]?
    private var previousFindings: [Finding] = []
    private var previousInfo: RevisionInfo?
    /// Open findings: fingerprint -> (finding, introducing revision).
    private var open: [String: (finding: Finding, by: RevisionInfo)] = [:]
    /// Findings resolved at some point: fingerprint -> (introducing revision, index resolved at).
    private var closed: [String: (by: RevisionInfo, at: Int)] = [:]
    /// Text key -> the last revision with that text, for revert detection.
    private var seen: [TextKey: RevisionInfo] = [:]
    /// Findings of recent revisions by index (a revert to one of them needs no check).
    private var recent: [Int: [Finding]] = [:]
    /// Events held back while a revert may still fold them (`hideReverted`).
    private var held: [HistoryEvent] = []
    private var pendingContext: [Variant]
    private var undatedContext: [Variant]
    private(set) var summary = PageSummary()
    private var stopped = false
    /// `page-blanked`'s severity when it is enabled: a revision is checked alone, so the walk
    /// compares its words with its parent's itself, as `gate` compares NEW with OLD.
    private let blankedSeverity: Severity?
    /// Words of the last revision whose text was read, per section (reused for the sections the
    /// next revision shares with it).
    private var previousWords: Int? = nil
    private var previousSectionWords: [Int] = []
    /// The rules' work carried from one revision's run to the next.
    private let memo = RuleMemo()
    /// Bytes of the revision the memo last ran on.
    private var memoBytes = 0
    /// How many revisions back a revert reuses findings without a check.
    static let recentFindings = 64

    struct TextKey: Hashable {
        var sha1: String?
        var hash: Int
        var count: Int
    }

    package init(page: ExportPage, site: ExportSiteInfo, options: HistoryOptions, sink: HistorySink) throws(CrossCheckError) {
        self.page = page
        self.site = site
        self.options = options
        self.sink = sink
        self.variantID = page.title.isEmpty ? "page-\(page.id ?? 0)" : page.title
        self.undatedContext = options.context.filter { $0.document.date == nil }
        self.pendingContext = options.context.filter { $0.document.date != nil }.sorted { $0.document.date! < $1.document.date! }
        let probe = VariantSet(subject: page.title, variants: options.context, manifest: nil)
        let plan = try RuleEngine.resolve(set: probe, configuration: options.configuration)
        self.blankedSeverity = plan.first { $0.rule.description.id == PageBlankedRule.description.id }
            .map { $0.severity ?? PageBlankedRule.description.severity }
        sink.pageStarted(page, site: site)
    }

    /// Whether the walk reached `--at` and wants no more revisions.
    package var isDone: Bool { stopped }

    /// Walks one more revision.
    package func add(_ r: ExportRevision) throws(CrossCheckError) {
        guard !stopped else { return }
        let info = RevisionInfo(
            id: r.id, parentID: r.parentID ?? previousInfo?.id, timestamp: r.timestamp,
            contributor: r.contributor.deleted ? nil : r.contributor.name,
            comment: r.commentDeleted ? nil : r.comment, minor: r.minor, index: summary.revisions)
        summary.revisions += 1
        try flushContext(before: info)
        defer {
            previousInfo = info
            if let at = options.at, r.id == at { stopped = true }
        }
        guard let text = r.text else {
            // Missing or deleted text: the parent's state carries on.
            summary.unavailable += 1
            return
        }
        summary.bytes += text.count
        if let previousText, previousText == text {
            summary.unchanged += 1
            return
        }
        let key = TextKey(sha1: r.sha1, hash: r.sha1 == nil ? Self.hash(text) : 0, count: r.sha1 == nil ? text.count : 0)
        var findings: [Finding]
        var revertOf: RevisionInfo? = nil
        if let earlier = seen[key], let known = recent[earlier.index] {
            findings = known
            revertOf = earlier
            summary.reverts += 1
            // The next parse reuses this text's parse.
            let document = try parse(text, info)
            previousWords = countWords(document)
            previousDocument = document
        } else {
            revertOf = seen[key]
            if revertOf != nil { summary.reverts += 1 }
            let document = try parse(text, info)
            findings = try check(document, info)
            let words = countWords(document)
            if let f = blanked(document, words: words, info) { findings.append(f) }
            previousDocument = document
            previousWords = words
        }
        previousText = text
        seen[key] = info
        recent[info.index] = findings
        if recent.count > 2 * Self.recentFindings {
            recent = recent.filter { $0.key > info.index - Self.recentFindings }
        }
        let delta = GateDelta.compare(before: previousFindings, after: findings, edited: variantID)
        previousFindings = findings
        var event = HistoryEvent(revision: info, introduced: [], resolved: [], revertOf: revertOf)
        for f in delta.resolved {
            guard let o = open.removeValue(forKey: f.fingerprint) else { continue }
            closed[f.fingerprint] = (o.by, info.index)
            event.resolved.append(ResolvedFinding(finding: f, introducedBy: o.by))
        }
        for f in delta.introduced {
            if let revertOf, let c = closed[f.fingerprint], c.at > revertOf.index {
                // Standing at the restored revision: it keeps its original introduction.
                open[f.fingerprint] = (f, c.by)
                event.restored.append(ResolvedFinding(finding: f, introducedBy: c.by))
            } else {
                open[f.fingerprint] = (f, info)
                event.introduced.append(f)
            }
        }
        // Findings whose fingerprint stayed keep their open entry; refresh their evidence.
        if delta.introduced.count + delta.resolved.count < findings.count {
            for f in findings where open[f.fingerprint] != nil { open[f.fingerprint]!.finding = f }
        }
        guard !event.introduced.isEmpty || !event.resolved.isEmpty || !event.restored.isEmpty || revertOf != nil else { return }
        if !event.introduced.isEmpty || !event.resolved.isEmpty || !event.restored.isEmpty { summary.events += 1 }
        summary.introduced += event.introduced.count
        summary.resolved += event.resolved.count
        emit(event)
    }

    /// Ends the page: flushes held events, checks remaining dated context, reports blame.
    package func finish() throws(CrossCheckError) {
        for e in held { sink.event(e, page: page) }
        held.removeAll()
        if let last = previousInfo {
            try flushContext(before: nil)
            _ = last
        }
        var blame: [BlameEntry] = []
        if let at = previousInfo {
            for (_, o) in open {
                blame.append(BlameEntry(
                    finding: o.finding, introducedBy: o.by, at: at, revisions: at.index - o.by.index,
                    seconds: max(0, at.seconds - o.by.seconds)))
            }
        }
        blame.sort { a, b in
            if a.introducedBy.index != b.introducedBy.index { return a.introducedBy.index < b.introducedBy.index }
            return Finding.reportOrder(a.finding, b.finding)
        }
        sink.pageFinished(page, blame: blame, summary: summary)
    }

    // MARK: -

    private func emit(_ event: HistoryEvent) {
        guard options.hideReverted else { sink.event(event, page: page); return }
        if let revertOf = event.revertOf, event.revision.index - revertOf.index <= options.revertWindow + 1 {
            // The state equals the restored revision's: every event since it cancels out, this
            // one included. None of them was flushed yet (they are within the window).
            held.removeAll { $0.revision.index > revertOf.index }
            return
        }
        held.append(event)
        while let f = held.first, event.revision.index - f.revision.index > options.revertWindow {
            sink.event(f, page: page)
            held.removeFirst()
        }
    }

    private func parse(_ text: [UInt8], _ info: RevisionInfo) throws(CrossCheckError) -> Document? {
        // The same on every input (file, compressed, standard input): records name their page.
        let path = "r\(info.id)"
        let source: SourceText
        do { source = try SourceText(path: path, bytes: text) } catch {
            if case .empty = error { return nil }
            throw error
        }
        // The revision's timestamp dates it (as `check` below sets): no need to read a date from its text.
        return try DocumentParser.parse(source, format: .wikitext, previous: previousDocument, date: PartialDate(iso: String(info.timestamp.prefix(10))))
    }

    private func check(_ document: Document?, _ info: RevisionInfo) throws(CrossCheckError) -> [Finding] {
        guard var document else { return [] }
        document.date = PartialDate(iso: String(info.timestamp.prefix(10))) ?? document.date
        document.role = .revision
        let variant = Variant(id: variantID, document: document, order: 0)
        let set = VariantSet(subject: page.title, variants: GateCommand.ordered(undatedContext + [variant]), manifest: nil)
        // A revision far smaller than the one the memo holds (a page blanked, most often undone at
        // once) is cheap to check afresh, and leaves the memo as it was for the edits after it:
        // carried through it, the memo would drop and rebuild everything twice.
        let bytes = document.source.bytes.count
        let carry = options.incremental && bytes * 4 >= memoBytes
        if carry { memoBytes = bytes }
        return try RuleEngine.run(set, configuration: options.configuration, memo: carry ? memo : nil).findings
    }

    /// The words of a revision (0 when page-blanked is off), counting only the sections it does
    /// not share with the revision before.
    private func countWords(_ document: Document?) -> Int {
        guard blankedSeverity != nil, let document else {
            previousSectionWords = []
            return 0
        }
        let counts = document.sectionWordCounts(previous: previousDocument, counts: previousSectionWords)
        previousSectionWords = counts
        return counts.reduce(0, +)
    }

    /// `page-blanked` for a revision that keeps less than a quarter of its parent's words.
    private func blanked(_ document: Document?, words: Int, _ info: RevisionInfo) -> Finding? {
        guard let severity = blankedSeverity, let before = previousWords else { return nil }
        let variant = document.map { Variant(id: variantID, document: $0, order: 0) }
        return PageBlankedRule.finding(
            before: before, after: words, variant: variant, path: "r\(info.id)", id: variantID,
            beforeName: nil, name: "Revision \(info.id)", severity: severity)
    }

    /// Checks the dated context variants whose date falls before `next` against the revision
    /// current then (the previous one).
    private func flushContext(before next: RevisionInfo?) throws(CrossCheckError) {
        guard !pendingContext.isEmpty, let current = previousInfo, let document = previousDocument else { return }
        let nextDay = next.flatMap { PartialDate(iso: String($0.timestamp.prefix(10))) }
        while let v = pendingContext.first {
            if let nextDay, let d = v.document.date, !(d < nextDay) { break }
            pendingContext.removeFirst()
            var doc = document
            doc.role = .revision
            doc.date = PartialDate(iso: String(current.timestamp.prefix(10)))
            let rev = Variant(id: variantID, document: doc, order: 0)
            let set = VariantSet(subject: page.title, variants: GateCommand.ordered([rev, v] + undatedContext), manifest: nil)
            let findings = try RuleEngine.run(set, configuration: options.configuration).findings
            let own = Set(previousFindings.map(\.fingerprint))
            sink.contextChecked(v, against: current, findings: findings.filter { !own.contains($0.fingerprint) }, page: page)
        }
    }

    /// A 64-bit content hash (reverts are found within one run; the byte count is part of the
    /// key too). Eight bytes a step with a multiply and a rotate: every revision's full text is
    /// hashed when the export gives no sha1, and SipHash over a gigabyte of history cost half a
    /// second.
    static func hash(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw -> Int in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            let words = raw.count / 8
            for i in 0..<words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
                h = (h << 31) | (h >> 33)
            }
            var tail: UInt64 = 0
            for i in (words * 8)..<raw.count { tail = (tail << 8) | UInt64(raw[i]) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            return Int(bitPattern: UInt(h))
        }
    }
}

/// Timestamps to seconds, without Foundation's date parsers on the hot path.
package enum HistoryTime {
    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ` (0 when unreadable).
    package static func seconds(_ s: String) -> Int64 {
        let b = Array(s.utf8)
        guard b.count >= 19 else { return 0 }
        func num(_ from: Int, _ n: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + n) {
                let c = b[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int64(c - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2), let hh = num(11, 2), let mm = num(14, 2), let ss = num(17, 2),
            m >= 1, m <= 12
        else { return 0 }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + hh * 3600 + mm * 60 + ss
    }

    /// "3 minutes", "2 days", "4 years" (the largest whole unit).
    package static func duration(_ seconds: Int64) -> String {
        let units: [(Int64, String)] = [(365 * 86400, "year"), (30 * 86400, "month"), (86400, "day"), (3600, "hour"), (60, "minute")]
        for (size, name) in units where seconds >= size {
            let n = seconds / size
            return "\(n) \(name)\(n == 1 ? "" : "s")"
        }
        return "\(seconds) second\(seconds == 1 ? "" : "s")"
    }
}
