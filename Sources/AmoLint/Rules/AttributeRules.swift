extension Rule {
    static let unknownAttribute = Rule(
        id: .unknownAttribute, area: .attributes, severity: .warning,
        summary: "A `data-*` attribute the brand's script does not read.",
        explanation: """
            The script reads `element.dataset`, so an attribute it does not know is silently ignored. Most are \
            spelling slips: `data-redirect-uri` for `data-redirect_uri`, `data-clientId` (which HTML lower-cases \
            to `data-clientid`) for `data-client-id`, `data-scope` for `data-scopes`. The message names the \
            attribute it most likely means, and the fix renames it when that is clear.
            """,
        triggering: [
            Example("const s = document.createElement('script')\ns.className = 'amocrm_oauth'\ns.setAttribute('«data-redirect-uri»', cb)", file: "b.js",
                    fixed: "const s = document.createElement('script')\ns.className = 'amocrm_oauth'\ns.setAttribute('data-redirect_uri', cb)"),
            Example("const s = document.createElement('script')\ns.className = 'amocrm_oauth'\ns.dataset.«redirectUri» = cb", file: "b.js"),
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" «data-error_callback»="onAmoError" \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="onAmoError" \#(Sample.amoSrc)></script>"#),
            Example(#"<script class="amocrm_oauth" «data-clientId»="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" «data-redirect-uri»="https://a.ru/cb" «data-scope»="crm"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-redirect_uri="https://a.ru/cb" data-scopes="crm"></div>"#),
            Example(#"<div class="amocrm_oauth" «data-theme»="dark"></div>"#),
            Example(#"<div class="kommo_oauth" «:data-titel»="title"></div>"#, file: "Button.vue",
                    fixed: #"<div class="kommo_oauth" :data-title="title"></div>"#),
        ],
        nonTriggering: [
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-title="Войти" data-color="blue" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="kommo_oauth" data-theme="dark" data-locale="es" data-color="blue"></div>"#),
            Example(#"<div class="amocrm_oauth" \#(Sample.metadata) charset="utf-8" id="amo"></div>"#),
            Example(#"<div data-redirect-uri="https://a.ru/cb" class="other"></div>"#),
        ])

    static let duplicateAttribute = Rule(
        id: .duplicateAttribute, area: .attributes, severity: .error,
        summary: "An attribute is written twice on one tag; HTML keeps the first and drops the rest.",
        explanation: """
            Names are compared case-insensitively, as the HTML parser does. Only the first occurrence reaches \
            the script, so a later correction (`data-color="blue" … data-color="red"`) never takes effect. The \
            fix removes the repeat, which keeps what the browser does today; change the first if the repeat \
            was the value you wanted. Attributes in different branches of a template conditional \
            (`@if … @else … @endif`, `{% if %}`) are alternatives, not repeats.
            """,
        triggering: [
            Example(#"<script class="amocrm_oauth" data-color="blue" «data-color="red"» \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-color="blue" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="kommo_oauth" data-title="Connect" «DATA-TITLE='Подключить'» «class="x"»></div>"#,
                    fixed: #"<div class="kommo_oauth" data-title="Connect"></div>"#),
        ],
        nonTriggering: [
            Example(#"<script class="amocrm_oauth" data-color="blue" data-mode="popup" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" @if($dark) data-color="violet" @else data-color="blue" @endif></div>"#, file: "button.blade.php"),
            Example(#"<div class="amocrm_oauth" {% if dark %}data-color="violet"{% else %}data-color="blue"{% endif %}></div>"#, file: "button.twig"),
            Example(#"<div data-color="blue" data-color="red"></div>"#),
        ])
}

enum AttributeChecks {
    /// Marks repeats and unknown attributes as having no effect, before any value check runs.
    static func classify(_ c: inout ButtonContext) {
        var firstIndex: [String: Int] = [:]
        for (i, a) in c.button.attributes.enumerated() {
            if let f = firstIndex[a.name] {
                let original = c.button.attributes[f]
                if a.isConditional || original.isConditional { continue }
                c.markNoEffect(i)
                c.report(.duplicateAttribute, a.range,
                         "\(c.shown(a)) is repeated: HTML keeps the first \(c.shown(original)) and drops this one; remove it",
                         fix: Fix("Remove the repeated \(Text.code(a.writtenName))", [removal(of: a, in: c.bytes)]),
                         related: [RelatedLocation(range: original.range, message: "First \(Text.code(original.writtenName)), the one the browser keeps")],
                         unnecessary: true)
                continue
            }
            firstIndex[a.name] = i
            guard a.name.hasPrefix("data-") else { continue }
            if let spec = AttributeTable.spec(a.name), spec.brands.contains(c.brand) { continue }
            if EnumerationChecks.classifyColor(&c, index: i, attribute: a) { continue }
            c.markNoEffect(i)
            reportUnknown(&c, a)
        }
    }

    private static func reportUnknown(_ c: inout ButtonContext, _ a: Attribute) {
        let script = "\(c.brand.displayName)'s button"
        let shown = c.shown(a)
        if let spec = AttributeTable.spec(a.name) {
            let other = spec.brands.sorted().map(\.displayName).joined(separator: " and ")
            let instead = c.brand == .amocrm && a.name == AttributeName.theme ? "; for amoCRM use `data-color`" : ""
            c.report(.unknownAttribute, a.nameRange, "\(shown) is ignored: only \(other)'s button reads it\(instead)", unnecessary: true)
            return
        }
        let brand = c.brand
        let context = c
        // The suggestion is worked out only for a finding that is kept.
        c.sink.report(.unknownAttribute, a.nameRange, unnecessary: true) {
            // Compare what follows `data-`, or every short name would "mean" `data-logo`.
            let known = AttributeTable.specs(for: brand).map { String($0.name.dropFirst(5)) }
            guard let stem = Suggestions.nearest(String(a.name.dropFirst(5)), in: known) else {
                return ("\(shown) is ignored: \(script) does not read it", nil, [])
            }
            let suggestion = "data-" + stem
            // Renaming onto an attribute the tag already has would create a repeat.
            let clash = context.first(suggestion) != nil
            let prefixLength = max(0, a.nameRange.count - a.name.utf8.count)
            let fix = clash ? nil : Fix("Rename to \(Text.code(suggestion))",
                                        replacing: a.nameRange.lowerBound + prefixLength..<a.nameRange.upperBound, with: suggestion,
                                        applicability: .replacing(a.name, with: suggestion))
            return ("\(shown) is ignored: \(script) reads \(Text.code(suggestion))", fix, [])
        }
    }

    /// An edit deleting an attribute and the white space before it.
    static func removal(of a: Attribute, in bytes: UnsafeBufferPointer<UInt8>) -> TextEdit {
        var start = a.range.lowerBound
        while start > 0, Byte.isSpace(bytes[start - 1]) { start -= 1 }
        return TextEdit(range: start..<a.range.upperBound, newText: "")
    }
}
