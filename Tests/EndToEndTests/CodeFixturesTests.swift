import Foundation
import JSONValue
import XCTest

/// Realistic PHP and JavaScript projects (spec §7), written for these tests:
/// a Laravel controller, a WordPress view with a commented-out button, a Yii
/// view with an unclosed block, heredoc helpers, a Next.js page, Vue 2 and
/// Vue 3 components, an Angular component, a jQuery builder, an inline page
/// builder, TypeScript with types, a minified bundle, and fixes inside strings.
final class CodeFixturesTests: XCTestCase {
    static let fixtures = Amolint.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")
    static let tree = fixtures.appendingPathComponent("code")

    func files(under root: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Every line and column of the report, exactly (reviewed by hand once, then kept).
    func testTheReportOnTheTree() throws {
        let out = try Amolint.run(["check", "."], in: Self.tree)
        XCTAssertEqual(out.status, 1)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("code.expected.txt"), encoding: .utf8)
        XCTAssertEqual(out.stdout, expected)
        // Nothing in comments: the commented-out buttons of the WordPress view and the Next.js page.
        XCTAssertFalse(out.stdout.contains("wordpress/settings-page.php:1"))
        XCTAssertFalse(out.stdout.contains("next/page.tsx:17"))
        // The inline builder runs while the page is parsed: no finding at all.
        XCTAssertFalse(out.stdout.contains("site/index.html"))
    }

    /// `--fix` edits only literal text of one string, escapes what it inserts,
    /// and leaves every other byte as it was.
    func testFixesEditOnlyTheFixedBytes() throws {
        let s = try Scratch()
        for path in files(under: Self.tree) {
            try s.write(path, try String(contentsOf: Self.tree.appendingPathComponent(path), encoding: .utf8))
        }
        // Every fix, the unsafe guesses too: `code.fixed.txt` lists them all.
        let out = try Amolint.run(["check", "--fix", "--unsafe-fixes", "."], in: s.url)
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)  // what is left is warnings only
        // The expected changes, line by line (`code.fixed.txt`); every other line stays as it was.
        var changes: [String: [Int: (before: String, after: String)]] = [:]
        let listing = try String(contentsOf: Self.fixtures.appendingPathComponent("code.fixed.txt"), encoding: .utf8)
        let lines = listing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (k, line) in lines.enumerated() where line.hasPrefix("== ") {
            let place = line.dropFirst(3).split(separator: ":")
            let path = String(place[0]), number = Int(place[1]) ?? 0
            changes[path, default: [:]][number] = (String(lines[k + 1].dropFirst(2)), String(lines[k + 2].dropFirst(2)))
        }
        for path in files(under: Self.tree) {
            var want = try String(contentsOf: Self.tree.appendingPathComponent(path), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (number, change) in changes[path] ?? [:] {
                XCTAssertEqual(want[number - 1], change.before, "\(path):\(number) is not the line code.fixed.txt expects")
                want[number - 1] = change.after
            }
            XCTAssertEqual(try s.read(path), want.joined(separator: "\n"), path)
        }
        XCTAssertTrue(try s.read("escapes/echo.php").contains(#"<script class=\"amocrm_oauth\" data-client-id"#))
        // A second run finds nothing left to fix.
        let again = try Amolint.run(["check", "--fix", "--unsafe-fixes", "."], in: s.url)
        XCTAssertFalse(again.stdout.contains("Fixed"), again.stdout)
    }

    /// The server reports the same findings at the same places, in UTF-16.
    func testTheServerAgreesWithTheCommandLine() throws {
        let out = try Amolint.run(["check", "--format", "json", "."], in: Self.tree)
        let cli = try XCTUnwrap(out.json?.arrayValue)
        let session = try LSPSession()
        let languages = ["php": "php", "js": "javascript", "ts": "typescript", "tsx": "typescriptreact", "vue": "vue", "html": "html"]
        for path in files(under: Self.tree) {
            let text = try String(contentsOf: Self.tree.appendingPathComponent(path), encoding: .utf8)
            let ext = String(path.split(separator: ".").last ?? "")
            let diagnostics = try session.open("file:///fixtures/" + path, text, language: languages[ext] ?? "plaintext")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            func utf16(_ line: Int, _ column: Int) -> Int {
                String(String.UnicodeScalarView(lines[line - 1].unicodeScalars.prefix(column - 1))).utf16.count
            }
            let expected = cli.filter { $0["path"]?.stringValue == path }.map { d -> String in
                let (l, c, el, ec) = (d["line"]?.intValue ?? 0, d["column"]?.intValue ?? 0, d["endLine"]?.intValue ?? 0, d["endColumn"]?.intValue ?? 0)
                return "\(d["rule"]?.stringValue ?? "") \(l - 1):\(utf16(l, c))-\(el - 1):\(utf16(el, ec))"
            }
            let got = diagnostics.map { d -> String in
                let r = d["range"]
                return "\(d["code"]?.stringValue ?? "") \(r?["start"]?["line"]?.intValue ?? -1):\(r?["start"]?["character"]?.intValue ?? -1)-\(r?["end"]?["line"]?.intValue ?? -1):\(r?["end"]?["character"]?.intValue ?? -1)"
            }
            XCTAssertEqual(got.sorted(), expected.sorted(), path)
        }
    }
}
