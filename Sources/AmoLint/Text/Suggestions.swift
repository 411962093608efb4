/// "Did you mean" for attribute names, enumeration values and scopes.
public enum Suggestions {
    /// Edit distance counting a swap of neighbours as one edit (`titel` → `title`),
    /// capped: returns `limit + 1` as soon as it is exceeded.
    public static func distance(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let x = Array(a.unicodeScalars).map(\.value), y = Array(b.unicodeScalars).map(\.value)
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in distance(x, y, limit: limit) } }
    }

    /// The same distance over code units (bytes of ASCII text, scalars of any other),
    /// with its rows on the stack.
    static func distance<T: Equatable>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeBufferPointer<T>, limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var twoBack = rows.baseAddress!, previous = twoBack + width, current = previous + width
            for j in 0..<width { twoBack[j] = 0; previous[j] = j; current[j] = 0 }
            for i in 1...x.count {
                current[0] = i
                var rowMin = current[0]
                for j in 1...y.count {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, twoBack[j - 2] + 1) }
                    current[j] = d
                    rowMin = min(rowMin, d)
                }
                if rowMin > limit { return limit + 1 }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            return previous[y.count]
        }
    }

    /// Lower-case with `-` and `_` removed: `post-message`, `postMessage` and
    /// `post_message` all become `postmessage`.
    public static func folded(_ s: some StringProtocol) -> String {
        String(s.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" }.map(Character.init))
    }

    /// `folded` of ASCII text, as bytes.
    static func foldedBytes(_ s: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 where b != 0x2D && b != 0x5F { out.append(ASCII.lower(b)) }
        return out
    }

    /// A list of candidates with their folded forms, worked out once for a list
    /// that is asked about many times (a hostile page has 100,000 unknown names).
    public struct Candidates: Sendable {
        let words: [String]
        /// Folded bytes of each word; nil when some word is not ASCII.
        let folded: [[UInt8]]?

        public init(_ words: [String]) {
            self.words = words
            folded = words.allSatisfy { ASCII.isASCII($0) } ? words.map { foldedBytes($0) } : nil
        }
    }

    /// The one candidate `value` most likely means: same after folding case,
    /// white space and separators, else the unique nearest within a small distance.
    public static func nearest(_ value: String, in candidates: [String]) -> String? {
        nearest(value, in: Candidates(candidates))
    }

    public static func nearest(_ value: String, in candidates: Candidates) -> String? {
        let trimmed = value.trimmingWhitespace()
        guard let folded = candidates.folded, ASCII.isASCII(trimmed) else { return plainNearest(String(trimmed), in: candidates.words) }
        // ASCII: bytes are scalars, and Characters but for `\r\n`, which counts once.
        let key = foldedBytes(trimmed)
        guard !key.isEmpty else { return nil }
        var same: Int?
        var sameCount = 0
        for (k, word) in folded.enumerated() where word == key {
            same = k
            sameCount += 1
        }
        if sameCount == 1, let same { return candidates.words[same] }
        var characters = key.count
        for i in key.indices.dropFirst() where key[i - 1] == 0x0D && key[i] == 0x0A { characters -= 1 }
        // Short words need a tighter bound, or `en` would "mean" `es`.
        let limit = characters <= 3 ? 0 : characters <= 5 ? 1 : 2
        guard limit > 0 else { return nil }
        var best: Int?
        var bestDistance = Int.max, bestCount = 0
        key.withUnsafeBufferPointer { x in
            for (k, word) in folded.enumerated() where abs(word.count - x.count) <= limit {
                let d = word.withUnsafeBufferPointer { distance(x, $0, limit: limit) }
                guard d <= limit else { continue }
                if d < bestDistance { (best, bestDistance, bestCount) = (k, d, 1) } else if d == bestDistance { bestCount += 1 }
            }
        }
        guard let best, bestCount == 1 else { return nil }
        return candidates.words[best]
    }

    /// The same, on Characters and scalars, for text that is not ASCII.
    static func plainNearest(_ trimmed: String, in candidates: [String]) -> String? {
        let key = folded(trimmed)
        guard !key.isEmpty else { return nil }
        let same = candidates.filter { folded($0) == key }
        if same.count == 1 { return same[0] }
        let limit = key.count <= 3 ? 0 : key.count <= 5 ? 1 : 2
        guard limit > 0 else { return nil }
        let scored = candidates.map { ($0, distance(key, folded($0), limit: limit)) }.filter { $0.1 <= limit }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }
}
