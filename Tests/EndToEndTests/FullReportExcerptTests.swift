import XCTest
@testable import amolint

/// `--format full` shows a finding's line from a stretch around it (`FullReporter.clip`): on
/// long lines of every kind of character the excerpt is the one the whole line gives, and a
/// line with thousands of findings is no longer decoded once per finding.
final class FullReportExcerptTests: XCTestCase {
    func testAStretchGivesTheWholeLinesExcerpt() {
        var seeded = Seeded(state: 0xF011)
        let pieces = ["a", "class=\"amocrm_oauth\" ", "Привет ", "🚀", "日本", "\t", "\u{1B}", "\u{0}", "é", "  ", "\u{200F}"]
        for _ in 0..<200 {
            var text = ""
            let target = 600 + Int(seeded.next() % 6_000)
            while text.utf8.count < target { text += pieces[Int(seeded.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            // A focus at a character start, a few bytes long.
            var lower = Int(seeded.next() % UInt64(bytes.count))
            while lower > 0, bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
            var upper = min(bytes.count, lower + 1 + Int(seeded.next() % 12))
            while upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper += 1 }
            let whole = FullReporter.excerpt(bytes, 0..<bytes.count, focus: lower..<upper)
            let cut = FullReporter.clip(bytes, 0..<bytes.count, around: lower..<upper)
            let part = FullReporter.excerpt(bytes, cut.range, focus: lower..<upper, cutBefore: cut.before, cutAfter: cut.after)
            XCTAssertEqual(part.text, whole.text, "focus \(lower)..<\(upper) of \(bytes.count) bytes")
            XCTAssertEqual(part.underline, whole.underline)
        }
    }
}

extension FullReportExcerptTests {
    /// The one case where the stretch shows less than the whole line: more zero-width characters
    /// in a row than the margin holds. What is cut is marked, as a window is.
    func testACutRunOfZeroWidthCharactersIsMarked() {
        let bytes = Array(("<" + String(repeating: "\u{200B}", count: 2_000) + "x" + String(repeating: "\u{200B}", count: 2_000) + ">").utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "x"))!
        let cut = FullReporter.clip(bytes, 0..<bytes.count, around: x..<x + 1)
        XCTAssertTrue(cut.before && cut.after)
        let part = FullReporter.excerpt(bytes, cut.range, focus: x..<x + 1, cutBefore: cut.before, cutAfter: cut.after)
        XCTAssertTrue(part.text.hasPrefix("…") && part.text.hasSuffix("…"), part.text)
        XCTAssertEqual(part.underline.count, 1)
    }
}

/// SplitMix64, seeded: the same lines on every run.
private struct Seeded {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
