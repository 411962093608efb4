import AmoLint
import JSONValue
import LanguageServerProtocol

extension Server {
    /// Asks the client for the `amolint` section when it supports `workspace/configuration`.
    func requestConfiguration() {
        guard clientSupports("workspace", "configuration") else { return }
        request("workspace/configuration", ["items": [["section": "amolint"]]], kind: .configuration)
    }

    /// The client's answer: `null` ("cannot provide") keeps what is in force.
    func applyConfigurationResponse(_ result: JSON?) {
        guard let first = result?.arrayValue?.first, !first.isNull else { return }
        apply(settingsJSON: first, to: .client)
    }

    /// The payload is used when it holds the `amolint` section (`settings.amolint`);
    /// only a `null` payload, or one without the section, makes the server ask.
    func didChangeConfiguration(_ params: JSON) {
        if let section = ServerSettings.section(in: params["settings"]) {
            apply(settingsJSON: section, to: .client)
        } else {
            requestConfiguration()
        }
    }

    enum SettingsLayer { case initialization, client }

    func apply(settingsJSON json: JSON, to layer: SettingsLayer) {
        let (parsed, problems) = ServerSettings.parse(json)
        // Every problem of one change in one message.
        if !problems.isEmpty { warnUser(problems.joined(separator: "; ")) }
        var next = settings
        switch layer {
        case .initialization: next.initialization = parsed
        case .client: next.client = parsed
        }
        guard next != settings else { return }
        settings = next
        invalidateAll()
    }

    func didChangeWatchedFiles(_ params: JSON) {
        let changed = params["changes"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        if changed.isEmpty || changed.contains(where: { URI.path($0).hasSuffix(Configuration.fileName) }) {
            configurationFilesChanged()
        }
    }

    func didChangeWorkspaceFolders(_ params: JSON) {
        let removed = Set(params.at("event", "removed")?.arrayValue?.compactMap { $0["uri"]?.stringValue }.map(URI.path) ?? [])
        let added = params.at("event", "added")?.arrayValue?.compactMap { $0["uri"]?.stringValue }.map(URI.path) ?? []
        resolver.workspaceFolders = resolver.workspaceFolders.filter { !removed.contains($0) } + added
        configurationFilesChanged()
    }

    func configurationFilesChanged() {
        resolver.files.invalidate()
        invalidateAll()
    }

    /// Every open document is linted again with the new settings.
    func invalidateAll() {
        settingsGeneration += 1
        for uri in documents.uris {
            documents[uri]?.dirty = true
        }
        if pullDiagnostics, lifecycle == .running, clientSupports("workspace", "diagnostics", "refreshSupport") {
            request("workspace/diagnostic/refresh", .null, kind: .refresh)
        }
        publishWorkspace()
    }
}
