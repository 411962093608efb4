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

    /// A large array's room is rounded up so that its allocation is whole huge pages (Linux
    /// then maps it on a huge-page boundary), by less than one huge page; a small one's is not.
    @Test func largeCapacitiesFillWholeHugePages() {
        for stride in [1, 4, 16, 24, 32] {
            for count in [0, 1, 1000, (4 << 20) / stride - 1, (4 << 20) / stride, 3_000_001, 10_000_001 / stride] {
                let capacity = LargeArrays.hugeCapacity(count, stride: stride)
                #expect(capacity >= count)
                if count * stride < 4 << 20 {
                    #expect(capacity == count)
                } else {
                    #expect((capacity * stride - count * stride) < LargeArrays.huge)
                    #expect((capacity * stride + LargeArrays.headers + stride - 1) / LargeArrays.huge
                            == (count * stride + LargeArrays.headers + LargeArrays.huge - 1) / LargeArrays.huge)
                }
            }
        }
    }
}
