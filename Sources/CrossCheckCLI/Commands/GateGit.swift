import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// `crosscheck gate --base REV [PATH ...]` and `gate --staged [PATH ...]`: every article an edit
/// touches, gated with the rest of that article as context, its old files read from git.
extension GateCommand {
    static func runGit(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        let staged = arguments.has("--staged")
        let revision = arguments.value("--base")
        if staged && revision != nil { throw .usage("crosscheck gate: give --base REV or --staged, not both") }
        if !arguments.values("--context").isEmpty { throw .usage("crosscheck gate: --context is for 'gate OLD NEW'; with git, an article's other files are its context") }
        let options = try ReportOptions.parse(arguments, command: name)
        let config = try options.loadConfig(context)
        let edit = try GitEdit.load(directory: context.workingDirectory, base: revision, staged: staged, pathspecs: arguments.positionals)
        let root = edit.repository.root
        let paths = ReportPaths(workingDirectory: root)
        let baseName = staged ? "HEAD" : (revision ?? "HEAD")

        var reports: [Report] = []
        var fails = false
        for article in edit.articles {
            let gated = try gate(article, root: root, options: options, config: config, baseName: baseName, context: &context)
            let report = Report(
                set: gated.set, run: RuleRun(findings: gated.introduced, warnings: gated.warnings),
                mode: .gate(old: "\(baseName):\(display(article.folder))", new: display(article.folder) + (staged ? " (staged)" : "")),
                resolved: gated.resolved, oldSet: gated.oldSet, usedBaseline: gated.usedBaseline, paths: paths)
            if report.fails(at: options.threshold(manifest: gated.set.manifest, config: config)) { fails = true }
            reports.append(report)
        }
        try options.emit(ReportBundle(reports, gateBase: baseName + (staged ? " (staged)" : "")), &context)
        return fails ? 1 : 0
    }

    static func display(_ folder: String) -> String { folder.isEmpty ? "." : folder }

    struct Gated {
        var set: VariantSet
        var oldSet: VariantSet?
        var introduced: [Finding]
        var resolved: [Finding]
        var warnings: [String]
        var usedBaseline: Bool
    }

    /// Checks one article before and after the edit and keeps what changed.
    static func gate(
        _ article: GitEdit.Article, root: String, options: ReportOptions, config: Manifest?, baseName: String, context: inout CommandContext
    ) throws(CrossCheckError) -> Gated {
        let absolute = { (p: String) in root + "/" + p }
        let oldManifest = try article.oldManifest.map { f throws(CrossCheckError) in try Manifest.parse(SourceText(path: absolute(f.path), bytes: f.bytes)) }
        let newManifest = try article.newManifest.map { f throws(CrossCheckError) in try Manifest.parse(SourceText(path: absolute(f.path), bytes: f.bytes)) }
        let name = { (p: String) in (p as NSString).lastPathComponent }
        let stem = { (p: String) -> String in
            let s = (name(p) as NSString).deletingPathExtension
            return s.isEmpty ? name(p) : s
        }
        if let m = newManifest {
            let names = Set(article.new.map { name($0.path) })
            try m.requireEntries { names.contains($0) }
        }

        // Old side. A file that cannot be read as text was no variant before either.
        var oldSources: [SourceText] = []
        var oldWords: [String: Int] = [:]
        for f in article.old {
            guard let s = try? SourceText(path: absolute(f.path), bytes: f.bytes) else { continue }
            oldSources.append(s)
        }
        let oldSet = oldSources.isEmpty ? nil : try VariantSet.load(sources: oldSources, manifest: oldManifest)
        for v in oldSet?.variants ?? [] { oldWords[v.id] = v.document.wordCount }

        // New side: renamed files keep their old id; an emptied file is no variant but a finding.
        var ids: [String: String] = [:]
        for (new, old) in article.renamed { ids[absolute(new)] = stem(old) }
        var newSources: [SourceText] = []
        var emptied: [(path: String, id: String)] = []
        for f in article.new {
            let path = absolute(f.path)
            do { newSources.append(try SourceText(path: path, bytes: f.bytes)) } catch {
                if case .empty = error, article.changed.contains(f.path) {
                    emptied.append((path, ids[path] ?? stem(f.path)))
                    continue
                }
                throw error
            }
        }
        let newSet = newSources.isEmpty ? nil : try VariantSet.load(sources: newSources, manifest: newManifest ?? oldManifest, ids: ids)

        let manifest = newManifest ?? oldManifest
        let configuration = options.configuration(manifest: manifest, config: config)
        let blankedRule = PageBlankedRule.description.id
        // The run after the edit takes what the rules kept from the run before it (the memo
        // checks that the variant ids match before it reuses anything); the findings are the same.
        let memo = RuleMemo()
        var before = try oldSet.map { s throws(CrossCheckError) in try RuleEngine.run(s, configuration: configuration, memo: memo) } ?? RuleRun(findings: [], warnings: [])
        var after = try newSet.map { s throws(CrossCheckError) in try RuleEngine.run(s, configuration: configuration, memo: memo) } ?? RuleRun(findings: [], warnings: [])
        // The gate judges blanking itself, each edited file against its own previous version.
        before.findings.removeAll { $0.rule == blankedRule }
        after.findings.removeAll { $0.rule == blankedRule }
        let plan = try RuleEngine.resolve(set: newSet ?? oldSet ?? VariantSet(subject: nil, variants: [], manifest: manifest), configuration: configuration)
        if let entry = plan.first(where: { $0.rule.description.id == blankedRule }) {
            let severity = entry.severity ?? PageBlankedRule.description.severity
            for v in newSet?.variants ?? [] where article.changed.contains(relative(v.document.path, root: root)) {
                guard let was = oldWords[v.id] else { continue }
                let short = newSet?.shortName(v.id) ?? v.id
                if let f = PageBlankedRule.finding(before: was, after: v.document.wordCount, variant: v, beforeName: nil, name: short, severity: severity) {
                    after.findings.append(f)
                }
            }
            for e in emptied {
                guard let was = oldWords[e.id] else { continue }
                if let f = PageBlankedRule.finding(before: max(was, PageBlankedRule.minimumWords), after: 0, variant: nil, path: e.path, id: e.id, beforeName: nil, name: e.id, severity: severity) {
                    after.findings.append(f)
                }
            }
        }

        let (afterFindings, usedBaseline) = try options.applyBaselines(after.findings, &context)
        var edited = Set<String>()
        for p in article.changed {
            edited.insert(ids[absolute(p)] ?? stem(p))
        }
        let delta = GateDelta.compare(before: before.findings, after: afterFindings, edited: edited)
        let shown = newSet ?? oldSet ?? VariantSet(subject: manifest?.subject, variants: [], manifest: manifest)
        return Gated(
            set: shown, oldSet: oldSet, introduced: delta.introduced, resolved: delta.resolved,
            warnings: after.warnings, usedBaseline: usedBaseline)
    }

    static func relative(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
