/// A tag the button script will treat as a button, or that was meant to be one.
public struct Button: Sendable {
    public enum Marker: Sendable, Equatable {
        /// `class="amocrm_oauth"` (or JSX `className`): what the script selects.
        case brandClass
        /// `id="amocrm_oauth"`: the old official example's bug.
        case legacyID
        /// A button `<script src>` with `data-*` attributes but no class.
        case scriptOnly
    }

    // Declared so that the small fields pack together: a page may hold hundreds of thousands.
    public private(set) var range: Range<Int>
    public private(set) var nameRange: Range<Int>
    public let tagName: String
    /// The text of the button's layer, shared with every attribute read from it.
    private var text: SharedBytes
    private let records: AttributeRecords
    private let markerIndex: Int32
    /// Bit k: `AttributeTable.requiredMetadata[k]` is missing or empty.
    private let missingMask: UInt32
    /// Its own `src`, when it is a button script address.
    public let address: ScriptAddress?
    public let brand: Brand
    public let marker: Marker
    /// Written as JSX (className, a `{…}` value, or a .jsx/.tsx file).
    public let isJSX: Bool
    /// Markup of the file, markup inside a string of code, or an element built in code.
    public private(set) var origin: Origin
    /// Which kind of button the script sees, worked out once from the attributes.
    public let variant: Variant
    /// Some metadata attribute is present (not empty).
    public let hasMetadata: Bool

    /// The attributes in the order written, each decoded when it is read.
    public var attributes: Attributes { Attributes(text: text, base: range.lowerBound, records: records) }
    /// The attribute that made it a button (class, className or id).
    public var markerAttribute: Attribute? { markerIndex < 0 ? nil : attributes[Int(markerIndex)] }
    /// The required metadata attributes that are missing or empty.
    public var missingMetadata: [String] {
        AttributeTable.requiredMetadata.indices.filter { missingMask & 1 << $0 != 0 }.map { AttributeTable.requiredMetadata[$0] }
    }

    public struct Attributes: RandomAccessCollection, Sendable {
        let text: SharedBytes
        let base: Int
        let records: AttributeRecords
        public var startIndex: Int { 0 }
        public var endIndex: Int { records.count }
        public subscript(i: Int) -> Attribute { Attribute(record: records[i], text: text, base: base) }

        /// `self[i].withName(body)` without making the attribute (no reference count per call).
        func withName<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let r = records[i]
            return text.withUnsafeBufferPointer { bytes in
                Attribute.withNormalizedName(UnsafeBufferPointer(rebasing: bytes[base + Int(r.nameStart)..<base + Int(r.nameEnd)])) { name, _ in body(name) }
            }
        }

        /// The `KnownName` fact of the attribute at `i` (see `AttributeRecord.fact`).
        @inline(__always) func fact(_ i: Int) -> UInt8 { records.fact(i) }

        /// `self[i].range` and `self[i].nameRange`.
        func range(_ i: Int) -> Range<Int> { let r = records.located(i); return base + Int(r.start)..<base + Int(r.end) }
        func nameRange(_ i: Int) -> Range<Int> { let r = records.located(i); return base + Int(r.nameStart)..<base + Int(r.nameEnd) }

        /// Whether two ranges of the text hold the same bytes.
        func sameText(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && text.withUnsafeBufferPointer { Attribute.sameBytes(UnsafeBufferPointer(rebasing: $0[a]), UnsafeBufferPointer(rebasing: $0[b])) }
        }

        /// `self[i].range`, `.nameRange` and `.isConditional`, the record read once (a hostile tag asks of a million).
        @inline(__always) func facts(_ i: Int) -> (range: Range<Int>, nameRange: Range<Int>, isConditional: Bool) {
            let r = records.located(i)
            return (base + Int(r.start)..<base + Int(r.end), base + Int(r.nameStart)..<base + Int(r.nameEnd), r.flags.contains(.conditional))
        }

