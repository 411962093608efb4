/// Where a cursor stands, for completion and hover: in a button's tag name, an
/// attribute name or value, between attributes, or in text outside any tag.
public enum CursorContext: Sendable {
    case tagName(Button)
    /// On (or typing) an attribute name; `replace` is the name typed so far.
    case attributeName(Button, Attribute?, replace: Range<Int>)
    /// Inside a value; `replace` is the part a completion replaces.
    case attributeValue(Button, Attribute, replace: Range<Int>)
    /// Outside every tag (where a new button may be written); `replace` is the word typed so far.
    case text(replace: Range<Int>)
    /// Inside some other tag, a comment or a script.
    case elsewhere

    public static func at(_ offset: Int, in document: Document) -> CursorContext {
        let bytes = document.file.bytes
        // In PHP or JavaScript code (outside JSX) no tag is being written: nothing to offer.
        if document.file.kind == .script { return .elsewhere }
        let regions = document.codeRegions.isEmpty ? CodeRegion.regions(in: document.file) : document.codeRegions
        if let code = regions.last(where: { $0.range.lowerBound <= offset && offset < $0.range.upperBound }), !code.isInsideJSX(offset) {
            return .elsewhere
        }
        if let button = document.buttons.first(where: { $0.range.lowerBound < offset && offset < $0.range.upperBound }) {
            if button.nameRange.lowerBound <= offset, offset <= button.nameRange.upperBound { return .tagName(button) }
            for a in button.attributes {
                if let value = a.value, a.raw.valueRange != nil, value.range.lowerBound <= offset, offset <= value.range.upperBound {
                    return .attributeValue(button, a, replace: valueReplaceRange(a, value, offset, bytes))
                }
                // On the name, `=` or an opening quote; just after a closing quote is outside it.
                let end = a.raw.valueRange == nil ? a.range.upperBound : a.range.upperBound - 1
                if a.nameRange.lowerBound <= offset, offset <= end {
                    return .attributeName(button, a, replace: a.nameRange.lowerBound..<min(offset, a.nameRange.upperBound))
                }
            }
            return .attributeName(button, nil, replace: offset..<offset)
        }
        guard !insideMarkup(offset, document) else { return .elsewhere }
        var start = offset
        while start > 0, bytes[start - 1] < 0x80, Byte.isIdentifier(bytes[start - 1]) || bytes[start - 1] == Byte.dash { start -= 1 }
        if start > 0, bytes[start - 1] == Byte.lt { start -= 1 }
        return .text(replace: start..<offset)
    }

    /// For `data-scopes`, the item under the cursor; otherwise the whole value.
    private static func valueReplaceRange(_ a: Attribute, _ value: AttributeValue, _ offset: Int, _ bytes: [UInt8]) -> Range<Int> {
        guard a.name == "data-scopes" else { return value.range }
        var start = offset, end = offset
        while start > value.range.lowerBound, bytes[start - 1] != Byte.comma { start -= 1 }
        while end < value.range.upperBound, bytes[end] != Byte.comma { end += 1 }
        while start < offset, Byte.isSpace(bytes[start]) { start += 1 }
        return start..<end
    }

    /// Inside a tag, comment or raw-text body that is not a button.
    private static func insideMarkup(_ offset: Int, _ document: Document) -> Bool {
        struct Finder: ScanVisitor {
            let offset: Int
            var inside = false
            mutating func visitTag(_ tag: RawTag) { if tag.range.lowerBound < offset, offset < tag.range.upperBound { inside = true } }
            mutating func visitComment(_ comment: RawComment) { if comment.range.lowerBound < offset, offset < comment.range.upperBound { inside = true } }
            mutating func visitRawText(element: Range<Int>, body: Range<Int>) { if body.lowerBound <= offset, offset < body.upperBound { inside = true } }
        }
        return document.file.bytes.withUnsafeBufferPointer {
            Scanner.scan($0, dialect: document.file.dialect, visitor: Finder(offset: offset)).inside
        }
    }
}
