import Testing
@testable import AmoLint

/// The host-language layer (spec §7): where PHP and JavaScript code, strings
/// and comments begin and end, and how their text maps back to the file.
struct CodeLexerTests {
    func rules(_ text: String, _ path: String) -> [String] {
        Linter.lint(SourceFile(path: path, text: text)).diagnostics.map(\.rule)
    }

    func found(_ text: String, _ path: String) -> [(rule: String, text: String)] {
        let bytes = Array(text.utf8)
        return Linter.lint(SourceFile(path: path, text: text)).diagnostics.map { ($0.rule, String(decoding: bytes[$0.range], as: UTF8.self)) }
    }

    static let echo = #"<?php echo '<div class="amocrm_oauth" data-color="Blue"></div>';"#

    @Test func anOpenLastBlockReadsLikeAClosedOne() {
        let open = found(Self.echo + "\n", "a.php")
        let closed = found(Self.echo + "\n?>\n", "a.php")
        #expect(open.map(\.rule) == closed.map(\.rule))
        #expect(open.contains { $0.rule == "invalid-color" && $0.text == "Blue" })
    }

    @Test func aCloseTagInABlockCommentDoesNotEndPHP() {
        let text = "<?php /* ?> <div class=\"amocrm_oauth\" data-color=\"Red\"></div> */ ?>\n<p>ok</p>"
        #expect(rules(text, "a.php").isEmpty)
    }

    @Test func aLineCommentEndsAtTheCloseTag() {
        // The `?>` ends the comment and the block: what follows is markup again.
        let text = "<?php // note ?><div class=\"amocrm_oauth\" data-color=\"Red\"></div>"
        #expect(found(text, "a.php").contains { $0.rule == "invalid-color" && $0.text == "Red" })
        #expect(rules("<?php # <div class=\"amocrm_oauth\" data-color=\"Red\"></div>\n", "a.php").isEmpty)
    }

    @Test func aCloseTagInAStringDoesNotEndPHP() {
        let text = #"<?php echo '?>'; echo '<div class="amocrm_oauth" data-color="Red"></div>'; ?>"#
        #expect(found(text, "a.php").filter { $0.rule == "invalid-color" }.map(\.text) == ["Red"])
    }

    @Test func doubleQuotedEscapesMapToTheirSource() {
        // `\"` is two bytes of source for one of markup: the range covers the source.
        let text = #"<?php echo "<div class=\"amocrm_oauth\" data-color=\"Bl\x75e\"></div>";"#
        #expect(found(text, "a.php").contains { $0.rule == "invalid-color" && $0.text == #"Bl\x75e"# })
    }

    @Test func interpolationIsARunTimePart() {
        for value in ["$state", "{$s->state}", "${state}", "$s[state]", "$s->state"] {
            let text = "<?php echo \"<div class=\\\"amocrm_oauth\\\" data-state=\\\"\(value)\\\"></div>\";"
            #expect(!rules(text, "a.php").contains("static-state"), "\(value)")
            #expect(!rules(text, "a.php").contains("missing-state"), "\(value)")
        }
    }

    @Test func heredocClosingMarkerMayBeIndented() {
        let text = "<?php\n$x = <<<HTML\n    <div class=\"amocrm_oauth\" data-color=\"Red\"></div>\n    HTML;\necho '<div class=\"amocrm_oauth\" data-color=\"Pink\"></div>';\n"
        #expect(found(text, "a.php").filter { $0.rule == "invalid-color" }.map(\.text) == ["Red", "Pink"])
        let nowdoc = "<?php\n$x = <<<'HTML'\n<div class=\"amocrm_oauth\" data-state=\"$s\"></div>\nHTML;\n"
        #expect(found(nowdoc, "a.php").contains { $0.rule == "static-state" && $0.text == "$s" }, "a nowdoc does not interpolate")
    }

    @Test func aDivisionIsNotARegularExpression() {
        // After an operand `/` divides; a regex would swallow the quote and hide the string.
        let text = "const r = a / b / 2, t = '<div class=\"amocrm_oauth\" data-color=\"Red\"></div>'; el.innerHTML = t"
        #expect(found(text, "a.js").contains { $0.rule == "invalid-color" && $0.text == "Red" })
        let regex = "const r = /'<div class=\"amocrm_oauth\" data-color=\"Red\">/g"
        #expect(rules(regex, "a.js").isEmpty, "markup in a regular expression is no string")
    }

    @Test func nestedTemplateLiteralsKeepTheirHoles() {
        let text = "el.innerHTML = `<div class=\"amocrm_oauth\" data-state=\"${`${a}`}\" data-color=\"${c}\" data-mode=\"pop${up}\"></div>`"
        let all = rules(text, "a.js")
        #expect(!all.contains("static-state") && !all.contains("invalid-color") && !all.contains("invalid-mode"))
        #expect(all.contains("missing-script"))
    }