        /// `self[i].isConditional`.
        @inline(__always) func isConditional(_ i: Int) -> Bool { records.located(i).flags.contains(.conditional) }
    }

    public enum Variant: String, Sendable {
        case existingIntegration = "existing integration", metadata = "metadata (new external integration)", none = "neither"
    }

    /// Every attribute's `KnownName` fact, in order (`Attributes.fact` of each).
    var attributeFacts: [UInt8] { records.facts }

    /// The attribute records, to be shared by the next button read alike (`init(…, sharing:)`).
    var sharedRecords: AttributeRecords { records }

    /// The attribute records as the scanner wrote them (offsets from `range.lowerBound`) from `text`;
    /// `markerIndex` is the one that made it a button.
    /// `sharing`: the records of the button before, kept instead of a new list when equal (a page
    /// repeating one tag allocated, and freed, a list a button).
    init(range: Range<Int>, nameRange: Range<Int>, tagName: String, brand: Brand, marker: Marker, records raws: [AttributeRecord],
         in text: SharedBytes, markerIndex: Int?, address: ScriptAddress?, isJSX: Bool, origin: Origin, sharing previous: AttributeRecords? = nil)
    {
        self.range = range
        self.nameRange = nameRange
        self.tagName = tagName
        self.brand = brand
        self.marker = marker
        self.text = raws.isEmpty ? [] : text
        let base = range.lowerBound
        // The script reads the first attribute of each name; an empty one counts as absent.
        // Every name the variant asks about is a known one, so names are numbered by their
        // bytes once, here (no dictionary of names per tag, no `String` per name): bit k of
        // `seen` / `filled`, known name k. The number is kept in the record for the checks.
        var seen: UInt64 = 0, filled: UInt64 = 0
        // A tag under 64 KiB (all but hostile ones) has every offset in 16 bits: its short
        // records are made directly, without a first array of long ones.
        let isShort = range.count <= Int(UInt16.max)
        // A long tag keeps the scanner's records, and their facts beside them (a hostile tag holds a million).
        var longFacts = isShort ? [] : [UInt8](repeating: 0, count: raws.count)
        var shortRecords: [AttributeRecords.ShortRecord] = []
        // The button before's short list, kept while each record equals its own (no list is made).
        var kept: [AttributeRecords.ShortRecord]?
        if isShort, case .short(let list)? = previous, list.count == raws.count { kept = list }
        if kept == nil, isShort { shortRecords.reserveCapacity(raws.count) }
        // The name facts of the attribute before: the same bytes as written have the same ones,
        // so a run of one name (a hostile tag repeats `data-x` a million times) is lower-cased once.
        var previous: (name: Range<Int>, known: Int?, isData: Bool, bound: Bool)?
        // In a long tag, the name before as written and its fact there: a repeat is only written
        // down (its known name, if any, was seen already).
        var before = (start: 0, count: -1, fact: UInt8(0))
        text.withUnsafeBufferPointer { bytes in raws.withUnsafeBufferPointer { raws in longFacts.withUnsafeMutableBufferPointer { longFacts in
            for j in 0..<raws.count {
                var record = raws[j]
                if !isShort {
                    let start = base &+ Int(record.nameStart), count = Int(record.nameEnd &- record.nameStart)
                    if count == before.count, NameBytes.same(in: bytes, before.start, start, count: count) {
                        longFacts[j] = before.fact | KnownName.repeatFlag
                        continue
                    }
                }
                let name = base &+ Int(record.nameStart)..<base &+ Int(record.nameEnd)
                let known: Int?, isData: Bool, bound: Bool
                let repeats: Bool
                if let p = previous, p.name.count == name.count, NameBytes.same(in: bytes, p.name.lowerBound, name.lowerBound, count: name.count) {
                    (known, isData, bound) = (p.known, p.isData, p.bound)
                    repeats = true
                } else {
                    repeats = false
                    bound = Attribute.isBound(name, in: bytes)
                    (known, isData) = Attribute.withNormalizedName(UnsafeBufferPointer(rebasing: bytes[name])) { name, _ in
                        (KnownName.number(of: name), KnownName.hasDataPrefix(name))
                    }
                    previous = (name, known, isData, bound)
                }
                if bound { record.setBound() }
                record.fact = KnownName.fact(known, isData: isData) | (repeats ? KnownName.repeatFlag : 0)
                if isShort {
                    let short = AttributeRecords.ShortRecord(record)
                    if let list = kept {
                        if list[j] != short {
                            // The first difference: a list of its own, from the equal records so far.
                            shortRecords.reserveCapacity(raws.count)
                            shortRecords += list[0..<j]
                            shortRecords.append(short)
                            kept = nil
                        }
                    } else {
                        shortRecords.append(short)
                    }
                } else {
                    longFacts[j] = bound ? record.fact | AttributeRecords.boundFlag : record.fact
                    before = (name.lowerBound, name.count, longFacts[j] & ~KnownName.repeatFlag)
                }
                guard let k = known, seen & 1 << k == 0 else { continue }
                seen |= 1 << k
                if Attribute.startsFilled(record, in: bytes, base: base) || !Attribute(record: record, text: text, base: base).isBlank { filled |= 1 << k }
            }
        } } }
        self.records = isShort ? .short(kept ?? shortRecords) : AttributeRecords(long: raws, facts: longFacts)
        self.markerIndex = markerIndex.map(Int32.init) ?? -1
        self.address = address
        self.isJSX = isJSX
        self.origin = origin
        // Masks, not lists: this runs for every button of a page.
        let (required, metadata) = (Button.requiredNumbers, Button.metadataMask)
        var missing: UInt32 = 0
        for k in 0..<required.count where filled & 1 << required[k] == 0 { missing |= 1 << k }
        missingMask = missing
        hasMetadata = filled & metadata != 0
        variant = filled & 1 << KnownName.clientID != 0 ? .existingIntegration : hasMetadata ? .metadata : .none
    }

    /// The known numbers of the names the variant depends on.
    private static let requiredNumbers = AttributeTable.requiredMetadata.map { KnownName.constant($0)! }
    private static let metadataMask = AttributeTable.metadata.reduce(UInt64(0)) { $0 | 1 << KnownName.constant($1)! }

    /// The same button `delta` bytes later in `text` (its attributes are kept
    /// relative to its start); `[]` lets go of the text it was read from.
    func moved(by delta: Int, in text: SharedBytes) -> Button {
        var b = self
        b.range = range.lowerBound + delta..<range.upperBound + delta
        b.nameRange = nameRange.lowerBound + delta..<nameRange.upperBound + delta
        b.text = text
        return b
    }

    /// The same tag written again `delta` bytes later in the same text, reached as `origin`.
    func repeated(by delta: Int, origin: Origin) -> Button {
        var b = moved(by: delta, in: text)
        b.origin = origin
        return b
    }

    public var isScript: Bool { tagName == "script" }
    /// Carries some `data-*` attribute: a tag marked only by the legacy id or a
    /// button `src` and carrying none gets only its structure diagnostic (spec §7).
    public var hasDataAttributes: Bool { attributes.contains { $0.name.hasPrefix("data-") } }

    /// The first attribute of that (lower-case) name: HTML keeps the first of repeats.
    public func first(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
}

