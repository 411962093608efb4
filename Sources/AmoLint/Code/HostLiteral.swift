/// A string literal of host-language code (PHP or JavaScript), as pieces:
/// text copied as written, escapes with the bytes they stand for, and holes.
struct HostLiteral {
    enum Piece {
        case verbatim(Range<Int>)
        /// An escape sequence (`\"`, `\n`, `\u{41}`) and what it means.
        case escaped(EscapeBytes, Range<Int>)
        /// Interpolation or `${…}`: decided at run time.
        case hole(Range<Int>)
    }

    // Thirty-two bytes, laid out in this order: a nested-template file keeps a
    // literal for every three bytes. Offsets are kept in 32 bits; a literal of a
    // file past 4 GB is kept wide (see `widen`).
    private var start: UInt32
    private var end: UInt32
    /// The pieces after the first; a wide literal's range, then all its pieces.
    private var otherPieces: [Piece] = []
    /// Most literals are one piece: it is kept inline, so a bundle's hundred
    /// thousand strings cost no allocation each.
    private var firstStart: UInt32 = 0
    private var firstEnd: UInt32 = 0
    private var firstEscape: UInt32 = 0
    /// The first piece's kind (`FirstKind`), its escape's length times 4, and `wideFlag`.
    private var firstInfo: UInt8 = 0
    var style: StringStyle
    /// The significant bytes around the literal (0 at the edges): tell a lone
    /// array key or call argument (`$_SESSION['state']`, `route('cb')`) from markup.
    var before: UInt8 = 0
    var after: UInt8 = 0

    private enum FirstKind { static let none: UInt8 = 0, verbatim: UInt8 = 1, escaped: UInt8 = 2, hole: UInt8 = 3, mask: UInt8 = 3 }
    private static let wideFlag: UInt8 = 0x80

    @inline(__always) init(range: Range<Int>, style: StringStyle, before: UInt8 = 0) {
        start = UInt32(truncatingIfNeeded: range.lowerBound)
        end = UInt32(truncatingIfNeeded: range.upperBound)
        self.style = style
        self.before = before
        if !HostLiteral.fits(range) { setWide(range) }
    }

    @inline(never) private mutating func setWide(_ range: Range<Int>) {
        self.range = range
    }

    private var isWide: Bool { firstInfo & HostLiteral.wideFlag != 0 }

    @inline(__always) private static func fits(_ r: Range<Int>) -> Bool {
        UInt(bitPattern: r.lowerBound) | UInt(bitPattern: r.upperBound) <= UInt(UInt32.max)
    }

    /// The whole literal, quotes included.
    var range: Range<Int> {
        get {
            if isWide { return HostLiteral.bounds(otherPieces[0]) }
            // start <= end: both come from a range (`end(at:)` checks its bound).
            return Range(uncheckedBounds: (Int(start), Int(end)))
        }
        set {
            if !isWide, HostLiteral.fits(newValue) {
                start = UInt32(truncatingIfNeeded: newValue.lowerBound)
                end = UInt32(truncatingIfNeeded: newValue.upperBound)
                return
            }
            widen()
            otherPieces[0] = .verbatim(newValue)
        }
    }

    /// Keeps the range and every piece in `otherPieces` (offsets past 32 bits): the range first.
    private mutating func widen() {
        guard !isWide else { return }
        // (From `init`, start and end are still the truncated bounds the caller replaces.)
        var all: [Piece] = [.verbatim(Int(start)..<max(Int(start), Int(end)))]
        if let first = firstPiece { all.append(first) }
        all += otherPieces
        otherPieces = all
        firstInfo = HostLiteral.wideFlag
    }

    private var firstPiece: Piece? {
        let kind = firstInfo & FirstKind.mask
        if kind == FirstKind.none { return nil }
        let r = Range(uncheckedBounds: (Int(firstStart), Int(firstEnd)))
        switch kind {
        case FirstKind.verbatim: return .verbatim(r)
        case FirstKind.escaped: return .escaped(EscapeBytes(packed: firstEscape, length: firstInfo >> 2), r)
        default: return .hole(r)
        }
    }

