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
        var s = s
        s.withUTF8 { bytes in
            // Most strings (rule ids, messages, paths) need no escape: one look-up a byte, one copy.
            if firstEscape(bytes) == bytes.count {
                out.append(0x22)
                out.append(contentsOf: bytes)
                out.append(0x22)
                return
            }
            out += [UInt8](unsafeUninitializedCapacity: quotedCapacity(bytes.count)) { buffer, written in
                written = writeQuoted(bytes, at: buffer.baseAddress!)
            }
        }
    }

    /// The most bytes `writeQuoted` writes for `count` bytes: `\u00XX` (six) a byte, and the quotes.
    public static func quotedCapacity(_ count: Int) -> Int { 6 * count + 2 }

    /// Writes `bytes` (UTF-8) as a JSON string, quotes included, at `out`, which has room
    /// for `quotedCapacity(bytes.count)`; returns the number of bytes written. For writers
    /// that keep their own buffer (the JSON report): the one escaping of every writer.
    public static func writeQuoted(_ bytes: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var w = 0
        func put(_ b: UInt8) { out[w] = b; w += 1 }
        func putRun(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            (out + w).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
            w += range.count
        }
        func putEscape(_ scalar: UInt32) {
            put(0x5C); put(UInt8(ascii: "u"))
            put(hex[Int((scalar >> 12) & 0xF)]); put(hex[Int((scalar >> 8) & 0xF)])
            put(hex[Int((scalar >> 4) & 0xF)]); put(hex[Int(scalar & 0xF)])
        }
        put(0x22)
        let n = bytes.count
        var runStart = 0
        var i = firstEscape(bytes)
        while i < n {
            let b = bytes[i]
            var skip = 1
            switch b {
            case 0x22: putRun(runStart..<i); put(0x5C); put(0x22)
            case 0x5C: putRun(runStart..<i); put(0x5C); put(0x5C)
            case 0x0A: putRun(runStart..<i); put(0x5C); put(UInt8(ascii: "n"))
            case 0x0D: putRun(runStart..<i); put(0x5C); put(UInt8(ascii: "r"))
            case 0x09: putRun(runStart..<i); put(0x5C); put(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F: putRun(runStart..<i); putEscape(UInt32(b))
            case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F:
                // C1 controls (U+0080…U+009F): some terminals act on them.
                putRun(runStart..<i)
                putEscape(UInt32(bytes[i + 1]))
                skip = 2
            case 0xE2 where i + 2 < n && JSON.isLineOrDirectionMark(bytes[i + 1], bytes[i + 2]):
                // U+2028 and U+2029 end lines in JavaScript; U+200E, U+200F, U+202A…U+202E and
                // U+2066…U+2069 reorder what a terminal shows.
                putRun(runStart..<i)
                putEscape(0x2000 | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F))
                skip = 3
            default:
                i += 1
                continue
            }
            i += skip
            runStart = i
        }
        putRun(runStart..<n)
        put(0x22)
        return w
    }

    /// The bytes that may start an escape: controls, `"`, `\`, DEL, and the lead bytes of C1
    /// controls (C2) and of line and direction marks (E2).
    private static let mayEscape: [Bool] = (0...255).map { b in b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 }

    /// The index of the first byte that may need an escape, or `bytes.count`. Eight bytes
    /// at a time: a report's messages are mostly plain ASCII (five instructions a byte
    /// with the table alone).
    static func firstEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        return mayEscape.withUnsafeBufferPointer { table in
            var i = 0
            while i + 8 <= n {
                if wordMayEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    // Something in these eight: the table says which byte, if any.
                    for k in i..<(i + 8) where table[Int(base[k])] { return k }
                }
                i += 8
            }
            while i < n, !table[Int(base[i])] { i += 1 }
            return i
        }
    }

    /// Whether a word may hold a byte of `mayEscape`: one under 0x20, 0x22, 0x5C, 0x7F, or
    /// any byte of 0x80 or more (C2 and E2 among them). Exact for the first four (the
    /// "has less" and "has zero" word tests), conservative for the last.
    @inline(__always)
    static func wordMayEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let under20 = (x &- 0x20 &* ones) & ~x & highs
        return (x & highs) | under20 | hasZero(x ^ (0x22 &* ones)) | hasZero(x ^ (0x5C &* ones)) | hasZero(x ^ (0x7F &* ones)) != 0
    }
}
