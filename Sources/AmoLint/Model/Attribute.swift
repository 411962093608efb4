/// An attribute of a button tag. It holds where the attribute lies and the layer's
/// text (shared, never copied); the value is decoded when asked for. A page of
/// nothing but buttons holds hundreds of thousands of them, and decoded strings
/// for each cost twelve times the page (issue 15, defect 11).
public struct Attribute: Sendable {
    /// The text of the layer the attribute was read from.
    let text: [UInt8]
    /// The source offset `record` counts from.
    let base: Int
    let record: AttributeRecord
    /// Lower-cased, with a framework binding prefix removed (`data-logo`, `data-clientid`).
    public let name: String

    public var range: Range<Int> { base + Int(record.start)..<base + Int(record.end) }
    public var nameRange: Range<Int> { base + Int(record.nameStart)..<base + Int(record.nameEnd) }
    public var raw: RawAttribute {
        RawAttribute(nameRange: nameRange, valueRange: rawValueRange, quote: record.quote, range: range, flags: record.flags)
    }

    /// The name as written (`:data-logo`, `data-clientId`).
    public var writtenName: String {
        if record.isNamed { return name }
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[nameRange]), as: UTF8.self) }
    }

    public var value: AttributeValue? {
        if let valueRange = rawValueRange {
            if record.isBound || record.flags.contains(.expression) { return AttributeValue(dynamicAt: valueRange) }
            return text.withUnsafeBufferPointer { AttributeValue(decoding: $0, range: valueRange, flags: record.flags) }
        }
        return record.isBound ? AttributeValue(dynamicAt: nameRange) : nil
    }

    public var isConditional: Bool { record.flags.contains(.conditional) }
    /// True when the value is missing, empty or white space.
    public var isBlank: Bool { value?.isBlank ?? true }
    /// The literal value, or nil when any part of it is decided at run time.
    public var literal: String? { value.flatMap { $0.isLiteral ? $0.text : nil } }
    /// The range to report for "the value": the value itself, or the name when there is none.
    public var valueRange: Range<Int> { value?.range ?? nameRange }

    private var rawValueRange: Range<Int>? {
        record.hasValue ? base + Int(record.valueStart)..<base + Int(record.valueEnd) : nil
    }

    init(_ raw: RawAttribute, in text: [UInt8]) {
        self.init(raw, in: text, base: raw.range.lowerBound)
    }

    /// `base` is where the attribute's tag starts: offsets count from it in 32 bits.
    init(_ raw: RawAttribute, in text: [UInt8], base: Int) {
        let normalized = text.withUnsafeBufferPointer { Attribute.normalizedName(UnsafeBufferPointer(rebasing: $0[raw.nameRange])) }
        self.text = text
        self.base = base
        name = normalized.name
        record = AttributeRecord(raw, base: base, bound: normalized.bound)
    }

    /// An attribute not from a document, for documentation lookups.
    init(_ raw: RawAttribute, name: String) {
        text = []
        base = 0
        self.name = name
        var record = AttributeRecord(raw, base: 0, bound: false)
        record.isNamed = true
        self.record = record
    }

    /// One of a button's attributes, whose name the button does not keep.
    init(record: AttributeRecord, text: [UInt8], base: Int) {
        self.text = text
        self.base = base
        self.record = record
        name = text.withUnsafeBufferPointer { bytes in
            let range = base + Int(record.nameStart)..<base + Int(record.nameEnd)
            return Attribute.normalizedName(UnsafeBufferPointer(rebasing: bytes[range])).name
        }
    }

    /// Lower-cased, without `:`, `v-bind:` or `x-bind:`; Blade's `@class([...])` is `class`.
    /// `bound`: the value is an expression of the framework.
    static func normalizedName(_ written: UnsafeBufferPointer<UInt8>) -> (name: String, bound: Bool) {
        // Most names are short ASCII: lower-cased in place, no String is built twice.
        if written.count <= 32, !written.contains(where: { $0 >= 0x80 }) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                var n = 0
                for b in written {
                    buffer[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    n += 1
                }
                var lowered = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<n])
                var bound = false
                for prefix in [":", "v-bind:", "x-bind:"] as [StaticString] where hasPrefix(lowered, prefix) {
                    lowered = UnsafeBufferPointer(rebasing: lowered[prefix.utf8CodeUnitCount...])
                    bound = true
                }
                if lowered.count == 6, hasPrefix(lowered, "@class") { return ("class", true) }
                return (String(decoding: lowered, as: UTF8.self), bound)
            }
        }
        var lowered = String(decoding: written, as: UTF8.self).lowercased()
        var bound = false
        for prefix in [":", "v-bind:", "x-bind:"] where lowered.hasPrefix(prefix) {
            lowered.removeFirst(prefix.count)
            bound = true
        }
        if lowered == "@class" {  // Blade's `@class([...])`
            lowered = "class"
            bound = true
        }
        return (lowered, bound)
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        for k in 0..<count where bytes[k] != prefix.utf8Start[k] { return false }
        return true
    }
}
