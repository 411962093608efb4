import AmoLint
import Foundation
import JSONValue
import XCTest

/// Safe fixes write the one value that was meant; unsafe ones guess. `--fix` and fix-all apply the
/// safe ones, `--unsafe-fixes` both, and every format says which is which.
final class FixApplicabilityTests: XCTestCase {
    let page = #"<div class="amocrm_oauth" data-color="voilet" data-mode="post-message" data-compact="yes" data-redirect_uri="http://a.ru/cb" data-secrets-uri="https://a.ru/s" data-scopes="crm, notifications"></div><script src="https://www.kommo.com/auth/button.min.js"></script>"#

    func testClassification() {
        XCTAssertEqual(Applicability.replacing("Blue", with: "blue"), .safe)
        XCTAssertEqual(Applicability.replacing("post-message", with: "post_message"), .safe)
        XCTAssertEqual(Applicability.replacing("data-redirect-uri", with: "data-redirect_uri"), .safe)
        XCTAssertEqual(Applicability.replacing("voilet", with: "violet"), .unsafe)
        XCTAssertEqual(Applicability.replacing("yes", with: "true"), .unsafe)
        XCTAssertEqual(Applicability.replacing("1", with: "true"), .unsafe)
        XCTAssertEqual(Applicability.replacing("True", with: "true"), .safe)
    }

    func testCommandLineAppliesSafeFixesUnlessAskedForUnsafeOnes() throws {
        let s = try Scratch()
        try s.write("a.html", page)
        let report = try Amolint.run(["check", "a.html", "--format", "json"], in: s.url)
        var applicability: [String: String] = [:]
        for item in report.json?.arrayValue ?? [] {
            if let a = item["fix"]?["applicability"]?.stringValue { applicability[item["rule"]?.stringValue ?? "", default: ""] += a + " " }
        }
        XCTAssertEqual(applicability["invalid-color"], "unsafe ")
        XCTAssertEqual(applicability["invalid-compact"], "unsafe ")
        XCTAssertEqual(applicability["invalid-mode"], "safe ")
        XCTAssertEqual(applicability["unknown-attribute"], "safe ")
        XCTAssertEqual(applicability["insecure-uri"], "safe ")
        XCTAssertEqual(applicability["malformed-scopes"], "safe ")

        let text = try Amolint.run(["check", "a.html", "--color", "never"], in: s.url)
        XCTAssertTrue(text.stdout.contains("2 unsafe fixes are held back (apply with `--fix --unsafe-fixes`)."), text.stdout)

        let safe = try Amolint.run(["check", "a.html", "--fix", "--color", "never"], in: s.url)
        let fixed = try s.read("a.html")
        XCTAssertTrue(fixed.contains(#"data-color="voilet""#) && fixed.contains(#"data-compact="yes""#), "guesses are left: \(fixed)")
        XCTAssertTrue(fixed.contains(#"data-mode="post_message""#) && fixed.contains("https://a.ru/cb")
                      && fixed.contains("data-secrets_uri") && fixed.contains(#""crm,notifications""#), fixed)
        XCTAssertTrue(safe.stdout.contains("2 unsafe fixes are held back"), safe.stdout)

        let all = try Amolint.run(["check", "a.html", "--fix", "--unsafe-fixes", "--color", "never"], in: s.url)
        let both = try s.read("a.html")
        XCTAssertTrue(both.contains(#"data-color="violet""#) && both.contains(#"data-compact="true""#), both)
        XCTAssertTrue(all.stdout.contains("Fixed 2 problems."), all.stdout)
        XCTAssertFalse(all.stdout.contains("held back"), all.stdout)
    }

    func testSARIFCarriesTheApplicability() throws {
        let s = try Scratch()
        try s.write("a.html", page)
        let sarif = try XCTUnwrap(try Amolint.run(["check", "a.html", "--format", "sarif"], in: s.url).json)
        let fixes = (sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []).compactMap { $0["fixes"]?.arrayValue?.first }
        XCTAssertFalse(fixes.isEmpty)
        let values = Set(fixes.compactMap { $0["properties"]?["applicability"]?.stringValue })
        XCTAssertEqual(values, ["safe", "unsafe"])
    }

    func testEditorFixAllAppliesOnlySafeFixesAndEveryQuickFixStays() throws {
        let session = try LSPSession(encoding: "utf-8")
        let uri = "file:///project/a.html"
        let diagnostics = try session.open(uri, page)
        XCTAssertEqual(diagnostics.first { $0["code"] == "invalid-color" }?["data"]?["fix"]?["applicability"], "unsafe")
        let actions = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)],
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 1000]],
            "context": ["diagnostics": []],
        ]).arrayValue ?? []
        let fixAll = try XCTUnwrap(actions.first { $0["kind"] == "source.fixAll.amolint" })
        let cli = try Amolint.run(["check", "-", "--fix", "--stdin-filename", "a.html"], stdin: page)
        XCTAssertEqual(session.apply(LSPSession.edits(of: fixAll, uri: uri), to: page), cli.stdout, "fix-all is --fix: safe fixes only")
        let color = try XCTUnwrap(actions.first { $0["title"]?.stringValue == "Replace with violet (invalid-color, unsafe)" })
        XCTAssertEqual(color["isPreferred"]?.boolValue ?? false, false)
        let mode = try XCTUnwrap(actions.first { $0["title"]?.stringValue == "Replace with post_message (invalid-mode)" })
        XCTAssertEqual(mode["isPreferred"], true)
    }
}
