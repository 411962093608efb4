/// The encodings a page can announce with a byte order mark. The linter reads
/// UTF-8 without a BOM; a file is turned into that and, when fixed, back into
/// what it was, byte for byte outside the fixes.
public struct DecodedText: Sendable {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf8BOM = "UTF-8 with a BOM", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE" }

    public let encoding: Encoding
    /// UTF-8 without a byte order mark: what the linter reads and the columns count.
    public let bytes: [UInt8]
    /// False when the UTF-16 held something UTF-8 cannot carry (an unpaired surrogate,
    /// an odd byte at the end): such a file is checked but not fixed.
    public let isLossless: Bool

    public enum Outcome: Sendable {
        case decoded(DecodedText)
        /// UTF-32 (by its BOM): not read at all.
        case unsupported(String)
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func decode(_ raw: [UInt8]) -> Outcome {
        if raw.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .unsupported("UTF-32LE") }
        if raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .unsupported("UTF-32BE") }
        if raw.starts(with: utf8BOM) {
            return .decoded(DecodedText(encoding: .utf8BOM, bytes: Array(raw.dropFirst(3)), isLossless: true))
        }
        let littleEndian: Bool
        if raw.starts(with: [0xFF, 0xFE]) { littleEndian = true }
        else if raw.starts(with: [0xFE, 0xFF]) { littleEndian = false }
        else { return .decoded(DecodedText(encoding: .utf8, bytes: raw, isLossless: true)) }
        let (utf8, repaired) = transcodeUTF16(raw, littleEndian: littleEndian)
        return .decoded(DecodedText(encoding: littleEndian ? .utf16LE : .utf16BE, bytes: utf8, isLossless: !repaired && raw.count % 2 == 0))
    }

    /// The UTF-16 after the two bytes of the BOM as UTF-8, in one pass over the bytes (the
    /// standard library's `transcode`, a closure a byte, cost 190 instructions a byte of a 10 MB
    /// page): four ASCII units are copied at once, and each unpaired surrogate becomes U+FFFD,
    /// as `transcode` repairs it (`repaired` then). A last odd byte is not read.
    static func transcodeUTF16(_ raw: [UInt8], littleEndian: Bool) -> (utf8: [UInt8], repaired: Bool) {
        var repaired = false
        let units = max(0, (raw.count - 2) / 2)
        let utf8 = raw.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: units * 3) { out, written in
                guard let inBase = src.baseAddress, let outBase = out.baseAddress else { written = 0; return }
                let input = UnsafeRawPointer(inBase)
                @inline(__always) func unit(_ k: Int) -> UInt32 {
                    let a = UInt32(inBase[2 + 2 * k]), b = UInt32(inBase[3 + 2 * k])
                    return littleEndian ? a | b << 8 : a << 8 | b
                }
                // The high byte of every unit, and the top bit of every low byte, in a word of four units.
                let notASCII: UInt64 = littleEndian ? 0xFF80_FF80_FF80_FF80 : 0x80FF_80FF_80FF_80FF
                let lowShift: UInt64 = littleEndian ? 0 : 8
                var k = 0, n = 0
                while k < units {
                    if k + 4 <= units {
                        let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 2 + 2 * k, as: UInt64.self))
                        if word & notASCII == 0 {
                            for j in 0..<4 { outBase[n + j] = UInt8(truncatingIfNeeded: word >> (UInt64(j) * 16 + lowShift)) }
                            n += 4
                            k += 4
                            continue
                        }
                    }
                    var scalar = unit(k)
                    k += 1
                    if scalar & 0xF800 == 0xD800 {
                        // A high surrogate and the low one after it make one scalar; any other surrogate is repaired.
                        if scalar < 0xDC00, k < units, unit(k) & 0xFC00 == 0xDC00 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (unit(k) - 0xDC00)
                            k += 1
                        } else {
                            scalar = 0xFFFD
                            repaired = true
                        }
                    }
                    switch scalar {
                    case 0..<0x80:
                        outBase[n] = UInt8(scalar)
                        n += 1
                    case 0x80..<0x800:
                        outBase[n] = UInt8(0xC0 | scalar >> 6)
                        outBase[n + 1] = UInt8(0x80 | scalar & 0x3F)
                        n += 2
                    case 0x800..<0x10000:
                        outBase[n] = UInt8(0xE0 | scalar >> 12)
                        outBase[n + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                        outBase[n + 2] = UInt8(0x80 | scalar & 0x3F)
                        n += 3
                    default:
                        outBase[n] = UInt8(0xF0 | scalar >> 18)
                        outBase[n + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                        outBase[n + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                        outBase[n + 3] = UInt8(0x80 | scalar & 0x3F)
                        n += 4
                    }
                }
                written = n
            }
        }
        return (utf8, repaired)
    }

    /// The plain decoding through the standard library (tests compare the two): the units
    /// gathered, transcoded, and losslessness as a round trip that gives the units back.
    static func decodeUTF16Plain(_ raw: [UInt8], littleEndian: Bool) -> (utf8: [UInt8], lossless: Bool) {
        var units: [UInt16] = []
        var i = 2
        while i + 1 < raw.count {
            units.append(littleEndian ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8 : UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
            i += 2
        }
        var lossless = raw.count % 2 == 0
        var utf8: [UInt8] = []
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { utf8.append($0) }
        if lossless {
            var back: [UInt16] = []
            _ = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) { back.append($0) }
            lossless = back == units
        }
        return (utf8, lossless)
    }

    /// `utf8` (the fixed text) in this file's encoding, with its BOM; nil when it cannot be written back exactly.
    public func encode(_ utf8: [UInt8]) -> [UInt8]? {
        switch encoding {
        case .utf8: return utf8
        case .utf8BOM: return Self.utf8BOM + utf8
        case .utf16LE, .utf16BE:
            guard isLossless, Paths.isValidUTF8(utf8) else { return nil }
            var out: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
            out.reserveCapacity(2 + utf8.count * 2)
            _ = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) { unit in
                if encoding == .utf16LE { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] } else { out += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            }
            return out
        }
    }
}
