import AmoLint
import JSONRPC
import JSONValue
import LanguageServerProtocol

extension Server {
    /// Lints a document's current version (cached until it or the settings change).
    func snapshot(_ uri: String) -> LintSnapshot? {
        guard let document = documents[uri] else { return nil }
        if let cached = document.lastResult, cached.revision == document.revision, cached.settingsGeneration == settingsGeneration {
            return cached
        }
        let parsed = Document(document.sourceFile)
        var diagnostics: [Diagnostic] = []
        var lineIndex: LineIndex?
        if settings.enable, case .configuration(let configuration) = resolver.resolve(path: URI.path(uri), settings: settings, problem: warnUser) {
            let linted = Linter.lint(parsed, configuration: configuration)
            diagnostics = linted.diagnostics
            lineIndex = linted.lineIndex
            if linted.unreported > 0 { log("\(uri): \(linted.unreported) more problems not reported (at most \(Linter.maximumFindings) a document)") }
        }
        let result = LintSnapshot(version: document.version, revision: document.revision, settingsGeneration: settingsGeneration,
                                  diagnostics: diagnostics, lineIndex: lineIndex ?? document.lineIndex, document: parsed)
        documents[uri]?.lastResult = result
        return result
    }

    /// Push mode: after each batch, documents that changed are linted once, at their latest version.
    func publishDirtyDocuments() {
        guard lifecycle == .running, !pullDiagnostics else { return }
        for uri in documents.uris where documents[uri]?.dirty == true {
            guard let result = snapshot(uri) else { continue }
            documents[uri]?.dirty = false
            notify("textDocument/publishDiagnostics", [
                "uri": .string(uri), "version": .int(result.version),
                "diagnostics": .array(result.diagnostics.map { json($0, in: result, uri: uri) }),
            ])
        }
    }

    /// Pull mode: `textDocument/diagnostic`.
    func documentDiagnostic(_ params: JSON) throws -> JSON {
        let uri = try params.object("textDocument").string("uri")
        guard let result = snapshot(uri) else {
            return ["kind": "full", "items": []]
        }
        if params["previousResultId"]?.stringValue == result.resultID {
            return ["kind": "unchanged", "resultId": .string(result.resultID)]
        }
        return ["kind": "full", "resultId": .string(result.resultID),
                "items": .array(result.diagnostics.map { json($0, in: result, uri: uri) })]
    }

    /// An LSP Diagnostic; `data` carries the fix for code actions, in this version's positions.
    func json(_ d: Diagnostic, in result: LintSnapshot, uri: String) -> JSON {
        let converter = PositionConverter(index: result.lineIndex, encoding: encoding)
        var object: [String: JSON] = [
            "range": converter.range(d.range).json,
            "severity": .int(d.severity.lspValue),
            "code": .string(d.rule),
            "source": "amolint",
            "message": .string(d.message),
        ]
        if let rule = RuleCatalog.rule(d.rule) { object["codeDescription"] = ["href": .string(rule.documentationURL)] }
        if d.unnecessary { object["tags"] = [.int(DiagnosticTag.unnecessary)] }
        if !d.related.isEmpty {
            object["relatedInformation"] = .array(d.related.map { r in
                ["location": ["uri": .string(uri), "range": converter.range(r.range).json], "message": .string(r.message)]
            })
        }
        var data: [String: JSON] = ["rule": .string(d.rule), "version": .int(result.version)]
        if let fix = d.fix {
            data["fix"] = [
                "description": .string(fix.description),
                "edits": .array(fix.edits.map { ["range": converter.range($0.range).json, "newText": .string($0.newText)] }),
            ]
        }
        object["data"] = .object(data)
        return .object(object)
    }
}
