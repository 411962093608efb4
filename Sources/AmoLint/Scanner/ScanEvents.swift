/// What the scanner reports. Everything is a byte range into the scanned text;
/// nothing is copied or decoded here, so scanning a page with thousands of tags
/// allocates almost nothing. The button model decodes the few tags it needs.
public struct RawAttribute: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The value holds a template construct (`{{ }}`, `<?= ?>`, `${ }` …).
        public static let template = Flags(rawValue: 1)
        /// The value holds `&`, so character references may need decoding.
        public static let ampersand = Flags(rawValue: 2)
        /// The value is a JSX/Svelte expression `{…}`: decided entirely at run time.
        public static let expression = Flags(rawValue: 4)
        /// The attribute stands inside a template conditional (`@if … @endif`, `{% if %}`).
        public static let conditional = Flags(rawValue: 8)
    }

    public var nameRange: Range<Int>
    /// The value's text, without quotes or braces; nil for a valueless attribute.
    public var valueRange: Range<Int>?
    /// `"`, `'`, `{` or 0 for an unquoted value.
    public var quote: UInt8
    /// The whole attribute, name through closing quote.
    public var range: Range<Int>
    public var flags: Flags
}

public struct RawTag: Sendable {
    /// From `<` through `>`.
    public var range: Range<Int>
    public var nameRange: Range<Int>
    /// The attributes, written once by the scanner in 32-bit offsets from `range.lowerBound`
    /// (a hostile tag holds a million: 28 bytes each, not the 64 of a `RawAttribute`).
    var records: [AttributeRecord]
    public var selfClosing: Bool

    /// The attributes with their ranges in the text.
    public var attributes: [RawAttribute] { records.map { $0.raw(base: range.lowerBound) } }
}

public struct RawComment: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case html, blade, twig, handlebars, jsx
        /// A PHP or JavaScript comment (`//`, `#`, `/* */`).
        case code
    }
    public var kind: Kind
    public var range: Range<Int>
    public var contentRange: Range<Int>
}

/// Receives the scanner's events in document order.
public protocol ScanVisitor {
    mutating func visitTag(_ tag: RawTag)
    mutating func visitComment(_ comment: RawComment)
    /// The body of a raw-text element (`script`, `style`, `textarea`, `title`).
    mutating func visitRawText(element: Range<Int>, body: Range<Int>)
    /// Whether the visitor uses every start tag. When it does not, the scanner
    /// parses each tag for its end only, without keeping attributes, and shows it
    /// only if `needsTag` says so. Comments and raw text are reported either way.
    var needsEveryTag: Bool { get }
    /// Asked of a visitor that does not need every tag: whether it needs the start
    /// tag spanning `range` (`<` through `>`), named `name`. (Mutating only so
    /// that asking costs no copy of the visitor; a plain `func` satisfies it.)
    mutating func needsTag(range: Range<Int>, name: Range<Int>) -> Bool
    /// Asked of a visitor that does not need every tag, before a tag it needs is
    /// parsed again for its attributes: whether it took the tag from its bytes alone
    /// (they repeat a tag it took just before). Then the tag is neither parsed nor visited.
    mutating func visitRepeatedTag(range: Range<Int>) -> Bool
    /// Asked of a visitor that does not need every tag, while a tag of many attributes is
    /// read for its end: whether it needs every tag starting with the bytes of `prefix`.
    /// When it does, the scanner keeps the attributes from then on instead of reading the
    /// tag a second time. (True only when `needsTag` of the whole tag would be.)
    mutating func needsTag(startingWith prefix: Range<Int>, name: Range<Int>) -> Bool
}

extension ScanVisitor {
    public var needsEveryTag: Bool { true }
    public func needsTag(range: Range<Int>, name: Range<Int>) -> Bool { true }
    public func visitRepeatedTag(range: Range<Int>) -> Bool { false }
    public func needsTag(startingWith prefix: Range<Int>, name: Range<Int>) -> Bool { false }
}
