#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import CrossCheckCore
import Foundation

/// One report or baseline a command produces, written when the whole command has succeeded.
package struct OutputFile: Sendable, Equatable {
    /// Where it goes, as the user wrote it (resolved against the working directory).
    package var path: String
    package var contents: String
    package init(path: String, contents: String) { self.path = path; self.contents = contents }
}

/// Writes a command's output files all together or not at all.
///
/// Every file is first written in full to a temporary file beside its target
/// (`.NAME.tmp-PID`, flushed to disk); only when all of them are complete are they renamed over
/// their targets, so a failure (a full disk, a folder without write permission) leaves every
/// target as it was and no temporary file behind. Temporary files that a killed run left (their
/// process is gone) are removed on the next write to the same folder. A symbolic link as target
/// is written through: the file it points at is replaced, the link stays.
package enum OutputFiles {
    /// Writes every file, or none of them; the error names the first file that failed.
    package static func commit(_ files: [OutputFile]) throws(CrossCheckError) {
        guard !files.isEmpty else { return }
        var staged: [(temp: String, target: String, shown: String)] = []
        do throws(CrossCheckError) {
            for f in files {
                let target = try resolveLinks(f.path)
                try makeParent(of: target, shown: f.path)
                removeStaleTemporaries(beside: target)
                let temp = try writeTemporary(f.contents, for: target, shown: f.path)
                staged.append((temp, target, f.path))
            }
        } catch {
            for s in staged { unlink(s.temp) }
            throw error
        }
        for (i, s) in staged.enumerated() where rename(s.temp, s.target) != 0 {
            let reason = SystemError.describe(errno)
            for rest in staged[i...] { unlink(rest.temp) }
            throw .unwritable(path: s.shown, reason: reason)
        }
    }

    /// The folder part of a path ("" for a bare name); unlike NSString's, safe on any input.
    package static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    package static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Follows symbolic links at `path` (even dangling ones) to the file that should be written.
    static func resolveLinks(_ path: String) throws(CrossCheckError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let dir = folder(of: current)
            current = link.hasPrefix("/") || dir.isEmpty ? link : dir + "/" + link
        }
        throw .unwritable(path: path, reason: "too many levels of symbolic links")
    }

    /// Creates the folder a report goes to (`--output reports/x.md` in a fresh checkout).
    static func makeParent(of target: String, shown: String) throws(CrossCheckError) {
        let parent = folder(of: target)
        guard !parent.isEmpty else { return }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDir) {
            if !isDir.boolValue { throw .unwritable(path: shown, reason: "\(parent) is not a folder") }
            return
        }
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: shown, reason: "cannot create its folder")
        }
    }

    /// Removes `.NAME.tmp-PID` files beside `target` whose process no longer runs.
    static func removeStaleTemporaries(beside target: String) {
        let dir = folder(of: target)
        let prefix = "." + name(of: target) + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return }
        for n in names where n.hasPrefix(prefix) {
            guard let pid = pid_t(n.dropFirst(prefix.count)), pid > 0 else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                unlink(dir.isEmpty ? n : dir + "/" + n)
            }
        }
    }

    /// Writes `contents` to a new temporary file beside `target` and returns its path.
    static func writeTemporary(_ contents: String, for target: String, shown: String) throws(CrossCheckError) -> String {
        var st = stat()
        let exists = stat(target, &st) == 0
        if exists {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .unwritable(path: shown, reason: "is a folder") }
            // Replacing is a rename, which a read-only file would not stop: honour it anyway.
            if access(target, W_OK) != 0 { throw .unwritable(path: shown, reason: SystemError.describe(errno)) }
        }
        let dir = folder(of: target)
        let temp = (dir.isEmpty ? "" : dir + "/") + "." + name(of: target) + ".tmp-\(getpid())"
        unlink(temp)  // our own leftover from an earlier failed attempt in this process
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? st.st_mode & 0o7777 : 0o666)
        guard fd >= 0 else { throw .unwritable(path: shown, reason: SystemError.describe(errno)) }
        var failure: Int32? = nil
        if let e = StandardStreams.writeAll(contents, to: fd) { failure = e }
        if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(temp)
            throw .unwritable(path: shown, reason: SystemError.describe(failure))
        }
        return temp
    }
}

/// Writing to the process's standard output and error, failures included.
package enum StandardStreams {
    /// Writes all of `text` to `fd`; returns nil, or the `errno` of the write that failed.
    package static func writeAll(_ text: String, to fd: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                done += n
            }
            return nil
        }
    }

    /// Hands a finished command's output to the OS and returns the exit status to use.
    ///
    /// A reader that stopped early (`crosscheck check | head`, a closed pipe) ends the run
    /// quietly with the command's own status, as git and ripgrep do; any other failure to write
    /// the report (a full disk, `> /dev/full`) is exit 2 with one line on stderr. SIGPIPE must
    /// be ignored (`signal(SIGPIPE, SIG_IGN)`) so that a closed pipe is an EPIPE error here.
    package static func finish(status: Int32, out: String, err: String, stdout: Int32 = 1, stderr: Int32 = 2) -> Int32 {
        var status = status
        var err = err
        if let e = writeAll(out, to: stdout), e != EPIPE {
            err += "crosscheck: cannot write the report to standard output: \(SystemError.describe(e))\n"
            status = 2
        }
        // Nowhere left to report a failure on stderr itself.
        _ = writeAll(err, to: stderr)
        return status
    }
}

/// Operating-system error numbers in words.
package enum SystemError {
    /// "permission denied", "no space left on device": strerror, lower-cased as in a sentence.
    package static func describe(_ code: Int32) -> String {
        guard let c = strerror(code) else { return "error \(code)" }
        let s = String(cString: c)
        guard let first = s.first else { return "error \(code)" }
        return first.lowercased() + s.dropFirst()
    }
}
