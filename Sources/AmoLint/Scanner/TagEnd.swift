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
    /// the two readings provably agree: outside quoted values no quote, `<`, `{`,
    /// `$` or `@`; each `=` right after a name byte (not white space, not a
    /// quote) and right before the quote that opens its value; a `/` only in the
    /// `/>` that ends the tag; inside values no `<`, `{` or `$`. Then every name
    /// `plain` reads is a run of name bytes, every value it reads is the quoted
    /// stretch found here, and its `>` is the first outside values. So only the
    /// bytes that can matter are visited, found sixteen at a time, and a value is
    /// skipped to its closing quote at once (searched for alone when it is past
    /// the block). Blocks are read whole, up to 32 bytes past the tag (within
    /// `MarkupTrace.slack`), never past the input; an answer depends only on the
    /// tag's bytes, and on nil the byte loops decide.
    @inline(__always)
    static func skim(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Found? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // A block and the byte after it (`/>`, `="`) must lie in the input.
        let lastBlock = bytes.count &- 17
        var block = start
        guard block <= lastBlock else { return nil }
        var v = ByteBlock(raw, at: block)

        // The name: up to the first white space, `/` or `>`, in the first block.
        let nameStops = (v.lanes(atMost: Byte.space) | v.lanes(equalTo: Byte.slash) | v.lanes(equalTo: Byte.gt)).bits
        guard nameStops != 0 else { return nil }
        let nameEnd = block &+ nameStops.trailingZeroBitCount
        // Below the space: white space, or a control byte that belongs to the name (rare).
        let stop = base[nameEnd]
        guard Byte.isTagNameStop(stop) else { return nil }
        // A tag of a name alone (`<p>`, `<div>`) ends at once.
        if stop == Byte.gt { return Found(nameEnd: nameEnd, end: nameEnd &+ 1, selfClosing: false) }

        var from = UInt32(nameEnd &- block)  // the block's bytes below this bit are read
        while true {
            let quotes = v.lanes(equalTo: Byte.quote).bits, apostrophes = v.lanes(equalTo: Byte.apostrophe).bits
            let templates = (v.lanes(equalTo: Byte.lt) | v.lanes(equalTo: Byte.lbrace) | v.lanes(equalTo: Byte.dollar)).bits
            let others = (v.lanes(equalTo: Byte.gt) | v.lanes(equalTo: Byte.slash) | v.lanes(equalTo: Byte.equals) | v.lanes(equalTo: Byte.at)).bits
            var events = atOrAbove(from, quotes | apostrophes | templates | others)
            var next = block &+ 16  // where the next block starts
            scan: while events != 0 {
                let k = events.trailingZeroBitCount
                let pos = block &+ k
                events &= events &- 1
                switch base[pos] {
                case Byte.equals:
                    let before = base[pos &- 1], after = base[pos &+ 1]
                    guard !Byte.isSpace(before), before != Byte.quote, before != Byte.apostrophe,
                          after == Byte.quote || after == Byte.apostrophe
                    else { return nil }
                    // The value: from after its opening quote to the next such quote.
                    let valueFrom = UInt32(k &+ 2)
                    let closes = atOrAbove(valueFrom, after == Byte.quote ? quotes : apostrophes)
                    guard atOrAbove(valueFrom, templates) & belowLowest(closes) == 0 else { return nil }
                    if closes != 0 {
                        // Most tags end right after their last value, often in the next block.
                        let close = block &+ closes.trailingZeroBitCount
                        if base[close &+ 1] == Byte.gt { return Found(nameEnd: nameEnd, end: close &+ 2, selfClosing: false) }
                        events &= ~(closes ^ (closes &- 1))  // past the closing quote
                        continue
                    }
                    // The value runs past this block: its closing quote is searched for alone
                    // (from this block's end, or from after the opening quote when that is the next block's first byte).
                    let close = ByteSearch.first(after, Byte.lt, Byte.lbrace, Byte.dollar, in: bytes, from: max(next, pos &+ 2), to: bytes.count)
                    guard close < bytes.count, base[close] == after else { return nil }
                    // Most tags end right after their last value.
                    if close &+ 1 < bytes.count, base[close &+ 1] == Byte.gt {
                        return Found(nameEnd: nameEnd, end: close &+ 2, selfClosing: false)
                    }
                    next = close &+ 1
                    break scan
                case Byte.gt:
                    return Found(nameEnd: nameEnd, end: pos &+ 1, selfClosing: false)
                case Byte.slash:
                    guard base[pos &+ 1] == Byte.gt else { return nil }
                    return Found(nameEnd: nameEnd, end: pos &+ 2, selfClosing: true)
                default:  // a quote that opens no value, `<`, `{`, `$`, `@`
                    return nil
                }
            }
            block = next
            from = 0
            guard block <= lastBlock else { return nil }
            v = ByteBlock(raw, at: block)
        }
    }

    /// The bits of `mask` at `k` or above (`k` at most 17).
    @inline(__always)
    private static func atOrAbove(_ k: UInt32, _ mask: UInt32) -> UInt32 { mask & (UInt32.max &<< k) }

    /// The bits below the lowest set bit of `mask`; all of them when none is set.
    @inline(__always)
    private static func belowLowest(_ mask: UInt32) -> UInt32 { (mask &- 1) & ~mask }
}