    /// Inline: most literals are one piece, added where the lexer knows its kind.
    @inline(__always) mutating func add(_ piece: Piece) {
        guard firstInfo == 0 else { otherPieces.append(piece); return }
        switch piece {
        case .verbatim(let r) where HostLiteral.fits(r):
            setFirst(r, info: FirstKind.verbatim)
        case .escaped(let e, let r) where HostLiteral.fits(r):
            firstEscape = e.packed
            setFirst(r, info: FirstKind.escaped | e.length << 2)
        case .hole(let r) where HostLiteral.fits(r):
            setFirst(r, info: FirstKind.hole)
        default:
            addWide(piece)
        }
    }

    @inline(__always) private mutating func setFirst(_ r: Range<Int>, info: UInt8) {
        firstStart = UInt32(truncatingIfNeeded: r.lowerBound)
        firstEnd = UInt32(truncatingIfNeeded: r.upperBound)
        firstInfo = info
    }

    /// A first piece past 32 bits: the literal is kept wide from then on.
    @inline(never) private mutating func addWide(_ piece: Piece) {
        widen()
        otherPieces.append(piece)
    }

    /// The pieces in order.
    var pieces: Pieces { Pieces(first: firstPiece, rest: otherPieces, from: isWide ? 1 : 0) }

    /// Each piece in order, read in place (`pieces` holds the array: one retain and release a literal).
    @inline(__always) func forEachPiece(_ body: (Piece) -> Void) {
        if isWide {
            for k in otherPieces.indices.dropFirst() { body(otherPieces[k]) }
            return
        }
        if let first = firstPiece { body(first) }
        for k in otherPieces.indices { body(otherPieces[k]) }
    }

    var pieceCount: Int { isWide ? otherPieces.count - 1 : firstInfo == 0 ? 0 : 1 + otherPieces.count }

    /// Ends a template at `end` (its closing backtick, or the region's end: nothing after), in place.
    @inline(__always) mutating func end(at end: Int, after: UInt8) {
        if !isWide, end <= Int(UInt32.max), end >= Int(start) {
            self.end = UInt32(truncatingIfNeeded: end)
        } else {
            range = range.lowerBound..<end
        }
        self.after = after
    }

    /// `add`, and once the literal has `many` pieces, room for `room` more at once (a
    /// template of a million holes). In place: asking the count first copies the literal.
    mutating func add(_ piece: Piece, many: Int, room: @autoclosure () -> Int) {
        if otherPieces.count == many { otherPieces.reserveCapacity(many + room()) }
        add(piece)
    }

    /// `add(.hole(r), many:, room:)`, inline for a literal without pieces yet (a hole closing
    /// each of a million nested templates).
    @inline(__always) mutating func addHole(_ r: Range<Int>, many: Int, room: @autoclosure () -> Int) {
        if firstInfo == 0, HostLiteral.fits(r) {
            setFirst(r, info: FirstKind.hole)
        } else {
            add(.hole(r), many: many, room: room())
        }
    }

    /// Where the text starts and ends in the source, quotes and heredoc markers
    /// excluded: a run-time part between two literals spans `' . $x . '`.
    var contentStart: Int {
        if isWide, otherPieces.count > 1 { return HostLiteral.bounds(otherPieces[1]).lowerBound }
        if !isWide, firstInfo != 0 { return Int(firstStart) }
        let r = range
        return min(r.lowerBound + 1, r.upperBound)
    }
    var contentEnd: Int {
        if let last = otherPieces.last, !isWide || otherPieces.count > 1 { return HostLiteral.bounds(last).upperBound }
        if !isWide, firstInfo != 0 { return Int(firstEnd) }
        let r = range
        return max(r.lowerBound, r.upperBound - 1)
    }

    private static func bounds(_ piece: Piece) -> Range<Int> {
        switch piece {
        case .verbatim(let r), .escaped(_, let r), .hole(let r): return r
        }
    }

    struct Pieces: Sequence {
        let first: Piece?
        let rest: [Piece]
        /// Where the pieces of `rest` start (a wide literal keeps its range first).
        var from = 0
        /// A concrete iterator (not `AnyIterator`: a closure and a box for each literal read).
        struct Iterator: IteratorProtocol {
            var first: Piece?
            let rest: [Piece]
            var index: Int
            mutating func next() -> Piece? {
                if let piece = first { first = nil; return piece }
                guard index < rest.count else { return nil }
                defer { index += 1 }
                return rest[index]
            }
        }
        func makeIterator() -> Iterator { Iterator(first: first, rest: rest, index: from) }
    }

