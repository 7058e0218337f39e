import Foundation
import Testing
import CrossCheckCore
import CrossCheckFormats
import CrossCheckRules
import CrossCheckCLI

/// The package root, found from this file's location (tests run from any directory).
package let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// The shared real-text corpus (`../shared/corpus` beside the checkout, as CI lays it out), if present.
package let corpusRoot: String? = {
    for p in [packageRoot + "/../shared/corpus", "/work/shared/corpus"] where FileManager.default.fileExists(atPath: p) {
        return p
    }
    return nil
}()

/// Path of a seed file.
package func seedPath(_ name: String) -> String { packageRoot + "/seeds/" + name }

/// An in-memory source for parser tests.
package func source(_ text: String, path: String = "test.txt") throws -> SourceText {
    try SourceText(path: path, bytes: Array(text.utf8))
}

/// Runs the CLI in-process.
package func runCLI(_ args: [String], env: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
    var ctx = CommandContext(environment: env, stdoutIsTerminal: false, workingDirectory: packageRoot)
    let status = CrossCheckCLI.run(args, context: &ctx)
    return (status, ctx.out, ctx.err)
}

/// Compares `actual` with the golden file `Tests/Golden/<name>`.
///
/// `CROSSCHECK_RECORD=1 swift test` rewrites the file and reports a failure, so a recording run can
/// never pass silently; review the diff of the golden files before committing them.
package func expectGolden(_ name: String, _ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let path = packageRoot + "/Tests/Golden/" + name
    if ProcessInfo.processInfo.environment["CROSSCHECK_RECORD"] != nil {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        Issue.record("recorded golden file \(name); run again without CROSSCHECK_RECORD", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("missing golden file \(name); record it with CROSSCHECK_RECORD=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = i < e.count ? String(e[i]) : "<end>"
        let got = i < a.count ? String(a[i]) : "<end>"
        Issue.record("golden \(name) differs at line \(i + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
    }
}

extension RuleExample {
    /// Builds the variant set from the inline files.
    package func variantSet() throws(CrossCheckError) -> VariantSet {
        var variants: [Variant] = []
        for f in files {
            let source = try SourceText(path: f.name, bytes: Array(f.text.utf8))
            var doc = try DocumentParser.parse(source, format: f.format)
            if let r = f.role { doc.role = r }
            if let d = f.date { doc.date = d }
            variants.append(Variant(id: (f.name as NSString).deletingPathExtension, document: doc, order: variants.count))
        }
        return VariantSet(subject: nil, variants: variants, manifest: nil)
    }
}