    @Test func commentsAndStringsInJSXHoldNoTags() {
        let text = """
            // <div className="amocrm_oauth" data-color="Red" />
            const s = '<div className="amocrm_oauth" data-color="Pink" />'
            /* <div className="amocrm_oauth" data-color="Grey" /> */
            export default () => <div className="amocrm_oauth" data-color="Blue" />
            """
        #expect(found(text, "A.jsx").filter { $0.rule == "invalid-color" }.map(\.text) == ["Pink", "Blue"])
    }

    @Test func datasetKeysMapAsTheDOMDoes() {
        #expect(CodeAnalysis.kebab("clientId") == "client-id")
        #expect(CodeAnalysis.kebab("redirect_uri") == "redirect_uri")
        #expect(CodeAnalysis.kebab("errorCallback") == "error-callback")
        let text = "const s = document.createElement('div')\ns.className = 'amocrm_oauth'\ns.dataset.clientId = id\ns.dataset.errorCallback = 'a..b'\n"
            + "const t = document.createElement('div')\nt.className = 'amocrm_oauth'\nt.dataset['redirect_uri'] = 'ftp://x'"
        let all = found(text, "a.js")
        #expect(all.contains { $0.rule == "invalid-error-callback" && $0.text == "a..b" })
        #expect(all.contains { $0.rule == "insecure-uri" && $0.text == "ftp://x" })
    }

    @Test func windowDocumentAndTypeScriptCastsBuildToo() {
        let text = "const s = window.document.createElement('script') as HTMLScriptElement\ns.className = 'amocrm_oauth'\ns.dataset.color = 'Pink'"
        #expect(found(text, "a.ts").contains { $0.rule == "invalid-color" && $0.text == "Pink" })
    }

    @Test func valuesWithConditionsAreRunTime() {
        let text = "const s = document.createElement('div')\ns.className = 'amocrm_oauth'\ns.dataset.color = dark ? 'Black' : 'White'\ns.dataset.mode = mode || 'Popup'"
        let all = rules(text, "a.js")
        #expect(!all.contains("invalid-color") && !all.contains("invalid-mode"))
    }

    @Test func lifecycleAndLoadHandlersAreLate() {
        let body = "const s = document.createElement('script'); s.src = 'https://www.amocrm.ru/auth/button.min.js'; document.head.append(s)"
        let late = [
            "useEffect(() => { \(body) }, [])",
            "window.addEventListener('load', function () { \(body) })",
            "document.addEventListener(\"DOMContentLoaded\", () => { \(body) })",
            "window.onload = function () { \(body) }",
            "$(document).ready(function () { \(body) })",
            "class A { ngOnInit(): void { \(body) } }",
            "export default { mounted() { \(body) } }",
            "export default { mounted: function () { \(body) } }",
            "onMounted(async () => { \(body) })",
        ]
        for code in late { #expect(rules(code, "a.ts").contains("late-injection"), "\(code)") }
        for code in ["\(body)", "function load() { \(body) }", "(function () { \(body) })()", "el.onclick = () => { \(body) }"] {
            #expect(!rules(code, "a.js").contains("late-injection"), "\(code)")
        }
        #expect(rules("function load() { \(body) }", "A.jsx").contains("late-injection"), "component code is late")
        #expect(rules("<script>\(body)</script><template><div class=\"amocrm_oauth\"></div></template>", "A.vue").contains("late-injection"))
        #expect(!rules("<script>\(body)</script>", "index.html").contains("late-injection"))
    }

    @Test func aSourceMapTakesEveryByteBack() {
        // `'a' . $b . 'c\'d'`: text, a hole, and an escape.
        let text = #"<?php echo 'x="' . $b . 'c\'d';"#
        let bytes = Array(text.utf8)
        let php = bytes.withUnsafeBufferPointer { PHPLexer.lex($0) }
        let joined = bytes.withUnsafeBufferPointer { CodeText.joining(php.literals, in: $0) }
        #expect(String(decoding: joined.text.bytes, as: UTF8.self) == #"x="{{}}c'd"#)
        let map = joined.text.map
        func source(_ r: Range<Int>) -> String { String(decoding: bytes[map.sourceRange(r)], as: UTF8.self) }
        #expect(source(0..<1) == "x")
        #expect(source(3..<7) == "' . $b . '")
        #expect(source(8..<9) == #"\'"#)
        #expect(source(0..<10) == #"x="' . $b . 'c\'d"#)
        // An edit inside one literal is escaped for it; one across the hole is refused.
        #expect(map.sourceEdit(TextEdit(range: 7..<8, newText: "it's")) == TextEdit(range: 25..<26, newText: #"it\'s"#))
        #expect(map.sourceEdit(TextEdit(range: 1..<8, newText: "y")) == nil)
    }
}
