extension Rule {
    static let invalidScope = Rule(
        id: .invalidScope, area: .scopes, severity: .error,
        summary: "A `data-scopes` item outside `crm`, `notifications`, `files`, `files_delete`, `push_notifications`.",
        explanation: """
            The button documents `crm` and `notifications`; amoCRM rejects a scope it does not know and the \
            installation fails. The message suggests the nearest scope, and the fix writes it when the slip is clear.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,«notification»"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
            Example(#"<div class="amocrm_oauth" data-scopes="«CRM»"></div>"#, fixed: #"<div class="amocrm_oauth" data-scopes="crm"></div>"#),
            Example(#"<div class="amocrm_oauth" data-scopes="crm,«leads»,{{ $extra }}"></div>"#, file: "b.twig"),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
            Example(#"<div class="amocrm_oauth" data-scopes="{{ $scopes }}"></div>"#, file: "b.blade.php"),
        ])

    static let undocumentedScope = Rule(
        id: .undocumentedScope, area: .scopes, severity: .warning,
        summary: "`files`, `files_delete` or `push_notifications`: real token scopes, not documented for the button.",
        explanation: """
            Access tokens carry these scopes, but the button's documentation lists only `crm` and \
            `notifications`; whether the button grants them is not promised. Check that the flow works, or \
            suppress this for the line.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,«files»,«push_notifications»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
        ])

    static let duplicateScope = Rule(
        id: .duplicateScope, area: .scopes, severity: .warning,
        summary: "A scope listed twice in `data-scopes`.",
        explanation: "The repeat asks for nothing more and is sent to amoCRM as is. The fix removes it.",
        triggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,notifications,«crm»"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
            Example(#"<div class="amocrm_oauth" data-scopes="crm,{{ a }},{{ b }}"></div>"#, file: "b.twig"),
        ])

    static let malformedScopes = Rule(
        id: .malformedScopes, area: .scopes, severity: .error,
        summary: "White space around a `data-scopes` item, or an empty item.",
        explanation: """
            The script splits the list on commas and trims nothing: `crm, notifications` asks for the scope \
            ` notifications`, which does not exist, and `crm,` asks for an empty one. Write the list with bare \
            commas; the fix does that.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="«crm, notifications»"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
            Example(#"<div class="amocrm_oauth" data-scopes="«crm,,notifications,»"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-scopes="crm,notifications"></div>"#),
            Example(#"<div class="amocrm_oauth" data-scopes="crm,{{ $more }}"></div>"#, file: "b.twig"),
        ])
}

enum ScopeChecks {
    static let allowed = AttributeTable.documentedScopes + AttributeTable.undocumentedScopes
    private static let allowedCandidates = Suggestions.Candidates(allowed)

    /// One comma-separated item: its trimmed text and UTF-8 ranges in the decoded value.
    struct Item {
        var text: Substring
        var full: Range<Int>
        var trimmed: Range<Int>
        var isTemplate: Bool { text.utf8.contains(0) }
    }

    static func items(_ text: String) -> [Item] {
        guard ASCII.isASCII(text) else { return plainItems(text) }
        // ASCII: commas and white space are bytes (`\r\n` is white space either way).
        var items: [Item] = []
        let u = text.utf8
        var start = u.startIndex
        var offset = 0
        while true {
            let end = u[start...].firstIndex(of: Byte.comma) ?? u.endIndex
            let length = u.distance(from: start, to: end)
            var lo = start, hi = end
            while lo < hi, ASCII.isWhitespace(u[lo]) { lo = u.index(after: lo) }
            while hi > lo, ASCII.isWhitespace(u[u.index(before: hi)]) { hi = u.index(before: hi) }
            let lead = u.distance(from: start, to: lo)
            items.append(Item(text: text[lo..<hi], full: offset..<offset + length,
                              trimmed: offset + lead..<offset + lead + u.distance(from: lo, to: hi)))
            offset += length + 1
            guard end < u.endIndex else { break }
            start = u.index(after: end)
        }
        return items
    }

    /// The same on Characters, for text that is not ASCII.
    static func plainItems(_ text: String) -> [Item] {
        var items: [Item] = []
        var offset = 0
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let length = piece.utf8.count
            let trimmed = piece.trimmingWhitespace()
            let lead = piece.utf8.distance(from: piece.startIndex, to: trimmed.startIndex)
            items.append(Item(text: trimmed, full: offset..<offset + length,
                              trimmed: offset + lead..<offset + lead + trimmed.utf8.count))
            offset += length + 1
        }
        return items
    }

    static func check(_ c: ButtonContext) {
        guard let (a, value) = c.effectiveValue(KnownName.scopes), !value.isDynamic else { return }
        let list = items(value.text)
        var seen: [Substring: Int] = [:]
        for (k, item) in list.enumerated() where !item.isTemplate && !item.text.isEmpty {
            let range = value.sourceRange(item.trimmed)
            let name = String(item.text)
            if !allowed.contains(name) {
                // The suggestion is worked out only for a finding that is kept.
                c.sink.report(.invalidScope, range) {
                    let suggestion = Suggestions.nearest(name, in: allowedCandidates)
                    let hint = suggestion.map { "did you mean \(Text.code($0))?" } ?? "the button documents `crm` and `notifications`"
                    return ("Scope \(Text.code(name)) does not exist: amoCRM rejects the installation; \(hint)",
                            suggestion.map { Fix("Replace with \(Text.code($0))", replacing: range, with: $0, applicability: .replacing(name, with: $0)) },
                            [])
                }
            } else if AttributeTable.undocumentedScopes.contains(name) {
                c.report(.undocumentedScope, range,
                         "Scope \(Text.code(name)) is a token scope the button's documentation does not list: check that the button grants it")
            }
            if let earlier = seen[item.text] {
                // Remove from the end of the previous item through this one: `,crm`.
                let previousEnd = list[k - 1].full.upperBound
                c.report(.duplicateScope, range, "Scope \(Text.code(name)) is listed twice: remove the repeat",
                         fix: Fix("Remove the repeated scope", replacing: value.sourceRange(previousEnd..<item.full.upperBound), with: ""),
                         related: [RelatedLocation(range: value.sourceRange(list[earlier].trimmed), message: "First listed here")])
            } else {
                seen[item.text] = k
            }
        }
        let malformed = list.contains { $0.text.isEmpty || $0.trimmed != $0.full }
        if malformed {
            let bytes = c.bytes
            // The corrected list is written only for a finding that is kept.
            c.sink.report(.malformedScopes, value.range) {
                let kept = list.filter { !$0.text.isEmpty }.map { value.sourceText($0.trimmed, in: bytes) }.joined(separator: ",")
                let problem = list.contains { $0.text.isEmpty } ? "an empty item" : "white space around an item"
                return ("\(Text.code(a.writtenName)) has \(problem): the script splits on commas without trimming and sends it as a scope; write \(Text.code(kept))",
                        Fix("Write \(Text.code(kept))", replacing: value.range, with: kept), [])
            }
        }
    }
}
