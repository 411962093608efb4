import AmoLint
import AmoLintIO

/// `path:line:column: severity: message [rule-id]`, then a summary line.
struct TextReporter: Reporter {
    let color: Bool
    /// Every finding, including those `--quiet` does not show.
    let tally: Tally
    /// Paths that could not be checked (a fatal problem each, told on stderr).
    let notChecked: Int
    /// `--unsafe-fixes` was given.
    let unsafeFixes: Bool

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// Appends `text`, painted when color is on.
    private func paint(_ text: String, _ code: StaticString, into out: inout [UInt8]) {
        if color { out += [0x1B, UInt8(ascii: "[")]; out += UnsafeBufferPointer(start: code.utf8Start, count: code.utf8CodeUnitCount); out.append(UInt8(ascii: "m")) }
        out += text.utf8
        if color { out += [0x1B, UInt8(ascii: "["), UInt8(ascii: "0"), UInt8(ascii: "m")] }
    }

    /// Built as bytes: a page with a thousand findings made a thousand interpolated
    /// strings and twice as many line and column lookups (only the start is shown).
    func render(_ reports: [FileReport]) -> String {
        var out: [UInt8] = []
        for report in reports {
            let path = Safe.terminal(report.path)
            for d in report.diagnostics {
                let start = report.lineIndex.position(ofByte: d.range.lowerBound, encoding: .utf32)
                let severityColor: StaticString
                switch d.severity {
                case .error: severityColor = "1;31"
                case .warning: severityColor = "1;33"
                case .information: severityColor = "1;34"
                case .hint: severityColor = "2"
                }
                paint("\(path):\(start.line + 1):\(start.character + 1)", "1", into: &out)
                out += ": ".utf8
                paint(d.severity.rawValue, severityColor, into: &out)
                out += ": ".utf8
                out += Safe.terminal(d.message).utf8
                out.append(UInt8(ascii: " "))
                paint("[" + d.rule + "]", "2", into: &out)
                out.append(UInt8(ascii: "\n"))
            }
        }
        out += summaryLine(reports).utf8
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The summary line for these (shown) reports.
    func summaryLine(_ reports: [FileReport]) -> String { summary(tally, shown: Tally(reports).total) }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }

    private func summary(_ t: Tally, shown: Int) -> String {
        let files = Self.count(t.files, "file", "files")
        var line: String
        if t.total == 0, notChecked > 0 {
            // Not "No problems found": something was not checked at all.
            line = "Checked \(files); " + Self.count(notChecked, "path was", "paths were") + " not checked (see the errors on stderr)."
        } else if t.total == 0 {
            line = paint("No problems found", "1;32") + " in \(files)."
        } else {
            var parts: [String] = []
            if t.errors > 0 { parts.append(paint(Self.count(t.errors, "error", "errors"), "1;31")) }
            if t.warnings > 0 { parts.append(paint(Self.count(t.warnings, "warning", "warnings"), "1;33")) }
            if t.information > 0 { parts.append(Self.count(t.information, "information message", "information messages")) }
            if t.hints > 0 { parts.append(Self.count(t.hints, "hint", "hints")) }
            line = "Found " + parts.joined(separator: ", ") + " in \(t.filesWithProblems) of \(files)"
            if shown < t.total { line += " (\(t.total - shown) not shown: --quiet)" }
            line += "."
            if unsafeFixes, t.fixable + t.unsafeFixable > 0 {
                line += " \(t.fixable + t.unsafeFixable) fixable with `amolint check --fix --unsafe-fixes`."
            } else {
                if t.fixable > 0 { line += " \(t.fixable) fixable with `amolint check --fix`." }
                if t.unsafeFixable > 0 {
                    line += " " + Self.count(t.unsafeFixable, "unsafe fix is", "unsafe fixes are") + " held back (apply with `--fix --unsafe-fixes`)."
                }
            }
            if notChecked > 0 { line += " " + Self.count(notChecked, "path was", "paths were") + " not checked (see stderr)." }
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
