/// An attribute of a button tag. It holds where the attribute lies and the layer's
/// text (shared, never copied); the value is decoded when asked for. A page of
/// nothing but buttons holds hundreds of thousands of them, and decoded strings
/// for each cost twelve times the page (issue 15, defect 11).
public struct Attribute: Sendable {
    /// The text of the layer the attribute was read from.
    let text: SharedBytes
    /// The source offset `record` counts from.
    let base: Int
    let record: AttributeRecord
    /// The name of an attribute not read from a text (documentation lookups).
    private let givenName: String?

    /// Lower-cased, with a framework binding prefix removed (`data-logo`, `data-clientid`).
    /// Worked out when asked: rules number names by their bytes (`withName`), and a
    /// hostile tag's 100,000 attributes are read many times each.
    public var name: String {
        if let givenName { return givenName }
        return withName { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of `name`, without building a `String` for the usual short ASCII name.
    func withName<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if var givenName { return givenName.withUTF8(body) }
        return text.withUnsafeBufferPointer { bytes in
            Attribute.withNormalizedName(UnsafeBufferPointer(rebasing: bytes[nameRange])) { name, _ in body(name) }
        }
    }

    public var range: Range<Int> { base + Int(record.start)..<base + Int(record.end) }
    public var nameRange: Range<Int> { base + Int(record.nameStart)..<base + Int(record.nameEnd) }
    public var raw: RawAttribute {
        RawAttribute(nameRange: nameRange, valueRange: rawValueRange, quote: record.quote, range: range, flags: record.flags)
    }

    /// The name as written (`:data-logo`, `data-clientId`).
    public var writtenName: String {
        if let givenName { return givenName }
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
    public var isBlank: Bool {
        if text.withUnsafeBufferPointer({ Attribute.startsFilled(record, in: $0, base: base) }) { return false }
        if record.hasValue, !record.isBound, !record.flags.contains(.expression), record.valueEnd > record.valueStart {
            let b = text[base + Int(record.valueStart)]
            // A non-ASCII first scalar decodes to itself (U+FFFD when invalid): a 5 MB value is not decoded to learn it is not blank.
            if b >= 0x80, !Attribute.startsWithWhitespace(text, base + Int(record.valueStart)..<base + Int(record.valueEnd)) { return false }
        }
        return value?.isBlank ?? true
    }
    /// The literal value, or nil when any part of it is decided at run time.
    public var literal: String? { value.flatMap { $0.isLiteral ? $0.text : nil } }
    /// The range to report for "the value": the value itself, or the name when there is none.
    /// Read from the record, not decoded: the decoded value's range is the same.
    public var valueRange: Range<Int> { rawValueRange ?? nameRange }

    private var rawValueRange: Range<Int>? {
        record.hasValue ? base + Int(record.valueStart)..<base + Int(record.valueEnd) : nil
    }

    init(_ raw: RawAttribute, in text: SharedBytes) {
        self.init(raw, in: text, base: raw.range.lowerBound)
    }

    /// `base` is where the attribute's tag starts: offsets count from it in 32 bits.
    init(_ raw: RawAttribute, in text: SharedBytes, base: Int) {
        self.text = text
        self.base = base
        givenName = nil
        record = text.withUnsafeBufferPointer { AttributeRecord(raw, base: base, bound: Attribute.isBound(raw, in: $0)) }
    }

    /// An attribute not from a document, for documentation lookups.
    init(_ raw: RawAttribute, name: String) {
        text = []
        base = 0
        givenName = name
        var record = AttributeRecord(raw, base: 0, bound: false)
        record.isNamed = true
        self.record = record
    }

    /// One of a button's attributes, whose name the button does not keep.
    init(record: AttributeRecord, text: SharedBytes, base: Int) {
        self.text = text
        self.base = base
        self.record = record
        givenName = nil
    }

    /// Not blank by its value's first byte: one that is ASCII, not white space and not `&` starts
    /// a scalar that is not white space however it decodes (itself, `?` for NUL, a template's
    /// stand-in). Asked from the record, without making the attribute (a page of 100,000 buttons).
    static func startsFilled(_ record: AttributeRecord, in text: UnsafeBufferPointer<UInt8>, base: Int) -> Bool {
        guard record.hasValue, !record.isBound, !record.flags.contains(.expression), record.valueEnd > record.valueStart else { return false }
        let b = text[base + Int(record.valueStart)]
        return b < 0x80 && b != Byte.ampersand && !ASCII.isWhitespace(b)
    }

    /// Whether the attribute is bound by a framework (`normalizedName(...).bound`), mostly
    /// from its first byte: only `:`, `v`, `x` and `@` (or a non-ASCII byte) can start a bound name.
    static func isBound(_ raw: RawAttribute, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isBound(raw.nameRange, in: bytes)
    }

    /// `isBound` of the attribute whose name lies at `name`.
    static func isBound(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !name.isEmpty else { return false }
        switch bytes[name.lowerBound] {
        case Byte.colon, Byte.at, 0x76, 0x56, 0x78, 0x58, 0x80...: break
        default: return false
        }
        return withNormalizedName(UnsafeBufferPointer(rebasing: bytes[name])) { _, bound in bound }
    }

    /// Lower-cased, without `:`, `v-bind:` or `x-bind:`; Blade's `@class([...])` is `class`.
    /// `bound`: the value is an expression of the framework.
    static func normalizedName(_ written: UnsafeBufferPointer<UInt8>) -> (name: String, bound: Bool) {
        withNormalizedName(written) { (String(decoding: $0, as: UTF8.self), $1) }
    }

    /// `normalizedName` as bytes handed to `body`: most names are short ASCII, lower-cased
    /// in a stack buffer, so no `String` is built.
    static func withNormalizedName<R>(_ written: UnsafeBufferPointer<UInt8>, _ body: (_ name: UnsafeBufferPointer<UInt8>, _ bound: Bool) -> R) -> R {
        // Already lower-case ASCII, and no prefix can start it: the name is the bytes as written.
        if let first = written.first, first != Byte.colon, first != Byte.at, first != 0x76, first != 0x78,
           !written.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) {
            return body(written, false)
        }
        if written.count <= 32, !written.contains(where: { $0 >= 0x80 }) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                var n = 0
                for b in written {
                    buffer[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    n += 1
                }
                var lowered = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<n])
                var bound = false
                // In this order, each after the one before: `:v-bind:x` loses both.
                if hasPrefix(lowered, ":") { lowered = UnsafeBufferPointer(rebasing: lowered[1...]); bound = true }
                if hasPrefix(lowered, "v-bind:") { lowered = UnsafeBufferPointer(rebasing: lowered[7...]); bound = true }
                if hasPrefix(lowered, "x-bind:") { lowered = UnsafeBufferPointer(rebasing: lowered[7...]); bound = true }
                if lowered.count == 6, hasPrefix(lowered, "@class") { return body(UnsafeBufferPointer(rebasing: lowered[1...]), true) }
                return body(lowered, bound)
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
        return lowered.withUTF8 { body($0, bound) }
    }

    /// Whether the scalar starting `range` (its first byte non-ASCII) is white space; invalid UTF-8 is U+FFFD, which is not.
    private static func startsWithWhitespace(_ text: SharedBytes, _ range: Range<Int>) -> Bool {
        text.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[range])
            let length = UTF8Validation.sequenceLength(bytes, at: 0)
            guard length > 0 else { return false }
            var scalar = UInt32(bytes[0]) & (0xFF >> (length + 1))
            for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[k] & 0x3F) }
            return Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
        }
    }

    /// Equal bytes, in a plain loop (`elementsEqual` on buffers goes through iterators: ten times slower on names).
    static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where a[k] != b[k] { return false }
        return true
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        for k in 0..<count where bytes[k] != prefix.utf8Start[k] { return false }
        return true
    }
}
