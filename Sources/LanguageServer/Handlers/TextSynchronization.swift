import AmoLint
import JSONValue
import LanguageServerProtocol

extension Server {
    func didOpen(_ params: JSON) throws {
        let item = try TextDocumentItem(json: params.object("textDocument"))
        documents.open(item)
    }

    func didChange(_ params: JSON) throws {
        let identifier = try params.object("textDocument")
        let uri = try identifier.string("uri")
        let version = try identifier.int("version")
        let changes = try params.array("contentChanges").map { (c) throws(ParamsError) in try ContentChange(json: c) }
        // Taken out of the store while edited: a second reference to its text would make the edit copy it.
        guard var document = documents.close(uri) else {
            log("didChange for \(uri), which is not open; ignored", type: MessageType.warning)
            return
        }
        if version <= document.version {
            log("didChange for \(uri): version \(version) does not increase on \(document.version); applied as sent", type: MessageType.warning)
        }
        DocumentStore.apply(changes, to: &document, encoding: encoding) { log("\(uri): \($0)", type: MessageType.warning) }
        document.version = version
        // With `run: onSave` a push client hears about the new text when it is saved.
        if settings.run == .onType || pullDiagnostics { document.dirty = true }
        documents[uri] = document
    }

    func didClose(_ params: JSON) throws {
        let uri = try params.object("textDocument").string("uri")
        guard documents.close(uri) != nil else { return }
        if !pullDiagnostics { notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]) }
    }

    func didSave(_ params: JSON) throws {
        let uri = try params.object("textDocument").string("uri")
        // Clients that do not watch files still tell us when `.amolint.json` is saved in the editor.
        if URI.path(uri).hasSuffix("/" + Configuration.fileName) { configurationFilesChanged() }
        if settings.run == .onSave { documents[uri]?.dirty = true }
    }
}
