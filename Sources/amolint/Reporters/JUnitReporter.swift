import AmoLint
import AmoLintIO

/// JUnit XML, as CI systems read test reports: one `<testsuite>` per checked file, one failing
/// `<testcase>` per finding (`name` is `amolint.RULE`, `classname` the path), or a passing
/// `<testcase name="amolint">` for a file without findings.
struct JUnitReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        let total = reports.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        let failures = reports.reduce(0) { $0 + $1.diagnostics.count }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"amolint\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\">\n"
        for report in reports {
            let path = Self.escape(Paths.display(report.path))
            let n = report.diagnostics.count
            out += "  <testsuite name=\"\(path)\" tests=\"\(max(1, n))\" failures=\"\(n)\" errors=\"0\" skipped=\"0\">\n"
            if n == 0 { out += "    <testcase name=\"amolint\" classname=\"\(path)\"/>\n" }
            for d in report.diagnostics {
                let r = CLIRange(d.range, in: report.lineIndex)
                out += "    <testcase name=\"amolint.\(Self.escape(d.rule))\" classname=\"\(path)\" file=\"\(path)\" line=\"\(r.line)\">\n"
                out += "      <failure message=\"\(Self.escape(d.message))\" type=\"\(d.severity.rawValue)\">"
                out += Self.escape("\(Paths.display(report.path)):\(r.line):\(r.column): \(d.severity.rawValue): \(d.message) [\(d.rule)]")
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold become `\u{…}`.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F..<0xA0).contains(v) {
                    out += "\\u{\(String(v, radix: 16, uppercase: true))}"
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
