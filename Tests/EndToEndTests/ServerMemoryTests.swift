import Foundation
import JSONValue
import XCTest

/// Issue 15, defect 11: one large `didOpen` keeps the server's peak under 4x its text plus
/// 20 MB, for the pages that cost most per byte: nothing but buttons (the model of each)
/// and nothing but short lines (the line index). Ordinary markup:
/// `ServerAbuseTests.testALargeDidOpenStaysUnderFourTimesItsSize`.
final class ServerMemoryTests: XCTestCase {
    static let button = #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" "#
        + #"data-state="{{ s }}" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"# + "\n"

    /// 27 MB, 165,000 buttons: each has a finding, so the findings cap is reached as well.
    /// The model is too large to keep, so the hover scans the page again: within the bound too.
    func testAPageOfNothingButButtonsStaysUnderFourTimesItsSize() throws {
        let (server, size) = try open(String(repeating: Self.button, count: 27_000_000 / Self.button.utf8.count))
        let pid = server.process.processIdentifier
        XCTAssertLessThan(try peakKilobytes(pid), (4 * size + 20_000_000) / 1024, "peak RSS for a text of \(size) bytes")
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///big.html"},"position":{"line":1000,"character":3}}}"#))
        let hover = server.nextMessage(seconds: 300, skipping: Conversation.ignoredMethods)
        XCTAssertEqual(hover?["id"]?.intValue, 1)
        XCTAssertTrue(hover?["result"]?["contents"]?["value"]?.stringValue?.contains("amoCRM OAuth button") ?? false, "\(String(describing: hover))")
        XCTAssertLessThan(try peakKilobytes(pid), (4 * size + 20_000_000) / 1024, "peak RSS after a hover, for a text of \(size) bytes")
        server.closeInput()
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
    }

    /// 20 MB of 10,000,000 two-byte lines, then an edit: the result of the old text (its line
    /// index holds that text) is let go before the new one is built.
    func testAPageOfShortLinesStaysUnderFourTimesItsSize() throws {
        let (server, size) = try open(String(repeating: "x\n", count: 10_000_000) + #"<div class="amocrm_oauth" data-color="Blue"></div>"#)
        let pid = server.process.processIdentifier
        XCTAssertLessThan(try peakKilobytes(pid), (4 * size + 20_000_000) / 1024, "peak RSS for a text of \(size) bytes")
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///big.html","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"y"}]}}"#))
        let published = server.nextMessage(seconds: 600, skipping: Conversation.ignoredMethods)
        XCTAssertEqual(published?["params"]?["version"], 2)
        XCTAssertLessThan(try peakKilobytes(pid), (4 * size + 20_000_000) / 1024, "peak RSS after an edit, for a text of \(size) bytes")
        server.closeInput()
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
    }

    /// A server with `text` open as `file:///big.html`, once its diagnostics are published (some are expected).
    private func open(_ text: String) throws -> (ServerProcess, size: Int) {
        let server = try ServerProcess()
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#))
        XCTAssertEqual(server.nextMessage()?["id"], 0)
        server.write(Conversation.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#))
        server.write(Conversation.frame(JSON.object(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": "file:///big.html", "languageId": "html", "version": 1, "text": .string(text)]]]).serialized()))
        let published = server.nextMessage(seconds: 600, skipping: Conversation.ignoredMethods)
        XCTAssertEqual(published?["method"], "textDocument/publishDiagnostics")
        XCTAssertFalse(published?["params"]?["diagnostics"]?.arrayValue?.isEmpty ?? true)
        return (server, text.utf8.count)
    }

    private func peakKilobytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
    }
}
