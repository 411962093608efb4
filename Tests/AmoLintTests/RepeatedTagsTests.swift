import Testing
@testable import AmoLint

/// A tag written again with the same bytes is not read again: the collector
/// repeats the last button (and loader), moved and reached from where the copy
/// stands. The documents and diagnostics are those of the plain path, where every
/// tag is read (`ScanPathTests.difference`), whatever stands between the copies:
/// code that changes the copies' origin (a string, an `innerHTML` sink, a lifecycle
/// hook), scripts, comments, template constructs left open or closed after them.
struct RepeatedTagsTests {
    static let tags = [
        #"<div class="amocrm_oauth" data-client-id="x" data-color="Blue">"#,
        #"<script class="amocrm_oauth" data-client-id="x" src="https://www.amocrm.ru/auth/button.min.js"></script>"#,
        #"<div class="kommo_oauth" data-state="{{ s }}" data-x="{{}}">"#,
        #"<div class="amocrm_oauth" data-x="{{ a">"#,
        #"<div class="amocrm_oauth" data-state="<?= $s ?>">"#,
        #"<div class="amocrm_oauth" @if($a) data-x="1" @endif>"#,
        #"<div id="amocrm_oauth" v-html="'<div class=amocrm_oauth>'">"#,
        #"<script src="https://www.amocrm.ru/auth/button.min.js" data-name="n"></script>"#,
    ]

    /// What may stand between two copies (nothing, most often).
    static let between = [
        "", "", "", "\n", "<p>text</p>", "<!-- amolint-disable-next-line missing-client-id -->", "}}", "{{ b }}", "?>", "<?php echo 1; ?>",
        "<script>el.innerHTML = '", "';</script>", "<script>mounted() { x.innerHTML = `", "` }</script>",
        "<?php echo '", "'; ?>", "{% if u %}", "{% endif %}", "<style>", "</style>",
    ]

    @Test("copies of one tag read as each reads alone", arguments: ScanPathTests.paths)
    func copiesReadAsAlone(_ path: String) {
        var random = SplitMix(seed: 31)
        for _ in 0..<60 {
            let tag = RepeatedTagsTests.tags[random.below(RepeatedTagsTests.tags.count)]
            var text = ""
            for _ in 0..<(2 + random.below(6)) {
                text += tag + RepeatedTagsTests.between[random.below(RepeatedTagsTests.between.count)]
            }
            // In code too: the copies inside one string, and one built element written twice.
            if random.below(3) == 0 { text = "<script>document.body.innerHTML = '\(text.filter { $0 != "'" && $0 != "\n" })';</script>" + text }
            let file = SourceFile(path: path, text: text)
            let difference = ScanPathTests.difference(file)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    @Test("a string of 200 copies gives 200 buttons, each where it stands")
    func longRunOfCopies() {
        let tag = #"<div class="amocrm_oauth" data-client-id="x">"#
        let text = "<?php echo '" + String(repeating: tag, count: 200) + "'; ?>" + String(repeating: tag, count: 200)
        let file = SourceFile(path: "p.php", text: text)
        #expect(ScanPathTests.difference(file) == nil)
        let layers = Document(file).layers
        #expect(layers.map(\.buttons.count).reduce(0, +) == 400)
        for layer in layers {
            #expect(Set(layer.buttons.map(\.range.lowerBound)).count == layer.buttons.count)
        }
        #expect(layers.flatMap(\.buttons).filter { $0.origin == .markup }.count == 200)
    }
}
