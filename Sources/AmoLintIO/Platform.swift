#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint

/// The few operating-system calls the command line needs, without Foundation:
/// it keeps the binary small and its start-up fast (it runs on every commit).
public enum Platform {
    public static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }


    /// Writes everything, retrying on partial writes and EINTR.
    public static func write(_ fd: Int32, _ text: String) {
        var text = text
        _ = text.withUTF8 { write(fd, $0) }
    }

    /// Returns the error text when the write failed.
    @discardableResult
    public static func write(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard var p = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errorText()
            }
            p += n
            left -= n
        }
        return nil
    }

    private static func systemWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, p, count)
        #else
        return Glibc.write(fd, p, count)
        #endif
    }

    /// Reads to the end; stops one byte past `limit` (so that the caller can tell the input was over it).
    public static func readAll(_ fd: Int32, limit: Int = Int.max) -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return out }
            out += chunk[0..<n]
            if out.count > limit { return out }
        }
    }
}

public struct FileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Files and folders through POSIX calls. Paths are Swift strings; a name that is
/// not valid UTF-8 travels through them losslessly (see `Paths.decode`).
public enum FileSystem {
    public enum Kind: Sendable { case file, directory, other, missing }

    public struct Status {
        public let kind: Kind
        public let mode: mode_t
        public let size: Int
        public let isSymlink: Bool
        public let identity: FileIdentity
        /// The type bits of `st_mode` (`S_IFREG`, `S_IFIFO` …).
        public let type: mode_t
    }

    /// 64 MiB: far above any page or template, far below what would hurt the machine.
    public static let defaultMaximumFileSize = 64 << 20

    /// `stat` (following links) or, with `followLinks: false`, `lstat`.
    public static func status(_ path: String, followLinks: Bool = true) -> Status? {
        var s = stat()
        let rc = Paths.withCString(path) { followLinks ? stat($0, &s) : lstat($0, &s) }
        guard rc == 0 else { return nil }
        let type = s.st_mode & S_IFMT
        let kind: Kind = type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
        return Status(kind: kind, mode: s.st_mode & 0o7777, size: Int(s.st_size), isSymlink: type == S_IFLNK,
                      identity: FileIdentity(s), type: type)
    }

    /// The whole content of a regular file (see `open`).
    public static func read(_ path: String, maximumSize: Int = defaultMaximumFileSize, limitName: String = "--max-file-size") throws(FileError) -> [UInt8] {
        try open(path, maximumSize: maximumSize, limitName: limitName).bytes
    }

    /// Opens and reads a regular file of at most `maximumSize` bytes. Anything else
    /// (a folder, a FIFO, a device, a socket) is refused before a byte is read: it is
    /// opened with `O_NONBLOCK`, so a FIFO cannot block, and never read, so `/dev/zero`
    /// cannot fill the memory. The descriptor stays open with the result, for `replace`.
    /// `limitName` is what a message over the limit names as its source.
    public static func open(_ path: String, maximumSize: Int = defaultMaximumFileSize, limitName: String = "--max-file-size") throws(FileError) -> OpenFile {
        let (fd, opened) = try openRegular(path, maximumSize: maximumSize, limitName: limitName)
        var info = opened
        var ok = false
        defer { if !ok { close(fd) } }
        // A file that changes while it is read is read again, so `bytes` and `info` agree.
        var bytes: [UInt8] = []
        for attempt in 0..<3 {
            if Int(info.st_size) > maximumSize { throw FileError(path: path, reason: overLimit(Int(info.st_size), maximumSize, limitName)) }
            guard let read = readAll(fd, sizeHint: Int(info.st_size), limit: maximumSize) else {
                throw FileError(path: path, reason: Platform.errorText())
            }
            if read.count > maximumSize { throw FileError(path: path, reason: overLimit(read.count, maximumSize, limitName)) }
            bytes = read
            var after = stat()
            guard fstat(fd, &after) == 0 else { throw FileError(path: path, reason: Platform.errorText()) }
            let stable = FileState(after) == FileState(info) && after.st_size == bytes.count
            info = after
            if stable || attempt == 2 { break }
        }
        ok = true
        return OpenFile(path: path, descriptor: fd, info: info, bytes: bytes)
    }

