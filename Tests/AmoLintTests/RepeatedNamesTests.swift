import Testing
@testable import AmoLint

/// A tag's repeats are found by comparing a name with the one asked about before it as
/// written (a run of one name costs one comparison), then by lower-cased bytes: the
/// repeats reported are those `String ==` of the normalized names gives, on tags of runs
/// of one name written alike, re-cased, bound, non-ASCII, between known names.
struct RepeatedNamesTests {
    @Test func runsOfOneNameRepeatAsStringsSay() {
        var g = SplitMix(seed: 0x5EED)
        let known = KnownName.names
        for round in 0..<600 {
            var names: [String] = []
            for _ in 0..<(1 + g.below(round % 5 == 0 ? 80 : 16)) {
                let name: String
                switch g.below(5) {
                case 0: name = known[g.below(known.count)]
                case 1: name = names.last.map { g.below(2) == 0 ? $0.uppercased() : ":" + $0 } ?? "data-x"
                case 2: name = names.isEmpty ? "DATA-X" : names[g.below(names.count)]
                case 3 where g.below(3) == 0: name = ["data-\u{E9}", "data-e\u{301}", "DATA-\u{C9}", "data-\u{212B}", "data-\u{C5}"][g.below(5)]
                default: name = "data-" + NameBytesTests.name(&g)
                }
                // Runs: the same name written alike several times over.
                for _ in 0..<(1 + (g.below(3) == 0 ? g.below(6) : 0)) { names.append(name) }
            }
            let attributes = names.map { g.below(3) == 0 ? $0 : "\($0)=\"v\"" }
            let page = #"<div class="amocrm_oauth" "# + attributes.joined(separator: " ") + "></div>"
            guard let read = AttributePage(page) else {
                Issue.record("no button: \(page.debugDescription)")
                continue
            }
            let (document, button, all, firstOf) = (read.document, read.button, read.attributes, read.firstOf)
            let sink = FindingSink(configuration: Configuration(), suppressions: nil, lineIndex: nil)
            document.layers[0].text.withUnsafeBufferPointer { bytes in
                let c = ButtonContext(button: button, bytes: bytes, sink: sink, memo: DocumentMemo(document))
                // Each name's facts (read once for a run of it): its number, `data-`, bound, as its `String` says.
                for (i, a) in all.enumerated() {
                    let plain = NameBytesTests.plainNormalized(a.writtenName)
                    let k = KnownName.number(of: plain.name)
                    #expect(c.knownNumber(i) == k, "\(a.writtenName.debugDescription) in \(page.debugDescription)")
                    #expect(c.isData(i) == (k.map { $0 < KnownName.tableCount } ?? plain.name.hasPrefix("data-")), "\(a.writtenName.debugDescription)")
                    #expect(a.record.isBound == plain.bound, "\(a.writtenName.debugDescription)")
                }
                AttributeChecks.classify(c)
            }
            let repeats = all.indices.filter { firstOf[all[$0].name] != $0 }
            let reported = sink.kept.filter { $0.rule == "duplicate-attribute" }
            #expect(reported.map(\.range) == repeats.map { all[$0].range }, "\(page.debugDescription)")
            // Each names the first of its name, and quotes both as written.
            #expect(reported.map { $0.related.first?.range } == repeats.map { all[firstOf[all[$0].name]!].range }, "\(page.debugDescription)")
            let texts = repeats.map { i -> [String] in
                let name = Text.code(all[i].writtenName), first = Text.code(all[firstOf[all[i].name]!].writtenName)
                return ["\(name) is repeated: HTML keeps the first \(first) and drops this one; remove it", "Remove the repeated \(name)",
                        "First \(first), the one the browser keeps"]
            }
            #expect(reported.map { [$0.message, $0.fix?.description ?? "", $0.related.first?.message ?? ""] }.map { $0.map { Array($0.utf8) } }
                    == texts.map { $0.map { Array($0.utf8) } }, "\(page.debugDescription)")
        }
    }

    /// A button's tag name is the last button's again when written with the same bytes:
    /// each is its written name lower-cased, on runs of one name and of its re-casings.
    @Test func tagNamesAreTheirWrittenNamesLowerCased() {
        var g = SplitMix(seed: 0x7A9)
        let tags = ["div", "DIV", "Div", "script", "SCRIPT", "button", "a", "my-button", "x-é", "X-É", "span\u{301}", String(repeating: "q", count: 40)]
        for _ in 0..<300 {
            var written: [String] = []
            for _ in 0..<(1 + g.below(12)) {
                let tag = tags[g.below(tags.count)]
                for _ in 0..<(1 + g.below(3)) { written.append(tag) }
            }
            let page = written.map { "<\($0) class=\"amocrm_oauth\"></\($0)>" }.joined(separator: "\n")
            let buttons = Document(SourceFile(path: "a.html", text: page)).buttons
            #expect(buttons.map(\.tagName) == written.map { $0.lowercased() }, "\(page.debugDescription)")
        }
    }
}

/// Class and id values are split into tokens by a mask of separators: each byte, bound or
/// not, is a separator exactly when the plain test says so.
struct TokenSeparatorTests {
    @Test func theMaskIsThePlainTest() {
        for bound in [false, true] {
            let mask = bound ? DocumentCollector.boundSeparators : DocumentCollector.separators
            for b in 0...255 {
                #expect(DocumentCollector.isTokenSeparator(UInt8(b), mask, bound: bound) == DocumentCollector.isTokenSeparatorPlain(UInt8(b), bound: bound), "\(b) \(bound)")
            }
        }
    }
}
