/// Finding bytes sixteen at a time (`ByteBlock`), and eight at a time near the
/// end of the buffer (SWAR: a 64-bit word tested for a byte value with a few
/// arithmetic operations). The scanner spends most of its time in
/// text between tags and the line index in text between line breaks; this is
/// what keeps both at several hundred MB/s on one core.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `word` equals the byte repeated in `pattern`.
    /// The lowest flagged byte is always a true match (a byte above one may be
    /// flagged falsely, through the borrow).
    @inline(__always) private static func hasByte(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highs
    }

    @inline(__always) private static func word(_ raw: UnsafeRawPointer, at i: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }

    /// The first index in `from..<to` holding a byte that `lanes` (sixteen at a
    /// time, two blocks a turn in long stretches) and `flags` (eight at a time,
    /// a combination of `hasByte`) find, or `to`. Whole blocks are read as long
    /// as they lie in the buffer, even past `to`: the lowest found byte is
    /// exact, so a short stretch (an end tag, a class name) costs one block.
    @inline(__always)
    private static func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
                              lanes: (ByteBlock) -> ByteBlock,
                              flags: (UInt64) -> UInt64, matches: (UInt8) -> Bool) -> Int {
        var i = from
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // The first block alone: most stretches end in it.
            if i < to, i <= bytes.count &- 16 {
                let found = lanes(ByteBlock(raw, at: i)).bits
                if found != 0 { return min(i &+ found.trailingZeroBitCount, to) }
                i &+= 16
                let pairEnd = min(to, bytes.count &- 31)  // both blocks of a turn lie in the buffer
                while i < pairEnd {
                    let low = lanes(ByteBlock(raw, at: i)), high = lanes(ByteBlock(raw, at: i &+ 16))
                    if (low | high).bits != 0 {
                        let lowBits = low.bits
                        let k = lowBits != 0 ? lowBits.trailingZeroBitCount : 16 &+ high.bits.trailingZeroBitCount
                        return min(i &+ k, to)
                    }
                    i &+= 32
                }
                if i < to, i <= bytes.count &- 16 {
                    let found = lanes(ByteBlock(raw, at: i)).bits
                    if found != 0 { return min(i &+ found.trailingZeroBitCount, to) }
                    i &+= 16
                }
            }
            let lastWord = bytes.count &- 8
            while i < to, i <= lastWord {
                let found = flags(word(raw, at: i))
                if found != 0 { return min(i &+ found.trailingZeroBitCount &>> 3, to) }
                i &+= 8
            }
        }
        while i < to, !matches(bytes[i]) { i += 1 }
        // A block read whole may have taken `i` past a `to` short of the buffer's end.
        return min(i, to)
    }

    /// The first index in `from..<to` holding `a`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let pa = UInt64(a) &* ones
        return first(in: bytes, from: from, to: to, lanes: { $0.lanes(equalTo: a) }, flags: { hasByte($0, pa) }, matches: { $0 == a })
    }

    /// The first index in `from..<to` holding `a` or `b`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones
        return first(in: bytes, from: from, to: to, lanes: { $0.lanes(equalTo: a) | $0.lanes(equalTo: b) },
                     flags: { hasByte($0, pa) | hasByte($0, pb) }, matches: { $0 == a || $0 == b })
    }

    /// The first index in `from..<to` holding `a`, `b` or `c`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones, pc = UInt64(c) &* ones
        return first(in: bytes, from: from, to: to, lanes: { $0.lanes(equalTo: a) | $0.lanes(equalTo: b) | $0.lanes(equalTo: c) },
                     flags: { hasByte($0, pa) | hasByte($0, pb) | hasByte($0, pc) },
                     matches: { $0 == a || $0 == b || $0 == c })
    }

    /// The first index in `from..<to` holding `a`, `b`, `c` or `d`, or `to`.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones, pc = UInt64(c) &* ones, pd = UInt64(d) &* ones
        return first(in: bytes, from: from, to: to,
                     lanes: { $0.lanes(equalTo: a) | $0.lanes(equalTo: b) | $0.lanes(equalTo: c) | $0.lanes(equalTo: d) },
                     flags: { hasByte($0, pa) | hasByte($0, pb) | hasByte($0, pc) | hasByte($0, pd) },
                     matches: { $0 == a || $0 == b || $0 == c || $0 == d })
    }

    /// The first index `i` in `from..<to` where `a` is followed by `b`, or `to`
    /// (`to` at most `bytes.count - 1`): sixteen pairs compared at once, so a
    /// text full of `a` alone costs no more than one without it.
    @inline(__always)
    static func firstPair(_ a: UInt8, _ b: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        guard let base = bytes.baseAddress else { return to }
        let raw = UnsafeRawPointer(base)
        // Blocks at `i` and `i + 1` must lie in the buffer.
        let lastBlock = bytes.count &- 17
        while i < to, i <= lastBlock {
            let pairs = (ByteBlock(raw, at: i).lanes(equalTo: a) & ByteBlock(raw, at: i &+ 1).lanes(equalTo: b)).bits
            if pairs != 0 { return min(i &+ pairs.trailingZeroBitCount, to) }
            i &+= 16
        }
        while i < to, !(base[i] == a && base[i &+ 1] == b) { i &+= 1 }
        return min(i, to)
    }

    /// Whether `bytes[range]` holds `needle`, found through its byte at `anchor`
    /// (pick the rarest): sixteen bytes compared with it at once, the needle
    /// compared only where they match.
    @inline(__always)
    static func contains(_ needle: StaticString, anchor: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let count = needle.utf8CodeUnitCount
        let key = needle.utf8Start[anchor]
        // Where the anchor byte of a match can be.
        var j = range.lowerBound &+ anchor
        let end = range.upperBound &- count &+ anchor &+ 1
        guard j < end else { return false }
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Up to 32 places (most tags): two blocks and one test.
            if end &- j <= 32, j <= bytes.count &- 32 {
                var found = UInt64(ByteBlock(raw, at: j).lanes(equalTo: key).bits)
                    | UInt64(ByteBlock(raw, at: j &+ 16).lanes(equalTo: key).bits) &<< 16
                found &= UInt64(1) &<< UInt64(end &- j) &- 1
                while found != 0 {
                    if Lexing.hasPrefix(needle, at: j &+ found.trailingZeroBitCount &- anchor, in: bytes) { return true }
                    found &= found &- 1
                }
                return false
            }
            let lastBlock = bytes.count &- 16
            while j < end, j <= lastBlock {
                var found = ByteBlock(raw, at: j).lanes(equalTo: key).bits
                if end &- j < 16 { found &= UInt32(1) &<< UInt32(end &- j) &- 1 }
                while found != 0 {
                    if Lexing.hasPrefix(needle, at: j &+ found.trailingZeroBitCount &- anchor, in: bytes) { return true }
                    found &= found &- 1
                }
                j &+= 16
            }
        }
        while j < end {
            if bytes[j] == key, Lexing.hasPrefix(needle, at: j &- anchor, in: bytes) { return true }
            j &+= 1
        }
        return false
    }

    /// Whether `bytes[range]` holds `auth` (in `_oauth` and `auth/button`), found
    /// through its `u`, the rarest of its bytes in markup: most tags cost one block.
    @inline(__always)
    static func containsAuth(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        contains("auth", anchor: 1, in: bytes, range)
    }
}
