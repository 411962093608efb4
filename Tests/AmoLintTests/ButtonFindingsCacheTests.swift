import Testing
@testable import AmoLint

/// Findings replayed from a `ButtonFindingsCache` are the findings a fresh check
/// gives: for tags repeated in one document (the command line's cache) and for a
/// document edited again and again under one cache (the server's), including edits
/// that change what a tag's checks read from outside it.
struct ButtonFindingsCacheTests {
    /// Everything a user sees of a lint.
    static func outcome(_ result: Linter.Result) -> String {
        var out = ""
        for d in result.diagnostics { dump(d, to: &out) }
        out += "unreported \(result.unreportedBySeverity.sorted { $0.key.place < $1.key.place })\n"
        return out
    }

    static func plain(_ file: SourceFile) -> String { outcome(Linter.lint(Document(file), cache: nil)) }

    /// Context that changes what a button's checks read from outside its tag.
    static let context = [
        "<script src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n",
        "<script src=\"https://www.kommo.com/auth/button.js\"></script>\n",
        "<script>function onAuthError(e) { console.log(e) }</script>\n",
        "<script>window.onAuthError = function () {}</script>\n",
        "<!-- amolint-disable-next-line -->\n", "<!-- amolint-disable invalid-color -->\n", "<!-- amolint-enable -->\n",
        "{% if user %}", "{% endif %}", "<?php if ($a): ?>", "<?php endif; ?>", "@if($a)", "@endif", "<!--", "-->", "<script>", "</script>",
        "<div class=\"amocrm_oauth\" data-client-id=\"x\" data-error-callback=\"onAuthError\" data-color=\"Blue\">\n",
        "<script class=\"amocrm_oauth\" data-client-id=\"0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b\" data-state=\"{{ s }}\" data-scopes=\"crm, notifications\"></script>\n",
        "Кнопка 🚀\n", "\n",
    ]

