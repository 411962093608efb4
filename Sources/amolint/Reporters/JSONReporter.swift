import AmoLint
import AmoLintIO
import JSONValue

/// One JSON array; each element `{path, rule, severity, message, line, column,
/// endLine, endColumn}` plus `fix` when there is one.
struct JSONReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        // Each element is written as soon as it is built: a page with a million
        // findings must not hold a million JSON trees at once.
        var out: [UInt8] = Array("[".utf8)
        var first = true
        for report in reports {
            for d in report.diagnostics {
                let r = CLIRange(d.range, in: report.lineIndex)
                var object: [String: JSON] = [
                    "path": .string(Paths.display(report.path)), "rule": .string(d.rule), "severity": .string(d.severity.rawValue),
                    "message": .string(d.message), "line": .int(r.line), "column": .int(r.column),
                    "endLine": .int(r.endLine), "endColumn": .int(r.endColumn),
                ]
                if let fix = d.fix {
                    object["fix"] = [
                        "description": .string(fix.description),
                        "applicability": .string(fix.applicability.rawValue),
                        "edits": .array(fix.edits.map { edit in
                            let e = CLIRange(edit.range, in: report.lineIndex)
                            return ["line": .int(e.line), "column": .int(e.column), "endLine": .int(e.endLine),
                                    "endColumn": .int(e.endColumn), "newText": .string(edit.newText)]
                        }),
                    ]
                }
                out += (first ? "\n  " : ",\n  ").utf8
                first = false
                JSON.object(object).write(into: &out, pretty: true, indent: 1)
            }
        }
        out += (first ? "]\n" : "\n]\n").utf8
        return String(decoding: out, as: UTF8.self)
    }
}
