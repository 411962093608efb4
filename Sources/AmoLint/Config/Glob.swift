/// Globs for `exclude`: `*` within a path segment, `**` across segments, `?` one
/// character. A pattern without `/` matches any file or folder of that name at
/// any depth (`vendor`, `*.min.html`), as in `.gitignore`; a trailing `/` or
/// `/**` matches everything below.
///
/// A configuration's globs are compiled once (`ExcludeGlobs`) and each path is
/// matched once: a pattern with `/` runs over the path a single time and is read
/// off at every folder boundary (a folder pattern excludes what is inside it).
/// Patterns that need a literal folder or file name are only tried on paths
/// holding that name, so a thousand `**/name/**` globs cost a few look-ups a path.
struct Glob: Sendable {
    enum Token: Equatable, Sendable {
        case scalar(Unicode.Scalar)
        /// `?`: one character, not `/`.
        case one
        /// `*`: within a segment.
        case star
        /// `**` not followed by `/`: anything.
        case doubleStar
        /// `**/`: nothing, or anything ending in `/`.
        case folders
    }

    let tokens: [Token]
    /// The longest run of literal scalars: a text without it cannot match.
    let literal: [Unicode.Scalar]

    init(_ pattern: String) {
        let p = Array(pattern.unicodeScalars)
        let star: Unicode.Scalar = "*", slash: Unicode.Scalar = "/", question: Unicode.Scalar = "?"
        var tokens: [Token] = []
        var i = 0
        while i < p.count {
            if p[i] == star, i + 1 < p.count, p[i + 1] == star {
                if i + 2 < p.count, p[i + 2] == slash { tokens.append(.folders); i += 3 } else { tokens.append(.doubleStar); i += 2 }
            } else if p[i] == star {
                tokens.append(.star); i += 1
            } else if p[i] == question {
                tokens.append(.one); i += 1
            } else {
                tokens.append(.scalar(p[i])); i += 1
            }
        }
        self.tokens = tokens
        var best: [Unicode.Scalar] = [], run: [Unicode.Scalar] = []
        for token in tokens {
            if case .scalar(let c) = token { run.append(c); continue }
            if run.count > best.count { best = run }
            run.removeAll()
        }
        literal = run.count > best.count ? run : best
    }

    /// After a true return, `reach[k]` says whether the pattern matches `s[0..<k]`:
    /// one run answers for every prefix. Dynamic programming, linear in pattern ×
    /// text; false as soon as no prefix can match.
    func run(_ s: [Unicode.Scalar], _ reach: inout [Bool], _ next: inout [Bool]) -> Bool {
        let n = s.count
        let slash: Unicode.Scalar = "/"
        reach.removeAll(keepingCapacity: true)
        reach.append(contentsOf: repeatElement(false, count: n + 1))
        next.removeAll(keepingCapacity: true)
        next.append(contentsOf: repeatElement(false, count: n + 1))
        reach[0] = true
        for token in tokens {
            var any = false
            switch token {
            case .scalar(let c):
                next[0] = false
                for k in 0..<n {
                    let on = reach[k] && s[k] == c
                    next[k + 1] = on
                    if on { any = true }
                }
            case .one:
                next[0] = false
                for k in 0..<n {
                    let on = reach[k] && s[k] != slash
                    next[k + 1] = on
                    if on { any = true }
                }
            case .star, .doubleStar:
                // A single `*` cannot consume a `/`; `**` can.
                let single = token == .star
                var carried = false
                for k in 0...n {
                    if single, k > 0, s[k - 1] == slash { carried = false }
                    if reach[k] { carried = true }
                    next[k] = carried
                    if carried { any = true }
                }
            case .folders:
                var carried = false
                for k in 0...n {
                    if reach[k] { carried = true }
                    let on = reach[k] || (carried && k > 0 && s[k - 1] == slash)
                    next[k] = on
                    if on { any = true }
                }
            }
            swap(&reach, &next)
            if !any { return false }
        }
        return true
    }

