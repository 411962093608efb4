/// One edit, or a burst of them, as one changed span: the old bytes
/// `start..<oldEnd` became the new bytes `start..<newEnd`.
public struct EditSpan: Sendable, Equatable {
    public var start: Int
    public var oldEnd: Int
    public var newEnd: Int

    public init(start: Int, oldEnd: Int, newEnd: Int) {
        self.start = start
        self.oldEnd = oldEnd
        self.newEnd = newEnd
    }

    /// The span of `range` (in the current text) replaced by `count` bytes.
    public init(replacing range: Range<Int>, count: Int) {
        self.init(start: range.lowerBound, oldEnd: range.upperBound, newEnd: range.lowerBound + count)
    }

    /// How much later the bytes after the span now stand.
    public var delta: Int { newEnd - oldEnd }

    /// This span followed by replacing `range` of the text it left with `count` bytes:
    /// one span covering both (and whatever lies between them).
    public func then(replacing range: Range<Int>, count: Int) -> EditSpan {
        let end = max(newEnd, range.upperBound)
        return EditSpan(start: min(start, range.lowerBound), oldEnd: end - delta, newEnd: end + count - range.count)
    }
}
