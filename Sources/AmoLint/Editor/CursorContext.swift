/// Where a cursor stands, for completion and hover: in a button's tag name, an
/// attribute name or value, between attributes, or in text outside any tag.
package enum CursorContext: Sendable {
    case tagName(Button)
    /// On (or typing) an attribute name; `replace` is the name typed so far.
    case attributeName(Button, Attribute?, replace: Range<Int>)
    /// Inside a value; `replace` is the part a completion replaces.
    case attributeValue(Button, Attribute, replace: Range<Int>)
    /// Outside every tag (where a new button may be written); `replace` is the word typed so far.
    case text(replace: Range<Int>)
    /// Inside some other tag, a comment or a script.
    case elsewhere

    /// Where the cursor stands. `spans` is the document's markup index: an
    /// editor computes it once per version (`MarkupSpans(document)`); without it,
    /// a cursor outside every button is answered `.elsewhere`, which is all hover needs.
    package static func at(_ offset: Int, in document: Document, spans: MarkupSpans? = nil) -> CursorContext {
        let bytes = document.file.bytes
        // In PHP or JavaScript code (outside JSX) no tag is being written: nothing to offer.
        if document.file.kind == .script { return .elsewhere }
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
        guard let spans, !spans.isInsideMarkup(offset) else { return .elsewhere }
        var start = offset
        while start > 0, bytes[start - 1] < 0x80, Byte.isIdentifier(bytes[start - 1]) || bytes[start - 1] == Byte.dash { start -= 1 }
        if start > 0, bytes[start - 1] == Byte.lt { start -= 1 }
        return .text(replace: start..<offset)
    }

    /// For `data-scopes`, the item under the cursor; otherwise the whole value.
    private static func valueReplaceRange(_ a: Attribute, _ value: AttributeValue, _ offset: Int, _ bytes: [UInt8]) -> Range<Int> {
        guard a.name == AttributeName.scopes else { return value.range }
        var start = offset, end = offset
        while start > value.range.lowerBound, bytes[start - 1] != Byte.comma { start -= 1 }
        while end < value.range.upperBound, bytes[end] != Byte.comma { end += 1 }
        while start < offset, Byte.isSpace(bytes[start]) { start += 1 }
        return start..<end
    }
}

/// Where a new tag cannot be typed: inside tags, comments, raw-text bodies and
/// code. Built with one scan, then asked by binary search at every keystroke.
package struct MarkupSpans: Sendable {
    /// Offsets strictly inside a tag or comment, or inside a raw-text body; sorted, disjoint.
    private let inside: [Range<Int>]
    private let code: [CodeRegion]

    package init(_ document: Document) {
        struct Collector: ScanVisitor {
            var ranges: [Range<Int>] = []
            mutating func visitTag(_ tag: RawTag) { add(tag.range.lowerBound + 1..<tag.range.upperBound) }
            mutating func visitComment(_ comment: RawComment) { add(comment.range.lowerBound + 1..<comment.range.upperBound) }
            mutating func visitRawText(element: Range<Int>, body: Range<Int>) { add(body) }
            mutating func add(_ r: Range<Int>) { if !r.isEmpty { ranges.append(r) } }
        }
        let file = document.file
        // A template comment inside a tag arrives before the tag: merge into disjoint ranges.
        let found = file.bytes.withUnsafeBufferPointer { Scanner.scan($0, dialect: file.dialect, visitor: Collector()).ranges }
            .sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in found {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        inside = merged
        code = document.codeRegions.isEmpty ? CodeRegion.regions(in: file) : document.codeRegions
    }

    /// Inside a tag, comment, raw-text body, or code outside JSX.
    package func isInsideMarkup(_ offset: Int) -> Bool {
        if code.contains(where: { $0.range.lowerBound <= offset && offset < $0.range.upperBound && !$0.isInsideJSX(offset) }) { return true }
        var lo = 0, hi = inside.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if inside[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && inside[lo - 1].contains(offset)
    }
}
