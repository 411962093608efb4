import Testing
@testable import AmoLint

#if canImport(Glibc)
import Glibc
#endif

/// Every diagnostic of every rule example (as written and perturbed) and of the
/// example pages in full (rule, severity, range, message, fix, related locations),
/// and a digest of those of each fuzz input. The rules' fast paths (bytes instead of
/// `Character`s) must give exactly what the plain code gave, which wrote this golden.
/// A deliberate change of a message, or new inputs, rewrite it: `AMOLINT_UPDATE_GOLDEN=1
/// swift test --filter DiagnosticsGoldenTests`, then review the diff.
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

    /// Rule examples are named by their text, so inserting one does not rename the others.
    static func current() throws -> String {
        var out = ""
        func add(_ label: String, _ file: SourceFile) { out += "\(label) (\(file.path))\n" + rendered(file) }
        for rule in RuleCatalog.all {
            for example in rule.triggering {
                add("\(rule.id) triggering \(digest(example.code))", SourceFile(path: example.file, text: Marked(example.code).text))
            }
            for example in rule.nonTriggering {
                add("\(rule.id) non-triggering \(digest(example.code))", SourceFile(path: example.file, text: Marked(example.code).text))
            }
        }
        for c in PerturbedExampleTests.cases() {
            add("\(c.rule) perturbed \(digest(c.text))", SourceFile(path: c.file, text: c.text))
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

    /// Each input's lines, by its label (the line that does not start with a space).
    static func entries(_ text: String) -> [String: [Substring]] {
        var out: [String: [Substring]] = [:]
        var label = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix(" ") { out[label, default: []].append(line) } else { label = String(line); out[label] = [] }
        }
        return out
    }

    /// Inputs added since the golden was written are not in it, and removed ones are
    /// not asked about; every input in both must give the same diagnostics.
    @Test("the diagnostics of the examples and fuzz inputs are the golden ones")
    func diagnosticsMatchTheGolden() throws {
        let actual = try Self.current()
        if let update = getenv("AMOLINT_UPDATE_GOLDEN"), String(cString: update) == "1" {
            let file = try #require(fopen(Self.goldenPath, "wb"))
            fputs(actual, file)
            fclose(file)
        }
        let golden = Self.entries(String(decoding: try readBytes(Self.goldenPath), as: UTF8.self))
        let now = Self.entries(actual)
        var matched = 0
        for (label, lines) in now.sorted(by: { $0.key < $1.key }) {
            guard let expected = golden[label] else { continue }
            matched += 1
            #expect(lines == expected, "\(label):\n\(lines.joined(separator: "\n"))\ngolden:\n\(expected.joined(separator: "\n"))")
        }
        #expect(matched * 10 >= golden.count * 9, "only \(matched) of the golden's \(golden.count) inputs are left: rewrite it")
    }

    @Test func theGoldenCoversTheExamplePagesAndFuzzInputs() throws {
        let golden = String(decoding: try readBytes(Self.goldenPath), as: UTF8.self)
        #expect(golden.contains("examples/landing.html"))
        #expect(golden.contains("Fuzz/corpus/lint/"))
        #expect(golden.contains("\n  unknown-attribute warning "))
    }
}
