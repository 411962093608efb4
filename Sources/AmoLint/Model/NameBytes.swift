/// Whether two stretches of one text hold the same bytes: eight at a time, the last
/// few in one masked word when eight bytes from both lie in the text. A hostile tag
/// compares a million names with the one before. `Attribute.sameBytes` is the plain
/// loop, which tests compare it with.
enum NameBytes {
    @inline(__always)
    static func same(in bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, count: Int) -> Bool {
        guard let base = bytes.baseAddress else { return count == 0 }
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k &+ 8 <= count {
            if raw.loadUnaligned(fromByteOffset: a &+ k, as: UInt64.self) != raw.loadUnaligned(fromByteOffset: b &+ k, as: UInt64.self) {
                return false
            }
            k &+= 8
        }
        let rest = count &- k
        guard rest > 0 else { return true }
        if max(a, b) &+ k &+ 8 <= bytes.count {
            // Little-endian order puts the first bytes in the low ones, which the mask keeps.
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: a &+ k, as: UInt64.self))
            let y = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: b &+ k, as: UInt64.self))
            return (x ^ y) & (UInt64.max >> UInt64(64 &- 8 &* rest)) == 0
        }
        while k < count {
            if base[a &+ k] != base[b &+ k] { return false }
            k &+= 1
        }
        return true
    }
}
