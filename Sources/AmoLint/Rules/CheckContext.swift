/// What a rule's check sees of one button, and where it reports. Precedence
/// lives here: an attribute with no effect, or an empty one, is withheld from
/// the value checks, so "one mistake gives one diagnostic" holds by construction.
/// A class: checks report through it thousands of times, and each copy of the
/// button and document a struct holds costs dozens of reference counts.
final class ButtonContext {
    /// The document, held once by the memo: a copy here retained and released every field per button.
    var document: Document { memo.document }
    let button: Button
    /// The bytes of the button's layer (the file, or markup assembled from code).
    let bytes: UnsafeBufferPointer<UInt8>
    let sink: FindingSink
    /// Facts of the whole document, worked out once for all its buttons.
    let memo: DocumentMemo

    /// Per attribute: its `KnownName` number plus one (0: none) in the low bits, and
    /// whether its name starts with `data-`. Worked out once by bytes: rules ask by
    /// name dozens of times, and a hostile tag has 100,000 attributes. Kept inline
    /// for the usual tag (an array allocation costs more than the checks).
    private let inlineFacts: SIMD32<UInt8>
    private let manyFacts: [UInt8]
    private static let dataFlag: UInt8 = 0x20, numberMask: UInt8 = 0x1F
    /// Index of the first attribute of each known name, or -1.
    private let firstOfKnown: SIMD32<Int32>
    /// Per known name: its first attribute has no effect (1) or is empty (2),
    /// and is withheld from the value checks. Only first attributes are asked about.
    private var withheld = SIMD32<UInt8>()
    /// Some attribute's name starts with `data-`.
    let hasDataAttributes: Bool

    init(button: Button, bytes: UnsafeBufferPointer<UInt8>, sink: FindingSink, memo: DocumentMemo) {
        self.button = button
        self.bytes = bytes
        self.sink = sink
        self.memo = memo
        let count = button.attributes.count
        var inline = SIMD32<UInt8>()
        // A long list is read in one pass (a hostile tag has a million attributes).
        let many = count > SIMD32<UInt8>.scalarCount ? button.attributeFacts : []
        var first = SIMD32<Int32>(repeating: -1)
        var hasData = false
        let attributes = button.attributes
        for i in 0..<count {
            // Numbered by the collector (`AttributeRecord.fact`): no name is read here.
            let fact = many.isEmpty ? attributes.fact(i) : many[i]
            if fact & Self.numberMask != 0 {
                let k = Int(fact & Self.numberMask) - 1
                if first[k] < 0 { first[k] = Int32(i) }
            }
            if fact & Self.dataFlag != 0 { hasData = true }
            if many.isEmpty { inline[i] = fact }
        }
        inlineFacts = inline
        manyFacts = many
        firstOfKnown = first
        hasDataAttributes = hasData
    }

    private func fact(_ index: Int) -> UInt8 {
        manyFacts.isEmpty ? inlineFacts[index] : manyFacts[index]
    }

    var brand: Brand { button.brand }

    /// The `KnownName` number of the attribute at `index`, or nil.
    func knownNumber(_ index: Int) -> Int? {
        let n = fact(index) & Self.numberMask
        return n == 0 ? nil : Int(n) - 1
    }

    /// Whether the name of the attribute at `index` starts with `data-`.
    func isData(_ index: Int) -> Bool { fact(index) & Self.dataFlag != 0 }

    /// The first attribute of the known name numbered `k`, whatever its state.
    func first(_ k: Int) -> (index: Int, attribute: Attribute)? {
        let i = Int(firstOfKnown[k])
        return i < 0 ? nil : (i, button.attributes[i])
    }

    /// The first attribute of the name, whatever its state.
    func first(_ name: String) -> (index: Int, attribute: Attribute)? {
        if let k = KnownName.number(of: name) { return first(k) }
        guard let i = button.attributes.firstIndex(where: { $0.name == name }) else { return nil }
        return (i, button.attributes[i])
    }

    /// The index of the first attribute of each known name, or -1.
    var knownFirsts: SIMD32<Int32> { firstOfKnown }

    /// The index of the first attribute of the known name numbered `k`.
    func firstIndex(_ k: Int) -> Int? { firstOfKnown[k] < 0 ? nil : Int(firstOfKnown[k]) }

    /// The attribute if it takes part: first of its name, with an effect, not empty.
    func effective(_ k: Int) -> Attribute? {
        guard firstOfKnown[k] >= 0, withheld[k] == 0 else { return nil }
        return button.attributes[Int(firstOfKnown[k])]
    }

    /// The effective attribute of the known name numbered `k` and its decoded value, if it
    /// has one. Values are decoded once per button: several checks read the same few, and
    /// decoding (a template value builds a map of offsets) was most of a button's cost.
    func effectiveValue(_ k: Int) -> (attribute: Attribute, value: AttributeValue)? {
        guard let a = effective(k) else { return nil }
        if decodedMask & 1 << k != 0 { return decoded[Int(decodedSlot[k])].map { (a, $0) } }
        let value = a.value
        if decoded.isEmpty { decoded.reserveCapacity(6) }
        decodedMask |= 1 << k
        decodedSlot[k] = UInt8(decoded.count)
        decoded.append(value)
        return value.map { (a, $0) }
    }
    /// The values `effectiveValue` decoded (a button has a few), and where each known name's is.
    @exclusivity(unchecked) private var decoded: [AttributeValue?] = []
    @exclusivity(unchecked) private var decodedMask: UInt32 = 0
    @exclusivity(unchecked) private var decodedSlot = SIMD32<UInt8>()

