#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `--fix` writes a file. See SECURITY.md, "What `--fix` guarantees".
extension FileSystem {
    /// Temporary files are `.amolint-fix-XXXXXX.tmp`, beside the file they replace.
    public static let temporaryPrefix = ".amolint-fix-"
    public static let temporarySuffix = ".tmp"
    /// A temporary file untouched this long belongs to a run that was killed.
    public static let staleTemporaryAge = 10 * 60

    /// Moments of `replace` where a test can act as an editor writing at that instant.
    public enum ReplaceMoment: Sendable { case beforeFinalCheck, afterRename }
    nonisolated(unsafe) public static var testHook: ((ReplaceMoment) -> Void)?

    static func changed(_ path: String) -> FileError {
        FileError(path: path, reason: "changed while amolint was fixing it; left as it is now (run again)")
    }

    /// Writes `bytes` over `path` if it still holds `expected` (opens and compares first).
    public static func replace(_ path: String, with bytes: [UInt8], expected: [UInt8]) throws(FileError) {
        let file = try open(path, maximumSize: Int.max)
        guard file.bytes == expected else { throw changed(path) }
        try replace(file, with: bytes)
    }

    /// Writes `bytes` over the file that was read as `file`:
    /// - through a temporary file in the same folder (the original's permissions,
    ///   owner and group), `fsync`, then `rename`, then `fsync` of the folder;
    /// - in place (only the bytes from the first change on) when the file has other
    ///   hard links, or when its owner or group cannot be given to a new file;
    /// - right before the rename (or the write in place): the content read again
    ///   through the open descriptor, its `fstat` (device, inode, size, mtime,
    ///   ctime) and the name's `stat` must all match what was read, or nothing is written;
    /// - right after the rename: an edit that reached the old file meanwhile
    ///   (through a descriptor opened before) is put back, and reported.
    public static func replace(_ file: OpenFile, with bytes: [UInt8]) throws(FileError) {
        let shown = file.path
        // Through a symbolic link, the target is what changes; the link stays a link.
        let path = realPath(shown) ?? shown
        // A file without write permission is the user's "do not touch" (root could write it anyway).
        if file.info.st_mode & 0o222 == 0 { throw FileError(path: shown, reason: "is read-only; not fixed") }
        if file.info.st_nlink > 1 { return try rewriteInPlace(file, path: path, with: bytes) }
        let folder = Paths.parent(path)
        let temporary: String
        switch makeTemporary(in: folder, bytes: bytes, like: file.info) {
        case .failure(let problem): throw FileError(path: shown, reason: problem.reason)
        case .success(nil): return try rewriteInPlace(file, path: path, with: bytes)
        case .success(let made?): temporary = made
        }
        var renamed = false
        defer { if !renamed { _ = Paths.withCString(temporary) { unlink($0) } } }
        try verify(file, path: path)
        guard Paths.withCString(temporary, { t in Paths.withCString(path) { rename(t, $0) } }) == 0 else {
            throw FileError(path: shown, reason: "not fixed, the file is unchanged: \(Platform.errorText())")
        }
        renamed = true
        syncFolder(folder)
        testHook?(.afterRename)
        // A write through a descriptor opened before the rename went to the old file, which no
        // name leads to any more. Put it back rather than lose it.
        if let newer = contentIfChanged(file) {
            if case .success(let made?) = makeTemporary(in: folder, bytes: newer, like: file.info),
               Paths.withCString(made, { t in Paths.withCString(path) { rename(t, $0) } }) == 0
            {
                syncFolder(folder)
                throw FileError(path: shown, reason: "changed while amolint was fixing it; the newer content was put back (run again)")
            }
            throw FileError(path: shown, reason: "changed while amolint was fixing it, and the newer content could not be put back: \(Platform.errorText())")
        }
    }

    /// The file must be as it was read: same content through the descriptor, same
    /// `fstat`, and its name must still lead to it.
    static func verify(_ file: OpenFile, path: String) throws(FileError) {
        guard let now = readAll(file.descriptor, sizeHint: file.bytes.count, limit: file.bytes.count), now == file.bytes else {
            throw changed(file.path)
        }
        testHook?(.beforeFinalCheck)
        var s = stat()
        guard fstat(file.descriptor, &s) == 0, FileState(s) == FileState(file.info) else { throw changed(file.path) }
        guard let named = status(path), named.identity == file.identity else { throw changed(file.path) }
    }

    /// The old file's content if it was written since it was read (size, mtime or bytes differ).
    /// The ctime is left out: the rename itself changes it.
    static func contentIfChanged(_ file: OpenFile) -> [UInt8]? {
        var s = stat()
        guard fstat(file.descriptor, &s) == 0 else { return nil }
        let before = FileState(file.info), after = FileState(s)
        let timesMatch = before.modified.tv_sec == after.modified.tv_sec && before.modified.tv_nsec == after.modified.tv_nsec
        guard let now = readAll(file.descriptor, sizeHint: Int(s.st_size), limit: Int.max - 1) else { return nil }
        if timesMatch, after.size == before.size, now == file.bytes { return nil }
        return now == file.bytes ? nil : now
    }

