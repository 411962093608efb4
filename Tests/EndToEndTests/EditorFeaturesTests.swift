import AmoLint
import Foundation
import JSONValue
import XCTest

/// Quick fixes, fix-all, the disable action, hover and completion, through the
/// built server, checked against the built `amolint check`.
final class EditorFeaturesTests: XCTestCase {
    /// Every fix kind: the preferred quick fix of each diagnostic, applied one at
    /// a time as an editor would, gives the example's fixed page, which
    /// `amolint check` then passes for that rule.
    func testEveryQuickFixKind() throws {
        let session = try LSPSession(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        let scratch = try Scratch()
        var checked = 0
        for rule in RuleCatalog.all {
            for (n, example) in rule.triggering.enumerated() {
                guard let expected = example.fixed else { continue }
                let uri = "file://\(scratch.url.path)/\(rule.id)-\(n)-\(example.file)"
                var text = example.code.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
                var diagnostics = try session.open(uri, text)
                for _ in 0..<10 {
                    guard let d = diagnostics.first(where: { $0["code"]?.stringValue == rule.id && $0["data"]?["fix"] != nil }) else { break }
                    let actions = try session.request("textDocument/codeAction", [
                        "textDocument": ["uri": .string(uri)], "range": d["range"] ?? .null,
                        "context": ["diagnostics": [d], "only": ["quickfix"]],
                    ]).arrayValue ?? []
                    // Every fix stays a quick fix; only a safe one is preferred (fix-all leaves unsafe ones to the user).
                    let fix = try XCTUnwrap(actions.first { action in
                        let title = action["title"]?.stringValue ?? ""
                        return !title.hasPrefix("Disable ") && !title.hasPrefix("Show documentation") && action["diagnostics"]?.arrayValue?.first?["code"] == d["code"]
                    }, "\(rule.id): no quick fix")
                    XCTAssertEqual(fix["kind"], "quickfix")
                    let safe = d["data"]?["fix"]?["applicability"]?.stringValue == "safe"
                    XCTAssertEqual(fix["isPreferred"]?.boolValue ?? false, safe, "\(rule.id): preferred exactly when safe")
                    XCTAssertEqual(fix["title"]?.stringValue?.hasSuffix(", unsafe)"), !safe)
                    text = session.apply(LSPSession.edits(of: fix, uri: uri), to: text)
                    diagnostics = try session.open(uri, text)
                }
                XCTAssertEqual(text, expected, "\(rule.id) example \(n)")
                let file = try scratch.write("\(rule.id)-\(n)-\(example.file)", text)
                let out = try Amolint.run(["check", file.lastPathComponent, "--format", "json"], in: scratch.url)
                XCTAssertFalse(out.json?.arrayValue?.contains { $0["rule"]?.stringValue == rule.id } ?? true, "\(rule.id) after its quick fix")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15)
    }

    /// `source.fixAll.amolint` equals `amolint check --fix` byte for byte.
    func testFixAllEqualsTheCommandLine() throws {
        let session = try LSPSession(encoding: "utf-8")
        let folder = Amolint.packageRoot.appendingPathComponent("examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ !$0.hasSuffix(".md") }).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let uri = "file:///project/examples/\(name)"
            try session.open(uri, text)
            let actions = try session.request("textDocument/codeAction", [
                "textDocument": ["uri": .string(uri)],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                "context": ["diagnostics": [], "only": ["source.fixAll"]],
            ]).arrayValue ?? []
            let cli = try Amolint.run(["check", "-", "--fix", "--stdin-filename", name], stdin: text)
            if cli.stdout == text {
                XCTAssertTrue(actions.isEmpty, "\(name): nothing to fix, no action")
                continue
            }
            let fixAll = try XCTUnwrap(actions.first, "\(name): no fix-all action")
            XCTAssertEqual(fixAll["kind"], "source.fixAll.amolint")
            XCTAssertEqual(session.apply(LSPSession.edits(of: fixAll, uri: uri), to: text), cli.stdout, name)
        }
    }

    /// "Disable <rule> for this line" silences exactly that rule on that line.
    func testDisableActionSilencesExactlyThatRuleOnThatLine() throws {
        let session = try LSPSession()
        let scratch = try Scratch()
        let pages = [
            ("single.html", #"<div class="amocrm_oauth" data-color="Blue" data-mode="popUp"></div>"# + "\n" + #"<div class="amocrm_oauth" data-color="Red"></div>"#),
            ("multi.html", "<section>\n    <script\n      class=\"amocrm_oauth\"\n      data-color=\"Blue\" data-mode=\"popUp\"\n      src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n</section>\n<div class=\"amocrm_oauth\" data-color=\"Red\"></div>"),
            ("multi.blade.php", "<script\n  class=\"amocrm_oauth\"\n  data-color=\"Blue\" data-mode=\"popUp\"\n  src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n<div class=\"amocrm_oauth\" data-color=\"Red\"></div>"),
            ("c.jsx", "const a = (\n  <div\n    className=\"amocrm_oauth\"\n    data-color=\"Blue\" data-mode=\"popUp\"\n  />\n);\nconst b = <div className=\"amocrm_oauth\" data-color=\"Red\" />;"),
            // In code, the comment is the language's own (`//`), above the line.
            ("echo.php", "<p>Вход 🔐</p>\n<?php\nfunction b() {\n    echo '<div class=\"amocrm_oauth\" data-color=\"Blue\" data-mode=\"popUp\"></div>';\n}\necho '<div class=\"amocrm_oauth\" data-color=\"Red\"></div>';\n"),
            ("build.js", "const s = document.createElement('div') // 🚀\ns.className = 'amocrm_oauth'\n  s.dataset.color = 'Blue'; s.dataset.mode = 'popUp'\nel.innerHTML = '<div class=\"amocrm_oauth\" data-color=\"Red\"></div>'\n"),
            ("hook.jsx", "useEffect(() => {\n  box.innerHTML = '<div class=\"amocrm_oauth\" data-color=\"Blue\" data-mode=\"popUp\"></div>'\n}, [])\nconst b = <div className=\"amocrm_oauth\" data-color=\"Red\" />;"),
        ]
        for (name, text) in pages {
            let edited = try applyAction("Disable invalid-color for this line", onFirst: "invalid-color", of: text,
                                         at: "file://\(scratch.url.path)/\(name)", in: session)
            try scratch.write(name, edited)
            let remaining = try XCTUnwrap(Amolint.run(["check", name, "--format", "json"], in: scratch.url).json?.arrayValue)
            let colours = remaining.filter { $0["rule"] == "invalid-color" }
            XCTAssertEqual(colours.count, 1, "\(name): only the other line's colour remains\n\(edited)")
            XCTAssertTrue(colours.first?["message"]?.stringValue?.contains("Red") ?? false, name)
            XCTAssertTrue(remaining.contains { $0["rule"] == "invalid-mode" }, "\(name): the other rule on that line still fires\n\(edited)")
            XCTAssertFalse(remaining.contains { $0["rule"] == "invalid-directive" }, name)
            if ["echo.php", "build.js", "hook.jsx"].contains(name) {
                XCTAssertTrue(edited.contains("// amolint-disable-next-line invalid-color\n"), "\(name)\n\(edited)")
            }
        }
        // A line that starts inside a multi-line string gets no disable action: a comment there would be text.
        let uri = "file://\(scratch.url.path)/heredoc.php"
        let text = "<?php\necho <<<HTML\n<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\nHTML;\n"
        let blue = try XCTUnwrap(try session.open(uri, text).first { $0["code"] == "invalid-color" })
        let actions = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": blue["range"] ?? .null, "context": ["diagnostics": [blue]],
        ]).arrayValue ?? []
        XCTAssertFalse(actions.contains { $0["title"] == "Disable invalid-color for this line" })
        XCTAssertTrue(actions.contains { $0["title"]?.stringValue?.contains("blue") == true }, "the quick fix itself is still offered")
    }

    func testHoverOnEveryAttributeAndTheTag() throws {
        for encoding in ["utf-16", "utf-8"] {
            let session = try LSPSession(encoding: encoding)
            for brand in Brand.allCases {
                let specs = AttributeTable.specs(for: brand)
                let attributes = specs.map { "\($0.name)=\"x\"" }.joined(separator: "\n  ")
                let text = "<p>Вход 🚀</p><script class=\"\(brand.className)\"\n  \(attributes)\n  src=\"\(brand.scriptAddress)\"></script>"
                let uri = "file:///h/\(brand.rawValue).html"
                try session.open(uri, text)
                for spec in specs {
                    for marker in ["\n  \(spec.name)=", "\n  \(spec.name)=\"x"] {
                        let hover = try session.request("textDocument/hover", ["textDocument": ["uri": .string(uri)],
                                                                               "position": session.position(in: uri, after: marker)])
                        let value = hover["contents"]?["value"]?.stringValue ?? ""
                        XCTAssertTrue(value.hasPrefix("**\(spec.name)**"), "\(encoding) \(spec.name): \(value)")
                        XCTAssertTrue(value.contains(spec.summary), spec.name)
                        if !spec.values.isEmpty { XCTAssertTrue(value.contains("Allowed values: `\(spec.values[0])`"), spec.name) }
                        if let d = spec.defaultValue { XCTAssertTrue(value.contains("Default: `\(d)`"), spec.name) }
                        XCTAssertTrue(value.contains("At run time: "), spec.name)
                    }
                }
                let tag = try session.request("textDocument/hover", ["textDocument": ["uri": .string(uri)],
                                                                     "position": session.position(in: uri, after: "</p><scr")])
                let value = tag["contents"]?["value"]?.stringValue ?? ""
                XCTAssertTrue(value.contains("**\(brand.displayName) OAuth button**"), value)
                XCTAssertTrue(value.contains("Variant: **existing integration**"), value)
                XCTAssertTrue(value.contains("will render a button"), value)
                let expectedStart = session.position(in: uri, after: "</p><", atStart: false)
                XCTAssertEqual(tag["range"]?["start"], expectedStart)
            }
        }
    }

    func testCompletionsInUTF16AndUTF8() throws {
        for encoding in ["utf-16", "utf-8"] {
            let session = try LSPSession(encoding: encoding, capabilities: ["textDocument": ["completion": ["completionItem": ["snippetSupport": true]]]])
            let text = "<p>Ёлки 🎄</p><div class=\"amocrm_oauth\" data-title=\"Вход 🔐\" data-color=\"bl\" data-scopes=\"crm,\" ></div>\n<p>Привет 👋 </p>"
            let uri = "file:///c/page.html"
            try session.open(uri, text)
            func complete(after marker: String) throws -> [JSON] {
                try session.request("textDocument/completion", ["textDocument": ["uri": .string(uri)],
                                                                "position": session.position(in: uri, after: marker)])["items"]?.arrayValue ?? []
            }
            let names = try complete(after: "data-scopes=\"crm,\" ").compactMap { $0["label"]?.stringValue }
            XCTAssertTrue(names.contains("data-client-id") && names.contains("data-redirect_uri") && names.contains("data-state"), "\(encoding): \(names)")
            XCTAssertFalse(names.contains("data-color") || names.contains("data-title") || names.contains("data-theme"), "\(encoding): \(names)")
            let colour = try complete(after: "data-color=\"bl")
            XCTAssertEqual(colour.compactMap { $0["label"]?.stringValue }, ["default", "blue", "violet", "green", "orange", "red"])
            let replaced = session.apply([colour[1]["textEdit"] ?? .null], to: text)
            XCTAssertTrue(replaced.contains("data-color=\"blue\""), replaced)
            let scopes = try complete(after: "data-scopes=\"crm,").compactMap { $0["label"]?.stringValue }
            XCTAssertEqual(scopes, ["notifications", "files", "files_delete", "push_notifications"])
            let snippets = try complete(after: "Привет 👋 ")
            XCTAssertEqual(snippets.count, 4)
            XCTAssertEqual(snippets.first?["insertTextFormat"], 2)
            let inserted = session.apply([snippets[0]["textEdit"] ?? .null], to: text)
            XCTAssertTrue(inserted.contains("<script\n  class=\"amocrm_oauth\""), inserted)
            let attribute = try complete(after: "data-scopes=\"crm,\" ").first { $0["label"] == "data-mode" }
            XCTAssertEqual(attribute?["textEdit"]?["newText"], "data-mode=\"${1|popup,post_message|}\"$0")
        }
    }

    /// Opens `text`, asks for the code actions of the first `rule` diagnostic, and applies the one titled `title`.
    func applyAction(_ title: String, onFirst rule: String, of text: String, at uri: String, in session: LSPSession) throws -> String {
        let diagnostics = try session.open(uri, text)
        let first = try XCTUnwrap(diagnostics.first { $0["code"] == .string(rule) }, uri)
        let actions = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": first["range"] ?? .null, "context": ["diagnostics": [first]],
        ]).arrayValue ?? []
        let action = try XCTUnwrap(actions.first { $0["title"] == .string(title) }, "\(uri): no \(title)")
        return session.apply(LSPSession.edits(of: action, uri: uri), to: text)
    }

    /// "Disable <rule> for this file" silences the rule in the whole file, in the syntax that holds at the top.
    func testDisableForTheFile() throws {
        let session = try LSPSession()
        let scratch = try Scratch()
        let blue = #"<div class="amocrm_oauth" data-color="Blue"></div>"#
        let pages = [
            ("doctype.html", "<!DOCTYPE html>\n<p>Вход 🔐</p>\n\(blue)\n\(blue)\n", "<!DOCTYPE html>\n<!-- amolint-disable"),
            ("view.php", "<?php\n$x = 1;\necho '\(blue)';\n?>\n\(blue)\n", "<?php\n// amolint-disable"),
            ("view.blade.php", "\(blue)\n@if($a)\n\(blue)\n@endif\n", "{{-- amolint-disable"),
            ("app.js", "el.innerHTML = '\(blue)' // 🚀\nother.innerHTML = '\(blue)'\n", "// amolint-disable"),
        ]
        for (name, text, start) in pages {
            let edited = try applyAction("Disable invalid-color for this file", onFirst: "invalid-color", of: text,
                                         at: "file://\(scratch.url.path)/\(name)", in: session)
            XCTAssertTrue(edited.hasPrefix(start), "\(name)\n\(edited)")
            try scratch.write(name, edited)
            let remaining = try XCTUnwrap(Amolint.run(["check", name, "--format", "json"], in: scratch.url).json?.arrayValue)
            XCTAssertFalse(remaining.contains { $0["rule"] == "invalid-color" || $0["rule"] == "invalid-directive" }, "\(name)\n\(edited)")
        }
    }

    /// Right after a closing quote the completed attribute comes with the space it needs.
    func testCompletionAfterAClosingQuoteAddsASpace() throws {
        let session = try LSPSession()
        let uri = "file:///c/glued.html"
        let text = "<p>Вход 🔐</p><div class=\"amocrm_oauth\" data-mode=\"popup\"></div>"
        try session.open(uri, text)
        let items = try session.request("textDocument/completion", ["textDocument": ["uri": .string(uri)],
                                                                    "position": session.position(in: uri, after: "data-mode=\"popup\"")])["items"]?.arrayValue ?? []
        let state = try XCTUnwrap(items.first { $0["label"] == "data-state" })
        let applied = session.apply([state["textEdit"] ?? .null], to: text)
        XCTAssertTrue(applied.contains("data-mode=\"popup\" data-state=\"\""), applied)
    }

    /// In PHP or JavaScript code no tag is being typed: no tag snippets there; in JSX and HTML they stay.
    func testNoTagCompletionInsideCode() throws {
        let session = try LSPSession(capabilities: ["textDocument": ["completion": ["completionItem": ["snippetSupport": true]]]])
        let cases: [(uri: String, language: String, text: String, after: String, offered: Bool)] = [
            ("file:///c/app.js", "javascript", "const x = 1 // Вход 🔐\nconst y = ", "const y = ", false),
            ("file:///c/view.php", "php", "<p>Вход</p>\n<?php\n$x = 1;\n\n?>\n<p>конец</p>", "$x = 1;\n", false),
            ("file:///c/view.php", "php", "<p>Вход</p>\n<?php\n$x = 1;\n\n?>\n<p>конец</p>", "?>\n", true),
            ("file:///c/App.jsx", "javascriptreact", "const a = 1\nexport default () => <section>\n  \n</section>", "<section>\n  ", true),
            ("file:///c/App.jsx", "javascriptreact", "const a = 1\nexport default () => <section>\n  \n</section>", "const a", false),
        ]
        for c in cases {
            try session.open(c.uri, c.text, language: c.language)
            let items = try session.request("textDocument/completion", ["textDocument": ["uri": .string(c.uri)],
                                                                        "position": session.position(in: c.uri, after: c.after)])["items"]?.arrayValue ?? []
            XCTAssertEqual(!items.isEmpty, c.offered, "\(c.uri) after \(c.after.debugDescription): \(items.count) items")
        }
    }
}
