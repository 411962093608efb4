import Foundation
import JSONValue
import XCTest

/// The server under abuse: each case gets the answer the spec prescribes, the
/// session goes on, and end of input ends the process promptly.
final class ServerAbuseTests: XCTestCase {
    func initialize(_ server: ServerProcess) throws {
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#))
        XCTAssertEqual(server.nextMessage()?["id"], 0)
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#))
    }

    func testABodyCutOffByEndOfInputEndsTheProcess() throws {
        let server = try ServerProcess()
        try initialize(server)
        server.write("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",")
        server.closeInput()
        // No waiting for the rest of the body: the process ends (well within the generous bound).
        XCTAssertEqual(server.waitForExit(seconds: 5), 0)
    }

    func testTenThousandRequestsInOneBurstAreAllAnsweredInOrder() throws {
        let server = try ServerProcess()
        try initialize(server)
        var burst = ""
        for id in 1...10_000 { burst += Conversation.frame(#"{"jsonrpc":"2.0","id":\#(id),"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nope.html"},"position":{"line":0,"character":0}}}"#) }
        server.write(burst)
        for id in 1...10_000 {
            guard let answer = server.nextMessage(skipping: Conversation.ignoredMethods) else { return XCTFail("no answer to \(id)") }
            XCTAssertEqual(answer["id"]?.intValue, id)
            if answer["id"]?.intValue != id { return }
        }
        assertCleanExit(server)
    }

    static let hover = Conversation.frame(#"{"jsonrpc":"2.0","id":42,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nope.html"},"position":{"line":0,"character":0}}}"#)

    /// Issue 15, defect 1: a junk header and the first 60 bytes of a request in
    /// one write, the rest in a second write. The request and the next one are answered.
    func testARequestAfterAJunkHeaderArrivingInTwoWritesIsAnswered() throws {
        let server = try ServerProcess()
        try initialize(server)
        let request = Array(Self.hover.utf8)
        server.write("X-Junk: " + String(repeating: "a", count: 5000) + "\r\n\r\n" + String(decoding: request.prefix(60), as: UTF8.self))
        // Let the server read the first write on its own (the answer waits for the second either way).
        Thread.sleep(forTimeInterval: 0.2)
        server.write(String(decoding: request.dropFirst(60), as: UTF8.self))
        assertAnswered(server, id: 42, within: 10)
        server.write(Self.hover.replacingOccurrences(of: "\"id\":42", with: "\"id\":43"))
        assertAnswered(server, id: 43, within: 10)
        assertCleanExit(server)
    }

    /// `Content-Length: 2^62` is reported (on stderr) and skipped; the requests after it are answered.
    func testAnAbsurdContentLengthDoesNotEndTheSession() throws {
        let server = try ServerProcess()
        try initialize(server)
        server.write("Content-Length: 4611686018427387904\r\n\r\n{\"jsonrpc\":\"2.0\",")
        server.write(Self.hover)
        assertAnswered(server, id: 42, within: 10)
        assertCleanExit(server)
    }

    /// Issue 15, defect 11: reports of malformed input count against the inbox bound like
    /// messages, so a flood of bad headers waits in the pipe, not in the server's memory,
    /// while the main thread is held up (here: by a stderr nobody reads for a while).
    func testAFloodOfBadHeadersWaitsInThePipe() throws {
        let errors = Pipe()
        let server = try ServerProcess(standardError: errors)
        try initialize(server)
        let before = try residentKilobytes(server.process.processIdentifier)
        let junk = String(repeating: "Content-Length: x\r\n\r\n", count: 50_000)
        let writer = Thread { for _ in 0..<20 { server.write(junk) } }  // 21 MB, a million bad headers
        writer.start()
        // The server stalls on its full stderr after a few hundred log lines. Before the fix its
        // reader went on reading the whole flood into memory; now it stops at the inbox bound.
        // (Unbounded, it grew by about 7 MB a second in a debug build.)
        let deadline = Date().addingTimeInterval(8)
        var during = before
        while !writer.isFinished, Date() < deadline, during - before < 16 * 1024 {
            Thread.sleep(forTimeInterval: 0.05)
            during = try residentKilobytes(server.process.processIdentifier)
        }
        XCTAssertLessThan(during - before, 16 * 1024, "RSS grew from \(before) kB to \(during) kB")
        // Once stderr is read, everything is handled and the next request is answered.
        let drain = Thread { _ = errors.fileHandleForReading.readDataToEndOfFile() }
        drain.start()
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        server.write(Self.hover)
        assertAnswered(server, id: 42, within: 120)
        assertCleanExit(server)
    }

    /// Issue 15, defect 11: a 54 MB `didOpen` of ordinary markup keeps the server's peak
    /// under 4x the text plus 20 MB. (Pages of nothing but buttons or short lines: `ServerMemoryTests`.)
    func testALargeDidOpenStaysUnderFourTimesItsSize() throws {
        let server = try ServerProcess()
        try initialize(server)
        let line = #"<div class="row"><p>Привет, amoCRM 🚀 text text text</p><a href="https://example.com/x">link</a></div>"# + "\n"
        var text = String(repeating: line, count: 54_000_000 / line.utf8.count)
        text += #"<div class="amocrm_oauth" data-color="Blue"></div>"#
        let size = text.utf8.count
        server.write(Conversation.frame(JSON.object(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": "file:///big.html", "languageId": "html", "version": 1, "text": .string(text)]]]).serialized()))
        text = ""
        let published = server.nextMessage(seconds: 300, skipping: Conversation.ignoredMethods)
        XCTAssertEqual(published?["method"], "textDocument/publishDiagnostics")
        XCTAssertFalse(published?["params"]?["diagnostics"]?.arrayValue?.isEmpty ?? true)
        let peak = try peakKilobytes(server.process.processIdentifier)
        XCTAssertLessThan(peak, (4 * size + 20_000_000) / 1024, "peak RSS \(peak) kB for a text of \(size) bytes")
        server.closeInput()
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
    }

    /// Memory after 100,000 edits to one document stays within 10 MB of memory after the first 1,000.
    func testMemoryStaysFlatOverAHundredThousandEdits() throws {
        let server = try ServerProcess()
        try initialize(server)
        let uri = "file:///mem/page.html"
        let text = String(repeating: "<p>Привет, amoCRM 🚀</p>\n", count: 200) + #"<div class="amocrm_oauth" data-color="x"></div>"#
        server.write(Conversation.frame(JSON.object(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": .string(uri), "languageId": "html", "version": 1, "text": .string(text)]]]).serialized()))
        var version = 1
        func edits(_ count: Int) {
            var chunk = ""
            for _ in 0..<count {
                version += 1
                let insert = version % 2 == 0
                let range = insert ? #"{"start":{"line":3,"character":3},"end":{"line":3,"character":3}}"# : #"{"start":{"line":3,"character":3},"end":{"line":3,"character":4}}"#
                chunk += Conversation.frame(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"range":\#(range),"text":"\#(insert ? "ж" : "")"}]}}"#)
                if chunk.utf8.count > 200_000 { server.write(chunk); chunk = "" }
            }
            server.write(chunk)
            // A request answered after the edits proves they were all handled.
            server.write(Conversation.frame(#"{"jsonrpc":"2.0","id":"sync-\#(version)","method":"shutdown-probe","params":{}}"#))
            while let message = server.nextMessage(seconds: 60), message["id"]?.stringValue != "sync-\(version)" {}
        }
        edits(1_000)
        let early = try residentKilobytes(server.process.processIdentifier)
        edits(99_000)
        let late = try residentKilobytes(server.process.processIdentifier)
        XCTAssertLessThan(late - early, 10 * 1024, "RSS grew from \(early) kB to \(late) kB")
        assertCleanExit(server)
    }

    /// VS Code's client starts `amolint server --stdio`; with `trace` set the
    /// server's logs reach the client as `$/logTrace`.
    func testStdioFlagAndTracesToTheClient() throws {
        let server = try ServerProcess(arguments: ["server", "--stdio"])
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"trace":"verbose","capabilities":{}}}"#))
        XCTAssertEqual(server.nextMessage()?["id"], 0)
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#))
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never-opened.html","version":2},"contentChanges":[{"text":"x"}]}}"#))
        let trace = server.nextMessage()
        XCTAssertEqual(trace?["method"], "$/logTrace")
        XCTAssertTrue(trace?["params"]?["message"]?.stringValue?.contains("not open") ?? false, "\(String(describing: trace))")
        assertCleanExit(server)
    }

    func residentKilobytes(_ pid: Int32, field: String = "VmRSS:") throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix(field) })
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
    }

    /// The process's peak resident memory so far.
    func peakKilobytes(_ pid: Int32) throws -> Int { try residentKilobytes(pid, field: "VmHWM:") }

    /// The next message (notifications the conversations ignore aside) answers request `id`.
    func assertAnswered(_ server: ServerProcess, id: Int, within seconds: Double, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(server.nextMessage(seconds: seconds, skipping: Conversation.ignoredMethods)?["id"]?.intValue, id, file: file, line: line)
    }

    /// End of input ends the server with status 0.
    func assertCleanExit(_ server: ServerProcess, file: StaticString = #filePath, line: UInt = #line) {
        server.closeInput()
        XCTAssertEqual(server.waitForExit(seconds: 5), 0, file: file, line: line)
    }
}
