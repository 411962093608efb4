import AmoLint
import AmoLintIO
import JSONValue

/// One JSON array; each element `{path, rule, severity, message, line, column,
/// endLine, endColumn}` plus `fix` when there is one.
struct JSONReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        // Each element is written straight to bytes, in the sorted key order and the
        // indentation `JSON.write(pretty:)` gives: building a `JSON` dictionary per
        // finding cost 60,000 instructions (hashing, sorting keys) for 10,000 findings a page.
        var out = ReportBytes(capacity: 600 * reports.reduce(1) { $0 + $1.diagnostics.count })
        out.append(UInt8(ascii: "["))
        var first = true
        for report in reports {
            // The same path for every finding of a file: escaped once.
            var path: [UInt8] = []
            JSON.string(Paths.display(report.path)).write(into: &path, pretty: true, indent: 0)
            var ranges = RangeMemo(index: report.lineIndex)
            for d in report.diagnostics {
                out.append(first ? "\n  " : ",\n  ")
                first = false
                Self.write(d, path: path, ranges: &ranges, into: &out)
            }
        }
        out.append(first ? "]\n" : "\n]\n")
        return out.string()
    }

    /// A range's first three keys in `String` order (`line` sorts after `fix`), each on a line
    /// starting with `indent`: column, endColumn, endLine.
    private static func writeStart(_ r: CLIRange, indent: StaticString, into out: inout ReportBytes) {
        out.append(indent)
        out.append("\"column\": ")
        out.appendDecimal(r.column)
        out.append(",")
        out.append(indent)
        out.append("\"endColumn\": ")
        out.appendDecimal(r.endColumn)
        out.append(",")
        out.append(indent)
        out.append("\"endLine\": ")
        out.appendDecimal(r.endLine)
    }

    /// One finding at indent 1 (members at four spaces), keys in `String` order:
    /// column, endColumn, endLine, fix, line, message, path, rule, severity (a range's
    /// `line` sorts after `fix`). Each literal holds the separators around a key.
    static func write(_ d: Diagnostic, path: [UInt8], ranges: inout RangeMemo, into out: inout ReportBytes) {
        let r = ranges[d.range]
        out.append("{")
        writeStart(r, indent: "\n    ", into: &out)
        if let fix = d.fix {
            out.append(",\n    \"fix\": {\n      \"applicability\": ")
            out.appendJSONString(fix.applicability.rawValue)
            out.append(",\n      \"description\": ")
            out.appendJSONString(fix.description)
            out.append(",\n      \"edits\": ")
            if fix.edits.isEmpty {
                out.append("[]")
            } else {
                out.append(UInt8(ascii: "["))
                for (k, edit) in fix.edits.enumerated() {
                    let e = ranges[edit.range]
                    out.append(k == 0 ? "\n        {" : ",\n        {")
                    writeStart(e, indent: "\n          ", into: &out)
                    out.append(",\n          \"line\": ")
                    out.appendDecimal(e.line)
                    out.append(",\n          \"newText\": ")
                    out.appendJSONString(edit.newText)
                    out.append("\n        }")
                }
                out.append("\n      ]")
            }
            out.append("\n    }")
        }
        out.append(",\n    \"line\": ")
        out.appendDecimal(r.line)
        out.append(",\n    \"message\": ")
        out.appendJSONString(d.message)
        out.append(",\n    \"path\": ")
        out.append(path)
        out.append(",\n    \"rule\": ")
        out.appendJSONString(d.rule)
        // The severities' names are plain ASCII: their JSON strings are literals.
        switch d.severity {
        case .error: out.append(",\n    \"severity\": \"error\"\n  }")
        case .warning: out.append(",\n    \"severity\": \"warning\"\n  }")
        case .information: out.append(",\n    \"severity\": \"information\"\n  }")
        case .hint: out.append(",\n    \"severity\": \"hint\"\n  }")
        }
    }
}

/// `CLIRange`s of a file's findings, the last one kept: a button's findings often share
/// a range (three of four on a button with nothing set), and a position on a long line
/// costs ~1,500 instructions.
struct RangeMemo {
    let index: LineIndex
    private var last: (range: Range<Int>, position: CLIRange)?

    init(index: LineIndex) { self.index = index }

    subscript(range: Range<Int>) -> CLIRange {
        mutating get {
            if let last, last.range == range { return last.position }
            let position = CLIRange(range, in: index)
            last = (range, position)
            return position
        }
    }
}
