import Foundation
@testable import CrossCheck

/// The package root, found from this file's location (tests run from any directory).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// Path of a seed file.
func seedPath(_ name: String) -> String { packageRoot + "/seeds/" + name }

/// An in-memory source for parser tests.
func source(_ text: String, path: String = "test.txt") throws -> SourceText {
    try SourceText(path: path, bytes: Array(text.utf8))
}

/// Runs the CLI in-process.
func runCLI(_ args: [String], env: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
    var ctx = CommandContext(environment: env, stdoutIsTerminal: false, workingDirectory: packageRoot)
    let status = CrossCheckCLI.run(args, context: &ctx)
    return (status, ctx.out, ctx.err)
}
