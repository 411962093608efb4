import Testing
@testable import AmoLint

/// A button whose attribute records equal the button before's shares that list (a page of
/// one tag repeated made a list a button): every button of a page of near-repeats reads the
/// attributes, facts, variant and findings it reads alone on a page of its own.
struct SharedRecordsTests {
    static let tags = [
        #"<div class="amocrm_oauth" data-color="Blue">"#, #"<div class="amocrm_oauth" data-color="Blue">"#,
        #"<div class="amocrm_oauth" data-color="Blu">"#, #"<div class="amocrm_oauth" data-color='Blue'>"#,
        #"<div class="amocrm_oauth" DATA-COLOR="Blue">"#, #"<div class="amocrm_oauth" data-colour="Blue">"#,
        #"<div class="amocrm_oauth" data-color="Blue" data-x>"#, #"<div class="amocrm_oauth">"#, #"<div class="amocrm_oauth" data-color>"#,
        #"<span class="amocrm_oauth" data-color="Blue">"#, #"<div class="kommo_oauth" data-color="Blue">"#,
        #"<div class="amocrm_oauth" data-client-id="x" data-state="s">"#, #"<div class="amocrm_oauth" data-client-id="" data-state="s">"#,
        #"<div class="amocrm_oauth" data-client-id="{{ x }}" data-state="s">"#, #"<div class="amocrm_oauth" :data-color="c">"#,
    ]

    static func facts(_ button: Button, _ text: SharedBytes) -> String {
        var out = "\(button.tagName) \(button.variant) \(button.hasMetadata) \(button.missingMetadata)\n"
        let attributes = button.attributes
        for (i, a) in attributes.enumerated() {
            out += "\(a.range.lowerBound - button.range.lowerBound) \(a.nameRange.lowerBound - button.range.lowerBound) \(a.name) \(attributes.fact(i))"
            out += " \(a.raw.flags.rawValue) \(a.raw.quote) \(a.isBlank) \(a.value?.text ?? "-")\n"
        }
        return out
    }

    @Test func sharedListsReadAsTheirOwn() {
        var g = SplitMix(seed: 0x5A4E)
        for _ in 0..<300 {
            var picked: [String] = []
            for _ in 0..<(1 + g.below(10)) {
                let tag = Self.tags[g.below(Self.tags.count)]
                for _ in 0..<(1 + g.below(3)) { picked.append(tag) }
            }
            let page = picked.joined(separator: "\n")
            let document = Document(SourceFile(path: "a.html", text: page))
            let buttons = document.buttons
            guard buttons.count == picked.count else {
                Issue.record("\(buttons.count) buttons for \(picked.count) tags: \(page.debugDescription)")
                continue
            }
            for (button, tag) in zip(buttons, picked) {
                let alone = Document(SourceFile(path: "a.html", text: tag))
                #expect(Self.facts(button, document.layers[0].text) == Self.facts(alone.buttons[0], alone.layers[0].text), "\(tag) in \(page.debugDescription)")
            }
        }
    }
}
