import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// `crosscheck history EXPORT|FOLDER`: every revision gated against its parent, with blame.
package enum HistoryCommand: Command {
    package static let name = "history"
    package static let summary = "Walk a page's revisions: which edit introduced each finding"
    package static let help = """
        Usage: crosscheck history EXPORT|FOLDER [options]

        Walks the revisions of each page in a MediaWiki XML export (Special:Export or a
        pages-meta-history dump; plain, .gz, .bz2, .xz, .lzma or .7z; '-' reads standard input) or
        of a folder of revision files (in name order), and gates each revision against its parent.
        Prints a timeline of the revisions that introduced or resolved findings (id, time,
        contributor, edit summary, findings), then blame: for every finding standing at the newest
        revision (or at --at), the revision that introduced it and how long it has stood. A
        revision whose text equals an earlier one's (sha1, else content) is a revert and restores
        that state; findings it brings back keep their original introduction.

        Options:
          --format FORMAT        text, markdown or jsonl (default: text); jsonl writes one
                                 self-contained record per page, revision event, blame and summary
          --output FILE          write to FILE (atomically) instead of stdout
          --page TITLE           only this page of a multi-page export (repeatable)
          --at ID                stop at revision ID and blame what stands there
          --hide-reverted        fold away edits that a revert within 20 revisions undid
          --context PATH ...     summaries or sources: undated ones join every revision's set;
                                 dated ones are checked against the revision current at their date
          --jobs N               pages processed in parallel (default 1); output stays in page order
          --fail-on LEVEL        error, warning, info or never (default error): findings standing
                                 at the end at or above LEVEL give exit status 1
          --config FILE, --enable ID, --disable ID   as for check

        Progress (revisions, MB/s, ETA) goes to standard error when it is a terminal.

        Exit status: 0 nothing standing at or above --fail-on, 1 some, 2 usage error or an
        unreadable, malformed or truncated export (the message gives the byte offset).

        Example:
          crosscheck history Anarchism-history.xml.lzma --format jsonl > anarchism.jsonl
        """
    package static let spec = ArgumentSpec(
        flags: ["--hide-reverted"],
        options: ["--format", "--output", "--page", "--at", "--jobs", "--fail-on", "--config", "--enable", "--disable"],
        greedy: ["--context"])

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        guard arguments.positionals.count == 1 else {
            throw .usage("crosscheck history: expected one EXPORT file or FOLDER (see 'crosscheck history --help')")
        }
        let formatName = arguments.value("--format") ?? "text"
        guard let format = HistoryFormat(rawValue: formatName == "json" ? "jsonl" : formatName) else {
            throw .usage("crosscheck history: unknown format '\(formatName)' (want text, markdown or jsonl)")
        }
        var options = HistoryOptions()
        if let at = arguments.value("--at") {
            guard let id = Int(at) else { throw .usage("crosscheck history: --at needs a revision id (a number)") }
            options.at = id
        }
        options.hideReverted = arguments.has("--hide-reverted")
        var jobs = 1
        if let j = arguments.value("--jobs") {
            guard let n = Int(j), n >= 1, n <= 256 else { throw .usage("crosscheck history: --jobs needs a number from 1 to 256") }
            jobs = n
        }
        var threshold = Severity.Threshold.error
        if let f = arguments.value("--fail-on") {
            guard let t = Severity.Threshold(rawValue: f) else {
                throw .usage("crosscheck history: --fail-on must be error, warning, info or never")
            }
            threshold = t
        }
        let config = try arguments.value("--config").map { p throws(CrossCheckError) in try Manifest.load(path: ReportOptions.resolve(p, context)) }
        options.configuration = RuleConfiguration(
            settings: config?.rules ?? [:], enableOnly: arguments.values("--enable", splitCommas: true),
            disabled: arguments.values("--disable", splitCommas: true))
        if let f = config?.failOn, arguments.value("--fail-on") == nil { threshold = f }
        let contextPaths = arguments.values("--context").map { ReportOptions.resolve($0, context) }
        if !contextPaths.isEmpty {
            let set = try VariantSet.load(paths: contextPaths)
            options.context = set.variants
        }
        let pages = Set(arguments.values("--page"))
        let input = arguments.positionals[0] == "-" ? "-" : ReportOptions.resolve(arguments.positionals[0], context)
        options.exportName = (arguments.positionals[0] as NSString).lastPathComponent

        // Output: streamed to stdout (the real CLI), a temporary file renamed at the end, or the
        // context's buffer (in-process callers and tests).
        // `--output -` is standard output, as for the other commands.
        let outputPath = arguments.value("--output").flatMap { $0 == "-" ? nil : ReportOptions.resolve($0, context) }
        var file: StreamFile? = nil
        if let outputPath { file = try StreamFile(path: outputPath) }
        var buffer = ""
        let stream = context.streamOut
        let write: (String) -> Void
        if let file {
            write = { file.write($0) }
        } else if let stream {
            write = stream
        } else {
            write = { buffer += $0 }
        }
        let progress = stream != nil && context.environment["CROSSCHECK_NO_PROGRESS"] == nil && isatty(2) == 1 ? HistoryProgress() : nil
        var failing = false
        do throws(CrossCheckError) {
            let run = HistoryRun(input: input, pages: pages, options: options, format: format, jobs: jobs, progress: progress)
            failing = try run.run(write: write, threshold: threshold)
            progress?.finish()
            try file?.commit()
        } catch {
            progress?.finish()
            // No report: a file is never written, the buffer dropped (streamed records already
            // went out; the exit status and the message say the run failed).
            file?.abandon()
            throw error
        }
        context.out += buffer
        return failing ? 1 : 0
    }
}

/// An output file written as it goes and renamed into place at the end (never half-written).
final class StreamFile: @unchecked Sendable {
    let path: String
    let temporary: String
    let handle: FileHandle

    init(path: String) throws(CrossCheckError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let h = FileHandle(forWritingAtPath: temporary) else {
            throw .unreadable(path: path, reason: "cannot write")
        }
        handle = h
    }

    func write(_ s: String) { handle.write(Data(s.utf8)) }

    func commit() throws(CrossCheckError) {
        try? handle.close()
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .unreadable(path: path, reason: "cannot write")
        }
    }

    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}

/// Revisions done, MB/s and (for plain files) an ETA on standard error, at most twice a second.
final class HistoryProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var revisions = 0
    private var lastPrint = Date()
    private let start = Date()
    private var printed = false
    var total: Int?

    func update(revisions n: Int, bytes: Int) {
        lock.lock(); defer { lock.unlock() }
        revisions += n
        let now = Date()
        guard now.timeIntervalSince(lastPrint) >= 0.5 else { return }
        lastPrint = now
        let elapsed = max(0.001, now.timeIntervalSince(start))
        let mb = Double(bytes) / 1_048_576
        var s = "\rhistory: \(revisions) revisions, \(Int(mb)) MB, \(Int(mb / elapsed)) MB/s"
        if let total, total > 0, bytes > 0 {
            let left = Double(total - bytes) / (Double(bytes) / elapsed)
            s += ", ETA \(Int(left / 60)):" + String(format: "%02d", Int(left) % 60)
        }
        FileHandle.standardError.write(Data((s + "   ").utf8))
        printed = true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if printed { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); printed = false }
    }
}
