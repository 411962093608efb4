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
        var out: [UInt8] = Array("[".utf8)
        var first = true
        for report in reports {
            // The same path for every finding of a file: escaped once.
            var path: [UInt8] = []
            JSON.string(Paths.display(report.path)).write(into: &path, pretty: true, indent: 0)
            for d in report.diagnostics {
                out += (first ? "\n  " : ",\n  ").utf8
                first = false
                Self.write(d, path: path, index: report.lineIndex, into: &out)
            }
        }
        out += (first ? "]\n" : "\n]\n").utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// One finding at indent 1 (members at four spaces), keys in `String` order:
    /// column, endColumn, endLine, fix, line, message, path, rule, severity.
    static func write(_ d: Diagnostic, path: [UInt8], index: LineIndex, into out: inout [UInt8]) {
        let r = CLIRange(d.range, in: index)
        out += "{".utf8
        writeStart(r, indent: "\n    ", into: &out)
        if let fix = d.fix {
            out += ",\n    \"fix\": {\n      \"applicability\": ".utf8
            writeString(fix.applicability.rawValue, into: &out)
            out += ",\n      \"description\": ".utf8
            writeString(fix.description, into: &out)
            out += ",\n      \"edits\": ".utf8
            if fix.edits.isEmpty {
                out += "[]".utf8
            } else {
                out.append(UInt8(ascii: "["))
                for (k, edit) in fix.edits.enumerated() {
                    let e = CLIRange(edit.range, in: index)
                    out += (k == 0 ? "\n        {" : ",\n        {").utf8
                    writeStart(e, indent: "\n          ", into: &out)
                    out += ",\n          \"line\": ".utf8
                    writeInt(e.line, into: &out)
                    out += ",\n          \"newText\": ".utf8
                    writeString(edit.newText, into: &out)
                    out += "\n        }".utf8
                }
                out += "\n      ]".utf8
            }
            out += "\n    }".utf8
        }
        out += ",\n    \"line\": ".utf8
        writeInt(r.line, into: &out)
        out += ",\n    \"message\": ".utf8
        writeString(d.message, into: &out)
        out += ",\n    \"path\": ".utf8
        out += path
        out += ",\n    \"rule\": ".utf8
        writeString(d.rule, into: &out)
        out += ",\n    \"severity\": ".utf8
        writeString(d.severity.rawValue, into: &out)
        out += "\n  }".utf8
    }

    /// The first three keys of a range in `String` order (`line` sorts after `fix`): column, endColumn, endLine.
    private static func writeStart(_ r: CLIRange, indent: StaticString, into out: inout [UInt8]) {
        let newline = UnsafeBufferPointer(start: indent.utf8Start, count: indent.utf8CodeUnitCount)
        out += newline
        out += "\"column\": ".utf8
        writeInt(r.column, into: &out)
        out.append(UInt8(ascii: ","))
        out += newline
        out += "\"endColumn\": ".utf8
        writeInt(r.endColumn, into: &out)
        out.append(UInt8(ascii: ","))
        out += newline
        out += "\"endLine\": ".utf8
        writeInt(r.endLine, into: &out)
    }

    /// The writer's own escaping, so no string is written differently from before.
    private static func writeString(_ s: String, into out: inout [UInt8]) {
        JSON.string(s).write(into: &out, pretty: true, indent: 0)
    }

    /// Decimal digits without a `String` (lines and columns are never negative; the rest go the plain way).
    private static func writeInt(_ value: Int, into out: inout [UInt8]) {
        guard value >= 0 else { out += String(value).utf8; return }
        if value < 10 { out.append(0x30 + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[n] = 0x30 + UInt8(v % 10)
                v /= 10
                n += 1
            }
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }
}
