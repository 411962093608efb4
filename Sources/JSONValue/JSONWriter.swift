/// Deterministic JSON output: object keys sorted, every control character
/// escaped, so output can be compared byte for byte and no file content can
/// break out of a string. Written into a byte buffer: it is on the hot path of
/// every report and every server message.
extension JSON {
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends this value to `out`, for writers that stream many values into one buffer.
    public func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .double(let d):
            if d.isFinite {
                if abs(d) < 1e15, let i = Int(exactly: d) { out += String(i).utf8 } else { out += "\(d)".utf8 }
            } else {
                out += "null".utf8
            }
        case .string(let s): JSON.writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                e.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                JSON.writeString(member.key, into: &out)
                out += (pretty ? ": " : ":").utf8
                member.value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out += repeatElement(UInt8(ascii: " "), count: indent * 2)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// The second and third bytes of `E2 …`: U+200E, U+200F, U+2028, U+2029, U+202A…U+202E, U+2066…U+2069.
    static func isLineOrDirectionMark(_ b1: UInt8, _ b2: UInt8) -> Bool {
        switch (b1, b2) {
        case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): return true
        default: return false
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            // Most strings (rule ids, messages, paths) need no escape: one test a byte, one copy.
            var plain = true
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 {
                plain = false
                break
            }
            if plain {
                out.append(contentsOf: bytes)
                return
            }
            var runStart = 0
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
                case 0..<0x20, 0x7F:
                    escape = Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F:
                    // C1 controls (U+0080…U+009F): some terminals act on them.
                    escape = Array("\\u00".utf8) + [hex[Int(bytes[i + 1] >> 4)], hex[Int(bytes[i + 1] & 0xF)]]
                    skip = 2
                case 0xE2 where i + 2 < n && JSON.isLineOrDirectionMark(bytes[i + 1], bytes[i + 2]):
                    // U+2028 and U+2029 end lines in JavaScript; U+200E, U+200F, U+202A…U+202E and
                    // U+2066…U+2069 reorder what a terminal shows.
                    let scalar = 0x2000 | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    escape = Array("\\u".utf8) + [12, 8, 4, 0].map { hex[Int((scalar >> $0) & 0xF)] }
                    skip = 3
                default: break
                }
                if let escape {
                    out += bytes[runStart..<i]
                    out += escape
                    i += skip
                    runStart = i
                } else {
                    i += 1
                }
            }
            out += bytes[runStart..<n]
        }
        out.append(0x22)
    }
}
