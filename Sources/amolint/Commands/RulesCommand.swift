import AmoLint
import AmoLintIO
import JSONValue

/// `amolint rules`: the rule catalogue.
struct RulesCommand {
    static let spec = CommandSpec(
        name: "rules", abstract: "List the rules with their default severities.", arguments: "",
        options: [.option("format", value: "FORMAT", choices: ["text", "markdown", "json"], help: "Output format (default: text).")],
        discussion: "`amolint rules --format markdown` prints the catalogue kept in protocol/rules.md.")

    var format: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals.isEmpty else { throw UsageError(description: "'amolint rules' takes no paths") }
        format = arguments.value("format") ?? "text"
    }
}

extension RulesCommand {
    func run() -> Int32 {
        switch format {
        case "markdown":
            Platform.write(1, RuleDocumentation.markdown())
        case "json":
            let rules = RuleCatalog.all.map { rule -> JSON in
                ["id": .string(rule.id), "severity": .string(rule.severity.rawValue), "area": .string(rule.area.rawValue),
                 "summary": .string(rule.summary), "explanation": .string(rule.explanation), "fixable": .bool(rule.hasFix)]
            }
            Platform.write(1, JSON.array(rules).serialized(pretty: true) + "\n")
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
