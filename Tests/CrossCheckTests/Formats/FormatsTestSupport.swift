import Foundation
import Testing
@testable import CrossCheck

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

/// Writes `bytes` to a fresh temporary file and returns its path.
func fmtTempFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-formats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// Markup that must not leak into plain text.
func fmtExpectNoMarkup(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for bad in ["**", "](", "²", "¹", "³", "⁰", "<!--", "`"] {
        #expect(!text.contains(bad), "markup \(bad) leaked into: \(text)", sourceLocation: sourceLocation)
    }
}
