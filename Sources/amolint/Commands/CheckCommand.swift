import AmoLint
import AmoLintIO

/// `amolint check [PATH…]`: the lint step of CI jobs and pre-commit hooks.
struct CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Check pages and templates for mistakes in the amoCRM / Kommo OAuth button.",
        arguments: "[PATH ...]",
        options: [
            .option("format", value: "FORMAT", choices: OutputFormat.allCases.map(\.rawValue), help: "Output format (default: text)."),
            .flag("fix", help: "Apply the safe fixes to the files, then report what is left."),
            .option("max-warnings", value: "N", help: "Exit 1 when there are more than N warnings."),
            .option("config", value: "FILE", help: "Use this configuration instead of the nearest .amolint.json."),
            .option("color", value: "WHEN", choices: ["auto", "always", "never"], help: "Colour the text output (default: auto; NO_COLOR is honoured)."),
            .flag("quiet", short: "q", help: "Report errors only."),
            .option("stdin-filename", value: "NAME", help: "The file name to assume for '-' (standard input)."),
        ],
        discussion: """
            PATH is a file, a folder (searched for templates: .html .php .twig .blade.php .vue .erb .jsx …) or '-'
            for standard input. Without PATH, the current folder is checked.

            Exit status: 0 no errors (and warnings within --max-warnings); 1 errors found or too many warnings;
            2 a usage error, a bad configuration or an unreadable path.
            """)

    var paths: [String]
    var format: OutputFormat
    var fix: Bool
    var maxWarnings: Int?
    var configPath: String?
    var color: String
    var quiet: Bool
    var stdinFilename: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["."] : arguments.positionals
        format = arguments.value("format").flatMap(OutputFormat.init(rawValue:)) ?? .text
        fix = arguments.has("fix")
        if let text = arguments.value("max-warnings") {
            guard let n = Int(text), n >= 0 else { throw UsageError(description: "'--max-warnings' needs a whole number ≥ 0, not '\(text)'") }
            maxWarnings = n
        }
        configPath = arguments.value("config")
        color = arguments.value("color") ?? "auto"
        quiet = arguments.has("quiet")
        stdinFilename = arguments.value("stdin-filename")
        if stdinFilename != nil, !paths.contains("-") {
            throw UsageError(description: "'--stdin-filename' names standard input; pass '-' as the path")
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw UsageError(description: "'-' (standard input) can be given once") }
    }
}
