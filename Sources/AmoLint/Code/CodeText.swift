/// Markup assembled from pieces of host-language code: string contents (escapes
/// decoded), holes where a value is computed at run time, and for elements built
/// in code, attribute names and quotes amolint writes itself. The markup scanner
/// reads it like any page; `SourceMap` takes every range back to the file.
///
/// A hole is written as `{{}}`, which the scanner already treats as a template
/// construct: in text it is skipped, between attributes it is ignored, and in a
/// value it makes the value "decided at run time". So the rules need no change.
struct CodeText: Sendable {
    var bytes: [UInt8] = []
    var map = SourceMap()

    static let hole: [UInt8] = Array("{{}}".utf8)

    init() {}

    var isEmpty: Bool { bytes.isEmpty }

    /// Room asked for once, for text of about `bytes` bytes in `segments` pieces: a layer of
    /// a large file grows to millions of segments, and growing copies them and touches their
    /// pages twice. Reserved pages never written cost no memory, so an estimate may be generous.
    mutating func reserve(bytes count: Int, segments: Int) {
        LargeArrays.reserve(&bytes, more: count)
        map.reserve(segments: segments, bytes: count)
    }

    /// Bytes copied one for one from `source` (the common case: plain string contents).
    mutating func appendVerbatim(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, literal: Int32) {
        guard !range.isEmpty else { return }
        map.add(.init(virtualStart: bytes.count, sourceStart: range.lowerBound, sourceEnd: range.upperBound, literal: literal, verbatim: true))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
    }

    /// Bytes that stand for the source range as a whole: a decoded escape (`\"`,
    /// `&quot;`), or a name amolint writes for an identifier (`dataset.clientId`).
    /// `literal` is -1 when the piece cannot be edited as string text.
    mutating func appendMapped<S: Sequence>(_ virtual: S, source: Range<Int>, literal: Int32) where S.Element == UInt8 {
        let start = bytes.count
        // A name's UTF-8 (`data-client-id`) is copied as one buffer: appended as a sequence,
        // byte by byte, it cost more than the rest of writing a built element's attribute.
        if virtual.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: virtual)
        }
        guard bytes.count > start else { return }
        map.add(.init(virtualStart: start, sourceStart: source.lowerBound, sourceEnd: source.upperBound, literal: literal, verbatim: false))
    }

    /// A part decided at run time (concatenation, interpolation, `${…}`).
    mutating func appendHole(source: Range<Int>) {
        // Adjacent holes are one: `' . $a . $b . '` is one run-time part.
        let c = bytes.count
        if c >= 4, bytes[c - 4] == Byte.lbrace, bytes[c - 3] == Byte.lbrace, bytes[c - 2] == Byte.rbrace, bytes[c - 1] == Byte.rbrace,
           let last = map.segments.last,
           last.literal == -1, last.virtualStart == bytes.count - 4, !last.verbatim
        {
            map.extendLast(to: max(last.sourceEnd, source.upperBound))
            return
        }
        appendMapped(CodeText.hole, source: source, literal: -1)
    }

    /// Punctuation amolint writes (`<`, `="`, `">`), anchored at a source position.
    mutating func appendSynthetic(_ text: StaticString, at anchor: Int) {
        let start = bytes.count
        // One to three bytes, appended one by one: the generic append costs more than they do.
        for k in 0..<text.utf8CodeUnitCount { bytes.append(text.utf8Start[k]) }
        map.add(.init(virtualStart: start, sourceStart: anchor, sourceEnd: anchor, literal: -1, verbatim: false))
    }
}

/// Where each byte of a `CodeText` came from, and how text may be written back.
public struct SourceMap: Sendable {
    /// Sixteen bytes: a layer of a large file holds millions, and at 32 they were the
    /// largest thing a 10 MB file of templates touched. Code layers are built for files
    /// under 2 GB only (`DocumentBuilder`), and their text is at most about twice the
    /// code it comes from, so every offset fits in 32 bits.
    struct Segment: Sendable, CustomStringConvertible {
        private var virtual: UInt32
        private var start: UInt32
        private var end: UInt32
        /// The literal index plus one (0 for none), and `verbatim` in the top bit.
        private var bits: UInt32

        init(virtualStart: Int, sourceStart: Int, sourceEnd: Int, literal: Int32, verbatim: Bool) {
            virtual = UInt32(virtualStart)
            start = UInt32(sourceStart)
            end = UInt32(sourceEnd)
            bits = UInt32(bitPattern: literal &+ 1) | (verbatim ? 1 << 31 : 0)
        }

        var virtualStart: Int { Int(virtual) }
        var sourceStart: Int { Int(start) }
        var sourceEnd: Int {
            get { Int(end) }
            set { end = UInt32(newValue) }
        }
        /// Index of the string literal the bytes belong to, -1 for anything else.
        var literal: Int32 { Int32(bitPattern: bits & ~(1 << 31)) &- 1 }
        /// One virtual byte per source byte.
        var verbatim: Bool { bits >> 31 != 0 }

        var description: String {
            "Segment(virtualStart: \(virtualStart), sourceStart: \(sourceStart), sourceEnd: \(sourceEnd), literal: \(literal), verbatim: \(verbatim))"
        }
    }

    private(set) var segments: [Segment] = []
    /// How each literal escapes text written into it.
    private(set) var styles: [StringStyle] = []
    /// For each block of `blockSize` virtual bytes, the segment holding its
    /// first byte: a lookup searches one block's segments, not the whole map
    /// (a layer of a 10 MB file has hundreds of thousands, and every finding maps).
    private var blockSegments: [Int32] = []
    static let blockShift = 8

