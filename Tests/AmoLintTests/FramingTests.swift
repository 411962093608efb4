import JSONRPC
import Testing

/// `FrameReader` over input that arrives in pieces: wherever the reads split
/// the stream, every well-formed message after garbage comes out whole.
struct FramingTests {
    static func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    static let hoverBody = #"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.html"},"position":{"line":0,"character":0}}}"#
    static let hover = frame(hoverBody)

    /// A reader whose reads return exactly these chunks, one per call.
    static func reader(_ chunks: [[UInt8]], maximumMessageSize: Int = FrameReader.defaultMaximumMessageSize) -> FrameReader {
        var pending = chunks[...]
        var current: [UInt8] = []
        return FrameReader(maximumMessageSize: maximumMessageSize) { buffer in
            while current.isEmpty {
                guard let next = pending.popFirst() else { return 0 }
                current = next
            }
            let n = min(buffer.count, current.count)
            current.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            current.removeFirst(n)
            return n
        }
    }

    static func events(_ reader: inout FrameReader, limit: Int = 100) -> [FrameReader.Event] {
        var events: [FrameReader.Event] = []
        while events.count < limit {
            let event = reader.next()
            events.append(event)
            if event == .end { break }
        }
        return events
    }

    static func messages(_ events: [FrameReader.Event]) -> [String] {
        events.compactMap { if case .message(let body) = $0 { return String(decoding: body, as: UTF8.self) } else { return nil } }
    }

    /// Issue 15, defect 1: a junk header and the start of a request in one read,
    /// the rest of the request in a second read.
    @Test func aJunkHeaderThenARequestSplitAcrossTwoReads() {
        let junk = Array("X-Junk: \(String(repeating: "a", count: 5000))\r\n\r\n".utf8)
        var reader = Self.reader([junk + Self.hover.prefix(60), Array(Self.hover.dropFirst(60))])
        let events = Self.events(&reader)
        #expect(Self.messages(events) == [Self.hoverBody])
        #expect(events.contains { if case .malformed = $0 { return true } else { return false } })
        #expect(events.last == .end)
    }

    /// The same bytes, whatever the read sizes, give the same messages.
    @Test(arguments: [1, 2, 3, 7, 60, 61, 4096, 1 << 16])
    func everySplitGivesTheSameMessages(_ chunk: Int) {
        let junk = Array("X-Junk: \(String(repeating: "a", count: 5000))\r\n\r\n".utf8)
        let garbage = Array("garbage without a header\r\n\r\n".utf8) + Array(repeating: 0x61, count: 9000)
        let stream = junk + Self.hover + garbage + Self.hover + Array("\r\n".utf8) + Self.hover
        let chunks = stride(from: 0, to: stream.count, by: chunk).map { Array(stream[$0..<min($0 + chunk, stream.count)]) }
        var reader = Self.reader(chunks)
        let messages = Self.messages(Self.events(&reader))
        #expect(messages.count == 3)
        #expect(Set(messages).count == 1)
    }

    /// A length far over the limit (2^62) is reported, and the messages after it still come through.
    @Test func anAbsurdContentLengthIsReportedAndTheSessionGoesOn() {
        let lie = Array("Content-Length: 4611686018427387904\r\n\r\n{\"jsonrpc\":\"2.0\"}".utf8)
        var reader = Self.reader([lie, Self.hover, Self.hover])
        let events = Self.events(&reader)
        guard case .malformed(let reason)? = events.first else {
            Issue.record("expected a report first, got \(events)")
            return
        }
        #expect(reason.contains("4611686018427387904"))
        #expect(Self.messages(events).count == 2)
        #expect(events.last == .end)
    }

    /// Int.max as a length: no overflow in the skip arithmetic.
    @Test func theLargestLengthDoesNotOverflow() {
        var reader = Self.reader([Array("Content-Length: \(Int.max)\r\n\r\nabc".utf8), Self.hover])
        #expect(Self.messages(Self.events(&reader)).count == 1)
    }

    /// An over-limit message that is really sent is skipped whole; the next one is read.
    @Test func anOverLimitMessageIsSkippedWhole() {
        let big = Self.frame("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\(String(repeating: "b", count: 3000))\"}")
        let chunks = stride(from: 0, to: big.count, by: 100).map { Array(big[$0..<min($0 + 100, big.count)]) }
        var reader = Self.reader(chunks + [Self.hover], maximumMessageSize: 1000)
        let events = Self.events(&reader)
        #expect(events.filter { if case .malformed = $0 { return true } else { return false } }.count == 1)
        #expect(Self.messages(events).count == 1)
    }

    /// A header that starts with `Content-Length:` but never ends must not be read over and over.
    @Test func anUnterminatedContentLengthHeaderDoesNotLoop() {
        var reader = Self.reader([Array("Content-Length: 1".utf8) + Array(repeating: 0x61, count: 20_000), Self.hover])
        let events = Self.events(&reader)
        #expect(events.last == .end)
        #expect(Self.messages(events).count == 1)
    }

    /// `nextBuffered` never reads: a message cut in two is not waited for.
    @Test func nextBufferedDoesNotWaitForInput() {
        var reads = 0
        var reader = FrameReader { buffer in
            reads += 1
            guard reads == 1 else { return 0 }
            let bytes = Self.hover + Self.hover.prefix(10)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            return bytes.count
        }
        #expect(Self.messages([reader.next()]).count == 1)
        #expect(reader.nextBuffered() == nil)
        #expect(reads == 1)
    }
}
