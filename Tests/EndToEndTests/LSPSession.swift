import Foundation
import JSONValue
import XCTest

/// A minimal LSP client over `ServerProcess`, for feature tests.
final class LSPSession {
    let server: ServerProcess
    let encoding: String
    private var nextID = 1
    private var versions: [String: Int] = [:]
    private(set) var texts: [String: String] = [:]

    init(encoding: String = "utf-16", capabilities: JSON = [:]) throws {
        server = try ServerProcess()
        self.encoding = encoding
        var caps = capabilities.objectValue ?? [:]
        if encoding != "utf-16" { caps["general"] = ["positionEncodings": [.string(encoding)]] }
        let result = try request("initialize", ["processId": .null, "rootUri": .null, "capabilities": .object(caps)])
        XCTAssertEqual(result["capabilities"]?["positionEncoding"]?.stringValue, encoding)
        notify("initialized", [:])
    }

    deinit {
        _ = try? request("shutdown", .null)
        notify("exit", .null)
        server.terminate()
    }

    func notify(_ method: String, _ params: JSON) {
        server.write(Conversation.frame(JSON.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).serialized()))
    }

    func request(_ method: String, _ params: JSON) throws -> JSON {
        let id = nextID
        nextID += 1
        server.write(Conversation.frame(JSON.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]).serialized()))
        while true {
            guard let message = server.nextMessage(skipping: Conversation.ignoredMethods) else {
                // A server that stops answering is a failure, never a skip: a skip would hide a hang.
                XCTFail("the server did not answer \(method)")
                throw NoAnswer(method: method)
            }
            if message["id"]?.intValue == id, message["method"] == nil {
                if let error = message["error"] { XCTFail("\(method) failed: \(error.serialized())") }
                return message["result"] ?? .null
            }
        }
    }

    /// Opens (or replaces) a document and returns the diagnostics published for it.
    @discardableResult
    func open(_ uri: String, _ text: String, language: String = "html") throws -> [JSON] {
        if versions[uri] == nil {
            versions[uri] = 1
            notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": .string(language), "version": 1, "text": .string(text)]])
        } else {
            versions[uri, default: 1] += 1
            notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(versions[uri] ?? 1)],
                                              "contentChanges": [["text": .string(text)]]])
        }
        texts[uri] = text
        return try diagnostics(uri)
    }

    /// Sends incremental changes (each against the text the one before left) and
    /// returns the diagnostics published for the new version.
    func edit(_ uri: String, _ changes: [(start: JSON, end: JSON, text: String)]) throws -> [JSON] {
        versions[uri, default: 1] += 1
        var text = texts[uri] ?? ""
        for change in changes { text = apply([["range": ["start": change.start, "end": change.end], "newText": .string(change.text)]], to: text) }
        texts[uri] = text
        let json: [JSON] = changes.map { ["range": ["start": $0.start, "end": $0.end], "text": .string($0.text)] }
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(versions[uri] ?? 1)], "contentChanges": .array(json)])
        return try diagnostics(uri)
    }

    private func diagnostics(_ uri: String) throws -> [JSON] {
        while true {
            guard let message = server.nextMessage(skipping: Conversation.ignoredMethods) else {
                XCTFail("the server published no diagnostics for \(uri)")
                throw NoAnswer(method: "textDocument/publishDiagnostics")
            }
            if message["method"] == "textDocument/publishDiagnostics", message["params"]?["uri"]?.stringValue == uri,
               message["params"]?["version"]?.intValue == versions[uri]
            {
                return message["params"]?["diagnostics"]?.arrayValue ?? []
            }
        }
    }

    func position(_ text: String, _ index: String.Index) -> JSON {
        let before = text[..<index]
        let line = before.filter { $0 == "\n" }.count
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let character: Int
        switch encoding {
        case "utf-8": character = column.utf8.count
        case "utf-32": character = column.unicodeScalars.count
        default: character = column.utf16.count
        }
        return ["line": .int(line), "character": .int(character)]
    }

    /// The position just after the first occurrence of `marker` (or at its start).
    func position(in uri: String, after marker: String, atStart: Bool = false) -> JSON {
        let text = texts[uri] ?? ""
        guard let r = text.range(of: marker) else { XCTFail("no \(marker)"); return .null }
        return position(text, atStart ? r.lowerBound : r.upperBound)
    }

    /// Applies LSP text edits to a string, reading positions in the session's encoding.
    func apply(_ edits: [JSON], to text: String) -> String {
        var utf8 = Array(text.utf8)
        let offsets = edits.map { edit -> (Int, Int, String) in
            (offset(utf8, edit["range"]?["start"]), offset(utf8, edit["range"]?["end"]), edit["newText"]?.stringValue ?? "")
        }.sorted { $0.0 > $1.0 }
        for (start, end, newText) in offsets { utf8.replaceSubrange(start..<end, with: Array(newText.utf8)) }
        return String(decoding: utf8, as: UTF8.self)
    }

    private func offset(_ utf8: [UInt8], _ position: JSON?) -> Int {
        let line = position?["line"]?.intValue ?? 0, character = position?["character"]?.intValue ?? 0
        let text = String(decoding: utf8, as: UTF8.self)
        var lineStart = text.utf8.startIndex
        for _ in 0..<line {
            guard let nl = text.utf8[lineStart...].firstIndex(of: 0x0A) else { break }
            lineStart = text.utf8.index(after: nl)
        }
        var index = lineStart
        var count = 0
        for scalar in text.unicodeScalars[lineStart...] {
            if count >= character || scalar == "\n" { break }
            switch encoding {
            case "utf-8": count += String(scalar).utf8.count
            case "utf-32": count += 1
            default: count += scalar.value > 0xFFFF ? 2 : 1
            }
            index = text.unicodeScalars.index(after: index)
        }
        return text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// The edits of a code action for `uri`, from `documentChanges` or `changes`.
    static func edits(of action: JSON, uri: String) -> [JSON] {
        if let changes = action["edit"]?["documentChanges"]?.arrayValue {
            return changes.filter { $0["textDocument"]?["uri"]?.stringValue == uri }.flatMap { $0["edits"]?.arrayValue ?? [] }
        }
        return action["edit"]?["changes"]?[uri]?.arrayValue ?? []
    }
}

/// The server did not answer a request in time.
struct NoAnswer: Error {
    let method: String
}
