extension Rule {
    static let invalidColor = Rule(
        id: .invalidColor, area: .enumerations, severity: .error,
        summary: "amoCRM `data-color` outside `default`, `blue`, `violet`, `green`, `orange`, `red`.",
        explanation: """
            Any other value, including a different case (`Blue`), silently falls back to `default`; amoCRM's PHP \
            generator refuses it with "Invalid color selected". The fix writes the value that was clearly meant.
            """,
        triggering: [
            Example(#"<?php echo '<div class="amocrm_oauth" data-client-id="' . $id . '" data-color="«Blue»"></div>';"#, file: "connect.php",
                    fixed: #"<?php echo '<div class="amocrm_oauth" data-client-id="' . $id . '" data-color="blue"></div>';"#),
            Example(#"el.innerHTML = "<div class=\"amocrm_oauth\" data-color=\"«Violet»\"></div>""#, file: "amo.js",
                    fixed: #"el.innerHTML = "<div class=\"amocrm_oauth\" data-color=\"violet\"></div>""#),
            Example(#"<script class="amocrm_oauth" data-color="«Blue»" \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-color="blue" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" data-color="«voilet»"></div>"#, fixed: #"<div class="amocrm_oauth" data-color="violet"></div>"#),
            Example(#"<div class="amocrm_oauth" data-color="«purple»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-color="«{{ $c }}-dark»"></div>"#, file: "b.blade.php"),
        ],
        nonTriggering: [
            Example("<?php\n// amolint-disable-next-line invalid-color\necho '<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>';", file: "b.php"),
            Example("// amolint-disable-next-line invalid-color\nel.innerHTML = '<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>'", file: "b.js"),
            Example(#"<?php echo '<div class="amocrm_oauth" data-color="' . $color . '"></div>';"#, file: "b.php"),
            Example(#"<div class="amocrm_oauth" data-color="violet"></div>"#),
            Example(#"<div class="amocrm_oauth" data-color="{{ $color }}"></div>"#, file: "b.blade.php"),
            Example(#"<div class="amocrm_oauth" :data-color="color"></div>"#, file: "B.vue"),
            Example(#"<div class="kommo_oauth" data-theme="dark"></div>"#),
        ])

    static let ignoredColor = Rule(
        id: .ignoredColor, area: .enumerations, severity: .warning,
        summary: "`data-color` on a Kommo button, whose script ignores it.",
        explanation: """
            Kommo's current script reads `data-theme` (`light`, `dark`) and `data-locale` instead of amoCRM's \
            `data-color`. Remove the attribute or use `data-theme`.
            """,
        triggering: [
            Example(#"<script class="kommo_oauth" «data-color»="blue" \#(Sample.kommoSrc)></script>"#),
        ],
        nonTriggering: [
            Example(#"<script class="amocrm_oauth" data-color="blue" \#(Sample.amoSrc)></script>"#),
            Example(#"<script class="kommo_oauth" data-theme="dark" \#(Sample.kommoSrc)></script>"#),
        ])

    static let invalidTheme = Rule(
        id: .invalidTheme, area: .enumerations, severity: .error,
        summary: "Kommo `data-theme` outside `light`, `dark`.",
        explanation: "Kommo's script knows two themes, `light` (the default) and `dark`; anything else gives the default.",
        triggering: [
            Example(#"<div class="kommo_oauth" data-theme="«Dark»"></div>"#, fixed: #"<div class="kommo_oauth" data-theme="dark"></div>"#),
            Example(#"<div class="kommo_oauth" data-theme="«blue»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="kommo_oauth" data-theme="light"></div>"#),
            Example(#"<div class="kommo_oauth" data-theme="{{ theme }}"></div>"#, file: "b.twig"),
        ])

    static let invalidLocale = Rule(
        id: .invalidLocale, area: .enumerations, severity: .warning,
        summary: "Kommo `data-locale` outside `en`, `es`, `pt`, `id`.",
        explanation: "Kommo's button speaks English (the default), Spanish, Portuguese and Indonesian; other locales show English.",
        triggering: [
            Example(#"<div class="kommo_oauth" data-locale="«ru»"></div>"#),
            Example(#"<div class="kommo_oauth" data-locale="«ES»"></div>"#, fixed: #"<div class="kommo_oauth" data-locale="es"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="kommo_oauth" data-locale="pt"></div>"#),
        ])

    static let invalidMode = Rule(
        id: .invalidMode, area: .enumerations, severity: .error,
        summary: "`data-mode` outside `popup`, `post_message`.",
        explanation: """
            The script passes the mode verbatim into the authorization URL without checking it, so a slip such \
            as `post-message` or `postMessage` breaks the flow after consent. `popup` redirects the main window; \
            `post_message` redirects inside the popup, which your page then closes.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-mode="«post-message»"></div>"#, fixed: #"<div class="amocrm_oauth" data-mode="post_message"></div>"#),
            Example(#"<div class="amocrm_oauth" data-mode="«postMessage»"></div>"#, fixed: #"<div class="amocrm_oauth" data-mode="post_message"></div>"#),
            Example(#"<div class="kommo_oauth" data-mode="«redirect»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-mode="post_message"></div>"#),
            Example(#"<div class="amocrm_oauth" data-mode="popup"></div>"#),
        ])

    static let invalidCompact = Rule(
        id: .invalidCompact, area: .enumerations, severity: .warning,
        summary: "`data-compact` other than exactly `true` or `false`.",
        explanation: """
            The button is compact only for the exact string `true`: `True`, `1` and `yes` all give the full \
            button. The fix writes `true` or `false` for the values whose intent is clear.
            """,
        triggering: [
            Example("""
                <?php
                echo <<<HTML
                    <div class="amocrm_oauth" data-compact="«True»"></div>
                    HTML;
                """, file: "helpers.php", fixed: """
                <?php
                echo <<<HTML
                    <div class="amocrm_oauth" data-compact="true"></div>
                    HTML;
                """),
            Example(#"<div class="amocrm_oauth" data-compact="«1»"></div>"#, fixed: #"<div class="amocrm_oauth" data-compact="true"></div>"#),
            Example(#"<div class="amocrm_oauth" data-compact="«True»"></div>"#, fixed: #"<div class="amocrm_oauth" data-compact="true"></div>"#),
            Example(#"<div class="amocrm_oauth" data-compact="«no»"></div>"#, fixed: #"<div class="amocrm_oauth" data-compact="false"></div>"#),
            Example(#"<div class="amocrm_oauth" data-compact="«compact»"></div>"#),
        ],
        nonTriggering: [
            Example("<?php\necho <<<'HTML'\n<div class=\"amocrm_oauth\" data-compact=\"true\"></div>\nHTML;\n", file: "b.php"),
            Example(#"<div class="amocrm_oauth" data-compact="true"></div>"#),
            Example(#"<div class="amocrm_oauth" data-compact="false"></div>"#),
            Example(#"<div className="amocrm_oauth" data-compact={isCompact}></div>"#, file: "Button.jsx"),
        ])
}

enum EnumerationChecks {
    /// `data-color` on a Kommo button: reported here and withheld from other checks.
    static func classifyColor(_ c: ButtonContext, index: Int, attribute a: Attribute, number: Int?) -> Bool {
        guard number == KnownName.color, c.brand == .kommo else { return false }
        c.markNoEffect(index)
        c.report(.ignoredColor, a.nameRange, "\(c.shown(a)) is ignored by Kommo's button: use `data-theme` (`light` or `dark`)",
                 unnecessary: true)
        return true
    }

    static func check(_ c: ButtonContext) {
        enumeration(c, KnownName.color, .invalidColor, effect: "the button falls back to `default`")
        enumeration(c, KnownName.theme, .invalidTheme, effect: "the button uses `light`")
        enumeration(c, KnownName.locale, .invalidLocale, effect: "the button shows English")
        enumeration(c, KnownName.mode, .invalidMode, effect: "the script sends it unchecked and the authorization flow breaks")
        compact(c)
    }

    /// The allowed values of each table entry, as suggestion candidates.
    private static let candidates = AttributeTable.all.map { Suggestions.Candidates($0.values) }

    private static func enumeration(_ c: ButtonContext, _ k: Int, _ rule: Rule, effect: String) {
        guard let (a, value) = c.effectiveValue(k) else { return }
        // The allowed values alone: copying the whole table entry cost more than the check.
        let values = KnownName.values[k]
        if let literal = value.literalText {
            guard !values.contains(literal) else { return }
            // The suggestion is worked out only for a finding that is kept.
            c.sink.report(rule, value.range) {
                let suggestion = Suggestions.nearest(literal, in: candidates[k])
                let hint = suggestion.map { "; did you mean \(Text.code($0))?" } ?? "; use one of \(Text.choices(values))"
                return ("\(Text.code(a.writtenName)) \(Text.code(literal)) is not a known value: \(effect)\(hint)",
                        suggestion.map { Fix("Replace with \(Text.code($0))", replacing: value.range, with: $0, applicability: .replacing(literal, with: $0)) },
                        [])
            }
        } else if !value.isDynamic {
            // `{{ $c }}-dark`: whatever the template gives, a literal part no allowed value
            // contains means the result can never be allowed.
            let parts = value.text.split(separator: "\u{0}")
            guard let stray = parts.first(where: { part in !values.contains { $0.contains(part) } }) else { return }
            c.report(rule, value.range,
                     "\(c.shown(a)) can never be one of \(Text.choices(values)) with \(Text.code(String(stray))) in it: \(effect)")
        }
    }

    private static func compact(_ c: ButtonContext) {
        guard let (a, value) = c.effectiveValue(KnownName.compact), let literal = value.literalText,
              literal != "true", literal != "false"
        else { return }
        let key = literal.trimmingWhitespace().lowercased()
        let meant: String? = ["true", "1", "yes", "on"].contains(key) ? "true" : ["false", "0", "no", "off"].contains(key) ? "false" : nil
        let effect = meant == "true" ? "the button is not compact" : "only the exact string `true` makes the button compact"
        c.report(.invalidCompact, value.range,
                 "\(c.shown(a)) \(Text.code(literal)) is not `true` or `false`: \(effect)\(meant.map { "; write \(Text.code($0))" } ?? "")",
                 // `True`→`true` is a case slip; `1`, `yes`, `on` → `true` is a guess at what was meant.
                 fix: meant.map { Fix("Replace with \(Text.code($0))", replacing: value.range, with: $0, applicability: .replacing(literal, with: $0)) })
    }
}
