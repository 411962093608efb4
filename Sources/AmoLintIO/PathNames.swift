#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names are bytes; Swift strings are Unicode. A name that is not valid
/// UTF-8 (an old Latin-1 or CP1251 name, say) would be mangled by the usual
/// conversions and then could not be opened. Here each byte that is not part of
/// valid UTF-8 becomes one scalar of U+10FF80…U+10FFFF (the end of the last
/// private-use plane) and turns back into the same byte on the way to a system
/// call, so every name survives the round trip. (A name that really holds those
/// private-use scalars is the one thing this cannot tell apart.)
extension Paths {
    static let escapeBase: UInt32 = 0x10FF00
    static let escapedBytes: ClosedRange<UInt32> = 0x10FF80...0x10FFFF

    /// A name from the system (argv, `readdir`, `realpath`, `getcwd`) as a string, losslessly.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Most names are ASCII: no copy, no validation.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let a = Array(bytes)
        if isValidUTF8(a) { return String(decoding: a, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < a.count {
            if let (scalar, length) = scalar(in: a, at: i) {
                scalars.append(scalar)
                i += length
            } else {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(a[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    public static func decode(cString: UnsafePointer<CChar>) -> String {
        let count = strlen(cString)
        return UnsafeRawPointer(cString).withMemoryRebound(to: UInt8.self, capacity: count) {
            decode(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// The bytes of a name, as the system knows it.
    public static func encode(_ path: String) -> [UInt8] {
        // U+10FF80… encode as F4 8F BE/BF …: without an F4 byte there is nothing to turn back.
        guard path.utf8.contains(0xF4) else { return Array(path.utf8) }
        var out: [UInt8] = []
        for scalar in path.unicodeScalars {
            if escapedBytes.contains(scalar.value) {
                out.append(UInt8(scalar.value - escapeBase))
            } else {
                out += Array(String(scalar).utf8)
            }
        }
        return out
    }

    /// Calls `body` with the name as a C string for a system call.
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        // Without an escaped byte the string's own bytes are the name (no copy, no allocation).
        guard path.utf8.contains(0xF4) else { return path.withCString(body) }
        let bytes = encode(path) + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            UnsafeRawPointer(buffer.baseAddress!).withMemoryRebound(to: CChar.self, capacity: bytes.count) { body($0) }
        }
    }

    /// The name for people: each byte that is not UTF-8 shown as `\xNN`.
    public static func display(_ path: String) -> String {
        // Read as contiguous bytes, with `memchr`: reports pass every message through here.
        var copy = path
        let escaped = copy.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0xF4, bytes.count) != nil } ?? false }
        guard escaped else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            if escapedBytes.contains(scalar.value) {
                let byte = String(scalar.value - escapeBase, radix: 16, uppercase: true)
                out += "\\x" + byte
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `a` is well-formed UTF-8 (`String(validating:)` needs macOS 15).
    static func isValidUTF8(_ a: [UInt8]) -> Bool {
        var i = 0
        while i < a.count {
            if a[i] < 0x80 { i += 1; continue }
            guard let (_, length) = scalar(in: a, at: i) else { return false }
            i += length
        }
        return true
    }

    /// The scalar a valid UTF-8 sequence at `i` encodes, and its length.
    static func scalar(in a: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = a[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= a.count, a[i + 1] >= low, a[i + 1] <= high else { return nil }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = a[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
