import AmoLint
import AmoLintIO

/// `--format full`: each finding with its source line, the range underlined, and the fix as a
/// diff, like ruff's and rustc's output; then the text summary. Tabs are shown as four spaces and
/// wide characters (CJK, emoji) as two columns, so the underline stays under its text.
struct FullReporter: Reporter {
    let color: Bool
    let summary: TextReporter
    /// Columns of source shown around a range on a long line (a minified bundle).
    static let window = 100

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for d in report.diagnostics { out += render(d, report) + "\n" }
        }
        return out + summary.summaryLine(reports) + "\n"
    }

    private func render(_ d: Diagnostic, _ report: FileReport) -> String {
        let index = report.lineIndex
        let r = CLIRange(d.range, in: index)
        let (severityColor, caretColor): (String, String)
        switch d.severity {
        case .error: (severityColor, caretColor) = ("1;31", "1;31")
        case .warning: (severityColor, caretColor) = ("1;33", "1;33")
        case .information: (severityColor, caretColor) = ("1;34", "1;34")
        case .hint: (severityColor, caretColor) = ("2", "1;36")
        }
        var out = paint("\(Safe.terminal(report.path)):\(r.line):\(r.column)", "1") + ": "
        out += paint("\(d.severity.rawValue)[\(d.rule)]", severityColor) + ": " + Safe.terminal(d.message) + "\n"
        guard !index.text.isEmpty else { return out }
        let line = index.line(ofByte: d.range.lowerBound)
        let number = String(line + 1)
        let gutter = String(repeating: " ", count: number.count)
        let lineStart = index.lineStarts[line]
        let lineEnd = index.contentEnd(ofLine: line)
        let underlineEnd = min(max(d.range.upperBound, d.range.lowerBound), lineEnd)
        let focus = d.range.lowerBound..<underlineEnd
        let cut = Self.clip(index.text, lineStart..<lineEnd, around: focus)
        let shown = Self.excerpt(index.text, cut.range, focus: focus, cutBefore: cut.before, cutAfter: cut.after)
        out += paint("\(gutter) |", "1;34") + "\n"
        out += paint("\(number) |", "1;34") + " " + shown.text + "\n"
        let carets = String(repeating: "^", count: max(1, shown.underline.count))
        out += paint("\(gutter) |", "1;34") + " " + String(repeating: " ", count: shown.underline.lowerBound) + paint(carets, caretColor) + "\n"
        if let fix = d.fix {
            let label = fix.applicability == .safe ? "fix" : "unsafe fix (--unsafe-fixes)"
            out += paint("\(gutter) =", "1;34") + " " + paint(label, "1") + ": " + Safe.terminal(fix.description) + "\n"
            out += diff(fix, index, gutterWidth: number.count)
        }
        return out
    }

    /// The lines the fix touches, before (`-`) and after (`+`).
    private func diff(_ fix: Fix, _ index: LineIndex, gutterWidth: Int) -> String {
        guard let first = fix.edits.map(\.range.lowerBound).min(), let last = fix.edits.map(\.range.upperBound).max() else { return "" }
        let firstLine = index.line(ofByte: first), lastLine = index.line(ofByte: last)
        let lineStart = index.lineStarts[firstLine], lineEnd = index.contentEnd(ofLine: lastLine)
        guard first >= lineStart, last <= lineEnd || last <= index.text.count else { return "" }
        // A long line is shown from a stretch around the fix, as the finding's own line is.
        let cut = Self.clip(index.text, lineStart..<max(lineStart, lineEnd), around: first..<max(first, min(last, lineEnd)))
        let start = cut.range.lowerBound, end = lineEnd < lineStart ? lineEnd : cut.range.upperBound
        var after: [UInt8] = []
        var cursor = start
        for edit in fix.edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= cursor {
            after += index.text[cursor..<edit.range.lowerBound]
            after += Array(edit.newText.utf8)
            cursor = edit.range.upperBound
        }
        if cursor < end { after += index.text[cursor..<end] }
        let focus = first..<max(first, min(last, end))
        var out = ""
        for (sign, color, bytes) in [("- ", "31", Array(index.text[start..<max(start, end)])), ("+ ", "32", after)] {
            let lines = Self.lines(bytes)
            for (k, text) in lines.enumerated() {
                let n = String(firstLine + 1 + k)
                // The first line starts where the stretch starts; the others at their own starts.
                let lineOffset = k == 0 ? start : lineStart + Self.offset(ofLine: k, in: index, from: firstLine)
                let shown = Self.excerpt(Array(text.utf8), 0..<text.utf8.count, focus: Self.shift(focus, by: -lineOffset),
                                         cutBefore: k == 0 && cut.before, cutAfter: k == lines.count - 1 && cut.after)
                out += paint(sign + String(repeating: " ", count: max(0, gutterWidth - n.count)) + n + " | " + shown.text, color) + "\n"
            }
        }
        return out
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    /// Bytes from the first line of the fix to the start of its k-th line (0 for k past the old text).
    private static func offset(ofLine k: Int, in index: LineIndex, from firstLine: Int) -> Int {
        guard k > 0, firstLine + k < index.lineStarts.count else { return 0 }
        return index.lineStarts[firstLine + k] - index.lineStarts[firstLine]
    }

    private static func shift(_ range: Range<Int>, by delta: Int) -> Range<Int> {
        let lower = max(0, range.lowerBound + delta), upper = max(lower, range.upperBound + delta)
        return lower..<upper
    }

    /// Bytes kept on each side of the focus of a long line: at least 128 characters, more than
    /// the `window / 3` cells shown before the focus and the `window` columns after it, so the
    /// excerpt is the one the whole line gives (unless over 128 zero-width characters follow in a
    /// row). Without it, a 1 MB line with 10,000 findings was decoded 10,000 times (17 minutes).
    static let margin = 4 * 128

    /// `line` cut to `margin` bytes around `focus`, at character starts, and whether it was cut.
    static func clip<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ line: Range<Int>, around focus: Range<Int>) -> (range: Range<Int>, before: Bool, after: Bool) where Bytes.Index == Int {
        var lower = max(line.lowerBound, min(focus.lowerBound, line.upperBound) - margin)
        while lower > line.lowerBound, lower < bytes.count, bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
        var upper = min(line.upperBound, max(lower, focus.upperBound) + margin)
        while upper < line.upperBound, bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        return (lower..<upper, lower > line.lowerBound, upper < line.upperBound)
    }

    /// The display text of `bytes[line]`, and the display columns of `focus` in it: tabs become four
    /// spaces, control characters `\u{…}`, wide characters count two columns; a long line is cut to a
    /// window around the focus, marked with `…` (also where `line` is itself a cut of a longer one).
    static func excerpt<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ line: Range<Int>, focus: Range<Int>, cutBefore: Bool = false,
                                                             cutAfter: Bool = false) -> (text: String, underline: Range<Int>) where Bytes.Index == Int {
        let lower = max(line.lowerBound, min(focus.lowerBound, line.upperBound))
        let upper = max(lower, min(focus.upperBound, line.upperBound))
        var cells: [(text: String, width: Int)] = []
        var focusStart = 0, focusEnd = 0
        func add(_ bytes: Bytes.SubSequence) {
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if scalar == "\t" { cells.append(("    ", 4)) }
                else if TerminalSafety.isUnsafe(scalar) {
                    let escaped = "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                    cells.append((escaped, escaped.count))
                } else { cells.append((String(scalar), width(scalar))) }
            }
        }
        add(bytes[line.lowerBound..<lower])
        focusStart = cells.count
        add(bytes[lower..<upper])
        focusEnd = cells.count
        add(bytes[upper..<line.upperBound])
        // A window of cells around the focus.
        var first = 0, last = cells.count
        let total = cells.reduce(0) { $0 + $1.width }
        if total > window {
            first = max(0, focusStart - window / 3)
            var used = 0
            last = first
            while last < cells.count, used + cells[last].width <= window || last < focusEnd { used += cells[last].width; last += 1 }
        }
        var text = first > 0 || cutBefore ? "…" : ""
        var column = text.count, start = 0, end = 0
        for k in first..<last {
            if k == focusStart { start = column }
            if k == focusEnd { end = column }
            text += cells[k].text
            column += cells[k].width
        }
        if focusStart >= last { start = column }
        if focusEnd >= last { end = column }
        if last < cells.count || cutAfter { text += "…" }
        return (text, start..<max(start, end))
    }

    /// Terminal columns of a scalar: 0 for combining marks and zero-width characters, 2 for East
    /// Asian wide and full-width characters and emoji, 1 otherwise.
    static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x1F680...0x1F6FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        { return 2 }
        return 1
    }
}