    /// Whether the literal's text holds a byte of markup (`<`, `>`, `"`, `=`). Read in
    /// place, not through `pieces` (a file of nested templates asks millions of literals),
    /// and told at once for a literal of one hole (each of them).
    @inline(__always) func hasMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if firstInfo == FirstKind.hole, otherPieces.isEmpty { return false }
        return piecesHaveMarkup(bytes)
    }

    @inline(__always) private func piecesHaveMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isWide {
            for k in otherPieces.indices.dropFirst() where HostLiteral.hasMarkup(otherPieces[k], bytes) { return true }
            return false
        }
        switch firstInfo & FirstKind.mask {
        case FirstKind.none: return false
        case FirstKind.verbatim: if HostLiteral.hasMarkup(Int(firstStart)..<Int(firstEnd), bytes) { return true }
        case FirstKind.escaped: if HostLiteral.hasMarkup(EscapeBytes(packed: firstEscape, length: firstInfo >> 2)) { return true }
        default: break
        }
        for k in otherPieces.indices where HostLiteral.hasMarkup(otherPieces[k], bytes) { return true }
        return false
    }

    private static func hasMarkup(_ piece: Piece, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch piece {
        case .verbatim(let r): return hasMarkup(r, bytes)
        case .escaped(let v, _): return hasMarkup(v)
        case .hole: return false
        }
    }

    private static func hasMarkup(_ r: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in UnsafeBufferPointer(rebasing: bytes[r]) where b == Byte.lt || b == Byte.gt || b == Byte.quote || b == Byte.equals {
            return true
        }
        return false
    }

    private static func hasMarkup(_ v: EscapeBytes) -> Bool {
        v.contains(where: { $0 == Byte.lt || $0 == Byte.gt || $0 == Byte.quote || $0 == Byte.equals })
    }

    /// Whether the literal takes part in the markup a file assembles: it holds
    /// markup, or it is joined to other text (`' . $x . '`, `'a' + b`). A lone
    /// subscript or call argument (`$_SESSION['state']`, `route('cb')`) and the
    /// many plain strings of a bundle belong to the run-time parts between.
    @inline(__always) func isMarkupPart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if before == Byte.lbracket, after == Byte.rbracket { return false }
        if hasMarkup(bytes) { return true }
        if before == Byte.lparen || before == Byte.comma, after == Byte.rparen || after == Byte.comma { return false }
        return before == Byte.dot || after == Byte.dot || before == Byte.plus || after == Byte.plus
    }
}

/// What an escape stands for: at most four bytes (one UTF-8 sequence; a control
/// character, a byte, or nothing), kept inline so a literal's pieces hold no
/// array each and copying a literal copies no enum payload.
struct EscapeBytes: RandomAccessCollection, Equatable {
    fileprivate private(set) var packed: UInt32 = 0
    fileprivate private(set) var length: UInt8 = 0

    /// Read back from a literal's inline first piece.
    fileprivate init(packed: UInt32, length: UInt8) {
        self.packed = packed
        self.length = length
    }

    init(byte: UInt8) {
        packed = UInt32(byte)
        length = 1
    }

    init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        precondition(bytes.count <= 4, "an escape stands for one UTF-8 sequence at most")
        for b in bytes {
            packed |= UInt32(b) << (8 * UInt32(length))
            length += 1
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { Int(length) }
    subscript(i: Int) -> UInt8 {
        precondition(i >= 0 && i < Int(length))
        return UInt8(truncatingIfNeeded: packed >> (8 * UInt32(i)))
    }
}

extension CodeText {
    /// Assembles the markup held by a file's string literals: each literal's
    /// text, with a hole between literals (what joins them is code). Literals
    /// that are only subscripts or call arguments join the hole around them.
    /// Returns the text and, for each literal it holds, the index in `literals`.
    static func joining(_ literals: [HostLiteral], in bytes: UnsafeBufferPointer<UInt8>) -> (text: CodeText, literals: [Int]) {
        var text = CodeText()
        var used: [Int] = []
        var lastEnd: Int?
        if literals.count > 1 << 12 || literals.first.map({ $0.range.count > 1 << 16 }) == true {
            // A segment for each piece and hole. Text pieces of literals never overlap, so the
            // file bounds their bytes, with `{{}}` for each hole (ranges do overlap: nested templates).
            var segments = 0
            for k in literals.indices { segments += literals[k].pieceCount + 1 }
            text.reserve(bytes: bytes.count + 4 * segments, segments: segments)
            used.reserveCapacity(literals.count)
        }
        // By index: a literal is read in place, not copied (a bundle has hundreds of thousands).
        for k in literals.indices where literals[k].isMarkupPart(bytes) {
            if let lastEnd { text.appendHole(source: lastEnd..<max(lastEnd, literals[k].contentStart)) }
            text.append(literals[k], in: bytes)
            used.append(k)
            lastEnd = literals[k].contentEnd
        }
        return (text, used)
    }

