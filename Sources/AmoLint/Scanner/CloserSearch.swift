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
    }

    private static let patterns: [[UInt8]] = Closer.allCases.map(\.pattern)

    /// The closer's length in bytes, without building its pattern.
    static func length(_ closer: Closer) -> Int { patterns[closer.rawValue].count }
    private var searchedFrom = [Int](repeating: Int.max, count: Closer.allCases.count)
    private var foundAt = [Int](repeating: 0, count: Closer.allCases.count)
    /// Balanced-bracket scans that ran off the end: any later one would too
    /// (or is broken input we need not parse well), so they are not repeated.
    var bracketScanFailedFrom = Int.max
    /// The end of the furthest answer given (the input's end for "none"): what
    /// the scan so far has read, for resuming it after an edit (`MarkupTrace`).
    var horizon = 0

    /// Index of the first occurrence of `closer` at or after `start`, or nil.
    mutating func find(_ closer: Closer, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let k = closer.rawValue
        let pattern = CloserSearch.patterns[k]
        let n = bytes.count
        if searchedFrom[k] <= start, foundAt[k] >= start {
            horizon = max(horizon, foundAt[k] == Int.max ? n : foundAt[k] + pattern.count)
            return foundAt[k] == Int.max ? nil : foundAt[k]
        }
        let first = pattern[0]
        var i = start
        var result = Int.max
        search: while i + pattern.count <= n {
            i = ByteSearch.first(first, first, in: bytes, from: i, to: n - pattern.count + 1)
            guard i + pattern.count <= n else { break }
            if bytes[i] == first {
                var j = 1
                while j < pattern.count, bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { result = i; break search }
            }
            i += 1
        }
        searchedFrom[k] = start
        foundAt[k] = result
        horizon = max(horizon, result == Int.max ? n : result + pattern.count)
        return result == Int.max ? nil : result
    }
}
