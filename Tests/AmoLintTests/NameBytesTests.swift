import Testing
@testable import AmoLint

/// Attribute names and script addresses are read as bytes; each byte path is compared
/// with the `String` code it replaced on generated names, tags and addresses (ASCII in
/// both cases, binding prefixes, names over 32 bytes, and the scalars canonically
/// equivalent to ASCII or lower-cased into it).
struct NameBytesTests {
    static let namePieces = ["data-", "DATA-", "Data-", ":", "v-bind:", "V-BIND:", "x-bind:", "X-Bind:", "@class", "@CLASS", "class", "Class",
                             "x", "X", "v", "V", "@", "-", "_", "0", "color", "client-id", "CLIENT-ID", "name", "logo", "é", "e\u{301}",
                             "\u{212A}", "\u{37E}", ";", "`", "\u{130}", "я", "Я", String(repeating: "a", count: 30), "scopes"]

    static func name(_ g: inout SplitMix) -> String {
        (0..<(1 + g.below(5))).map { _ in namePieces[g.below(namePieces.count)] }.joined()
    }

    /// `Attribute.normalizedName` as it was written on `String`s.
    static func plainNormalized(_ written: String) -> (name: String, bound: Bool) {
        var lowered = written.lowercased()
        var bound = false
        for prefix in [":", "v-bind:", "x-bind:"] where lowered.hasPrefix(prefix) {
            lowered.removeFirst(prefix.count)
            bound = true
        }
        if lowered == "@class" {
            lowered = "class"
            bound = true
        }
        return (lowered, bound)
    }

    @Test func normalizedNamesMatchStrings() {
        var g = SplitMix(seed: 61)
        for _ in 0..<20_000 {
            let written = Self.name(&g)
            let bytes = Array(written.utf8)
            let plain = Self.plainNormalized(written)
            bytes.withUnsafeBufferPointer { b in
                let fast = Attribute.normalizedName(b)
                #expect(fast.name == plain.name && fast.bound == plain.bound, "\(written.debugDescription)")
                let raw = RawAttribute(nameRange: 0..<b.count, valueRange: nil, quote: 0, range: 0..<b.count, flags: [])
                #expect(Attribute.isBound(raw, in: b) == plain.bound, "\(written.debugDescription)")
            }
        }
    }

