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
}
