import AmoLint
import JSONRPC
import JSONValue
import LanguageServerProtocol

extension Server {
    static let fixAllKind = "source.fixAll.amolint"

    /// `textDocument/codeAction`: a quick fix per fixable diagnostic in range,
    /// "Disable <rule> for this line" per diagnostic, and fix-all.
    func codeAction(_ params: JSON) throws -> JSON {
        let uri = try params.object("textDocument").string("uri")
        let requested = try LSPRange(json: params.object("range"))
        let context = params["context"] ?? [:]
        let only = context["only"]?.arrayValue?.compactMap(\.stringValue)
        guard let document = documents[uri], let result = snapshot(uri) else { return [] }
        let converter = PositionConverter(index: result.lineIndex, encoding: encoding)
        let range = converter.range(requested)
        // Our own diagnostics of the current version that touch the range (not the copies the client sent).
        let inRange = result.diagnostics.filter { d in
            d.range.overlaps(range) || d.range.contains(range.lowerBound) || range.contains(d.range.lowerBound)
                || (d.range.isEmpty && d.range.lowerBound == range.lowerBound) || d.range.upperBound == range.lowerBound
        }
        var actions: [JSON] = []
        if wants("quickfix", only) {
            // Scanned again only when some diagnostic needs it (a large document is not kept).
            lazy var parsed = parsed(result, document)
            for d in inRange {
                let lspDiagnostic = json(d, in: result, uri: uri)
                if let fix = d.fix {
                    // Every quick fix is offered; only a safe one is preferred (applied by "auto fix" keys).
                    let unsafe = fix.applicability == .unsafe ? ", unsafe" : ""
                    actions.append(action(title: fix.description.replacingBackticks + " (\(d.rule)\(unsafe))", kind: "quickfix",
                                          diagnostics: [lspDiagnostic], preferred: fix.applicability == .safe,
                                          edits: fix.edits, converter: converter, document: document))
                }
            }
            for rule in uniqueRules(inRange) {
                guard let d = inRange.first(where: { $0.rule == rule }) else { continue }
                let edits = DisableComment.edits(rule: rule, at: d.range.lowerBound, in: parsed,
                                                 lineIndex: result.lineIndex)
                // No comment can stand there (the line starts inside a string): no action.
                guard !edits.isEmpty else { continue }
                let related = inRange.filter { $0.rule == rule }.map { json($0, in: result, uri: uri) }
                actions.append(action(title: "Disable \(rule) for this line", kind: "quickfix", diagnostics: related,
                                      preferred: false, edits: edits, converter: converter, document: document))
                actions.append(action(title: "Disable \(rule) for this file", kind: "quickfix", diagnostics: related, preferred: false,
                                      edits: DisableComment.fileEdits(rule: rule, in: parsed, lineIndex: result.lineIndex),
                                      converter: converter, document: document))
                actions.append(CodeAction(title: "Show documentation for \(rule)", kind: "quickfix", diagnostics: related, isPreferred: false,
                                          edit: nil, command: Command(title: "Show documentation for \(rule)",
                                                                      command: Server.showRuleDocumentationCommand, arguments: [.string(rule)])).json)
            }
        }
        // Fix-all applies the safe fixes only (as `amolint check --fix`); unsafe ones stay quick fixes.
        if wants(Server.fixAllKind, only), settings.enable, result.diagnostics.contains(where: { $0.fix?.applicability == .safe }) {
            if clientResolvesEdits {
                // The edit is computed on `codeAction/resolve`, when the user picks the action.
                let count = result.diagnostics.filter { $0.fix?.applicability == .safe }.count
                actions.append(CodeAction(title: "Fix all amolint problems (\(count))", kind: Server.fixAllKind, diagnostics: nil,
                                          isPreferred: false, edit: nil,
                                          data: ["uri": .string(uri), "version": .int(document.version)]).json)
            } else if case .configuration(let configuration) = resolver.resolve(uri: uri, settings: settings, problem: warnUser),
                      let (edit, count) = Fixer.fixAllEdit(document.sourceFile, configuration: configuration)
            {
                actions.append(action(title: "Fix all amolint problems (\(count))", kind: Server.fixAllKind, diagnostics: nil,
                                      preferred: false, edits: [edit], converter: converter, document: document))
            }
        }
        return .array(actions)
    }

    /// The client fills in `edit` through `codeAction/resolve`.
    var clientResolvesEdits: Bool {
        client.at("textDocument", "codeAction", "resolveSupport", "properties")?.arrayValue?.contains("edit") ?? false
    }

    /// LSP's hierarchical kinds: `only: ["source"]` includes `source.fixAll.amolint`.
    private func wants(_ kind: String, _ only: [String]?) -> Bool {
        guard let only, !only.isEmpty else { return kind == "quickfix" || kind == Server.fixAllKind }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    private func uniqueRules(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: Set<String> = []
        return diagnostics.map(\.rule).filter { seen.insert($0).inserted }
    }

    private func action(title: String, kind: String, diagnostics: [JSON]?, preferred: Bool, edits: [TextEdit],
                        converter: PositionConverter, document: OpenDocument) -> JSON
    {
        let edit = WorkspaceEdit(uri: document.uri, version: document.version,
                                 edits: edits.map { LSPTextEdit(range: converter.range($0.range), newText: $0.newText) },
                                 versioned: clientSupports("workspace", "workspaceEdit", "documentChanges"))
        return CodeAction(title: title, kind: kind, diagnostics: diagnostics, isPreferred: preferred, edit: edit).json
    }
}

extension String {
    /// Fix descriptions use Markdown backticks; editors show titles as plain text.
    var replacingBackticks: String { String(filter { $0 != "`" }) }
}