    mutating func append(_ literal: HostLiteral, in bytes: UnsafeBufferPointer<UInt8>) {
        let id = map.addLiteral(literal.style)
        literal.forEachPiece { piece in
            switch piece {
            case .verbatim(let r): appendVerbatim(bytes, r, literal: id)
            case .escaped(let v, let r): appendMapped(v, source: r, literal: id)
            case .hole(let r): appendHole(source: r)
            }
        }
    }

    /// A literal's text as an attribute value: what the code assigns is the value
    /// itself, so `"`, `&`, `<` and `{` are written as character references
    /// (the scanner must read `a&amp;b` back as `a&amp;b`, and `{{` as text).
    mutating func appendValue(_ literal: HostLiteral, in bytes: UnsafeBufferPointer<UInt8>) {
        let id = map.addLiteral(literal.style)
        func encoded(_ b: UInt8) -> [UInt8]? {
            switch b {
            case Byte.quote: return CodeText.quotReference
            case Byte.ampersand: return CodeText.ampReference
            case Byte.lt: return CodeText.ltReference
            case Byte.lbrace: return CodeText.braceReference
            default: return nil
            }
        }
        literal.forEachPiece { piece in
            switch piece {
            case .verbatim(let r):
                // The bytes to encode found sixteen at a time.
                var run = r.lowerBound
                var p = r.lowerBound
                while p < r.upperBound {
                    p = ByteSearch.first(Byte.quote, Byte.ampersand, Byte.lt, Byte.lbrace, in: bytes, from: p, to: r.upperBound)
                    guard p < r.upperBound, let e = encoded(bytes[p]) else { break }
                    appendVerbatim(bytes, run..<p, literal: id)
                    appendMapped(e, source: p..<p + 1, literal: id)
                    p += 1
                    run = p
                }
                appendVerbatim(bytes, run..<r.upperBound, literal: id)
            case .escaped(let v, let r):
                appendMapped(v.flatMap { encoded($0) ?? [$0] }, source: r, literal: id)
            case .hole(let r):
                appendHole(source: r)
            }
        }
    }

    // Built once: a value with many such bytes makes no array for each.
    private static let quotReference = Array("&quot;".utf8)
    private static let ampReference = Array("&amp;".utf8)
    private static let ltReference = Array("&lt;".utf8)
    private static let braceReference = Array("&#123;".utf8)

    /// Room for the markup of built elements (see `reserve(bytes:segments:)`), estimated
    /// from their parts alone: a value's literal may be large and shared by many elements.
    mutating func reserve(for elements: [CodeAnalysis.BuiltElement]) {
        guard elements.count > 64 else { return }
        var parts = 0
        for element in elements {
            parts += 3
            for value in element.classParts { parts += 1 + value.count }
            for attribute in element.attributes { parts += 2 + attribute.value.count }
        }
        reserve(bytes: 40 * parts, segments: 4 * parts)
    }

