import Testing
@testable import AmoLint

#if canImport(Glibc)
import Glibc
#endif

/// Every diagnostic of every rule example (as written and perturbed) and of the
/// example pages in full (rule, severity, range, message, fix, related locations),
/// and a digest of those of each fuzz input. The rules' fast paths (bytes instead of
/// `Character`s) must give exactly what the plain code gave, which wrote this golden.
/// A deliberate change of a message rewrites it: `AMOLINT_UPDATE_GOLDEN=1 swift test
/// --filter DiagnosticsGoldenTests`, then review the diff.
struct DiagnosticsGoldenTests {
    static var root: String { "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") }
    static var goldenPath: String { root + "/Tests/Golden/diagnostics.txt" }

    static func render(_ d: Diagnostic) -> String {
        var line = "  \(d.rule) \(d.severity.rawValue) \(d.range.lowerBound)..<\(d.range.upperBound)\(d.unnecessary ? " unnecessary" : "") \(d.message.debugDescription)"
        if let fix = d.fix {
            let edits = fix.edits.map { "\($0.range.lowerBound)..<\($0.range.upperBound) \($0.newText.debugDescription)" }
            line += "\n    fix \(fix.applicability.rawValue) \(fix.description.debugDescription): \(edits.joined(separator: ", "))"
        }
        for r in d.related { line += "\n    related \(r.range.lowerBound)..<\(r.range.upperBound) \(r.message.debugDescription)" }
        return line
    }

    static func rendered(_ file: SourceFile) -> String {
        let result = Linter.lint(file)
        var out = result.diagnostics.map { render($0) + "\n" }.joined()
        if result.unreported > 0 { out += "  unreported \(result.unreported)\n" }
        return out
    }

    /// FNV-1a, 64 bits: enough to tell two renderings apart.
    static func digest(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    static func current() throws -> String {
        var out = ""
        func add(_ label: String, _ file: SourceFile) { out += "\(label) (\(file.path))\n" + rendered(file) }
        for rule in RuleCatalog.all {
            for (k, example) in rule.triggering.enumerated() {
                add("\(rule.id) triggering \(k)", SourceFile(path: example.file, text: Marked(example.code).text))
            }
            for (k, example) in rule.nonTriggering.enumerated() {
                add("\(rule.id) non-triggering \(k)", SourceFile(path: example.file, text: Marked(example.code).text))
            }
        }
        for (k, c) in PerturbedExampleTests.cases().enumerated() {
            add("\(c.rule) perturbed \(k)", SourceFile(path: c.file, text: c.text))
        }
        for name in try listFolder(root + "/examples").sorted() where !name.hasSuffix(".md") {
            add("examples/" + name, SourceFile(path: name, bytes: try readBytes(root + "/examples/" + name)))
        }
        for folder in ["/Fuzz/regressions/lint/", "/Fuzz/corpus/lint/"] {
            for name in try listFolder(root + folder).sorted() {
                guard let file = Invariants.file(fromFuzzInput: try readBytes(root + folder + name)) else { continue }
                let text = rendered(file)
                out += "\(folder.dropFirst())\(name) (\(file.path)) \(text.split(separator: "\n").count) lines, \(digest(text))\n"
            }
        }
        return out
    }

    @Test("the diagnostics of the examples and fuzz inputs are the golden ones")
    func diagnosticsMatchTheGolden() throws {
        let actual = try Self.current()
        if let update = getenv("AMOLINT_UPDATE_GOLDEN"), String(cString: update) == "1" {
            let file = try #require(fopen(Self.goldenPath, "wb"))
            fputs(actual, file)
            fclose(file)
        }
        let golden = String(decoding: try readBytes(Self.goldenPath), as: UTF8.self)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let g = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, g).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(a == g, "first difference at line \((first?.offset ?? min(a.count, g.count)) + 1): \(first.map { "\($0.element.0)\n  golden: \($0.element.1)" } ?? "\(a.count) lines, golden \(g.count)")")
    }

    @Test func theGoldenCoversTheExamplePagesAndFuzzInputs() throws {
        let golden = String(decoding: try readBytes(Self.goldenPath), as: UTF8.self)
        #expect(golden.contains("examples/landing.html"))
        #expect(golden.contains("Fuzz/corpus/lint/"))
        #expect(golden.contains("\n  unknown-attribute warning "))
    }
}
