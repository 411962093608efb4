/// `file://` URIs and paths, percent-decoding as RFC 3986 says.
enum URI {
    /// The file path of a `file:` URI; other schemes give their path part.
    static func path(_ uri: String) -> String {
        var rest = Substring(uri)
        if rest.hasPrefix("file://") {
            rest = rest.dropFirst(7)
            // An authority (`file://host/…`) other than localhost is kept out of the path.
            if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        } else if let colon = rest.firstIndex(of: ":") {
            rest = rest[rest.index(after: colon)...]
        }
        return percentDecoded(rest)
    }

    /// The scheme, lower-cased (`file`, `untitled`, `git` …), or "" when there is none.
    static func scheme(_ uri: String) -> String {
        guard let colon = uri.firstIndex(of: ":") else { return "" }
        let scheme = uri[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return "" }
        return scheme.lowercased()
    }

    /// An absolute path with `.` and `..` segments resolved (`/ws/proj/../../a` is `/a`),
    /// so that no path escapes a workspace folder by spelling.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The `file:` URI of an absolute path, percent-encoding what RFC 3986 reserves.
    static func file(_ path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            if byte < 0x80, Byte.isUnreserved(byte) || byte == UInt8(ascii: "/") { out.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
        }
        return out
    }

    static func percentDecoded(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private enum Byte {
    static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }
}
