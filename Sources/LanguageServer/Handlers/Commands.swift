import AmoLint
import JSONRPC
import JSONValue
import LanguageServerProtocol

extension Server {
    static let applyAllFixesCommand = "amolint.applyAllFixes"
    static let showRuleDocumentationCommand = "amolint.showRuleDocumentation"
    static let commands = [applyAllFixesCommand, showRuleDocumentationCommand]

    /// `workspace/executeCommand`.
    func executeCommand(_ params: JSON) throws -> JSON {
        let command = try params.string("command")
        let arguments = params["arguments"]?.arrayValue ?? []
        switch command {
        case Server.applyAllFixesCommand:
            // `[{"uri", "version"}]`: the edits `source.fixAll.amolint` would apply, sent with `workspace/applyEdit`.
            guard let target = arguments.first, let uri = target["uri"]?.stringValue else {
                throw ResponseError.invalidParams("\(command) takes [{\"uri\", \"version\"}]")
            }
            guard let document = documents[uri] else { throw ResponseError.invalidParams("\(uri) is not open") }
            if let version = target["version"]?.intValue, version != document.version {
                throw ResponseError(code: LSPErrorCode.contentModified, message: "\(uri) changed since version \(version)")
            }
            if let edit = fixAllEdit(uri) {
                request("workspace/applyEdit", ["label": "amolint: fix all", "edit": edit.json], kind: .applyEdit)
            }
            return .null
        case Server.showRuleDocumentationCommand:
            guard let id = arguments.first?.stringValue, let rule = RuleCatalog.rule(id) else {
                throw ResponseError.invalidParams("\(command) takes [ruleId], one of amolint's rule ids")
            }
            if clientSupports("window", "showDocument", "support") {
                request("window/showDocument", ["uri": .string(rule.documentationURL), "external": true], kind: .showDocument)
            } else {
                notify("window/showMessage", ["type": .int(MessageType.info),
                                              "message": .string("\(rule.id) (\(rule.severity.rawValue)): \(rule.summary) \(rule.explanation)")])
            }
            return .null
        default:
            throw ResponseError.invalidParams("unknown command \(command); amolint has \(Server.commands.joined(separator: ", "))")
        }
    }

    /// The fix-all edit of a document as a workspace edit, or nil when nothing is fixable.
    func fixAllEdit(_ uri: String) -> WorkspaceEdit? {
        guard let document = documents[uri], settings.enable,
              case .configuration(let configuration) = resolver.resolve(uri: uri, settings: settings, problem: warnUser),
              let (edit, _) = Fixer.fixAllEdit(document.sourceFile, configuration: configuration)
        else { return nil }
        let converter = PositionConverter(index: document.lineIndex, encoding: encoding)
        return WorkspaceEdit(uri: uri, version: document.version, edits: [LSPTextEdit(range: converter.range(edit.range), newText: edit.newText)],
                             versioned: clientSupports("workspace", "workspaceEdit", "documentChanges"))
    }

    /// `codeAction/resolve`: the fix-all action, sent without its edit to clients
    /// that resolve edits, gets it here (a large page does not pay for it on every cursor move).
    func resolveCodeAction(_ params: JSON) throws -> JSON {
        guard var object = params.objectValue else { throw ParamsError("expected a code action object") }
        guard let uri = params.at("data", "uri")?.stringValue else { return params }
        if let version = params.at("data", "version")?.intValue, version != documents[uri]?.version {
            throw ResponseError(code: LSPErrorCode.contentModified, message: "\(uri) changed since the action was offered")
        }
        if let edit = fixAllEdit(uri) { object["edit"] = edit.json }
        return .object(object)
    }
}
