import Testing
@testable import AmoLint

/// Runs every rule's examples: each triggering example reports exactly the marked
/// ranges, also after a line of Cyrillic and emoji and behind multi-byte text on
/// the same line; nothing is reported when the example is commented out; and the
/// example's fix gives the expected text, which the rule then passes.
struct RuleExamplesTests {
    static let prefixLine = "<p>Кнопка „Войти“ 🚀👩‍💻 amoCRM</p>\n"
    static let sameLinePrefix = "<b>Вход 🔐</b> "

    /// Cyrillic and emoji before the example, in the example's own language.
    static func prefixes(for file: String) -> [String] {
        guard FileKind(path: file) == .script || FileKind(path: file) == .jsx else {
            return ["", prefixLine, prefixLine + sameLinePrefix]
        }
        let line = "// Кнопка „Войти“ 🚀👩‍💻 amoCRM\n", same = "/* Вход 🔐 */ "
        return ["", line, line + same]
    }

    /// The example as dead code: in an HTML comment, or in the language's own comments.
    static func commentedOut(_ code: String, file: String) -> [String] {
        let lineComments = code.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 }.joined(separator: "\n")
        switch FileKind(path: file) {
        case .jsx: return ["{/* \(code) */}", lineComments]
        case .script: return ["/* \(code) */", lineComments]
        case .php: return ["<!-- \(code) -->", "<?php /* \(code) */ ?>"]
        default: return ["<!-- \(code) -->"]
        }
    }

    @Test("triggering examples report exactly the marked ranges", arguments: RuleCatalog.all.map(\.id))
    func triggering(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(id))
        #expect(!rule.triggering.isEmpty, "\(id) has no triggering example")
        for example in rule.triggering {
            for prefix in Self.prefixes(for: example.file) {
                let marked = Marked(prefix + example.code)
                let result = Linter.lint(SourceFile(path: example.file, text: marked.text))
                let actual = result.diagnostics.filter { $0.rule == id }
                    .map { Span(result.lineIndex, $0.range) }.sorted()
                let expected = marked.spans
                #expect(actual == expected, "\(id) on \(example.code.debugDescription) with prefix \(prefix.debugDescription)")
            }
        }
    }

    @Test("non-triggering examples report nothing for the rule", arguments: RuleCatalog.all.map(\.id))
    func nonTriggering(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(id))
        #expect(!rule.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in rule.nonTriggering {
            let diagnostics = Linter.lint(SourceFile(path: example.file, text: Marked(example.code).text)).diagnostics
            #expect(diagnostics.filter { $0.rule == id }.isEmpty, "\(id) fired on \(example.code.debugDescription)")
        }
    }

    @Test("commented-out examples report nothing for the rule", arguments: RuleCatalog.all.map(\.id))
    func commentedOut(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for example in rule.triggering {
            let code = Marked(example.code).text
            for wrapped in Self.commentedOut(code, file: example.file) {
                let diagnostics = Linter.lint(SourceFile(path: example.file, text: wrapped)).diagnostics
                #expect(diagnostics.filter { $0.rule == id }.isEmpty, "\(id) fired inside a comment: \(wrapped.debugDescription)")
            }
        }
    }

    @Test("fixes give the expected text and satisfy the rule", arguments: RuleCatalog.all.map(\.id))
    func fixes(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for example in rule.triggering {
            let file = SourceFile(path: example.file, text: Marked(example.code).text)
            let (bytes, count) = Fixer.fixAll(file, configuration: Configuration(), applicability: .unsafe, include: { $0.rule == id })
            let fixedText = String(decoding: bytes, as: UTF8.self)
            guard let expected = example.fixed else {
                #expect(count == 0, "\(id) has a fix but its example declares no fixed text: \(fixedText.debugDescription)")
                continue
            }
            #expect(fixedText == expected, "\(id) fix of \(example.code.debugDescription)")
            let after = Linter.lint(SourceFile(path: example.file, text: fixedText)).diagnostics
            #expect(after.filter { $0.rule == id }.isEmpty, "\(id) still fires after its fix: \(fixedText.debugDescription)")
        }
    }
}

extension RuleExamplesTests {
    /// `--fix` applies the safe fixes of an example; what it leaves of that rule has only unsafe fixes,
    /// and when the example has no unsafe fix, the safe ones alone give its `fixed:` text.
    @Test("safe fixes alone leave only unsafe ones", arguments: RuleCatalog.ids)
    func safeFixes(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for example in rule.triggering where example.fixed != nil {
            let file = SourceFile(path: example.file, text: Marked(example.code).text)
            let (bytes, _) = Fixer.fixAll(file, configuration: Configuration(), include: { $0.rule == id })
            let left = Linter.lint(SourceFile(path: example.file, bytes: bytes)).diagnostics.filter { $0.rule == id }
            #expect(left.allSatisfy { $0.fix?.applicability != .safe }, "\(id): a safe fix was left in \(example.code.debugDescription)")
            if RuleDocumentation.applicability(example, rule: id) == .safe {
                #expect(String(decoding: bytes, as: UTF8.self) == example.fixed, "\(id): safe fixes of \(example.code.debugDescription)")
            }
        }
    }
}

/// A position as the CLI prints it (1-based line, column in Unicode scalars), so
/// the tests check the conversion as well as the byte range.
struct Span: Comparable, CustomStringConvertible {
    let start: (Int, Int)
    let end: (Int, Int)

    init(_ index: LineIndex, _ range: Range<Int>) {
        let s = index.position(ofByte: range.lowerBound, encoding: .utf32)
        let e = index.position(ofByte: range.upperBound, encoding: .utf32)
        start = (s.line + 1, s.character + 1)
        end = (e.line + 1, e.character + 1)
    }

    init(start: (Int, Int), end: (Int, Int)) {
        self.start = start
        self.end = end
    }

    static func == (a: Span, b: Span) -> Bool { a.start == b.start && a.end == b.end }
    static func < (a: Span, b: Span) -> Bool { (a.start.0, a.start.1, a.end.0, a.end.1) < (b.start.0, b.start.1, b.end.0, b.end.1) }
    var description: String { "\(start.0):\(start.1)-\(end.0):\(end.1)" }
}

/// Example text with `«` `»` markers removed, and the marked spans computed by
/// counting Characters' scalars independently of `LineIndex`.
struct Marked {
    let text: String
    let spans: [Span]

    init(_ code: String) {
        var text = ""
        var spans: [Span] = []
        var line = 1, column = 1
        var open: (Int, Int)?
        for scalar in code.unicodeScalars {
            switch scalar {
            case "«": open = (line, column)
            case "»":
                if let start = open { spans.append(Span(start: start, end: (line, column))) }
                open = nil
            case "\n":
                text.unicodeScalars.append(scalar)
                line += 1
                column = 1
            default:
                text.unicodeScalars.append(scalar)
                column += 1
            }
        }
        self.text = text
        self.spans = spans.sorted()
    }
}
