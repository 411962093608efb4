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
            .option("max-file-size", value: "BYTES", help: "Refuse files larger than this (default: 64M; K, M and G suffixes are 1024-based)."),
        ],
        discussion: """
            PATH is a file, a folder (searched for templates: .html .php .twig .blade.php .vue .erb .jsx …) or '-'
            for standard input. Without PATH, the current folder is checked.

            Exit status: 0 no errors (and warnings within --max-warnings); 1 errors found or too many warnings;
            2 a usage error, a bad configuration, or a path that could not be checked (unreadable, not a
            regular file, over --max-file-size, UTF-32); the other files are still checked.
            """)

    var paths: [String]
    var format: OutputFormat
    var fix: Bool
    var maxWarnings: Int?
    var configPath: String?
    var color: String
    var quiet: Bool
    var stdinFilename: String?
    var maxFileSize = FileSystem.defaultMaximumFileSize

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["."] : arguments.positionals
        format = arguments.value("format").flatMap(OutputFormat.init(rawValue:)) ?? .text
        fix = arguments.has("fix")
        if let text = arguments.value("max-warnings") {
            guard let n = Int(text), n >= 0 else { throw UsageError(description: "'--max-warnings' needs a whole number ≥ 0, not '\(text)'") }
            maxWarnings = n
        }
        if let text = arguments.value("max-file-size") {
            guard let n = Self.byteCount(text), n > 0 else {
                throw UsageError(description: "'--max-file-size' needs a byte count > 0 such as 1048576, 512K, 64M or 1G, not '\(text)'")
            }
            maxFileSize = n
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

    /// `123`, `512K`, `64M`, `1G` (1024-based; a trailing `B` or `iB` is allowed).
    static func byteCount(_ text: String) -> Int? {
        var digits = Substring(text)
        for suffix in ["iB", "B"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            break
        }
        var shift = 0
        switch digits.last {
        case "k", "K": shift = 10
        case "m", "M": shift = 20
        case "g", "G": shift = 30
        default: break
        }
        if shift > 0 { digits = digits.dropLast() }
        guard let n = Int(digits), n >= 0, n <= Int.max >> shift else { return nil }
        return n << shift
    }
}
