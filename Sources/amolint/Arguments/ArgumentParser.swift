import AmoLint

/// A small declarative argument parser: a command lists its options up front
/// (`CommandSpec`), the parser checks the words against that list, and help is
/// generated from the same list.
struct OptionSpec: Sendable {
    let long: String
    let short: Character?
    /// Name of the value (`FORMAT`); nil for a flag.
    let valueName: String?
    let help: String
    /// Allowed values, checked by the parser.
    let choices: [String]

    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help, choices: [])
    }

    static func option(_ long: String, short: Character? = nil, value: String, choices: [String] = [], help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: value, help: help, choices: choices)
    }
}

struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    let arguments: String
    let options: [OptionSpec]
    let discussion: String

    var help: String {
        var lines = ["OVERVIEW: \(abstract)", "", "USAGE: amolint \(name) [options]\(arguments.isEmpty ? "" : " " + arguments)", "", "OPTIONS:"]
        let all = options + [.flag("help", short: "h", help: "Show this help.")]
        let labels = all.map { o -> String in
            var label = o.short.map { "-\($0), " } ?? "    "
            label += "--\(o.long)"
            if let value = o.valueName { label += " <\(value)>" }
            return label
        }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, option) in zip(labels, all) {
            var help = option.help
            if !option.choices.isEmpty { help += " (\(option.choices.joined(separator: "|")))" }
            lines.append("  " + label + String(repeating: " ", count: width - label.count) + help)
        }
        if !discussion.isEmpty { lines += ["", discussion] }
        return lines.joined(separator: "\n") + "\n"
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
}

struct ParsedArguments {
    var flags: Set<String> = []
    var values: [String: String] = [:]
    var positionals: [String] = []
    /// Every value an option was given, in order (the last one is in `values`).
    var lists: [String: [String]] = [:]
    var wantsHelp: Bool { flags.contains("help") }

    func value(_ long: String) -> String? { values[long] }
    func has(_ long: String) -> Bool { flags.contains(long) }
    /// The comma-separated items of every use of a repeatable option.
    func items(_ long: String) -> [String] {
        (lists[long] ?? []).flatMap { $0.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) } }.filter { !$0.isEmpty }
    }
}

enum ArgumentParser {
    static func parse(_ words: ArraySlice<String>, spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        let options = spec.options + [.flag("help", short: "h", help: "")]
        var parsed = ParsedArguments()
        var rest = words[...]
        while let word = rest.popFirst() {
            if word == "--" {
                parsed.positionals += rest
                break
            }
            guard word.hasPrefix("-"), word != "-" else {
                parsed.positionals.append(word)
                continue
            }
            var name: Substring
            var inlineValue: String?
            let option: OptionSpec?
            if word.hasPrefix("--") {
                name = word.dropFirst(2)
                if let eq = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: eq)...])
                    name = name[..<eq]
                }
                option = options.first { $0.long == name }
            } else {
                name = word.dropFirst()
                option = name.count == 1 ? options.first { $0.short == name.first } : nil
            }
            guard let option else {
                let suggestion = Suggestions.nearest(String(name), in: options.map(\.long))
                throw UsageError(description: "unknown option '\(word)' for 'amolint \(spec.name)'\(suggestion.map { "; did you mean '--\($0)'?" } ?? "")")
            }
            guard option.valueName != nil else {
                if inlineValue != nil { throw UsageError(description: "option '--\(option.long)' takes no value") }
                parsed.flags.insert(option.long)
                continue
            }
            guard let value = inlineValue ?? rest.popFirst() else {
                throw UsageError(description: "option '--\(option.long)' needs a value <\(option.valueName ?? "VALUE")>")
            }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                throw UsageError(description: "invalid value '\(value)' for '--\(option.long)': expected one of \(option.choices.joined(separator: ", "))")
            }
            parsed.values[option.long] = value
            parsed.lists[option.long, default: []].append(value)
        }
        return parsed
    }
}
