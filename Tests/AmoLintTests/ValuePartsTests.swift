import Testing
@testable import AmoLint

/// `ValueParts` keeps two parts inline, packed in 32-bit offsets, and the rest in an
/// array: it must read back exactly the parts appended, in order, whatever their number.
struct ValuePartsTests {
    private func describe(_ part: CodeAnalysis.ValuePart) -> String {
        switch part {
        case .literal(let l): return "literal \(l)"
        case .hole(let r): return "hole \(r)"
        }
    }

    @Test func readsBackWhatWasAppended() {
        var random = SplitMix(seed: 41)
        for _ in 0..<500 {
            var parts = CodeAnalysis.ValueParts()
            var plain: [CodeAnalysis.ValuePart] = []
            for _ in 0..<random.below(7) {
                let start = random.below(Int(Int32.max) - 10)
                let part: CodeAnalysis.ValuePart = random.below(2) == 0
                    ? .literal(Int32(random.below(1 << 30)))
                    : .hole(start..<start + random.below(10))
                parts.append(part)
                plain.append(part)
            }
            #expect(parts.count == plain.count)
            #expect(parts.isEmpty == plain.isEmpty)
            #expect(parts.map(describe) == plain.map(describe))
            #expect(parts.indices.map { describe(parts[$0]) } == plain.map(describe))
        }
    }

    @Test func literalZeroAndEmptyHoleStayApart() {
        let parts: CodeAnalysis.ValueParts = [.literal(0), .hole(0..<0), .literal(Int32.max), .hole(7..<7)]
        #expect(parts.map(describe) == ["literal 0", "hole 0..<0", "literal 2147483647", "hole 7..<7"])
    }
}
