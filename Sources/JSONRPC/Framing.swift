#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `Content-Length`-framed messages from a byte stream. A malformed header
/// or an oversized body is reported and skipped: the reader resynchronises on the
/// next `Content-Length:` header and the session goes on. It never allocates more
/// than `maximumMessageSize` for a body, whatever a header claims.
///
/// Every position in the buffer is relative to `start`, the first byte not yet
/// consumed, and nothing is computed from an offset that a read could move: a
/// read may compact the buffer, so after one the state is re-read from `start`.
public struct FrameReader {
    public enum Event: Equatable {
        /// A complete message body.
        case message([UInt8])
        /// Something wrong in the stream; the reader skips past it (before the next event).
        case malformed(String)
        /// End of input (or a read error).
        case end
    }

    /// 64 MiB: far above any page an editor sends, far below what would hurt the machine.
    public static let defaultMaximumMessageSize = 64 << 20
    /// A header block without its blank line after this many bytes is garbage.
    static let maximumHeaderSize = 8192

    private let read: (UnsafeMutableRawBufferPointer) -> Int
    private let maximumMessageSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Looking for the next `Content-Length:` from `start` (after a malformed header).
    private var resynchronising = false
    /// Bytes of an over-limit body still to drop; a header that cannot be part of a
    /// JSON body ends the skip early, so a length no client will ever send cannot eat the session.
    private var skipping = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    /// `read` fills the buffer and returns the byte count, 0 at end of input, < 0 on error.
    public init(maximumMessageSize: Int = defaultMaximumMessageSize, read: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
        self.read = read
        self.maximumMessageSize = maximumMessageSize
    }

    /// Reads from a file descriptor (standard input by default).
    public init(fileDescriptor: Int32 = 0, maximumMessageSize: Int = defaultMaximumMessageSize) {
        self.init(maximumMessageSize: maximumMessageSize) { buffer in
            while true {
                let n = systemRead(fileDescriptor, buffer.baseAddress, buffer.count)
                if n < 0, errno == EINTR { continue }
                return n
            }
        }
    }

    /// Bytes read and not yet consumed (what the reader holds besides its fixed read buffer).
    public var bufferedByteCount: Int { buffer.count - start }

    /// The next event, reading as much input as it needs.
    public mutating func next() -> Event {
        // With reads allowed, a step always ends with an event.
        step(mayRead: true) ?? .end
    }

    /// The next event if the bytes already read hold one; nil when it would have to wait for input.
    public mutating func nextBuffered() -> Event? {
        step(mayRead: false)
    }

