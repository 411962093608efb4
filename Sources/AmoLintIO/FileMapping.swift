#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint

/// A large file mapped for checking instead of read. Reading a 10 MB page cost
/// a third of checking it: the copy out of the page cache, and the zeroing of as
/// much fresh memory to copy into. A mapping shares the page cache's pages.
///
/// A file that gets shorter while it is mapped makes the lost pages raise
/// `SIGBUS`. `BusGuard` catches that for mapped files only: it puts zeroed pages
/// in their place and notes it, so the check ends normally and is then reported
/// as a failure (`wasCut`), never as a crash.
public final class MappedFile: @unchecked Sendable {
    /// The file's bytes, unmapped when the last holder lets go.
    public let text: SharedBytes
    public let identity: FileIdentity
    private let slot: Int

    private init(text: SharedBytes, identity: FileIdentity, slot: Int) {
        (self.text, self.identity, self.slot) = (text, identity, slot)
    }

    /// Whether the file got shorter while it was mapped: the bytes read past its new end were zeros.
    public var wasCut: Bool { BusGuard.wasHit(slot) }

    /// The regular file at `path` mapped whole, refused as `FileSystem.open` refuses
    /// it; nil when it cannot be mapped (empty, or mapping not supported here or for
    /// this file): the caller reads it instead.
    public static func map(_ path: String, maximumSize: Int, knownRegular: Bool = false) throws(FileError) -> MappedFile? {
        #if os(Linux) && canImport(Glibc)
        let (fd, info) = try FileSystem.openRegular(path, maximumSize: maximumSize, knownRegular: knownRegular)
        defer { close(fd) }
        let count = Int(info.st_size)
        guard count > 0, let slot = BusGuard.claim() else { return nil }
        // Not populated (`MAP_POPULATE`): that fills the page table a page at a time, while a fault on first
        // read maps the cached pages around it in one batch; on a 10 MB page the faults cost 0.3 ms less.
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            BusGuard.release(slot)
            return nil
        }
        BusGuard.watch(slot, start: Int(bitPattern: base), count: count)
        let address = Int(bitPattern: base)
        let external = ExternalBytes(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)) {
            // Unwatched first: once unmapped, the range may be mapped again for another file.
            BusGuard.release(slot)
            munmap(UnsafeMutableRawPointer(bitPattern: address), count)
        }
        return MappedFile(text: SharedBytes(external), identity: FileIdentity(info), slot: slot)
        #else
        return nil
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// The mapped files' address ranges, and the `SIGBUS` handler that reads them.
/// A fixed table: the handler may not allocate or lock, and reads it as it is.
enum BusGuard {
    static let capacity = 64
    private static let lock = Lock()
    /// Per slot: start address (0: not watched), end address, hit (1) or not (0), in use (1) or free (0).
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<Int> = {
        let t = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 4)
        t.initialize(repeating: 0, count: capacity * 4)
        return t
    }()
    nonisolated(unsafe) private static var previous = sigaction()
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var pageSize = 4096

    /// A free slot, with the handler installed; nil when all are taken (the file is then read).
    static func claim() -> Int? {
        lock.locked {
            if !installed {
                _ = table
                pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
                var action = sigaction()
                action.__sigaction_handler.sa_sigaction = onBusError
                action.sa_flags = SA_SIGINFO
                sigemptyset(&action.sa_mask)
                guard sigaction(SIGBUS, &action, &previous) == 0 else { return nil }
                installed = true
            }
            for k in 0..<capacity where table[4 * k + 3] == 0 {
                table[4 * k + 3] = 1
                return k
            }
            return nil
        }
    }

    static func watch(_ slot: Int, start: Int, count: Int) {
        lock.locked {
            table[4 * slot + 2] = 0
            table[4 * slot + 1] = start + count
            table[4 * slot] = start
        }
    }

    static func release(_ slot: Int) {
        lock.locked {
            table[4 * slot] = 0
            table[4 * slot + 1] = 0
            table[4 * slot + 2] = 0
            table[4 * slot + 3] = 0
        }
    }

    static func wasHit(_ slot: Int) -> Bool { lock.locked { table[4 * slot + 2] != 0 } }

    /// A fault in a watched mapping: zeroed pages replace the rest of it and the
    /// slot is marked, then the read is retried. Any other: the handling there was
    /// before comes back, and the retried access faults under it.
    private static let onBusError: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { _, info, _ in
        let address = info.map { Int(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
        let page = BusGuard.pageSize
        for k in 0..<BusGuard.capacity {
            let start = BusGuard.table[4 * k], end = BusGuard.table[4 * k + 1]
            guard start != 0, address >= start, address < end else { continue }
            let from = address & ~(page - 1)
            let to = (end + page - 1) & ~(page - 1)
            _ = mmap(UnsafeMutableRawPointer(bitPattern: from), to - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            BusGuard.table[4 * k + 2] = 1
            return
        }
        _ = sigaction(SIGBUS, &BusGuard.previous, nil)
    }
}
#else
enum BusGuard {
    static func wasHit(_ slot: Int) -> Bool { false }
}
#endif
