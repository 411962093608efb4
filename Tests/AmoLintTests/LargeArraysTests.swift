import Testing
@testable import AmoLint

/// Reserving room (with huge-page advice past 4 MB) changes no element, and grows linearly.
struct LargeArraysTests {
    @Test func filledIsArrayRepeating() {
        for count in [0, 1, 1000, (4 << 20) / 4 + 12345] {
            let filled = LargeArrays.filled(with: Int32(-1), count: count)
            #expect(filled == Array(repeating: Int32(-1), count: count))
        }
    }

    @Test func reservingKeepsElementsAndGrowsLinearly() {
        var bytes = Array(0..<200 as Range<UInt8>)
        LargeArrays.reserve(&bytes, more: 8 << 20)
        #expect(bytes == Array(0..<200 as Range<UInt8>))
        #expect(bytes.capacity >= 200 + (8 << 20))
        #expect(bytes.capacity <= 2 * (200 + (8 << 20)) + 64)
        // Room already there is not asked for again.
        let capacity = bytes.capacity
        LargeArrays.reserve(&bytes, more: 10)
        LargeArrays.reserve(&bytes, capacity: 100)
        #expect(bytes.capacity == capacity)
        bytes.append(contentsOf: repeatElement(7, count: 8 << 20))
        #expect(bytes.count == 200 + (8 << 20) && bytes.last == 7 && bytes[199] == 199)
    }
}