    mutating func add(_ s: Segment) {
        // Blocks starting before this segment belong to the one before it.
        let previous = Int32(truncatingIfNeeded: max(0, segments.count - 1))
        while blockSegments.count << SourceMap.blockShift < s.virtualStart { blockSegments.append(previous) }
        segments.append(s)
    }
    mutating func reserve(segments count: Int, bytes: Int) {
        LargeArrays.reserve(&segments, more: count)
        LargeArrays.reserve(&blockSegments, more: bytes >> SourceMap.blockShift + 1)
    }
    mutating func extendLast(to end: Int) { if !segments.isEmpty { segments[segments.count - 1].sourceEnd = end } }
    mutating func addLiteral(_ style: StringStyle) -> Int32 {
        styles.append(style)
        return Int32(styles.count - 1)
    }

    /// The segment holding virtual byte `v` (the last one for `v` past the end).
    /// Exactly `segmentIndexPlain`'s answer: the block index only narrows the search.
    func segmentIndex(_ v: Int) -> Int? {
        guard !segments.isEmpty else { return nil }
        let block = max(0, v) >> SourceMap.blockShift
        var lo = block < blockSegments.count ? Int(blockSegments[block]) : Int(blockSegments.last ?? 0)
        var hi = block + 1 < blockSegments.count ? Int(blockSegments[block + 1]) : segments.count - 1
        // Offsets outside the text (the table's bounds hold for every other).
        if hi + 1 < segments.count, segments[hi + 1].virtualStart <= v { hi = segments.count - 1 }
        if lo > 0, segments[lo].virtualStart > v { lo = 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].virtualStart <= v { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The plain binary search over every segment (tests compare the two).
    func segmentIndexPlain(_ v: Int) -> Int? {
        guard !segments.isEmpty else { return nil }
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].virtualStart <= v { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private func sourceStart(_ v: Int) -> Int {
        guard let i = segmentIndex(v) else { return 0 }
        let s = segments[i]
        return s.verbatim ? min(s.sourceStart + (v - s.virtualStart), s.sourceEnd) : s.sourceStart
    }

    private func sourceEnd(_ v: Int) -> Int {
        guard let i = segmentIndex(v) else { return 0 }
        let s = segments[i]
        return s.verbatim ? min(s.sourceStart + (v - s.virtualStart) + 1, s.sourceEnd) : s.sourceEnd
    }

    /// The file range of a range of virtual bytes: from the start of the first
    /// byte's source to the end of the last's.
    public func sourceRange(_ r: Range<Int>) -> Range<Int> {
        let lo = sourceStart(r.lowerBound)
        guard r.upperBound > r.lowerBound else { return lo..<lo }
        return lo..<max(lo, sourceEnd(r.upperBound - 1))
    }

    /// The edit in file terms, or nil when it cannot be written back: it touches
    /// something other than the text of one string literal, or crosses a hole.
    func sourceEdit(_ edit: TextEdit) -> TextEdit? {
        let r = edit.range
        // An insertion belongs to the literal of the byte after it, or before it at a literal's end.
        let probe = r.isEmpty ? [r.lowerBound, r.lowerBound - 1] : [r.lowerBound]
        var literal: Int32 = -1
        for v in probe where v >= 0 {
            guard let i = segmentIndex(v), segments[i].literal >= 0,
                  v < segments[i].virtualStart + virtualLength(i) else { continue }
            literal = segments[i].literal
            break
        }
        guard literal >= 0 else { return nil }
        if !r.isEmpty {
            guard var i = segmentIndex(r.lowerBound) else { return nil }
            while i < segments.count, segments[i].virtualStart < r.upperBound {
                guard segments[i].literal == literal else { return nil }
                i += 1
            }
        }
        let source: Range<Int>
        if r.isEmpty {
            // Before the byte at the position, or after the last byte of the literal.
            if let i = segmentIndex(r.lowerBound), segments[i].literal == literal, r.lowerBound < segments[i].virtualStart + virtualLength(i) {
                let at = sourceStart(r.lowerBound)
                source = at..<at
            } else {
                let at = sourceEnd(r.lowerBound - 1)
                source = at..<at
            }
        } else {
            source = sourceRange(r)
        }
        return TextEdit(range: source, newText: styles[Int(literal)].escape(edit.newText))
    }

    private func virtualLength(_ i: Int) -> Int {
        i + 1 < segments.count ? segments[i + 1].virtualStart - segments[i].virtualStart : Int.max / 2
    }

    /// The literal index of virtual byte `v`, or -1.
    func literal(at v: Int) -> Int32 {
        guard let i = segmentIndex(v) else { return -1 }
        return segments[i].literal
    }
}

/// How a string literal of a host language writes text, for fixes that edit it.
public enum StringStyle: Sendable, Equatable {
    case phpSingle, phpDouble, phpHeredoc, phpNowdoc
    case jsSingle, jsDouble, jsTemplate

    /// `text` as it must be written inside the literal to mean `text`.
    func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch (self, scalar) {
            case (.phpNowdoc, _): out.unicodeScalars.append(scalar)
            case (_, "\\"): out += "\\\\"
            case (.phpSingle, "'"), (.jsSingle, "'"): out += "\\'"
            case (.phpDouble, "\""), (.jsDouble, "\""): out += "\\\""
            case (.phpDouble, "$"), (.phpHeredoc, "$"), (.jsTemplate, "$"): out += "\\$"
            case (.jsTemplate, "`"): out += "\\`"
            case (.jsSingle, "\n"), (.jsDouble, "\n"): out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
