/// Globs for `exclude`: `*` within a path segment, `**` across segments, `?` one
/// character. A pattern without `/` matches any file or folder of that name at
/// any depth (`vendor`, `*.min.html`), as in `.gitignore`; a trailing `/` or
/// `/**` matches everything below.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        if pattern.hasPrefix("./") { pattern.removeFirst(2) }
        if pattern.hasSuffix("/") { pattern += "**" }
        let segments = path.split(separator: "/").map(String.init)
        if !pattern.contains("/") {
            return segments.contains { match(Array(pattern.unicodeScalars), Array($0.unicodeScalars)) }
        }
        if pattern.hasPrefix("/") { pattern.removeFirst() }
        let p = Array(pattern.unicodeScalars), s = Array(path.unicodeScalars)
        if match(p, s) { return true }
        // A folder pattern also excludes what is inside it.
        return (1..<max(1, segments.count)).contains { n in
            match(p, Array(segments.prefix(n).joined(separator: "/").unicodeScalars))
        }
    }

    /// Wildcard matching by dynamic programming: linear in pattern × text, no backtracking blow-up.
    private static func match(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        var reach = [Bool](repeating: false, count: s.count + 1)
        reach[0] = true
        var i = 0
        while i < p.count {
            var next = [Bool](repeating: false, count: s.count + 1)
            if p[i] == "*" {
                let double = i + 1 < p.count && p[i + 1] == "*"
                if double {
                    i += 1
                    // `**/` also matches zero folders.
                    if i + 1 < p.count, p[i + 1] == "/" {
                        i += 1
                        var k = 0
                        var carried = false
                        while k <= s.count {
                            carried = carried || reach[k]
                            if reach[k] { next[k] = true }
                            if carried, k > 0, s[k - 1] == "/" { next[k] = true }
                            k += 1
                        }
                        reach = next
                        i += 1
                        continue
                    }
                }
                var carried = false
                for k in 0...s.count {
                    // A single `*` cannot consume a `/`; `**` can.
                    if !double, k > 0, s[k - 1] == "/" { carried = false }
                    if reach[k] { carried = true }
                    next[k] = carried
                }
            } else {
                for k in 0..<s.count where reach[k] && (p[i] == "?" ? s[k] != "/" : p[i] == s[k]) { next[k + 1] = true }
            }
            reach = next
            i += 1
        }
        return reach[s.count]
    }
}
