import Testing
@testable import AmoLint

/// Known names are looked up by their first and last eight bytes (the whole name up to
/// sixteen, then its bytes): the number is the plain look-up's, on every known name, every
/// one-byte change, cut and extension of it, and generated names of every length.
struct KnownNameLookupTests {
    @Test func wordLookUpIsThePlainLookUp() {
        var candidates: [[UInt8]] = []
        for name in KnownName.names {
            let b = Array(name.utf8)
            candidates.append(b)
            candidates.append(Array(b.dropLast()))
            candidates.append(Array(b.dropFirst()))
            candidates.append(b + [0x61])
            candidates.append([0x61] + b)
            for k in b.indices {
                for v: UInt8 in [0, 0x2D, 0x41, 0x5F, 0x61, 0x7A, 0xC3, b[k] ^ 0x20] where v != b[k] {
                    var c = b
                    c[k] = v
                    candidates.append(c)
                }
            }
        }
        var g = SplitMix(seed: 0x4B4E)
        for _ in 0..<20_000 {
            let n = g.below(24)
            candidates.append((0..<n).map { _ in [0x61, 0x64, 0x2D, 0x5F, 0x74, 0x65][g.below(6)] })
        }
        for c in candidates {
            c.withUnsafeBufferPointer { b in
                #expect(KnownName.number(of: b) == KnownName.numberPlain(of: b), "\(String(decoding: c, as: UTF8.self).debugDescription)")
            }
        }
    }
}
