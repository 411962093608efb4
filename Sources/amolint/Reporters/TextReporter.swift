import AmoLint
import AmoLintIO

/// `path:line:column: severity: message [rule-id]`, then a summary line.
struct TextReporter: Reporter {
    let color: Bool

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for d in report.diagnostics {
                let r = CLIRange(d.range, in: report.lineIndex)
                let severityColor: String
                switch d.severity {
                case .error: severityColor = "1;31"
                case .warning: severityColor = "1;33"
                case .information: severityColor = "1;34"
                case .hint: severityColor = "2"
                }
                out += paint("\(Safe.terminal(report.path)):\(r.line):\(r.column)", "1") + ": "
                out += paint(d.severity.rawValue, severityColor) + ": "
                out += Safe.terminal(d.message) + " " + paint("[\(d.rule)]", "2") + "\n"
            }
        }
        out += summary(Tally(reports)) + "\n"
        return out
    }

    private func summary(_ t: Tally) -> String {
        let fileWord = t.files == 1 ? "file" : "files"
        var line: String
        if t.errors + t.warnings + t.others == 0 {
            line = paint("No problems found", "1;32") + " in \(t.files) \(fileWord)."
        } else {
            var parts: [String] = []
            if t.errors > 0 { parts.append(paint("\(t.errors) error\(t.errors == 1 ? "" : "s")", "1;31")) }
            if t.warnings > 0 { parts.append(paint("\(t.warnings) warning\(t.warnings == 1 ? "" : "s")", "1;33")) }
            if t.others > 0 { parts.append("\(t.others) other\(t.others == 1 ? "" : "s")") }
            line = "Found " + parts.joined(separator: ", ") + " in \(t.filesWithProblems) of \(t.files) \(fileWord)."
            if t.fixable > 0 { line += " \(t.fixable) fixable with `amolint check --fix`." }
        }
        if t.fixed > 0 { line += " Fixed \(t.fixed) problem\(t.fixed == 1 ? "" : "s")." }
        return line
    }
}

/// Output hygiene: nothing read from a page or a file name may reach a terminal
/// as a control sequence. Messages are already sanitised by the core; paths are
/// not: their control characters become `\u{…}`, their bytes that are not UTF-8 `\xNN`.
enum Safe {
    static func terminal(_ s: String) -> String { TerminalSafety.escaped(Paths.display(s)) }
}
