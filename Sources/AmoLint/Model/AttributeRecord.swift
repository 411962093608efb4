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
    case long([AttributeRecord])

    struct ShortRecord: Sendable, Equatable {
        let start: UInt16, end: UInt16, nameStart: UInt16, nameEnd: UInt16, valueStart: UInt16, valueEnd: UInt16
        let quote: UInt8, flags: RawAttribute.Flags, bits: UInt8, fact: UInt8

        /// A record whose offsets are below 64 KiB.
        init(_ r: AttributeRecord) {
            (start, end, nameStart, nameEnd) = (UInt16(r.start), UInt16(r.end), UInt16(r.nameStart), UInt16(r.nameEnd))
            (valueStart, valueEnd, quote, flags, bits, fact) = (UInt16(r.valueStart), UInt16(r.valueEnd), r.quote, r.flags, r.bits, r.fact)
        }
    }

    init(_ records: [AttributeRecord]) {
        // One pass for the largest offset and one copy: a page may hold hundreds of thousands of buttons.
        var last: UInt32 = 0
        for r in records { last = max(last, r.end, r.nameEnd, r.valueEnd) }
        guard last <= UInt16.max else {
            self = .long(records)
            return
        }
        self = .short(records.map(ShortRecord.init))
    }

    /// Each record's `fact`, in order: one pass over the list, not a record made per subscript.
    var facts: [UInt8] {
        switch self {
        case .short(let records): return records.map(\.fact)
        case .long(let records): return records.map(\.fact)
        }
    }

    var count: Int {
        switch self {
        case .short(let records): return records.count
        case .long(let records): return records.count
        }
    }

    subscript(i: Int) -> AttributeRecord {
        switch self {
        case .short(let records):
            let r = records[i]
            return AttributeRecord(start: UInt32(r.start), end: UInt32(r.end), nameStart: UInt32(r.nameStart), nameEnd: UInt32(r.nameEnd),
                                   valueStart: UInt32(r.valueStart), valueEnd: UInt32(r.valueEnd), quote: r.quote, flags: r.flags, bits: r.bits, fact: r.fact)
        case .long(let records): return records[i]
        }
    }
}
