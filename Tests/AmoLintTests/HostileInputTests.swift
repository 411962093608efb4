import Testing
@testable import AmoLint

/// Small versions of the hostile inputs of `Benchmarks/hostile.py`: the results
/// are sane (the benchmark shows the time stays linear at 1 and 10 MB).
struct HostileInputTests {
    let button = #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="{{ s }}" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"#

    func lint(_ text: String, _ path: String = "page.html") -> [Diagnostic] {
        Linter.lint(SourceFile(path: path, text: text)).diagnostics
    }

    @Test func thousandsOfButtonsEachReportTheirMistake() {
        let found = lint(String(repeating: button + "\n", count: 2_000))
        #expect(found.count == 2_000)
        #expect(found.allSatisfy { $0.rule == "invalid-color" })
    }

    @Test func unclosedConstructsSwallowTheRestAsABrowserWould() {
        #expect(lint("<!-- " + String(repeating: button, count: 50)).isEmpty)
        #expect(lint("<script " + String(repeating: "a=1 ", count: 10_000)).isEmpty)
        // An unclosed `{{` or `<?php` inside a value is literal text: the tag still ends.
        let found = lint(#"<div class="amocrm_oauth" data-color="{{ <?php "></div>"#)
        #expect(found.contains { $0.rule == "invalid-color" })
    }

    @Test func oneTagWithManyAttributes() {
        let few = lint(#"<div class="amocrm_oauth" "# + String(repeating: "data-x=1 ", count: 2_000) + ">")
        #expect(few.filter { $0.rule == "duplicate-attribute" }.count == 1_999)
        #expect(few.filter { $0.rule == "unknown-attribute" }.count == 1)
        // Past the per-document limit the rest is counted, not built.
        let result = Linter.lint(SourceFile(path: "a.html", text: #"<div class="amocrm_oauth" "# + String(repeating: "data-x=1 ", count: 20_000) + ">"))
        #expect(result.diagnostics.filter { $0.severity == .error }.count == Linter.maximumFindings)
        #expect(result.unreportedBySeverity[.error] == 20_000 - Linter.maximumFindings)
        // Errors have their own budget: the warnings of the tag are still reported.
        #expect(result.diagnostics.contains { $0.rule == "missing-state" })
    }

    /// The cap counts only what will be reported, and never lets warnings crowd out an error.
    @Test func theCapNeverHidesAnError() {
        let tag = #"<div class="amocrm_oauth" "# + (0..<10_000).map { #"data-a\#($0)="v" "# }.joined() + "></div>"
        let plain = Linter.lint(SourceFile(path: "a.html", text: tag))
        #expect(plain.diagnostics.contains { $0.rule == "missing-client-id" })
        #expect(plain.unreportedBySeverity[.warning, default: 0] > 0)
        let configuration = Configuration(rules: ["unknown-attribute": .off])
        let quiet = Linter.lint(SourceFile(path: "a.html", text: tag), configuration: configuration)
        #expect(quiet.diagnostics.contains { $0.rule == "missing-client-id" })
        #expect(quiet.unreported == 0, "an `off` rule spends no budget")
    }

    /// `invalid-directive` goes through the same budget.
    @Test func directivesAreCapped() {
        let page = String(repeating: "<!-- amolint-disable x -->\n", count: 12_000)
        let result = Linter.lint(SourceFile(path: "a.html", text: page))
        #expect(result.diagnostics.count == Linter.maximumFindings)
        #expect(result.unreported == 2_000)
    }

    @Test func aHugeValue() {
        let title = String(repeating: "Привет 🚀 ", count: 50_000)
        let found = lint(#"<div class="amocrm_oauth" data-title="\#(title)<b>"></div>"#)
        #expect(found.contains { $0.rule == "markup-in-title" })
    }

    @Test func manyLinesAndNoTags() {
        #expect(lint(String(repeating: "\n", count: 200_000) + button).map(\.rule) == ["invalid-color"])
    }

    @Test func invalidUTF8AndNULBytes() {
        var bytes: [UInt8] = []
        for _ in 0..<500 {
            bytes += [0xFF, 0xFE, 0x00] + Array(#"<div class="amocrm_oauth" data-color=""#.utf8) + [0xCA, 0xA8, 0x00, 0xF0, 0x9F] + Array(#""></div>"#.utf8)
        }
        let file = SourceFile(path: "a.html", bytes: bytes)
        let found = Linter.lint(file).diagnostics
        #expect(found.filter { $0.rule == "invalid-color" }.count == 500)
        #expect(Invariants.violations(SourceFile(path: "a.html", bytes: Array(bytes.prefix(4000)))) == [])
    }

    /// The word-at-a-time search must not depend on where a tag falls in an
    /// 8-byte word: shifting the page by 0 to 7 bytes shifts every finding by as much.
    @Test func findingsDoNotDependOnAlignment() {
        let page = "<p>Вход 🚀</p>" + button + "{{ a }}<!-- x -->" + #"<div class="kommo_oauth" data-theme="x"></div>"#
        let base = lint(page).map { ($0.rule, $0.range) }
        for shift in 1..<8 {
            let shifted = lint(String(repeating: " ", count: shift) + page).map { ($0.rule, $0.range.lowerBound - shift..<$0.range.upperBound - shift) }
            #expect(shifted.map(\.0) == base.map(\.0))
            #expect(shifted.map(\.1) == base.map(\.1))
        }
    }

    @Test func byteSearchAgreesWithALinearSearch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 0..<80, using: &generator)
            let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "<"), UInt8(ascii: "{"), 0x80, 0xFF, 0x00]
            let bytes: [UInt8] = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            bytes.withUnsafeBufferPointer { buffer in
                for from in 0...count {
                    let expected = buffer[from...].firstIndex { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") } ?? count
                    #expect(ByteSearch.first(UInt8(ascii: "<"), UInt8(ascii: "{"), in: buffer, from: from, to: count) == expected)
                    let expected3 = buffer[from...].firstIndex { $0 == 0x80 || $0 == 0xFF || $0 == 0x00 } ?? count
                    #expect(ByteSearch.first(0x80, 0xFF, 0x00, in: buffer, from: from, to: count) == expected3)
                }
            }
        }
    }
}
