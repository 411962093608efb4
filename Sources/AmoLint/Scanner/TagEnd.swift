/// Where a start tag the collector cannot use ends, found without parsing its
/// attributes. `plain` is the byte loop; `skim` gives the same answers sixteen
/// bytes at a time for the tags of real pages, and nil where it is not sure.
/// Neither reports anything nor changes anything: on nil the scanner parses the
/// tag in full (`Scanner.tagEnd`).
enum TagEnd {
    struct Found: Equatable {
        /// After the tag's name (`Scanner.startTag`'s name loop).
        var nameEnd: Int
        /// After its `>`.
        var end: Int
        var selfClosing: Bool
    }

    /// The end of a tag made only of names and plain quoted values (most tags),
    /// from `start` (after its name); nil when the tag holds anything else (a
    /// template construct, a directive, an unquoted value, the end of input).
    @inline(__always)
    static func plain(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, selfClosing: Bool)? {
        let n = bytes.count
        var p = start
        while true {
            while p < n, Byte.isSpace(bytes[p]) { p += 1 }
            guard p < n else { return nil }
            let c = bytes[p]
            if c == Byte.gt { return (p + 1, false) }
            if c == Byte.slash { return p + 1 < n && bytes[p + 1] == Byte.gt ? (p + 2, true) : nil }
            if c == Byte.lt || c == Byte.lbrace || c == Byte.dollar || c == Byte.at { return nil }
            // A name, as `attribute` reads it: its first byte may be anything.
            p += 1
            while p < n, !Byte.isNameStop(bytes[p]) { p += 1 }
            var q = p
            while q < n, Byte.isSpace(bytes[q]) { q += 1 }
            guard q < n, bytes[q] == Byte.equals else { continue }
            q += 1
            while q < n, Byte.isSpace(bytes[q]) { q += 1 }
            guard q < n, bytes[q] == Byte.quote || bytes[q] == Byte.apostrophe else { return nil }
            let close = ByteSearch.first(bytes[q], Byte.lt, Byte.lbrace, Byte.dollar, in: bytes, from: q + 1, to: n)
            guard close < n, bytes[close] == bytes[q] else { return nil }
            p = close + 1
        }
    }

    /// The name's end and `plain`'s answer for the start tag whose `<` is at
    /// `start`, or nil: then the caller runs the byte loops.
    ///
    /// It answers only for tags of a stricter shape than `plain` accepts, where
    /// the two readings provably agree: outside quoted values no `<`, `{`, `$` or
    /// `@`; each `=` right after a name byte (not white space, not a quote) and
    /// right before a quote; each quote that opens a value right after `=`; a `/`
    /// only in the `/>` that ends the tag; inside values no `<`, `{` or `$`. Then
    /// every name `plain` reads is a run of name bytes, every value it reads is
    /// the quoted stretch opened here, and its `>` is the first outside values.
    /// So only the bytes that can matter (`interesting`) are visited, found
    /// sixteen at a time; blocks are read whole, up to 16 bytes past the tag
    /// (within `MarkupTrace.slack`), and never past the input.
    @inline(__always)
    static func skim(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Found? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // A block and the byte after it (`/>`, `="`) must lie in the input.
        let lastBlock = bytes.count &- 17
        var block = start
        guard block <= lastBlock else { return nil }

        // The name: up to the first white space, `/` or `>`, in the first block.
        var v = raw.loadUnaligned(fromByteOffset: block, as: SIMD16<UInt8>.self)
        let nameStops = bits(v .<= SIMD16(repeating: Byte.space) .| v .== SIMD16(repeating: Byte.slash) .| v .== SIMD16(repeating: Byte.gt))
        guard nameStops != 0 else { return nil }
        let nameEnd = block &+ nameStops.trailingZeroBitCount
        // Below the space: white space, or a control byte that belongs to the name (rare).
        guard Byte.isTagNameStop(base[nameEnd]) else { return nil }

        var events = bits(interesting(v)) & (~0 &<< UInt32(nameEnd &- block))
        var quote: UInt8 = 0  // the quote of the value being read, 0 outside values
        while true {
            while events != 0 {
                let pos = block &+ events.trailingZeroBitCount
                events &= events &- 1
                let b = base[pos]
                if quote != 0 {
                    if b == quote {
                        quote = 0
                    } else if b == Byte.lt || b == Byte.lbrace || b == Byte.dollar {
                        return nil
                    }
                    continue
                }
                switch b {
                case Byte.gt:
                    return Found(nameEnd: nameEnd, end: pos &+ 1, selfClosing: false)
                case Byte.slash:
                    guard base[pos &+ 1] == Byte.gt else { return nil }
                    return Found(nameEnd: nameEnd, end: pos &+ 2, selfClosing: true)
                case Byte.equals:
                    let before = base[pos &- 1], after = base[pos &+ 1]
                    guard !Byte.isSpace(before), before != Byte.quote, before != Byte.apostrophe,
                          after == Byte.quote || after == Byte.apostrophe
                    else { return nil }
                case Byte.quote, Byte.apostrophe:
                    guard base[pos &- 1] == Byte.equals else { return nil }
                    quote = b
                default:  // `<`, `{`, `$`, `@`
                    return nil
                }
            }
            block &+= 16
            guard block <= lastBlock else { return nil }
            v = raw.loadUnaligned(fromByteOffset: block, as: SIMD16<UInt8>.self)
            events = bits(interesting(v))
        }
    }

    /// The bytes that can change how a tag is read: `>`, `/`, `=`, the quotes
    /// and the first bytes of template constructs and directives.
    @inline(__always)
    private static func interesting(_ v: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        v .== SIMD16(repeating: Byte.gt) .| v .== SIMD16(repeating: Byte.slash) .| v .== SIMD16(repeating: Byte.equals)
            .| v .== SIMD16(repeating: Byte.quote) .| v .== SIMD16(repeating: Byte.apostrophe)
            .| v .== SIMD16(repeating: Byte.lt) .| v .== SIMD16(repeating: Byte.lbrace)
            .| v .== SIMD16(repeating: Byte.dollar) .| v .== SIMD16(repeating: Byte.at)
    }

    /// Bit `k` set for each lane `k` of `mask` that is set.
    @inline(__always)
    static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt32 {
        ByteSearch.laneBits(mask)
    }
}
