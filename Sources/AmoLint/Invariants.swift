/// What must hold for any input, checked by the fuzzer and by the regression
/// tests it leaves behind: ranges inside the text, positions that convert back,
/// fixes that apply, and a fix-all that is idempotent.
package enum Invariants {
    /// The violations for `file`, empty when everything holds.
    package static func violations(_ file: SourceFile) -> [String] {
        var problems: [String] = []
        let count = file.bytes.count
        let result = Linter.lint(file)
        for d in result.diagnostics {
            let ranges = [d.range] + d.related.map(\.range) + (d.fix?.edits.map(\.range) ?? [])
            if ranges.contains(where: { $0.lowerBound < 0 || $0.upperBound > count }) {
                problems.append("\(d.rule): a range lies outside the text")
            }
            for encoding in PositionEncoding.allCases {
                let p = result.lineIndex.position(ofByte: d.range.lowerBound, encoding: encoding)
                let back = result.lineIndex.byteOffset(of: p, encoding: encoding).offset
                if back > d.range.lowerBound || result.lineIndex.position(ofByte: back, encoding: encoding) != p {
                    problems.append("\(d.rule): \(encoding.rawValue) position \(p) does not convert back to byte \(d.range.lowerBound)")
                }
            }
        }
        let once = Fixer.fixAll(file, configuration: Configuration())
        let twice = Fixer.fixAll(SourceFile(path: file.path, bytes: once.bytes), configuration: Configuration())
        if twice.fixed != 0 { problems.append("fix-all is not idempotent: a second run made \(twice.fixed) more fixes") }
        if once.fixed > 0, result.unreported == 0, let worse = madeWorse(result.diagnostics, after: Linter.lint(SourceFile(path: file.path, bytes: once.bytes))) {
            problems.append("--fix made the page worse: \(worse) appeared")
        }
        problems += resumptionViolations(file)
        if result.diagnostics != Linter.lint(Document(file), cache: nil).diagnostics {
            problems.append("the findings cache for repeated tags changed the diagnostics")
        }
        return problems
    }

    /// The server's incremental path against the plain one: edits made from the
    /// input itself (a byte removed, delimiters inserted), each resumed from a scan
    /// with a checkpoint at every step and linted under one findings cache, must
    /// give what a full scan and fresh checks give.
    package static func resumptionViolations(_ file: SourceFile) -> [String] {
        let n = file.bytes.count
        let traced = Document(traced: file, spacing: 1)
        var problems: [String] = []
        // The server's findings cache, kept across the edits as it is across keystrokes.
        let cache = ButtonFindingsCache()
        _ = Linter.lint(traced, cache: cache)
        let edits: [(Range<Int>, [UInt8])] = [(n / 2..<min(n, n / 2 + 1), []), (n / 3..<n / 3, Array("-->".utf8)),
                                               (2 * n / 3..<2 * n / 3, Array("<".utf8)), (n / 4..<min(n, n / 4 + 3), Array("\"}}".utf8))]
        for (range, insert) in edits {
            var bytes = file.bytes
            bytes.replaceSubrange(range, with: insert)
            let edited = SourceFile(path: file.path, bytes: bytes)
            let resumed = Document(edited, resuming: traced.resumption, after: EditSpan(replacing: range, count: insert.count))
            let scanned = Document(traced: edited, spacing: 1)
            if Linter.lint(resumed, cache: cache).diagnostics != Linter.lint(scanned).diagnostics
                || resumed.layers.map({ $0.buttons.map(\.range) }) != scanned.layers.map({ $0.buttons.map(\.range) })
                || resumed.directiveComments != scanned.directiveComments || resumed.codeRanges != scanned.codeRanges
            {
                problems.append("resuming the scan after replacing \(range) with \(insert.count) bytes differs from scanning it whole")
            }
        }
        return problems
    }

    /// The rules reported after fixing that were not before, unless a fix lifted a
    /// finding that stands in for others: a rename (`data-redirect-uri` →
    /// `data-redirect_uri`, `id=` → `class=`) gets the attribute checked for the
    /// first time, a fixed `invalid-uri` lets the other URI checks run, and a fixed
    /// `invalid-scope` (`fIles` → `files`) the checks of a known scope (one
    /// mistake, one diagnostic: they were withheld, not absent). Nil when nothing new.
    package static func madeWorse(_ before: [Diagnostic], after: Linter.Result) -> Set<String>? {
        guard after.unreported == 0 else { return nil }
        let revealing: Set<String> = [RuleID.unknownAttribute, .legacyID, .invalidURI, .invalidScope, .emptyValue, .duplicateAttribute].map(\.rawValue).reduce(into: []) { $0.insert($1) }
        if before.contains(where: { revealing.contains($0.rule) && $0.fix != nil }) { return nil }
        let appeared = Set(after.diagnostics.map(\.rule)).subtracting(before.map(\.rule))
        return appeared.isEmpty ? nil : appeared
    }

    /// The file names the fuzzer picks from with its first byte (dialect and comment syntax).
    package static let fileNames = ["page.html", "page.jsx", "page.blade.php", "page.twig", "page.php", "page.js", "page.ts", "page.vue"]

    /// A fuzz input as a file: the first byte picks the name, the rest is the text.
    package static func file(fromFuzzInput data: [UInt8]) -> SourceFile? {
        guard let selector = data.first else { return nil }
        return SourceFile(path: fileNames[Int(selector) % fileNames.count], bytes: Array(data.dropFirst()))
    }
}