    /// The markup of an element built in code: `<script class="…" data-…="…">`.
    mutating func append(_ element: CodeAnalysis.BuiltElement, literals: [HostLiteral], in bytes: UnsafeBufferPointer<UInt8>) {
        let tag = literals[Int(element.tagLiteral)].range
        appendSynthetic("<", at: tag.lowerBound)
        appendMapped(element.tagName.utf8, source: tag, literal: -1)
        func value(_ parts: CodeAnalysis.ValueParts, at anchor: Int) {
            appendSynthetic("=\"", at: anchor)
            var end = anchor
            for part in parts {
                switch part {
                case .literal(let l): appendValue(literals[Int(l)], in: bytes); end = literals[Int(l)].range.upperBound
                case .hole(let r): appendHole(source: r); end = r.upperBound
                }
            }
            // The attribute ends where its value ends in the source: `s.id = 'amocrm_oauth'`.
            appendSynthetic("\"", at: end)
        }
        if !element.classParts.isEmpty, let anchor = element.classAnchor {
            appendSynthetic(" ", at: anchor.lowerBound)
            appendMapped("class".utf8, source: anchor, literal: -1)
            appendSynthetic("=\"", at: anchor.upperBound)
            for (k, parts) in element.classParts.enumerated() {
                if k > 0 { appendSynthetic(" ", at: anchor.upperBound) }
                for part in parts {
                    switch part {
                    case .literal(let l): appendValue(literals[Int(l)], in: bytes)
                    case .hole(let r): appendHole(source: r)
                    }
                }
            }
            appendSynthetic("\"", at: anchor.upperBound)
        }
        for attribute in element.attributes {
            let nameEnd: Int
            switch attribute.name {
            case .derived(let name, let range):
                appendSynthetic(" ", at: range.lowerBound)
                appendMapped(name.utf8, source: range, literal: -1)
                nameEnd = range.upperBound
            case .literal(let l):
                appendSynthetic(" ", at: literals[Int(l)].range.lowerBound)
                append(literals[Int(l)], in: bytes)
                nameEnd = literals[Int(l)].range.upperBound
            }
            if attribute.value.isEmpty { continue }
            value(attribute.value, at: nameEnd)
        }
        let end = element.attributes.last.map { _ in tag.upperBound } ?? tag.upperBound
        appendSynthetic("></", at: end)
        appendMapped(element.tagName.utf8, source: tag, literal: -1)
        appendSynthetic(">", at: end)
        appendSynthetic("\n", at: end)
    }
}

/// Lexing helpers shared by the PHP and JavaScript lexers.
enum Lexing {
    /// The last significant byte before `i` (0 at the start), skipping white space.
    static func significant(before i: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> UInt8 {
        var j = i - 1
        while j >= limit, Byte.isSpace(bytes[j]) { j -= 1 }
        return j >= limit ? bytes[j] : 0
    }

    /// The first significant byte at or after `i` (0 at the end).
    static func significant(from i: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> UInt8 {
        var j = i
        while j < limit, Byte.isSpace(bytes[j]) { j += 1 }
        return j < limit ? bytes[j] : 0
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// The control character of a one-letter escape both languages share
    /// (`\n \t \r \v \f`), plus the language's own (`extra`: JS `b`, PHP `e`).
    static func controlEscape(_ c: UInt8, extra: (letter: UInt8, value: UInt8)) -> UInt8? {
        switch c {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "v"): return 0x0B
        case UInt8(ascii: "f"): return 0x0C
        case extra.letter: return extra.value
        default: return nil
        }
    }

    /// `\u{…}` at `p` (the backslash): the code point's UTF-8 and the escape's length, or nil.
    static func braceEscape(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, limit: Int) -> ([UInt8], Int)? {
        guard p + 2 < limit, bytes[p + 2] == Byte.lbrace else { return nil }
        var value: UInt32 = 0, k = p + 3
        while k < limit, k < p + 11, let h = hexValue(bytes[k]) { value = value &* 16 &+ h; k += 1 }
        guard k < limit, k > p + 3, bytes[k] == Byte.rbrace else { return nil }
        return (utf8(value), k + 1 - p)
    }

    static func utf8(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [0xEF, 0xBF, 0xBD] }
        return Array(String(Character(scalar)).utf8)
    }

    /// Whether the bytes of `range` hold `needle` (no allocation: this runs for many tags and comments).
    static func contains(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return false }
        let first = needle.utf8Start[0]
        var i = range.lowerBound
        while i + count <= range.upperBound {
            if bytes[i] == first {
                var k = 1
                while k < count, bytes[i + k] == needle.utf8Start[k] { k += 1 }
                if k == count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `bytes[at...]` starts with `word`.
    static func hasPrefix(_ word: StaticString, at p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.utf8CodeUnitCount
        guard p + count <= bytes.count else { return false }
        for k in 0..<count where bytes[p + k] != word.utf8Start[k] { return false }
        return true
    }

    /// Like `hasPrefix`, ignoring ASCII case (`word` lower-case).
    static func hasPrefixIgnoringCase(_ word: StaticString, at p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.utf8CodeUnitCount
        guard p + count <= bytes.count else { return false }
        for k in 0..<count where Byte.lower(bytes[p + k]) != word.utf8Start[k] { return false }
        return true
    }
}
