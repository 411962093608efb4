import AmoLint
import AmoLintIO

/// `amolint check [PATH…]`: the lint step of CI jobs and pre-commit hooks.
struct CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Check pages and templates for mistakes in the amoCRM / Kommo OAuth button.",
        arguments: "[PATH ...]",
        options: [
            .option("format", value: "FORMAT", choices: OutputFormat.allCases.map(\.rawValue), help: "Report format (default: text; full adds the source and the fix)."),
            .option("output", short: "o", value: "FILE", help: "Write the --format report to FILE, and the text report to stdout."),
            .flag("fix", help: "Apply the safe fixes to the files, then report what is left."),
            .flag("unsafe-fixes", help: "With --fix, apply the unsafe fixes too (guesses such as `voilet`→`violet`)."),
            .option("max-warnings", value: "N", help: "Exit 1 when there are more than N warnings."),
            .option("config", value: "FILE", help: "Use this configuration instead of the nearest .amolint.json."),
            .option("color", value: "WHEN", choices: ["auto", "always", "never"], help: "Colour the text output (default: auto; NO_COLOR is honoured)."),
            .option("select", value: "IDS", help: "Check only these rules (comma-separated; repeatable)."),
            .option("ignore", value: "IDS", help: "Turn these rules off (comma-separated; repeatable)."),
            .option("severity", value: "ID=LEVEL", help: "Set a rule's severity: off|hint|information|warning|error (repeatable)."),
            .flag("quiet", short: "q", help: "Show errors only (the summary, the exit status and --max-warnings still count all)."),
            .option("stdin-filename", value: "NAME", help: "The file name to assume for '-' (standard input; default: stdin.html)."),
            .option("max-file-size", value: "BYTES", help: "Refuse files larger than this (default: 64M; K, M and G suffixes are 1024-based)."),
        ],
        discussion: """
            PATH is a file, a folder (searched for templates: .html .php .twig .blade.php .vue .erb .jsx …) or '-'
            for standard input. Without PATH, the current folder is checked.

            Rules: each file's .amolint.json (or --config) applies first, then --select, --ignore and --severity,
            in that order: --ignore wins over --select, and --severity sets a level last (and can turn a rule on).

            Exit status: 0 no errors (and warnings within --max-warnings); 1 errors found or too many warnings;
            2 a usage error, a bad configuration, or a path that could not be checked (unreadable, not a
            regular file, over --max-file-size, UTF-32); the other files are still checked.
            """)

    var paths: [String]
    var format: OutputFormat
    /// The fixes `--fix` applies (nil without `--fix`).
    var fix: Applicability?
    var unsafeFixes: Bool
    var outputPath: String?
    var maxWarnings: Int?
    var configPath: String?
    var color: String
    var quiet: Bool
    var stdinFilename: String?
    var maxFileSize = FileSystem.defaultMaximumFileSize
    var overrides = RuleOverrides()

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["."] : arguments.positionals
        format = arguments.value("format").flatMap(OutputFormat.init(rawValue:)) ?? .text
        fix = arguments.has("fix") ? (arguments.has("unsafe-fixes") ? .unsafe : .safe) : nil
        unsafeFixes = arguments.has("unsafe-fixes")
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
        outputPath = arguments.value("output")
        if let outputPath, outputPath.isEmpty || outputPath == "-" {
            throw UsageError(description: "'--output' needs a file name (without it the report goes to stdout)")
        }
        color = arguments.value("color") ?? "auto"
        quiet = arguments.has("quiet")
        stdinFilename = arguments.value("stdin-filename")
        if stdinFilename != nil, !paths.contains("-") {
            throw UsageError(description: "'--stdin-filename' names standard input; pass '-' as the path")
        }
        overrides = try RuleOverrides(select: arguments.items("select"), ignore: arguments.items("ignore"),
                                      severity: arguments.items("severity"))
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

/// `--select`, `--ignore` and `--severity`, laid over each file's configuration in that order.
struct RuleOverrides: Sendable {
    var select: Set<String>?
    var ignore: Set<String> = []
    var severity: [(String, Configuration.Setting)] = []

    init() {}

    init(select: [String], ignore: [String], severity: [String]) throws(UsageError) {
        func known(_ id: String, _ option: String) throws(UsageError) -> String {
            guard RuleCatalog.rule(id) != nil else {
                let hint = Suggestions.nearest(id, in: RuleCatalog.ids).map { "; did you mean '\($0)'?" } ?? ""
                throw UsageError(description: "unknown rule id '\(id)' in '--\(option)'\(hint) (see 'amolint rules')")
            }
            return id
        }
        if !select.isEmpty {
            var ids: Set<String> = []
            for id in select { ids.insert(try known(id, "select")) }
            self.select = ids
        }
        for id in ignore { self.ignore.insert(try known(id, "ignore")) }
        for item in severity {
            guard let eq = item.firstIndex(of: "=") else {
                throw UsageError(description: "'--severity' needs ID=LEVEL such as static-state=error, not '\(item)'")
            }
            let id = try known(String(item[..<eq]), "severity")
            let level = String(item[item.index(after: eq)...])
            guard Configuration.settingValues.contains(level) else {
                throw UsageError(description: "invalid level '\(level)' in '--severity \(item)': expected one of \(Configuration.settingValues.joined(separator: ", "))")
            }
            self.severity.append((id, level == "off" ? .off : Severity(rawValue: level).map(Configuration.Setting.severity) ?? .off))
        }
    }

    var isEmpty: Bool { select == nil && ignore.isEmpty && severity.isEmpty }

    func apply(to configuration: Configuration) -> Configuration {
        guard !isEmpty else { return configuration }
        var c = configuration
        if let select {
            for id in RuleCatalog.ids {
                if !select.contains(id) { c.rules[id] = .off }
                // A selected rule is on even when the file turned it off.
                else if c.rules[id] == .off { c.rules[id] = nil }
            }
        }
        for id in ignore { c.rules[id] = .off }
        for (id, setting) in severity { c.rules[id] = setting }
        return c
    }
}
