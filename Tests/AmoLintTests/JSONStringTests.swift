import JSONValue
import Testing

/// Strings written with one copy (nothing to escape) and byte by byte (something
/// to escape) are both valid JSON that reads back as the string, and no control
/// character, C1 control, line separator or direction mark is ever written raw.
struct JSONStringTests {
    @Test func everyStringReadsBackAndNothingUnsafeIsWrittenRaw() throws {
        let pieces = ["a", "rule-id", "`data-color`", "Привет", "🚀", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}",
                      "\u{80}", "\u{9F}", "\u{A0}", "\u{2026}", "\u{2028}", "\u{2029}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{2069}", "/"]
        var random = SplitMix(seed: 0x22)
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<random.below(10) { s += pieces[random.below(pieces.count)] }
            let written = JSON.string(s).serialized()
            #expect(try JSON.parse(Array(written.utf8)) == .string(s), "\(s.debugDescription)")
            let raw = written.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0x200E, 0x202E, 0x2066, 0x2069].contains($0.value) }
            #expect(raw.isEmpty, "\(s.debugDescription) → \(written.debugDescription)")
        }
    }
}
