import Testing
@testable import AmoLint

/// The block-at-a-time searches (`ByteSearch.contains`, `CloserSearch.find`)
/// answer what a plain search answers, for needles cut at every range edge and
/// every block offset, and near the buffer's end.
struct ByteSearchTests {
    @Test("contains answers what a plain search answers")
    func containsAgreesWithPlainSearch() {
        var random = SplitMix(seed: 22)
        let pieces = ["auth", "aut", "uth", "u", "a", "h", "_oauth", "amolint-", "amolint", "-", " ", "x", "\u{0}", "é"].map { Array($0.utf8) }
        for _ in 0..<20_000 {
            var text: [UInt8] = []
            for _ in 0..<random.below(24) { text += pieces[random.below(pieces.count)] }
            let lower = text.isEmpty ? 0 : random.below(text.count + 1)
            let upper = lower + random.below(text.count - lower + 1)
            let range = lower..<upper
            let slice = Array(text[range])
            for (needle, anchor, word) in [("auth" as StaticString, 1, Array("auth".utf8)), ("amolint-", 7, Array("amolint-".utf8))] {
                let expected = slice.count >= word.count && (0...(slice.count - word.count)).contains { Array(slice[$0..<$0 + word.count]) == word }
                let found = text.withUnsafeBufferPointer { ByteSearch.contains(needle, anchor: anchor, in: $0, range) }
                #expect(found == expected, "\(String(decoding: text, as: UTF8.self).debugDescription) \(range)")
            }
        }
    }

    @Test("every closer's packed bytes are its pattern")
    func packedPatterns() {
        for closer in CloserSearch.Closer.allCases {
            let (packed, count) = closer.packed
            #expect((0..<count).map { UInt8(truncatingIfNeeded: packed >> (8 * UInt32($0))) } == closer.pattern)
        }
    }

    @Test("find answers what a plain search answers, asked again from later positions")
    func findAgreesWithPlainSearch() {
        var random = SplitMix(seed: 23)
        let pieces = ["-->", "--", "-", ">", "?>", "?", "%>", "%}", "}}", "}", "#}", "--}}", "*/", "*", "/", "x", " ", "é"].map { Array($0.utf8) }
        for _ in 0..<5_000 {
            var text: [UInt8] = []
            for _ in 0..<random.below(40) { text += pieces[random.below(pieces.count)] }
            var search = CloserSearch()
            var from = 0
            for _ in 0..<6 {
                from = min(text.count, from + random.below(12))
                let closer = CloserSearch.Closer.allCases[random.below(CloserSearch.Closer.allCases.count)]
                let pattern = closer.pattern
                let expected = text.count < pattern.count ? nil
                    : (from...max(from, text.count - pattern.count)).first { $0 + pattern.count <= text.count && Array(text[$0..<$0 + pattern.count]) == pattern }
                let found = text.withUnsafeBufferPointer { search.find(closer, from: from, in: $0) }
                #expect(found == expected, "\(String(decoding: text, as: UTF8.self).debugDescription) \(closer) from \(from)")
                #expect(search.horizon >= (found.map { $0 + pattern.count } ?? text.count))
            }
        }
    }

    @Test("firstPair answers what a byte loop answers")
    func firstPairAgreesWithLoop() {
        var random = SplitMix(seed: 24)
        for _ in 0..<20_000 {
            let text = (0..<random.below(60)).map { _ in [0x3C, 0x2F, 0x61][random.below(3)] as UInt8 }
            guard text.count >= 1 else { continue }
            let to = random.below(text.count), from = random.below(to + 1)
            let expected = (from..<to).first { text[$0] == 0x3C && text[$0 + 1] == 0x2F } ?? to
            #expect(text.withUnsafeBufferPointer { ByteSearch.firstPair(0x3C, 0x2F, in: $0, from: from, to: to) } == expected)
        }
    }

    /// Never past `to`, even when a whole block is read past a `to` short of the buffer's end.
    @Test("first answers what a byte loop answers, in long stretches without a match too")
    func firstAgreesWithLoop() {
        var random = SplitMix(seed: 25)
        for _ in 0..<4_000 {
            // Sparse targets: the search runs through several blocks before one.
            let rare = random.below(4) == 0 ? 3 : 200
            let text = (0..<random.below(200)).map { _ in random.below(rare) == 0 ? [0x3C, 0x7B, 0x0A, 0x2F][random.below(4)] : 0x61 as UInt8 }
            let to = random.below(text.count + 1), from = random.below(to + 1)
            func loop(_ targets: Set<UInt8>) -> Int { (from..<to).first { targets.contains(text[$0]) } ?? to }
            text.withUnsafeBufferPointer { bytes in
                #expect(ByteSearch.first(0x3C, in: bytes, from: from, to: to) == loop([0x3C]))
                #expect(ByteSearch.first(0x3C, 0x7B, in: bytes, from: from, to: to) == loop([0x3C, 0x7B]))
                #expect(ByteSearch.first(0x3C, 0x7B, 0x0A, in: bytes, from: from, to: to) == loop([0x3C, 0x7B, 0x0A]))
                #expect(ByteSearch.first(0x3C, 0x7B, 0x0A, 0x2F, in: bytes, from: from, to: to) == loop([0x3C, 0x7B, 0x0A, 0x2F]))
            }
        }
    }
}
