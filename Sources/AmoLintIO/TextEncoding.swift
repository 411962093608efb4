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
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var i = 2
        while i + 1 < raw.count {
            units.append(littleEndian ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8 : UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
            i += 2
        }
        var lossless = raw.count % 2 == 0
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { utf8.append($0) }
        // A repair shows as a round trip that differs.
        if lossless {
            var back: [UInt16] = []
            back.reserveCapacity(units.count)
            _ = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) { back.append($0) }
            lossless = back == units
        }
        return .decoded(DecodedText(encoding: littleEndian ? .utf16LE : .utf16BE, bytes: utf8, isLossless: lossless))
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
