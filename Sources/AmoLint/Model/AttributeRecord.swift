/// Where an attribute lies, in 32-bit offsets from its tag's start, and how it
/// was written: 28 bytes where the decoded attribute took several hundred.
struct AttributeRecord: Sendable {
    var start: UInt32, end: UInt32
    var nameStart: UInt32, nameEnd: UInt32
    var valueStart: UInt32, valueEnd: UInt32
    var quote: UInt8
    var flags: RawAttribute.Flags
    fileprivate(set) var bits: UInt8
    /// For a button's attribute: its `KnownName` number plus one in the low five bits (0: none)
    /// and `0x20` when its name starts with `data-` (`ButtonContext`'s facts), worked out once
    /// by the collector. In the padding: the record is no larger.
    var fact: UInt8 = 0

    var hasValue: Bool { bits & 1 != 0 }
    /// Bound by a framework (`:x`, `v-bind:x`, `@class`): its value is decided at run time.
    var isBound: Bool { bits & 2 != 0 }
    /// Its name was given, not read from a text.
    var isNamed: Bool {
        get { bits & 4 != 0 }
        set { bits = newValue ? bits | 4 : bits & ~4 }
    }

    fileprivate init(start: UInt32, end: UInt32, nameStart: UInt32, nameEnd: UInt32, valueStart: UInt32, valueEnd: UInt32,
                     quote: UInt8, flags: RawAttribute.Flags, bits: UInt8, fact: UInt8)
    {
        (self.start, self.end, self.nameStart, self.nameEnd, self.valueStart, self.valueEnd) = (start, end, nameStart, nameEnd, valueStart, valueEnd)
        (self.quote, self.flags, self.bits, self.fact) = (quote, flags, bits, fact)
    }

    /// A record as the scanner writes it: offsets from the tag's start `base`, a name, the value's
    /// text if any and where the attribute ends. Not yet bound or numbered (the button does that).
    @inline(__always)
    init(base: Int, name: Range<Int>, value: Range<Int>?, quote: UInt8, end: Int, flags: RawAttribute.Flags) {
        // Only a tag of 4 GiB or more (past every default cap) is clamped: wrong ranges, never a trap.
        // (Every position is at or after `base`: one comparison clamps.)
        @inline(__always) func offset(_ x: Int) -> UInt32 { UInt32(truncatingIfNeeded: Swift.min(x &- base, Int(UInt32.max))) }
        start = offset(name.lowerBound)
        self.end = offset(end)
        nameStart = start
        nameEnd = offset(name.upperBound)
        if let value {
            (valueStart, valueEnd, bits) = (offset(value.lowerBound), offset(value.upperBound), 1)
        } else {
            (valueStart, valueEnd, bits) = (0, 0, 0)
        }
        self.quote = quote
        self.flags = flags
    }

    /// The attribute as the scanner reports it, its offsets counted from `base`.
    func raw(base: Int) -> RawAttribute {
        RawAttribute(nameRange: base + Int(nameStart)..<base + Int(nameEnd),
                     valueRange: hasValue ? base + Int(valueStart)..<base + Int(valueEnd) : nil,
                     quote: quote, range: base + Int(start)..<base + Int(end), flags: flags)
    }

    /// Marks it bound by a framework (`isBound`).
    mutating func setBound() { bits |= 2 }

    init(_ raw: RawAttribute, base: Int, bound: Bool) {
        // Only a tag of 4 GiB or more (past every default cap) is clamped: wrong ranges, never a trap.
        func offset(_ x: Int) -> UInt32 { UInt32(clamping: x - base) }
        start = offset(raw.range.lowerBound)
        end = offset(raw.range.upperBound)
        nameStart = offset(raw.nameRange.lowerBound)
        nameEnd = offset(raw.nameRange.upperBound)
        valueStart = raw.valueRange.map { offset($0.lowerBound) } ?? 0
        valueEnd = raw.valueRange.map { offset($0.upperBound) } ?? 0
        quote = raw.quote
        flags = raw.flags
        bits = (raw.valueRange != nil ? 1 : 0) | (bound ? 2 : 0)
    }
}

