import AmoLint
import JSONRPC
import JSONValue
import LanguageServerProtocol

extension Server {
    func initialize(_ params: JSON) throws -> JSON {
        guard case .object = params else { throw ParamsError("expected an object, found \(params.typeName)") }
        client = params["capabilities"] ?? .null
        encoding = Server.negotiateEncoding(client.at("general", "positionEncodings")?.arrayValue?.compactMap(\.stringValue))
        // An escape hatch for clients that count bytes but cannot say so (ALE): they
        // ask for `utf-8` in initializationOptions.
        if let forced = params.at("initializationOptions", "positionEncoding")?.stringValue {
            if let e = PositionEncoding(rawValue: forced) { encoding = e } else { warnUser("initializationOptions.positionEncoding: unknown encoding \"\(forced)\"") }
        }
        pullDiagnostics = clientSupports("textDocument", "diagnostic")
        trace = params["trace"]?.stringValue.flatMap(TraceValue.init(rawValue:)) ?? .off
        var folders = params["workspaceFolders"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        if folders.isEmpty, let root = params["rootUri"]?.stringValue { folders = [root] }
        resolver.workspaceFolders = folders.map(URI.path)
        if let options = ServerSettings.section(in: params["initializationOptions"]) { apply(settingsJSON: options, to: .initialization) }
        // Logged while still uninitialized: nothing may reach the client before this answer.
        log("initialized: position encoding \(encoding.rawValue), \(pullDiagnostics ? "pull" : "push") diagnostics")
        lifecycle = .running
        return [
            "capabilities": capabilities,
            "serverInfo": ["name": "amolint", "version": .string(AmoLintVersion.current)],
        ]
    }

    /// `utf-8` when the client offers it (no conversion), else `utf-16` (the
    /// default every client supports), or `utf-32` when that is all it offers.
    static func negotiateEncoding(_ offered: [String]?) -> PositionEncoding {
        guard let offered, !offered.isEmpty else { return .utf16 }
        if offered.contains("utf-8") { return .utf8 }
        if offered.contains("utf-16") { return .utf16 }
        if offered.contains("utf-32") { return .utf32 }
        return .utf16
    }

    var capabilities: JSON {
        var caps: [String: JSON] = [
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": [
                "openClose": true, "change": .int(TextDocumentSyncKind.incremental), "save": ["includeText": false],
            ],
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            "codeActionProvider": ["codeActionKinds": ["quickfix", .string(Server.fixAllKind)], "resolveProvider": .bool(clientResolvesEdits)],
            "executeCommandProvider": ["commands": .array(Server.commands.map(JSON.string))],
            "hoverProvider": true,
            "completionProvider": ["triggerCharacters": .array(Server.completionTriggers.map(JSON.string)), "resolveProvider": false],
        ]
        if pullDiagnostics {
            caps["diagnosticProvider"] = ["identifier": "amolint", "interFileDependencies": false, "workspaceDiagnostics": true]
        }
        return .object(caps)
    }

    func initialized() {
        var registrations: [JSON] = []
        if clientSupports("workspace", "didChangeWatchedFiles", "dynamicRegistration") {
            registrations.append(["id": "amolint-configuration-files", "method": "workspace/didChangeWatchedFiles",
                                  "registerOptions": ["watchers": [["globPattern": "**/.amolint.json"]]]])
        }
        // VS Code's client sends setting changes only to servers that register for them.
        if clientSupports("workspace", "didChangeConfiguration", "dynamicRegistration") {
            registrations.append(["id": "amolint-settings", "method": "workspace/didChangeConfiguration",
                                  "registerOptions": ["section": "amolint"]])
        }
        if !registrations.isEmpty {
            request("client/registerCapability", ["registrations": .array(registrations)], kind: .registration)
        }
        requestConfiguration()
        publishWorkspace()
    }

    func shutdown(_ params: JSON) throws -> JSON {
        lifecycle = .shutDown
        return .null
    }
}
