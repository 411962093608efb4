#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few operating-system calls the command line needs, without Foundation:
/// it keeps the binary small and its start-up fast (it runs on every commit).
public enum Platform {
    public static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

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

    public static func readAll(_ fd: Int32) -> [UInt8]? {
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

/// Files and folders through POSIX calls.
public enum FileSystem {
    public enum Kind: Sendable { case file, directory, other, missing }

    public struct Status {
        public let kind: Kind
        public let mode: mode_t
        public let size: Int
        public let isSymlink: Bool
    }

    /// `stat` (following links) or, with `followLinks: false`, `lstat`.
    public static func status(_ path: String, followLinks: Bool = true) -> Status? {
        var s = stat()
        let rc = followLinks ? stat(path, &s) : lstat(path, &s)
        guard rc == 0 else { return nil }
        let type = s.st_mode & S_IFMT
        let kind: Kind = type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
        return Status(kind: kind, mode: s.st_mode & 0o7777, size: Int(s.st_size), isSymlink: type == S_IFLNK)
    }

    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: Platform.errorText()) }
        defer { close(fd) }
        var s = stat()
        if fstat(fd, &s) == 0, s.st_mode & S_IFMT == S_IFDIR { throw FileError(path: path, reason: "is a directory") }
        // A regular file is read straight into an array of its size; anything else in chunks.
        if s.st_mode & S_IFMT == S_IFREG, s.st_size > 0 {
            let size = Int(s.st_size)
            var failed = false
            var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                while count <= size {
                    let n = systemRead(fd, base + count, size + 1 - count)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { return }
                    count += n
                }
            }
            if failed { throw FileError(path: path, reason: Platform.errorText()) }
            // The file grew while being read: take the rest too.
            if bytes.count > size, let rest = Platform.readAll(fd) { bytes += rest }
            return bytes
        }
        guard let bytes = Platform.readAll(fd) else { throw FileError(path: path, reason: Platform.errorText()) }
        return bytes
    }

    /// Entries of a folder (names only, without `.` and `..`), with their kinds
    /// as `lstat` sees them: links to folders are not followed, so loops cannot happen.
    public static func list(_ path: String) throws(FileError) -> [(name: String, kind: Kind, isLink: Bool)] {
        guard let dir = opendir(path) else { throw FileError(path: path, reason: Platform.errorText()) }
        defer { closedir(dir) }
        var entries: [(String, Kind, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
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
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes `bytes` over `path` atomically: a temporary file in the same
    /// folder, the original's permissions, then `rename`. Just before the rename
    /// the file is read again; if it no longer holds `expected`, nothing is written.
    public static func replace(_ shownPath: String, with bytes: [UInt8], expected: [UInt8]) throws(FileError) {
        // Through a symbolic link, the target is what changes; the link stays a link.
        let path = realPath(shownPath) ?? shownPath
        guard let original = status(path) else { throw FileError(path: shownPath, reason: Platform.errorText()) }
        // A file without write permission is the user's "do not touch" (root could write it anyway).
        if original.mode & 0o222 == 0 { throw FileError(path: shownPath, reason: "is read-only; not fixed") }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder.isEmpty ? "" : folder)/.\(base).amolint-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw FileError(path: shownPath, reason: "cannot create a temporary file: \(Platform.errorText())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        var failure = bytes.withUnsafeBufferPointer { Platform.write(fd, $0) }
        if failure == nil, fchmod(fd, original.mode) != 0 { failure = Platform.errorText() }
        if failure == nil, fsync(fd) != 0 { failure = Platform.errorText() }
        close(fd)
        if let failure { throw FileError(path: shownPath, reason: "not fixed, the file is unchanged: \(failure)") }
        guard let current = try? read(path), current == expected else {
            throw FileError(path: shownPath, reason: "changed while amolint was fixing it; left as it is now (run again)")
        }
        guard rename(temporary, path) == 0 else {
            throw FileError(path: shownPath, reason: "not fixed, the file is unchanged: \(Platform.errorText())")
        }
        ok = true
    }
}

/// `read(2)`, named so that types with a `read` member can call it on Linux and macOS alike.
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
