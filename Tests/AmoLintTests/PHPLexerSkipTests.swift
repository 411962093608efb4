import Testing
@testable import AmoLint

/// The PHP lexer skips string text sixteen bytes at a time to the next byte that can
/// end it, escape or interpolate (single-quoted strings, double-quoted strings and
/// heredocs, a heredoc's lines): blocks, literals and their pieces, and directive
/// comments are those of the lexer stepping byte by byte, on generated code with
/// every such byte near and across sixteen-byte boundaries, closed and unclosed.
struct PHPLexerSkipTests {
    static let pieces = ["<?php ", "?>", "'", "\"", "\\", "\\'", "\\\\", "\\\"", "\\n", "\\x41", "\\u{41}", "\\101", "$", "$x", "$x->y", "$a[1]",
                         "{$a[1]}", "${b}", "{", "}", "<<<HTML\n", "<<<'N'\n", "<<<\"Q\"\n", "\nHTML;\n", "\nN\n", "  Q;", "\n", "\r\n",
                         "<div class=\"amocrm_oauth\" data-x=\"", "\">", "// amolint-disable\n", "/* ?> */", "# c\n", "# it's ", "#[Attr] ", "# amolint-disable-next-line x\n", "// a 'b' ", "/* '", "*/", "?", "<", "<<", "/", "`ls`", " . ", "; echo ",
                         String(repeating: "a", count: 15), String(repeating: "b", count: 17), String(repeating: "c", count: 33), "é", "🚀"]

    static func describe(_ lexer: PHPLexer) -> String {
        var out = ""
        dump(lexer.blocks, to: &out)
        dump(lexer.literals, to: &out)
        dump(lexer.directiveComments, to: &out)
        return out
    }

    @Test func skipsFindWhatSteppingFinds() {
        var g = SplitMix(seed: 0x9A9)
        for round in 0..<4_000 {
            var text = round % 3 == 0 ? "" : "<?php echo "
            for _ in 0..<g.below(round % 10 == 0 ? 120 : 25) { text += Self.pieces[g.below(Self.pieces.count)] }
            let bytes = Array(text.utf8)
            let (fast, plain) = bytes.withUnsafeBufferPointer { b in (Self.describe(PHPLexer.lex(b)), Self.describe(PHPLexer.lexPlain(b))) }
            #expect(fast == plain, "\(text.debugDescription)")
        }
    }
}
