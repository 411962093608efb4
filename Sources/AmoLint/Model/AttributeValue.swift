/// An attribute value as the browser (or the server template) will see it:
/// character references decoded, each template construct replaced by one NUL
/// (a browser turns real NULs in values into U+FFFD, so NUL is free to mark
/// "decided at run time"). Ranges found in `text` map back to the source.
public struct AttributeValue: Sendable {
    /// Source bytes of the value, without quotes or braces.
    public let range: Range<Int>
    public let text: String
    /// Decided wholly at run time: a JSX `{…}` value or a framework-bound attribute.
    public let isDynamic: Bool
    /// Source offset of each UTF-8 byte of `text`, plus one for its end; nil when
    /// the text is the source bytes one for one.
    private let offsets: [Int]?
    /// Without `offsets`, the text is still byte for byte the source but for NULs
    /// written as `?`: ranges are clamped as a map of offsets would clamp them.
    private let clamped: Bool

    public static let templateMarker: Character = "\u{0}"

    /// True when some part of the value is decided at run time.
    public var hasTemplate: Bool { isDynamic || text.utf8.contains(0) }
    /// True when the whole value is written out in the source.
    public var isLiteral: Bool { !hasTemplate }
    /// True when the value is empty or white space, and no template fills it.
    public var isBlank: Bool {
        !isDynamic && text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Source range of a range of UTF-8 offsets in `text`.
    public func sourceRange(_ decoded: Range<Int>) -> Range<Int> {
        guard let offsets else {
            if clamped {
                let n = range.count
                let lo = range.lowerBound + max(0, min(decoded.lowerBound, n)), hi = range.lowerBound + max(0, min(decoded.upperBound, n))
                return lo..<max(lo, hi)
            }
            return range.lowerBound + decoded.lowerBound..<range.lowerBound + decoded.upperBound
        }
        let lo = offsets[max(0, min(decoded.lowerBound, offsets.count - 1))]
        let hi = offsets[max(0, min(decoded.upperBound, offsets.count - 1))]
        return lo..<max(lo, hi)
    }

    /// The source text of a decoded range (for fixes that keep template parts as written).
    func sourceText(_ decoded: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let r = sourceRange(decoded)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    /// A value bound by a framework or written as an expression.
    init(dynamicAt range: Range<Int>) {
        self.range = range
        self.text = String(AttributeValue.templateMarker)
        self.isDynamic = true
        self.offsets = [range.lowerBound, range.upperBound]
        clamped = false
    }

    /// Decodes the source bytes of a value.
    init(decoding bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, flags: RawAttribute.Flags) {
        self.range = range
        self.isDynamic = false
        let value = UnsafeBufferPointer(rebasing: bytes[range])
        if !flags.contains(.template), !flags.contains(.ampersand), UTF8Validation.isValid(value) {
            if !value.contains(0) {
                text = String(decoding: value, as: UTF8.self)
                offsets = nil
                clamped = false
                return
            }
            // Only NULs to replace, one byte for one: no map of offsets (three allocations a value).
            text = String(unsafeUninitializedCapacity: value.count) { out in
                for k in 0..<value.count { out[k] = value[k] == 0 ? 0x3F : value[k] }
                return value.count
            }
            offsets = nil
            clamped = true
            return
        }
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(range.count)
        map.reserveCapacity(range.count + 1)
        let base = range.lowerBound
        var closers = CloserSearch()
        var p = 0
        let end = value.count
        while p < end {
            let b = value[p]
            if b == Byte.ampersand, let (decoded, next) = CharacterReferences.decode(value, at: p, end: end) {
                for byte in decoded.utf8 { out.append(byte); map.append(base + p) }
                p = next
                continue
            }
            if flags.contains(.template), let close = AttributeValue.templateEnd(value, at: p, closers: &closers) {
                out.append(0)
                map.append(base + p)
                p = close
                continue
            }
            if b == 0 {
                out.append(0x3F)  // a literal NUL must not read as a template
                map.append(base + p)
                p += 1
                continue
            }
            // Invalid UTF-8 becomes U+FFFD here, byte by byte, so the map stays exact.
            let length = UTF8Validation.sequenceLength(value, at: p)
            if length == 0 {
                for byte in [UInt8(0xEF), 0xBF, 0xBD] { out.append(byte); map.append(base + p) }
                p += 1
            } else {
                for k in 0..<length { out.append(value[p + k]); map.append(base + p + k) }
                p += length
            }
        }
        map.append(range.upperBound)
        text = String(decoding: out, as: UTF8.self)
        offsets = map
        clamped = false
    }

    /// The end of a template construct starting at `p` inside a value, or nil:
    /// the scanner's own matcher, so a value ends its constructs where the scanner did.
    private static func templateEnd(_ v: UnsafeBufferPointer<UInt8>, at p: Int, closers: inout CloserSearch) -> Int? {
        TemplateConstructs.match(v, at: p, inTag: false, dialect: .markup, closers: &closers)?.end
    }
}