    /// A temporary file holding `bytes` with `info`'s permissions, owner and group, synced.
    /// nil when the owner or group cannot be kept (the caller then writes in place).
    static func makeTemporary(in folder: String, bytes: [UInt8], like info: stat) -> Result<String?, FileProblem> {
        var template = Paths.encode(folder + "/" + temporaryPrefix + "XXXXXX" + temporarySuffix).map { CChar(bitPattern: $0) } + [0]
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(temporarySuffix.utf8.count)) }
        guard fd >= 0 else { return .failure(FileProblem(reason: "cannot create a temporary file: \(Platform.errorText())")) }
        let temporary = Paths.decode(template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        var failure = bytes.withUnsafeBufferPointer { Platform.write(fd, $0) }
        var ownerKept = true
        var s = stat()
        if failure == nil, fstat(fd, &s) == 0, s.st_uid != info.st_uid || s.st_gid != info.st_gid {
            // Before the mode: a change of owner clears the set-id bits.
            ownerKept = fchown(fd, info.st_uid, info.st_gid) == 0
        }
        if failure == nil, ownerKept, fchmod(fd, info.st_mode & 0o7777) != 0 { failure = Platform.errorText() }
        if failure == nil, ownerKept, fsync(fd) != 0 { failure = Platform.errorText() }
        close(fd)
        if failure != nil || !ownerKept { _ = Paths.withCString(temporary) { unlink($0) } }
        if let failure { return .failure(FileProblem(reason: "not fixed, the file is unchanged: \(failure)")) }
        return .success(ownerKept ? temporary : nil)
    }

    /// Writes the changed part of the file into the file itself: other hard links see
    /// the fix, and owner, group and permissions cannot change. Not atomic: a kill
    /// during this write can leave the file half written (see SECURITY.md).
    static func rewriteInPlace(_ file: OpenFile, path: String, with bytes: [UInt8]) throws(FileError) {
        let fd = Paths.withCString(path) { systemOpen($0, O_WRONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard fd >= 0 else { throw FileError(path: file.path, reason: "not fixed, the file is unchanged: \(Platform.errorText())") }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0, FileIdentity(s) == file.identity else { throw changed(file.path) }
        try verify(file, path: path)
        var common = 0
        let shorter = min(bytes.count, file.bytes.count)
        while common < shorter, bytes[common] == file.bytes[common] { common += 1 }
        if let failure = writeTail(fd, bytes, from: common) {
            // Put the original back (it fitted before), then report.
            _ = writeTail(fd, file.bytes, from: common)
            throw FileError(path: file.path, reason: "not fixed, the file is unchanged: \(failure)")
        }
    }

    /// Writes `bytes[from...]` at offset `from`, truncates to `bytes.count`, syncs; the error text on failure.
    static func writeTail(_ fd: Int32, _ bytes: [UInt8], from: Int) -> String? {
        var offset = from
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + offset, bytes.count - offset, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                return Platform.errorText()
            }
            offset += n
        }
        if ftruncate(fd, off_t(bytes.count)) != 0 { return Platform.errorText() }
        if fsync(fd) != 0 { return Platform.errorText() }
        return nil
    }

    /// Makes a rename durable: the folder's entry is synced too (errors ignored:
    /// some file systems cannot sync a folder, and the rename is done either way).
    static func syncFolder(_ folder: String) {
        let fd = Paths.withCString(folder) { systemOpen($0, O_RDONLY | O_CLOEXEC | O_DIRECTORY) }
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    // MARK: Stale temporary files

    /// True for names amolint gives its temporary files: `.amolint-fix-XXXXXX.tmp`,
    /// and `.NAME.amolint-XXXXXX` from versions before 0.2.
    public static func isTemporaryName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let isRandom = { (s: ArraySlice<UInt8>) in
            s.count == 6 && s.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
        }
        let prefix = Array(temporaryPrefix.utf8), suffix = Array(temporarySuffix.utf8)
        if bytes.count == prefix.count + 6 + suffix.count, bytes.starts(with: prefix), bytes.suffix(suffix.count).elementsEqual(suffix) {
            return isRandom(bytes[prefix.count..<prefix.count + 6])
        }
        // `.NAME.amolint-XXXXXX`, NAME not empty.
        let legacy = Array(".amolint-".utf8)
        guard bytes.first == 0x2E, bytes.count >= 2 + legacy.count + 6 else { return false }
        let tail = bytes.suffix(legacy.count + 6)
        return tail.prefix(legacy.count).elementsEqual(legacy) && isRandom(tail.suffix(6))
    }

    /// Removes amolint's temporary files in `folder` that are older than `staleTemporaryAge`
    /// and belong to this user (a run that was killed left them). Returns their names.
    @discardableResult
    public static func removeStaleTemporaryFiles(in folder: String, now: Int = Int(time(nil))) -> [String] {
        guard let entries = try? list(folder) else { return [] }
        var removed: [String] = []
        for entry in entries where entry.kind == .file && !entry.isLink && isTemporaryName(entry.name) {
            let full = folder == "/" ? "/" + entry.name : folder + "/" + entry.name
            var s = stat()
            guard Paths.withCString(full, { lstat($0, &s) }) == 0, s.st_mode & S_IFMT == S_IFREG, s.st_uid == geteuid() else { continue }
            #if canImport(Darwin)
            let modified = Int(s.st_mtimespec.tv_sec)
            #else
            let modified = Int(s.st_mtim.tv_sec)
            #endif
            guard now - modified > staleTemporaryAge else { continue }
            if Paths.withCString(full, { unlink($0) }) == 0 { removed.append(entry.name) }
        }
        return removed
    }

    private static let sweptFolders = SweptFolders()

    /// `removeStaleTemporaryFiles` in the folder where a fix of `path` would write, once a process.
    public static func sweepTemporaryFiles(besides path: String) {
        let folder = Paths.parent(realPath(path) ?? path)
        guard sweptFolders.claim(folder) else { return }
        removeStaleTemporaryFiles(in: folder)
    }
}

struct FileProblem: Error { let reason: String }

private final class SweptFolders: @unchecked Sendable {
    private var folders: Set<String> = []
    private let lock = Lock()

    func claim(_ folder: String) -> Bool { lock.locked { folders.insert(folder).inserted } }
}
