import AmoLint
import AmoLintIO

/// Lines and columns as the command line prints them: 1-based, columns in
/// Unicode scalars, end exclusive.
struct CLIRange: Sendable {
    let line: Int, column: Int, endLine: Int, endColumn: Int

    init(_ range: Range<Int>, in index: LineIndex) {
        let start = index.position(ofByte: range.lowerBound, encoding: .utf32)
        let end = index.position(ofByte: range.upperBound, encoding: .utf32)
        line = start.line + 1
        column = start.character + 1
        endLine = end.line + 1
        endColumn = end.character + 1
    }
}

/// Counts for the summary line and the exit code.
struct Tally {
    var errors = 0, warnings = 0, information = 0, hints = 0, files = 0, filesWithProblems = 0
    /// Findings with a safe fix, with an unsafe one (held back without `--unsafe-fixes`), and fixes applied.
    var fixable = 0, unsafeFixable = 0, fixed = 0
    var total: Int { errors + warnings + information + hints }

    init(_ reports: [FileReport]) {
        for report in reports {
            files += 1
            fixed += report.fixed
            if !report.diagnostics.isEmpty { filesWithProblems += 1 }
            for d in report.diagnostics {
                switch d.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .information: information += 1
                case .hint: hints += 1
                }
                switch d.fix?.applicability {
                case .safe: fixable += 1
                case .unsafe: unsafeFixable += 1
                case nil: break
                }
            }
        }
    }
}

enum OutputFormat: String, CaseIterable, Sendable {
    case text, full, json, sarif, github, gitlab, junit
}

protocol Reporter {
    /// The whole output for these reports (already sorted by path).
    func render(_ reports: [FileReport]) -> String
}

/// `--color auto|always|never`: `auto` colours a terminal unless `NO_COLOR` is set or `TERM` is `dumb`.
enum ColorChoice {
    static func wanted(_ setting: String) -> Bool {
        switch setting {
        case "always": return true
        case "never": return false
        default:
            if let noColor = Platform.environment("NO_COLOR"), !noColor.isEmpty { return false }
            if Platform.environment("TERM") == "dumb" { return false }
            return Platform.isTerminal(1)
        }
    }
}
