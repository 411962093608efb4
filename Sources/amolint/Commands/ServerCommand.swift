import AmoLint
import AmoLintIO
import LanguageServer

/// `amolint server`: the language server over standard input and output.
struct ServerCommand {
    static let spec = CommandSpec(
        name: "server", abstract: "Run the language server (LSP 3.17) on standard input and output.", arguments: "",
        options: [.flag("stdio", help: "Use standard input and output (the default and only transport).")],
        discussion: "Logs go to standard error. See protocol/README.md for capabilities and settings.")

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals.isEmpty else { throw UsageError(description: "'amolint server' takes no paths") }
    }
}

extension ServerCommand {
    func run() -> Int32 {
        LanguageServerMain.run()
    }
}