    /// Present for the variant logic: the first of its name, not empty.
    func present(_ k: Int) -> Bool {
        guard let (_, a) = first(k) else { return false }
        return !a.isBlank
    }

    var hasClientID: Bool { button.variant == .existingIntegration }
    var hasMetadata: Bool { button.hasMetadata }

    /// The known number of the attribute at `index` if it is the first of its name.
    private func firstKnown(_ index: Int) -> Int? {
        guard let k = knownNumber(index), firstOfKnown[k] == Int32(index) else { return nil }
        return k
    }

    func markNoEffect(_ index: Int) { if let k = firstKnown(index) { withheld[k] |= 1 } }
    func markBlank(_ index: Int) { if let k = firstKnown(index) { withheld[k] |= 2 } }
    func isWithheld(_ index: Int) -> Bool { firstKnown(index).map { withheld[$0] != 0 } ?? false }

    /// Reports through the document's sink; the message and fix are built only
    /// when the finding is kept (a hostile tag repeats one mistake 100,000 times).
    @inline(__always)
    func report(_ rule: Rule, _ range: Range<Int>, _ message: @autoclosure () -> String, fix: @autoclosure () -> Fix? = nil,
                related: @autoclosure () -> [RelatedLocation] = [], unnecessary: Bool = false)
    {
        sink.report(rule, range, unnecessary: unnecessary) { (message(), fix(), related()) }
    }

    /// The attribute's name as written, for messages.
    func shown(_ a: Attribute) -> String { Text.code(a.writtenName) }
}

extension AttributeValue {
    /// The attribute's `literal`, with the template stand-in looked for eight bytes
    /// at a time (asked of a value already in hand: a compact attribute decodes its
    /// value on each access).
    var literalText: String? {
        guard !isDynamic else { return nil }
        let text = self.text
        return ASCII.containsNUL(text) ? nil : text
    }
}

/// What the checks of one document work out once for all its buttons.
final class DocumentMemo {
    let document: Document
    /// Whether some code of the file defines an error callback, by the bytes of its name.
    private var callbacks: [[UInt8]: Bool] = [:]
    /// While set, every question asked is kept with its answer (`ButtonFindingsCache`).
    var recording: FindingRecording?

    init(_ document: Document) { self.document = document }

    func definesCallback(_ name: [UInt8]) -> Bool {
        let defined: Bool
        if let known = callbacks[name] {
            defined = known
        } else {
            defined = SecurityChecks.codeDefines(name, in: document)
            callbacks[name] = defined
        }
        recording?.asked(name, defined: defined)
        return defined
    }

    /// Whether the answer for `name` is still `defined` in this document.
    func knows(_ name: [UInt8], defined: Bool) -> Bool { definesCallback(name) == defined }
}

/// Message helpers: values from the page are quoted, shortened and stripped of
/// control characters, so no message can carry escape sequences to a terminal.
enum Text {
    static func code(_ s: String, limit: Int = 60) -> String {
        // Printable ASCII with no stand-in is shown as it is: one pass over the bytes.
        var plain = true, braces = false
        for b in s.utf8 {
            if b < 0x20 || b > 0x7E { plain = false; break }
            if b == Byte.lbrace { braces = true }
        }
        if plain, !braces {
            let n = s.utf8.count
            if n <= limit { return "`" + s + "`" }
            return "`" + String(decoding: s.utf8.prefix(limit), as: UTF8.self) + "…`"
        }
        if !plain { braces = s.utf8.contains(Byte.lbrace) }
        // A run-time part of code (`' . $x . '`, `${x}`) is shown as `…`, not as its stand-in.
        let s = braces && s.contains("{{}}") ? s.replacingAll("{{}}", with: "…") : s
        var out: [UInt8] = [Byte.backtick]
        out.reserveCapacity(min(s.utf8.count, 4 * limit) + 8)
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        var count = 0
        for scalar in s.unicodeScalars {
            if count == limit { append("…"); break }
            switch scalar.value {
            case 0: append("{…}")
            case 0x09, 0x0A, 0x0D: out.append(Byte.space)
            default:
                if TerminalSafety.isUnsafe(scalar) { append(TerminalSafety.escaped(String(scalar))) }
                else { UTF8.encode(scalar) { out.append($0) } }
            }
            count += 1
        }
        out.append(Byte.backtick)
        return String(decoding: out, as: UTF8.self)
    }

    static func list(_ items: [String]) -> String {
        var out = ""
        for (k, item) in items.enumerated() {
            if k > 0 { out += k == items.count - 1 ? " and " : ", " }
            out += code(item)
        }
        return out
    }

    static func choices(_ items: [String]) -> String {
        var out = ""
        for (k, item) in items.enumerated() {
            if k > 0 { out += ", " }
            out += code(item)
        }
        return out
    }
}
