import AmoLint
import AmoLintIO
import JSONRPC
import JSONValue
import LanguageServerProtocol

extension Server {
    /// Files larger than this are left out of workspace diagnostics (a generated dump is no page).
    static let workspaceFileLimit = 16 << 20

    /// `workspace/diagnostic`: a report for every checkable file under the
    /// workspace folders (`.amolint.json` excludes and the skipped folders
    /// honoured), open documents with their editor text. A file whose content
    /// and configuration are unchanged since `previousResultIds` is `unchanged`.
    /// Files are read one at a time and forgotten, so memory stays flat on a
    /// large tree; with a `partialResultToken` the reports stream through
    /// `$/progress` in batches, and a `workDoneToken` gets begin/report/end.
    func workspaceDiagnostic(_ params: JSON) throws -> JSON {
        var previous: [String: String] = [:]
        for entry in params["previousResultIds"]?.arrayValue ?? [] {
            if let uri = entry["uri"]?.stringValue, let value = entry["value"]?.stringValue { previous[URI.normalized(URI.path(uri))] = value }
        }
        let partial = params["partialResultToken"].flatMap { $0.isNull ? nil : $0 }
        let work = params["workDoneToken"].flatMap { $0.isNull ? nil : $0 }
        var items: [JSON] = []
        var batch: [JSON] = []
        let files = workspaceFiles()
        if let work {
            notify("$/progress", ["token": work, "value": ["kind": "begin", "title": "amolint", "message": .string("\(files.count) files"),
                                                           "percentage": 0, "cancellable": false]])
        }
        for (k, path) in files.enumerated() {
            // Between files, a `$/cancelRequest` for this request ends it.
            if k % 25 == 0, let id = currentRequest, isCancelled(id) {
                if let work { notify("$/progress", ["token": work, "value": ["kind": "end", "message": "cancelled"]]) }
                throw ResponseError(code: LSPErrorCode.requestCancelled, message: "cancelled after \(k) of \(files.count) files")
            }
            if let report = workspaceReport(path, previous: previous[path]) {
                if partial != nil { batch.append(report) } else { items.append(report) }
            }
            if let partial, batch.count >= 100 {
                notify("$/progress", ["token": partial, "value": ["items": .array(batch)]])
                batch.removeAll(keepingCapacity: true)
            }
            if let work, k % 250 == 249 {
                notify("$/progress", ["token": work, "value": ["kind": "report", "message": .string("\(k + 1) of \(files.count) files"),
                                                               "percentage": .int((k + 1) * 100 / max(1, files.count))]])
            }
        }
        if let partial, !batch.isEmpty { notify("$/progress", ["token": partial, "value": ["items": .array(batch)]]) }
        if let work { notify("$/progress", ["token": work, "value": ["kind": "end", "message": .string("\(files.count) files checked")]]) }
        return ["items": .array(items)]
    }

    /// Every checkable file under the workspace folders, in a stable order.
    func workspaceFiles() -> [String] {
        var files: [String] = []
        for folder in resolver.workspaceFolders {
            var problems: [FileError] = []
            files += FileDiscovery.walk(folder, problems: &problems)
            for problem in problems { log("workspace diagnostics: \(problem)", type: MessageType.warning) }
        }
        return files
    }

    /// One file's report: the open document's snapshot, or the file read from disk.
    func workspaceReport(_ path: String, previous: String?) -> JSON? {
        let uri = URI.file(path)
        if let open = documents.uris.first(where: { URI.scheme($0) == "file" && URI.normalized(URI.path($0)) == path }),
           let result = snapshot(open)
        {
            let id = "open-" + result.resultID
            if previous == id { return ["kind": "unchanged", "uri": .string(open), "version": .int(result.version), "resultId": .string(id)] }
            return ["kind": "full", "uri": .string(open), "version": .int(result.version), "resultId": .string(id),
                    "items": .array(result.diagnostics.map { json($0, in: result, uri: open) })]
        }
        guard let size = FileSystem.status(path)?.size, size <= Server.workspaceFileLimit, let bytes = try? FileSystem.read(path),
              !FileDiscovery.looksBinary(bytes), settings.enable,
              case .configuration(let configuration) = resolver.resolve(uri: uri, settings: settings, problem: warnUser)
        else { return nil }
        // The content and the settings decide the result; the id says both.
        let id = "\(settingsGeneration)-\(Server.fingerprint(bytes))"
        if previous == id { return ["kind": "unchanged", "uri": .string(uri), "version": .null, "resultId": .string(id)] }
        let linted = Linter.lint(SourceFile(path: path, bytes: bytes), configuration: configuration)
        let index = linted.lineIndex
        return ["kind": "full", "uri": .string(uri), "version": .null, "resultId": .string(id),
                "items": .array(linted.diagnostics.map { json($0, lineIndex: index, version: 0, uri: uri) })]
    }

    /// Push clients that asked for it (`amolint.workspaceDiagnostics`) get every
    /// closed file's diagnostics too.
    func publishWorkspace() {
        guard !pullDiagnostics, settings.workspaceDiagnostics, lifecycle == .running else { return }
        for path in workspaceFiles() {
            guard let report = workspaceReport(path, previous: nil), let uri = report["uri"]?.stringValue,
                  documents[uri] == nil else { continue }
            notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil,
                                                                               diagnostics: report["items"]?.arrayValue ?? []).json)
        }
    }

    /// FNV-1a over the bytes: equal content, equal id.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16) + "-" + String(bytes.count)
    }
}
