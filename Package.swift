// swift-tools-version:6.0
import PackageDescription

// Transitional: the files are in their new target folders, still compiled as one module.
let package = Package(
    name: "crosscheck",
    products: [
        .executable(name: "crosscheck", targets: ["crosscheck"]),
        .library(name: "CrossCheck", targets: ["CrossCheck"]),
    ],
    targets: [
        .target(name: "CrossCheck", path: "Sources", exclude: ["crosscheck", "crosscheck-bench"]),
        .executableTarget(name: "crosscheck", dependencies: ["CrossCheck"]),
        .executableTarget(name: "crosscheck-bench", dependencies: ["CrossCheck"]),
        .testTarget(
            name: "CrossCheckTests", dependencies: ["CrossCheck"], path: "Tests",
            exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