    /// A tag of repeated, re-cased and bound names: the known numbers, the first of each
    /// name, the duplicates reported and the button's variant are those the names'
    /// `String`s give.
    @Test func buttonFactsMatchStringNames() {
        var g = SplitMix(seed: 62)
        let known = KnownName.names
        for round in 0..<400 {
            // Known names as written in any case, and generated ones; more than 16 distinct names in some tags.
            let count = 1 + g.below(round % 4 == 0 ? 60 : 12)
            var names: [String] = []
            for _ in 0..<count {
                switch g.below(4) {
                case 0: names.append(known[g.below(known.count)])
                case 1: names.append(known[g.below(known.count)].uppercased())
                case 2: names.append(names.isEmpty ? "data-x" : names[g.below(names.count)])
                default: names.append("data-" + Self.name(&g))
                }
            }
            let values = ["", "x", " ", "\u{A0}", "&amp;", "&#32;", "\t", "\u{0}", "\u{0}x", "{{ v }}", "é", "\u{3000}x", "\u{2028}", "\u{85}", "я ", "🚀", "0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b"]
            let attributes = names.map { n -> String in
                let value = values[g.below(values.count)]
                return g.below(5) == 0 ? n : "\(n)=\"\(value)\""
            }
            let page = #"<div class="amocrm_oauth" "# + attributes.joined(separator: " ") + "></div>"
            guard let read = AttributePage(page) else {
                Issue.record("no button: \(page.debugDescription)")
                continue
            }
            let (document, button, all) = (read.document, read.button, read.attributes)
            // The first of each name by `String ==`, and the first data-* name's blankness.
            var firstOf: [String: Int] = [:]
            var blank: [String: Bool] = [:]
            for (i, a) in all.enumerated() {
                if firstOf[a.name] == nil { firstOf[a.name] = i }
                // Blank as the decoded value says, not through the first-byte shortcut.
                let plainBlank = a.value?.isBlank ?? true
                #expect(a.isBlank == plainBlank, "\(page.debugDescription) \(i)")
                if a.name.hasPrefix("data-"), blank[a.name] == nil { blank[a.name] = plainBlank }
            }
            func present(_ name: String) -> Bool { blank[name] == false }
            let missing = AttributeTable.requiredMetadata.filter { !present($0) }
            let hasMetadata = AttributeTable.metadata.contains(where: present)
            let variant: Button.Variant = present(AttributeName.clientID) ? .existingIntegration : hasMetadata ? .metadata : .none
            #expect(button.missingMetadata == missing && button.hasMetadata == hasMetadata && button.variant == variant, "\(page.debugDescription)")

            let sink = FindingSink(configuration: Configuration(), suppressions: nil, lineIndex: nil)
            document.layers[0].text.withUnsafeBufferPointer { bytes in
                let c = ButtonContext(button: button, bytes: bytes, sink: sink, memo: DocumentMemo(document))
                for (i, a) in all.enumerated() {
                    let k = KnownName.number(of: a.name)
                    #expect(c.knownNumber(i) == k, "\(a.name.debugDescription)")
                    #expect(c.isData(i) == (k.map { $0 < KnownName.tableCount } ?? a.name.hasPrefix("data-")), "\(a.name.debugDescription)")
                    if let k { #expect(c.firstIndex(k) == firstOf[a.name], "\(a.name.debugDescription)") }
                }
                AttributeChecks.classify(c)
            }
            let repeats = all.indices.filter { firstOf[all[$0].name] != $0 }.map { all[$0].range }
            #expect(sink.kept.filter { $0.rule == "duplicate-attribute" }.map(\.range) == repeats, "\(page.debugDescription)")
        }
    }

    /// A value whose only change is NUL → `?` keeps no map of offsets; its ranges are clamped as the map clamped them.
    @Test func nulValuesMapRangesAsTheOffsetMapDid() {
        var g = SplitMix(seed: 64)
        let pieces: [[UInt8]] = [[0], [0x61], [0x3F], [0x20], Array("é".utf8), Array("🚀".utf8)]
        for _ in 0..<3_000 {
            let prefix = [UInt8](repeating: 0x78, count: g.below(4))
            var value: [UInt8] = []
            for _ in 0..<g.below(8) { value += pieces[g.below(pieces.count)] }
            if g.below(2) == 0 { value.append(0) }
            let bytes: [UInt8] = prefix + value + [0x22]
            let range = prefix.count..<prefix.count + value.count
            let decoded = bytes.withUnsafeBufferPointer { AttributeValue(decoding: $0, range: range, flags: []) }
            let replaced: [UInt8] = value.map { $0 == 0 ? 0x3F : $0 }
            #expect(Array(decoded.text.utf8) == replaced)
            // The map the general decoder builds: each byte's offset, then the end.
            let offsets = Array(range) + [range.upperBound]
            for lo in -2...value.count + 2 {
                for hi in lo...value.count + 2 {
                    let a = offsets[max(0, min(lo, offsets.count - 1))], b = offsets[max(0, min(hi, offsets.count - 1))]
                    let expected = value.contains(0) ? a..<max(a, b) : range.lowerBound + lo..<range.lowerBound + hi
                    #expect(decoded.sourceRange(lo..<hi) == expected, "\(value) \(lo)..<\(hi)")
                }
            }
        }
    }

    static let addressPieces = ["https://", "HTTPS://", "http://", "Http:", "//", "://", ":", "ftp://", "www.", "WWW.", "amocrm.ru", "AmoCRM.ru",
                                "kommo.com", "KOMMO.COM", ".", "/auth/button.js", "/auth/button.min.js", "/AUTH/Button.JS", "/auth", "/button.js",
                                "?v=1", "?", "#x", " ", "\t", "\r\n", "\n", "\u{0B}", "\u{0C}", "/", "x", "amocrm.ru.", "evil.com"]

    @Test func scriptAddressesFromBytesMatchStrings() {
        var g = SplitMix(seed: 63)
        var found = 0
        for k in 0..<30_000 {
            var s = ""
            if k % 3 == 0 {
                // Mostly well-formed, with one piece changed.
                var parts = ["https://", "www.", "amocrm.ru", "/auth/button.min.js", "?2"]
                parts[g.below(parts.count)] = Self.addressPieces[g.below(Self.addressPieces.count)]
                s = (g.below(3) == 0 ? " " : "") + parts.joined() + (g.below(3) == 0 ? "\n" : "")
            } else {
                s = (0..<(1 + g.below(7))).map { _ in Self.addressPieces[g.below(Self.addressPieces.count)] }.joined()
            }
            let plain = ScriptAddress(s)
            let fast = Array(s.utf8).withUnsafeBufferPointer { ScriptAddress(ascii: $0) }
            #expect(fast == plain, "\(s.debugDescription)")
            #expect(fast?.schemeLength == plain?.schemeLength && fast?.scheme == plain?.scheme, "\(s.debugDescription)")
            if plain != nil { found += 1 }
        }
        // The generator must reach the addresses it tests, or the comparison proves little.
        #expect(found > 1_000)
    }
}
