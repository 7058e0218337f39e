import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckRules

/// `crosscheck history EXPORT --format jsonl` for the benchmark: the same walk, counted.
package enum HistoryBench {
    package struct Result: Sendable {
        package var revisions: Int
        package var bytes: Int
    }

    /// Walks every page of `export` (at most `limit` revisions), handing the JSON Lines to `write`.
    /// `incremental: false` walks without carrying the rules' work from revision to revision.
    package static func run(_ export: String, limit: Int?, incremental: Bool = true, write: @escaping (String) -> Void) throws -> Result {
        let reader: ExportReader
        do { reader = try ExportReader(path: export) } catch { throw ExportVariants.convert(error) }
        defer { reader.cancel() }
        let sink = HistoryWriter(format: .jsonl, write: write)
        var site = ExportSiteInfo()
        var walker: PageHistoryWalker? = nil
        var result = Result(revisions: 0, bytes: 0)
        var options = HistoryOptions()
        options.exportName = (export as NSString).lastPathComponent
        options.incremental = incremental
        if let only = ProcessInfo.processInfo.environment["XRULES"] { options.configuration.enableOnly = only.split(separator: ",").map(String.init) }
        while let event = try reader.next() {
            switch event {
            case let .siteInfo(s): site = s
            case let .page(p): walker = try PageHistoryWalker(page: p, site: site, options: options, sink: sink)
            case let .revision(r):
                if let limit, result.revisions >= limit { break }
                try walker?.add(r)
                result.revisions += 1
                result.bytes += r.text?.count ?? 0
            case .pageEnd:
                try walker?.finish()
                walker = nil
            }
            if let limit, result.revisions >= limit { try walker?.finish(); walker = nil; break }
        }
        return result
    }
}
