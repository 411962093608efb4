/// Characters that must never reach a terminal or a log as they are: C0 and C1
/// controls (escape sequences start with them), line and paragraph separators,
/// and the bidirectional marks and overrides that can reorder what a reader sees.
public enum TerminalSafety {
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `s` with each unsafe character written as `\u{…}`.
    public static func escaped(_ s: String) -> String {
        guard mayHoldUnsafe(s), s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if isUnsafe(scalar) { out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// False when no byte can start an unsafe character: every one is a C0 control,
    /// DEL, or starts with `C2` (C1 controls) or `E2` (the marks and separators).
    /// A report prints thousands of messages and paths; reading bytes is several
    /// times cheaper than reading scalars.
    private static func mayHoldUnsafe(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            // Sixteen bytes at a time (a dense page prints a thousand messages of a hundred bytes).
            var i = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 16 <= bytes.count {
                    let b = ByteBlock(raw, at: i)
                    let lanes = b.lanes(atMost: 0x1F) | b.lanes(equalTo: 0x7F) | b.lanes(equalTo: 0xC2) | b.lanes(equalTo: 0xE2)
                    if lanes.bits != 0 { return true }
                    i += 16
                }
            }
            return UnsafeBufferPointer(rebasing: bytes[i...]).contains(where: mayStartUnsafe)
        }
    }

    /// The plain test of one byte (and of a text's last bytes).
    private static func mayStartUnsafe(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 }
}
