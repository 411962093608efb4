import Testing
@testable import AmoLint

/// The fast paths of a tag of many attributes against their plain references: names
/// found sixteen bytes at a time (`NameEnd`), names compared a word at a time
/// (`NameBytes`), a tag the collector needs kept while it is read for its end (the
/// scanner asks after `Scanner.attributesBeforeAsking` attributes), and a long tag's
/// repeats marked by the button so that `classify` compares no name.
struct ManyAttributesTests {
    /// Bytes that end names, bytes that look as if they might (control bytes below the
    /// space), name bytes, and non-ASCII bytes.
    static let nameAlphabet: [UInt8] = [0x61, 0x2D, 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x0B, 0x00, 0x01, 0x1F, 0x2F, 0x3E, 0x3D, 0x22, 0xC3, 0xA9, 0x78]

    @Test("NameEnd.find answers what the byte loop answers, within the bytes it is given")
    func nameEndAgreesWithPlain() {
        var random = SplitMix(seed: 0xA77)
        for round in 0..<3_000 {
            // Mostly name bytes, so that names cross block boundaries.
            let count = random.below(round % 10 == 0 ? 200 : 70)
            let stops = 1 + random.below(12)
            let all: [UInt8] = (0..<count).map { _ in random.below(stops) == 0 ? Self.nameAlphabet[random.below(Self.nameAlphabet.count)] : 0x61 }
                + [UInt8](repeating: 0x61, count: 40)  // past the region: name bytes that must not be read as its own
            all.withUnsafeBufferPointer { whole in
                let region = UnsafeBufferPointer(rebasing: whole[0..<count])
                for p in 0...count {
                    #expect(NameEnd.find(from: p, in: region) == NameEnd.plain(from: p, in: region), "\(Array(region)) from \(p)")
                }
            }
        }
    }

    @Test("NameBytes.same answers what the byte loop answers, within the bytes it is given")
    func nameBytesAgreeWithPlain() {
        var random = SplitMix(seed: 0xB17E5)
        for _ in 0..<20_000 {
            // A small alphabet: equal stretches are frequent, differences fall anywhere.
            let count = 1 + random.below(60)
            let all: [UInt8] = (0..<count).map { _ in UInt8(0x61 + random.below(2)) } + [0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x21, 0x22]
            let length = random.below(count + 1)
            let a = random.below(count - length + 1), b = random.below(count - length + 1)
            all.withUnsafeBufferPointer { whole in
                let region = UnsafeBufferPointer(rebasing: whole[0..<count])
                let plain = Attribute.sameBytes(UnsafeBufferPointer(rebasing: region[a..<a + length]), UnsafeBufferPointer(rebasing: region[b..<b + length]))
                #expect(NameBytes.same(in: region, a, b, count: length) == plain, "\(Array(region)) \(a) \(b) \(length)")
            }
        }
    }

    /// Attributes and what tags hold between them: conditionals, comments the linter
    /// reports (`amolint-`), template values, the needles that make a tag needed.
    static let attributePieces = [
        "data-x=1", "data-x", "DATA-X=\"2\"", "data-y='3'", "data-color=\"Blue\"", "data-color=red", "data-state=\"{{ s }}\"",
        "data-title=<?= $t ?>", ":data-x=\"y\"", "@click=\"go\"", "a=b", "x", "id=\"amocrm_oauth\"", "class=\"amocrm_oauth\"",
        "src=\"https://www.amocrm.ru/auth/button.min.js\"", "@if($a)", "@endif", "@class(['amocrm_oauth' => true])",
        "{% if a %}", "{% endif %}", "<?php if ($a): ?>", "<?php endif; ?>", "{{-- amolint-disable-next-line duplicate-attribute --}}",
        "{# amolint-disable unknown-attribute #}", "<!-- amolint-disable missing-state -->", "{{ attrs }}", "data-auth=1", "/",
        "data-x={", "\"", "'",
    ]

    static func manyAttributeTag(_ random: inout SplitMix) -> String {
        var parts: [String] = [["<div", "<script", "<a", "<DIV", "<span"][random.below(5)]]
        let count = 40 + random.below(160)
        // The needle early, late or not at all: the scanner asks after its 64th attribute.
        let needleAt = [0, 5, 63, 64, 65, 120, -1][random.below(7)]
        var run = "data-x"
        for k in 0..<count {
            if k == needleAt { parts.append("class=\"amocrm_oauth\"") }
            if random.below(3) == 0 { run = attributePieces[random.below(attributePieces.count)] }
            parts.append(random.below(4) == 0 ? attributePieces[random.below(attributePieces.count)] : run)
        }
        return parts.joined(separator: [" ", "  ", "\n", " "][random.below(4)]) + [">", "/>", "></div>", ""][random.below(4)]
    }

    @Test("a tag of many attributes gives the same documents and diagnostics, kept while read or read again")
    func manyAttributeTagsAsThePlainPathReadsThem() {
        var random = SplitMix(seed: 64)
        for k in 0..<400 {
            var page = random.below(2) == 0 ? "<p>before</p>\n" : ""
            for _ in 0..<(1 + random.below(3)) { page += ManyAttributesTests.manyAttributeTag(&random) + "\n" }
            var bytes = Array(page.utf8)
            if k % 3 == 2 { bytes = ScanPathTests.mutate(bytes, &random) }
            let file = SourceFile(path: ScanPathTests.paths[k % ScanPathTests.paths.count], bytes: bytes)
            #expect(ScanPathTests.difference(file) == nil)
        }
    }

    @Test("a tag past 64 KiB reports the repeats that String == of the names gives")
    func longTagRepeatsAsStringsSay() {
        var random = SplitMix(seed: 0x10000)
        let spellings = ["data-x", "DATA-X", "data-X", ":data-x", "v-bind:data-x", "data-y", "data-color", "Data-Color", "data-xy", "data-yx", "class", "id"]
        for _ in 0..<30 {
            var names: [String] = []
            for _ in 0..<(5 + random.below(60)) {
                let name = spellings[random.below(spellings.count)]
                for _ in 0..<(1 + random.below(5)) { names.append(name) }
            }
            let long = String(repeating: "w", count: 66_000 + random.below(2_000))
            let attributes = names.map { random.below(2) == 0 ? $0 : "\($0)=\"v\"" }
            let page = #"<div class="amocrm_oauth" data-title=""# + long + "\" " + attributes.joined(separator: " ") + "></div>"
            guard let read = AttributePage(page) else {
                Issue.record("no button")
                continue
            }
            let (document, all, firstOf) = (read.document, read.attributes, read.firstOf)
            let repeats = all.indices.filter { firstOf[all[$0].name] != $0 }
            let reported = Linter.lint(document).diagnostics.filter { $0.rule == "duplicate-attribute" }
            #expect(reported.map(\.range) == repeats.map { all[$0].range })
            #expect(reported.map { $0.related.first?.range } == repeats.map { all[firstOf[all[$0].name]!].range })
            #expect(ScanPathTests.difference(SourceFile(path: "a.html", text: page)) == nil)
        }
    }
}
