/// An attribute of a button tag, decoded.
public struct Attribute: Sendable {
    public let raw: RawAttribute
    /// The name as written (`:data-logo`, `data-clientId`).
    public let writtenName: String
    /// Lower-cased, with a framework binding prefix removed (`data-logo`, `data-clientid`).
    public let name: String
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
        if lowered == "@class" {  // Blade's `@class([...])`
            lowered = "class"
            bound = true
        }
        name = lowered
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
    /// Written as JSX (className, a `{…}` value, or a .jsx/.tsx file).
    public let isJSX: Bool
    /// Markup of the file, markup inside a string of code, or an element built in code.
    public let origin: Origin
    /// Which kind of button the script sees, worked out once from the attributes.
    public let variant: Variant
    /// Some metadata attribute is present (not empty).
    public let hasMetadata: Bool
    /// The required metadata attributes that are missing or empty.
    public let missingMetadata: [String]

    public enum Variant: String, Sendable {
        case existingIntegration = "existing integration", metadata = "metadata (new external integration)", none = "neither"
    }

    init(range: Range<Int>, nameRange: Range<Int>, tagName: String, brand: Brand, marker: Marker, attributes: [Attribute],
         markerAttribute: Attribute?, address: ScriptAddress?, isJSX: Bool, origin: Origin)
    {
        self.range = range
        self.nameRange = nameRange
        self.tagName = tagName
        self.brand = brand
        self.marker = marker
        self.attributes = attributes
        self.markerAttribute = markerAttribute
        self.address = address
        self.isJSX = isJSX
        self.origin = origin
        // The script reads the first attribute of each name; an empty one counts as absent.
        var blank: [String: Bool] = [:]
        for a in attributes where a.name.hasPrefix("data-") && blank[a.name] == nil { blank[a.name] = a.isBlank }
        func present(_ name: String) -> Bool { blank[name] == false }
        missingMetadata = AttributeTable.requiredMetadata.filter { !present($0) }
        hasMetadata = AttributeTable.metadata.contains(where: present)
        variant = present(AttributeName.clientID) ? .existingIntegration : hasMetadata ? .metadata : .none
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
    public let range: Range<Int>
    public let nameRange: Range<Int>
    public let src: Attribute
    public let address: ScriptAddress
    /// The brand of its own class or legacy id, if it has one.
    public let ownBrand: Brand?
    public let origin: Origin
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
