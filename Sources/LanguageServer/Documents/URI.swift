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
