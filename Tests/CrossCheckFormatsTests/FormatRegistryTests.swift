import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

/// Iterates the input-format registry, so that a new format cannot miss detection or parsing.
@Suite struct FormatRegistryTests {
    @Test func namesAndExtensionsAreUnique() {
        let names = FormatRegistry.all.map { $0.format }
        #expect(Set(names).count == names.count)
        let exts = FormatRegistry.all.flatMap { $0.fileExtensions }
        #expect(Set(exts).count == exts.count)
    }

    /// Each seed is detected as the format its manifest declares, and that parser reads it.
    @Test func everyFormatInTheSeedsIsDetectedAndParsed() throws {
        let manifest = try Manifest.load(path: seedPath("crosscheck.json"))
        var seen = Set<DocumentFormat>()
        for entry in manifest.variants {
            guard let declared = entry.format else { continue }
            let source = try SourceText.load(path: seedPath(entry.path))
            #expect(FormatDetector.detect(source) == declared, "\(entry.path)")
            let parser = try #require(FormatRegistry.parser(for: declared))
            let doc = try parser.parse(source, previous: nil)
            #expect(doc.format == declared)
            #expect(!doc.sections.isEmpty || !doc.fields.isEmpty)
            seen.insert(declared)
        }
        // The seeds exercise every registered format.
        #expect(seen == Set(FormatRegistry.all.map { $0.format }))
    }

    /// A file's extension decides between formats only when the content says nothing.
    @Test(arguments: FormatRegistry.all.map { $0.format })
    func extensionBreaksTheTieOfPlainProse(_ format: DocumentFormat) throws {
        guard let ext = FormatRegistry.parser(for: format)?.fileExtensions.first else { return }
        let s = try source("Plain prose with no markup at all.\n", path: "note." + ext)
        #expect(FormatDetector.detect(s) == format)
    }

    @Test func unknownManifestFormatIsAConfigurationError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cc-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "Some text.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try #"{"variants": [{"path": "a.txt", "format": "docx"}]}"#.write(
            to: dir.appendingPathComponent("crosscheck.json"), atomically: true, encoding: .utf8)
        #expect(throws: CrossCheckError.self) { try VariantSet.load(paths: [dir.path]) }
        do { _ = try VariantSet.load(paths: [dir.path]) } catch { #expect("\(error)".contains("unknown format \"docx\"")) }
    }
}
