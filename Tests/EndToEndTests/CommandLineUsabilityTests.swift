import AmoLint
import AmoLintIO
import Foundation
import XCTest

/// What ruff and eslint users expect of the command line: honest summaries, loud ignores,
/// rules chosen on the command line, and a README that lists every flag.
final class CommandLineUsabilityTests: XCTestCase {
    let broken = #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="abc" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"#
    let warnOnly = #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="abc" data-color="blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"#

    func testAFatalErrorNeverSaysNoProblemsFound() throws {
        let s = try Scratch()
        let missing = try Amolint.run(["check", "nope.html", "--color", "never"], in: s.url)
        XCTAssertEqual(missing.status, 2)
        XCTAssertFalse(missing.stdout.contains("No problems found"), missing.stdout)
        XCTAssertTrue(missing.stdout.contains("1 path was not checked"), missing.stdout)

        try s.write("bad/.amolint.json", #"{"rulez": {}}"#)
        try s.write("bad/a.html", broken)
        try s.write("bad/b.html", broken)
        let bad = try Amolint.run(["check", "bad", "--color", "never"], in: s.url)
        XCTAssertEqual(bad.status, 2)
        XCTAssertFalse(bad.stdout.contains("No problems found"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("2 paths were not checked"), bad.stdout)
        XCTAssertTrue(bad.stderr.contains("the files it governs are not checked"), bad.stderr)

        try s.write("bad.json", "{")
        try s.write("c.html", warnOnly)
        let config = try Amolint.run(["check", "c.html", "--config", "bad.json", "--color", "never"], in: s.url)
        XCTAssertEqual(config.status, 2)
        XCTAssertFalse(config.stdout.contains("No problems found"), config.stdout)
    }

    func testQuietKeepsMaxWarningsAndCounts() throws {
        let s = try Scratch()
        try s.write("warn.html", warnOnly)
        let quiet = try Amolint.run(["check", "warn.html", "-q", "--max-warnings", "0", "--color", "never"], in: s.url)
        XCTAssertEqual(quiet.status, 1, "--quiet hides warnings, it does not forgive them")
        XCTAssertFalse(quiet.stdout.contains("warning:"), quiet.stdout)
        XCTAssertTrue(quiet.stderr.contains("1 warning exceeds --max-warnings 0"), quiet.stderr)
        XCTAssertTrue(quiet.stdout.contains("1 not shown: --quiet"), quiet.stdout)

        // Fixable counts every fixable finding, shown or not: "N fixable" then "Fixed N".
        try s.write("both.html", broken.replacingOccurrences(of: "src=\"https:", with: "src=\"http:"))
        let report = try Amolint.run(["check", "both.html", "-q", "--color", "never"], in: s.url)
        let fixable = try XCTUnwrap(report.stdout.firstMatch(#"(\d+) fixable"#))
        let fixed = try Amolint.run(["check", "both.html", "-q", "--fix", "--color", "never"], in: s.url)
        XCTAssertEqual(fixed.stdout.firstMatch(#"Fixed (\d+) problem"#), fixable, report.stdout + fixed.stdout)
    }

    func testSummaryWordsAreRight() throws {
        let s = try Scratch()
        try s.write("warn.html", warnOnly)
        let one = try Amolint.run(["check", "warn.html", "--max-warnings", "0", "--color", "never"], in: s.url)
        XCTAssertTrue(one.stdout.contains("Found 1 warning in 1 of 1 file."), one.stdout)
        XCTAssertTrue(one.stderr.contains("1 warning exceeds"), one.stderr)
        XCTAssertFalse(one.stderr.contains("1 warnings"), one.stderr)
        let hint = try Amolint.run(["check", "warn.html", "--severity", "static-state=hint", "--color", "never"], in: s.url)
        XCTAssertTrue(hint.stdout.contains("Found 1 hint in"), hint.stdout)
        let info = try Amolint.run(["check", "warn.html", "--severity", "static-state=information", "--color", "never"], in: s.url)
        XCTAssertTrue(info.stdout.contains("Found 1 information message in"), info.stdout)
        XCTAssertFalse(info.stdout.contains("other"), info.stdout)
    }

    func testAnExplicitlyNamedExcludedFileIsReported() throws {
        let s = try Scratch()
        try s.write(".amolint.json", #"{"exclude": ["legacy/**"]}"#)
        try s.write("legacy/old.html", broken)
        let out = try Amolint.run(["check", "legacy/old.html"], in: s.url)
        XCTAssertEqual(out.status, 0)
        XCTAssertTrue(out.stderr.contains("legacy/old.html: File ignored because of a matching ignore pattern"), out.stderr)
        // Found by walking a folder, it is skipped quietly.
        let walked = try Amolint.run(["check", "."], in: s.url)
        XCTAssertFalse(walked.stderr.contains("File ignored"), walked.stderr)
    }

    func testSelectIgnoreAndSeverityLayerOverTheConfiguration() throws {
        let s = try Scratch()
        try s.write(".amolint.json", #"{"rules": {"static-state": "off"}}"#)
        try s.write("a.html", broken)
        func rules(_ extra: [String]) throws -> [String] {
            let out = try Amolint.run(["check", "a.html", "--format", "json"] + extra, in: s.url)
            return (out.json?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }.sorted()
        }
        XCTAssertEqual(try rules([]), ["invalid-color"])
        XCTAssertEqual(try rules(["--select", "static-state"]), ["static-state"], "--select turns a rule the file turned off back on")
        XCTAssertEqual(try rules(["--select", "static-state,invalid-color", "--ignore", "invalid-color"]), ["static-state"])
        XCTAssertEqual(try rules(["--ignore=invalid-color"]), [])
        XCTAssertEqual(try rules(["--severity", "static-state=error", "--severity", "invalid-color=off"]), ["static-state"])
        let severity = try Amolint.run(["check", "a.html", "--format", "json", "--severity", "invalid-color=hint"], in: s.url)
        XCTAssertEqual(severity.json?.arrayValue?.first?["severity"]?.stringValue, "hint")
        XCTAssertEqual(severity.status, 0)

        let typo = try Amolint.run(["check", "a.html", "--select", "statc-state"], in: s.url)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("did you mean 'static-state'"), typo.stderr)
        XCTAssertEqual(try Amolint.run(["check", "a.html", "--severity", "static-state"], in: s.url).status, 2)
        XCTAssertEqual(try Amolint.run(["check", "a.html", "--severity", "static-state=loud"], in: s.url).status, 2)
    }

    func testRulesExplainsOneRule() throws {
        let page = try Amolint.run(["rules", "invalid-color", "--color", "never"])
        XCTAssertEqual(page.status, 0)
        XCTAssertTrue(page.stdout.hasPrefix("invalid-color (error by default; enumerations; fix: yes)"), page.stdout)
        for part in ["Reported", "Fixed (--fix):", "Fixed (with an unsafe fix: --fix --unsafe-fixes):", "Not reported", "«", "--severity invalid-color=LEVEL"] {
            XCTAssertTrue(page.stdout.contains(part), "\(part)\n\(page.stdout)")
        }
        XCTAssertFalse(page.stdout.contains("\u{1B}"))
        let coloured = try Amolint.run(["rules", "invalid-color", "--color", "always"])
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[4;31m"), "reported text is underlined")
        XCTAssertFalse(coloured.stdout.contains("«"))
        let json = try Amolint.run(["rules", "invalid-color", "--format", "json"])
        XCTAssertEqual(json.json?["id"]?.stringValue, "invalid-color")
        let markdown = try Amolint.run(["rules", "invalid-color", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.hasPrefix("### invalid-color\n"), markdown.stdout)
        let typo = try Amolint.run(["rules", "invalid-colour"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("did you mean 'invalid-color'?"), typo.stderr)
        XCTAssertEqual(try Amolint.run(["help", "check"]).stdout, try Amolint.run(["check", "--help"]).stdout)
    }

    func testEveryCheckFlagIsInTheReadme() throws {
        let help = try Amolint.run(["check", "--help"]).stdout
        let readme = try String(contentsOf: Amolint.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let flags = Set(help.matches(#"--[a-z][a-z-]+"#))
        XCTAssertFalse(flags.isEmpty)
        for flag in flags { XCTAssertTrue(readme.contains("`\(flag)") || readme.contains(" \(flag) ") || readme.contains("[\(flag)"), "README.md does not mention \(flag)") }
        // What works must be written down: the version, help, the default stdin name, every extension.
        for text in ["`amolint --version`", "`amolint help check`", "`-q`", "`-h`", "`--format json`", "`--format=json`", "`stdin.html`"] {
            XCTAssertTrue(readme.contains(text), "README.md does not mention \(text)")
        }
        for ext in FileDiscovery.extensions { XCTAssertFalse(readme.matches("[ `\n]\\\(ext)[ `\n]").isEmpty, "README.md does not list \(ext)") }
        for short in help.matches(#"-[a-zA-Z],"#) {
            let s = String(short.dropLast())
            XCTAssertTrue(readme.contains("`\(s)`") || readme.contains("`\(s) "), "README.md does not mention \(s)")
        }
    }
}

final class ReleaseDocumentationTests: XCTestCase {
    func testChangelogAndPreCommitRevMatchTheVersion() throws {
        let version = try Amolint.run(["--version"]).stdout
        XCTAssertEqual(version, "amolint \(AmoLintVersion.current)\n")
        let changelog = try String(contentsOf: Amolint.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let first = try XCTUnwrap(changelog.firstMatch(#"(?m)^## (\d+\.\d+\.\d+)"#))
        XCTAssertEqual(first, AmoLintVersion.current, "the newest CHANGELOG.md entry is the version amolint prints")
        // The pre-commit `rev` is no tag that does not exist (none is tagged yet): a placeholder the text explains.
        let readme = try String(contentsOf: Amolint.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let revs = readme.matches(#"rev: \S+"#)
        XCTAssertEqual(revs, ["rev: COMMIT"], "pre-commit fails on a tag the repository does not have")
        XCTAssertTrue(readme.contains("replace `COMMIT` with a full commit id"))
        XCTAssertTrue(readme.contains("`rev` must name a tag or a commit"))
    }
}

extension String {
    /// The first capture group of the first match.
    func firstMatch(_ pattern: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: self, range: NSRange(startIndex..., in: self)),
              let r = Range(m.range(at: m.numberOfRanges > 1 ? 1 : 0), in: self) else { return nil }
        return String(self[r])
    }

    func matches(_ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap { Range($0.range, in: self).map { String(self[$0]) } }
    }
}