    private mutating func step(mayRead: Bool) -> Event? {
        while true {
            if skipping > 0 {
                guard skipOverLimitBody() else {
                    guard mayRead else { return nil }
                    if !fill() { return atEndEvent() }
                    continue
                }
            }
            if resynchronising {
                guard skipToNextHeader() else {
                    guard mayRead else { return nil }
                    if !fill() { return atEndEvent() }
                    continue
                }
            }
            // Headers end at the first blank line.
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], from: start) else {
                if buffer.count - start > Self.maximumHeaderSize {
                    // No header terminator in 8 KiB: garbage. A header may start anywhere after its first byte.
                    start += 1
                    resynchronising = true
                    return .malformed("no message header in the input; skipped to the next header")
                }
                guard mayRead else { return nil }
                if !fill() { return atEndEvent() }
                continue
            }
            let length: Int
            switch Self.parseHeader(buffer[start..<headerEnd]) {
            case .failure(let problem):
                // A header may start inside this one (garbage glued to a real header): look from the next byte.
                start += 1
                resynchronising = true
                return .malformed(problem.reason)
            case .success(let n):
                length = n
            }
            if length > maximumMessageSize {
                start = headerEnd + 4
                skipping = length
                return .malformed("a message of \(length) bytes is over the \(maximumMessageSize)-byte limit; skipped")
            }
            let bodyStart = headerEnd + 4
            guard buffer.count - bodyStart >= length else {
                guard mayRead else { return nil }
                // Reserve the whole body once, instead of growing the buffer read by read.
                buffer.reserveCapacity(bodyStart + length + 1)
                if !fill() { return atEndEvent() }
                // The read may have compacted the buffer: start again from `start`.
                continue
            }
            start = bodyStart + length
            return .message(takeBody(from: bodyStart, length: length))
        }
    }

    struct HeaderProblem: Error { let reason: String }

    static func parseHeader(_ bytes: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
        let header = String(decoding: bytes, as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return .failure(HeaderProblem(reason: "malformed header line '\(line.prefix(80))'")) }
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard let n = Int(value), n >= 0 else { return .failure(HeaderProblem(reason: "invalid Content-Length '\(value.prefix(40))'")) }
                length = n
            }
        }
        guard let length else { return .failure(HeaderProblem(reason: "a header without Content-Length")) }
        return .success(length)
    }

    // MARK: Buffer

    /// The body, moved out of the buffer when it is most of it (a large message is then never held twice).
    private mutating func takeBody(from bodyStart: Int, length: Int) -> [UInt8] {
        let end = bodyStart + length
        guard length > 1 << 16, end == buffer.count else {
            let body = Array(buffer[bodyStart..<end])
            compact()
            return body
        }
        var body: [UInt8] = []
        swap(&body, &buffer)
        start = 0
        body.removeFirst(bodyStart)
        return body
    }

    private mutating func fill() -> Bool {
        if atEnd { return false }
        compact()
        let n = scratch.withUnsafeMutableBytes { read($0) }
        if n <= 0 {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: scratch[0..<n])
        return true
    }

    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 || start > 1 << 20 {
            if buffer.capacity > 1 << 22, buffer.count - start < buffer.capacity / 4 {
                // Let a large message's storage go.
                buffer = Array(buffer[start...])
            } else {
                buffer.removeFirst(start)
            }
            start = 0
        }
    }

    private mutating func atEndEvent() -> Event {
        // What was being skipped is reported already.
        let leftover = skipping == 0 && !resynchronising && buffer[start...].contains { $0 != 0x0D && $0 != 0x0A && $0 != 0x20 }
        start = buffer.count
        skipping = 0
        resynchronising = false
        return leftover ? .malformed("the input ended inside a message") : .end
    }

    /// Moves `start` to the next `Content-Length:`; false when the bytes read hold none yet.
    private mutating func skipToNextHeader() -> Bool {
        let marker = Self.marker
        if let found = findCaseInsensitive(marker, from: start) {
            start = found
            resynchronising = false
            return true
        }
        // Keep a marker's length of tail: the header may straddle two reads.
        start = max(start, buffer.count - marker.count)
        return false
    }

    /// Drops what is buffered of an over-limit body; true when the skip is over.
    /// Stops early at `Content-Length: <digits>\r\n`, which a JSON body cannot hold (a raw
    /// line break is not allowed inside a JSON string, nor a bare word outside one).
    private mutating func skipOverLimitBody() -> Bool {
        let available = buffer.count - start
        let window = min(skipping, available)
        if let header = findHeaderLine(from: start, before: start + window) {
            start = header
            skipping = 0
            return true
        }
        if skipping <= available {
            start += skipping
            skipping = 0
            return true
        }
        // Keep a tail where a header may begin, to look again with more bytes.
        let drop = max(0, available - Self.headerLineProbe)
        start += drop
        skipping -= drop
        return false
    }

    static let marker = Array("content-length:".utf8)
    /// How far a `Content-Length: N\r\n` line can reach (spaces and leading zeros beyond are not looked for).
    static let headerLineProbe = 128

    /// The first `Content-Length:` at or after `from` and before `before` that is followed by a length and CRLF.
    private func findHeaderLine(from: Int, before: Int) -> Int? {
        var i = from
        while i < before, let found = findCaseInsensitive(Self.marker, from: i), found < before {
            var k = found + Self.marker.count
            while k < buffer.count, buffer[k] == 0x20 || buffer[k] == 0x09 { k += 1 }
            let digits = k
            while k < buffer.count, buffer[k] >= 0x30, buffer[k] <= 0x39 { k += 1 }
            while k < buffer.count, buffer[k] == 0x20 || buffer[k] == 0x09 { k += 1 }
            if k > digits, k + 1 < buffer.count, buffer[k] == 0x0D, buffer[k + 1] == 0x0A { return found }
            i = found + 1
        }
        return nil
    }

    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        var i = from
        while i + pattern.count <= buffer.count {
            if buffer[i] == pattern[0] {
                var k = 1
                while k < pattern.count, buffer[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// `pattern` must be lowercase.
    private func findCaseInsensitive(_ pattern: [UInt8], from: Int) -> Int? {
        var i = from
        while i + pattern.count <= buffer.count {
            var k = 0
            while k < pattern.count, Self.lowercased(buffer[i + k]) == pattern[k] { k += 1 }
            if k == pattern.count { return i }
            i += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

/// Writes framed messages, each with one `write` call sequence under a lock, so
/// that output from several threads never interleaves and nothing sits in a buffer.
public final class FrameWriter: @unchecked Sendable {
    private let fileDescriptor: Int32
    private var mutex = pthread_mutex_t()

    public init(fileDescriptor: Int32 = 1) {
        self.fileDescriptor = fileDescriptor
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    public func send(_ body: String) {
        var body = body
        body.withUTF8 { send(bytes: $0) }
    }

    /// Sends a body already in UTF-8 (a large `publishDiagnostics` is built as bytes:
    /// no `String` to validate and no second copy with the header in front).
    public func send(bytes body: UnsafeBufferPointer<UInt8>) {
        let header = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        header.withUnsafeBufferPointer { writeAll($0) }
        writeAll(body)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = systemWrite(fileDescriptor, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            p += n
            left -= n
        }
    }
}

// `read(2)` and `write(2)` under names that do not clash with members called `read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.write(fd, buffer, count)
    #else
    return Glibc.write(fd, buffer, count)
    #endif
}
