#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#endif

/// Room for arrays that grow with the input (tokens, literals, a built layer's text and
/// source map, the file read). Asked for once, linearly: growing copied them and touched
/// their pages twice.
package enum LargeArrays {
    /// Room for `more` elements past the count, growing at least twofold: an array reserved
    /// for each of many regions is not copied each time.
    static func reserve<T>(_ array: inout [T], more: Int) {
        let needed = array.count + more
        guard needed > array.capacity else { return }
        reserve(&array, capacity: max(needed, 2 * array.capacity))
    }

    /// Room for `capacity` elements, asked for once.
    static func reserve<T>(_ array: inout [T], capacity: Int) {
        guard capacity > array.capacity else { return }
        array.reserveCapacity(hugeCapacity(capacity, stride: MemoryLayout<T>.stride))
        adviseHugePages(&array)
    }

    /// `Array(repeating:count:)` whose pages are advised before they are written.
    static func filled<T>(with value: T, count: Int) -> [T] {
        let stride = MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: hugeCapacity(count, stride: stride)) { buffer, initialized in
            if let base = buffer.baseAddress, buffer.count * stride >= 4 << 20 {
                adviseHugePages(UnsafeMutableRawPointer(base), bytes: buffer.count * stride, populate: false)
            }
            // Written in one pass over the storage (appending a repeated element went one by one).
            UnsafeMutableBufferPointer(rebasing: buffer[..<count]).initialize(repeating: value)
            initialized = count
        }
    }

    static let huge = 2 << 20
    /// What `malloc` and an array put before the elements, at most (16 and 32 bytes here).
    static let headers = 64

    /// `count` elements, or a few more for a large array: enough that its allocation is a
    /// whole number of huge pages, which Linux then maps at a huge-page boundary, so that
    /// huge pages cover it from its first byte to its last.
    package static func hugeCapacity(_ count: Int, stride: Int) -> Int {
        let bytes = count * max(stride, 1)
        guard bytes >= 4 << 20 else { return count }
        let total = (bytes + headers + huge - 1) / huge * huge
        return max(count, (total - headers) / max(stride, 1))
    }

    /// Asks Linux to back a large array's storage with huge pages: in a virtual machine each
    /// 4 KB page costs a fault of about 2 µs on first write, and a 10 MB input fills some
    /// 100 MB of such arrays, a third of its time. Advice only: without transparent huge
    /// pages (or on another system) nothing changes.
    static func adviseHugePages<T>(_ array: inout [T]) {
        let bytes = array.capacity * MemoryLayout<T>.stride
        guard bytes >= 4 << 20 else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { adviseHugePages(UnsafeMutableRawPointer(base), bytes: bytes, populate: false) }
        }
    }

    /// The advice for `bytes` bytes at `base`, from the page holding the first to the page
    /// holding the last (both are mapped: they hold the storage), so that the first and
    /// last huge pages are not split off; with `populate`, mapped at once as well.
    package static func adviseHugePages(_ base: UnsafeMutableRawPointer, bytes: Int, populate: Bool) {
        #if os(Linux)
        guard bytes >= 1 << 20 else { return }
        let page = 4096
        let start = Int(bitPattern: base) / page * page
        let end = (Int(bitPattern: base) + bytes + page - 1) / page * page
        guard let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, 14)  // MADV_HUGEPAGE
        if populate { _ = madvise(p, end - start, 23) }  // MADV_POPULATE_WRITE (Linux 5.14)
        #endif
    }
}
