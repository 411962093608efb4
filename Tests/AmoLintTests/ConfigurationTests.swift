import Testing
@testable import AmoLint

struct ConfigurationTests {
    func parse(_ json: String) throws(ConfigurationError) -> Configuration {
        try Configuration.parse(Array(json.utf8), path: ".amolint.json", baseDirectory: "/p")
    }

    @Test func severitiesAndOff() throws {
        let c = try parse(#"{"rules": {"missing-state": "off", "static-state": "error"}, "exclude": ["vendor"]}"#)
        #expect(c.severity(of: "missing-state") == nil)
        #expect(c.severity(of: "static-state") == .error)
        #expect(c.severity(of: "invalid-mode") == .error)
        let page = #"<div class="amocrm_oauth" data-state="abc"></div>"#
        let found = Linter.lint(SourceFile(path: "a.html", text: page), configuration: c).diagnostics
        #expect(!found.contains { $0.rule == "missing-state" })
        #expect(found.first { $0.rule == "static-state" }?.severity == .error)
    }

    @Test func errorsNameTheKey() {
        #expect(throws: ConfigurationError(path: ".amolint.json", key: "rule", reason: #"unknown key (allowed: "rules", "exclude", "root"); did you mean "rules"?"#)) {
            try parse(#"{"rule": {}}"#)
        }
        #expect(throws: ConfigurationError(path: ".amolint.json", key: "rules.missing-sate", reason: #"unknown rule id; did you mean "missing-state"?"#)) {
            try parse(#"{"rules": {"missing-sate": "off"}}"#)
        }
        #expect(throws: ConfigurationError(path: ".amolint.json", key: "rules.missing-state", reason: #"expected one of "off", "hint", "information", "warning", "error""#)) {
            try parse(#"{"rules": {"missing-state": "warn"}}"#)
        }
        #expect(throws: ConfigurationError.self) { try parse("{") }
        #expect(throws: ConfigurationError.self) { try parse(#"{"exclude": "vendor"}"#) }
    }

    @Test func excludeGlobs() throws {
        let c = try parse(#"{"exclude": ["vendor", "*.min.html", "legacy/**", "docs/*.html", "**/gen/*.twig"]}"#)
        #expect(c.excludes("/p/vendor/a.html"))
        #expect(c.excludes("/p/app/vendor/x/a.html"))
        #expect(c.excludes("/p/a.min.html"))
        #expect(c.excludes("/p/legacy/old/a.html"))
        #expect(c.excludes("/p/docs/a.html"))
        #expect(!c.excludes("/p/docs/deep/a.html"))
        #expect(c.excludes("/p/x/y/gen/a.twig"))
        #expect(c.excludes("/p/gen/a.twig"))
        #expect(!c.excludes("/p/app/a.html"))
    }
}

struct SuppressionTests {
    let page = """
        <div class="amocrm_oauth" data-color="x"></div>
        <!-- amolint-disable-next-line invalid-color -->
        <div class="amocrm_oauth" data-color="y" data-mode="z"></div>
        <!-- amolint-disable invalid-mode -->
        <div class="amocrm_oauth" data-mode="z"></div>
        <!-- amolint-enable invalid-mode -->
        <div class="amocrm_oauth" data-mode="w"></div>
        <!-- amolint-disable-next-line -->
        <div class="amocrm_oauth" data-color="v"></div>
        """

    @Test func nextLineAndBlocks() {
        let result = Linter.lint(SourceFile(path: "a.html", text: page))
        let lines = result.diagnostics.filter { $0.rule == "invalid-color" || $0.rule == "invalid-mode" }
            .map { "\($0.rule)@\(result.lineIndex.line(ofByte: $0.range.lowerBound) + 1)" }
        #expect(lines == ["invalid-color@1", "invalid-mode@3", "invalid-mode@7"])
        #expect(!result.diagnostics.contains { result.lineIndex.line(ofByte: $0.range.lowerBound) == 8 })
    }

    @Test func unknownIdIsReportedAndSuppressesNothing() {
        let text = "<!-- amolint-disable-next-line invalid-colour -->\n<div class=\"amocrm_oauth\" data-color=\"x\"></div>"
        let found = Linter.lint(SourceFile(path: "a.html", text: text)).diagnostics
        #expect(found.contains { $0.rule == "invalid-directive" && $0.fix?.edits.first?.newText == "invalid-color" })
        #expect(found.contains { $0.rule == "invalid-color" })
    }

    @Test func templateCommentsAndReasons() {
        let blade = "{{-- amolint-disable-next-line invalid-color -- the theme sets it --}}\n<div class=\"amocrm_oauth\" data-color=\"x\"></div>"
        #expect(!rules(blade, file: "a.blade.php").contains("invalid-color"))
        let twig = "<div class=\"amocrm_oauth\"\n  {# amolint-disable-next-line invalid-color #}\n  data-color=\"x\"></div>"
        #expect(!rules(twig, file: "a.twig").contains("invalid-color"))
    }
}

struct LineIndexTests {
    let text = "a\r\nКи🚀x\rend\n"

    @Test func positionsInEveryEncoding() {
        let index = LineIndex(Array(text.utf8))
        #expect(index.lineCount == 4)
        let x = Array(text.utf8).firstIndex(of: UInt8(ascii: "x")) ?? 0
        #expect(index.position(ofByte: x, encoding: .utf8) == LinePosition(line: 1, character: 8))
        #expect(index.position(ofByte: x, encoding: .utf16) == LinePosition(line: 1, character: 4))
        #expect(index.position(ofByte: x, encoding: .utf32) == LinePosition(line: 1, character: 3))
        for encoding in PositionEncoding.allCases {
            let p = index.position(ofByte: x, encoding: encoding)
            #expect(index.byteOffset(of: p, encoding: encoding).offset == x)
        }
    }

    @Test func longLinesUseCheckpointsThatAgreeWithCounting() {
        let line = String(repeating: "ab Ж 🚀 ", count: 4000)  // 44,000 bytes on one line
        let text = "first\n" + line + "\nlast"
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        var offset = 6
        var utf16 = 0, scalars = 0
        for scalar in line.unicodeScalars {
            if offset % 7 == 0 || offset > 43_990 {
                #expect(index.position(ofByte: offset, encoding: .utf16) == LinePosition(line: 1, character: utf16))
                #expect(index.position(ofByte: offset, encoding: .utf32) == LinePosition(line: 1, character: scalars))
                #expect(index.byteOffset(of: LinePosition(line: 1, character: utf16), encoding: .utf16).offset == offset)
                #expect(index.byteOffset(of: LinePosition(line: 1, character: scalars), encoding: .utf32).offset == offset)
            }
            offset += String(scalar).utf8.count
            utf16 += scalar.value > 0xFFFF ? 2 : 1
            scalars += 1
        }
    }

    @Test func outOfRangeIsClampedAndFlagged() {
        let index = LineIndex(Array(text.utf8))
        let past = index.byteOffset(of: LinePosition(line: 1, character: 99), encoding: .utf16)
        #expect(past.clamped && past.offset == index.contentEnd(ofLine: 1))
        #expect(index.byteOffset(of: LinePosition(line: 40, character: 0), encoding: .utf16) == (text.utf8.count, true))
        // The middle of a surrogate pair goes to the scalar's start, never inside it.
        let mid = index.byteOffset(of: LinePosition(line: 1, character: 3), encoding: .utf16)
        #expect(mid.offset == 3 + 4)
    }
}
