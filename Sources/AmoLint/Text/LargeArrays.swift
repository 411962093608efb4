#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Room for arrays that grow with the input (tokens, literals, a built layer's text and
/// source map). Asked for once, linearly: growing copied them and touched their pages twice.
enum LargeArrays {
    /// Room for `more` elements past the count, growing at least twofold: an array reserved
    /// for each of many regions is not copied each time.
    static func reserve<T>(_ array: inout [T], more: Int) {
        let needed = array.count + more
        guard needed > array.capacity else { return }
        array.reserveCapacity(max(needed, 2 * array.capacity))
        adviseHugePages(&array)
    }

    /// Room for `capacity` elements, asked for once.
    static func reserve<T>(_ array: inout [T], capacity: Int) {
        guard capacity > array.capacity else { return }
        array.reserveCapacity(capacity)
        adviseHugePages(&array)
    }

    /// `Array(repeating:count:)` whose pages are advised before they are written.
    static func filled<T>(with value: T, count: Int) -> [T] {
        var array: [T] = []
        array.reserveCapacity(count)
        adviseHugePages(&array)
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }

    /// Asks Linux to back a large array's storage with huge pages: in a virtual machine each
    /// 4 KB page costs a fault of about 2 µs on first write, and a 10 MB input fills some
    /// 100 MB of such arrays, a third of its time. Advice only: without transparent huge
    /// pages (or on another system) nothing changes.
    static func adviseHugePages<T>(_ array: inout [T]) {
        #if os(Linux)
        let bytes = array.capacity * MemoryLayout<T>.stride
        guard bytes >= 4 << 20 else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let huge = 2 << 20
            let start = (Int(bitPattern: base) + huge - 1) / huge * huge
            let end = (Int(bitPattern: base) + bytes) / huge * huge
            guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(p, end - start, 14)  // MADV_HUGEPAGE
        }
        #endif
    }
}
