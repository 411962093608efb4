import Testing
@testable import AmoLint

/// Templates nested right inside a hole (`` `${` `` again) are opened in runs and
/// closed in runs (`` }` `` again), one frame a level: the lexer gives what the plain
/// one gives on generated nestings, runs broken anywhere, regions ending inside them.
struct JSLexerNestedTemplateTests {
    static let fragments = [
        "`${", "`${", "`${", "}`", "}`", "}`", "`", "${", "}", "{", "$", "`${`${`${", "}`}`}`",
        " ", "\n", "x", "'s'", "\\`", "\\${", "a${b}", "<b>", "/re/", "// c\n", "/* c */", "(", ")", "{}",
    ]

    @Test func nestedTemplatesLexAsWithThePlainOne() {
        var random = SplitMix(seed: 0x7E_AA_E5)
        JSLexerFastPathTests.comparePaths(rounds: 5000, &random) { random in
            var text = ""
            for _ in 0..<random.below(50) { text += Self.fragments[random.below(Self.fragments.count)] }
            return Array(text.utf8)
        }
    }

    /// Deep runs, closed, left open, or broken by a brace or a space at a level.
    @Test func deepRunsLexAsWithThePlainOne() {
        let open = String(repeating: "`${", count: 5000), close = String(repeating: "}`", count: 5000)
        let shapes = [
            open + "'amocrm_oauth'" + close,
            open + "x",
            open + "{" + close + "}" + close,
            open + " `${" + open + close + "} ` " + close,
            String(repeating: "`${ ", count: 3000) + String(repeating: "}`", count: 3000),
            String(repeating: "`a${", count: 3000) + String(repeating: "}b`", count: 3000),
            open + close + open + String(close.dropLast(3)),
        ]
        for (k, shape) in shapes.enumerated() {
            let bytes = Array(shape.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for range in [0..<buffer.count, 1..<buffer.count - 7] {
                    #expect(JSLexerFastPathTests.rendered(buffer, range, jsx: k % 2 == 0, plain: false)
                        == JSLexerFastPathTests.rendered(buffer, range, jsx: k % 2 == 0, plain: true), "shape \(k) \(range)")
                }
            }
        }
    }
}
