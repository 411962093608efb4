/// PHP as the PHP engine reads a file: inline HTML up to `<?php`, `<?=` or a
/// short `<? `, then code up to a `?>` that is not inside a string or a block
/// comment, or to the end of the file when the block is never closed. One pass,
/// linear: each byte is looked at a constant number of times.
struct PHPLexer {
    /// A block from its opener through `?>` (or the end of the file).
    struct Block {
        var range: Range<Int>
        var code: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Byte by byte through string text, as before the skips (only tests ask, to compare).
    private var plain = false
    private(set) var blocks: [Block] = []
    private(set) var literals: [HostLiteral] = []
    /// Comments that mention `amolint-` (suppressions).
    private(set) var directiveComments: [RawComment] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> PHPLexer {
        var lexer = PHPLexer(bytes: bytes)
        lexer.run()
        return lexer
    }

    /// The lexer stepping byte by byte through string text, without skips (tests compare the two).
    static func lexPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> PHPLexer {
        var lexer = PHPLexer(bytes: bytes)
        lexer.plain = true
        lexer.run()
        return lexer
    }

    /// The length of a PHP opener at `p`, or nil (`<?xml` is not PHP).
    static func openerLength(at p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard p + 1 < n, bytes[p] == Byte.lt, bytes[p + 1] == Byte.question else { return nil }
        if Lexing.hasPrefixIgnoringCase("<?php", at: p, in: bytes) {
            return p + 5 == n || Byte.isSpace(bytes[p + 5]) ? 5 : nil
        }
        if p + 2 < n, bytes[p + 2] == Byte.equals { return 3 }
        return p + 2 == n || Byte.isSpace(bytes[p + 2]) ? 2 : nil
    }

    private mutating func run() {
        let n = bytes.count
        // Room for a literal every 32 bytes and a block every 64, reserved at once (pages never
        // written cost nothing): a page of 100,000 blocks copied its lists at each doubling.
        LargeArrays.reserve(&literals, capacity: n / 32)
        LargeArrays.reserve(&blocks, capacity: n / 64)
        var i = 0
        while i < n {
            i = ByteSearch.first(Byte.lt, Byte.lt, in: bytes, from: i, to: n)
            guard i < n else { break }
            guard let length = PHPLexer.openerLength(at: i, in: bytes) else { i += 1; continue }
            let (codeEnd, blockEnd) = code(from: i + length)
            blocks.append(Block(range: i..<blockEnd, code: i + length..<codeEnd))
            i = blockEnd
        }
    }

    /// Lexes code from `start`; returns where the code ends and where the block ends.
    private mutating func code(from start: Int) -> (Int, Int) {
        let n = bytes.count
        var p = start
        while p < n {
            let b = bytes[p]
            switch b {
            case Byte.question where p + 1 < n && bytes[p + 1] == Byte.gt:
                return (p, p + 2)
            case Byte.apostrophe:
                p = singleQuoted(at: p, codeStart: start)
            case Byte.quote:
                p = doubleQuoted(at: p, codeStart: start)
            case Byte.backtick:
                p = skipShell(at: p)
            case Byte.lt where Lexing.hasPrefix("<<<", at: p, in: bytes):
                p = heredoc(at: p, codeStart: start) ?? p + 3
            case Byte.hash where !(p + 1 < n && bytes[p + 1] == Byte.lbracket):
                if let end = lineComment(at: p, markerLength: 1) { return end }
                p = lineEnd(from: p)
            case Byte.slash where p + 1 < n && bytes[p + 1] == Byte.slash:
                if let end = lineComment(at: p, markerLength: 2) { return end }
                p = lineEnd(from: p)
            case Byte.slash where p + 1 < n && bytes[p + 1] == Byte.star:
                p = blockComment(at: p)
            default:
                p += 1
            }
        }
        return (n, n)
    }

    // MARK: Comments

    /// A `//` or `#` comment: it ends at a line break or at `?>`, which also
    /// closes the block. Returns (code end, block end) when `?>` closes it.
    private mutating func lineComment(at p: Int, markerLength: Int) -> (Int, Int)? {
        let n = bytes.count
        var q = p + markerLength
        while q < n, bytes[q] != Byte.newline {
            if bytes[q] == Byte.question, q + 1 < n, bytes[q + 1] == Byte.gt {
                note(comment: p..<q, content: p + markerLength..<q)
                return (p, q + 2)
            }
            q += 1
        }
        note(comment: p..<q, content: p + markerLength..<q)
        return nil
    }

    private func lineEnd(from p: Int) -> Int {
        var q = p
        while q < bytes.count, bytes[q] != Byte.newline { q += 1 }
        return q
    }

    /// `/* … */`: a `?>` inside does not close the block; unclosed, it runs to the end.
    private mutating func blockComment(at p: Int) -> Int {
        let n = bytes.count
        var q = p + 2
        while q + 1 < n, !(bytes[q] == Byte.star && bytes[q + 1] == Byte.slash) { q += 1 }
        let end = q + 1 < n ? q + 2 : n
        note(comment: p..<end, content: p + 2..<(q + 1 < n ? q : n))
        return end
    }

