import Testing
@testable import AmoLint

/// A host literal as it was kept before its packing (a range and an array of
/// pieces): `HostLiteralPackingTests` compares the packed literal with it.
private struct PlainLiteral {
    var range: Range<Int>
    var pieces: [HostLiteral.Piece] = []
    var after: UInt8 = 0

    static func bounds(_ piece: HostLiteral.Piece) -> Range<Int> {
        switch piece {
        case .verbatim(let r), .escaped(_, let r), .hole(let r): return r
        }
    }

    var contentStart: Int { pieces.first.map(PlainLiteral.bounds)?.lowerBound ?? min(range.lowerBound + 1, range.upperBound) }
    var contentEnd: Int { pieces.last.map(PlainLiteral.bounds)?.upperBound ?? max(range.lowerBound, range.upperBound - 1) }

    func hasMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for piece in pieces {
            switch piece {
            case .verbatim(let r):
                for b in UnsafeBufferPointer(rebasing: bytes[r]) where b == Byte.lt || b == Byte.gt || b == Byte.quote || b == Byte.equals {
                    return true
                }
            case .escaped(let v, _):
                if v.contains(where: { $0 == Byte.lt || $0 == Byte.gt || $0 == Byte.quote || $0 == Byte.equals }) { return true }
            case .hole:
                break
            }
        }
        return false
    }
}

/// A literal keeps its offsets in 32 bits and its first piece packed inline, and
/// one past 4 GB wide: each reads back as the plain literal built by the same steps.
struct HostLiteralPackingTests {
    private static func described(_ l: HostLiteral) -> String {
        "\(l.range) \(Array(l.pieces)) \(l.pieceCount) \(l.contentStart) \(l.contentEnd) \(l.after)"
    }

    private static func described(_ l: PlainLiteral) -> String {
        "\(l.range) \(l.pieces) \(l.pieces.count) \(l.contentStart) \(l.contentEnd) \(l.after)"
    }

    @Test func packedLiteralsReadBackAsThePlainOnes() {
        var random = SplitMix(seed: 0x9A_C4_ED)
        let bytes = Array("ab<c=d\"e>f gh ij".utf8)
        let markup: [UInt8] = [Byte.lt, Byte.gt, Byte.quote, Byte.equals, UInt8(ascii: "x")]
        var differs = false
        for round in 0..<6000 where !differs {
            // Offsets in the buffer (markup is read), near 2^32 on either side, or far past it.
            let base = [0, Int(UInt32.max) - 40, Int(UInt32.max) + 1, 1 << 40][round % 4]
            let span = round % 4 == 0 ? bytes.count : 80
            func offset() -> Int { base + random.below(span + 1) }
            func range() -> Range<Int> {
                let a = offset(), b = offset()
                return min(a, b)..<max(a, b)
            }
            let start = range()
            var packed = HostLiteral(range: start, style: .jsTemplate, before: Byte.lbrace)
            var plain = PlainLiteral(range: start)
            for _ in 0..<random.below(6) {
                switch random.below(7) {
                case 0, 1:
                    let r = range()
                    packed.add(.verbatim(r)); plain.pieces.append(.verbatim(r))
                case 2:
                    let r = range()
                    let e = EscapeBytes((0..<random.below(5)).map { _ in markup[random.below(markup.count)] })
                    packed.add(.escaped(e, r)); plain.pieces.append(.escaped(e, r))
                case 3:
                    let r = range()
                    packed.addHole(r, many: 2, room: 3); plain.pieces.append(.hole(r))
                case 4:
                    let r = range()
                    packed.add(.hole(r), many: 1, room: 5); plain.pieces.append(.hole(r))
                case 5:
                    let end = plain.range.lowerBound + random.below(span + 1)
                    let after = UInt8(truncatingIfNeeded: random.next())
                    packed.end(at: end, after: after)
                    plain.range = plain.range.lowerBound..<end; plain.after = after
                default:
                    let r = range()
                    packed.range = r; plain.range = r
                }
            }
            #expect(packed.style == .jsTemplate && packed.before == Byte.lbrace)
            differs = HostLiteralPackingTests.described(packed) != HostLiteralPackingTests.described(plain)
            #expect(HostLiteralPackingTests.described(packed) == HostLiteralPackingTests.described(plain), "round \(round)")
            if base == 0 {
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(packed.hasMarkup(buffer) == plain.hasMarkup(buffer), "round \(round)")
                }
            }
        }
    }

    @Test func literalsStayThirtyTwoBytes() {
        #expect(MemoryLayout<HostLiteral>.stride <= 32, "HostLiteral: \(MemoryLayout<HostLiteral>.stride) bytes")
    }
}
