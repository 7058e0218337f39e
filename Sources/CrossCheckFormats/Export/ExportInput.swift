import Foundation

/// Why an export cannot be read: one line naming the file, the byte offset when known, and the problem.
package struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user gave it (`-` reads as "standard input").
    package var path: String
    /// Byte offset in the (decompressed) XML where the problem was found, when it is one.
    package var offset: Int?
    package var reason: String

    package init(path: String, offset: Int? = nil, reason: String) {
        self.path = path; self.offset = offset; self.reason = reason
    }

    package var description: String {
        let name = path == "-" ? "standard input" : path
        if let offset { return "\(name): byte \(offset): \(reason)" }
        return "\(name): \(reason)"
    }
}

/// How the bytes of an export are stored on disk.
package enum ExportCompression: String, Sendable, CaseIterable {
    case none, gzip, bzip2, xz, lzma, sevenZip = "7z"

    /// The decompressor command line for `path` (`-c`: to standard output), or nil for plain XML.
    ///
    /// Candidates are tried in order; the first found on `PATH` runs.
    package var commands: [[String]] {
        switch self {
        case .none: return []
        case .gzip: return [["gzip", "-dc"], ["pigz", "-dc"]]
        case .bzip2: return [["bzip2", "-dc"], ["lbzip2", "-dc"], ["pbzip2", "-dc"]]
        case .xz: return [["xz", "-dc"]]
        case .lzma: return [["xz", "-dc", "--format=lzma"], ["lzma", "-dc"]]
        case .sevenZip: return [["7z", "e", "-so"], ["7za", "e", "-so"], ["7zr", "e", "-so"]]
        }
    }

    /// The program a user should install when no candidate is found.
    package var program: String {
        switch self {
        case .none: return ""
        case .gzip: return "gzip"
        case .bzip2: return "bzip2"
        case .xz, .lzma: return "xz"
        case .sevenZip: return "7z (p7zip)"
        }
    }

    /// Detects the compression from the first bytes, with the file name as a tie-breaker (the
    /// legacy `.lzma` format has no reliable magic number).
    package static func detect(head: [UInt8], name: String) -> ExportCompression {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x42, 0x5A, 0x68]) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        let lower = name.lowercased()
        if lower.hasSuffix(".lzma") && starts([0x5D, 0x00, 0x00]) { return .lzma }
        // Legacy lzma streams start with a properties byte below 225 and no XML in sight.
        if starts([0x5D, 0x00, 0x00]) { return .lzma }
        return .none
    }
}

