import Testing
@testable import AmoLint

/// The compiled `exclude` globs against their definition: every pattern matched
/// on its own against the path and against each of its folders, as amolint did
/// before globs were compiled (`ReferenceGlob`, kept here as the specification).
struct ExcludeGlobTests {
    @Test func compiledGlobsMatchTheirDefinitionOnRandomPatternsAndPaths() {
        var random = SplitMix(seed: 14)
        let pieces = ["a", "b", "ab", "/", "/", "*", "**", "**/", "?", ".", "x.html", "é", "e\u{301}", "./", "-"]
        let pathPieces = ["a", "b", "ab", "x.html", "/", "/", "é", "e\u{301}", ".", "gen", "//"]
        var compared = 0, matched = 0
        for _ in 0..<4_000 {
            let count = 1 + Int(random.next() % 3)
            let patterns = (0..<count).map { _ in (0..<(1 + Int(random.next() % 6))).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
            let c = Configuration(exclude: patterns)
            for _ in 0..<6 {
                var path = (0..<(1 + Int(random.next() % 8))).map { _ in pathPieces[Int(random.next() % UInt64(pathPieces.count))] }.joined()
                while path.hasPrefix("./") { path.removeFirst(2) }
                let expected = patterns.contains { ReferenceGlob.matches($0, path) }
                #expect(c.excludes(path) == expected, "\(patterns) on \(path)")
                compared += 1
                if expected { matched += 1 }
            }
        }
        // Both answers occur often enough for the comparison to mean something.
        #expect(matched > compared / 20 && matched < compared * 19 / 20)
    }

    @Test func aThousandFolderGlobsMatchWhereEachAlone() {
        let patterns = (0..<1_000).map { "**/generated-\($0)/**" } + ["**/*.min.html", "build/", "*.tmp.html"]
        let c = Configuration(exclude: patterns)
        for path in ["src/generated-999/a.html", "generated-0/x/y.html", "src/generated-1000/a.html", "a/b.min.html",
                     "build/x.html", "src/build/x.html", "z.tmp.html", "src/generated-5", "src/a.html"] {
            #expect(c.excludes(path) == patterns.contains { ReferenceGlob.matches($0, path) }, "\(path)")
        }
    }
}

/// How `exclude` globs were matched before they were compiled: each pattern on
/// its own, against the path and against every folder prefix.
enum ReferenceGlob {
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
        return (1..<max(1, segments.count)).contains { n in
            match(p, Array(segments.prefix(n).joined(separator: "/").unicodeScalars))
        }
    }

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
