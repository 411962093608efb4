import Testing
@testable import AmoLint

/// The needle prefilter decides that a file is not read at all, so the pair
/// search must answer exactly what the plain byte-by-byte search answers: on
/// text made of needle pieces and near misses, at every offset of a block.
struct NeedlesTests {
    static let pieces = ["_oauth", "_oaut", "auth/button", "uth/button", "auth/butto", "amolint-", "molint-", "amolint", "_o", "h/", "t-",
                         "x", "ж", "🚀", " ", "\n", "AUTH/BUTTON", "_OAUTH", "amocrm_oauth", "/auth/button.min.js", "<!-- amolint-disable -->"]

    @Test("the pair search answers what the plain search answers")
    func pairSearchEqualsPlain() {
        var state: UInt64 = 3
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var agreedTrue = 0, agreedFalse = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = Array(repeating: UInt8(ascii: "a"), count: next() % 40)
            for _ in 0..<(next() % 4) {
                let piece = Array(Self.pieces[next() % Self.pieces.count].utf8)
                bytes.insert(contentsOf: piece, at: next() % (bytes.count + 1))
            }
            // Cut pieces at block edges too.
            if !bytes.isEmpty, next() % 3 == 0 { bytes.removeLast(next() % min(bytes.count, 6)) }
            let (fast, plain) = bytes.withUnsafeBufferPointer { (Needles.mayHoldButton($0), Needles.mayHoldButtonPlain($0)) }
            #expect(fast == plain, "\(String(decoding: bytes, as: UTF8.self))")
            if fast { agreedTrue += 1 } else { agreedFalse += 1 }
        }
        #expect(agreedTrue > 1_000 && agreedFalse > 1_000)
    }
}
