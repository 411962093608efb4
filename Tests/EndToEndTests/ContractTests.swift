import AmoLint
import Foundation
import JSONValue
import XCTest

/// The files of `protocol/` and the editor packages agree with the code.
final class ContractTests: XCTestCase {
    func load(_ path: String) throws -> JSON {
        try JSON.parse(String(contentsOf: Amolint.packageRoot.appendingPathComponent(path), encoding: .utf8))
    }

    func testConfigurationSchemaListsEveryRule() throws {
        let schema = try load("protocol/configuration.schema.json")
        let rules = try XCTUnwrap(schema.at("definitions", "rules", "properties")?.objectValue)
        XCTAssertEqual(Set(rules.keys), Set(RuleCatalog.ids))
        for rule in RuleCatalog.all {
            XCTAssertEqual(rules[rule.id]?["description"]?.stringValue, "\(rule.summary) Default: \(rule.severity.rawValue).",
                           "\(rule.id): run `python3 protocol/generate.py`")
        }
        XCTAssertEqual(schema.at("definitions", "setting", "enum"), JSON.array(Configuration.settingValues.map(JSON.string)))
        XCTAssertEqual(Set(schema["properties"]?.objectValue?.keys ?? [:].keys), ["$schema", "$comment", "root", "rules", "exclude"])
    }

    /// VS Code's contributed settings are exactly the settings schema, flattened to `amolint.*`.
    func testVSCodeSettingsMatchTheSettingsSchema() throws {
        let package = try load("editors/vscode/package.json")
        let contributed = try XCTUnwrap(package.at("contributes", "configuration", "properties")?.objectValue)
        let schema = try load("protocol/settings.schema.json")
        var expected: [String: JSON] = [:]
        for (key, value) in schema["properties"]?.objectValue ?? [:] {
            if let nested = value["properties"]?.objectValue, value["type"] == "object", key != "rules" {
                for (inner, innerValue) in nested { expected["amolint.\(key).\(inner)"] = innerValue }
            } else {
                expected["amolint.\(key)"] = value
            }
        }
        XCTAssertEqual(Set(contributed.keys), Set(expected.keys))
        for (key, want) in expected where key != "amolint.rules" {
            let got = contributed[key]
            XCTAssertEqual(got?["type"], want["type"], key)
            XCTAssertEqual(got?["default"], want["default"], key)
            XCTAssertEqual(got?["enum"], want["enum"], key)
        }
        let rules = try XCTUnwrap(contributed["amolint.rules"]?["properties"]?.objectValue)
        XCTAssertEqual(Set(rules.keys), Set(RuleCatalog.ids))
        for (id, setting) in rules {
            XCTAssertEqual(setting["enum"], JSON.array(Configuration.settingValues.map(JSON.string)), id)
            let rule = try XCTUnwrap(RuleCatalog.rule(id))
            XCTAssertEqual(setting["description"]?.stringValue, "\(rule.summary) Default: \(rule.severity.rawValue).",
                           "\(id): run `python3 protocol/generate.py`")
        }
        XCTAssertEqual(contributed["amolint.rules"]?["additionalProperties"], false)
        // Every language the extension activates on is one the server reads.
        let languages = package["activationEvents"]?.arrayValue?.compactMap { $0.stringValue } ?? []
        XCTAssertTrue(languages.contains("onLanguage:html") && languages.contains("onLanguage:javascriptreact"))
    }

    func testPreCommitHookCoversEveryTemplateType() throws {
        let hooks = try String(contentsOf: Amolint.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        XCTAssertTrue(hooks.contains("language: swift"))
        XCTAssertTrue(hooks.contains("entry: amolint check"))
        let pattern = try XCTUnwrap(hooks.split(separator: "\n").first { $0.contains("files:") }).split(separator: " ").last.map(String.init) ?? ""
        let regex = try NSRegularExpression(pattern: pattern)
        for name in ["a.html", "a.htm", "a.php", "a.blade.php", "a.twig", "a.vue", "a.erb", "a.ejs", "a.hbs", "a.mustache",
                     "a.njk", "a.jinja", "a.j2", "a.tpl", "a.jsx", "a.tsx", "a.svelte", "a.astro", "a.liquid", "a.phtml"] {
            XCTAssertNotNil(regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), name)
        }
        XCTAssertNil(regex.firstMatch(in: "a.txt", range: NSRange(location: 0, length: 5)))
    }
}
