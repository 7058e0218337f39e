import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// `crosscheck gate OLD NEW [--context PATH...]`: the findings an edit introduces and resolves.
package enum GateCommand: Command {
    package static let name = "gate"
    package static let summary = "Report the conflicts an edit introduces"
    package static let help = """
        Usage: crosscheck gate --base REV [PATH ...] [options]
               crosscheck gate --staged [PATH ...] [options]
               crosscheck gate OLD NEW [--context PATH ...] [options]

        Answers "does this edit introduce conflicts?": checks each article before and after the
        edit and reports the findings the edit introduces and, separately, those it resolves.
        Findings the edit leaves standing are neither (docs/gate.md: finding identity). The exit
        status is decided by the introduced findings only.

        In a git repository:
          --base REV             gate the working tree against REV (from where the current
                                 branch left it: their merge base)
          --staged               gate the index against HEAD (for a pre-commit hook)
          PATH ...               only changed files under these paths (default: everywhere)
        Every changed file's folder is an article (its files the variants, its crosscheck.json
        the manifest), gated with the article's other files as context. Old files are read
        from git; added, deleted and renamed variants are followed; an emptied or mostly
        removed page is a page-blanked finding. Paths are shown relative to the repository.

        Two files, without git:
          OLD NEW                NEW stands in for OLD (it takes OLD's variant id and manifest
                                 entry), so findings the edit leaves alone match
          --context PATH ...     the other variants of the set (files or folders; a copy of OLD
                                 or NEW among them is skipped)

        Options:
        \(ReportOptions.help)

        Exit status: 0 no introduced finding at or above --fail-on, 1 some, 2 usage error or
        unreadable input.

        Examples:
          crosscheck gate --base main
          crosscheck gate --staged articles
          crosscheck gate seeds/001_e3333450b7a6811b.txt edited.txt --context seeds
        """
    package static let spec = ArgumentSpec(flags: ReportOptions.flags.union(["--staged"]), options: ReportOptions.names.union(["--base"]), greedy: ["--context"])

    package static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        if arguments.has("--staged") || arguments.value("--base") != nil { return try runGit(arguments, &context) }
        guard arguments.positionals.count == 2 else {
            throw .usage("crosscheck gate: expected OLD and NEW, or --base REV / --staged (see 'crosscheck gate --help')")
        }
        let options = try ReportOptions.parse(arguments, command: name)
        let config = try options.loadConfig(context)
        let oldPath = ReportOptions.resolve(arguments.positionals[0], context)
        let newPath = ReportOptions.resolve(arguments.positionals[1], context)
        let contextPaths = arguments.values("--context").map { ReportOptions.resolve($0, context) }
        let pair = try load(old: oldPath, new: newPath, context: contextPaths, workingDirectory: context.workingDirectory)

        let configuration = options.configuration(manifest: pair.manifest, config: config)
        // One memo over the three runs reads each sentence's claims once. What the edit itself
        // changes (a figure or date in prose or in a template parameter, an uncited figure added)
        // is found first, by comparing OLD with NEW directly (no context needed): it reads both
        // files' claims before the other rules' memo state exists. The two sets then have the same
        // variant ids (NEW stands in under OLD's), so the run over NEW also takes what the rules
        // kept from the run over OLD (word counts updated by the edit's delta). The findings are
        // those of runs without a memo.
        let memo = RuleMemo()
        let editRaw = try pair.editFindings(configuration, memo: memo)
        let oldRun = try RuleEngine.run(pair.old, configuration: configuration, memo: memo)
        var newRun = try RuleEngine.run(pair.new, configuration: configuration, memo: memo)
        // Baselines are applied (and a --write-baseline recorded) once, over both lists.
        let (baselined, usedBaseline) = try options.applyBaselines(newRun.findings + editRaw, &context)
        let newFindings = Array(baselined.prefix(newRun.findings.count))
        let editFindings = Array(baselined.dropFirst(newRun.findings.count))
        let edited = pair.old.variants.first { ReportPaths.standardise($0.document.path, base: context.workingDirectory) == ReportPaths.standardise(oldPath, base: context.workingDirectory) }?.id ?? ""
        let delta = GateDelta.compare(before: oldRun.findings, after: newFindings, edited: edited)
        let known = Set(delta.introduced.map(\.fingerprint))
        // One edit, one finding: a change the context's revisions show for the same values as the
        // edit's own change (OLD -> NEW) is that change seen from further away.
        func values(_ f: Finding) -> String { ([f.rule] + f.values).joined(separator: "\u{1F}") }
        let editChanges = Set(editFindings.filter { $0.kind == .change }.map(values))
        let introduced = delta.introduced.filter { $0.kind != .change || !editChanges.contains(values($0)) }
        newRun.findings = (introduced + editFindings.filter { !known.contains($0.fingerprint) }).map { pair.renamed($0) }
        newRun.findings.sort(by: Finding.reportOrder)
        let resolved = delta.resolved

        let paths = ReportPaths(workingDirectory: context.workingDirectory)
        let mode = Report.Mode.gate(old: paths.display(oldPath), new: paths.display(newPath))
        let report = Report(set: pair.new, run: newRun, mode: mode, resolved: resolved, oldSet: pair.old, usedBaseline: usedBaseline, paths: paths)
        try options.emit(report, &context)
        return report.fails(at: options.threshold(manifest: pair.manifest, config: config)) ? 1 : 0
    }

    /// The two sets of a gate, each file parsed once.
    struct Pair {
        var old: VariantSet
        var new: VariantSet
        var manifest: Manifest?
        /// OLD, and NEW under its own id (for comparing the two directly).
        var oldVariant: Variant? = nil
        var newVariant: Variant? = nil

        /// The findings of the edit itself (OLD against NEW, no context).
        func editFindings(_ configuration: RuleConfiguration, memo: RuleMemo? = nil) throws(CrossCheckError) -> [Finding] {
            guard let o = oldVariant, var n = newVariant else { return [] }
            n.document.role = new.variants.first { $0.id == o.id }?.document.role ?? n.document.role
            return try EditChanges.findings(old: o, new: n, configuration: configuration, memo: memo)
        }

        /// A finding of the NEW set with NEW's evidence named after NEW's file, not OLD's id.
        func renamed(_ f: Finding) -> Finding {
            guard let o = oldVariant, let n = newVariant else { return f }
            var f = f
            for k in f.evidence.indices where f.evidence[k].variant == o.id && f.evidence[k].path == n.document.path {
                f.evidence[k].variant = n.id
            }
            if f.likelyWrong == o.id { f.likelyWrong = n.id }
            return f
        }
    }

    /// Loads OLD, NEW and the context together, then splits them into {OLD + context} and
    /// {NEW + context}, NEW taking OLD's id (and OLD's manifest entry when NEW has none).
    static func load(old: String, new: String, context: [String], workingDirectory: String) throws(CrossCheckError) -> Pair {
        let key = { (p: String) in ReportPaths.standardise(p, base: workingDirectory) }
        let oldKey = key(old)
        let newKey = key(new)
        // Expand context folders here so a copy of OLD or NEW inside one is never parsed twice.
        var (files, manifest) = try VariantSet.expand(paths: context)
        files = files.filter { key($0) != oldKey && key($0) != newKey }
        let all = try VariantSet.load(paths: [old, new] + files, manifest: manifest)
        let byLoad = all.variants
        guard let oi = byLoad.firstIndex(where: { key($0.document.path) == oldKey }),
            let ni = byLoad.indices.first(where: { $0 != oi && key(byLoad[$0].document.path) == newKey })
        else {
            throw .usage("crosscheck gate: cannot tell OLD and NEW apart in the loaded set")
        }
        let oldVariant = byLoad[oi]
        var newVariant = byLoad[ni]
        let ownNew = newVariant
        newVariant.name = newVariant.id
        newVariant.id = oldVariant.id
        let manifestNames = Set((all.manifest?.variants ?? []).map { ($0.path as NSString).lastPathComponent })
        let name = { (p: String) in (p as NSString).lastPathComponent }
        if manifestNames.contains(name(oldVariant.document.path)) && !manifestNames.contains(name(newVariant.document.path)) {
            newVariant.document.role = oldVariant.document.role
            newVariant.document.date = oldVariant.document.date
            if oldVariant.document.languageEvidence == .declared {
                newVariant.document.language = oldVariant.document.language
                newVariant.document.languageEvidence = .declared
                LanguageInference.apply(to: &newVariant.document)
            }
            newVariant.label = oldVariant.label
        }
        let rest = byLoad.indices.filter { i in
            i != oi && i != ni && key(byLoad[i].document.path) != oldKey && key(byLoad[i].document.path) != newKey
        }.map { byLoad[$0] }
        return Pair(
            old: VariantSet(subject: all.subject, variants: ordered(rest + [oldVariant]), manifest: all.manifest),
            new: VariantSet(subject: all.subject, variants: ordered(rest + [newVariant]), manifest: all.manifest),
            manifest: all.manifest, oldVariant: oldVariant, newVariant: ownNew)
    }

    /// Oldest first (undated last, ties in their previous order), renumbered from 0.
    static func ordered(_ variants: [Variant]) -> [Variant] {
        let sorted = variants.sorted { a, b in
            switch (a.document.date, b.document.date) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.order < b.order
            }
        }
        return sorted.enumerated().map { i, v in
            var v = v
            v.order = i
            return v
        }
    }
}