    private mutating func note(comment: Range<Int>, content: Range<Int>) {
        if Lexing.contains("amolint-", in: bytes, content) {
            directiveComments.append(RawComment(kind: .code, range: comment, contentRange: content))
        }
    }

    // MARK: Strings

    /// Consumed, not copied: the list takes the literal itself (a copy and a destroy a literal of 100,000).
    private mutating func finish(_ literal: consuming HostLiteral, codeStart: Int) {
        literal.before = Lexing.significant(before: literal.range.lowerBound, in: bytes, limit: codeStart)
        literal.after = Lexing.significant(from: literal.range.upperBound, in: bytes, limit: bytes.count)
        literals.append(literal)
    }

    /// `'…'`: only `\\` and `\'` are escapes.
    private mutating func singleQuoted(at open: Int, codeStart: Int) -> Int {
        let n = bytes.count
        var literal = HostLiteral(range: open..<n, style: .phpSingle)
        var run = open + 1
        var p = open + 1
        while p < n {
            // Every other byte is text: sixteen at a time to the next quote or backslash (a 10 MB string).
            if !plain { p = ByteSearch.first(Byte.apostrophe, Byte.backslash, in: bytes, from: p, to: n); if p == n { break } }
            let b = bytes[p]
            if b == Byte.apostrophe { break }
            if b == Byte.backslash, p + 1 < n, bytes[p + 1] == Byte.apostrophe || bytes[p + 1] == Byte.backslash {
                if run < p { literal.add(.verbatim(run..<p)) }
                literal.add(.escaped(EscapeBytes(byte: bytes[p + 1]), p..<p + 2))
                p += 2
                run = p
                continue
            }
            p += 1
        }
        if run < min(p, n) { literal.add(.verbatim(run..<min(p, n))) }
        let end = p < n ? p + 1 : n
        literal.range = open..<end
        finish(consume literal, codeStart: codeStart)
        return end
    }

    /// `"…"`: escapes and interpolation (`$x`, `$x->y`, `$x['k']`, `{$…}`, `${…}`).
    private mutating func doubleQuoted(at open: Int, codeStart: Int) -> Int {
        let n = bytes.count
        var literal = HostLiteral(range: open..<n, style: .phpDouble)
        let end = interpolated(from: open + 1, to: n, terminator: Byte.quote, into: &literal)
        let close = end < n ? end + 1 : n
        literal.range = open..<close
        finish(consume literal, codeStart: codeStart)
        return close
    }

    /// Text with PHP's double-quote escapes and interpolation, up to `terminator`
    /// (0: up to `limit`). Returns the index of the terminator, or `limit`.
    private func interpolated(from start: Int, to limit: Int, terminator: UInt8, into literal: inout HostLiteral) -> Int {
        var run = start
        var p = start
        func flush(_ upTo: Int) { if run < upTo { literal.add(.verbatim(run..<upTo)) } }
        while p < limit {
            // Every other byte is text: sixteen at a time to the next one that may end it, escape or interpolate.
            if !plain {
                p = terminator == 0 ? ByteSearch.first(Byte.backslash, Byte.dollar, Byte.lbrace, in: bytes, from: p, to: limit)
                    : ByteSearch.first(Byte.backslash, Byte.dollar, Byte.lbrace, terminator, in: bytes, from: p, to: limit)
                if p == limit { break }
            }
            let b = bytes[p]
            if terminator != 0, b == terminator { break }
            if b == Byte.backslash, p + 1 < limit, let (value, length) = escape(at: p, limit: limit, inHeredoc: terminator == 0) {
                flush(p)
                literal.add(.escaped(EscapeBytes(value), p..<p + length))
                p += length
                run = p
                continue
            }
            if b == Byte.dollar || b == Byte.lbrace, let holeEnd = interpolation(at: p, limit: limit) {
                flush(p)
                literal.add(.hole(p..<holeEnd))
                p = holeEnd
                run = p
                continue
            }
            p += 1
        }
        flush(min(p, limit))
        return p
    }

    /// The escape at `p` (a backslash) and its length, or nil when the backslash is literal.
    private func escape(at p: Int, limit: Int, inHeredoc: Bool) -> ([UInt8], Int)? {
        let c = bytes[p + 1]
        if let control = Lexing.controlEscape(c, extra: (UInt8(ascii: "e"), 0x1B)) { return ([control], 2) }
        switch c {
        case Byte.backslash, Byte.dollar: return ([c], 2)
        case Byte.quote: return inHeredoc ? nil : ([c], 2)
        case UInt8(ascii: "x"):
            var value: UInt32 = 0, k = p + 2
            while k < limit, k < p + 4, let h = Lexing.hexValue(bytes[k]) { value = value * 16 + h; k += 1 }
            return k > p + 2 ? ([UInt8(value)], k - p) : nil
        case UInt8(ascii: "u"):
            return Lexing.braceEscape(bytes, at: p, limit: limit)
        case 0x30...0x37:
            var value: UInt32 = 0, k = p + 1
            while k < limit, k < p + 4, bytes[k] >= 0x30, bytes[k] <= 0x37 { value = value * 8 + UInt32(bytes[k] - 0x30); k += 1 }
            return ([UInt8(truncatingIfNeeded: value)], k - p)
        default:
            return nil
        }
    }