    /// Opens a regular file of at most `maximumSize` bytes for reading, refusing anything
    /// else before a byte is read (the messages of `open`); the caller closes the descriptor.
    /// `knownRegular` (a walk saw a regular file) spares the look before opening.
    static func openRegular(_ path: String, maximumSize: Int, limitName: String = "--max-file-size",
                            knownRegular: Bool = false) throws(FileError) -> (Int32, stat) {
        // A look before opening spares devices the open itself (some act on it); the
        // descriptor's own `fstat` below is what counts.
        if !knownRegular, let s = status(path), s.kind != .file { throw FileError(path: path, reason: notRegular(type: s.type)) }
        let fd = Paths.withCString(path) { systemOpen($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard fd >= 0 else { throw FileError(path: path, reason: Platform.errorText()) }
        var info = stat()
        do throws(FileError) {
            guard fstat(fd, &info) == 0 else { throw FileError(path: path, reason: Platform.errorText()) }
            if info.st_mode & S_IFMT != S_IFREG { throw FileError(path: path, reason: notRegular(type: info.st_mode & S_IFMT)) }
            if Int(info.st_size) > maximumSize { throw FileError(path: path, reason: overLimit(Int(info.st_size), maximumSize, limitName)) }
        } catch {
            close(fd)
            throw error
        }
        return (fd, info)
    }

    static func notRegular(type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "is a directory"
        case S_IFIFO: return "is a FIFO (named pipe), not a regular file; not checked"
        case S_IFCHR: return "is a character device, not a regular file; not checked"
        case S_IFBLK: return "is a block device, not a regular file; not checked"
        case S_IFSOCK: return "is a socket, not a regular file; not checked"
        default: return "is not a regular file; not checked"
        }
    }

    static func overLimit(_ size: Int, _ limit: Int, _ name: String) -> String {
        "is \(size) bytes, over the \(limit)-byte limit (\(name)); not read"
    }

    /// Reads from offset 0 to the end, or until one byte past `limit`.
    static func readAll(_ fd: Int32, sizeHint: Int, limit: Int) -> [UInt8]? {
        let limit = min(limit, Int.max - 1)
        let cap = min(max(sizeHint, 0), limit) + 1
        // The expected size is read into storage left uninitialised: zero-filling a
        // 10 MB page first cost a tenth of checking it. A large one is backed by huge pages
        // and mapped in one call: in a virtual machine each of the 2,500 faults a fresh
        // 10 MB buffer takes on first write costs about 2 µs, which made reading a page from
        // the page cache cost more than checking it.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: LargeArrays.hugeCapacity(cap, stride: 1)) { buffer, initialized in
            if let base = buffer.baseAddress { LargeArrays.adviseHugePages(UnsafeMutableRawPointer(base), bytes: buffer.count, populate: true) }
            var count = 0
            while count < cap, let base = buffer.baseAddress {
                let n = pread(fd, base + count, cap - count, off_t(count))
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if n == 0 { break }
                count += n
            }
            initialized = count
        }
        if failed { return nil }
        // Shorter than the room: the end was reached. Otherwise the file grew: read on.
        guard bytes.count == cap, cap <= limit else { return bytes }
        var count = bytes.count
        while count <= limit {
            if count == bytes.count { bytes += repeatElement(0, count: min(max(bytes.count, 1 << 16), limit + 1 - count)) }
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + count, $0.count - count, off_t(count)) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Entries of a folder (names only, without `.` and `..`), with their kinds
    /// as `lstat` sees them: links to folders are not followed, so loops cannot happen.
    public static func list(_ path: String) throws(FileError) -> [(name: String, kind: Kind, isLink: Bool)] {
        guard let dir = Paths.withCString(path, { opendir($0) }) else { throw FileError(path: path, reason: Platform.errorText()) }
        defer { closedir(dir) }
        var entries: [(String, Kind, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { Paths.decode(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let full = path == "/" ? "/" + name : path + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): entries.append((name, .file, false))
            case Int32(DT_DIR): entries.append((name, .directory, false))
            case Int32(DT_LNK):
                // A link to a file is checked; a link to a folder is not walked.
                let target = status(full)
                entries.append((name, target?.kind == .file ? .file : .other, true))
            default:
                let s = status(full, followLinks: false)
                entries.append((name, s?.kind ?? .other, false))
            }
        }
        return entries
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = Paths.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Paths.decode(cString: resolved)
    }
}

/// A file by device and inode: two names of one file (a second mention, a
/// symbolic or hard link) have the same identity.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    init(_ s: stat) {
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
    }
}

/// What `fstat` says changes when a file is written: its identity, size, and
/// modification and status-change times.
struct FileState: Equatable {
    let identity: FileIdentity
    let size: Int
    let modified: timespec
    let changed: timespec

    init(_ s: stat) {
        identity = FileIdentity(s)
        size = Int(s.st_size)
        #if canImport(Darwin)
        modified = s.st_mtimespec
        changed = s.st_ctimespec
        #else
        modified = s.st_mtim
        changed = s.st_ctim
        #endif
    }

    static func == (a: FileState, b: FileState) -> Bool {
        a.identity == b.identity && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

/// A regular file, read, with its descriptor still open: what `--fix` compares
/// against right before it replaces the file.
public final class OpenFile: @unchecked Sendable {
    public let path: String
    public let bytes: [UInt8]
    let descriptor: Int32
    let info: stat

    init(path: String, descriptor: Int32, info: stat, bytes: [UInt8]) {
        self.path = path
        self.descriptor = descriptor
        self.info = info
        self.bytes = bytes
    }

    deinit { close(descriptor) }

    public var identity: FileIdentity { FileIdentity(info) }
}

/// `open(2)`, named so that `FileSystem.open` can call it.
func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    #if canImport(Darwin)
    return Darwin.open(path, flags, mode)
    #else
    return Glibc.open(path, flags, mode)
    #endif
}

/// `read(2)`, named so that types with a `read` member can call it on Linux and macOS alike.
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
