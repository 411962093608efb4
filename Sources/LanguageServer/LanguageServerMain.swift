import Dispatch
import JSONRPC

/// Wires the server to standard input and output: a reader thread frames
/// messages into an inbox; the main thread handles them in batches, so a burst
/// of edits is linted once, for its last version.
public enum LanguageServerMain {
    public static func run() -> Int32 {
        let inbox = Inbox()
        let writer = FrameWriter(fileDescriptor: 1)
        DispatchQueue.global().async {
            var reader = FrameReader(fileDescriptor: 0)
            while true {
                // Everything already read is posted together, so a burst of edits arrives as one batch.
                var events = [reader.next()]
                while events.last != .end, reader.hasBufferedInput { events.append(reader.next()) }
                inbox.post(events)
                if events.last == .end { return }
            }
        }
        let server = Server(send: writer.send)
        while true {
            let batch = inbox.takeAll()
            if let code = server.handle(batch) { return code }
        }
    }
}

extension LanguageServerMain {
    /// Runs a whole session from bytes in memory, in one thread: the input is
    /// framed and handled in batches of `batchSize` events. For fuzzing and tests.
    /// Returns the exit status, or nil if the input ended the session without one.
    public static func replay(_ input: [UInt8], batchSize: Int = 4, send: @escaping (String) -> Void,
                              log: @escaping (String) -> Void = { _ in }) -> Int32?
    {
        var position = 0
        var reader = FrameReader(maximumMessageSize: 1 << 20) { buffer in
            let n = min(buffer.count, input.count - position, 4096)
            guard n > 0 else { return 0 }
            input.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + n]))
            }
            position += n
            return n
        }
        let server = Server(send: send, logSink: log)
        while true {
            var events: [FrameReader.Event] = []
            while events.count < batchSize, events.last != .end { events.append(reader.next()) }
            if let code = server.handle(events) { return code }
            if events.last == .end { return nil }
        }
    }
}

/// Framed events waiting for the main thread.
final class Inbox: @unchecked Sendable {
    private var events: [FrameReader.Event] = []
    private let lock = DispatchSemaphore(value: 1)
    private let available = DispatchSemaphore(value: 0)

    func post(_ batch: [FrameReader.Event]) {
        lock.wait()
        events += batch
        lock.signal()
        for _ in batch { available.signal() }
    }

    /// Blocks until at least one event is there, then takes them all.
    func takeAll() -> [FrameReader.Event] {
        available.wait()
        lock.wait()
        let taken = events
        events.removeAll(keepingCapacity: true)
        lock.signal()
        // Each taken event beyond the first was signalled too: consume those signals.
        for _ in 1..<max(1, taken.count) { available.wait() }
        return taken
    }
}
