extension Rule {
    static let invalidDirective = Rule(
        id: .invalidDirective, area: .directives, severity: .warning,
        summary: "A suppression comment that names an unknown rule id.",
        explanation: """
            `amolint-disable-next-line`, `amolint-disable` and `amolint-enable` take rule ids separated by commas \
            (none means every rule). An unknown id suppresses nothing, which usually means a typo; the fix \
            writes the id it most likely means.
            """,
        triggering: [
            Example("<?php // amolint-disable-next-line «missing-sate»\necho '<div class=\"amocrm_oauth\"></div>';", file: "b.php",
                    fixed: "<?php // amolint-disable-next-line missing-state\necho '<div class=\"amocrm_oauth\"></div>';"),
            Example("/* amolint-disable «no-such-rule» */\nconst x = 1", file: "b.ts"),
            Example(#"<!-- amolint-disable-next-line «missing-sate» -->"#, fixed: #"<!-- amolint-disable-next-line missing-state -->"#),
            Example(#"{{-- amolint-disable static-state, «no-such-rule» --}}"#, file: "b.blade.php"),
        ],
        nonTriggering: [
            Example(#"<!-- amolint-disable-next-line missing-state, static-state -->"#),
            Example(#"{# amolint-disable #}<div class="amocrm_oauth"></div>{# amolint-enable #}"#, file: "b.twig"),
        ])
}
