import AmoLint
import AmoLintIO

/// `amolint completions bash|zsh|fish`: a completion script generated from the commands' option lists.
struct CompletionsCommand {
    static let shells = ["bash", "zsh", "fish"]
    static let spec = CommandSpec(
        name: "completions", abstract: "Print the shell completion script for bash, zsh or fish.", arguments: "SHELL",
        options: [],
        discussion: """
            bash: amolint completions bash > ~/.local/share/bash-completion/completions/amolint
            zsh:  amolint completions zsh > ~/.zfunc/_amolint  (with fpath+=~/.zfunc before compinit)
            fish: amolint completions fish > ~/.config/fish/completions/amolint.fish
            `make install` installs all three.
            """)

    /// The commands, in the order `amolint --help` lists them.
    static var commands: [CommandSpec] { [CheckCommand.spec, RulesCommand.spec, ServerCommand.spec, InitCommand.spec, spec] }

    var shell: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals.count == 1, let shell = arguments.positionals.first, Self.shells.contains(shell) else {
            throw UsageError(description: "'amolint completions' needs one SHELL: bash, zsh or fish")
        }
        self.shell = shell
    }

    func run() -> Int32 {
        switch shell {
        case "bash": Platform.write(1, Self.bash())
        case "zsh": Platform.write(1, Self.zsh())
        default: Platform.write(1, Self.fish())
        }
        return 0
    }

    /// What an option's value completes to: its choices, rule ids, file names, or nothing.
    enum ValueKind { case choices([String]), rules, files, none }

    static func kind(_ o: OptionSpec) -> ValueKind {
        if !o.choices.isEmpty { return .choices(o.choices) }
        switch o.valueName {
        case "IDS", "ID=LEVEL": return .rules
        case "FILE", "NAME": return .files
        default: return .none
        }
    }

    static func positional(_ spec: CommandSpec) -> ValueKind {
        switch spec.name {
        case "check", "init": return .files
        case "rules": return .rules
        case "completions": return .choices(shells)
        default: return .none
        }
    }

    static func options(_ spec: CommandSpec) -> [OptionSpec] { spec.options + [.flag("help", short: "h", help: "Show this help.")] }

    static func bash() -> String {
        let ids = RuleCatalog.ids.joined(separator: " ")
        var out = """
            # bash completion for amolint (amolint completions bash)
            _amolint() {
                local cur prev
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " ")) help --help --version" -- "$cur"))
                    return
                fi
                case "${COMP_WORDS[1]}" in

            """
        for spec in commands {
            out += "        \(spec.name))\n            case \"$prev\" in\n"
            for o in options(spec) where o.valueName != nil {
                let names = (["--\(o.long)"] + (o.short.map { ["-\($0)"] } ?? [])).joined(separator: "|")
                switch kind(o) {
                case .choices(let c): out += "                \(names)) COMPREPLY=($(compgen -W \"\(c.joined(separator: " "))\" -- \"$cur\")); return ;;\n"
                case .rules: out += "                \(names)) COMPREPLY=($(compgen -W \"\(ids)\" -- \"$cur\")); return ;;\n"
                case .files: out += "                \(names)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
                case .none: out += "                \(names)) return ;;\n"
                }
            }
            let flags = options(spec).flatMap { o in ["--\(o.long)"] + (o.short.map { ["-\($0)"] } ?? []) }.joined(separator: " ")
            out += "            esac\n"
            out += "            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"\(flags)\" -- \"$cur\")); return; fi\n"
            switch positional(spec) {
            case .choices(let c): out += "            COMPREPLY=($(compgen -W \"\(c.joined(separator: " "))\" -- \"$cur\"))\n"
            case .rules: out += "            COMPREPLY=($(compgen -W \"\(ids)\" -- \"$cur\"))\n"
            case .files: out += "            COMPREPLY=($(compgen -f -- \"$cur\"))\n"
            case .none: break
            }
            out += "            ;;\n"
        }
        out += "        help) COMPREPLY=($(compgen -W \"\(commands.map(\.name).joined(separator: " "))\" -- \"$cur\")) ;;\n"
        out += "    esac\n}\ncomplete -o default -o bashdefault -F _amolint amolint\n"
        return out
    }

    /// Text safe inside a single-quoted zsh `_arguments` description.
    private static func zshText(_ s: String) -> String {
        String(s.filter { !"[]:`'\\".contains($0) })
    }

    static func zsh() -> String {
        let ids = RuleCatalog.ids.joined(separator: " ")
        var out = "#compdef amolint\n# zsh completion for amolint (amolint completions zsh)\n\n_amolint() {\n"
        out += "    local -a commands\n    commands=(\n"
        for spec in commands { out += "        '\(spec.name):\(zshText(spec.abstract))'\n" }
        out += "    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' commands\n        return\n    fi\n"
        out += "    local command=$words[2]\n    words=(${words[2,-1]})\n    (( CURRENT-- ))\n    case $command in\n"
        for spec in commands {
            out += "        \(spec.name))\n            _arguments -s \\\n"
            for o in options(spec) {
                let help = zshText(o.help)
                var action = ""
                if let value = o.valueName {
                    switch kind(o) {
                    case .choices(let c): action = ":\(value):(\(c.joined(separator: " ")))"
                    case .rules: action = ":\(value):(\(ids))"
                    case .files: action = ":\(value):_files"
                    case .none: action = ":\(value): "
                    }
                }
                let eq = o.valueName != nil ? "=" : ""
                if let short = o.short {
                    out += "                '(-\(short) --\(o.long))'{-\(short),--\(o.long)\(eq)}'[\(help)]\(action)' \\\n"
                } else {
                    out += "                '--\(o.long)\(eq)[\(help)]\(action)' \\\n"
                }
            }
            switch positional(spec) {
            case .choices(let c): out += "                '1:SHELL:(\(c.joined(separator: " ")))'\n"
            case .rules: out += "                '1:RULE-ID:(\(ids))'\n"
            case .files: out += "                '*:path:_files'\n"
            case .none: out += "                \n"
            }
            out += "            ;;\n"
        }
        out += "        help) _describe 'command' commands ;;\n    esac\n}\n\n_amolint \"$@\"\n"
        return out
    }

    /// Text safe inside a single-quoted fish string.
    private static func fishText(_ s: String) -> String { s.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") }

    static func fish() -> String {
        let ids = RuleCatalog.ids.joined(separator: " ")
        let names = commands.map(\.name).joined(separator: " ")
        var out = "# fish completion for amolint (amolint completions fish)\ncomplete -c amolint -f\n"
        out += "complete -c amolint -n 'not __fish_seen_subcommand_from \(names) help' -l version -d 'Print the version'\n"
        for spec in commands {
            out += "complete -c amolint -n 'not __fish_seen_subcommand_from \(names) help' -a \(spec.name) -d '\(fishText(spec.abstract))'\n"
        }
        out += "complete -c amolint -n '__fish_seen_subcommand_from help' -a '\(names)'\n"
        for spec in commands {
            let when = "-n '__fish_seen_subcommand_from \(spec.name)'"
            for o in options(spec) {
                var line = "complete -c amolint \(when)"
                if let short = o.short { line += " -s \(short)" }
                line += " -l \(o.long)"
                if o.valueName != nil {
                    switch kind(o) {
                    case .choices(let c): line += " -x -a '\(c.joined(separator: " "))'"
                    case .rules: line += " -x -a '\(ids)'"
                    case .files: line += " -r -F"
                    case .none: line += " -x"
                    }
                }
                out += line + " -d '\(fishText(o.help))'\n"
            }
            switch positional(spec) {
            case .choices(let c): out += "complete -c amolint \(when) -a '\(c.joined(separator: " "))'\n"
            case .rules: out += "complete -c amolint \(when) -a '\(ids)'\n"
            case .files: out += "complete -c amolint \(when) -F\n"
            case .none: break
            }
        }
        return out
    }
}