/// A tag's attribute records, in 16 bits when the tag is shorter than 64 KiB (all
/// but hostile ones): half the size again for the buttons a page may hold by the
/// hundred thousand.
enum AttributeRecords: Sendable {
    case short([ShortRecord])
    /// The records as the scanner wrote them, shared, not copied (a hostile tag holds a
    /// million), and beside them each one's `fact`, with `boundFlag` for a bound one.
    case long(Long)

    /// One reference for the two lists: a button (copied often) copies one, as for a short list.
    final class Long: Sendable {
        let records: [AttributeRecord]
        let facts: [UInt8]
        init(_ records: [AttributeRecord], facts: [UInt8]) { (self.records, self.facts) = (records, facts) }
    }

    /// In a long list's facts: the record is bound (`AttributeRecord.isBound`).
    static let boundFlag: UInt8 = 0x80

    struct ShortRecord: Sendable, Equatable {
        let start: UInt16, end: UInt16, nameStart: UInt16, nameEnd: UInt16, valueStart: UInt16, valueEnd: UInt16
        let quote: UInt8, flags: RawAttribute.Flags, bits: UInt8, fact: UInt8

        /// A record whose offsets are below 64 KiB.
        init(_ r: AttributeRecord) {
            (start, end, nameStart, nameEnd) = (UInt16(r.start), UInt16(r.end), UInt16(r.nameStart), UInt16(r.nameEnd))
            (valueStart, valueEnd, quote, flags, bits, fact) = (UInt16(r.valueStart), UInt16(r.valueEnd), r.quote, r.flags, r.bits, r.fact)
        }
    }

    /// The scanner's records of a tag and their facts (`boundFlag` included), short when every offset fits.
    init(long records: [AttributeRecord], facts: [UInt8]) {
        // The last record ends last: past 16 bits, no other pass is needed.
        if let last = records.last, last.end > UInt16.max {
            self = .long(Long(records, facts: facts))
            return
        }
        // One pass for the largest offset and one copy: a page may hold hundreds of thousands of buttons.
        var last: UInt32 = 0
        for r in records { last = max(last, r.end, r.nameEnd, r.valueEnd) }
        guard last <= UInt16.max else {
            self = .long(Long(records, facts: facts))
            return
        }
        self = .short(records.indices.map { ShortRecord(AttributeRecords.completed(records[$0], facts[$0])) })
    }

    /// A scanner's record with its fact and bound bit.
    @inline(__always)
    private static func completed(_ record: AttributeRecord, _ fact: UInt8) -> AttributeRecord {
        var r = record
        if fact & boundFlag != 0 { r.setBound() }
        r.fact = fact & ~boundFlag
        return r
    }

    /// Each record's `fact`, in order (for a long list, `boundFlag` too, which readers of
    /// facts mask off): one pass over the list, not a record made per subscript.
    var facts: [UInt8] {
        switch self {
        case .short(let records): return records.map(\.fact)
        case .long(let long): return long.facts
        }
    }

    var count: Int {
        switch self {
        case .short(let records): return records.count
        case .long(let long): return long.records.count
        }
    }

    /// `self[i].fact`, without making the record.
    @inline(__always)
    func fact(_ i: Int) -> UInt8 {
        switch self {
        case .short(let records): return records[i].fact
        case .long(let long): return long.facts[i] & ~AttributeRecords.boundFlag
        }
    }

    /// `self[i]` for where it lies, its quote and flags only: a long list's record as the
    /// scanner wrote it, without its fact and bound bit (a hostile tag is asked a million times).
    @inline(__always)
    func located(_ i: Int) -> AttributeRecord {
        switch self {
        case .short: return self[i]
        case .long(let long): return long.records[i]
        }
    }

    @inline(__always)
    subscript(i: Int) -> AttributeRecord {
        switch self {
        case .short(let records):
            let r = records[i]
            return AttributeRecord(start: UInt32(r.start), end: UInt32(r.end), nameStart: UInt32(r.nameStart), nameEnd: UInt32(r.nameEnd),
                                   valueStart: UInt32(r.valueStart), valueEnd: UInt32(r.valueEnd), quote: r.quote, flags: r.flags, bits: r.bits, fact: r.fact)
        case .long(let long): return AttributeRecords.completed(long.records[i], long.facts[i])
        }
    }
}
