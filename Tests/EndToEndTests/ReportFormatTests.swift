import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JSONValue
import XCTest

/// `--format full`, `gitlab` and `junit`, and `--output FILE`, each checked against its published shape.
final class ReportFormatTests: XCTestCase {
    let page = "<p>x</p>\n\t<div class=\"amocrm_oauth\" title=\"漢字🚀\" data-color=\"Blue\" data-compact=\"yes\"></div>\n"

    /// Display columns as a terminal shows them: wide characters take two.
    func columns(_ s: Substring) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            n + ((0x2E80...0x9FFF).contains(u.value) || (0x1F300...0x1F9FF).contains(u.value) ? 2 : 1)
        }
    }

    func testFullShowsTheLineTheUnderlineAndTheFix() throws {
        let s = try Scratch()
        try s.write("a.html", page)
        let out = try Amolint.run(["check", "a.html", "--format", "full", "--color", "never"], in: s.url)
        XCTAssertEqual(out.status, 1)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let head = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("a.html:2:") && $0.contains("error[invalid-color]") }, out.stdout)
        XCTAssertEqual(lines[head + 1], "  |")
        let source = lines[head + 2], carets = lines[head + 3]
        XCTAssertTrue(source.hasPrefix("2 |     <div"), "a tab is four spaces: \(source)")
        // The underline stands exactly under `Blue`, counting 漢字🚀 as six columns.
        let before = try XCTUnwrap(source.range(of: "Blue")).lowerBound
        XCTAssertEqual(carets.filter { $0 == "^" }.count, 4)
        XCTAssertEqual(carets.prefix { $0 != "^" }.count, columns(source[..<before]), "\n\(source)\n\(carets)")
        XCTAssertEqual(lines[head + 4], "  = fix: Replace with `blue`")
        XCTAssertTrue(lines[head + 5].hasPrefix("- 2 |") && lines[head + 5].contains(#"data-color="Blue""#))
        XCTAssertTrue(lines[head + 6].hasPrefix("+ 2 |") && lines[head + 6].contains(#"data-color="blue""#))
        XCTAssertTrue(out.stdout.contains("= unsafe fix (--unsafe-fixes): Replace with `true`"), out.stdout)
        XCTAssertTrue(out.stdout.hasSuffix("held back (apply with `--fix --unsafe-fixes`).\n"), "the text summary ends it")
        XCTAssertFalse(out.stdout.contains("\u{1B}"))
        let coloured = try Amolint.run(["check", "a.html", "--format", "full", "--color", "always"], in: s.url)
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[1;31m^^^^\u{1B}[0m"), coloured.stdout)
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[32m+ 2 |"), coloured.stdout)

        // A minified line is cut to a window around the finding.
        try s.write("min.html", String(repeating: "<i>x</i>", count: 2_000) + #"<div class="amocrm_oauth" data-color="Blue"></div>"# + String(repeating: "<b>y</b>", count: 2_000))
        let min = try Amolint.run(["check", "min.html", "--format", "full", "--color", "never", "--select", "invalid-color"], in: s.url)
        let shown = try XCTUnwrap(min.stdout.split(separator: "\n").first { $0.hasPrefix("1 | ") })
        XCTAssertLessThan(shown.count, 200)
        XCTAssertTrue(shown.contains("…") && shown.contains(#"data-color="Blue""#), String(shown))
    }

    func testGitLabCodeQuality() throws {
        let s = try Scratch()
        try s.write("a.html", page)
        try s.write("b.html", "<div class=\"amocrm_oauth\" data-color=\"Red\"></div>\n<div class=\"amocrm_oauth\" data-color=\"Red\"></div>\n")
        let out = try Amolint.run(["check", ".", "--format", "gitlab"], in: s.url)
        XCTAssertEqual(out.status, 1)
        let items = try XCTUnwrap(out.json?.arrayValue)
        XCTAssertFalse(items.isEmpty)
        // GitLab's required fields, their types and the allowed severities.
        for item in items {
            XCTAssertNotNil(item["description"]?.stringValue)
            XCTAssertNotNil(item["check_name"]?.stringValue)
            XCTAssertEqual(item["fingerprint"]?.stringValue?.count, 32)
            XCTAssertTrue(["info", "minor", "major", "critical", "blocker"].contains(item["severity"]?.stringValue ?? ""))
            XCTAssertNotNil(item["location"]?["path"]?.stringValue)
            XCTAssertGreaterThan(item["location"]?["lines"]?["begin"]?.intValue ?? 0, 0)
        }
        let fingerprints = items.compactMap { $0["fingerprint"]?.stringValue }
        XCTAssertEqual(Set(fingerprints).count, fingerprints.count, "unique, even for two identical findings")
        // Stable across runs, and when lines are added above.
        XCTAssertEqual(try Amolint.run(["check", ".", "--format", "gitlab"], in: s.url).stdout, out.stdout)
        try s.write("a.html", "<!-- new line -->\n" + page)
        let moved = try XCTUnwrap(try Amolint.run(["check", ".", "--format", "gitlab"], in: s.url).json?.arrayValue)
        XCTAssertEqual(Set(moved.compactMap { $0["fingerprint"]?.stringValue }), Set(fingerprints))
    }

    func testJUnit() throws {
        let s = try Scratch()
        try s.write("a.html", page)
        try s.write("clean.html", "<p>nothing here</p>")
        try s.write("evil&<\".html", "<div class=\"amocrm_oauth\" data-color=\"<&]]>\u{01}\"></div>")
        let out = try Amolint.run(["check", ".", "--format", "junit"], in: s.url)
        XCTAssertEqual(out.status, 1)
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(data: Data(out.stdout.utf8))
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.count, 3)
        var failures = 0
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, String(cases.count))
            let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }
            XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, String(failed.count))
            for c in cases {
                XCTAssertNotNil(c.attribute(forName: "name")?.stringValue)
                XCTAssertNotNil(c.attribute(forName: "classname")?.stringValue)
            }
            failures += failed.count
        }
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, String(failures))
        XCTAssertTrue(suites.contains { $0.attribute(forName: "name")?.stringValue == "evil&<\".html" }, "names are escaped and read back")
        let json = try XCTUnwrap(try Amolint.run(["check", ".", "--format", "json"], in: s.url).json?.arrayValue)
        XCTAssertEqual(failures, json.count)
        #endif
    }

    func testOutputWritesTheReportAndPrintsTheText() throws {
        let s = try Scratch()
        try s.write("a.html", page)
        let out = try Amolint.run(["check", "a.html", "--format", "sarif", "--output", "report.sarif"], in: s.url)
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stdout.contains("a.html:2:") && out.stdout.contains("Found "), out.stdout)
        let sarif = try JSON.parse(Array(try s.read("report.sarif").utf8))
        XCTAssertEqual(sarif["version"], "2.1.0")
        let short = try Amolint.run(["check", "a.html", "--format=gitlab", "-o", "gl.json"], in: s.url)
        XCTAssertEqual(short.status, 1)
        XCTAssertNotNil(try JSON.parse(Array(try s.read("gl.json").utf8)).arrayValue)
        let bad = try Amolint.run(["check", "a.html", "--output", "no/such/folder/r.json"], in: s.url)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("cannot write the report"), bad.stderr)
    }
}
