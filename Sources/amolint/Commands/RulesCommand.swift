import AmoLint
import AmoLintIO
import JSONValue

/// `amolint rules`: the rule catalogue.
struct RulesCommand {
    static let spec = CommandSpec(
        name: "rules", abstract: "List the rules, or explain one.", arguments: "[RULE-ID]",
        options: [
            .option("format", value: "FORMAT", choices: ["text", "markdown", "json"], help: "Output format (default: text)."),
            .option("color", value: "WHEN", choices: ["auto", "always", "never"], help: "Style a rule's page (default: auto; NO_COLOR is honoured)."),
        ],
        discussion: """
            Without RULE-ID, lists every rule: its id, default severity, whether it has a fix, and what it finds;
            `--format markdown` prints the catalogue kept in protocol/rules.md, `--format json` an array.
            With RULE-ID, explains that rule: summary, explanation, examples and their fixes (like `ruff rule`).
            """)

    var format: String
    var ruleID: String?
    var color: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals.count <= 1 else { throw UsageError(description: "'amolint rules' takes at most one RULE-ID") }
        format = arguments.value("format") ?? "text"
        color = arguments.value("color") ?? "auto"
        if let id = arguments.positionals.first {
            guard RuleCatalog.rule(id) != nil else {
                let hint = Suggestions.nearest(id, in: RuleCatalog.ids).map { "; did you mean '\($0)'?" } ?? ""
                throw UsageError(description: "unknown rule id '\(id)'\(hint) ('amolint rules' lists them)")
            }
            ruleID = id
        }
    }
}

extension RulesCommand {
    func run() -> Int32 {
        if let ruleID, let rule = RuleCatalog.rule(ruleID) {
            switch format {
            case "json": Platform.write(1, Self.json(rule).serialized(pretty: true) + "\n")
            case "markdown": Platform.write(1, RuleDocumentation.markdown(rule))
            default: Platform.write(1, RulePage(color: useColor).render(rule))
            }
            return 0
        }
        switch format {
        case "markdown":
            Platform.write(1, RuleDocumentation.markdown())
        case "json":
            Platform.write(1, JSON.array(RuleCatalog.all.map(Self.json)).serialized(pretty: true) + "\n")
        default:
            let width = (RuleCatalog.ids.map(\.count).max() ?? 0) + 2
            var out = ""
            for rule in RuleCatalog.all {
                let id = rule.id + String(repeating: " ", count: width - rule.id.count)
                let severity = rule.severity.rawValue + String(repeating: " ", count: 13 - rule.severity.rawValue.count)
                out += "\(id)\(severity)\(rule.hasFix ? "fix  " : "     ")\(rule.summary.replacingAll("`", with: ""))\n"
            }
            Platform.write(1, out)
        }
        return 0
    }
}

extension RulesCommand {
    static func json(_ rule: Rule) -> JSON {
        ["id": .string(rule.id), "severity": .string(rule.severity.rawValue), "area": .string(rule.area.rawValue),
         "summary": .string(rule.summary), "explanation": .string(rule.explanation), "fixable": .bool(rule.hasFix)]
    }

    private var useColor: Bool { ColorChoice.wanted(color) }
}

/// One rule's page for a terminal: headings in bold, reported text underlined in colour
/// (between `«»` without colour), examples indented.
struct RulePage {
    let color: Bool

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func render(_ rule: Rule) -> String {
        var out = paint(rule.id, "1") + " (\(rule.severity.rawValue) by default; \(rule.area.rawValue.lowercased()); fix: \(rule.hasFix ? "yes" : "no"))\n\n"
        out += Self.wrap(prose(rule.summary)) + "\n\n"
        out += Self.wrap(prose(rule.explanation)) + "\n\n"
        out += paint("Reported", "1") + (color ? "" : " (« » mark what the rule reports)") + ":\n\n"
        for example in rule.triggering {
            out += code(example, marked: true)
            if let fixed = example.fixed {
                let unsafe = RuleDocumentation.applicability(example, rule: rule.id) == .unsafe
                out += "  " + paint(unsafe ? "Fixed (with an unsafe fix: --fix --unsafe-fixes):" : "Fixed (--fix):", "32") + "\n\n"
                out += code(Example(fixed, file: example.file), marked: false)
            }
        }
        out += paint("Not reported", "1") + ":\n\n"
        for example in rule.nonTriggering { out += code(example, marked: false) }
        out += "Configure it in .amolint.json (\"rules\": {\"\(rule.id)\": \"off\"}) or with --severity \(rule.id)=LEVEL.\n"
        return out
    }

    /// Backticks become colour on a terminal and stay as they are otherwise.
    private func prose(_ text: String) -> String {
        guard color else { return text }
        var out = "", inCode = false
        for c in text {
            if c == "`" { out += inCode ? "\u{1B}[0m" : "\u{1B}[36m"; inCode.toggle() } else { out.append(c) }
        }
        return out
    }

    private func code(_ example: Example, marked: Bool) -> String {
        var text = example.code
        if color { text = text.replacingAll("«", with: "\u{1B}[4;31m").replacingAll("»", with: "\u{1B}[0m") }
        else if !marked { text = text.replacingAll("«", with: "").replacingAll("»", with: "") }
        var out = example.file == "page.html" ? "" : "    " + paint(example.file, "2") + "\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out += "    " + line + "\n" }
        return out + "\n"
    }

    /// Wraps prose at 100 columns, on spaces.
    static func wrap(_ text: String, width: Int = 100) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
