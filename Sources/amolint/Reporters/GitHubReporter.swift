import AmoLint
import AmoLintIO

/// GitHub Actions workflow commands. Data and properties are escaped the way
/// GitHub's toolkit does, so a value from a page cannot end the command or start another,
/// and control characters in file names are written as `\u{…}` (the log is a terminal too).
struct GitHubReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for d in report.diagnostics {
                let r = CLIRange(d.range, in: report.lineIndex)
                let command: String
                switch d.severity {
                case .error: command = "error"
                case .warning: command = "warning"
                case .information, .hint: command = "notice"
                }
                let properties = [
                    "file=\(Self.property(Safe.terminal(report.path)))", "line=\(r.line)", "col=\(r.column)",
                    "endLine=\(r.endLine)", "endColumn=\(r.endColumn)", "title=\(Self.property("amolint " + d.rule))",
                ]
                out += "::\(command) \(properties.joined(separator: ","))::\(Self.data(Safe.terminal(d.message) + " [\(d.rule)]"))\n"
            }
        }
        return out
    }

    static func data(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
