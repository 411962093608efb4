/// Where an attribute name ends: at the first white space, `/`, `>` or `=`
/// (`Byte.isNameStop`) from `p`, or the end of input. `plain` is the byte loop;
/// `find` gives the same answer sixteen bytes at a time (a hostile tag holds a
/// million names). Blocks are read whole, never past the input, and the answer
/// depends only on the bytes up to the stop.
enum NameEnd {
    @inline(__always)
    static func find(from p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return plain(from: p, in: bytes) }
        let raw = UnsafeRawPointer(base)
        let lastBlock = bytes.count &- 16
        var block = p
        while block <= lastBlock {
            let v = ByteBlock(raw, at: block)
            // At most a space: white space, or a control byte that belongs to the name (rare).
            let stops = (v.lanes(atMost: Byte.space) | v.lanes(equalTo: Byte.slash) | v.lanes(equalTo: Byte.gt)
                | v.lanes(equalTo: Byte.equals)).bits
            if stops != 0 {
                let k = block &+ stops.trailingZeroBitCount
                // Every byte before `k` is a name byte, so the byte loop may go on from it.
                return Byte.isNameStop(base[k]) ? k : plain(from: k, in: bytes)
            }
            block &+= 16
        }
        return plain(from: block, in: bytes)
    }

    /// The byte loop (tests compare the two).
    static func plain(from p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var p = p
        while p < bytes.count, !Byte.isNameStop(bytes[p]) { p += 1 }
        return p
    }
}
