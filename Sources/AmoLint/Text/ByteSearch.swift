/// Finding bytes eight at a time (SWAR: a 64-bit word tested for a byte value
/// with a few arithmetic operations). The scanner spends most of its time in
/// text between tags and the line index in text between line breaks; this is
/// what keeps both at several hundred MB/s on one core.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `word` equals the byte repeated in `pattern`.
    @inline(__always) private static func hasByte(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highs
    }

    /// The first index in `from..<to` holding `a`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        if let base = bytes.baseAddress, to - i >= 8 {
            let raw = UnsafeRawPointer(base)
            let pa = UInt64(a) &* ones
            while i + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if hasByte(word, pa) != 0 { break }
                i += 8
            }
        }
        while i < to, bytes[i] != a { i += 1 }
        return i
    }

    /// The first index in `from..<to` holding `a` or `b`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        if let base = bytes.baseAddress, to - i >= 8 {
            let raw = UnsafeRawPointer(base)
            let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones
            while i + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if hasByte(word, pa) | hasByte(word, pb) != 0 { break }
                i += 8
            }
        }
        while i < to, bytes[i] != a, bytes[i] != b { i += 1 }
        return i
    }

    /// The first index in `from..<to` holding `a`, `b` or `c`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        if let base = bytes.baseAddress, to - i >= 8 {
            let raw = UnsafeRawPointer(base)
            let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones, pc = UInt64(c) &* ones
            while i + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if hasByte(word, pa) | hasByte(word, pb) | hasByte(word, pc) != 0 { break }
                i += 8
            }
        }
        while i < to, bytes[i] != a, bytes[i] != b, bytes[i] != c { i += 1 }
        return i
    }

    /// The first index in `from..<to` holding `a`, `b`, `c` or `d`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        if let base = bytes.baseAddress, to - i >= 8 {
            let raw = UnsafeRawPointer(base)
            let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones, pc = UInt64(c) &* ones, pd = UInt64(d) &* ones
            while i + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if hasByte(word, pa) | hasByte(word, pb) | hasByte(word, pc) | hasByte(word, pd) != 0 { break }
                i += 8
            }
        }
        while i < to, bytes[i] != a, bytes[i] != b, bytes[i] != c, bytes[i] != d { i += 1 }
        return i
    }

    /// Whether `bytes[range]` holds `auth` (in `_oauth` and `auth/button`), found
    /// through its `u`, the rarest of its bytes in markup. A short range costs one
    /// load: the word may start before the range, and bytes outside it are masked off.
    @inline(__always)
    static func containsAuth(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let n = bytes.count
        guard range.count >= 4, n >= 8, let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let pattern = UInt64(0x75) &* ones  // u
        // Where the `u` of a match can be.
        let lo = range.lowerBound &+ 1, hi = range.upperBound &- 2
        var i = lo
        while i < hi {
            let at = min(i, n &- 8)
            var found = hasByte(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)), pattern)
            found &= ~0 &<< UInt64(truncatingIfNeeded: (i &- at) &* 8)
            let kept = hi &- at
            if kept < 8 { found &= (1 &<< UInt64(truncatingIfNeeded: kept &* 8)) &- 1 }
            while found != 0 {
                let j = at &+ found.trailingZeroBitCount / 8
                // The word test may flag a byte above a true match: check every candidate.
                if bytes[j] == 0x75, bytes[j - 1] == 0x61, bytes[j + 1] == 0x74, bytes[j + 2] == 0x68 { return true }
                found &= found &- 1
            }
            i = at &+ 8
        }
        return false
    }
}
