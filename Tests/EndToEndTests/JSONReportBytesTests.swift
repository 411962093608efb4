import AmoLintIO
import JSONValue
import XCTest
@testable import AmoLint
@testable import amolint

/// `--format json` is written straight to bytes; it must be, byte for byte, what the
/// `JSON` tree it replaced gives, on generated findings: fixes with no, one or several
/// edits, text that needs escaping (quotes, controls, C1, U+2028, bidi marks), several files.
final class JSONReportBytesTests: XCTestCase {
    /// The reporter as it was: a `JSON` dictionary per finding, written by the tree writer.
    static func plainRender(_ reports: [FileReport]) -> String {
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

    func testTheBytesAreTheTreeWritersBytes() {
        var state: UInt64 = 71
        func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = ["a", "Blue", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}",
                      "\u{200E}", "\u{202E}", "\u{2066}", "é", "漢字", "🚀", "`x`", "/", "</script>"]
        func text() -> String { (0..<below(8)).map { _ in pieces[below(pieces.count)] }.joined() }
        for round in 0..<300 {
            var reports: [FileReport] = []
            for f in 0..<below(4) {
                let source = Array((0..<below(6)).map { _ in text() + (below(2) == 0 ? "\n" : "") }.joined().utf8)
                let index = LineIndex(source)
                func range() -> Range<Int> {
                    let a = below(source.count + 1), b = below(source.count + 1)
                    return min(a, b)..<max(a, b)
                }
                let diagnostics = (0..<below(5)).map { _ -> Diagnostic in
                    var fix: Fix?
                    if below(2) == 0 {
                        fix = Fix(text(), (0..<below(4)).map { _ in TextEdit(range: range(), newText: text()) },
                                  applicability: below(2) == 0 ? .safe : .unsafe)
                    }
                    return Diagnostic(rule: ["invalid-color", "duplicate-attribute", text()][below(3)], severity: Severity.allCases[below(4)],
                                      message: text(), range: range(), fix: fix, related: [], unnecessary: below(2) == 0)
                }
                reports.append(FileReport(path: "dir \(round)/\(f)" + text() + ".html", lineIndex: index, diagnostics: diagnostics,
                                          fixed: 0, fixedOutput: nil))
            }
            XCTAssertEqual(JSONReporter().render(reports), Self.plainRender(reports))
        }
    }
}
