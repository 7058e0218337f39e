import Foundation
import CrossCheckCore
import CrossCheckFormats

/// `--revision ID` and `--page TITLE` for the commands that read variants: an export among the
/// paths is replaced by its selected revisions (in-memory files, see `ExportVariants`).
enum ExportArguments {
    static let commands: Set<String> = ["check", "gate", "diff", "facts", "align", "parse"]
    static let options: Set<String> = ["--revision", "--page"]
    static let help = """

        MediaWiki exports (Special:Export or dumps, plain or .gz/.bz2/.xz/.lzma/.7z) are read as
        their revisions, each a variant dated by its timestamp:
          --revision ID          only this revision (repeatable); gate and diff with one export
                                 and one --revision compare it with its parent, with two
                                 compare the first with the second, with none compare the
                                 newest revision with its parent
          --page TITLE           the page to read in an export of several pages
        """

    /// Replaces each export path among the positionals by the paths of its selected revisions.
    static func rewrite(_ parsed: ParsedArguments, command: String, _ context: CommandContext) throws(CrossCheckError) -> ParsedArguments {
        var revisions: [Int] = []
        for v in parsed.values("--revision", splitCommas: true) {
            guard let id = Int(v) else { throw .usage("crosscheck \(command): --revision needs a revision id (a number), not '\(v)'") }
            revisions.append(id)
        }
        let selection = ExportSelection(revisions: revisions, pages: parsed.values("--page"))
        let pair = command == "gate" || command == "diff"
        var out = parsed
        out.positionals = []
        var found = false
        for p in parsed.positionals {
            let resolved = p.hasPrefix("/") || p == "-" ? p : (context.workingDirectory as NSString).appendingPathComponent(p)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDir), !isDir.boolValue, ExportVariants.isExport(resolved) else {
                out.positionals.append(p)
                continue
            }
            found = true
            let alone = parsed.positionals.count == 1
            out.positionals += try ExportVariants.expand(resolved, selection: selection, pair: pair && alone)
        }
        if !found && !selection.isEmpty {
            throw .usage("crosscheck \(command): --revision and --page select within a MediaWiki export, and no PATH is one")
        }
        if command == "parse" && out.positionals.count > 1 && found {
            throw .usage("crosscheck parse: the export holds \(out.positionals.count) revisions; choose one with --revision ID")
        }
        return out
    }
}
