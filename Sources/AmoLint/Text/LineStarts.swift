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

    /// One pass into room for a line every 16 bytes, left uninitialised (pages a text
    /// of longer lines never writes are never touched); a text of shorter lines is
    /// counted first, so the array is allocated once at its size (issue 15, defect 11).
    init(_ bytes: [UInt8]) { self = bytes.withUnsafeBufferPointer { LineStarts($0) } }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count < Int(UInt32.max) {
            let starts = LineStarts.collect(bytes, as: UInt32.self)
            count = starts.count
            storage = .narrow(starts)
        } else {
            let starts = LineStarts.collect(bytes, as: Int.self)
            count = starts.count
            storage = .wide(starts)
        }
    }

    private static func collect<T: FixedWidthInteger>(_ buf: UnsafeBufferPointer<UInt8>, as: T.Type) -> [T] {
        do {
            var full = false
            let guess = [T](unsafeUninitializedCapacity: buf.count / 16 + 16) { out, initialized in
                out[0] = 0
                var k = 1
                forEachStart(in: buf) { start in
                    guard k < out.count else { full = true; return false }
                    out[k] = T(truncatingIfNeeded: start)
                    k += 1
                    return true
                }
                initialized = k
            }
            guard full else { return guess }
            var lines = 1
            forEachStart(in: buf) { _ in lines += 1; return true }
            return [T](unsafeUninitializedCapacity: lines) { out, initialized in
                out[0] = 0
                var k = 1
                forEachStart(in: buf) { start in
                    out[k] = T(truncatingIfNeeded: start)
                    k += 1
                    return true
                }
                initialized = k
            }
        }
    }

    /// Calls `body` with the start of every line but the first, until it returns
    /// false. Line breaks are `\\n`, `\\r\\n` and `\\r`. Sixty-four bytes are tested at
    /// once and each break found from their bits: a search started again at
    /// every break cost more than the bytes between breaks on a page of short lines.
    @inline(__always)
    private static func forEachStart(in buf: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        let n = buf.count
        var i = 0
        if let base = buf.baseAddress, n >= 64 {
            let raw = UnsafeRawPointer(base)
            while i <= n &- 64 {
                var breaks = UInt64(0)
                for k in 0..<4 {
                    let block = ByteBlock(raw, at: i &+ k &* 16)
                    breaks |= UInt64((block.lanes(equalTo: 0x0A) | block.lanes(equalTo: 0x0D)).bits) &<< UInt64(k &* 16)
                }
                while breaks != 0 {
                    let p = i &+ breaks.trailingZeroBitCount
                    breaks &= breaks &- 1
                    // The `\r` of `\r\n` starts no line: its `\n` does (in this stretch or the next).
                    if base[p] == 0x0D, p &+ 1 < n, base[p &+ 1] == 0x0A { continue }
                    guard body(p &+ 1) else { return }
                }
                i &+= 64
            }
        }
        while i < n {
            let b = buf[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < n && buf[i + 1] == 0x0A)) {
                guard body(i + 1) else { return }
            }
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

    /// The lines of more than `length` bytes (their breaks included) in a text of `textCount`
    /// bytes, in order: one tight pass over the starts, where asking each line in turn cost
    /// some fifty instructions a line of a 10 MB page (nearly all short).
    func lines(longerThan length: Int, textCount: Int) -> [Int] {
        switch storage {
        case .narrow(let starts): return LineStarts.lines(starts, longerThan: length, textCount: textCount)
        case .wide(let starts): return LineStarts.lines(starts, longerThan: length, textCount: textCount)
        }
    }

    private static func lines<T: FixedWidthInteger>(_ starts: [T], longerThan length: Int, textCount: Int) -> [Int] {
        var long: [Int] = []
        starts.withUnsafeBufferPointer { s in
            guard let last = s.last else { return }
            var k = 0
            while k + 1 < s.count {
                if Int(s[k + 1]) - Int(s[k]) > length { long.append(k) }
                k += 1
            }
            if textCount - Int(last) > length { long.append(s.count - 1) }
        }
        return long
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
