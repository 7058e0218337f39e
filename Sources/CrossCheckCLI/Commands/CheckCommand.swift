import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports
/// `crosscheck check [PATH...]`: every enabled rule over one variant set.
package enum CheckCommand: Command {
    package static let name = "check"
    package static let summary = "Check a variant set for conflicts"
    package static let help = """
        Usage: crosscheck check [PATH ...] [options]

        Runs every enabled rule over one variant set: all PATHs together (files, or folders of
        files with an optional crosscheck.json manifest). With no PATH it checks ./seeds.

        Options:
        \(ReportOptions.help)

        Exit status: 0 nothing at or above --fail-on (baselined findings never count),
        1 findings at or above --fail-on, 2 usage error or unreadable input.

        Examples:
          crosscheck check seeds
          crosscheck check seeds --format markdown --output reports/seeds.md \\
                                 --format json --output reports/seeds.json --fail-on never
          crosscheck check seeds --baseline .crosscheck-baseline.json --format sarif --output crosscheck.sarif
        """
    package static let spec = ArgumentSpec(flags: ReportOptions.flags, options: ReportOptions.names)

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        let options = try ReportOptions.parse(arguments, command: name)
        let config = try options.loadConfig(context)
        let paths = (arguments.positionals.isEmpty ? ["seeds"] : arguments.positionals).map { $0 == "-" ? $0 : ReportOptions.resolve($0, context) }
        let groups = try articles(paths)
        var sets: [VariantSet] = []
        var runs: [RuleRun] = []
        for g in groups {
            let set = try VariantSet.load(paths: g)
            sets.append(set)
            runs.append(try RuleEngine.run(set, configuration: options.configuration(manifest: set.manifest, config: config)))
        }
        // One baseline for every article: applied (and written) over all findings at once.
        let (findings, usedBaseline) = try options.applyBaselines(runs.flatMap(\.findings), &context)
        var start = 0
        var reports: [Report] = []
        var fails = false
        for (set, var run) in zip(sets, runs) {
            let n = run.findings.count
            run.findings = Array(findings[start..<(start + n)])
            start += n
            let report = Report(set: set, run: run, usedBaseline: usedBaseline, paths: ReportPaths(workingDirectory: context.workingDirectory))
            if report.fails(at: options.threshold(manifest: set.manifest, config: config)) { fails = true }
            reports.append(report)
        }
        try options.emit(ReportBundle(reports), &context)
        return fails ? 1 : 0
    }

    /// The PATHs grouped into articles, each checked as its own set.
    ///
    /// Files of one folder, and that folder itself, are one article. A folder that holds other
    /// folders and no `crosscheck.json` is a folder of articles: each folder below it (at any
    /// depth) that holds a `crosscheck.json`, or files and no folders, is an article. Paths of
    /// different articles are never merged into one set.
    static func articles(_ paths: [String]) throws(CrossCheckError) -> [[String]] {
        var order: [String] = []
        var groups: [String: [String]] = [:]
        func add(_ key: String, _ path: String) {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(path)
        }
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard p != "-", fm.fileExists(atPath: p, isDirectory: &isDir) else {
                // Standard input, or a missing path (reported by the loader): its own folder.
                add(p == "-" ? "." : ReportPaths.standardise((p as NSString).deletingLastPathComponent, base: "/"), p)
                continue
            }
            guard isDir.boolValue else {
                add(ReportPaths.standardise((p as NSString).deletingLastPathComponent, base: fm.currentDirectoryPath), p)
                continue
            }
            let found = articleFolders(p)
            if found.isEmpty || found == [p] {
                add(ReportPaths.standardise(p, base: fm.currentDirectoryPath), p)
            } else {
                for f in found { add(ReportPaths.standardise(f, base: fm.currentDirectoryPath), f) }
            }
        }
        return order.compactMap { groups[$0] }
    }

    /// `folder` itself when it is an article, else the article folders below it, in name order.
    static func articleFolders(_ folder: String) -> [String] {
        let fm = FileManager.default
        let base = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard let names = try? fm.contentsOfDirectory(atPath: base) else { return [folder] }
        var files = 0
        var subfolders: [String] = []
        var manifest = false
        for n in names.sorted() where !n.hasPrefix(".") {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: base + "/" + n, isDirectory: &isDir) else { continue }
            if isDir.boolValue { subfolders.append(base + "/" + n) } else if n == "crosscheck.json" { manifest = true } else { files += 1 }
        }
        if manifest || subfolders.isEmpty { return [folder] }
        return subfolders.flatMap { sub -> [String] in
            let below = articleFolders(sub)
            // A sub-folder with nothing to read is no article.
            return below == [sub] && isEmptyOfFiles(sub) ? [] : below
        }
    }

    static func isEmptyOfFiles(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return !names.contains { n in
            var isDir: ObjCBool = false
            return !n.hasPrefix(".") && n != "crosscheck.json" && FileManager.default.fileExists(atPath: folder + "/" + n, isDirectory: &isDir) && !isDir.boolValue
        }
    }
}
