import Foundation
import CrossCheckCore
import CrossCheckFormats
import CrossCheckAnalysis
import CrossCheckRules
import CrossCheckReports

/// Where a command writes and what it knows of its environment; tests run commands in-process.
package struct CommandContext: Sendable {
    /// The report (stdout).
    package var out = ""
    /// Errors, warnings, the summary line (stderr).
    package var err = ""
    package var environment: [String: String]
    /// Whether stdout is a terminal (colour is used only then, and never with NO_COLOR).
    package var stdoutIsTerminal: Bool
    /// Directory relative paths are resolved and shown against.
    package var workingDirectory: String
    /// When set, commands that stream (`history`) write their report through it as it is made
    /// instead of into `out`; the executable sets it to standard output.
    package var streamOut: (@Sendable (String) -> Void)?

    package init(environment: [String: String] = [:], stdoutIsTerminal: Bool = false, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment; self.stdoutIsTerminal = stdoutIsTerminal; self.workingDirectory = workingDirectory
    }

    /// Colour on a terminal unless NO_COLOR is set (to anything).
    package var useColor: Bool { stdoutIsTerminal && environment["NO_COLOR"] == nil }

    package mutating func print(_ s: String) { out += s; if !s.hasSuffix("\n") { out += "\n" } }
    package mutating func printError(_ s: String) { err += s; if !s.hasSuffix("\n") { err += "\n" } }
}

/// A subcommand: its name, help, accepted arguments and behaviour.
package protocol Command: Sendable {
    static var name: String { get }
    /// One line for `crosscheck --help`.
    static var summary: String { get }
    /// Full `--help` text.
    static var help: String { get }
    static var spec: ArgumentSpec { get }
    /// Runs and returns the exit status; throwing means exit 2 with the error's one-line message.
    static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then a rename.
package enum AtomicFile {
    package static func write(_ contents: String, to path: String) throws(CrossCheckError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(contents.utf8).write(to: tmp)
            // rename(2) replaces an existing file atomically; FileManager.replaceItemAt on Linux
            // removed the original and then failed, losing the file.
            if rename(tmp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw .unwritable(path: path, reason: AtomicFile.reason(error))
        }
    }
}

extension AtomicFile {
    /// The operating system's reason for a failed write, in words ("permission denied").
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        var code = Int32(0)
        if ns.domain == NSPOSIXErrorDomain { code = Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        }
        if code == 0 { code = errno }
        return code != 0 ? String(cString: strerror(code)).lowercased() : "the write failed"
    }
}