    static func contains(_ needle: [Unicode.Scalar], in s: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= s.count else { return false }
        for start in 0...(s.count - needle.count) where s[start] == needle[0] {
            var k = 1
            while k < needle.count, s[start + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}

/// A configuration's `exclude` globs, compiled.
struct ExcludeGlobs: Sendable, Equatable {
    let patterns: [String]
    /// Nil without patterns: most configurations have none, and a process that
    /// checks one file should not pay for the tables' types.
    private let index: Index?

    final class Index: Sendable {
        /// Patterns without `/` or wildcards: names, by their UTF-8.
        let names: Set<[UInt8]>
        /// Other patterns without `/`: matched against each segment.
        let nameGlobs: [Glob]
        /// Patterns with `/`.
        let pathGlobs: [Glob]
        /// Path patterns by a literal segment every match holds (see `anchor`).
        let anchored: [[UInt8]: [Int]]
        let unanchored: [Int]

        init(_ patterns: [String]) {
            var names: Set<[UInt8]> = [], nameGlobs: [Glob] = [], pathGlobs: [Glob] = []
            var anchored: [[UInt8]: [Int]] = [:], unanchored: [Int] = []
            for var pattern in patterns {
                if pattern.hasPrefix("./") { pattern.removeFirst(2) }
                if pattern.hasSuffix("/") { pattern += "**" }
                if !pattern.contains("/") {
                    if pattern.unicodeScalars.contains(where: ExcludeGlobs.isWildcard) {
                        nameGlobs.append(Glob(pattern))
                    } else {
                        names.insert(Array(pattern.utf8))
                    }
                    continue
                }
                if pattern.hasPrefix("/") { pattern.removeFirst() }
                let index = pathGlobs.count
                pathGlobs.append(Glob(pattern))
                if let anchor = ExcludeGlobs.anchor(pattern) {
                    anchored[anchor, default: []].append(index)
                } else {
                    unanchored.append(index)
                }
            }
            self.names = names
            self.nameGlobs = nameGlobs
            self.pathGlobs = pathGlobs
            self.anchored = anchored
            self.unanchored = unanchored
        }
    }

    static func == (a: ExcludeGlobs, b: ExcludeGlobs) -> Bool { a.patterns == b.patterns }

    init(_ patterns: [String]) {
        self.patterns = patterns
        index = patterns.isEmpty ? nil : Index(patterns)
    }

    static func isWildcard(_ c: Unicode.Scalar) -> Bool { c == "*" || c == "?" }

    /// The UTF-8 of a segment of the pattern that every match has as a whole
    /// segment of the path: a literal one (no `*` or `?`), the longest, in a
    /// pattern where `**` only stands as a whole segment (`a**/b` can put `b`
    /// mid-segment). Each segment then starts at the text's start or after a `/`
    /// (a `**/` before it matches nothing or ends with `/`) and ends at the text's
    /// end or before a `/`; the text is the path or one of its folders.
    static func anchor(_ pattern: String) -> [UInt8]? {
        let star: Unicode.Scalar = "*"
        let segments: [[Unicode.Scalar]] = pattern.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false).map { Array($0) }
        for segment in segments where segment != [star, star] && segment.count > 1 {
            for k in 1..<segment.count where segment[k - 1] == star && segment[k] == star { return nil }
        }
        var best: [Unicode.Scalar]?
        for segment in segments where !segment.isEmpty && !segment.contains(where: isWildcard) {
            if segment.count > (best?.count ?? 0) { best = segment }
        }
        guard let best else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: best)
        return Array(String(view).utf8)
    }

    func matches(_ path: String) -> Bool {
        guard let index else { return false }
        let (names, nameGlobs, pathGlobs, anchored) = (index.names, index.nameGlobs, index.pathGlobs, index.anchored)
        let segments = path.split(separator: "/")
        for segment in segments where names.contains(Array(segment.utf8)) { return true }
        var reach: [Bool] = [], next: [Bool] = []
        if !nameGlobs.isEmpty {
            for segment in segments {
                let s = Array(segment.unicodeScalars)
                for glob in nameGlobs where Glob.contains(glob.literal, in: s) {
                    if glob.run(s, &reach, &next), reach[s.count] { return true }
                }
            }
        }
        guard !pathGlobs.isEmpty else { return false }
        var candidates = index.unanchored
        // Anchors are looked up among the path's segments as the patterns see them: split at every `/` scalar.
        for piece in path.unicodeScalars.split(separator: "/") {
            if let more = anchored[Array(String(piece).utf8)] { candidates += more }
        }
        guard !candidates.isEmpty else { return false }
        // The folders as the segments joined (what a folder pattern is read against), with where each ends.
        var joined: [Unicode.Scalar] = []
        var folderEnds: [Int] = []
        for (n, segment) in segments.enumerated() {
            if n > 0 {
                folderEnds.append(joined.count)
                joined.append("/")
            }
            joined += segment.unicodeScalars
        }
        let whole = Array(path.unicodeScalars)
        let sameText = whole == joined
        for i in candidates {
            let glob = pathGlobs[i]
            guard Glob.contains(glob.literal, in: whole) || Glob.contains(glob.literal, in: joined) else { continue }
            let ran = glob.run(whole, &reach, &next)
            if ran, reach[whole.count] { return true }
            if sameText {
                if ran, folderEnds.contains(where: { reach[$0] }) { return true }
            } else if glob.run(joined, &reach, &next), folderEnds.contains(where: { reach[$0] }) {
                return true
            }
        }
        return false
    }
}
