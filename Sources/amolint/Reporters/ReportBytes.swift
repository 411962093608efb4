import JSONValue

/// A report's bytes, written through a pointer. With `[UInt8]` every append checked
/// uniqueness and capacity, and `+= "literal".utf8` went through the generic
/// `String.UTF8View` path: the JSON report spent ~15,000 instructions on a finding of
/// ~570 bytes, a fixed cost of every findings-heavy run (10,000 findings a file).
struct ReportBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if capacity - count < n { grow(n) }
    }

    private mutating func grow(_ n: Int) {
        let larger = max(capacity * 2, count + n)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let from = bytes.baseAddress { (base + count).update(from: from, count: bytes.count) }
        count += bytes.count
    }

    /// A literal of the report (always more than one byte, so held as a pointer, not a scalar).
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        guard literal.hasPointerRepresentation else { return literal.withUTF8Buffer { append($0) } }
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// `s` as a JSON string: `JSON`'s own escaping, so nothing is written differently from the tree writer.
    mutating func appendJSONString(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            reserve(JSON.quotedCapacity(bytes.count))
            count += JSON.writeQuoted(bytes, at: base + count)
        }
    }

    /// Decimal digits without a `String` (negative numbers, never a line or a column, go the plain way).
    mutating func appendDecimal(_ value: Int) {
        guard value >= 0 else {
            var text = String(value)
            text.withUTF8 { append($0) }
            return
        }
        // Backwards into the room of the longest number, then moved down: one division a digit.
        reserve(20)
        let end = base + count + 20
        var p = end
        var v = value
        repeat {
            p -= 1
            p.pointee = 0x30 + UInt8(v % 10)
            v /= 10
        } while v > 0
        let digits = end - p
        UnsafeMutableRawPointer(base + count).copyMemory(from: p, byteCount: digits)  // may overlap: memmove
        count += digits
    }

    /// The bytes as a `String` (the report is UTF-8: every piece came from a `String`).
    consuming func string() -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            if let to = buffer.baseAddress { to.update(from: base, count: count) }
            return count
        }
    }
}
