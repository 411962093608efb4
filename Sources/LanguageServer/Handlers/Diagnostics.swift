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
        let parsed = document.currentDocument()
        var diagnostics: [Diagnostic] = []
        if settings.enable, case .configuration(let configuration) = resolver.resolve(uri: uri, settings: settings, problem: warnUser) {
            // A document too large to keep (see `LintSnapshot.largestKept`) keeps no findings either.
            let buttons = parsed.layers.reduce(0) { $0 + $1.buttons.count }
            if buttons > LintSnapshot.largestKept { document.findings.removeAll() }
            let cache = buttons > LintSnapshot.largestKept ? nil : document.findings
            let linted = Linter.lint(parsed, configuration: configuration, lineIndex: document.lineIndex, cache: cache)
            diagnostics = linted.diagnostics
            if linted.unreported > 0 { log("\(uri): \(linted.unreported) more problems not reported (at most \(Linter.maximumFindings) a document)") }
        }
        let result = LintSnapshot(version: document.version, revision: document.revision, settingsGeneration: settingsGeneration,
                                  diagnostics: diagnostics, lineIndex: document.lineIndex, document: parsed)
        if result.kept == nil { releasedLargeModel = true }
        documents[uri]?.lastResult = result
        return result
    }

    /// The document as linted: kept by the snapshot, or scanned again from its text.
    func parsed(_ snapshot: LintSnapshot, _ open: OpenDocument) -> Document {
        if let kept = snapshot.kept { return kept }
        releasedLargeModel = true
        return Document(open.sourceFile)
    }

    /// Push mode: after each batch, documents that changed are linted once, at their latest version.
    func publishDirtyDocuments() {
        guard lifecycle == .running, !pullDiagnostics else { return }
        for uri in documents.uris where documents[uri]?.dirty == true {
            guard let result = snapshot(uri) else { continue }
            documents[uri]?.dirty = false
            // One buffer for every publish: with large arrays mapped afresh each time
            // (`FreedMemory`), a 300 KB publish per keystroke cost its page faults again.
            var out = publishBuffer
            publishBuffer = []
            out.removeAll(keepingCapacity: true)
            publishMessage(result, uri: uri, into: &out)
            out.withUnsafeBufferPointer(sendBytes)
            publishBuffer = out
        }
    }

    /// The `publishDiagnostics` notification, as `notify` would write it, from the
    /// document's last publish: only the diagnostics on the edited lines are serialised.
    func publishMessage(_ result: LintSnapshot, uri: String, into out: inout [UInt8]) {
        guard let document = documents[uri] else { return }
        let encodings = document.encodings.next(result.diagnostics, after: document.sincePublish, lineIndex: result.lineIndex) {
            DiagnosticEncodings.fragment(json($0, lineIndex: result.lineIndex, version: DiagnosticEncodings.markerVersion, uri: uri))
        }
        out += #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":["#.utf8
        let version = Array(String(result.version).utf8)
        out.reserveCapacity(encodings.fragments.reduce(out.count + uri.utf8.count + 64) { $0 + $1.bytes.count + version.count + 1 })
        for (k, fragment) in encodings.fragments.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            fragment.write(into: &out, version: version, shift: 0)
        }
        out += #"],"uri":"#.utf8
        JSON.string(uri).write(into: &out, pretty: false, indent: 0)
        out += #","version":"#.utf8
        out += version
        out += "}}".utf8
        documents[uri]?.published(encodings)
    }

    /// Pull mode: `textDocument/diagnostic`.
    func documentDiagnostic(_ params: JSON) throws -> JSON {
        let uri = try params.object("textDocument").string("uri")
        guard let result = snapshot(uri) else { return DocumentDiagnosticReport.full(resultID: nil, items: []).json }
        if params["previousResultId"]?.stringValue == result.resultID {
            return DocumentDiagnosticReport.unchanged(resultID: result.resultID).json
        }
        return DocumentDiagnosticReport.full(resultID: result.resultID, items: result.diagnostics.map { json($0, in: result, uri: uri) }).json
    }

    /// An LSP Diagnostic; `data` names the rule and the version it was computed for.
    func json(_ d: Diagnostic, in result: LintSnapshot, uri: String) -> JSON {
        json(d, lineIndex: result.lineIndex, version: result.version, uri: uri)
    }

    func json(_ d: Diagnostic, lineIndex: LineIndex, version: Int, uri: String) -> JSON {
        let converter = PositionConverter(index: lineIndex, encoding: encoding)
        var diagnostic = LSPDiagnostic(range: converter.range(d.range), severity: d.severity.lspValue, code: d.rule, message: d.message)
        diagnostic.codeDescription = RuleCatalog.rule(d.rule)?.documentationURL
        diagnostic.unnecessary = d.unnecessary
        diagnostic.related = d.related.map { LSPDiagnostic.Related(uri: uri, range: converter.range($0.range), message: $0.message) }
        var data: [String: JSON] = ["rule": .string(d.rule), "version": .int(version)]
        if let fix = d.fix {
            data["fix"] = [
                "description": .string(fix.description),
                "applicability": .string(fix.applicability.rawValue),
                "edits": .array(fix.edits.map { LSPTextEdit(range: converter.range($0.range), newText: $0.newText).json }),
            ]
        }
        diagnostic.data = .object(data)
        return diagnostic.json
    }
}
