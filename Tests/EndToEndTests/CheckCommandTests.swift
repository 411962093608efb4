import Foundation
import AmoLint
import JSONValue
import XCTest

final class CheckCommandTests: XCTestCase {
    let broken = #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="{{ s }}" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"#
    let clean = #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="{{ s }}" data-color="blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"#

    func testExamplesTextOutput() throws {
        let out = try Amolint.run(["check", "examples", "--color", "never"])
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stdout.contains("examples/landing.html:17:5: warning: `data-redirect-uri` is ignored: amoCRM's button reads `data-redirect_uri` [unknown-attribute]"), out.stdout)
        XCTAssertTrue(out.stdout.contains("examples/settings.php:17:12: error: The button script is loaded over `http:`"), out.stdout)
        XCTAssertFalse(out.stdout.contains("clean.html"), "the clean example has no findings")
        XCTAssertFalse(out.stdout.contains("invalid-mode] \n") && out.stdout.contains("integrations.blade.php:15"), "suppressed by the Blade comment")
        XCTAssertTrue(out.stdout.contains("fixable with `amolint check --fix`."), out.stdout)
        // Deterministic order: by path, then line and column.
        let paths = out.stdout.split(separator: "\n").dropLast().map { $0.split(separator: ":")[0] }
        XCTAssertEqual(paths, paths.sorted())
    }

    func testJSONColumnsCountUnicodeScalars() throws {
        let s = try Scratch()
        try s.write("ru.html", "<p>Войти 🚀</p>\n<p>ё</p><div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\n")
        let out = try Amolint.run(["check", "ru.html", "--format", "json"], in: s.url)
        let items = try XCTUnwrap(out.json?.arrayValue)
        let color = try XCTUnwrap(items.first { $0["rule"] == "invalid-color" }?.objectValue)
        XCTAssertEqual(Set(color.keys), ["path", "rule", "severity", "message", "line", "column", "endLine", "endColumn", "fix"])
        XCTAssertEqual(color["line"], 2)
        XCTAssertEqual(color["column"], 47)  // 46 scalars precede the value (47 bytes: `ё` takes two)
        XCTAssertEqual(color["endColumn"], 51)
        XCTAssertEqual(color["severity"], "error")
        let edit = try XCTUnwrap(color["fix"]?["edits"]?.arrayValue?.first)
        XCTAssertEqual(edit["newText"], "blue")
        XCTAssertEqual(edit["column"], 47)
        let noFix = try XCTUnwrap(items.first { $0["rule"] == "missing-script" }?.objectValue)
        XCTAssertNil(noFix["fix"])
    }

    func testSARIFValidatesAgainstTheSchema() throws {
        let out = try Amolint.run(["check", "examples", "--format", "sarif"])
        XCTAssertEqual(out.status, 1)
        let sarif = try XCTUnwrap(out.json)
        XCTAssertEqual(sarif["version"], "2.1.0")
        let run = try XCTUnwrap(sarif["runs"]?.arrayValue?.first)
        XCTAssertEqual(run["tool"]?["driver"]?["rules"]?.arrayValue?.count, RuleCatalog.all.count)
        XCTAssertTrue(run["results"]?.arrayValue?.contains { $0["fixes"] != nil } ?? false)
        // The structure every SARIF consumer reads, checked in any checkout.
        XCTAssertEqual(sarif["$schema"]?.stringValue, "https://json.schemastore.org/sarif-2.1.0.json")
        for result in run["results"]?.arrayValue ?? [] {
            XCTAssertNotNil(result["ruleId"]?.stringValue)
            XCTAssertNotNil(result["message"]?["text"]?.stringValue)
            XCTAssertNotNil(result["locations"]?.arrayValue?.first?["physicalLocation"]?["region"]?["startLine"]?.intValue)
        }
        // The full schema ships in the project's shared folder, beside the checkout (as CI lays it out).
        let schema = Amolint.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        if FileManager.default.fileExists(atPath: schema.path) { try validate(json: out.stdout, schema: schema) }
    }

    func testGitHubAnnotationsCannotBeInjected() throws {
        let s = try Scratch()
        try s.write("a,b:c.html", "<div class=\"amocrm_oauth\" data-color=\"x%0A::error::owned\r\n::warning::also\"></div>")
        let out = try Amolint.run(["check", ".", "--format", "github"], in: s.url)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::error file=a%2Cb%3Ac.html,") || $0.hasPrefix("::warning file=a%2Cb%3Ac.html,") || $0.hasPrefix("::notice file=") }, out.stdout)
        let color = try XCTUnwrap(lines.first { $0.contains("invalid-color") })
        XCTAssertTrue(color.contains("x%250A::error::owned"), String(color))
        XCTAssertFalse(out.stdout.contains("\r"))
    }

    func testTextOutputStripsControlCharacters() throws {
        let s = try Scratch()
        try s.write("evil.html", "<div class=\"amocrm_oauth\" data-color=\"\u{1B}]0;pwned\u{07}\u{1B}[2J\"></div>")
        let out = try Amolint.run(["check", "evil.html", "--color", "always"], in: s.url)
        XCTAssertFalse(out.stdout.contains("\u{1B}]"), out.stdout)
        XCTAssertFalse(out.stdout.contains("\u{1B}[2J"))
        XCTAssertTrue(out.stdout.contains("\\u{1B}]0;pwned"))
        XCTAssertTrue(out.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"), "--color always colours severities")
        let plain = try Amolint.run(["check", "evil.html", "--color", "always"], in: s.url, environment: ["NO_COLOR": "1"])
        XCTAssertTrue(plain.stdout.contains("\u{1B}[1;31m"), "--color always overrides NO_COLOR")
        let never = try Amolint.run(["check", "evil.html"], in: s.url, environment: ["NO_COLOR": "1"])
        XCTAssertFalse(never.stdout.contains("\u{1B}"))
    }

    func testExitCodes() throws {
        let s = try Scratch()
        try s.write("clean.html", clean)
        try s.write("broken.html", broken)
        try s.write("warn.html", clean.replacingOccurrences(of: "{{ s }}", with: "abc"))
        XCTAssertEqual(try Amolint.run(["check", "clean.html"], in: s.url).status, 0)
        XCTAssertEqual(try Amolint.run(["check", "broken.html"], in: s.url).status, 1)
        XCTAssertEqual(try Amolint.run(["check", "warn.html"], in: s.url).status, 0)
        XCTAssertEqual(try Amolint.run(["check", "warn.html", "--max-warnings", "0"], in: s.url).status, 1)
        XCTAssertEqual(try Amolint.run(["check", "warn.html", "--max-warnings", "1"], in: s.url).status, 0)
        let quiet = try Amolint.run(["check", "warn.html", "broken.html", "--quiet"], in: s.url)
        XCTAssertFalse(quiet.stdout.contains("warning:"))
        XCTAssertTrue(quiet.stdout.contains("error:"))

        let missing = try Amolint.run(["check", "nope.html", "broken.html"], in: s.url)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.html: No such file or directory"), missing.stderr)
        XCTAssertTrue(missing.stdout.contains("broken.html:1:"), "the other files are still checked")

        let usage = try Amolint.run(["check", "--formt", "json"], in: s.url)
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("unknown option '--formt'") && usage.stderr.contains("did you mean '--format'"), usage.stderr)
        XCTAssertEqual(try Amolint.run(["check", "--format", "xml"], in: s.url).status, 2)
        XCTAssertEqual(try Amolint.run(["lint"], in: s.url).status, 2)
        XCTAssertEqual(try Amolint.run(["check", "--help"], in: s.url).status, 0)
        XCTAssertTrue(try Amolint.run(["--version"], in: s.url).stdout.hasPrefix("amolint "))
    }

    func testConfigurationFilesAndErrors() throws {
        let s = try Scratch()
        try s.write("site/.amolint.json", #"{"rules": {"invalid-color": "warning", "missing-script": "off"}, "exclude": ["legacy"]}"#)
        try s.write("site/pages/a.html", broken.replacingOccurrences(of: "<script", with: "<div").replacingOccurrences(of: "</script>", with: "</div>"))
        try s.write("site/legacy/old.html", broken)
        try s.write("other/.amolint.json", #"{"rulez": {}}"#)
        try s.write("other/b.html", broken)
        try s.write("third/c.html", broken)
        let out = try Amolint.run(["check", ".", "--format", "json"], in: s.url)
        XCTAssertEqual(out.status, 2, "a bad configuration exits 2")
        XCTAssertTrue(out.stderr.contains("other/.amolint.json: rulez: unknown key"), out.stderr)
        let items = try XCTUnwrap(out.json?.arrayValue)
        XCTAssertEqual(items.first { $0["path"] == "site/pages/a.html" && $0["rule"] == "invalid-color" }?["severity"], "warning")
        XCTAssertFalse(items.contains { $0["rule"] == "missing-script" })
        XCTAssertFalse(items.contains { $0["path"]?.stringValue?.contains("legacy") ?? false }, "excluded")
        XCTAssertTrue(items.contains { $0["path"] == "third/c.html" }, "files under no configuration use the defaults")
        let explicit = try Amolint.run(["check", "third/c.html", "--config", "site/.amolint.json", "--format", "json"], in: s.url)
        XCTAssertEqual(explicit.json?.arrayValue?.first { $0["rule"] == "invalid-color" }?["severity"], "warning")
    }

    func testStandardInput() throws {
        let jsx = #"return <script className="amocrm_oauth" data-client-id={id} data-state={s} src="https://www.amocrm.ru/auth/button.min.js" />"#
        let out = try Amolint.run(["check", "-", "--stdin-filename", "src/Amo.jsx"], stdin: jsx)
        XCTAssertEqual(out.status, 0)
        XCTAssertTrue(out.stdout.contains("src/Amo.jsx:1:9: warning: A `<script>` in JSX is never executed"), out.stdout)
        let fixed = try Amolint.run(["check", "-", "--fix"], stdin: broken)
        XCTAssertEqual(fixed.stdout, clean, "with --fix, standard input comes back fixed on stdout")
        XCTAssertTrue(fixed.stderr.contains("No problems found"), fixed.stderr)
    }

    func testDirectoryWalk() throws {
        let s = try Scratch()
        for path in ["a.html", "v/b.blade.php", "c.tsx", "node_modules/x.html", ".git/y.html", "vendor/z.php", "notes.txt", "d.vue"] {
            try s.write(path, broken)
        }
        try Data([0x3C, 0x00, 0x01] + Array(broken.utf8)).write(to: s.url.appendingPathComponent("bin.html"))
        let out = try Amolint.run(["check", ".", "--format", "json"], in: s.url)
        let paths = Set(try XCTUnwrap(out.json?.arrayValue).compactMap { $0["path"]?.stringValue })
        XCTAssertEqual(paths, ["a.html", "v/b.blade.php", "c.tsx", "d.vue"])
        // An explicit file is checked whatever its name.
        XCTAssertEqual(try Amolint.run(["check", "notes.txt"], in: s.url).status, 1)
        // A link loop does not hang the walk.
        try FileManager.default.createSymbolicLink(atPath: s.url.appendingPathComponent("v/loop").path, withDestinationPath: s.url.path)
        XCTAssertEqual(try Amolint.run(["check", "."], in: s.url).status, 1)
    }

    func testFixWritesAtomicallyAndOnlyChangedFiles() throws {
        let s = try Scratch()
        let page = """
            <div class="amocrm_oauth" data-scopes="crm, notifications,crm" data-mode="postMessage" data-redirect-uri="http://a.ru/cb"
                 data-name="n" data-description="d" data-secrets_uri="http://a.ru/s" data-logo="https://a.ru/l.png" data-state="{{ s }}"></div>
            <script src="http://www.amocrm.ru/auth/button.min.js"></script>
            """
        let target = try s.write("fix.twig", page)
        let untouched = try s.write("clean.html", clean)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let before = try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let out = try Amolint.run(["check", ".", "--fix"], in: s.url)
        XCTAssertEqual(out.status, 0, out.stdout)
        XCTAssertEqual(try s.read("fix.twig"), """
            <div class="amocrm_oauth" data-scopes="crm,notifications" data-mode="post_message" data-redirect_uri="https://a.ru/cb"
                 data-name="n" data-description="d" data-secrets_uri="https://a.ru/s" data-logo="https://a.ru/l.png" data-state="{{ s }}"></div>
            <script src="https://www.amocrm.ru/auth/button.min.js"></script>
            """)
        XCTAssertTrue(out.stdout.contains("Fixed "), out.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640, "permissions are kept")
        let after = try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date
        XCTAssertEqual(before, after, "a file without fixes is not rewritten")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.url.path).filter { $0.contains("amolint-") }
        XCTAssertEqual(leftovers, [])
        let again = try Amolint.run(["check", ".", "--fix"], in: s.url)
        XCTAssertFalse(again.stdout.contains("Fixed"), "a second run finds nothing more to fix")
    }

    func testFixOnAReadOnlyFileReportsAndKeepsIt() throws {
        let s = try Scratch()
        let file = try s.write("ro.html", broken)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let out = try Amolint.run(["check", "ro.html", "--fix"], in: s.url)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("ro.html: is read-only; not fixed"), out.stderr)
        XCTAssertTrue(out.stdout.contains("ro.html:1:"), "its problems are still reported")
        XCTAssertEqual(try s.read("ro.html"), broken)
    }

    func testHostileValuesAreEscapedInEveryFormat() throws {
        let s = try Scratch()
        try s.write("evil.html", "<div class=\"amocrm_oauth\" data-color=\"\u{1B}[31m\u{07}\u{0}\u{2028}%0A\r\n::error::x\" data-mode='\u{1B}]8;;http://x\u{07}'></div>")
        for format in ["text", "json", "sarif", "github"] {
            let out = try Amolint.run(["check", "evil.html", "--format", format, "--color", "never"], in: s.url)
            let controls = out.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0 == "\u{2028}" }
            XCTAssertEqual(controls.count, 0, "\(format) output carries control characters: \(out.stdout.debugDescription)")
            if format == "json" || format == "sarif" { XCTAssertNotNil(out.json, format) }
        }
    }

    func testSuppressionThroughTheCLI() throws {
        let s = try Scratch()
        try s.write("a.html", "<!-- amolint-disable-next-line invalid-color -->\n" + broken + "\n<!-- amolint-disable-next-line invalid-colr -->\n")
        let out = try Amolint.run(["check", "a.html", "--format", "json"], in: s.url)
        let rules = try XCTUnwrap(out.json?.arrayValue).compactMap { $0["rule"]?.stringValue }
        XCTAssertEqual(rules, ["invalid-directive"])
    }

    func testRulesCatalogueMatchesProtocol() throws {
        let out = try Amolint.run(["rules", "--format", "markdown"])
        let committed = try String(contentsOf: Amolint.packageRoot.appendingPathComponent("protocol/rules.md"), encoding: .utf8)
        XCTAssertEqual(out.stdout, committed)
        XCTAssertEqual(try Amolint.run(["rules"]).stdout.split(separator: "\n").count, RuleCatalog.all.count)
    }

    /// Validates with Python's `jsonschema` (installed by .ci/run); skipped where it is missing.
    func validate(json: String, schema: URL) throws {
        let s = try Scratch()
        let document = try s.write("doc.json", json)
        let script = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import jsonschema"]
        try check.run()
        check.waitUntilExit()
        // `.ci/run` installs jsonschema; without it the full validation cannot run, and that is a failure.
        guard check.terminationStatus == 0 else { return XCTFail("python3 with jsonschema is needed to validate against \(schema.lastPathComponent)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, document.path, schema.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)
    }
}
