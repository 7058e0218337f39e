import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// One `history` run: reads pages from an export or a folder, walks each, writes in page order.
///
/// With `jobs > 1` pages are walked on worker threads while the reader goes on: each page has a
/// bounded queue of revisions (the reader waits when it holds 64 MB of text), at most `jobs` pages
/// are open at once, and each page's output is buffered until the pages before it are written,
/// so the output is the same as with one job.
package struct HistoryRun {
    let input: String
    let pages: Set<String>
    let options: HistoryOptions
    let format: HistoryFormat
    let jobs: Int
    let progress: HistoryProgress?

    /// Walks everything; true when findings at or above `threshold` stand at the end of a page.
    package func run(write: @escaping (String) -> Void, threshold: Severity.Threshold) throws(CrossCheckError) -> Bool {
        var isDir: ObjCBool = false
        if input != "-" && FileManager.default.fileExists(atPath: input, isDirectory: &isDir) && isDir.boolValue {
            return try runFolder(write: write, threshold: threshold)
        }
        let reader: ExportReader
        do { reader = try ExportReader(path: input) } catch { throw Self.convert(error) }
        if let progress, input != "-", reader.isPlain,
            let size = (try? FileManager.default.attributesOfItem(atPath: input))?[.size] as? Int
        {
            progress.total = size
        }
        defer { reader.cancel() }
        return jobs == 1
            ? try runSerial(reader, write: write, threshold: threshold)
            : try runParallel(reader, write: write, threshold: threshold)
    }

    static func convert(_ e: ExportError) -> CrossCheckError {
        ExportVariants.convert(e)
    }

    private func selected(_ page: ExportPage) -> Bool { pages.isEmpty || pages.contains(page.title) }

    private func runSerial(_ reader: ExportReader, write: @escaping (String) -> Void, threshold: Severity.Threshold) throws(CrossCheckError) -> Bool {
        let sink = FailTracker(HistoryWriter(format: format, write: write), threshold: threshold)
        var site = ExportSiteInfo()
        var walker: PageHistoryWalker? = nil
        var matched = false
        var reachedAt = false
        while true {
            let event: ExportEvent?
            do { event = try reader.next() } catch { throw Self.convert(error) }
            guard let event else { break }
            switch event {
            case let .siteInfo(s): site = s
            case let .page(p):
                guard selected(p) else { walker = nil; continue }
                matched = true
                walker = try PageHistoryWalker(page: p, site: site, options: options, sink: sink)
            case let .revision(r):
                guard let w = walker, !w.isDone else { continue }
                try w.add(r)
                if w.isDone { reachedAt = true }
                progress?.update(revisions: 1, bytes: reader.bytesRead)
            case .pageEnd:
                try walker?.finish()
                walker = nil
            }
        }
        try checkSelection(matched)
        try checkAt(reachedAt)
        return sink.failing
    }

    private func checkAt(_ reached: Bool) throws(CrossCheckError) {
        if let at = options.at, !reached { throw .usage("crosscheck history: no revision \(at) in \(input)") }
    }

    private func checkSelection(_ matched: Bool) throws(CrossCheckError) {
        if !pages.isEmpty && !matched {
            throw .usage("crosscheck history: no page titled \(pages.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) in \(input)")
        }
    }

    private func runParallel(_ reader: ExportReader, write: @escaping (String) -> Void, threshold: Severity.Threshold) throws(CrossCheckError) -> Bool {
        let slots = DispatchSemaphore(value: jobs)
        var open: [PageJob] = []
        var site = ExportSiteInfo()
        var current: PageJob? = nil
        var matched = false
        var failing = false
        var reachedAt = false
        func flush(wait: Bool) throws(CrossCheckError) {
            while let head = open.first {
                guard wait || head.isDone else { return }
                head.waitDone()
                if let e = head.error { throw e }
                write(head.output)
                failing = failing || head.failing
                reachedAt = reachedAt || head.reachedAt
                open.removeFirst()
            }
        }
        do throws(CrossCheckError) {
            while true {
                let event: ExportEvent?
                do { event = try reader.next() } catch { throw Self.convert(error) }
                guard let event else { break }
                switch event {
                case let .siteInfo(s): site = s
                case let .page(p):
                    guard selected(p) else { current = nil; continue }
                    matched = true
                    slots.wait()
                    let job = PageJob(page: p, site: site, options: options, format: format, threshold: threshold)
                    open.append(job)
                    current = job
                    let thread = Thread { job.work(); slots.signal() }
                    thread.stackSize = 8 << 20
                    thread.start()
                case let .revision(r):
                    current?.push(r)
                    progress?.update(revisions: 1, bytes: reader.bytesRead)
                case .pageEnd:
                    current?.close()
                    current = nil
                }
                try flush(wait: false)
            }
            try flush(wait: true)
        } catch {
            for job in open { job.abort() }
            throw error
        }
        try checkSelection(matched)
        try checkAt(reachedAt)
        return failing
    }

    /// A folder of revision files: one page, revisions in name order.
    private func runFolder(write: @escaping (String) -> Void, threshold: Severity.Threshold) throws(CrossCheckError) -> Bool {
        let (files, _) = try VariantSet.expand(paths: [input])
        if files.isEmpty { throw .usage("crosscheck history: no revision files in \(input)") }
        var page = ExportPage()
        page.title = (input as NSString).lastPathComponent
        let sink = FailTracker(HistoryWriter(format: format, write: write), threshold: threshold)
        let walker = try PageHistoryWalker(page: page, site: ExportSiteInfo(), options: options, sink: sink)
        for (i, f) in files.enumerated() {
            let source = try SourceText.load(path: f)
            var r = ExportRevision()
            r.id = i + 1
            r.text = source.bytes
            let name = (f as NSString).lastPathComponent
            r.comment = name
            // A file name that starts with an ISO date (2009-12-29_...) dates the revision.
            if name.utf8.count >= 10, PartialDate(iso: String(name.prefix(10))) != nil { r.timestamp = String(name.prefix(10)) + "T00:00:00Z" }
            try walker.add(r)
            progress?.update(revisions: 1, bytes: 0)
            if walker.isDone { break }
        }
        try walker.finish()
        try checkAt(walker.isDone)
        return sink.failing
    }
}

