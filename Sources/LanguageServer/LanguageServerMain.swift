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
