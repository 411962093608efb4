#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint
import AmoLintIO

/// `amolint <command>`: dispatches to the commands.
@main
enum Main {
    static let usage = """
        amolint \(AmoLintVersion.current): catch mistakes in the amoCRM / Kommo OAuth button before users do.

        USAGE: amolint <command> [options]

        COMMANDS:
          check [PATH ...]   Check pages and templates (the CI and pre-commit step).
          rules [RULE-ID]    List the rules, or explain one (summary, explanation, examples, fix).
          server             Run the language server on stdin/stdout (LSP 3.17).
          init [FOLDER]      Write a starter .amolint.json (never over an existing one).
          completions SHELL  Print the completion script for bash, zsh or fish.

        Run 'amolint <command> --help' (or 'amolint help <command>') for a command's options;
        'amolint --version' prints the version.

        """

    static let commandNames = ["check", "rules", "server", "init", "completions"]

    static func main() {
        // From argv's bytes: `CommandLine.arguments` would mangle a file name that is not UTF-8.
        let words = (0..<Int(CommandLine.argc)).dropFirst().map { i in CommandLine.unsafeArgv[i].map { Paths.decode(cString: $0) } ?? "" }
        exit(run(words))
    }

    static func run(_ words: [String]) -> Int32 {
        guard let command = words.first else {
            Platform.write(2, usage)
            return 2
        }
        let rest = words.dropFirst()
        switch command {
        case "--version", "-V", "version":
            Platform.write(1, "amolint \(AmoLintVersion.current)\n")
            return 0
        case "--help", "-h", "help":
            // `amolint help check` is `amolint check --help`.
            if let name = rest.first, name != command, commandNames.contains(name) { return run([name, "--help"]) }
            Platform.write(1, usage)
            return 0
        case "check":
            return dispatch(rest, CheckCommand.spec) { (p) throws(UsageError) in try CheckCommand(p).run() }
        case "rules":
            return dispatch(rest, RulesCommand.spec) { (p) throws(UsageError) in try RulesCommand(p).run() }
        case "server":
            return dispatch(rest, ServerCommand.spec) { (p) throws(UsageError) in try ServerCommand(p).run() }
        case "init":
            return dispatch(rest, InitCommand.spec) { (p) throws(UsageError) in try InitCommand(p).run() }
        case "completions":
            return dispatch(rest, CompletionsCommand.spec) { (p) throws(UsageError) in try CompletionsCommand(p).run() }
        default:
            let hint = Suggestions.nearest(command, in: commandNames).map { "; did you mean '\($0)'?" } ?? ""
            Platform.write(2, "amolint: unknown command '\(Safe.terminal(command))'\(hint)\n\n" + usage)
            return 2
        }
    }

    private static func dispatch(_ words: ArraySlice<String>, _ spec: CommandSpec,
                                 _ body: (ParsedArguments) throws(UsageError) -> Int32) -> Int32
    {
        do {
            let parsed = try ArgumentParser.parse(words, spec: spec)
            if parsed.wantsHelp {
                Platform.write(1, spec.help)
                return 0
            }
            return try body(parsed)
        } catch {
            Platform.write(2, "amolint \(spec.name): \(Safe.terminal(error.description))\nRun 'amolint \(spec.name) --help' for usage.\n")
            return 2
        }
    }
}
