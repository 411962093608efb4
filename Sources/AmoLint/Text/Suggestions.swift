/// "Did you mean" for attribute names, enumeration values and scopes.
public enum Suggestions {
    /// Edit distance counting a swap of neighbours as one edit (`titel` → `title`),
    /// capped: returns `limit + 1` as soon as it is exceeded.
    public static func distance(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var twoBack = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[y.count]
    }

    /// Lower-case with `-` and `_` removed: `post-message`, `postMessage` and
    /// `post_message` all become `postmessage`.
    public static func folded(_ s: some StringProtocol) -> String {
        String(s.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" }.map(Character.init))
    }

    /// The one candidate `value` most likely means: same after folding case,
    /// white space and separators, else the unique nearest within a small distance.
    public static func nearest(_ value: String, in candidates: [String]) -> String? {
        let trimmed = String(value.trimmingWhitespace())
        let key = folded(trimmed)
        guard !key.isEmpty else { return nil }
        let same = candidates.filter { folded($0) == key }
        if same.count == 1 { return same[0] }
        // Short words need a tighter bound, or `en` would "mean" `es`.
        let limit = key.count <= 3 ? 0 : key.count <= 5 ? 1 : 2
        guard limit > 0 else { return nil }
        let scored = candidates.map { ($0, distance(key, folded($0), limit: limit)) }.filter { $0.1 <= limit }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }
}
