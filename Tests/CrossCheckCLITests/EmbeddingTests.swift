import Foundation
import Testing
import CrossCheckCLI
@testable import CrossCheckTestSupport

/// The public embedding API, used the way a linking program would (no @testable import).
@Suite struct EmbeddingTests {
    @Test func checkRendersTheSeedsAsTheCLIDoes() throws {
        let result = try CrossCheck.check(paths: [seedPath("")], format: "json")
        #expect(result.errors + result.warnings + result.info > 0)
        #expect(result.report.contains("\"findings\""))
        let cli = CrossCheck.run(["check", seedPath(""), "--format", "json", "--fail-on", "never"], workingDirectory: packageRoot)
        #expect(cli.status == 0)
        #expect(cli.standardOutput.contains("\"summary\""))
    }

    @Test func badInputIsAnErrorWithTheCLIMessage() {
        #expect(throws: EmbeddingError.self) { try CrossCheck.check(paths: ["/no/such/dir"]) }
        #expect(throws: EmbeddingError.self) { try CrossCheck.check(paths: [seedPath("")], format: "pdf") }
        let r = CrossCheck.run(["check", "/no/such/dir"])
        #expect(r.status == 2 && r.standardError.contains("/no/such/dir"))
        #expect(!CrossCheck.version.isEmpty)
    }
}
