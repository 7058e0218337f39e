import Foundation
import CrossCheckCore

/// A git repository, read through the `git` executable as a subprocess (no library).
///
/// Every call runs git in the repository's top-level folder with the options that make its
/// output machine-readable whatever the user's configuration (`-z`, `--no-relative`,
/// `--no-ext-diff`), so paths are always repository-relative. Blob contents come from one
/// `git cat-file --batch` process however many are read.
package struct GitRepository: Sendable {
    /// Absolute, standardised path of the top-level folder.
    package var root: String

    package init(root: String) { self.root = root }

    /// The repository that holds `directory`, or a one-line error when there is none.
    package static func discover(at directory: String) throws(CrossCheckError) -> GitRepository {
        let out = try run(["rev-parse", "--show-toplevel"], in: directory, what: "find the git repository")
        let top = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !top.isEmpty else { throw .usage("crosscheck: \(directory) is not inside a git repository") }
        return GitRepository(root: top)
    }

    /// The full object name of commit `revision`, or a usage error naming it.
    package func commit(_ revision: String) throws(CrossCheckError) -> String {
        guard !revision.hasPrefix("-") else { throw .usage("crosscheck gate: --base \(revision) is not a revision") }
        let out: Data
        do { out = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], what: "") } catch {
            let shallow = (try? run(["rev-parse", "--is-shallow-repository"], what: "")).map { String(decoding: $0, as: UTF8.self).hasPrefix("true") } ?? false
            throw .usage("crosscheck gate: --base \(revision) is not a commit of \(root)" + (shallow ? " (a shallow clone: fetch it, or check out with fetch-depth: 0)" : ""))
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The commit HEAD names, or nil before the first commit.
    package func head() -> String? {
        guard let out = try? run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], what: "") else { return nil }
        let s = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// The empty tree (what a repository holds before its first commit).
    package func emptyTree() throws(CrossCheckError) -> String {
        let out = try run(["hash-object", "-t", "tree", "--stdin"], input: Data(), what: "name the empty tree")
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The best common ancestor of `a` and `b` (what `git diff a...b` compares against), or nil.
    package func mergeBase(_ a: String, _ b: String) -> String? {
        guard let out = try? run(["merge-base", a, b], what: "") else { return nil }
        let s = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// One changed path between two snapshots.
    package struct Change: Sendable, Equatable {
        /// `A` added, `D` deleted, `M` modified, `R` renamed, `C` copied, `T` type changed.
        package var status: Character
        /// Repository-relative path before (nil when added).
        package var old: String?
        /// Repository-relative path after (nil when deleted).
        package var new: String?
    }

    /// The paths that differ between `base` and the working tree (or the index when `staged`),
    /// with renames followed, limited to `pathspecs` (relative to `directory`, as git reads them).
    package func changes(from base: String, staged: Bool, pathspecs: [String], directory: String) throws(CrossCheckError) -> [Change] {
        var args = ["diff", "--name-status", "-z", "-M", "--no-relative", "--no-ext-diff", "--ignore-submodules"]
        if staged { args.append("--cached") }
        args += [base, "--"] + pathspecs
        let out = try GitRepository.run(args, in: directory, what: "list the changed files")
        let fields = out.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var changes: [Change] = []
        var i = 0
        while i < fields.count {
            let status = fields[i]
            i += 1
            guard let s = status.first else { continue }
            switch s {
            case "R", "C":
                guard i + 1 < fields.count else { break }
                changes.append(Change(status: s, old: s == "R" ? fields[i] : nil, new: fields[i + 1]))
                i += 2
            case "A":
                guard i < fields.count else { break }
                changes.append(Change(status: s, old: nil, new: fields[i])); i += 1
            case "D":
                guard i < fields.count else { break }
                changes.append(Change(status: s, old: fields[i], new: nil)); i += 1
            default:
                guard i < fields.count else { break }
                changes.append(Change(status: s, old: fields[i], new: fields[i])); i += 1
            }
        }
        return changes
    }

    /// One entry of a folder listing: a repository-relative path and its object.
    package struct Entry: Sendable, Equatable {
        package var path: String
        package var object: String
        package var isFolder: Bool
    }

    /// The entries directly inside each of `folders` (repository-relative, "" for the top) in
    /// commit or tree `revision`.
    package func list(_ revision: String, folders: [String]) throws(CrossCheckError) -> [Entry] {
        var entries: [Entry] = []
        let top = folders.contains("")
        let named = folders.filter { !$0.isEmpty }.map { $0 + "/" }
        var calls: [[String]] = []
        if top { calls.append(["ls-tree", "-z", "--full-tree", revision]) }
        if !named.isEmpty { calls.append(["ls-tree", "-z", "--full-tree", revision, "--"] + named) }
        for args in calls {
            let out = try run(args, what: "list \(revision)")
            for record in out.split(separator: 0) {
                // "<mode> SP <type> SP <object> TAB <path>"
                guard let tab = record.firstIndex(of: 0x09) else { continue }
                let head = record[record.startIndex..<tab].split(separator: 0x20)
                guard head.count >= 3 else { continue }
                let type = String(decoding: head[1], as: UTF8.self)
                guard type == "blob" || type == "tree" else { continue }
                entries.append(Entry(path: String(decoding: record[(tab + 1)...], as: UTF8.self), object: String(decoding: head[2], as: UTF8.self), isFolder: type == "tree"))
            }
        }
        return entries
    }

    /// The index's entries at any depth under each of `folders` (stage 0 only).
    package func listIndex(folders: [String]) throws(CrossCheckError) -> [Entry] {
        var args = ["ls-files", "-s", "-z", "--full-name"]
        if !folders.contains("") { args += ["--"] + folders.map { ":/" + $0 + "/" } } else { args += ["--", ":/"] }
        let out = try run(args, what: "list the index")
        var entries: [Entry] = []
        for record in out.split(separator: 0) {
            // "<mode> SP <object> SP <stage> TAB <path>"
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let head = record[record.startIndex..<tab].split(separator: 0x20)
            guard head.count >= 3, head[2].elementsEqual("0".utf8), !head[0].elementsEqual("160000".utf8) else { continue }
            entries.append(Entry(path: String(decoding: record[(tab + 1)...], as: UTF8.self), object: String(decoding: head[1], as: UTF8.self), isFolder: false))
        }
        return entries
    }

    /// The contents of `objects` (blob names), read by one `git cat-file --batch`.
    package func blobs(_ objects: [String]) throws(CrossCheckError) -> [String: [UInt8]] {
        guard !objects.isEmpty else { return [:] }
        var input = Data()
        for o in Set(objects) { input.append(contentsOf: Array(o.utf8)); input.append(0x0A) }
        let out = [UInt8](try run(["cat-file", "--batch"], input: input, what: "read file contents"))
        var result: [String: [UInt8]] = [:]
        var i = 0
        while i < out.count {
            // "<object> SP <type> SP <size> LF <contents> LF", or "<object> SP missing LF".
            guard let lf = out[i...].firstIndex(of: 0x0A) else { break }
            let header = out[i..<lf].split(separator: 0x20)
            i = lf + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), i + size <= out.count else { continue }
            result[String(decoding: header[0], as: UTF8.self)] = Array(out[i..<(i + size)])
            i += size + 1
        }
        return result
    }

    /// Runs git in the top-level folder.
    package func run(_ arguments: [String], input: Data? = nil, what: String) throws(CrossCheckError) -> Data {
        try GitRepository.run(arguments, in: root, input: input, what: what)
    }

    /// `git` found on `PATH` once (starting it directly saves an `env` process a call).
    static let gitExecutable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs `git ARGUMENTS` in `directory`, feeding `input`; returns stdout, or throws a one-line
    /// error with git's own first line of complaint when git fails or cannot be started.
    package static func run(_ arguments: [String], in directory: String, input: Data? = nil, what: String) throws(CrossCheckError) -> Data {
        let process = Process()
        if let git = gitExecutable {
            process.executableURL = URL(fileURLWithPath: git)
            process.arguments = ["-c", "core.quotepath=off"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        // Plain, untranslated, unpaged output; never a prompt.
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        // `waitUntilExit` polls a run loop (about 50 ms a call on Linux): wait on the handler instead.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            throw .usage("crosscheck: cannot run git to \(what): \(error.localizedDescription)")
        }
        // Feed stdin and drain stderr on other threads, so neither pipe can fill and stall git.
        let group = DispatchGroup()
        if let input {
            let writer = stdin.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let errBox = DataBox()
        let errReader = stderr.fileHandleForReading
        DispatchQueue.global().async(group: group) { errBox.set(errReader.readDataToEndOfFile()) }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        group.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errBox.get(), as: UTF8.self)
                .split(separator: "\n").first.map { String($0).replacingOccurrences(of: "fatal: ", with: "") } ?? "exit \(process.terminationStatus)"
            throw .usage(what.isEmpty ? "git: \(message)" : "crosscheck: git cannot \(what): \(message)")
        }
        return out
    }
}

/// Bytes handed from a reader thread (locked).
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
