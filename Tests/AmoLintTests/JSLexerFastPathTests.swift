import Testing
@testable import AmoLint

/// The JavaScript lexer gives exactly what the plain one (`PlainJSLexer`, the
/// lexer before its fast paths) gives: tokens, literals and their pieces,
/// directive comments and JSX, on generated (seeded) code, whole or in part.
struct JSLexerFastPathTests {
    static let fragments = [
        "a", "b1", "$x", "_y", "#p", "return", "typeof", "in", "of", "do", "else", "new", "await", "instanceof", "delete", "void", "throw", "case", "yield", "extends", "returns", "o", "i", "cases", "12", "0x1F", "1.5e-3", ".5",
        " ", "  ", "\n", "\r\n", "\t", "/", "/=", "*", "+", "++", "-", "--", "=", "==", "===", "!=", "!==", "=>", "&&", "||", "??", "?.", "?", ":",
        ".", "...", "..", ",", ";", "(", ")", "[", "]", "{", "}", "<", ">", "<=", ">=", "!", "&", "|", "^", "~", "%", "@",
        "'s'", "\"d\"", "'a\\'b'", "\"\\n\\t\\x41\\u0041\\u{1F600}\\0\\01\\q\\é\"", "'\\u{110000}'", "'\\u{'", "'\\x4'", "'\\\n'", "'", "\"", "'unterminated\n",
        "`", "`t`", "`a${b}c`", "`${`${x}`}`", "`\\``", "`\\${`", "`$`", "`${ {a: 1} }`", "${", "}", "\\",
        "/re/g", "/[/]/", "/a\\/b/i", "/x\n", "// amolint-disable-line x\n", "// note\n", "/* amolint-enable */", "/* c\n */", "/*", "/**/",
        "<div className=\"amocrm_oauth\">", "</div>", "<b/>", "<>", "</>", "<a.b-c x={y} z='w'>t{u}</a.b-c>", "<i {...p} />", "<script data-x=\"{{s}}\">",
        "é", "🚀", "\u{00}", "\u{FF}",
    ]

    static func code(_ random: inout SplitMix) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<random.below(60) {
            bytes += Array(fragments[random.below(fragments.count)].utf8)
        }
        // Now and then a byte that is no UTF-8 at all.
        if random.below(10) == 0, !bytes.isEmpty { bytes[random.below(bytes.count)] = 0xFF }
        return bytes
    }

    static func rendered(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, jsx: Bool, plain: Bool) -> [String] {
        func literal(_ l: HostLiteral) -> String { "\(l.range) \(l.style) \(l.before) \(l.after) \(Array(l.pieces))" }
        func comment(_ c: RawComment) -> String { "\(c.range) \(c.contentRange)" }
        if plain {
            let lexer = PlainJSLexer.lex(bytes, range: range, jsx: jsx)
            return lexer.tokens.map { "\($0.kind.rawValue) \($0.range) \($0.newlineBefore) \($0.literal)" }
                + lexer.literals.map(literal) + lexer.directiveComments.map(comment)
                + ["\(lexer.jsxTagStarts)", "\(lexer.jsxRanges)"]
        }
        let lexer = JSLexer.lex(bytes, range: range, jsx: jsx)
        return lexer.tokens.map { "\($0.kind.rawValue) \($0.range) \($0.newlineBefore) \($0.literal)" }
            + lexer.literals.map(literal) + lexer.directiveComments.map(comment)
            + ["\(lexer.jsxTagStarts)", "\(lexer.jsxRanges)"]
    }

    @Test func theLexerLexesAsThePlainOne() {
        var random = SplitMix(seed: 0x1E_C5_E2)
        JSLexerFastPathTests.comparePaths(rounds: 4000, &random) { JSLexerFastPathTests.code(&$0) }
    }

    /// Lexes `rounds` generated texts on both paths, in a region that starts and ends inside the
    /// buffer (a page's script) or in all of it, with and without JSX, up to the first difference
    /// (one is enough to read, and the rest repeat it).
    static func comparePaths(rounds: Int, _ random: inout SplitMix, _ make: (inout SplitMix) -> [UInt8]) {
        var differs = false
        for round in 0..<rounds where !differs {
            let bytes = make(&random)
            let start = round % 3 == 0 ? random.below(bytes.count + 1) : 0
            let end = round % 4 == 0 ? start + random.below(bytes.count - start + 1) : bytes.count
            let jsx = round % 2 == 0
            bytes.withUnsafeBufferPointer { buffer in
                let fast = rendered(buffer, start..<end, jsx: jsx, plain: false)
                let plain = rendered(buffer, start..<end, jsx: jsx, plain: true)
                differs = fast != plain
                #expect(fast == plain, "\(String(decoding: bytes, as: UTF8.self).debugDescription) \(start)..<\(end) jsx \(jsx)")
            }
        }
    }

    /// Past a few thousand levels or pieces the lexer reserves room for the rest:
    /// nested templates and braces, a template of many holes and escapes, deep JSX.
    @Test func hostileShapesLexAsWithThePlainOne() {
        let shapes: [[UInt8]] = [
            Array((String(repeating: "`${", count: 9000) + "'amocrm_oauth'" + String(repeating: "}`", count: 9000)).utf8),
            Array(("`<div class=\"amocrm_oauth\" " + String(repeating: "${a} data-x=\"y\" \\n", count: 9000)).utf8),
            Array((String(repeating: "{(", count: 9000) + String(repeating: ")}", count: 8000)).utf8),
            Array((String(repeating: "<a>{", count: 5000) + "x" + String(repeating: "}</a>", count: 5000)).utf8),
        ]
        for (k, shape) in shapes.enumerated() {
            shape.withUnsafeBufferPointer { buffer in
                #expect(JSLexerFastPathTests.rendered(buffer, 0..<buffer.count, jsx: k == 3, plain: false)
                    == JSLexerFastPathTests.rendered(buffer, 0..<buffer.count, jsx: k == 3, plain: true), "shape \(k)")
            }
        }
    }

    /// Regions large enough for the lexer to reserve its arrays up front.
    @Test func aLargeRegionLexesAsWithThePlainOne() {
        var random = SplitMix(seed: 0x5E_2E_4E)
        var bytes: [UInt8] = []
        while bytes.count < 200_000 { bytes += JSLexerFastPathTests.code(&random) + Array(";\n".utf8) }
        for jsx in [false, true] {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(JSLexerFastPathTests.rendered(buffer, 0..<buffer.count, jsx: jsx, plain: false)
                    == JSLexerFastPathTests.rendered(buffer, 0..<buffer.count, jsx: jsx, plain: true))
            }
        }
    }
}
