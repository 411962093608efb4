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
        // File access through POSIX calls and `.amolint.json` discovery, shared by the CLI and the server.
        .target(name: "AmoLintIO", dependencies: ["AmoLint"]),
        // Content-Length framing and JSON-RPC 2.0 envelopes; knows nothing of LSP.
        .target(name: "JSONRPC", dependencies: ["JSONValue"]),
        // The subset of LSP 3.17 types amolint speaks, and the messages it sends.
        .target(name: "LanguageServerProtocol", dependencies: ["JSONValue"]),
        // The server logic: documents, configuration, handlers over the core.
        .target(name: "LanguageServer", dependencies: ["AmoLint", "AmoLintIO", "JSONRPC", "LanguageServerProtocol", "JSONValue"]),
        .executableTarget(name: "amolint", dependencies: ["AmoLint", "AmoLintIO", "LanguageServer", "JSONValue"]),
        // libFuzzer targets (see Fuzz/README.md); a plain build gives replay tools.
        .executableTarget(name: "FuzzLint", dependencies: ["AmoLint", "AmoLintIO"], path: "Fuzz/Lint"),
        .executableTarget(name: "FuzzServer", dependencies: ["LanguageServer", "AmoLintIO", "JSONValue"], path: "Fuzz/Server"),
        .testTarget(name: "AmoLintIOTests", dependencies: ["AmoLintIO"]),
        .testTarget(name: "AmoLintTests", dependencies: ["AmoLint", "JSONValue", "JSONRPC"]),
        // Spawns the built `amolint` binary, as users and CI run it.
        .testTarget(name: "EndToEndTests", dependencies: ["amolint", "AmoLint", "AmoLintIO", "JSONValue"], exclude: ["Fixtures"]),
    ]
)
