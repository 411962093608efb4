import AmoLint
import AmoLintIO
import JSONRPC
import JSONValue
import LanguageServerProtocol

/// The language server's state and message dispatch. Handlers live in
/// `Handlers/`, one LSP feature per file; none of them holds rule logic.
final class Server {
    enum Lifecycle { case uninitialized, running, shutDown }
    enum Pending { case configuration, registration, refresh, applyEdit, showDocument }

    let send: (String) -> Void
    /// Sends a message already serialised as UTF-8 (the large publishes).
    let sendBytes: (UnsafeBufferPointer<UInt8>) -> Void
    var lifecycle = Lifecycle.uninitialized
    var encoding = PositionEncoding.utf16
    var client = JSON.null
    /// The client pulls diagnostics (`textDocument/diagnostic`); otherwise the server pushes them.
    var pullDiagnostics = false
    var trace = TraceValue.off
    var documents = DocumentStore()
    var settings = ServerSettings()
    /// Bumped whenever settings or configuration files change, so cached results go stale.
    var settingsGeneration = 0
    var resolver = ConfigurationResolver()
    private var nextRequestID = 1
    var pending: [RequestID: Pending] = [:]
    private var shownProblems: Set<String> = []
    /// A document's model too large to keep was built and let go: its memory goes back to the system.
    var releasedLargeModel = false
    /// Where publishes are built, kept from one to the next.
    var publishBuffer: [UInt8] = []

    /// Where logs go: standard error, unless a host (the fuzzer, a test) says otherwise.
    let logSink: (String) -> Void
    /// Whether the client has cancelled a request, asked while a long handler runs
    /// (the reader thread sees `$/cancelRequest` before the main thread does).
    var isCancelled: (RequestID) -> Bool = { _ in false }
    /// The request being handled.
    private(set) var currentRequest: RequestID?

    init(send: @escaping (String) -> Void, sendBytes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
         logSink: @escaping (String) -> Void = { Platform.write(2, "amolint: \($0)\n") })
    {
        self.send = send
        self.sendBytes = sendBytes ?? { send(String(decoding: $0, as: UTF8.self)) }
        self.logSink = logSink
    }

    /// Handles a batch of framed events; returns an exit status when the server must stop.
    /// The batch is consumed: each body is let go once decoded and each decoded message
    /// once handled, so a large `didOpen` is held once (as the document) while it is linted.
    func handle(_ batch: consuming [FrameReader.Event]) -> Int32? {
        enum Item {
            case end
            case malformed(String)
            case message(Result<Message, MessageError>)
        }
        var events = batch
        var items: [Item?] = []
        items.reserveCapacity(events.count)
        var cancelled: Set<RequestID> = []
        for i in events.indices {
            switch events[i] {
            case .end: items.append(.end)
            case .malformed(let reason): items.append(.malformed(reason))
            case .message(let body):
                let message = Message.decode(body)
                if case .success(.notification("$/cancelRequest", let params)) = message, let id = params["id"].flatMap(RequestID.init) {
                    cancelled.insert(id)
                }
                items.append(.message(message))
            }
            events[i] = .end
        }
        events = []
        for i in items.indices {
            guard let item = items[i] else { continue }
            items[i] = nil
            switch item {
            case .end:
                log("end of input; exiting")
                return 0
            case .malformed(let reason):
                log("malformed message: \(reason)", type: MessageType.error)
            case .message(let message):
                switch message {
                case .success(.request(let id, let method, let params)):
                    if cancelled.contains(id) {
                        send(Outgoing.error(id: id, ResponseError(code: LSPErrorCode.requestCancelled, message: "cancelled")))
                    } else {
                        request(id: id, method: method, params: params)
                    }
                case .success(.notification(let method, let params)):
                    if let code = notification(method: method, params: params) { return code }
                case .success(.response(let id, let result, let error)):
                    response(id: id, result: result, error: error)
                case .failure(let failure):
                    send(Outgoing.error(id: failure.id, failure.error))
                }
            }
        }
        publishDirtyDocuments()
        if releasedLargeModel {
            releasedLargeModel = false
            // The publish of a page too large to keep goes too (it may be megabytes).
            if publishBuffer.capacity > 1 << 20 { publishBuffer = [] }
            FreedMemory.giveBack()
        }
        return nil
    }

    // MARK: Dispatch

