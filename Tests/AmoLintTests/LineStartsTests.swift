import Testing
@testable import AmoLint

/// The block-at-a-time line break search finds what a byte-by-byte reading of
/// the three line breaks (`\n`, `\r\n`, `\r`) finds, wherever a break falls in a block.
struct LineStartsTests {
    static func plain(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
            starts.append(i + 1)
        }
        return starts
    }

    @Test func breaksAtEveryOffsetOfABlock() {
        var random = SplitMix(seed: 16)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0D], Array("ab".utf8), Array("Привет 🚀".utf8), [0x61]]
        for length in 0..<80 {
            for _ in 0..<40 {
                var bytes: [UInt8] = []
                while bytes.count < length { bytes += pieces[random.below(pieces.count)] }
                #expect(Array(LineStarts(bytes)) == Self.plain(bytes), "\(bytes)")
            }
        }
        // A break as the last byte of a block, its `\n` the first of the next.
        for at in 0..<48 {
            var bytes = [UInt8](repeating: 0x78, count: 48)
            bytes[at] = 0x0D
            if at + 1 < bytes.count { bytes[at + 1] = 0x0A }
            #expect(Array(LineStarts(bytes)) == Self.plain(bytes), "\\r\\n at \(at)")
        }
    }
}
