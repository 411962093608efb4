import XCTest
@testable import amolint

/// The report's numbers are written digit by digit into the buffer: each is `String(n)`'s
/// bytes, at every length (and past the first growth of a small buffer), negative ones too.
final class ReportBytesTests: XCTestCase {
    func testDecimalsAreStringDecimals() {
        var values: [Int] = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, 65_535, 65_536, 999_999, 1_000_000, Int.max, Int.max - 1, -1, -10, Int.min]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        var state: UInt64 = 0x5EED
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(truncatingIfNeeded: state >> UInt64(state % 63)))
        }
        var out = ReportBytes(capacity: 8)
        var expected: [UInt8] = []
        for v in values {
            out.appendDecimal(v)
            out.append(UInt8(ascii: ","))
            expected += Array(String(v).utf8) + [UInt8(ascii: ",")]
        }
        let text = out.string()
        XCTAssertEqual(Array(text.utf8), expected)
    }
}
