import AmoLint
import JSONValue
import LanguageServerProtocol

extension Server {
    /// Asks the client for the `amolint` section when it supports `workspace/configuration`.
    func requestConfiguration() {
        guard clientSupports("workspace", "configuration") else { return }
        request("workspace/configuration", ["items": [["section": "amolint"]]], kind: .configuration)
    }

    func applyConfigurationResponse(_ result: JSON?) {
        guard let first = result?.arrayValue?.first else { return }
        apply(settingsJSON: first)
    }

    func didChangeConfiguration(_ params: JSON) {
        if clientSupports("workspace", "configuration") {
            requestConfiguration()
        } else if let section = ServerSettings.section(in: params["settings"]) {
            apply(settingsJSON: section)
        }
    }

    func apply(settingsJSON json: JSON) {
        let (parsed, problems) = ServerSettings.parse(json)
        for problem in problems { warnUser(problem) }
        guard parsed != settings else { return }
        settings = parsed
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
            documents[uri]?.lastResult = nil
        }
        if pullDiagnostics, lifecycle == .running, clientSupports("workspace", "diagnostics", "refreshSupport") {
            request("workspace/diagnostic/refresh", .null, kind: .refresh)
        }
    }
}
