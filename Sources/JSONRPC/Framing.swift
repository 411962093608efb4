#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `Content-Length`-framed messages from a byte stream. A malformed header
/// or an oversized body is reported and skipped: the reader resynchronises on the
/// next `Content-Length:` header and the session goes on. It never allocates more
/// than `maximumMessageSize` for a body, whatever a header claims.
public struct FrameReader {
    public enum Event: Equatable {
        /// A complete message body.
        case message([UInt8])
        /// Something wrong in the stream; the reader has skipped past it.
        case malformed(String)
        /// End of input (or a read error).
        case end
    }

    /// 64 MiB: far above any page an editor sends, far below what would hurt the machine.
    public static let defaultMaximumMessageSize = 64 << 20

    private let read: (UnsafeMutableRawBufferPointer) -> Int
    private let maximumMessageSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

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

    /// Bytes already read and not yet returned (a further message may be complete).
    public var hasBufferedInput: Bool { buffer[start...].contains { $0 != 0x0D && $0 != 0x0A } }

    public mutating func next() -> Event {
        while true {
            // Headers end at the first blank line.
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], from: start) else {
                if buffer.count - start > 8192 {
                    // No header terminator in 8 KiB: garbage. Keep the tail in case a header starts there.
                    return resync(reason: "no message header in the input; skipped to the next header")
                }
                if !fill() { return atEndEvent() }
                continue
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            var length: Int?
            var problem: String?
            for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
                guard let colon = line.firstIndex(of: ":") else { problem = "malformed header line '\(line.prefix(80))'"; break }
                let name = line[..<colon].trimmingSpaces().lowercased()
                let value = line[line.index(after: colon)...].trimmingSpaces()
                if name == "content-length" {
                    guard let n = Int(value), n >= 0 else { problem = "invalid Content-Length '\(value.prefix(40))'"; break }
                    length = n
                }
            }
            if problem == nil, length == nil { problem = "a header without Content-Length" }
            if let problem {
                start = headerEnd + 4
                return resync(reason: problem)
            }
            let bodyStart = headerEnd + 4
            guard let length else { continue }
            if length > maximumMessageSize {
                start = bodyStart
                return discard(length, reason: "a message of \(length) bytes is over the \(maximumMessageSize)-byte limit; skipped")
            }
            while buffer.count - bodyStart < length {
                if !fill() {
                    start = buffer.count
                    return atEnd ? .malformed("the input ended inside a message body") : .end
                }
            }
            let body = Array(buffer[bodyStart..<bodyStart + length])
            start = bodyStart + length
            compact()
            return .message(body)
        }
    }

    // MARK: Buffer

    private mutating func fill() -> Bool {
        if atEnd { return false }
        compact()
        let chunk = 1 << 16
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let n = buffer.withUnsafeMutableBytes { read(UnsafeMutableRawBufferPointer(rebasing: $0[old...])) }
        buffer.removeLast(chunk - max(0, n))
        if n <= 0 { atEnd = true; return false }
        return true
    }

    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 || start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private mutating func atEndEvent() -> Event {
        let leftover = buffer[start...].contains { $0 != 0x0D && $0 != 0x0A && $0 != 0x20 }
        start = buffer.count
        return leftover ? .malformed("the input ended inside a message header") : .end
    }

    /// Skips to the next `Content-Length` header.
    private mutating func resync(reason: String) -> Event {
        let marker = Array("Content-Length:".utf8)
        while true {
            if let found = findCaseInsensitive(marker, from: start) {
                start = found
                return .malformed(reason)
            }
            // Keep a marker's length of tail: the header may straddle two reads.
            start = max(start, buffer.count - marker.count)
            if !fill() {
                start = buffer.count
                return .malformed(reason)
            }
        }
    }

    /// Drops `count` bytes of body without holding them.
    private mutating func discard(_ count: Int, reason: String) -> Event {
        var left = count
        while left > 0 {
            let available = buffer.count - start
            if available == 0 {
                if !fill() { return .malformed(reason) }
                continue
            }
            let n = min(left, available)
            start += n
            left -= n
            compact()
        }
        return .malformed(reason)
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

    private func findCaseInsensitive(_ pattern: [UInt8], from: Int) -> Int? {
        var i = from
        while i + pattern.count <= buffer.count {
            var k = 0
            while k < pattern.count, buffer[i + k] | 0x20 == pattern[k] | 0x20 { k += 1 }
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
        var frame = "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        frame.withUTF8 { bytes in
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
