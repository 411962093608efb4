import AmoLint
import AmoLintIO
import JSONValue

/// One JSON array; each element `{path, rule, severity, message, line, column,
/// endLine, endColumn}` plus `fix` when there is one.
struct JSONReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        var items: [JSON] = []
        for report in reports {
            for d in report.diagnostics {
                let r = CLIRange(d.range, in: report.lineIndex)
                var object: [String: JSON] = [
                    "path": .string(report.path), "rule": .string(d.rule), "severity": .string(d.severity.rawValue),
                    "message": .string(d.message), "line": .int(r.line), "column": .int(r.column),
                    "endLine": .int(r.endLine), "endColumn": .int(r.endColumn),
                ]
                if let fix = d.fix {
                    object["fix"] = [
                        "description": .string(fix.description),
                        "edits": .array(fix.edits.map { edit in
                            let e = CLIRange(edit.range, in: report.lineIndex)
                            return ["line": .int(e.line), "column": .int(e.column), "endLine": .int(e.endLine),
                                    "endColumn": .int(e.endColumn), "newText": .string(edit.newText)]
                        }),
                    ]
                }
                items.append(.object(object))
            }
        }
        return JSON.array(items).serialized(pretty: true) + "\n"
    }
}
