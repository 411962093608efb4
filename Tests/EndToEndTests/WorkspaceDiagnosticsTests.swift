import Foundation
import JSONValue
import XCTest

/// `workspace/diagnostic` on a tree as large as a real project: every file
/// reported, progress and partial results on the way, `unchanged` when pulled
/// again, and the server's memory flat.
final class WorkspaceDiagnosticsTests: XCTestCase {
    func testFiveThousandFilesWithProgressUnchangedAndBoundedMemory() throws {
        let tree = try Scratch()
        let button = #"<div class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-color="Blue" data-state="{{ s }}"></div>"#
        let filler = String(repeating: "<p>Кнопка amoCRM 🚀 и текст страницы</p>\n", count: 40)
        for i in 0..<5_000 {
            let text = i % 50 == 0 ? filler + button + "\n" : filler
            try tree.write("module\(i % 20)/views/page\(i).html", text)
        }
        let server = try ServerProcess()
        defer { server.terminate() }
        var nextID = 1
        func request(_ method: String, _ params: JSON) -> (answer: JSON?, progress: [JSON]) {
            let id = nextID
            nextID += 1
            server.write(Conversation.frame(JSON.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]).serialized()))
            var progress: [JSON] = []
            while let message = server.nextMessage(seconds: 120, skipping: Conversation.ignoredMethods) {
                if message["method"] == "$/progress" { progress.append(message["params"] ?? .null); continue }
                if message["id"]?.intValue == id { return (message, progress) }
            }
            return (nil, progress)
        }
        let capabilities: JSON = ["textDocument": ["diagnostic": [:]], "window": ["workDoneProgress": true]]
        _ = request("initialize", ["processId": .null, "rootUri": .string("file://" + tree.url.path), "capabilities": capabilities])
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#))

        let first = request("workspace/diagnostic", ["previousResultIds": [], "partialResultToken": "p", "workDoneToken": "w"])
        XCTAssertEqual(first.answer?["result"]?["items"]?.arrayValue?.count, 0, "with a partial-result token everything comes as progress")
        let reports = first.progress.filter { $0["token"] == "p" }.flatMap { $0["value"]?["items"]?.arrayValue ?? [] }
        XCTAssertEqual(reports.count, 5_000)
        XCTAssertEqual(reports.filter { ($0["items"]?.arrayValue?.count ?? 0) > 0 }.count, 100)
        let work = first.progress.filter { $0["token"] == "w" }.compactMap { $0["value"]?["kind"]?.stringValue }
        XCTAssertEqual(work.first, "begin")
        XCTAssertEqual(work.last, "end")
        XCTAssertGreaterThan(work.filter { $0 == "report" }.count, 10)

        // Pulled again with the result ids: nothing changed, so nothing is sent again.
        let previous: [JSON] = reports.map { ["uri": $0["uri"] ?? .null, "value": $0["resultId"] ?? .null] }
        let second = request("workspace/diagnostic", ["previousResultIds": .array(previous)])
        let again = second.answer?["result"]?["items"]?.arrayValue ?? []
        XCTAssertEqual(again.count, 5_000)
        XCTAssertTrue(again.allSatisfy { $0["kind"] == "unchanged" })

        // Peak memory of the whole run (the kernel's high-water mark).
        let status = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? 0
        XCTAssertGreaterThan(peak, 0, "no VmHWM in /proc: this test needs Linux")
        XCTAssertLessThan(peak, 64 * 1024, "peak RSS \(peak) kB")
    }

    /// A `$/cancelRequest` that arrives while the tree is being walked ends the request between files.
    func testCancelledWhileRunning() throws {
        let tree = try Scratch()
        let filler = String(repeating: "<p>Кнопка amoCRM 🚀 и текст страницы</p>\n", count: 200)
        for i in 0..<3_000 { try tree.write("m\(i % 10)/p\(i).html", filler + #"<div class="amocrm_oauth" data-color="Blue"></div>"#) }
        let server = try ServerProcess()
        defer { server.terminate() }
        func send(_ text: String) { server.write(Conversation.frame(text)) }
        send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file://\#(tree.url.path)","capabilities":{"textDocument":{"diagnostic":{}},"window":{"workDoneProgress":true}}}}"#)
        _ = server.nextMessage(seconds: 10, skipping: Conversation.ignoredMethods)
        send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        send(#"{"jsonrpc":"2.0","id":2,"method":"workspace/diagnostic","params":{"previousResultIds":[],"partialResultToken":"p","workDoneToken":"w"}}"#)
        // Once the walk has begun, cancel it.
        var reports = 0
        var answer: JSON?
        while let message = server.nextMessage(seconds: 60, skipping: Conversation.ignoredMethods) {
            if message["method"] == "$/progress" {
                if message["params"]?["value"]?["kind"] == "begin" { send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#) }
                reports += message["params"]?["value"]?["items"]?.arrayValue?.count ?? 0
                continue
            }
            if message["id"]?.intValue == 2 { answer = message; break }
        }
        XCTAssertEqual(answer?["error"]?["code"]?.intValue, -32800, "\(answer?.serialized() ?? "no answer")")
        XCTAssertLessThan(reports, 3_000)
        // The server goes on answering.
        send(#"{"jsonrpc":"2.0","id":3,"method":"shutdown","params":null}"#)
        XCTAssertEqual(server.nextMessage(seconds: 10, skipping: Conversation.ignoredMethods)?["id"]?.intValue, 3)
    }
}
