import Testing
@testable import AmoLint

/// Past the budget a repeated attribute is settled without its report being made
/// (`FindingSink.settlesUnmade`): the findings kept, the counts past the budget by severity,
/// an `off` rule and a page with suppression comments (where every finding goes the whole
/// way) are what reporting each repeat gives.
struct BudgetFastPathTests {
    static func tag(_ repeats: Int) -> String {
        #"<div class="amocrm_oauth" "# + String(repeating: "data-x=1 ", count: repeats) + ">"
    }

    @Test func repeatsPastTheBudgetAreCountedAsReported() {
        let n = 12_000
        let page = Self.tag(n)
        // Errors: n - 1 repeats and the missing client id.
        let plain = Linter.lint(SourceFile(path: "a.html", text: page))
        #expect(plain.diagnostics.filter { $0.severity == .error }.count == Linter.maximumFindings)
        #expect(plain.unreportedBySeverity[.error] == n - Linter.maximumFindings)
        #expect(plain.diagnostics.filter { $0.rule == "duplicate-attribute" }.count == Linter.maximumFindings)  // checked before the client id

        let off = Linter.lint(SourceFile(path: "a.html", text: page), configuration: Configuration(rules: ["duplicate-attribute": .off]))
        #expect(off.diagnostics.filter { $0.rule == "duplicate-attribute" }.isEmpty)
        #expect(off.unreported == 0)

        // As warnings they share the warnings' budget with the tag's other warnings.
        let warned = Linter.lint(SourceFile(path: "a.html", text: page), configuration: Configuration(rules: ["duplicate-attribute": .severity(.warning)]))
        let warnings = warned.diagnostics.filter { $0.severity == .warning }.count + warned.unreportedBySeverity[.warning, default: 0]
        #expect(warned.diagnostics.filter { $0.severity == .warning }.count == Linter.maximumFindings)
        #expect(warnings == (n - 1) + plain.diagnostics.filter { $0.severity == .warning }.count)
        #expect(warned.unreportedBySeverity[.error, default: 0] == 0)

        // A suppression comment makes every finding go the whole way: the same findings and counts.
        let suppressed = Linter.lint(SourceFile(path: "a.html", text: page + "\n<!-- amolint-disable-next-line missing-state -->\n<p></p>"))
        #expect(suppressed.unreportedBySeverity[.error] == plain.unreportedBySeverity[.error])
        #expect(suppressed.diagnostics.filter { $0.rule == "duplicate-attribute" } == plain.diagnostics.filter { $0.rule == "duplicate-attribute" })
    }
}
