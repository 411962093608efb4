import JSONValue
import Testing

/// JSON strings are checked eight bytes at a time for anything to escape, and escaped
/// through a pointer (`JSON.writeQuoted`, which the JSON report writes with): both must
/// give, byte for byte, what the byte-by-byte escaper they replaced gave, with what needs
/// an escape at every place in a word and across words.
struct JSONEscapeTests {
    /// The escaper as it was: one byte at a time, an array per escape.
    static func plainQuoted(_ s: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        let bytes = Array(s.utf8)
        var out: [UInt8] = [0x22]
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var escape: [UInt8]?
            var skip = 1
            switch b {
            case 0x22: escape = [0x5C, 0x22]
            case 0x5C: escape = [0x5C, 0x5C]
            case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
            case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
            case 0x09: escape = [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F: escape = Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F:
                escape = Array("\\u00".utf8) + [hex[Int(bytes[i + 1] >> 4)], hex[Int(bytes[i + 1] & 0xF)]]
                skip = 2
            case 0xE2 where i + 2 < n && [0x8E, 0x8F, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE].contains(bytes[i + 2]) && bytes[i + 1] == 0x80,
                 0xE2 where i + 2 < n && bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]):
                let scalar = 0x2000 | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                escape = Array("\\u".utf8) + [12, 8, 4, 0].map { hex[Int((scalar >> $0) & 0xF)] }
                skip = 3
            default: break
            }
            if let escape { out += escape; i += skip } else { out.append(b); i += 1 }
        }
        out.append(0x22)
        return out
    }

    /// Every ASCII byte, and every scalar whose UTF-8 starts with C2 or E2 80 / E2 81, among plain text.
    static let pieces: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        + (0x80..<0xC0).map { String(UnicodeScalar(UInt16($0))!) }
        + (0x2000..<0x2080).map { String(UnicodeScalar(UInt16($0))!) }
        + ["é", "Привет", "🚀", "漢字", "\u{FEFF}", "plain text ", "amocrm_oauth", "`data-color`"]

    @Test func escapedBytesAreThePlainEscapersBytes() {
        var g = SplitMix(seed: 0x4A53)
        for round in 0..<20_000 {
            // Runs of plain ASCII of every length, so a piece lands at every offset of a word.
            var s = String(repeating: "a", count: g.below(17))
            for _ in 0..<g.below(round % 10 == 0 ? 40 : 6) {
                s += Self.pieces[g.below(Self.pieces.count)]
                s += String(repeating: "b", count: g.below(12))
            }
            let expected = Self.plainQuoted(s)
            #expect(Array(JSON.string(s).serialized().utf8) == expected, "\(s.debugDescription)")
            var copy = s
            let written = copy.withUTF8 { bytes in
                [UInt8](unsafeUninitializedCapacity: JSON.quotedCapacity(bytes.count)) { buffer, count in
                    count = JSON.writeQuoted(bytes, at: buffer.baseAddress!)
                }
            }
            #expect(written == expected, "\(s.debugDescription)")
        }
    }
}
