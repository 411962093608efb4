import Testing
@testable import AmoLint

/// The byte test that lets most messages through unread gives what reading
/// every scalar gives: each unsafe character is escaped, nothing else is touched.
struct TerminalSafetyTests {
    static func plain(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if TerminalSafety.isUnsafe(scalar) { out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    @Test func escapesWhatReadingEveryScalarEscapes() {
        let unsafe: [UInt32] = [0, 0x07, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069]
        let safe: [UInt32] = [0x20, 0x41, 0x7E, 0xA0, 0xA9, 0x410, 0x2026, 0x201C, 0x2030, 0x206A, 0x1F680, 0x2027, 0x202F]
        let scalars = (unsafe + safe).compactMap(Unicode.Scalar.init)
        var random = SplitMix(seed: 0x1B)
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<random.below(12) { s.unicodeScalars.append(scalars[random.below(scalars.count)]) }
            #expect(TerminalSafety.escaped(s) == Self.plain(s), "\(Array(s.unicodeScalars.map(\.value)))")
        }
        for value in unsafe { #expect(TerminalSafety.escaped("a\(Unicode.Scalar(value)!)b") != "a\(Unicode.Scalar(value)!)b") }
    }

    /// Messages are tested sixteen bytes at a time: an unsafe character is found at every
    /// offset of a block and in the bytes after the last block, and safe text is let through.
    @Test func findsUnsafeCharactersAtEveryOffset() {
        let unsafe: [UInt32] = [0x1B, 0x7F, 0x9B, 0x2028, 0x202E]
        for offset in 0..<50 {
            for tail in [0, 1, 15, 16, 17] {
                let pad = String(repeating: "a", count: offset), after = String(repeating: "Ж", count: tail)
                #expect(TerminalSafety.escaped(pad + "Привет 🚀" + after) == pad + "Привет 🚀" + after)
                for value in unsafe {
                    let s = pad + String(Unicode.Scalar(value)!) + after
                    #expect(TerminalSafety.escaped(s) == Self.plain(s), "\(offset) \(tail) \(value)")
                    #expect(TerminalSafety.escaped(s) != s)
                }
            }
        }
    }
}