/// A stream of bytes from a plain file, standard input, or a decompressor's output.
///
/// Compressed files are read through the system decompressor run as a subprocess, so memory stays
/// constant whatever the size of the dump. `close()` reports a decompressor that failed.
package final class ExportByteSource {
    package let path: String
    package let compression: ExportCompression
    private var fd: Int32
    private var ownsFD: Bool
    private var process: Process?
    private var errorPipe: Pipe?
    private var feeder: Thread?
    /// Bytes read ahead to sniff the format, served before the descriptor.
    private var pending: [UInt8] = []
    private var pendingAt = 0

    /// Opens `path` (`-` for standard input), starting a decompressor when the bytes are compressed.
    package init(path: String) throws(ExportError) {
        self.path = path
        let isStdin = path == "-"
        var fd: Int32 = 0
        if !isStdin {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw ExportError(path: path, reason: "cannot read file: no such file")
            }
            if isDir.boolValue { throw ExportError(path: path, reason: "cannot read file: is a directory, not a file") }
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw ExportError(path: path, reason: "cannot read file: \(String(cString: strerror(errno)))") }
        }
        self.fd = fd
        self.ownsFD = !isStdin
        // Sniff the first bytes.
        var head = [UInt8](repeating: 0, count: 8)
        var got = 0
        while got < head.count {
            let n = head.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + got, 8 - got) }
            if n <= 0 { break }
            got += n
        }
        head.removeLast(8 - got)
        let compression = ExportCompression.detect(head: head, name: path)
        self.compression = compression
        guard compression != .none else {
            pending = head
            return
        }
        // Find the decompressor.
        guard let (exe, args) = ExportByteSource.findCommand(compression) else {
            if ownsFD { Foundation.close(fd) }
            throw ExportError(
                path: path,
                reason: "is \(compression.rawValue)-compressed and needs the \(compression.program) program to decompress it, which was not found on PATH")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        let out = Pipe()
        let err = Pipe()
        #if os(Linux)
        // A larger pipe (1 MB, the usual unprivileged limit, instead of 64 KB): the reader wakes
        // for the decompressor's output a sixteenth as often. A refusal only leaves the default.
        _ = fcntl(out.fileHandleForReading.fileDescriptor, 1031 /* F_SETPIPE_SZ */, 1 << 20)
        #endif
        p.standardOutput = out
        p.standardError = err
        if isStdin {
            if compression == .sevenZip {
                throw ExportError(path: path, reason: "7z archives cannot be read from standard input; give the file")
            }
            // Standard input was partly consumed: feed the sniffed bytes and the rest through a pipe.
            let inPipe = Pipe()
            p.standardInput = inPipe
            p.arguments = args
            let writeFD = inPipe.fileHandleForWriting.fileDescriptor
            let first = head
            let t = Thread {
                ExportByteSource.writeAll(writeFD, first)
                var buf = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = buf.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress!, 1 << 16) }
                    if n <= 0 { break }
                    if !ExportByteSource.writeAll(writeFD, Array(buf[0..<n])) { break }
                }
                try? inPipe.fileHandleForWriting.close()
            }
            feeder = t
        } else {
            if ownsFD { Foundation.close(fd) }
            p.arguments = args + [path]
            p.standardInput = FileHandle.nullDevice
        }
        do { try p.run() } catch {
            throw ExportError(path: path, reason: "cannot start \(exe): \(error.localizedDescription)")
        }
        feeder?.start()
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        self.process = p
        self.errorPipe = err
        self.fd = out.fileHandleForReading.fileDescriptor
        self.ownsFD = false
        _ = out  // the read end stays open while `process` holds the pipe
        self.outPipe = out
    }

    private var outPipe: Pipe?

    @discardableResult
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var at = 0
        while at < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + at, bytes.count - at) }
            if n <= 0 { return false }
            at += n
        }
        return true
    }

    /// The first decompressor of `compression` found on `PATH`, with its arguments.
    package static func findCommand(_ compression: ExportCompression, environment: [String: String] = ProcessInfo.processInfo.environment) -> (String, [String])? {
        let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for command in compression.commands {
            for dir in dirs {
                let exe = dir + "/" + command[0]
                if FileManager.default.isExecutableFile(atPath: exe) { return (exe, Array(command.dropFirst())) }
            }
        }
        return nil
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end of the stream.
    package func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(ExportError) -> Int {
        if pendingAt < pending.count {
            let n = min(count, pending.count - pendingAt)
            pending.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + pendingAt, count: n) }
            pendingAt += n
            return n
        }
        while true {
            let n = Foundation.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ExportError(path: path, reason: "cannot read file: \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the stream; throws when the decompressor failed (its first line of complaint).
    package func close() throws(ExportError) {
        if ownsFD { Foundation.close(fd); ownsFD = false }
        guard let p = process else { return }
        process = nil
        try? outPipe?.fileHandleForReading.close()
        p.waitUntilExit()
        let message = (try? errorPipe?.fileHandleForReading.readToEnd()).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        if p.terminationReason == .exit && p.terminationStatus != 0 {
            let line = message.split(separator: "\n").first.map(String.init) ?? "exit status \(p.terminationStatus)"
            throw ExportError(path: path, reason: "cannot decompress (\(compression.rawValue)): \(line)")
        }
    }

    /// Stops a decompressor early (the reader stopped before the end).
    package func cancel() {
        if ownsFD { Foundation.close(fd); ownsFD = false }
        guard let p = process else { return }
        process = nil
        try? outPipe?.fileHandleForReading.close()
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
    }

    deinit { cancel() }
}
