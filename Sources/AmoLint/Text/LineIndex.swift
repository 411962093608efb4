/// How positions count characters within a line. The CLI counts Unicode
/// scalars; a language server counts what it negotiated with the client.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A line and a character offset, both 0-based, in some `PositionEncoding`.
public struct LinePosition: Sendable, Equatable, Comparable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }
}

/// The one place where byte offsets become lines and columns and back. Line
/// breaks are `\n`, `\r\n` and `\r`, as LSP defines them. Out-of-range input is
/// clamped, never trapped; `clamped` tells the caller so it can log it.
public struct LineIndex: Sendable {
    /// The text: an editor's, edited in place (`replace`), or a checked file's.
    public internal(set) var text: SharedBytes
    /// Byte offset of the first byte of each line.
    public internal(set) var lineStarts: LineStarts
    /// For lines longer than `checkpointSpacing * 2`: (byte offset, UTF-16 units,
    /// scalars) every `checkpointSpacing` bytes, so a column on a minified one-line
    /// page costs a short scan, not a scan from the line's start.
    var checkpoints: [Int: [Checkpoint]]
    static let checkpointSpacing = 256

    struct Checkpoint: Sendable, Equatable {
        let offset: Int, utf16: Int, utf32: Int
    }

    public init(_ bytes: [UInt8]) { self.init(SharedBytes(bytes)) }

    public init(_ text: SharedBytes) {
        self.text = text
        let starts = text.withUnsafeBufferPointer { LineStarts($0) }
        lineStarts = starts
        var marks: [Int: [Checkpoint]] = [:]
        for line in starts.lines(longerThan: LineIndex.checkpointSpacing * 2, textCount: text.count) {
            let end = line + 1 < starts.count ? starts[line + 1] : text.count
            if let list = LineIndex.checkpoints(text, line: starts[line]..<end) { marks[line] = list }
        }
        checkpoints = marks
    }

    /// The column checkpoints of a line long enough to need them.
    static func checkpoints(_ bytes: SharedBytes, line: Range<Int>) -> [Checkpoint]? {
        guard line.count > LineIndex.checkpointSpacing * 2 else { return nil }
        var list = [Checkpoint(offset: line.lowerBound, utf16: 0, utf32: 0)]
        var i = line.lowerBound, u16 = 0, u32 = 0
        var next = i + LineIndex.checkpointSpacing
        bytes.withUnsafeBytes { raw in
            while i < line.upperBound {
                if i >= next {
                    list.append(Checkpoint(offset: i, utf16: u16, utf32: u32))
                    next = i + LineIndex.checkpointSpacing
                }
                // Eight ASCII bytes are eight characters of one unit each (a hostile
                // line of 10 MB is mostly ASCII); never past the next checkpoint.
                let stop = min(next, line.upperBound)
                while i + 8 <= stop, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    u16 += 8
                    u32 += 8
                    i += 8
                }
                guard i < stop else { continue }
                let (length, width) = LineIndex.character(bytes, at: i, end: bytes.count)
                u16 += width
                u32 += 1
                i += length
            }
        }
        return list
    }

    /// The last checkpoint at or before `offset` on `line` (the line start when there are none).
    private func checkpoint(line: Int, atOrBefore offset: Int) -> Checkpoint {
        guard let list = checkpoints[line] else { return Checkpoint(offset: lineStarts[line], utf16: 0, utf32: 0) }
        var lo = 0, hi = list.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if list[mid].offset <= offset { lo = mid } else { hi = mid - 1 }
        }
        return list[lo]
    }

    /// The last checkpoint whose unit count is at or before `units`.
    private func checkpoint(line: Int, atOrBeforeUnits units: Int, encoding: PositionEncoding) -> Checkpoint {
        guard let list = checkpoints[line] else { return Checkpoint(offset: lineStarts[line], utf16: 0, utf32: 0) }
        let value: (Checkpoint) -> Int = { encoding == .utf16 ? $0.utf16 : $0.utf32 }
        var lo = 0, hi = list.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if value(list[mid]) <= units { lo = mid } else { hi = mid - 1 }
        }
        return list[lo]
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line holding byte `offset` (clamped to the text).
    public func line(ofByte offset: Int) -> Int {
        let offset = max(0, min(offset, text.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// End of the line's content, before its line break.
    public func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return text.count }
        var end = lineStarts[line + 1]
        if end > 0, text[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line], text[end - 1] == 0x0D { end -= 1 }
        return end
    }

    public func position(ofByte offset: Int, encoding: PositionEncoding) -> LinePosition {
        let offset = max(0, min(offset, text.count))
        let line = line(ofByte: offset)
        let start = lineStarts[line]
        let end = min(offset, contentEnd(ofLine: line))
        if encoding == .utf8 { return LinePosition(line: line, character: end - start) }
        let mark = checkpoint(line: line, atOrBefore: end)
        let before = encoding == .utf16 ? mark.utf16 : mark.utf32
        return LinePosition(line: line, character: before + LineIndex.count(text, mark.offset..<end, encoding))
    }

    /// The byte offset of a position; a character past the line's end or a line
    /// past the document's end is clamped. `clamped` reports that it happened.
    public func byteOffset(of position: LinePosition, encoding: PositionEncoding) -> (offset: Int, clamped: Bool) {
        if position.line < 0 { return (0, true) }
        if position.line >= lineStarts.count { return (text.count, true) }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        if position.character < 0 { return (start, true) }
        if encoding == .utf8 {
            // UTF-8 positions are byte offsets, taken as they are.
            let target = start + position.character
            return target > end ? (end, true) : (target, false)
        }
        let mark = checkpoint(line: position.line, atOrBeforeUnits: position.character, encoding: encoding)
        var units = encoding == .utf16 ? mark.utf16 : mark.utf32
        var i = mark.offset
        while i < end {
            if units == position.character { return (i, false) }
            let (length, width) = LineIndex.character(text, at: i, end: end)
            let step = encoding == .utf16 ? width : 1
            // Inside a surrogate pair: stay at the scalar's start.
            if units + step > position.character { return (i, true) }
            units += step
            i += length
        }
        return (end, units < position.character)
    }

    /// Characters in `range` in the encoding. A character that `range` ends
    /// inside is not counted: an offset inside a character stands for its start.
    public static func count(_ bytes: SharedBytes, _ range: Range<Int>, _ encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return range.count }
        var units = 0
        var i = range.lowerBound
        // ASCII eight bytes at a time: one unit each in UTF-16 and UTF-32.
        bytes.withUnsafeBytes { raw in
            while i + 8 <= range.upperBound, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                units += 8
                i += 8
            }
        }
        while i < range.upperBound {
            let (length, width) = character(bytes, at: i, end: bytes.count)
            if i + length > range.upperBound { break }
            units += encoding == .utf16 ? width : 1
            i += length
        }
        return units
    }

    @inline(__always) static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// The character starting at `i`: its lead byte and the continuation bytes
    /// the lead announces (as many as are there), and its UTF-16 width. A stray
    /// continuation byte or a truncated sequence is a character of its own, as
    /// editors show each as U+FFFD; counting and locating always agree.
    @inline(__always) static func character(_ bytes: SharedBytes, at i: Int, end: Int) -> (length: Int, width: Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (1, 1) }
        let expected = lead < 0xC0 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
        var length = 1
        while length <= expected, i + length < end, isContinuation(bytes[i + length]) { length += 1 }
        return (length, expected == 3 && length == 4 ? 2 : 1)
    }
}