    /// The end of an interpolation starting at `p`, or nil when there is none.
    private func interpolation(at p: Int, limit: Int) -> Int? {
        let b = bytes[p]
        if b == Byte.lbrace {
            // `{$…}`: complex syntax, up to the matching brace.
            guard p + 1 < limit, bytes[p + 1] == Byte.dollar else { return nil }
            return matchingBrace(from: p, limit: limit)
        }
        guard p + 1 < limit else { return nil }
        if bytes[p + 1] == Byte.lbrace { return matchingBrace(from: p + 1, limit: limit) }  // `${…}`
        guard isNameStart(bytes[p + 1]) else { return nil }
        var q = p + 2
        while q < limit, isNameByte(bytes[q]) { q += 1 }
        // One level of `[…]` or `->name`, as PHP's simple syntax allows.
        if q < limit, bytes[q] == Byte.lbracket {
            var k = q + 1
            while k < limit, bytes[k] != Byte.rbracket, bytes[k] != Byte.quote, bytes[k] != Byte.newline { k += 1 }
            if k < limit, bytes[k] == Byte.rbracket { q = k + 1 }
        } else if q + 2 < limit, bytes[q] == Byte.dash, bytes[q + 1] == Byte.gt, isNameStart(bytes[q + 2]) {
            q += 3
            while q < limit, isNameByte(bytes[q]) { q += 1 }
        }
        return q
    }

    /// Index after the `}` matching the `{` at `open`, skipping quoted strings; `limit` when unclosed.
    private func matchingBrace(from open: Int, limit: Int) -> Int {
        var depth = 0
        var p = open
        while p < limit {
            let b = bytes[p]
            if b == Byte.lbrace { depth += 1 }
            else if b == Byte.rbrace { depth -= 1; if depth == 0 { return p + 1 } }
            else if b == Byte.apostrophe || b == Byte.quote {
                var k = p + 1
                while k < limit, bytes[k] != b { if bytes[k] == Byte.backslash { k += 1 }; k += 1 }
                p = k
            }
            p += 1
        }
        return limit
    }

    private func isNameStart(_ b: UInt8) -> Bool { Byte.isLetter(b) || b == Byte.underscore || b >= 0x80 }
    private func isNameByte(_ b: UInt8) -> Bool { isNameStart(b) || Byte.isDigit(b) }

    private func skipShell(at open: Int) -> Int {
        var p = open + 1
        while p < bytes.count, bytes[p] != Byte.backtick { if bytes[p] == Byte.backslash { p += 1 }; p += 1 }
        return min(p + 1, bytes.count)
    }

    /// `<<<ID`, `<<<"ID"` (heredoc) or `<<<'ID'` (nowdoc), closed by `ID` at the
    /// start of a line, indented or not (PHP 7.3), followed by a non-name byte.
    private mutating func heredoc(at p: Int, codeStart: Int) -> Int? {
        let n = bytes.count
        var q = p + 3
        while q < n, bytes[q] == Byte.space || bytes[q] == Byte.tab { q += 1 }
        var quote: UInt8 = 0
        if q < n, bytes[q] == Byte.quote || bytes[q] == Byte.apostrophe { quote = bytes[q]; q += 1 }
        let nameStart = q
        guard q < n, isNameStart(bytes[q]) else { return nil }
        while q < n, isNameByte(bytes[q]) { q += 1 }
        let name = nameStart..<q
        if quote != 0 { guard q < n, bytes[q] == quote else { return nil }; q += 1 }
        if q < n, bytes[q] == Byte.cr { q += 1 }
        guard q < n, bytes[q] == Byte.newline else { return nil }
        let contentStart = q + 1
        // Find the closing line.
        var lineStart = contentStart
        var contentEnd = n, end = n
        while lineStart <= n {
            var k = lineStart
            while k < n, bytes[k] == Byte.space || bytes[k] == Byte.tab { k += 1 }
            if k + name.count <= n, UnsafeBufferPointer(rebasing: bytes[k..<k + name.count]).elementsEqual(UnsafeBufferPointer(rebasing: bytes[name])),
               k + name.count == n || !isNameByte(bytes[k + name.count])
            {
                contentEnd = max(contentStart, lineStart - 1)
                if contentEnd > contentStart, bytes[contentEnd - 1] == Byte.cr { contentEnd -= 1 }
                end = k + name.count
                break
            }
            k = plain ? k : ByteSearch.first(Byte.newline, in: bytes, from: k, to: n)
            while k < n, bytes[k] != Byte.newline { k += 1 }
            lineStart = k + 1
        }
        var literal = HostLiteral(range: p..<end, style: quote == Byte.apostrophe ? .phpNowdoc : .phpHeredoc)
        if quote == Byte.apostrophe {
            if contentStart < contentEnd { literal.add(.verbatim(contentStart..<contentEnd)) }
        } else {
            _ = interpolated(from: contentStart, to: contentEnd, terminator: 0, into: &literal)
        }
        finish(consume literal, codeStart: codeStart)
        return end
    }
}
