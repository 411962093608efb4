/// Finds closing delimiters (`-->`, `?>`, `}}` …) without ever reading a byte
/// twice for the same delimiter. Each search remembers where it started and what
/// it found, so a page full of unclosed `{{` or `<!--` stays linear: the second
/// search from a later position reuses the first answer instead of rescanning.
struct CloserSearch {
    enum Closer: Int, CaseIterable {
        case htmlComment, php, erb, mustache, twigBlock, twigComment, bladeComment, jsComment

        var pattern: [UInt8] {
            switch self {
            case .htmlComment: return Array("-->".utf8)
            case .php: return Array("?>".utf8)
            case .erb: return Array("%>".utf8)
            case .mustache: return Array("}}".utf8)
            case .twigBlock: return Array("%}".utf8)
            case .twigComment: return Array("#}".utf8)
            case .bladeComment: return Array("--}}".utf8)
            case .jsComment: return Array("*/".utf8)
            }
        }

        /// The pattern's bytes, the first in the low byte, and its length: no
        /// array to retain or bounds-check in a search.
        @inline(__always)
        var packed: (bytes: UInt32, count: Int) {
            switch self {
            case .htmlComment: return (0x3E2D2D, 3)
            case .php: return (0x3E3F, 2)
            case .erb: return (0x3E25, 2)
            case .mustache: return (0x7D7D, 2)
            case .twigBlock: return (0x7D25, 2)
            case .twigComment: return (0x7D23, 2)
            case .bladeComment: return (0x7D7D2D2D, 4)
            case .jsComment: return (0x2F2A, 2)
            }
        }
    }

    /// Per closer (by raw value): where its last search started, and what it found (`Int.max`: nothing).
    private var searchedFrom = SIMD8<Int>(repeating: Int.max)
    private var foundAt = SIMD8<Int>(repeating: 0)
    /// Balanced-bracket scans that ran off the end: any later one would too
    /// (or is broken input we need not parse well), so they are not repeated.
    var bracketScanFailedFrom = Int.max
    /// The end of the furthest answer given (the input's end for "none"): what
    /// the scan so far has read, for resuming it after an edit (`MarkupTrace`).
    var horizon = 0

    /// Index of the first occurrence of `closer` at or after `start`, or nil.
    mutating func find(_ closer: Closer, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let k = closer.rawValue
        let (pattern, count) = closer.packed
        let n = bytes.count
        let found = CloserSearch.lane(k, of: &foundAt)
        if CloserSearch.lane(k, of: &searchedFrom) <= start, found >= start {
            horizon = max(horizon, found == Int.max ? n : found + count)
            return found == Int.max ? nil : found
        }
        let result = CloserSearch.first(pattern, count: count, in: bytes, from: start)
        CloserSearch.setLane(k, of: &searchedFrom, to: start)
        CloserSearch.setLane(k, of: &foundAt, to: result)
        horizon = max(horizon, result == Int.max ? n : result + count)
        return result == Int.max ? nil : result
    }

    // Lanes read and written through memory: `SIMD8`'s subscript setter copies all eight.
    @inline(__always) private static func lane(_ k: Int, of lanes: inout SIMD8<Int>) -> Int {
        withUnsafeMutableBytes(of: &lanes) { $0.load(fromByteOffset: k &* 8, as: Int.self) }
    }

    @inline(__always) private static func setLane(_ k: Int, of lanes: inout SIMD8<Int>, to value: Int) {
        withUnsafeMutableBytes(of: &lanes) { $0.storeBytes(of: value, toByteOffset: k &* 8, as: Int.self) }
    }

    /// The first index at or after `start` where the `count` bytes of `pattern`
    /// start, or `Int.max`: its first two bytes are found sixteen positions at a
    /// time (`ByteSearch.firstPair`), the rest compared only there.
    private static func first(_ pattern: UInt32, count: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let end = bytes.count &- count &+ 1  // past the last index a match can start at
        let b0 = UInt8(truncatingIfNeeded: pattern), b1 = UInt8(truncatingIfNeeded: pattern &>> 8)
        var i = max(start, 0)
        while i < end {
            i = ByteSearch.firstPair(b0, b1, in: bytes, from: i, to: end)
            guard i < end else { break }
            var j = 2
            while j < count, bytes[i &+ j] == UInt8(truncatingIfNeeded: pattern &>> UInt32(8 &* j)) { j &+= 1 }
            if j == count { return i }
            i &+= 1
        }
        return Int.max
    }
}