    /// Each example three times, with context between the copies.
    @Test func repeatedTagsGiveWhatFreshChecksGive() {
        var random = SplitMix(seed: 14_05)
        var failures: [String] = []
        for example in ScanPathTests.examples {
            let code = String(decoding: example.bytes, as: UTF8.self)
            for round in 0..<3 {
                var text = ""
                for copy in 0..<3 {
                    if copy > 0 || round > 0 {
                        for _ in 0..<(round + random.below(2)) { text += Self.context[random.below(Self.context.count)] }
                    }
                    text += code + "\n"
                }
                let file = SourceFile(path: example.path, text: text)
                let cached = Self.outcome(Linter.lint(file))
                if cached != Self.plain(file) { failures.append("\(example.path):\n\(text)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) pages differ; first:\n\(failures.first ?? "")")
    }

    /// A document edited 400 times under one cache, as the server keeps it, in every file kind.
    @Test func editedDocumentsGiveWhatFreshLintsGive() {
        var random = SplitMix(seed: 2026_11_30)
        var failures: [String] = []
        let starts = ScanPathTests.examplePages.map { ($0.path, $0.bytes) }
            + ScanPathTests.paths.map { path in (path, ScanPathTests.page(&random, pieces: 60) + Array(Self.context.joined().utf8)) }
        for (path, start) in starts {
            let cache = ButtonFindingsCache()
            var bytes = start
            for step in 0..<50 {
                bytes = Self.edit(bytes, &random)
                let file = SourceFile(path: path, bytes: bytes)
                let cached = Self.outcome(Linter.lint(Document(file), cache: cache))
                if cached != Self.plain(file) {
                    failures.append("\(path) after \(step + 1) edits:\n\(String(decoding: bytes, as: UTF8.self))")
                    break
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) documents differ; first:\n\(failures.first ?? "")")
    }

    /// Pastes a piece of context, or mutates the text as the scan path tests do.
    static func edit(_ input: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        guard random.below(3) == 0 else { return ScanPathTests.mutate(input, &random) }
        var bytes = input
        bytes.insert(contentsOf: Array(Self.context[random.below(Self.context.count)].utf8), at: bytes.isEmpty ? 0 : random.below(bytes.count + 1))
        return bytes
    }

    /// What each check reads from outside the tag, changed under a kept button.
    @Test(arguments: [
        // The loader appears: `missing-script` goes.
        ("<div class=\"amocrm_oauth\" data-client-id=\"x\" data-state=\"{{ s }}\"></div>\n",
         "<script src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n", "a.html"),
        // The callback gets defined: `undefined-error-callback` goes.
        ("<div class=\"amocrm_oauth\" data-client-id=\"x\" data-state=\"{{ s }}\" data-error-callback=\"onAuthError\"></div>\n",
         "<script>function onAuthError() {}</script>\n", "a.html"),
        // A suppression comment above it.
        ("<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\n", "<!-- amolint-disable-next-line -->\n", "a.html"),
        // A template conditional around it.
        ("<div class=\"amocrm_oauth\" data-color=\"blue\" data-color=\"red\"></div>\n", "{% if a %}", "d.twig"),
        ("<div class=\"amocrm_oauth\" data-color=\"blue\" data-color=\"red\"></div>\n", "@if($a)", "c.blade.php"),
    ])
    func contextChangedUnderAKeptButton(_ tag: String, _ context: String, _ path: String) {
        let cache = ButtonFindingsCache()
        let before = SourceFile(path: path, text: tag + tag)
        #expect(Self.outcome(Linter.lint(Document(before), cache: cache)) == Self.plain(before))
        #expect(cache.count == 1)
        for text in [context + tag + tag, tag + context + tag, tag + tag + context] {
            let after = SourceFile(path: path, text: text)
            #expect(Self.outcome(Linter.lint(Document(after), cache: cache)) == Self.plain(after), "\(text)")
        }
    }

    /// Past the budget the counts stay exact: 6,000 copies of a tag with four errors.
    @Test func theBudgetCountsReplayedFindings() {
        let tag = "<script class=\"amocrm_oauth\" data-client-id=\"nope\" data-color=\"Blue\" data-mode=\"pop\" src=\"http://www.amocrm.ru/auth/button.min.js\"></script>\n"
        let file = SourceFile(path: "a.html", text: String(repeating: tag, count: 6_000))
        let cached = Linter.lint(file)
        #expect(cached.unreported > 0)
        #expect(Self.outcome(cached) == Self.plain(file))
    }

    /// The server's cache keeps only the buttons of the last lint.
    @Test func aKeptButtonGoesWithItsTag() {
        let cache = ButtonFindingsCache()
        let a = "<div class=\"amocrm_oauth\" data-color=\"Blue\"></div>\n", b = "<div class=\"kommo_oauth\" data-color=\"Red\"></div>\n"
        _ = Linter.lint(Document(SourceFile(path: "a.html", text: a + b)), cache: cache)
        #expect(cache.count == 2)
        _ = Linter.lint(Document(SourceFile(path: "a.html", text: a)), cache: cache)
        #expect(cache.count == 1)
    }
}

extension ButtonFindingsCacheTests {
    /// A finding placed outside its tag (none is today) would not move with the tag: such a button is not kept.
    @Test func findingsOutsideTheTagAreNotKept() throws {
        let file = SourceFile(path: "a.html", text: "<p>x</p><div class=\"amocrm_oauth\" data-color=\"Blue\"></div>")
        let document = Document(file)
        let button = try #require(document.layers.first?.buttons.first)
        for (range, kept) in [(button.range, 1), (0..<3, 0), (button.range.lowerBound..<button.range.upperBound + 1, 0)] {
            let cache = ButtonFindingsCache()
            let recording = FindingRecording()
            recording.add(.invalidColor, range, unnecessary: false, ("m", nil, []))
            file.bytes.withUnsafeBufferPointer { cache.store(recording, key: 1, button: button, bytes: $0, loaders: 0) }
            #expect(cache.count == kept, "\(range)")
        }
    }
}

extension ButtonFindingsCacheTests {
    /// A tag with more findings than `FindingRecording.limit` keeps its messages lazy and is not kept.
    @Test func aTagWithManyFindingsIsNotKept() {
        let attributes = (0..<(FindingRecording.limit + 50)).map { " data-x\($0)=\"1\"" }.joined()
        let file = SourceFile(path: "a.html", text: "<div class=\"amocrm_oauth\"\(attributes)></div>\n")
        let cache = ButtonFindingsCache()
        let result = Linter.lint(Document(file), cache: cache)
        #expect(result.diagnostics.count > FindingRecording.limit)
        #expect(Self.outcome(result) == Self.plain(file))
        #expect(cache.count == 0)
    }
}

extension ButtonFindingsCacheTests {
    /// Distinct tags with many findings each fill the cache only up to `findingCapacity`.
    @Test func theCacheHoldsAtMostItsFindingCapacity() {
        let perTag = FindingRecording.limit - 6
        let tags = ButtonFindingsCache.findingCapacity / perTag + 20
        let attributes = (0..<perTag).map { " data-x\($0)=\"1\"" }.joined()
        let text = (0..<tags).map { "<div class=\"amocrm_oauth\" id=\"b\($0)\"\(attributes)></div>\n" }.joined()
        let file = SourceFile(path: "a.html", text: text)
        let cache = ButtonFindingsCache()
        #expect(Self.outcome(Linter.lint(Document(file), cache: cache)) == Self.plain(file))
        #expect(cache.count > 0)
        #expect(cache.count < tags)
        #expect(cache.count * perTag <= ButtonFindingsCache.findingCapacity)
    }
}
