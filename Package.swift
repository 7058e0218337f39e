// swift-tools-version:6.0
import PackageDescription

// One library holds all the logic; the executables are thin shells around it.
let package = Package(
    name: "crosscheck",
    products: [
        .executable(name: "crosscheck", targets: ["crosscheck"]),
        .library(name: "CrossCheck", targets: ["CrossCheck"]),
    ],
    targets: [
        .target(name: "CrossCheck"),
        .executableTarget(name: "crosscheck", dependencies: ["CrossCheck"]),
        .executableTarget(name: "crosscheck-bench", dependencies: ["CrossCheck"]),
        .testTarget(
            name: "CrossCheckTests", dependencies: ["CrossCheck"],
            // Expected outputs and inputs, read by path at test time, not resources.
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
