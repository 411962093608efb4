import Testing
@testable import AmoLint

extension CodeText {
    /// `appendValue` as it was, byte by byte (`CodeTextValueTests` compares the two).
    mutating func appendValuePlain(_ literal: HostLiteral, in bytes: UnsafeBufferPointer<UInt8>) {
        let id = map.addLiteral(literal.style)
        func encoded(_ b: UInt8) -> [UInt8]? {
            switch b {
            case Byte.quote: return Array("&quot;".utf8)
            case Byte.ampersand: return Array("&amp;".utf8)
            case Byte.lt: return Array("&lt;".utf8)
            case Byte.lbrace: return Array("&#123;".utf8)
            default: return nil
            }
        }
        for piece in literal.pieces {
            switch piece {
            case .verbatim(let r):
                var run = r.lowerBound
                for p in r {
                    guard let e = encoded(bytes[p]) else { continue }
                    appendVerbatim(bytes, run..<p, literal: id)
                    appendMapped(e, source: p..<p + 1, literal: id)
                    run = p + 1
                }
                appendVerbatim(bytes, run..<r.upperBound, literal: id)
            case .escaped(let v, let r):
                appendMapped(v.flatMap { encoded($0) ?? [$0] }, source: r, literal: id)
            case .hole(let r):
                appendHole(source: r)
            }
        }
    }
}

/// A literal's text written as an attribute value finds the bytes to encode
/// sixteen at a time, and writes what the byte-by-byte loop wrote.
struct CodeTextValueTests {
    @Test func valuesAreWrittenAsByteByByte() {
        var random = SplitMix(seed: 0xA1_7E_5A)
        let alphabet: [UInt8] = Array("ab\"&<{}>='xyz-_ ".utf8) + [0xC3, 0xA9, 0xFF]
        for _ in 0..<3000 {
            let bytes = (0..<(1 + random.below(80))).map { _ in alphabet[random.below(alphabet.count)] }
            var literal = HostLiteral(range: 0..<bytes.count, style: .jsSingle)
            var at = 0
            while at < bytes.count {
                let length = min(bytes.count - at, 1 + random.below(40))
                switch random.below(4) {
                case 0: literal.add(.escaped(EscapeBytes([alphabet[random.below(alphabet.count)]]), at..<at + length))
                case 1: literal.add(.hole(at..<at + length))
                default: literal.add(.verbatim(at..<at + length))
                }
                at += length
            }
            bytes.withUnsafeBufferPointer { buffer in
                // Ranges ending before the buffer does: the search reads on, and must stop at the range.
                var fast = CodeText(), plain = CodeText()
                fast.appendValue(literal, in: buffer)
                plain.appendValuePlain(literal, in: buffer)
                #expect(fast.bytes == plain.bytes, "\(bytes)")
                #expect(fast.map.segments.map { "\($0)" } == plain.map.segments.map { "\($0)" }, "\(bytes)")
            }
        }
    }
}
