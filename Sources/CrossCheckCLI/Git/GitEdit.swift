import Foundation
import CrossCheckCore

/// The articles an edit touches, each with its files before and after, read from git.
///
/// An article is one folder: its files (except hidden ones and `crosscheck.json`, its
/// manifest) are its variants. A changed file makes its folder an article of the edit when that
/// folder holds a `crosscheck.json` (before or after) or holds no sub-folder; a file beside
/// article folders (a README at the top) is no variant. Only the folders of changed files are
/// listed and read, so the cost follows the size of the edit, not of the repository.
package struct GitEdit: Sendable {
    /// One file of an article, on one side of the edit.
    package struct File: Sendable {
        /// Repository-relative path.
        package var path: String
        /// The bytes (nil: could not be read).
        package var bytes: [UInt8]
    }

    /// One article's two sides.
    package struct Article: Sendable {
        /// Repository-relative folder ("" for the top-level folder).
        package var folder: String
        package var old: [File]
        package var new: [File]
        package var oldManifest: File?
        package var newManifest: File?
        /// New path -> old path, for renamed variants (the new file keeps the old one's identity).
        package var renamed: [String: String]
        /// Paths (new side, or old side for deletions) that the edit changed.
        package var changed: Set<String>
    }

    package var repository: GitRepository
    /// The commit the edit is compared against (the merge base of `--base` and HEAD).
    package var base: String
    package var articles: [Article]

    /// Reads the edit between `base` (or HEAD for `staged`) and the working tree (or the index),
    /// under `pathspecs` (relative to `directory`; none: the whole repository).
    package static func load(
        directory: String, base revision: String?, staged: Bool, pathspecs: [String]
    ) throws(CrossCheckError) -> GitEdit {
        // One git call for the usual case (the top folder, REV and HEAD); separate calls, with
        // their own error messages, when it fails.
        var quick: [String] = []
        if revision.map({ !$0.hasPrefix("-") }) ?? true,
            let out = try? GitRepository.run(["rev-parse", "--show-toplevel", "--end-of-options"] + (revision.map { [$0 + "^{commit}"] } ?? []) + ["HEAD^{commit}"], in: directory, what: "")
        {
            quick = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        let expected = revision == nil ? 2 : 3
        let repo: GitRepository
        let base: String
        if quick.count == expected {
            repo = GitRepository(root: quick[0])
            let head = quick[expected - 1]
            if revision != nil {
                let commit = quick[1]
                // Like `git diff REV...`: what this side changed since it left REV, so commits that
                // landed on REV in the meantime are not counted as the edit's.
                base = commit == head ? commit : (repo.mergeBase(commit, head) ?? commit)
            } else {
                base = head
            }
        } else {
            repo = try GitRepository.discover(at: directory)
            if let revision {
                let commit = try repo.commit(revision)
                if let head = repo.head(), let mb = repo.mergeBase(commit, head) { base = mb } else { base = commit }
            } else {
                if let head = repo.head() { base = head } else { base = try repo.emptyTree() }
            }
        }
        let changes = try repo.changes(from: base, staged: staged, pathspecs: pathspecs, directory: directory)

        // Folders the edit touches, and what changed in each.
        var renamed: [String: String] = [:]
        var changed: [String: Set<String>] = [:]
        for c in changes {
            for p in [c.old, c.new].compactMap({ $0 }) where isCandidate(p) {
                changed[folder(of: p), default: []].insert(p)
            }
            if c.status == "R", let o = c.old, let n = c.new, folder(of: o) == folder(of: n), isVariant(n) { renamed[n] = o }
        }
        guard !changed.isEmpty else { return GitEdit(repository: repo, base: base, articles: []) }
        let folders = changed.keys.sorted()

        // Old side: the folders in the base commit.
        let oldEntries = try repo.list(base, folders: folders)
        // New side: the index (staged) or the working tree.
        var newEntries: [GitRepository.Entry] = []
        var newSubfolders = Set<String>()
        if staged {
            for e in try repo.listIndex(folders: folders) {
                let f = folder(of: e.path)
                if changed[f] != nil { newEntries.append(e) } else {
                    // A deeper entry: its top folder below a changed folder is a sub-folder.
                    for c in folders where c.isEmpty || e.path.hasPrefix(c + "/") { newSubfolders.insert(c) }
                }
            }
        }
        var wanted = oldEntries.filter { !$0.isFolder }.map(\.object)
        wanted += newEntries.map(\.object)
        let blobs = try repo.blobs(wanted)

        var articles: [Article] = []
        let fm = FileManager.default
        for f in folders {
            var a = Article(folder: f, old: [], new: [], oldManifest: nil, newManifest: nil, renamed: [:], changed: changed[f] ?? [])
            var hasSubfolder = false
            for e in oldEntries where folder(of: e.path) == f {
                if e.isFolder { hasSubfolder = true; continue }
                guard let b = blobs[e.object] else { continue }
                if name(e.path) == "crosscheck.json" { a.oldManifest = File(path: e.path, bytes: b) } else if isVariant(e.path) { a.old.append(File(path: e.path, bytes: b)) }
            }
            if staged {
                if newSubfolders.contains(f) { hasSubfolder = true }
                for e in newEntries where folder(of: e.path) == f {
                    guard let b = blobs[e.object] else { continue }
                    if name(e.path) == "crosscheck.json" { a.newManifest = File(path: e.path, bytes: b) } else if isVariant(e.path) { a.new.append(File(path: e.path, bytes: b)) }
                }
            } else {
                let abs = f.isEmpty ? repo.root : repo.root + "/" + f
                let names = (try? fm.contentsOfDirectory(atPath: abs)) ?? []
                for n in names.sorted() where !n.hasPrefix(".") {
                    let full = abs + "/" + n
                    var isDir: ObjCBool = false
                    guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                    if isDir.boolValue { hasSubfolder = true; continue }
                    let rel = f.isEmpty ? n : f + "/" + n
                    guard let data = fm.contents(atPath: full) else { continue }
                    if n == "crosscheck.json" { a.newManifest = File(path: rel, bytes: [UInt8](data)) } else { a.new.append(File(path: rel, bytes: [UInt8](data))) }
                }
            }
            // A folder of article folders (with loose files such as a README) is no article.
            if hasSubfolder && a.oldManifest == nil && a.newManifest == nil { continue }
            a.old.sort { $0.path < $1.path }
            a.new.sort { $0.path < $1.path }
            a.renamed = renamed.filter { folder(of: $0.key) == f }
            articles.append(a)
        }
        return GitEdit(repository: repo, base: base, articles: articles)
    }

    /// The folder of a repository-relative path ("" at the top).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A path whose change can concern an article: no hidden component.
    static func isCandidate(_ path: String) -> Bool {
        !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// A path that is a variant: a candidate other than a manifest.
    static func isVariant(_ path: String) -> Bool { isCandidate(path) && name(path) != "crosscheck.json" }
}
