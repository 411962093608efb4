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
        for length in 0..<160 {
            for _ in 0..<40 {
                var bytes: [UInt8] = []
                while bytes.count < length { bytes += pieces[random.below(pieces.count)] }
                #expect(Array(LineStarts(bytes)) == Self.plain(bytes), "\(bytes)")
            }
        }
        // A break as the last byte of a block or of a stretch of 64, its `\n` the first of the next.
        for at in 0..<140 {
            var bytes = [UInt8](repeating: 0x78, count: 140)
            bytes[at] = 0x0D
            if at + 1 < bytes.count { bytes[at + 1] = 0x0A }
            #expect(Array(LineStarts(bytes)) == Self.plain(bytes), "\\r\\n at \(at)")
        }
    }
}

extension LineStartsTests {
    /// On a long line (checkpoints every `LineIndex.checkpointSpacing` bytes, ASCII
    /// counted eight bytes at a time), every character's column is the count of
    /// UTF-16 units and scalars before it.
    @Test func columnsOnLongLinesCountEveryCharacter() {
        var random = SplitMix(seed: 256)
        let pieces = ["a", "abcdefgh", " class=\"amocrm_oauth\"", "Ж", "Привет", "🚀", "é", "\t"]
        for _ in 0..<6 {
            var text = "x\n"
            while text.utf8.count < 5_000 { text += pieces[random.below(pieces.count)] }
            let bytes = Array(text.utf8)
            let index = LineIndex(bytes)
            var offset = 2
            for scalar in text.unicodeScalars.dropFirst(2) {
                let before = String(decoding: bytes[2..<offset], as: UTF8.self)
                #expect(index.position(ofByte: offset, encoding: .utf16).character == before.utf16.count)
                #expect(index.position(ofByte: offset, encoding: .utf32).character == before.unicodeScalars.count)
                offset += String(scalar).utf8.count
            }
        }
    }
}

extension LineStartsTests {
    /// The lines that get column checkpoints are found in one pass over the starts:
    /// exactly the lines whose length (break included) passes the bound, the last one too.
    @Test func longLinesAreTheLinesLongerThanTheBound() {
        var random = SplitMix(seed: 512)
        let pieces: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], Array("abcdefghij".utf8), Array("Привет 🚀".utf8)]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            let length = random.below(400)
            while bytes.count < length { bytes += pieces[random.below(pieces.count)] }
            let starts = LineStarts(bytes)
            for bound in [0, 1, 7, 30, 100] {
                let plain = starts.indices.filter { line in
                    (line + 1 < starts.count ? starts[line + 1] : bytes.count) - starts[line] > bound
                }
                #expect(starts.lines(longerThan: bound, textCount: bytes.count) == plain, "\(bytes) \(bound)")
            }
        }
    }
}
