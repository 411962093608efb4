import Dispatch
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
                // (Up to a bound, so that a flood waits in the pipe, not in memory.)
                var events = [reader.next()]
                var bytes = 0
                while events.last != .end, reader.hasBufferedInput, bytes < Inbox.limit / 4, events.count < 1024 {
                    let event = reader.next()
                    if case .message(let body) = event { bytes += body.count }
                    events.append(event)
                }
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

/// Framed events waiting for the main thread. Bounded: when the main thread
/// falls behind, the reader stops reading, the pipe fills, and the client waits,
/// so a flood of messages cannot grow the server's memory.
final class Inbox: @unchecked Sendable {
    /// Bytes of message bodies waiting, at most (one larger message is still let through).
    static let limit = 1 << 20

    private var events: [FrameReader.Event] = []
    private var pendingBytes = 0
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    func post(_ batch: [FrameReader.Event]) {
        let size = batch.reduce(0) { total, event in
            if case .message(let body) = event { return total + body.count }
            return total
        }
        pthread_mutex_lock(&mutex)
        while pendingBytes > 0, pendingBytes + size > Inbox.limit { pthread_cond_wait(&changed, &mutex) }
        events += batch
        pendingBytes += size
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// Blocks until at least one event is there, then takes them all.
    func takeAll() -> [FrameReader.Event] {
        pthread_mutex_lock(&mutex)
        while events.isEmpty { pthread_cond_wait(&changed, &mutex) }
        let taken = events
        events = []
        pendingBytes = 0
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        return taken
    }
}
