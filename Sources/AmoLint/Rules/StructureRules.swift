extension Rule {
    static let missingClass = Rule(
        id: .missingClass, area: .structure, severity: .error,
        summary: "A button script without its brand's class, and no element of that class in the file.",
        explanation: """
            The script finds buttons with `document.querySelectorAll(".amocrm_oauth")` (Kommo: `.kommo_oauth`). \
            With no element of that class it finds nothing and no button appears. Add `class="amocrm_oauth"` \
            to the script tag (the usual snippet) or to the element that holds the `data-*` attributes.
            """,
        triggering: [
            Example(#"<script class="btn" data-client-id="\#(Sample.clientID)" src="«https://www.amocrm.ru/auth/button.min.js»"></script>"#,
                    fixed: #"<script class="btn amocrm_oauth" data-client-id="\#(Sample.clientID)" src="https://www.amocrm.ru/auth/button.min.js"></script>"#),
            Example(#"<script data-client-id="\#(Sample.clientID)" src="«https://www.amocrm.ru/auth/button.min.js»"></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" src="https://www.amocrm.ru/auth/button.min.js"></script>"#),
            Example(#"<div class="amocrm_oauth"></div><script src="«https://www.kommo.com/auth/button.js»"></script>"#),
        ],
        nonTriggering: [
            Example(#"<div :class="'amocrm_oauth'"></div><script \#(Sample.amoSrc)></script>"#, file: "B.vue"),
            Example(#"<div @class(['amocrm_oauth' => $on])></div><script \#(Sample.amoSrc)></script>"#, file: "b.blade.php"),
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)"></div><script \#(Sample.amoSrc)></script>"#),
            Example(#"<script id="amocrm_oauth" \#(Sample.amoSrc)></script>"#),
            Example(#"<script class="kommo_oauth" \#(Sample.amoSrc)></script>"#),
        ])

    static let legacyID = Rule(
        id: .legacyID, area: .structure, severity: .error,
        summary: "`id=\"amocrm_oauth\"` instead of the class: the script selects by class.",
        explanation: """
            Until 2019-2021 the official example used `id="amocrm_oauth"`, which amoCRM acknowledged as a bug \
            ("should be CLASS"). Today's script selects `.amocrm_oauth`, so the tag is never found. The fix \
            writes `class=` for `id=`.
            """,
        triggering: [
            Example("const s = document.createElement('script')\ns.«id = 'amocrm_oauth'»\ns.src = 'https://www.amocrm.ru/auth/button.min.js'", file: "b.js"),
            Example(#"<script «id="amocrm_oauth"» data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
            Example(#"<div «ID='kommo_oauth'» class="wide"></div>"#),
        ],
        nonTriggering: [
            Example(#"return <Button id="amocrm_oauth" onClick={connect} />"#, file: "Amo.jsx"),
            Example(#"<script class="amocrm_oauth" id="amocrm_oauth" \#(Sample.amoSrc)></script>"#),
            Example(#"<div id="amocrm_oauth_box"></div>"#),
        ])

    static let brandMismatch = Rule(
        id: .brandMismatch, area: .structure, severity: .error,
        summary: "A `kommo_oauth` tag loading amoCRM's script, or the reverse.",
        explanation: """
            Each brand's script selects only its own class: amoCRM's script looks for `.amocrm_oauth`, Kommo's \
            for `.kommo_oauth`. A tag with one brand's class and the other brand's `src` is found by neither.
            """,
        triggering: [
            Example(#"<script class="«kommo_oauth»" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
            Example(#"<script class="«btn amocrm_oauth»" \#(Sample.kommoSrc)></script>"#),
        ],
        nonTriggering: [
            Example(#"<script class="kommo_oauth" \#(Sample.kommoSrc)></script>"#),
            Example(#"<div class="kommo_oauth"></div><script \#(Sample.amoSrc)></script>"#),
        ])

    static let insecureScriptSrc = Rule(
        id: .insecureScriptSrc, area: .structure, severity: .error,
        summary: "The button script is loaded over `http:`.",
        explanation: """
            On an https page the browser blocks the script as mixed content and no button appears; on an http \
            page anyone on the network can replace it. The fix writes `https:`.
            """,
        triggering: [
            Example(#"<script class="amocrm_oauth" src="«http://www.amocrm.ru/auth/button.min.js»"></script>"#,
                    fixed: #"<script class="amocrm_oauth" src="https://www.amocrm.ru/auth/button.min.js"></script>"#),
            Example(#"<SCRIPT class="kommo_oauth" SRC=«HTTP://www.kommo.com/auth/button.js»></SCRIPT>"#,
                    fixed: #"<SCRIPT class="kommo_oauth" SRC=https://www.kommo.com/auth/button.js></SCRIPT>"#),
        ],
        nonTriggering: [
            Example(#"<script class="amocrm_oauth" src="https://amocrm.ru/auth/button.js"></script>"#),
            Example(#"<script class="amocrm_oauth" src="//www.amocrm.ru/auth/button.min.js"></script>"#),
            Example(#"<script src="http://example.ru/auth/button.js"></script>"#),
        ])

    static let missingScript = Rule(
        id: .missingScript, area: .structure, severity: .warning,
        summary: "A tagged element, and no button script of its brand anywhere in the file.",
        explanation: """
            A `class="amocrm_oauth"` element does nothing until the brand's `button.min.js` runs. When the \
            script is loaded by a layout or another template this is expected: turn the rule off for those \
            files in `.amolint.json`.
            """,
        triggering: [
            Example(#"<template><«div» :class="{ amocrm_oauth: ready }" data-client-id="\#(Sample.clientID)"></div></template>"#, file: "B.vue"),
            Example(#"<«div» @class(['amocrm_oauth', 'p-4' => $wide]) data-client-id="\#(Sample.clientID)"></div>"#, file: "b.blade.php"),
            Example(#"<«div» class="amocrm_oauth" data-client-id="\#(Sample.clientID)"></div>"#),
            Example(#"<«div» class="kommo_oauth"></div><script class="amocrm_oauth" \#(Sample.amoSrc)></script>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth"></div><script>var s = document.createElement('script'); s.src = 'https://www.amocrm.ru/auth/button.min.js'; document.head.appendChild(s)</script>"#),
            Example(#"<div class="amocrm_oauth"></div><script \#(Sample.amoSrc)></script>"#),
            Example(#"<script class="kommo_oauth" \#(Sample.amoSrc)></script>"#),
        ])

    static let jsxScript = Rule(
        id: .jsxScript, area: .structure, severity: .warning,
        summary: "A button `<script>` written in JSX: React never executes it.",
        explanation: """
            React inserts `<script>` elements with `innerHTML` semantics, which browsers do not run, and the \
            button script must run before the page's load event anyway. Put the tag in the HTML page \
            (`index.html`), or render a `<div className="amocrm_oauth" data-…>` in JSX and load \
            `button.min.js` from the page before `load`.
            """,
        triggering: [
            Example(#"return <«script» className="amocrm_oauth" data-client-id={clientId} \#(Sample.amoSrc) />"#, file: "Amo.jsx"),
            Example(#"<«script» class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#, file: "Amo.tsx"),
        ],
        nonTriggering: [
            Example(#"return <div dangerouslySetInnerHTML={{ __html: '<script class="amocrm_oauth" \#(Sample.amoSrc)></script>' }} />"#, file: "Amo.tsx"),
            Example(#"// return <script className="amocrm_oauth" \#(Sample.amoSrc) />"#, file: "Amo.jsx"),
            Example(#"return <div className="amocrm_oauth" data-client-id={clientId} />"#, file: "Amo.jsx"),
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
        ])
}

enum StructureChecks {
    /// Built only for a finding that is kept (a page may hold 200,000 buttons without a script).
    private static func missingScriptMessage(_ c: ButtonContext) -> String {
        let b = c.button
        let other = Brand.allCases.first { $0 != b.brand && c.document.hasLoader(for: $0) }
        let note = other.map { " (this file loads \($0.displayName)'s script, which ignores `.\(b.brand.className)`)" } ?? ""
        return "No \(b.brand.displayName) button script in this file\(note): the tag does nothing until \(Text.code(b.brand.scriptAddress)) runs"
    }

    static func check(_ c: ButtonContext) {
        let b = c.button
        if b.marker == .legacyID, let id = b.markerAttribute {
            let hasClass = c.first("class") != nil || c.first("classname") != nil
            let prefixLength = 2  // `id`
            let fix = hasClass ? nil : Fix("Write `class=` for `id=`", replacing: id.nameRange.lowerBound..<id.nameRange.lowerBound + prefixLength, with: "class")
            c.report(.legacyID, id.range,
                     "\(c.shown(id))=\(Text.code(c.brand.className)) is never found: the script selects the class `.\(c.brand.className)`; write `class=`",
                     fix: fix)
        }
        let mismatch = b.marker == .brandClass && b.address.map { $0.brand != b.brand } == true
        if mismatch, let marker = b.markerAttribute, let address = b.address {
            c.report(.brandMismatch, marker.valueRange,
                     "The class \(Text.code(b.brand.className)) is for \(b.brand.displayName)'s script, but this tag loads \(address.brand.displayName)'s: neither finds it; use `\(address.brand.className)` or \(Text.code(b.brand.scriptAddress))")
        }
        if b.marker == .brandClass, !mismatch, !c.document.hasLoader(for: b.brand) {
            c.report(.missingScript, b.nameRange, missingScriptMessage(c))
        }
        if b.isScript, b.origin.isInert {
            c.report(.inertScript, b.nameRange, inertMessage)
        } else if b.isScript, b.origin == .markup, b.isJSX {
            c.report(.jsxScript, b.nameRange,
                     "A `<script>` in JSX is never executed by React: render a `<div className=\"\(b.brand.className)\">` and load the button script from the HTML page")
        }
    }

    static let inertMessage = "A `<script>` inserted as HTML (`innerHTML`, `insertAdjacentHTML`, `dangerouslySetInnerHTML`, `v-html`) is never executed: load the button script from the HTML page"

    /// Checks of script addresses, over one layer.
    static func checkLoaders(_ layer: Layer, in document: Document, bytes: UnsafeBufferPointer<UInt8>, sink: FindingSink) {
        for loader in layer.loaders {
            let brand = loader.address.brand
            let src = loader.src
            // The value is decoded only for the fix that needs its text (a layer of built elements holds
            // one loader a builder); a `src` without a value is reported at the whole attribute.
            let valueRange = src.record.hasValue || src.record.isBound ? src.valueRange : src.range
            if loader.address.scheme == "http", let value = src.value {
                sink.report(.insecureScriptSrc, valueRange) {
                    // The scheme is found in the decoded, trimmed text; the edit is mapped to the source bytes behind it.
                    let trimmed = value.text.trimmingWhitespace()
                    let lead = value.text.utf8.distance(from: value.text.startIndex, to: trimmed.startIndex)
                    let scheme = value.sourceRange(lead..<lead + loader.address.schemeLength)
                    return ("The button script is loaded over `http:`: browsers block it on https pages; use `https:`",
                            Fix("Use `https:`", replacing: scheme, with: "https"), [])
                }
            }
            if loader.ownBrand == nil, !document.classBrands.contains(brand) {
                sink.report(.missingClass, valueRange) {
                    // A script that carries the button's attributes only lacks its class: add the
                    // attribute, or the class to a class list it already has (a second `class` would be dropped).
                    let fix = layer.buttonIndex(at: loader.range).flatMap { i -> Fix? in
                        let b = layer.buttons[i]
                        guard let existing = b.first("class") ?? b.first("classname") else {
                            let at = b.nameRange.upperBound
                            return Fix("Add `class=\"\(brand.className)\"`", replacing: at..<at, with: " class=\"\(brand.className)\"")
                        }
                        guard let value = existing.value, value.isLiteral, existing.raw.quote == Byte.quote || existing.raw.quote == Byte.apostrophe
                        else { return nil }
                        let at = value.range.upperBound
                        return Fix("Add the class `\(brand.className)`", replacing: at..<at, with: value.isBlank ? brand.className : " " + brand.className)
                    }
                    return ("No element has the class `\(brand.className)`: \(brand.displayName)'s script finds no button; add `class=\"\(brand.className)\"`",
                            fix, [])
                }
            }
            if loader.origin.isInert, layer.buttonIndex(at: loader.range) == nil {
                sink.report(.inertScript, loader.nameRange) { (inertMessage, nil, []) }
            }
            if loader.origin.isLate {
                sink.report(.lateInjection, valueRange) {
                    ("The button script only sets `window.onload`: injected once the page may have loaded (a component or a load handler), it renders nothing; load \(Text.code(brand.scriptAddress)) from the HTML page", nil, [])
                }
            }
        }
    }
}
