import Dispatch
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLintIO
import JSONRPC

/// Wires the server to standard input and output: a reader thread frames
/// messages into an inbox; the main thread handles them in batches, so a burst
/// of edits is linted once, for its last version.
public enum LanguageServerMain {
    public static func run() -> Int32 {
        FreedMemory.keepLargeArraysMapped()
        let inbox = Inbox()
        let cancellations = Cancellations()
        let writer = FrameWriter(fileDescriptor: 1)
        DispatchQueue.global().async {
            var reader = FrameReader(fileDescriptor: 0)
            while true {
                // Everything already read is posted together, so a burst of edits arrives as one batch.
                // (Up to a bound, so that a flood waits in the pipe, not in memory.) Only the first
                // event may wait for input: one that is not complete yet never holds back the others.
                var events = [reader.next()]
                var cost = Inbox.cost(of: events[0])
                while events.last != .end, cost < Inbox.limit / 4, events.count < 1024, let event = reader.nextBuffered() {
                    cost += Inbox.cost(of: event)
                    events.append(event)
                }
                for event in events { cancellations.note(event) }
                inbox.post(events)
                if events.last == .end { return }
            }
        }
        let server = Server(send: writer.send, sendBytes: writer.send(bytes:))
        server.isCancelled = cancellations.contains
        while true {
            if let code = server.handle(inbox.takeAll()) { return code }
        }
    }
}

extension LanguageServerMain {
    /// Runs a whole session from bytes in memory, in one thread: the input is
    /// read `readSizes` bytes at a time (in turn), framed and handled in batches of
    /// up to `batchSize` events, as the reader thread of `run` forms them. For fuzzing and tests.
    /// Returns the exit status, or nil if the input ended the session without one.
    public static func replay(_ input: [UInt8], batchSize: Int = 4, readSizes: [Int] = [4096], send: @escaping (String) -> Void,
                              log: @escaping (String) -> Void = { _ in }) -> Int32?
    {
        var position = 0
        var reads = 0
        var reader = FrameReader(maximumMessageSize: 1 << 20) { buffer in
            let size = readSizes.isEmpty ? 4096 : max(1, readSizes[reads % readSizes.count])
            reads += 1
            let n = min(buffer.count, input.count - position, size)
            guard n > 0 else { return 0 }
            input.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + n]))
            }
            position += n
            return n
        }
        let server = Server(send: send, logSink: log)
        while true {
            var events = [reader.next()]
            while events.count < batchSize, events.last != .end, let event = reader.nextBuffered() { events.append(event) }
            let ended = events.last == .end
            if let code = server.handle(consume events) { return code }
            if ended { return nil }
        }
    }
}

/// Framed events waiting for the main thread. Bounded: when the main thread
/// falls behind, the reader stops reading, the pipe fills, and the client waits,
/// so a flood of messages cannot grow the server's memory. Every event counts,
/// a report of malformed input as much as a message, so a flood of junk headers
/// waits in the pipe too.
final class Inbox: @unchecked Sendable {
    /// Bytes of events waiting, at most (one larger message is still let through).
    static let limit = 1 << 20
    /// What an event costs besides its bytes: the enum, the array slot, the allocation's header.
    static let overhead = 64

    static func cost(of event: FrameReader.Event) -> Int {
        switch event {
        case .message(let body): return overhead + body.count
        case .malformed(let reason): return overhead + reason.utf8.count
        case .end: return overhead
        }
    }

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
        let size = batch.reduce(0) { $0 + Inbox.cost(of: $1) }
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

/// Request ids the client cancelled, noted by the reader thread as messages
/// arrive, so that a long handler on the main thread can stop between files.
final class Cancellations: @unchecked Sendable {
    private var ids: Set<RequestID> = []
    private let lock = Lock()

    func note(_ event: FrameReader.Event) {
        // Cheap test first: only a body naming the method is decoded.
        guard case .message(let body) = event, body.count < 4096,
              Lexing.contains("$/cancelRequest", in: body),
              case .success(.notification(_, let params)) = Message.decode(body),
              let id = params["id"].flatMap(RequestID.init)
        else { return }
        lock.locked { _ = ids.insert(id) }
    }

    func contains(_ id: RequestID) -> Bool { lock.locked { ids.contains(id) } }
}

private enum Lexing {
    static func contains(_ needle: StaticString, in bytes: [UInt8]) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        for i in 0...(bytes.count - count) where bytes[i] == needle.utf8Start[0] {
            var k = 1
            while k < count, bytes[i + k] == needle.utf8Start[k] { k += 1 }
            if k == count { return true }
        }
        return false
    }
}
