/// String helpers shared by the core, the command line and the server (the
/// core has no Foundation).
extension StringProtocol {
    /// Without leading and trailing white space (Unicode's, as `Character.isWhitespace`).
    func trimmingWhitespace() -> SubSequence {
        // Fast path: when the first and the last non-blank bytes are ASCII, each is a
        // Character of its own and ASCII white space before or after them is all
        // there is to trim, so bytes decide exactly what Characters would.
        let bounds: (Int, Int)?? = utf8.withContiguousStorageIfAvailable { u in
            var lo = 0, hi = u.count
            while lo < hi, ASCII.isWhitespace(u[lo]) { lo += 1 }
            while hi > lo, ASCII.isWhitespace(u[hi - 1]) { hi -= 1 }
            return lo == hi || (u[lo] < 0x80 && u[hi - 1] < 0x80) ? (lo, hi) : nil
        }
        if let bounds = bounds ?? nil {
            let lo = utf8.index(utf8.startIndex, offsetBy: bounds.0)
            return self[lo..<utf8.index(lo, offsetBy: bounds.1 - bounds.0)]
        }
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}

extension String {
    /// Every occurrence of `target` replaced, matched scalar by scalar (so `\r`
    /// is found inside a `\r\n`, which is one Character).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.unicodeScalars)
        guard let first = needle.first, unicodeScalars.contains(first) else { return self }
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == first, i + needle.count <= scalars.count, scalars[i..<i + needle.count].elementsEqual(needle) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += needle.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}

/// Byte answers to `Character` questions, for the rules' hot paths. Each gives
/// exactly what the `Character` code gives: an ASCII byte whose neighbours are
/// ASCII is a Character of its own (only non-ASCII scalars extend or prefix a
/// grapheme, and `\r\n` is the one ASCII pair), and no other scalar sequence is
/// canonically equivalent to the ASCII punctuation asked about here (`;`, `` ` ``
/// and `K` have such twins, so they are never asked about by byte).
enum ASCII {
    /// Unicode white space among ASCII bytes: tab, line feed, vertical tab, form feed, carriage return, space.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    static func isASCII(_ s: some StringProtocol) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { u in
            // Eight bytes at a time: no high bit set in any.
            var i = 0
            if let base = u.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= u.count {
                    if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                    i += 8
                }
            }
            while i < u.count { if u[i] >= 0x80 { return false }; i += 1 }
            return true
        } ?? s.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the text holds a NUL (the template stand-in), eight bytes at a time.
    static func containsNUL(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { u in
            var i = 0
            if let base = u.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= u.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { return true }
                    i += 8
                }
            }
            while i < u.count { if u[i] == 0 { return true }; i += 1 }
            return false
        } ?? s.utf8.contains(0)
    }

    /// `s.contains(Character(b))` for ASCII punctuation or space `b`.
    static func contains(_ s: String, _ b: UInt8) -> Bool {
        var found = false, unsure = false
        var previous: UInt8 = 0
        var atByte = false
        for byte in s.utf8 {
            if atByte {
                // The byte after an occurrence decides whether it stands alone.
                if byte < 0x80 { found = true; break }
                unsure = true
                atByte = false
            }
            if byte == b {
                if previous >= 0x80 { unsure = true } else { atByte = true }
            }
            previous = byte
        }
        if atByte { found = true }
        if found { return true }
        return unsure ? s.contains(Character(UnicodeScalar(b))) : false
    }

    /// `s.hasPrefix("data-")` with Character semantics.
    static func hasDataPrefix(_ s: String) -> Bool {
        let byBytes: Bool?? = s.utf8.withContiguousStorageIfAvailable { u in
            guard u.count >= 5, u[0] == 0x64, u[1] == 0x61, u[2] == 0x74, u[3] == 0x61, u[4] == Byte.dash else { return false }
            // A non-ASCII scalar right after `-` may extend it into another Character.
            return u.count == 5 || u[5] < 0x80 ? true : nil
        }
        if case .some(.some(let answer)) = byBytes { return answer }
        return s.hasPrefix("data-")
    }

    /// Equality of bytes with an ASCII string: `String ==` for it (no other
    /// sequence is canonically equivalent to ASCII letters, digits, `-`, `_`, space).
    static func equals(_ s: some StringProtocol, _ ascii: String) -> Bool {
        s.utf8.elementsEqual(ascii.utf8)
    }
}