/// A `<script>` whose src is a button script address.
public struct Loader: Sendable {
    public private(set) var range: Range<Int>
    public private(set) var nameRange: Range<Int>
    /// The text of its layer, and its `src` in it (a page may hold hundreds of thousands).
    private var text: SharedBytes
    private let srcRecord: AttributeRecord
    public let address: ScriptAddress
    /// The brand of its own class or legacy id, if it has one.
    public let ownBrand: Brand?
    public private(set) var origin: Origin

    public var src: Attribute { Attribute(record: srcRecord, text: text, base: range.lowerBound) }

    init(range: Range<Int>, nameRange: Range<Int>, src: Attribute, address: ScriptAddress, ownBrand: Brand?, origin: Origin) {
        self.range = range
        self.nameRange = nameRange
        text = src.text
        srcRecord = AttributeRecord(src.raw, base: range.lowerBound, bound: src.record.isBound)
        self.address = address
        self.ownBrand = ownBrand
        self.origin = origin
    }

    /// The same tag written again `delta` bytes later in the same text, as `Button.repeated(by:origin:)`.
    func repeated(by delta: Int, origin: Origin) -> Loader {
        var l = moved(by: delta, in: text)
        l.origin = origin
        return l
    }

    /// The same loader `delta` bytes later in `text`, as `Button.moved(by:in:)`.
    func moved(by delta: Int, in text: SharedBytes) -> Loader {
        var l = self
        l.range = range.lowerBound + delta..<range.upperBound + delta
        l.nameRange = nameRange.lowerBound + delta..<nameRange.upperBound + delta
        l.text = text
        return l
    }
}

