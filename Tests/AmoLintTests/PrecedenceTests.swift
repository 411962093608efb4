import Testing
@testable import AmoLint

func rules(_ text: String, file: String = "page.html", configuration: Configuration = Configuration()) -> [String] {
    Linter.lint(SourceFile(path: file, text: text), configuration: configuration).diagnostics.map(\.rule)
}

let amoSrc = #"src="https://www.amocrm.ru/auth/button.min.js""#
let goodID = "0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b"
let stateAttr = #"data-state="{{ s }}""#

/// Spec §6: one mistake gives one diagnostic.
struct PrecedenceTests {
    @Test func attributeWithoutEffectGetsOnlyThatDiagnostic() {
        // Unknown: not also insecure; repeated: not also invalid; ignored metadata: not also local.
        let found = rules(#"<script class="amocrm_oauth" data-client-id="\#(goodID)" \#(stateAttr) data-redirect-uri="http://localhost/cb" data-color="blue" data-color="Purple" data-logo="http://localhost/l.png" \#(amoSrc)></script>"#, file: "p.twig")
        #expect(found.sorted() == ["duplicate-attribute", "ignored-metadata", "unknown-attribute"])
    }

    @Test func emptyValueReplacesOtherChecks() {
        let found = rules(#"<script class="amocrm_oauth" data-client-id="\#(goodID)" \#(stateAttr) data-color="" data-mode=" " \#(amoSrc)></script>"#, file: "p.twig")
        #expect(found == ["empty-value", "empty-value"])
    }

    @Test func placeholderReplacesStaticStateInvalidIdAndUndefinedCallback() {
        let found = rules(#"<script class="amocrm_oauth" data-client-id="xxxx" data-state="state" data-error-callback="functionName" \#(amoSrc)></script>"#)
        #expect(found == ["placeholder-value", "placeholder-value", "placeholder-value"])
    }

    @Test func invalidURIReplacesTheOtherURIChecks() {
        let found = rules(#"<div class="amocrm_oauth" \#(stateAttr) data-name="n" data-description="d" data-redirect_uri="/cb?a=1&b=2" data-secrets_uri="https://a.ru/s" data-scopes="crm" data-logo="https://a.ru/l.png"></div>"#, file: "p.twig")
        #expect(found.filter { $0.hasSuffix("-uri") } == ["invalid-uri"])
    }

    @Test func insecureAndLocalMayBothFire() {
        let found = rules(#"<div class="amocrm_oauth" data-redirect_uri="http://localhost/cb"></div>"#)
        #expect(found.contains("insecure-uri") && found.contains("local-uri"))
    }

    @Test func brandMismatchReplacesMissingClassAndMissingScript() {
        let found = rules(#"<script class="kommo_oauth" data-client-id="\#(goodID)" \#(stateAttr) \#(amoSrc)></script>"#, file: "p.twig")
        #expect(found == ["brand-mismatch"])
    }

    @Test func legacyIDReplacesMissingClass() {
        let found = rules(#"<script id="amocrm_oauth" data-client-id="\#(goodID)" \#(stateAttr) \#(amoSrc)></script>"#, file: "p.twig")
        #expect(found == ["legacy-id"])
    }

    @Test func scopesAreJudgedTrimmedAndMalformedReportsTheSpace() {
        let found = rules(#"<div class="amocrm_oauth" data-scopes="crm, notifications"></div>"#)
        #expect(found.filter { $0.contains("scope") } == ["malformed-scopes"])
    }

    @Test func templateValuesAreJudgedOnTheirLiteralParts() {
        let page = #"<div class="amocrm_oauth" data-redirect_uri="http://{{ host }}/cb" data-scopes="crm,{{ more }},bogus" data-logo="{{ logo }}"></div>"#
        let found = rules(page, file: "p.twig")
        #expect(found.contains("insecure-uri"))
        #expect(found.filter { $0 == "invalid-scope" }.count == 1)
        #expect(!found.contains("invalid-uri"))
    }

    @Test func characterReferencesAreDecodedButRangesPointAtTheSource() throws {
        let page = #"<div class="amocrm_oauth" data-mode="post&lowbar;message" data-redirect_uri="https://a.ru/cb?a&amp;b"></div>"#
        let result = Linter.lint(SourceFile(path: "p.html", text: page))
        #expect(!result.diagnostics.contains { $0.rule == "invalid-mode" })
        let unencoded = try #require(result.diagnostics.first { $0.rule == "unencoded-uri" })
        #expect(String(decoding: Array(page.utf8)[unencoded.range], as: UTF8.self) == "https://a.ru/cb?a&amp;b")
    }

    @Test func tagsInsideCommentsAreNotButtons() {
        #expect(rules(#"<!-- <div class="amocrm_oauth" data-color="x"> -->"#).isEmpty)
        #expect(rules(#"{{-- <div class="amocrm_oauth" data-color="x"> --}}"#, file: "a.blade.php").isEmpty)
    }

    @Test func severalButtonsAreCheckedIndependently() {
        let page = #"<div class="amocrm_oauth" data-color="x"></div><div class="amocrm_oauth" data-color="y"></div><script \#(amoSrc)></script>"#
        #expect(rules(page).filter { $0 == "invalid-color" }.count == 2)
    }
}
