import Foundation
import Testing
@testable import CrossCheckCore
@testable import CrossCheckFormats
@testable import CrossCheckTestSupport

/// Parses `text` as markdown (tests of the formats helper).
func fmtMarkdown(_ text: String, path: String = "t.md") throws -> Document {
    try MarkdownParser.parse(source(text, path: path))
}

/// Parses `text` as a rendered plain-text article.
func fmtPlain(_ text: String, path: String = "t.txt") throws -> Document {
    try PlainTextParser.parse(source(text, path: path))
}

/// Parses `text` as front matter.
func fmtFrontMatter(_ text: String, path: String = "t.yaml") throws -> Document {
    try FrontMatterParser.parse(source(text, path: path))
}

/// Parses a seed through the full pipeline (detection, role and date inference).
///
/// The document's path is the relative `seeds/NAME`, so golden dumps do not depend on the checkout.
func fmtSeed(_ name: String) throws -> Document {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: seedPath(name))))
    return try DocumentParser.parse(SourceText(path: "seeds/" + name, bytes: bytes))
}

/// All sentence texts of a document in order.
func fmtSentences(_ d: Document) -> [String] { d.allSentences.map(\.sentence.text) }

/// Writes `bytes` to a temporary file and returns its path.
///
/// Names are fixed per checkout and test file name, so repeated runs overwrite rather than pile up
/// (test names are unique); tests remove their large files.
func fmtTempFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-formats-tests")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let prefix = packageRoot.replacingOccurrences(of: "/", with: "_")
    let path = dir.appendingPathComponent(prefix + "-" + name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// Removes a file made by `fmtTempFile`.
func fmtRemove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

/// Markup that must not leak into plain text.
func fmtExpectNoMarkup(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for bad in ["**", "](", "²", "¹", "³", "⁰", "<!--", "`"] {
        #expect(!text.contains(bad), "markup \(bad) leaked into: \(text)", sourceLocation: sourceLocation)
    }
}
