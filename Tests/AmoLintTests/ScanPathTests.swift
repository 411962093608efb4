import Testing
@testable import AmoLint

/// The scanner's fast path (tags the collector cannot use are parsed for their
/// end only, never built or visited) gives the same documents and diagnostics as
/// the plain path, where every tag is built and visited: on every rule example,
/// the example pages, generated pages and random mutations of all of them.
struct ScanPathTests {
    /// Everything the rules read from a document, as text.
    static func fingerprint(_ document: Document) -> String {
        var out = ""
        for layer in document.layers {
            out += "layer \(layer.text.count) \(layer.text.hashValue)\n"
            dump(layer.buttons, to: &out)
            dump(layer.loaders, to: &out)
        }
        out += "class brands \(document.classBrands.map { "\($0)" }.sorted())\n"
        out += "loader brands \(document.loaderBrands.map { "\($0)" }.sorted())\n"
        dump(document.codeRanges, to: &out)
        dump(document.directiveComments, to: &out)
        dump(document.codeRegions, to: &out)
        return out
    }

    /// Nil when both paths agree, else what differs.
    static func difference(_ file: SourceFile) -> String? {
        let fast = Document(file, everyTag: false), plain = Document(file, everyTag: true)
        let fastPrint = fingerprint(fast), plainPrint = fingerprint(plain)
        if fastPrint != plainPrint {
            return "documents differ on \(file.path):\n\(String(decoding: file.bytes, as: UTF8.self))\nfast:\n\(fastPrint)\nplain:\n\(plainPrint)"
        }
        let fastDiagnostics = Linter.lint(fast).diagnostics, plainDiagnostics = Linter.lint(plain).diagnostics
        if fastDiagnostics != plainDiagnostics {
            return "diagnostics differ on \(file.path):\n\(String(decoding: file.bytes, as: UTF8.self))"
        }
        return nil
    }

    static var examples: [SourceFile] {
        RuleCatalog.all.flatMap { rule in
            (rule.triggering + rule.nonTriggering).map { SourceFile(path: $0.file, text: Marked($0.code).text) }
        }
    }

    static var examplePages: [SourceFile] {
        FixNeverWorsensTests.pages.compactMap { path in (try? readBytes(path)).map { SourceFile(path: path, bytes: $0) } }
    }

    static let paths = ["a.html", "b.php", "c.blade.php", "d.twig", "E.jsx", "f.vue", "g.js", "h.erb"]

    /// Pieces of markup that change how the scanner reads what follows.
    static let pieces = [
        "<div>", "</div>", "<p class=\"lead\">", "<img src=\"/i.png\" alt='x'>", "<br/>", "<a href=/x?a=1&b=2>", ">", "<", "\"", "'",
        "<!--", "-->", "<!-- amolint-disable-next-line missing-class -->", "<!doctype html>", "<?php if ($a): ?>", "<?php endif; ?>",
        "<?= $state ?>", "<?", "?>", "{{ $x }}", "{{", "}}", "{% if user %}", "{% endif %}", "{#", "#}", "{{-- c --}}", "<%= a %>",
        "<%", "%>", "${a}", "{", "}", "@if($a)", "@endif", "@class(['amocrm_oauth' => true])", "<script>", "</script>",
        "<script type=\"module\">", "<script src=\"https://www.amocrm.ru/auth/button.min.js\"></script>", "<style>", "</style>",
        "<textarea>", "</textarea>", "<title>", "</title>", " class=\"amocrm_oauth\"", " class=\"kommo_oauth\"", " id=\"amocrm_oauth\"",
        " data-client-id=\"x\"", " data-state=\"{{ s }}\"", " v-html=\"'<div class=amocrm_oauth>'\"", " :class=\"{ amocrm_oauth: true }\"",
        " className={cls}", " {...rest}", "<div class=\"amocrm_oauth\" data-color=\"Blue\" data-mode=\"popup\">",
        "<script class=\"kommo_oauth\" data-client-id=\"1\" src=\"https://www.kommo.com/auth/button.js\"></script>",
        "document.createElement('script')", "'<div class=\"amocrm_oauth\">'", "echo '<div class=\"amocrm_oauth\">';",
        "return (<div className=\"amocrm_oauth\" />)", "/*", "*/", "//", "\n", " ", "auth", "_oauth", "amolint-", "Кнопка 🚀",
    ]

    static func page(_ random: inout SplitMix, pieces count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<count { bytes += Array(pieces[random.below(pieces.count)].utf8) }
        return bytes
    }

    /// Deletes, duplicates or inserts a few stretches: unclosed quotes, constructs cut in half.
    static func mutate(_ input: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(4)) {
            let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
            switch random.below(3) {
            case 0 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
            case 1 where !bytes.isEmpty:
                let from = random.below(bytes.count)
                bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + 1 + random.below(40))], at: at)
            default:
                bytes.insert(contentsOf: Array(pieces[random.below(pieces.count)].utf8), at: at)
            }
        }
        return bytes
    }

    @Test func ruleExamplesAndTheirMutations() {
        var random = SplitMix(seed: 14)
        for file in Self.examples {
            #expect(Self.difference(file) == nil)
            for _ in 0..<3 {
                let mutated = SourceFile(path: file.path, bytes: Self.mutate(file.bytes, &random))
                #expect(Self.difference(mutated) == nil)
            }
        }
    }

    @Test func examplePagesAndTheirMutations() {
        var random = SplitMix(seed: 3)
        #expect(Self.examplePages.count >= 9)
        for file in Self.examplePages {
            #expect(Self.difference(file) == nil)
            for _ in 0..<40 {
                let mutated = SourceFile(path: file.path, bytes: Self.mutate(file.bytes, &random))
                #expect(Self.difference(mutated) == nil)
            }
        }
    }

    @Test func generatedPagesInEveryFileKind() {
        var random = SplitMix(seed: 1)
        for k in 0..<1500 {
            var bytes = Self.page(&random, pieces: 20 + random.below(200))
            if k % 2 == 1 { bytes = Self.mutate(bytes, &random) }
            let file = SourceFile(path: Self.paths[k % Self.paths.count], bytes: bytes)
            #expect(Self.difference(file) == nil)
        }
    }

    /// Scripts are always visited, even without a needle in their tag: whether one
    /// has `src` decides whether its body is code whose strings hold buttons.
    @Test func aScriptTagWithoutANeedleStillDecidesItsBody() {
        func buttons(_ text: String) -> Int {
            Document(SourceFile(path: "a.html", text: text), everyTag: false).layers.reduce(0) { $0 + $1.buttons.count }
        }
        #expect(buttons(#"<p><script>el.innerHTML = '<div class="kommo_oauth"></div>';</script>"#) == 1)
        #expect(buttons(#"<p><script src="/app.js">el.innerHTML = '<div class="kommo_oauth"></div>';</script>"#) == 0)
        #expect(buttons(#"<p><div class="kommo_oauth"></div>"#) == 1)
    }
}