/// Where a tag comes from, which decides whether its script can run at all.
public enum Origin: Sendable, Equatable {
    /// How markup in a string reaches the page.
    public enum Sink: Sendable, Equatable {
        /// `innerHTML`, `outerHTML`, `insertAdjacentHTML`, `dangerouslySetInnerHTML`, `v-html`:
        /// browsers never run scripts inserted this way.
        case innerHTML
    }

    /// Written as markup in the file (HTML, a template, JSX).
    case markup
    /// Markup inside a string of PHP or JavaScript code; `late` when the code
    /// runs in a lifecycle hook or load handler.
    case string(sink: Sink?, late: Bool)
    /// An element built with `document.createElement`; `late` as above, or in component code.
    case built(late: Bool)

    /// Its scripts never run.
    public var isInert: Bool { if case .string(.some, _) = self { return true } else { return false } }
    /// It is inserted after the page's load event may have fired.
    public var isLate: Bool {
        switch self {
        case .markup: return false
        case .string(let sink, let late): return sink == nil && late
        case .built(let late): return late
        }
    }
}

extension Button {
    /// Folds into `h` how the scanner parsed the tag: a findings cache keys on this
    /// besides the tag's bytes, since some of it (a template conditional around the
    /// tag) comes from outside them.
    func foldParse(into h: inout UInt64) {
        var x = UInt64(records.count) << 32 | UInt64(UInt32(bitPattern: markerIndex))
        x ^= UInt64(isJSX ? 1 : 0) << 63
        switch origin {
        case .markup: x ^= 1 << 60
        case .string(let sink, let late): x ^= (sink == nil ? 2 : 3) << 60 | (late ? 1 << 59 : 0)
        case .built(let late): x ^= 4 << 60 | (late ? 1 << 59 : 0)
        }
        h = ButtonFindingsCache.mix(h ^ x)
        for i in 0..<records.count {
            let r = records[i]
            h = ButtonFindingsCache.mix(h ^ (UInt64(r.start) << 32 | UInt64(r.end)) ^ (UInt64(r.flags.rawValue) << 24 | UInt64(r.bits) << 16 | UInt64(r.quote)))
        }
    }

    /// Parsed alike, wherever it stands: the same attribute records, marker, origin and
    /// address, so checks that read only the tag find the same things.
    func sameParse(as other: Button) -> Bool {
        guard records.count == other.records.count, markerIndex == other.markerIndex, origin == other.origin, isJSX == other.isJSX,
              brand == other.brand, marker == other.marker, tagName == other.tagName, address == other.address,
              missingMask == other.missingMask, variant == other.variant, hasMetadata == other.hasMetadata,
              range.count == other.range.count, nameRange.lowerBound - range.lowerBound == other.nameRange.lowerBound - other.range.lowerBound,
              nameRange.count == other.nameRange.count
        else { return false }
        for i in 0..<records.count {
            let a = records[i], b = other.records[i]
            guard a.start == b.start, a.end == b.end, a.nameStart == b.nameStart, a.nameEnd == b.nameEnd, a.valueStart == b.valueStart,
                  a.valueEnd == b.valueEnd, a.quote == b.quote, a.flags == b.flags, a.bits == b.bits
            else { return false }
        }
        return true
    }
}
