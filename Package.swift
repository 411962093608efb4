// swift-tools-version:6.0
import PackageDescription

// No package dependencies, by design: amolint installs with the toolchain alone
// (pre-commit's `language: swift`, editors), so everything here is Foundation or less.
let package = Package(
    name: "amolint",
    products: [
        .executable(name: "amolint", targets: ["amolint"]),
        .library(name: "AmoLint", targets: ["AmoLint"]),
    ],
    targets: [
        // A small JSON value type with a strict parser and a deterministic writer.
        .target(name: "JSONValue", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // The linter core: scanner, button model, rules, fixes, configuration. No I/O.
        .target(name: "AmoLint", dependencies: ["JSONValue"]),
        // Content-Length framing and JSON-RPC 2.0 envelopes; knows nothing of LSP.
        .target(name: "JSONRPC", dependencies: ["JSONValue"]),
        // The LSP adapter over the core.
        .target(name: "LanguageServer", dependencies: ["AmoLint", "JSONRPC", "JSONValue"]),
        .executableTarget(name: "amolint", dependencies: ["AmoLint", "LanguageServer", "JSONValue"]),
        .testTarget(name: "AmoLintTests", dependencies: ["AmoLint", "JSONValue"]),
        // Spawns the built `amolint` binary, as users and CI run it.
        .testTarget(name: "EndToEndTests", dependencies: ["amolint", "JSONValue"]),
    ]
)
