import AmoLint
import Foundation
import JSONValue
import XCTest

/// Every language id an editor set-up can send (editors/test/language-ids.tsv) is
/// handled by the server: a document opened with it is read as the list says, and
/// "Disable <rule> for this line" writes the comment the list says, which then
/// silences the rule.
final class LanguageIDTests: XCTestCase {
    struct Line {
        let editor, language, id, file, kind, comment: String
        var label: String { "\(editor) \(language) → \(id) \(file)" }
    }

    static func lines() throws -> [Line] {
        let url = Amolint.packageRoot.appendingPathComponent("editors/test/language-ids.tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.hasPrefix("editor\t") }
            .map { line in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                XCTAssertEqual(f.count, 6, String(line))
                return Line(editor: f[0], language: f[1], id: f[2], file: f[3], kind: f[4], comment: f[5])
            }
    }

    /// One document per kind: an invalid `data-color` on a line of its own, and in
    /// PHP an invalid `data-mode` inside code as well (whose comment is `//`).
    static let samples: [String: String] = [
        "markup": "<p>Вход 🔐</p>\n<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\n",
        "php": "<p>Вход 🔐</p>\n<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\n<?php\nfunction button() {\n    echo '<div class=\"amocrm_oauth\" data-mode=\"popUp\"></div>';\n}\n",
        "component": "<template>\n  <p>Вход 🔐</p>\n  <div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\n</template>\n",
        "jsx": "export const Login = () => (\n  <section>\n    <p>Вход 🔐</p>\n    <div className=\"amocrm_oauth\" data-color=\"Blue\" />\n  </section>\n);\n",
        "script": "const s = document.createElement('script') // 🚀\ns.className = 'amocrm_oauth'\ns.dataset.color = 'Blue'\ns.src = 'https://www.amocrm.ru/auth/button.min.js'\ndocument.body.appendChild(s)\n",
    ]

    static let comments: [String: CommentSyntax] = ["html": .html, "blade": .blade, "twig": .twig, "jsx": .jsx, "line": .line]

    func testEveryLanguageIDOfEverySetUp() throws {
        let lines = try Self.lines()
        XCTAssertEqual(Set(lines.map(\.editor)), ["vscode", "helix", "sublime", "zed"])
        let session = try LSPSession()
        for (n, line) in lines.enumerated() {
            let text = try XCTUnwrap(Self.samples[line.kind], "\(line.label): unknown kind \(line.kind)")
            let syntax = try XCTUnwrap(Self.comments[line.comment], "\(line.label): unknown comment \(line.comment)")
            let uri = line.file == "untitled" ? "untitled:Untitled-\(n)" : "file:///project/\(line.editor)/\(n)/\(line.file)"
            let diagnostics = try session.open(uri, text, language: line.id)
            try disable("invalid-color", with: syntax, in: uri, text: text, diagnostics: diagnostics, session: session, line.label)
            if line.kind == "php" {
                try disable("invalid-mode", with: .line, in: uri, text: text, diagnostics: diagnostics, session: session, line.label)
            }
            if line.kind == "script" {
                // Read as component code (JSX), this top-level builder would be a late injection.
                XCTAssertFalse(diagnostics.contains { $0["code"] == "late-injection" }, "\(line.label): read as a plain script")
            }
        }
    }

    private func disable(_ rule: String, with syntax: CommentSyntax, in uri: String, text: String, diagnostics: [JSON],
                         session: LSPSession, _ label: String) throws {
        let diagnostic = try XCTUnwrap(diagnostics.first { $0["code"]?.stringValue == rule },
                                       "\(label): no \(rule) in \(diagnostics.compactMap { $0["code"]?.stringValue })")
        let actions = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": diagnostic["range"] ?? .null, "context": ["diagnostics": [diagnostic]],
        ]).arrayValue ?? []
        let action = try XCTUnwrap(actions.first { $0["title"]?.stringValue == "Disable \(rule) for this line" }, "\(label): no disable action for \(rule)")
        let edited = session.apply(LSPSession.edits(of: action, uri: uri), to: text)
        XCTAssertTrue(edited.contains(syntax.wrap("amolint-disable-next-line \(rule)")), "\(label): \(rule)\n\(edited)")
        let after = try session.open(uri, edited)
        XCTAssertFalse(after.contains { $0["code"]?.stringValue == rule }, "\(label): \(rule) still reported after\n\(edited)")
        _ = try session.open(uri, text)
    }
}
