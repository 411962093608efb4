import XCTest
@testable import AmoLintIO

/// The one-pass UTF-16 decoder gives what the standard library's transcoding gives,
/// repairs included, and calls a file lossless exactly when the round trip is: on
/// generated text of ASCII runs (the four-unit path at every offset), other scalars,
/// surrogate pairs, unpaired surrogates and odd lengths, in both byte orders.
final class UTF16DecodingTests: XCTestCase {
    private struct Random {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    func testDecodesAsTheStandardLibraryDoes() {
        var random = Random(state: 16)
        let pieces: [[UInt16]] = [[0x61], [0x41, 0x42, 0x43, 0x44, 0x45], [0x7F], [0x80], [0x44F], [0x7FF], [0x800], [0xFFFD], [0xFFFF],
                                  [0xD83D, 0xDE80], [0xD800], [0xDFFF], [0xDBFF, 0x61], [0xDC00, 0xD800], [0x3C, 0x64, 0x69, 0x76, 0x20]]
        for _ in 0..<3_000 {
            var units: [UInt16] = []
            for _ in 0..<random.below(16) { units += pieces[random.below(pieces.count)] }
            for littleEndian in [true, false] {
                var raw: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
                for u in units { raw += littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
                for odd in [false, true] {
                    let input = odd ? raw + [0x41] : raw
                    let plain = DecodedText.decodeUTF16Plain(input, littleEndian: littleEndian)
                    guard case .decoded(let decoded) = DecodedText.decode(input) else { return XCTFail("not decoded: \(input)") }
                    XCTAssertEqual(decoded.bytes, plain.utf8, "\(input)")
                    XCTAssertEqual(decoded.isLossless, plain.lossless, "\(input)")
                    XCTAssertEqual(decoded.encoding, littleEndian ? .utf16LE : .utf16BE)
                }
            }
        }
    }
}
