import XCTest
@testable import amolint

/// `--format full` shows a finding's line from a stretch around it (`FullReporter.clip`): on
/// long lines of every kind of character the excerpt is the one the whole line gives, and a
/// line with thousands of findings is no longer decoded once per finding.
final class FullReportExcerptTests: XCTestCase {
    func testAStretchGivesTheWholeLinesExcerpt() {
        let pieces = ["a", "class=\"amocrm_oauth\" ", "Привет ", "🚀", "日本", "\t", "\u{1B}", "\u{0}", "é", "  ", "\u{200F}"]
        // Lines of 600 to 6,600 bytes, their pieces in a different order each; every 37th byte a focus.
        for line in 0..<40 {
            var text = "", k = 0
            while text.utf8.count < 600 + line * 150 {
                text += pieces[(k * (line % 7 + 2) + line) % pieces.count]
                k += 1
            }
            let bytes = Array(text.utf8)
            for start in stride(from: line % 37, to: bytes.count, by: 37) {
                // A focus at a character start, a few bytes long.
                var lower = start
                while lower > 0, bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
                var upper = min(bytes.count, lower + 1 + start % 12)
                while upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper += 1 }
                let whole = FullReporter.excerpt(bytes, 0..<bytes.count, focus: lower..<upper)
                let cut = FullReporter.clip(bytes, 0..<bytes.count, around: lower..<upper)
                let part = FullReporter.excerpt(bytes, cut.range, focus: lower..<upper, cutBefore: cut.before, cutAfter: cut.after)
                XCTAssertEqual(part.text, whole.text, "focus \(lower)..<\(upper) of \(bytes.count) bytes")
                XCTAssertEqual(part.underline, whole.underline)
            }
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
