#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files for checking into one buffer that it keeps: a worker checking
/// thousands of files allocates (and faults in) its memory once, not once a
/// file. What it read is valid until the next `read`. For `--fix`, which needs
/// the descriptor until the file is replaced, use `FileSystem.open`.
public final class FileReader {
    private var buffer: UnsafeMutableRawBufferPointer

    public init() { buffer = .allocate(byteCount: 1 << 16, alignment: 16) }
    deinit { buffer.deallocate() }

    public struct Read {
        public let bytes: UnsafeBufferPointer<UInt8>
        public let identity: FileIdentity
    }

    /// Files larger than this are left to `FileSystem.open` (nil from `read`): one
    /// with a needle would be copied out of the buffer, holding it twice.
    public static let largestBuffered = 1 << 20

    /// The file's bytes, refused as `FileSystem.open` refuses them (not a regular
    /// file, over `maximumSize`), with the same messages; nil for a file over
    /// `largestBuffered`. `knownRegular` (a walk saw a regular file) spares the
    /// look before opening.
    public func read(_ path: String, maximumSize: Int, knownRegular: Bool = false) throws(FileError) -> Read? {
        let (fd, info) = try FileSystem.openRegular(path, maximumSize: maximumSize, knownRegular: knownRegular)
        defer { close(fd) }
        let size = Int(info.st_size)
        if size > FileReader.largestBuffered { return nil }
        // One byte more than the size: a read that returns the size is at the end, with no second read.
        var count = 0
        var wanted = size + 1
        while true {
            if wanted > buffer.count { grow(to: wanted) }
            let n = systemRead(fd, buffer.baseAddress! + count, wanted - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: Platform.errorText())
            }
            if n == 0 { break }
            count += n
            if count > maximumSize { throw FileError(path: path, reason: FileSystem.overLimit(count, maximumSize, "--max-file-size")) }
            if count < wanted, count == size { break }
            // The file grew (or the read was short): read on, more at a time.
            if count == wanted { wanted = min(wanted * 2, maximumSize + 1) }
        }
        return Read(bytes: UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count),
                    identity: FileIdentity(info))
    }

    private func grow(to count: Int) {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, buffer.count * 2), alignment: 16)
        bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = bigger
    }
}