/// Passes everything to a writer and remembers whether a standing finding fails the run.
final class FailTracker: HistorySink {
    let inner: HistorySink
    let threshold: Severity.Threshold
    var failing = false
    init(_ inner: HistorySink, threshold: Severity.Threshold) { self.inner = inner; self.threshold = threshold }
    func pageStarted(_ page: ExportPage, site: ExportSiteInfo) { inner.pageStarted(page, site: site) }
    func event(_ event: HistoryEvent, page: ExportPage) { inner.event(event, page: page) }
    func contextChecked(_ variant: Variant, against revision: RevisionInfo, findings: [Finding], page: ExportPage) {
        inner.contextChecked(variant, against: revision, findings: findings, page: page)
    }
    func pageFinished(_ page: ExportPage, blame: [BlameEntry], summary: PageSummary) {
        if blame.contains(where: { threshold.fails($0.finding.severity) }) { failing = true }
        inner.pageFinished(page, blame: blame, summary: summary)
    }
}

/// One page walked on a worker thread, fed revision by revision by the reader.
final class PageJob: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [ExportRevision] = []
    private var queuedBytes = 0
    private var closed = false
    private var aborted = false
    private var done = false
    private(set) var output = ""
    private(set) var error: CrossCheckError?
    private(set) var failing = false
    private(set) var reachedAt = false
    let page: ExportPage
    let site: ExportSiteInfo
    let options: HistoryOptions
    let format: HistoryFormat
    let threshold: Severity.Threshold
    static let maxQueuedBytes = 64 << 20

    init(page: ExportPage, site: ExportSiteInfo, options: HistoryOptions, format: HistoryFormat, threshold: Severity.Threshold) {
        self.page = page; self.site = site; self.options = options; self.format = format; self.threshold = threshold
    }

    var isDone: Bool { condition.lock(); defer { condition.unlock() }; return done }

    func push(_ r: ExportRevision) {
        condition.lock()
        while queuedBytes > Self.maxQueuedBytes && !aborted && !done { condition.wait() }
        if !aborted && !done {
            queue.append(r)
            queuedBytes += r.text?.count ?? 0
            condition.broadcast()
        }
        condition.unlock()
    }

    func close() { condition.lock(); closed = true; condition.broadcast(); condition.unlock() }
    func abort() { condition.lock(); aborted = true; condition.broadcast(); condition.unlock() }

    func waitDone() { condition.lock(); while !done { condition.wait() }; condition.unlock() }

    private func take() -> [ExportRevision]? {
        condition.lock(); defer { condition.unlock() }
        while queue.isEmpty && !closed && !aborted { condition.wait() }
        if aborted || queue.isEmpty { return nil }
        let batch = queue
        queue.removeAll()
        queuedBytes = 0
        condition.broadcast()
        return batch
    }

    func work() {
        var text = ""
        let writer = HistoryWriter(format: format) { text += $0 }
        let sink = FailTracker(writer, threshold: threshold)
        do throws(CrossCheckError) {
            let walker = try PageHistoryWalker(page: page, site: site, options: options, sink: sink)
            while let batch = take() {
                for r in batch where !walker.isDone { try walker.add(r) }
            }
            try walker.finish()
            condition.lock(); reachedAt = walker.isDone; condition.unlock()
        } catch {
            condition.lock(); self.error = error; condition.unlock()
        }
        condition.lock()
        output = text
        failing = sink.failing
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
