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
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line holding byte `offset` (clamped to the text).
    public func line(ofByte offset: Int) -> Int {
        let offset = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// End of the line's content, before its line break.
    public func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        var end = lineStarts[line + 1]
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    public func position(ofByte offset: Int, encoding: PositionEncoding) -> LinePosition {
        let offset = max(0, min(offset, bytes.count))
        let line = line(ofByte: offset)
        let start = lineStarts[line]
        var end = min(offset, contentEnd(ofLine: line))
        // An offset inside a character stands for the character's start.
        if encoding != .utf8 { while end > start, LineIndex.isContinuation(bytes[end]) { end -= 1 } }
        return LinePosition(line: line, character: LineIndex.count(bytes, start..<end, encoding))
    }

    /// The byte offset of a position; a character past the line's end or a line
    /// past the document's end is clamped. `clamped` reports that it happened.
    public func byteOffset(of position: LinePosition, encoding: PositionEncoding) -> (offset: Int, clamped: Bool) {
        if position.line < 0 { return (0, true) }
        if position.line >= lineStarts.count { return (bytes.count, true) }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        if position.character < 0 { return (start, true) }
        if encoding == .utf8 {
            let target = start + position.character
            if target > end { return (end, true) }
            // Never split a scalar: step back to its first byte.
            var t = target
            while t > start, t < end, LineIndex.isContinuation(bytes[t]) { t -= 1 }
            return (t, false)
        }
        var units = 0
        var i = start
        while i < end {
            if units == position.character { return (i, false) }
            let (length, width) = LineIndex.character(bytes, at: i, end: end)
            let step = encoding == .utf16 ? width : 1
            // Inside a surrogate pair: stay at the scalar's start.
            if units + step > position.character { return (i, true) }
            units += step
            i += length
        }
        return (end, units < position.character)
    }

    /// Characters in `range` in the encoding. See `character(_:at:end:)` for malformed UTF-8.
    public static func count(_ bytes: [UInt8], _ range: Range<Int>, _ encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return range.count }
        var units = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let (length, width) = character(bytes, at: i, end: range.upperBound)
            units += encoding == .utf16 ? width : 1
            i += length
        }
        return units
    }

    @inline(__always) static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// The character starting at `i`: a byte and the continuation bytes after it
    /// (at most three), and its UTF-16 width (2 for a complete four-byte scalar).
    /// Malformed UTF-8 thus never makes a character swallow the next ASCII byte,
    /// and counting and locating always agree.
    @inline(__always) static func character(_ bytes: [UInt8], at i: Int, end: Int) -> (length: Int, width: Int) {
        var length = 1
        while length < 4, i + length < end, isContinuation(bytes[i + length]) { length += 1 }
        return (length, length == 4 && bytes[i] >= 0xF0 ? 2 : 1)
    }
}
