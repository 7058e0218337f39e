// swift-tools-version:6.0
import PackageDescription

// The targets are the pipeline, and the compiler keeps it one-way:
//
//   CrossCheckCore  <-  CrossCheckFormats  <-+
//        ^                                   |
//        +-------  CrossCheckAnalysis  <-  CrossCheckRules  <-  CrossCheckReports  <-  CrossCheckCLI
//
// Core: source text, the document model, values and their normalisers, JSON. Formats: one parser
// per input format and variant-set loading. Analysis: the differ, the aligners and claims.
// Rules: the engine and one file per rule. Reports: every renderer. CLI: commands and output.
// The executables are a few lines each. Each library has a test target that mirrors it.
let package = Package(
    name: "crosscheck",
    products: [
        .executable(name: "crosscheck", targets: ["crosscheck"]),
        .library(name: "CrossCheck", targets: ["CrossCheckCLI"]),
    ],
    targets: [
        .target(name: "CrossCheckCore"),
        .target(name: "CrossCheckFormats", dependencies: ["CrossCheckCore"]),
        .target(name: "CrossCheckAnalysis", dependencies: ["CrossCheckCore"]),
        .target(name: "CrossCheckRules", dependencies: ["CrossCheckCore", "CrossCheckAnalysis"]),
        .target(
            name: "CrossCheckReports",
            dependencies: ["CrossCheckCore", "CrossCheckAnalysis", "CrossCheckRules"]),
        .target(
            name: "CrossCheckCLI",
            dependencies: [
                "CrossCheckCore", "CrossCheckFormats", "CrossCheckAnalysis", "CrossCheckRules",
                "CrossCheckReports",
            ]),
        .executableTarget(name: "crosscheck", dependencies: ["CrossCheckCLI"]),
        .executableTarget(
            name: "crosscheck-bench",
            dependencies: ["CrossCheckCore", "CrossCheckFormats", "CrossCheckAnalysis", "CrossCheckRules", "CrossCheckCLI"]),
        // Shared test helpers (package root, golden files, running the CLI in-process, inline
        // example sets); a library so that every test target can use one copy.
        .target(
            name: "CrossCheckTestSupport",
            dependencies: ["CrossCheckCore", "CrossCheckFormats", "CrossCheckRules", "CrossCheckCLI"],
            path: "Tests/CrossCheckTestSupport"),
        .testTarget(name: "CrossCheckCoreTests", dependencies: ["CrossCheckCore", "CrossCheckTestSupport"]),
        .testTarget(
            name: "CrossCheckFormatsTests", dependencies: ["CrossCheckCore", "CrossCheckFormats", "CrossCheckReports", "CrossCheckTestSupport"]),
        .testTarget(
            name: "CrossCheckAnalysisTests",
            dependencies: [
                "CrossCheckCore", "CrossCheckFormats", "CrossCheckAnalysis", "CrossCheckRules", "CrossCheckReports",
                "CrossCheckTestSupport",
            ]),
        .testTarget(
            name: "CrossCheckRulesTests",
            dependencies: [
                "CrossCheckCore", "CrossCheckFormats", "CrossCheckAnalysis", "CrossCheckRules", "CrossCheckTestSupport",
            ]),
        .testTarget(
            name: "CrossCheckReportsTests",
            dependencies: [
                "CrossCheckCore", "CrossCheckFormats", "CrossCheckAnalysis", "CrossCheckRules", "CrossCheckReports",
                "CrossCheckTestSupport",
            ]),
        .testTarget(
            name: "CrossCheckCLITests",
            dependencies: [
                "CrossCheckCore", "CrossCheckFormats", "CrossCheckAnalysis", "CrossCheckRules", "CrossCheckReports",
                "CrossCheckCLI", "CrossCheckTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
