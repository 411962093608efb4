import Testing
@testable import AmoLint

/// `ByteSearch.contains` (a block of anchor bytes at a time) answers what a
/// plain search of the range answers, for needles cut at every range edge and
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
}
