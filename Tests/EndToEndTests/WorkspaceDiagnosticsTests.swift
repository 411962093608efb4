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
}
