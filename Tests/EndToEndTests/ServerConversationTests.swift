import Foundation
import JSONValue
import XCTest

/// Replays the conversations kept in `protocol/conversations/` against the
/// built `amolint server`, through pipes, as an editor would speak to it. The
/// JSON files are the contract: any client author can replay them too.
final class ServerConversationTests: XCTestCase {
    static var folder: URL { Amolint.packageRoot.appendingPathComponent("protocol/conversations") }

    func testEveryConversation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for name in files {
            try Conversation.replay(Self.folder.appendingPathComponent(name), name: name)
        }
    }
}

/// One recorded conversation: files to create, then steps to send and expect.
enum Conversation {
    /// Server messages no conversation asserts on (their text is free to change).
    static let ignoredMethods: Set<String> = ["$/logTrace", "window/logMessage"]

    static func replay(_ url: URL, name: String) throws {
        let workspace = try Scratch()
        let raw = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "${workspaceUri}", with: "file://" + workspace.url.path)
            .replacingOccurrences(of: "${workspace}", with: workspace.url.path)
        let conversation = try JSON.parse(raw)
        for (path, content) in conversation["files"]?.objectValue ?? [:] {
            try workspace.write(path, content.stringValue ?? content.serialized())
        }
        let server = try ServerProcess()
        defer { server.terminate() }
        for (index, step) in (conversation["steps"]?.arrayValue ?? []).enumerated() {
            let at = "\(name) step \(index + 1)"
            if let message = step["send"] {
                server.write(frame(message.serialized()))
            } else if let messages = step["sendBatch"]?.arrayValue {
                server.write(messages.map { frame($0.serialized()) }.joined())
            } else if let text = step["sendRaw"]?.stringValue {
                server.write(text)
            } else if let pattern = step["expect"] {
                guard let actual = server.nextMessage(skipping: ignoredMethods) else {
                    XCTFail("\(at): no message from the server; expected \(pattern.serialized())")
                    return
                }
                if let mismatch = Match.check(pattern, actual, path: "$") {
                    XCTFail("\(at): \(mismatch)\n  expected ⊆ \(pattern.serialized())\n  actual    \(actual.serialized())")
                    return
                }
            } else if let file = step["writeFile"] {
                try workspace.write(file["path"]?.stringValue ?? "", file["content"]?.stringValue ?? file["content"]?.serialized() ?? "")
            } else if step["close"] != nil {
                server.closeInput()
            } else if let code = step["expectExit"]?.intValue {
                let status = server.waitForExit(seconds: 3)
                XCTAssertEqual(status, Int32(code), "\(at): exit status")
            } else if step["comment"] == nil {
                XCTFail("\(at): unknown step \(step.serialized())")
            }
        }
    }

    static func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }
}

/// Subset matching: every key of the expected object must match; arrays match
/// element by element and in length; `"<any>"` matches any value, `"<absent>"`
/// asserts that a key is missing.
enum Match {
    static func check(_ expected: JSON, _ actual: JSON?, path: String) -> String? {
        if expected == "<absent>" { return actual == nil ? nil : "\(path) should be absent" }
        guard let actual else { return "\(path) is missing" }
        if expected == "<any>" { return nil }
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            for (key, value) in e.sorted(by: { $0.key < $1.key }) {
                if let problem = check(value, a[key], path: path + "." + key) { return problem }
            }
            return nil
        case (.array(let e), .array(let a)):
            guard e.count == a.count else { return "\(path) has \(a.count) elements, expected \(e.count)" }
            for (i, (x, y)) in zip(e, a).enumerated() {
                if let problem = check(x, y, path: "\(path)[\(i)]") { return problem }
            }
            return nil
        default:
            return expected == actual ? nil : "\(path) is \(actual.serialized()), expected \(expected.serialized())"
        }
    }
}

/// `amolint server` with its pipes, and a reader that frames its output.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe(), output = Pipe()
    private let lock = NSCondition()
    private var buffer = Data()
    private var ended = false

    init(arguments: [String] = ["server"], standardError: Any = FileHandle.nullDevice) throws {
        process.executableURL = Amolint.binary
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = standardError
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                lock.lock()
                if data.isEmpty { ended = true } else { buffer.append(data) }
                lock.broadcast()
                lock.unlock()
                if data.isEmpty { return }
            }
        }
    }

    func write(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// The next framed message, or nil when none comes within `seconds`.
    func nextMessage(seconds: Double = 5, skipping ignored: Set<String> = []) -> JSON? {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let (body, consumed) = Self.frame(in: buffer) {
                buffer.removeFirst(consumed)
                guard let json = try? JSON.parse(Array(body)) else { return .string("<unparseable: \(String(decoding: body, as: UTF8.self))>") }
                if let method = json["method"]?.stringValue, ignored.contains(method) { continue }
                return json
            }
            if ended || !lock.wait(until: deadline) { return nil }
        }
    }

    private static func frame(in data: Data) -> (Data, Int)? {
        guard let headerEnd = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let header = String(decoding: data[data.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        else { return nil }
        let bodyStart = headerEnd.upperBound
        guard data.distance(from: bodyStart, to: data.endIndex) >= length else { return nil }
        let end = data.index(bodyStart, offsetBy: length)
        return (data[bodyStart..<end], data.distance(from: data.startIndex, to: end))
    }

    /// Waits for the process to end; nil if it is still running after `seconds`.
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func terminate() {
        closeInput()
        if waitForExit(seconds: 2) == nil { process.terminate() }
    }
}
