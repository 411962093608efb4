/// An attribute of a button tag, decoded.
public struct Attribute: Sendable {
    public let raw: RawAttribute
    /// The name as written (`:data-logo`, `data-clientId`).
    public let writtenName: String
    /// Lower-cased, with a framework binding prefix removed (`data-logo`, `data-clientid`).
    public let name: String
    /// Bound by Vue/Alpine (`:x`, `v-bind:x`, `x-bind:x`): its value is an expression.
    public let isBound: Bool
    public let value: AttributeValue?

    public var range: Range<Int> { raw.range }
    public var nameRange: Range<Int> { raw.nameRange }
    public var isConditional: Bool { raw.flags.contains(.conditional) }
    /// True when the value is missing, empty or white space.
    public var isBlank: Bool { value?.isBlank ?? true }
    /// The literal value, or nil when any part of it is decided at run time.
    public var literal: String? { value.flatMap { $0.isLiteral ? $0.text : nil } }
    /// The range to report for "the value": the value itself, or the name when there is none.
    public var valueRange: Range<Int> { value?.range ?? raw.nameRange }

    init(_ raw: RawAttribute, in bytes: UnsafeBufferPointer<UInt8>) {
        self.raw = raw
        writtenName = String(decoding: UnsafeBufferPointer(rebasing: bytes[raw.nameRange]), as: UTF8.self)
        var lowered = writtenName.lowercased()
        var bound = false
        for prefix in [":", "v-bind:", "x-bind:"] where lowered.hasPrefix(prefix) {
            lowered.removeFirst(prefix.count)
            bound = true
        }
        name = lowered
        isBound = bound
        if let valueRange = raw.valueRange {
            value = bound || raw.flags.contains(.expression)
                ? AttributeValue(dynamicAt: valueRange)
                : AttributeValue(decoding: bytes, range: valueRange, flags: raw.flags)
        } else {
            value = bound ? AttributeValue(dynamicAt: raw.nameRange) : nil
        }
    }
}

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

    public let range: Range<Int>
    public let nameRange: Range<Int>
    public let tagName: String
    public let brand: Brand
    public let marker: Marker
    public let attributes: [Attribute]
    /// The attribute that made it a button (class, className or id).
    public let markerAttribute: Attribute?
    /// Its own `src`, when it is a button script address.
    public let address: ScriptAddress?
    public let srcAttribute: Attribute?
    /// Written as JSX (className, a `{…}` value, or a .jsx/.tsx file).
    public let isJSX: Bool

    public var isScript: Bool { tagName == "script" }

    /// The first attribute of that (lower-case) name: HTML keeps the first of repeats.
    public func first(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
}

/// A `<script>` whose src is a button script address.
public struct Loader: Sendable {
    public let range: Range<Int>
    public let src: Attribute
    public let address: ScriptAddress
    /// The brand of its own class or legacy id, if it has one.
    public let ownBrand: Brand?
    public let hasLegacyID: Bool
}