    private func request(id: RequestID, method: String, params: JSON) {
        currentRequest = id
        defer { currentRequest = nil }
        switch lifecycle {
        case .uninitialized where method != "initialize":
            send(Outgoing.error(id: id, ResponseError(code: LSPErrorCode.serverNotInitialized, message: "the server is not initialized: send `initialize` first")))
            return
        case .shutDown:
            send(Outgoing.error(id: id, ResponseError(code: ErrorCode.invalidRequest, message: "the server is shut down: only `exit` is accepted")))
            return
        case .running where method == "initialize":
            send(Outgoing.error(id: id, ResponseError(code: ErrorCode.invalidRequest, message: "the server is already initialized")))
            return
        default: break
        }
        let handler: ((JSON) throws -> JSON)?
        switch method {
        case "initialize": handler = initialize
        case "shutdown": handler = shutdown
        case "textDocument/diagnostic": handler = documentDiagnostic
        case "workspace/diagnostic": handler = workspaceDiagnostic
        case "textDocument/codeAction": handler = codeAction
        case "textDocument/hover": handler = hover
        case "textDocument/completion": handler = completion
        case "workspace/executeCommand": handler = executeCommand
        case "codeAction/resolve": handler = resolveCodeAction
        default: handler = nil
        }
        guard let handler else {
            send(Outgoing.error(id: id, ResponseError(code: ErrorCode.methodNotFound, message: "unknown method \(method)")))
            return
        }
        do {
            send(Outgoing.response(id: id, result: try handler(params)))
        } catch let error as ParamsError {
            send(Outgoing.error(id: id, .invalidParams("invalid params for \(method): \(error)")))
        } catch let error as ResponseError {
            send(Outgoing.error(id: id, error))
        } catch {
            send(Outgoing.error(id: id, ResponseError(code: ErrorCode.internalError, message: "\(error)")))
        }
    }

    /// Returns an exit status for `exit`.
    private func notification(method: String, params: JSON) -> Int32? {
        if method == "exit" { return lifecycle == .shutDown ? 0 : 1 }
        guard lifecycle == .running else { return nil }
        do {
            switch method {
            case "initialized": initialized()
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params)
            case "textDocument/didClose": try didClose(params)
            case "textDocument/didSave": try didSave(params)
            case "workspace/didChangeConfiguration": didChangeConfiguration(params)
            case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
            case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(params)
            case "$/setTrace": trace = params["value"]?.stringValue.flatMap(TraceValue.init(rawValue:)) ?? trace
            default: break  // Unknown notifications, `$/…` included, are ignored as the spec asks.
            }
        } catch {
            log("ignored \(method): invalid params: \(error)", type: MessageType.error)
        }
        return nil
    }

    private func response(id: RequestID, result: JSON?, error: JSON?) {
        guard let kind = pending.removeValue(forKey: id) else { return }
        if let error, !error.isNull {
            log("the client answered request \(id) with an error: \(error.serialized())", type: MessageType.warning)
            return
        }
        if kind == .configuration { applyConfigurationResponse(result) }
    }

    // MARK: Outgoing

    func request(_ method: String, _ params: JSON, kind: Pending) {
        let id = RequestID.string("amolint-\(nextRequestID)")
        nextRequestID += 1
        pending[id] = kind
        send(Outgoing.request(id: id, method, params))
    }

    func notify(_ method: String, _ params: JSON) { send(Outgoing.notification(method, params)) }

    /// Logs to stderr always, and to the client when it asked for traces.
    func log(_ message: String, type: Int = MessageType.log) {
        logSink(message)
        // Nothing but window messages may precede the answer to `initialize`.
        guard lifecycle != .uninitialized else { return }
        if trace != .off { notify("$/logTrace", ["message": .string(message)]) }
        if type <= MessageType.warning, trace != .off {
            notify("window/logMessage", ["type": .int(type), "message": .string(message)])
        }
    }

    /// Tells the user once about a problem they can fix (a bad `.amolint.json`).
    func warnUser(_ message: String) {
        log(message, type: MessageType.warning)
        if shownProblems.insert(message).inserted {
            notify("window/showMessage", ["type": .int(MessageType.warning), "message": .string("amolint: " + message)])
        }
    }

    func clientSupports(_ path: String...) -> Bool {
        var current: JSON? = client
        for key in path { current = current?[key] }
        guard let current else { return false }
        return current.boolValue ?? (current.objectValue != nil)
    }
}
