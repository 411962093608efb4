/// The byte offset of each line's first byte, in 32 bits when the text allows:
/// a page of short lines has almost as many lines as bytes, and 8 bytes a line
/// made the index four times the size of the text (issue 15, defect 11).
public struct LineStarts: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case narrow([UInt32])
        /// Texts of 4 GiB and more.
        case wide([Int])
    }

    private var storage: Storage
    public private(set) var count: Int

    /// Counts the lines first, so the array is allocated once at its size.
    init(_ bytes: [UInt8]) {
        let lines = bytes.withUnsafeBufferPointer { buf in
            var count = 1
            LineStarts.forEachStart(in: buf) { _ in count += 1 }
            return count
        }
        count = lines
        if bytes.count < Int(UInt32.max) {
            storage = .narrow(LineStarts.collect(bytes, count: lines, as: UInt32.self))
        } else {
            storage = .wide(LineStarts.collect(bytes, count: lines, as: Int.self))
        }
    }

    private static func collect<T: FixedWidthInteger>(_ bytes: [UInt8], count: Int, as: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: count) { out, initialized in
            out[0] = 0
            var k = 1
            bytes.withUnsafeBufferPointer { buf in
                forEachStart(in: buf) { start in
                    out[k] = T(truncatingIfNeeded: start)
                    k += 1
                }
            }
            initialized = k
        }
    }

    /// Calls `body` with the start of every line but the first. Line breaks are
    /// `\\n`, `\\r\\n` and `\\r`.
    @inline(__always)
    private static func forEachStart(in buf: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var i = 0
        let n = buf.count
        while i < n {
            i = ByteSearch.first(0x0A, 0x0D, in: buf, from: i, to: n)
            guard i < n else { break }
            if buf[i] == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
            body(i + 1)
            i += 1
        }
    }

    /// Splices in what an edit changed, in place when this is the only reference
    /// (a text of short lines has nearly as many starts as bytes: no second copy):
    /// keeps the first `prefix` starts, puts `middle` where `prefix..<suffix` were,
    /// and moves the starts from `suffix` on by `delta`.
    mutating func splice(prefix: Int, middle: [Int], suffix: Int, delta: Int, textCount: Int) {
        // Each case takes the array, then empties the storage: the array is then its only owner.
        switch storage {
        case .narrow(var starts) where textCount < Int(UInt32.max):
            storage = .narrow([])
            LineStarts.splice(&starts, prefix: prefix, middle: middle, suffix: suffix, delta: delta)
            count = starts.count
            storage = .narrow(starts)
        case .narrow(let narrow):
            storage = .narrow([])
            var starts = narrow.map(Int.init)
            LineStarts.splice(&starts, prefix: prefix, middle: middle, suffix: suffix, delta: delta)
            count = starts.count
            storage = .wide(starts)
        case .wide(var starts):
            storage = .wide([])
            LineStarts.splice(&starts, prefix: prefix, middle: middle, suffix: suffix, delta: delta)
            count = starts.count
            storage = .wide(starts)
        }
    }

    private static func splice<T: FixedWidthInteger>(_ starts: inout [T], prefix: Int, middle: [Int], suffix: Int, delta: Int) {
        starts.replaceSubrange(prefix..<suffix, with: middle.lazy.map { T(truncatingIfNeeded: $0) })
        let moved = prefix + middle.count
        guard delta != 0, moved < starts.count else { return }
        starts.withUnsafeMutableBufferPointer { buf in
            for k in moved..<buf.count { buf[k] = T(truncatingIfNeeded: Int(buf[k]) + delta) }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(line: Int) -> Int {
        switch storage {
        case .narrow(let starts): return Int(starts[line])
        case .wide(let starts): return starts[line]
        }
    }
}
