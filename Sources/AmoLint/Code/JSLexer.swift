/// JavaScript and TypeScript, lexed as far as amolint needs: comments (dead
/// code), string and template literals (markup may hide in them), regular
/// expressions (so a `/` never derails the rest), and identifiers and
/// punctuators for the element builders. With `jsx`, JSX elements are stepped
/// over: their attribute expressions and `{…}` children are code again.
///
/// One pass with an explicit mode stack, so nesting (templates in templates,
/// JSX in expressions in JSX) costs no recursion and stays linear.
struct JSLexer {
    /// Sixteen bytes: a bundle has millions of tokens.
    struct Token {
        enum Kind: UInt8 { case identifier, punctuator, string, template, number, regex }
        var kind: Kind
        /// A line break stands between this token and the one before (automatic semicolons).
        var newlineBefore: Bool
        private var start: Int32
        private var end: Int32
        /// Index into `literals` for strings and templates, else -1.
        var literal: Int32

        init(kind: Kind, range: Range<Int>, newlineBefore: Bool, literal: Int32) {
            self.kind = kind
            self.newlineBefore = newlineBefore
            start = Int32(truncatingIfNeeded: range.lowerBound)
            end = Int32(truncatingIfNeeded: range.upperBound)
            self.literal = literal
        }

        var range: Range<Int> {
            get { Int(start)..<max(Int(start), Int(end)) }
            set {
                start = Int32(truncatingIfNeeded: newValue.lowerBound)
                end = Int32(truncatingIfNeeded: newValue.upperBound)
            }
        }
    }

    /// The size of a mode on the stack (tests keep it small).
    static var modeStride: Int { MemoryLayout<Frame>.stride }

    let bytes: UnsafeBufferPointer<UInt8>
    let jsx: Bool
    private(set) var tokens: [Token] = []
    private(set) var literals: [HostLiteral] = []
    private(set) var directiveComments: [RawComment] = []
    /// Where JSX tags start (`<` of an element or a closing tag), in order.
    private(set) var jsxTagStarts: [Int] = []
    /// Outermost JSX elements, from `<` to the end of their closing tag.
    private(set) var jsxRanges: [Range<Int>] = []
    private var jsxStart = 0

    /// The modes, one a nesting level, kept by hand (see `FrameStack`).
    private var stack = FrameStack()
    private var expressionExpected = true
    private var newline = false
    private let regionStart: Int
    private var regionCount = 0
    /// Past this many, a stack or a literal's pieces are hostile (nested templates, a
    /// template of a million holes) and get their room at once (see `reserve`).
    private static let deep = 1 << 12

    static func lex(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, jsx: Bool) -> JSLexer {
        var lexer = JSLexer(bytes: bytes, jsx: jsx, regionStart: range.lowerBound)
        lexer.reserve(range.count)
        lexer.stack.push(.code(depth: 0, hole: -1, token: -1))
        lexer.run(range)
        lexer.stack.free()
        return lexer
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, jsx: Bool, regionStart: Int) {
        self.bytes = bytes
        self.jsx = jsx
        self.regionStart = regionStart
    }

    /// Room for the tokens and literals of a large region, asked for once: growing
    /// copies each array and touches its pages twice (much of the time of 10 MB of
    /// nested templates). Code has a token every 3-6 bytes and a literal far more
    /// rarely; pages reserved and never written cost no memory. Bounded, so a huge
    /// region asks for no more than a few hundred megabytes of address space.
    private mutating func reserve(_ count: Int) {
        regionCount = count
        guard count > 1 << 16 else { return }
        LargeArrays.reserve(&tokens, capacity: min(count / 2, 1 << 23))
        LargeArrays.reserve(&literals, capacity: min(count / 4, 1 << 22))
    }

    /// Open JSX elements on the stack, counted as they are pushed and popped
    /// (asking the stack would cost its depth at every element).
    private var jsxDepth = 0

    private mutating func push(_ frame: Frame) {
        if frame.isJSX { jsxDepth += 1 }
        // Deep nesting pushes a frame every two or three bytes (`` `${ ``): room for that many at once.
        if stack.stored == JSLexer.deep { stack.reserve(min(regionCount / 2, 1 << 24)) }
        stack.push(frame)
    }

    /// Adds a piece to a template literal, with room for as many as the region may hold once it has many.
    private mutating func addPiece(_ piece: HostLiteral.Piece, to literal: Int, end n: Int, at p: Int) {
        literals[literal].add(piece, many: JSLexer.deep, room: min((n - p) / 4, 1 << 22))
    }

    private mutating func pop() {
        if stack.pop().isJSX { jsxDepth -= 1 }
    }

    private mutating func run(_ range: Range<Int>) {
        var p = range.lowerBound
        let n = range.upperBound
        while p < n, stack.stored > 0 {
            let frame = stack.top
            if frame.isCode {
                p = code(at: p, end: n)
            } else if frame.isTemplate {
                p = template(at: p, end: n, token: Int(frame.token))
            } else {
                p = jsxStep(at: p, end: n, depth: Int(frame.depth), inTag: frame.inTag, closing: frame.closing)
            }
        }
        // An element still open at the end (being typed) runs to the end.
        if jsxDepth > 0 { jsxRanges.append(jsxStart..<n) }
        // Unclosed templates run to the end: those in text and those in a hole.
        let frames = stack
        frames.forEach { frame in
            guard frame.token >= 0 else { return }
            let token = Int(frame.token)
            literals[Int(tokens[token].literal)].end(at: n, after: 0)
            tokens[token].range = tokens[token].range.lowerBound..<n
        }
    }

    private mutating func emit(_ kind: Token.Kind, _ range: Range<Int>, literal: Int32 = -1) {
        tokens.append(Token(kind: kind, range: range, newlineBefore: newline, literal: literal))
        newline = false
    }

    // MARK: Code

    /// Code up to the first token that changes the mode (a template, a brace, JSX), or the end:
    /// the tokens between are read in this loop, not one call of `run` each. The frame on top
    /// is a code frame.
    private mutating func code(at start: Int, end n: Int) -> Int {
        var p = start
        while p < n {
            let b = bytes[p]
            if Byte.isSpace(b) {
                // A run of white space at once: the mode cannot change inside it.
                var q = p
                while q < n, Byte.isSpace(bytes[q]) {
                    if bytes[q] == Byte.newline { newline = true }
                    q += 1
                }
                p = q
                continue
            }
            switch b {
            case Byte.slash:
                if p + 1 < n, bytes[p + 1] == Byte.slash {
                    var q = p + 2
                    while q < n, bytes[q] != Byte.newline { q += 1 }
                    comment(p..<q, content: p + 2..<q)
                    p = q
                    continue
                }
                if p + 1 < n, bytes[p + 1] == Byte.star {
                    var q = p + 2
                    while q + 1 < n, !(bytes[q] == Byte.star && bytes[q + 1] == Byte.slash) { q += 1 }
                    let end = q + 1 < n ? q + 2 : n
                    comment(p..<end, content: p + 2..<min(q, n))
                    if bytes[p..<end].contains(Byte.newline) { newline = true }
                    p = end
                    continue
                }
                if expressionExpected, let end = regex(at: p, end: n) {
                    emit(.regex, p..<end)
                    expressionExpected = false
                    p = end
                    continue
                }
                p = punctuator(at: p, end: n)
            case Byte.quote, Byte.apostrophe:
                p = string(at: p, end: n)
            case Byte.backtick:
                openTemplate(at: p, end: n)
                return p + 1
            case Byte.lbrace:
                stack.top.depth += 1
                emit(.punctuator, p..<p + 1)
                expressionExpected = true
                return p + 1
            case Byte.rbrace:
                let frame = stack.top
                if frame.depth == 0, stack.stored > 1 {
                    guard frame.token >= 0 else {
                        // The end of a JSX `{…}`: back in the element.
                        pop()
                        return p + 1
                    }
                    // The end of a hole: back in its template's text.
                    let token = Int(frame.token)
                    addPiece(.hole(Int(frame.hole)..<p + 1), to: Int(tokens[token].literal), end: n, at: p)
                    // Fast path: the template ends right after (`` }` ``, nested templates closing):
                    // closed here (its frame popped), and the code of the frame below goes on.
                    if p + 1 < n, bytes[p + 1] == Byte.backtick {
                        p = closeNested(at: p + 1, end: n, token: token)
                        continue
                    }
                    stack.top = .template(token: frame.token)
                    return p + 1
                }
                if frame.depth > 0 { stack.top.depth -= 1 }
                emit(.punctuator, p..<p + 1)
                expressionExpected = true
                return p + 1
            case Byte.lt where jsx && expressionExpected:
                guard p + 1 < n, Byte.isLetter(bytes[p + 1]) || bytes[p + 1] == Byte.gt else {
                    p = punctuator(at: p, end: n)
                    continue
                }
                if jsxDepth == 0 { jsxStart = p }
                push(.jsx(depth: 0, inTag: true, closing: false))
                jsxTagStarts.append(p)
                return skipTagName(from: p + 1, end: n)
            default:
                if Byte.isIdentifier(b) || b == Byte.hash {
                    var q = p + 1
                    while q < n, Byte.isIdentifier(bytes[q]) { q += 1 }
                    if Byte.isDigit(b) {
                        // A number (with `.5`, `1e-3` and `0x…` close enough for our purposes).
                        while q < n, bytes[q] == Byte.dot || Byte.isIdentifier(bytes[q]) { q += 1 }
                        emit(.number, p..<q)
                        expressionExpected = false
                        p = q
                        continue
                    }
                    emit(.identifier, p..<q)
                    expressionExpected = JSLexer.isOperatorKeyword(p, q, in: bytes)
                    p = q
                    continue
                }
                p = punctuator(at: p, end: n)
            }
        }
        return p
    }

    private mutating func punctuator(at p: Int, end n: Int) -> Int {
        let b = bytes[p]
        var length = 1
        // Only these bytes end a punctuator of two or three: most punctuators are one byte, told at once.
        if p + 1 < n, JSLexer.secondOfPair(bytes[p + 1]) {
            let c = bytes[p + 1]
            switch (b, c) {
            case (Byte.equals, Byte.gt), (Byte.equals, Byte.equals), (Byte.bang, Byte.equals), (Byte.plus, Byte.equals),
                 (Byte.ampersand, Byte.ampersand), (Byte.pipe, Byte.pipe), (Byte.question, Byte.question),
                 (Byte.question, Byte.dot), (Byte.lt, Byte.equals), (Byte.gt, Byte.equals), (Byte.plus, Byte.plus),
                 (Byte.dash, Byte.dash):
                length = 2
                if (b == Byte.equals || b == Byte.bang), c == Byte.equals, p + 2 < n, bytes[p + 2] == Byte.equals { length = 3 }
            case (Byte.dot, Byte.dot) where p + 2 < n && bytes[p + 2] == Byte.dot:
                length = 3
            default:
                break
            }
        }
        emit(.punctuator, p..<p + length)
        // After `)` or `]` an operand ended (`(a) / 2`); after any other punctuator an expression may start.
        expressionExpected = !(length == 1 && (b == Byte.rparen || b == Byte.rbracket))
            && !(length == 2 && (b == Byte.plus || b == Byte.dash) && bytes[p + 1] == b)
        return p + length
    }

    @inline(__always) private static func secondOfPair(_ c: UInt8) -> Bool {
        c == Byte.equals || c == Byte.gt || c == Byte.ampersand || c == Byte.pipe || c == Byte.question || c == Byte.dot
            || c == Byte.plus || c == Byte.dash
    }

    /// `return`, `typeof`, `instanceof`, `in`, `of`, `new`, `delete`, `void`, `throw`, `case`, `do`,
    /// `else`, `yield`, `await`, `extends`: told apart by length and first byte, then compared
    /// (most identifiers are no keyword of their length and first byte, and cost two tests).
    private static func isOperatorKeyword(_ p: Int, _ q: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func `is`(_ word: StaticString) -> Bool { Lexing.hasPrefix(word, at: p, in: bytes) }
        switch (q - p, bytes[p]) {
        case (2, UInt8(ascii: "i")): return `is`("in")
        case (2, UInt8(ascii: "o")): return `is`("of")
        case (2, UInt8(ascii: "d")): return `is`("do")
        case (3, UInt8(ascii: "n")): return `is`("new")
        case (4, UInt8(ascii: "v")): return `is`("void")
        case (4, UInt8(ascii: "c")): return `is`("case")
        case (4, UInt8(ascii: "e")): return `is`("else")
        case (5, UInt8(ascii: "t")): return `is`("throw")
        case (5, UInt8(ascii: "y")): return `is`("yield")
        case (5, UInt8(ascii: "a")): return `is`("await")
        case (6, UInt8(ascii: "r")): return `is`("return")
        case (6, UInt8(ascii: "t")): return `is`("typeof")
        case (6, UInt8(ascii: "d")): return `is`("delete")
        case (7, UInt8(ascii: "e")): return `is`("extends")
        case (10, UInt8(ascii: "i")): return `is`("instanceof")
        default: return false
        }
    }

    /// A regular expression literal at `p`, or nil when the line ends first (then `/` is division).
    private func regex(at p: Int, end n: Int) -> Int? {
        var q = p + 1
        var inClass = false
        while q < n {
            let b = bytes[q]
            if b == Byte.newline || b == Byte.cr { return nil }
            if b == Byte.backslash { q += 2; continue }
            if b == Byte.lbracket { inClass = true }
            else if b == 0x5D { inClass = false }
            else if b == Byte.slash, !inClass {
                q += 1
                while q < n, Byte.isIdentifier(bytes[q]) { q += 1 }  // flags
                return q
            }
            q += 1
        }
        return nil
    }

    private mutating func comment(_ range: Range<Int>, content: Range<Int>) {
        if Lexing.contains("amolint-", in: bytes, content) {
            directiveComments.append(RawComment(kind: .code, range: range, contentRange: content))
        }
    }

    // MARK: Strings and templates

    private mutating func string(at open: Int, end n: Int) -> Int {
        let quote = bytes[open]
        var literal = HostLiteral(range: open..<n, style: quote == Byte.quote ? .jsDouble : .jsSingle)
        var run = open + 1
        var p = open + 1
        while p < n {
            // Text runs to the next quote, line break or backslash, found sixteen bytes at a time
            // (the search may answer past `n` when there is none: a region ends inside the buffer).
            p = ByteSearch.first(quote, Byte.newline, Byte.backslash, in: bytes, from: p, to: n)
            guard p < n else { break }
            let b = bytes[p]
            if b == quote || b == Byte.newline { break }  // a raw line break ends an unterminated string
            if b == Byte.backslash, p + 1 < n {
                if run < p { literal.add(.verbatim(run..<p)) }
                let (value, length) = escape(at: p, end: n)
                literal.add(.escaped(EscapeBytes(value), p..<p + length))
                p += length
                run = p
                continue
            }
            p += 1
        }
        if run < p { literal.add(.verbatim(run..<p)) }
        let end = p < n && bytes[p] == quote ? p + 1 : p
        literal.range = open..<end
        literal.before = Lexing.significant(before: open, in: bytes, limit: regionStart)
        literal.after = Lexing.significant(from: end, in: bytes, limit: n)
        let index = Int32(literals.count)
        literals.append(literal)
        emit(.string, open..<end, literal: index)
        expressionExpected = false
        return end
    }

    /// A template's text from `start` (the frame on top is the template of `token`) to the next
    /// change of mode. Escapes are read in this loop, and a template opened right inside a hole
    /// (`` `${` ``, nested templates) is opened here as `code` would and read on.
    private mutating func template(at start: Int, end n: Int, token first: Int) -> Int {
        var p = start
        var token = first
        var literal = Int(tokens[token].literal)
        while true {
            var q = p
            while q < n {
                let b = bytes[q]
                if b == Byte.backtick || b == Byte.backslash || b == Byte.dollar {
                    if b != Byte.dollar || (q + 1 < n && bytes[q + 1] == Byte.lbrace) { break }
                    q += 1
                } else {
                    // Text: the next candidate sixteen bytes at a time.
                    q = ByteSearch.first(Byte.backtick, Byte.backslash, Byte.dollar, in: bytes, from: q + 1, to: n)
                }
            }
            if q > p { addPiece(.verbatim(p..<q), to: literal, end: n, at: q) }
            guard q < n else { return n }
            switch bytes[q] {
            case Byte.backtick:
                closeTemplate(at: q, end: n, token: token)
                return q + 1
            case Byte.backslash:
                let (value, length) = escape(at: q, end: n)
                addPiece(.escaped(EscapeBytes(value), q..<q + length), to: literal, end: n, at: q)
                p = q + length
            default:  // `${`: the template's frame becomes its hole's code frame.
                stack.top = .code(depth: 0, hole: Int32(truncatingIfNeeded: q), token: Int32(truncatingIfNeeded: token))
                expressionExpected = true
                guard q + 2 < n, bytes[q + 2] == Byte.backtick else { return q + 2 }
                // Fast path: a template right inside the hole (`` `${` ``, nested templates): opened
                // here, and its text read on in this loop.
                p = openNested(at: q + 2, end: n)
                token = tokens.count - 1
                literal = literals.count - 1
            }
        }
    }

    /// A template literal opened at `p` (its backtick, in code): its literal, its token and its frame.
    @inline(__always) private mutating func openTemplate(at p: Int, end n: Int) {
        let index = literals.count
        literals.append(HostLiteral(range: p..<n, style: .jsTemplate, before: Lexing.significant(before: p, in: bytes, limit: regionStart)))
        emit(.template, p..<n, literal: Int32(index))
        push(.template(token: Int32(tokens.count - 1)))
    }

    /// The template of `token` closed by the backtick at `q` (its frame on top).
    @inline(__always) private mutating func closeTemplate(at q: Int, end n: Int, token: Int) {
        pop()
        literals[Int(tokens[token].literal)].end(at: q + 1, after: Lexing.significant(from: q + 1, in: bytes, limit: n))
        tokens[token].range = tokens[token].range.lowerBound..<q + 1
        expressionExpected = false
    }

    // MARK: Nested templates

    /// Opens the template at `b` (a backtick right after `${`) and each template opened right
    /// inside the first hole of the one before (`` `${` `` again), all at once; returns where
    /// the text of the innermost starts. Each is opened as `openTemplate` would (its literal's
    /// `before` is the `{` of the `${`), and each but the innermost has the code frame of its
    /// hole, as `template` gives it.
    private mutating func openNested(at b: Int, end n: Int) -> Int {
        var k = 1
        while b + 3 * k < n, bytes[b + 3 * k] == Byte.backtick, bytes[b + 3 * k - 1] == Byte.lbrace,
              bytes[b + 3 * k - 2] == Byte.dollar {
            k += 1
        }
        let firstLiteral = literals.count, firstToken = tokens.count
        // Tokens are plain values: the first copied k times, then each moved to its place (one
        // check of uniqueness in all). Literals hold an array: copying one costs more than making it.
        for j in 0..<k {
            literals.append(HostLiteral(range: b + 3 * j..<n, style: .jsTemplate, before: Byte.lbrace))
        }
        tokens.append(contentsOf: repeatElement(Token(kind: .template, range: b..<n, newlineBefore: false, literal: Int32(truncatingIfNeeded: firstLiteral)), count: k))
        let newline = newline
        tokens.withUnsafeMutableBufferPointer { tokens in
            tokens[firstToken].newlineBefore = newline
            for j in 1..<k {
                tokens[firstToken + j].range = b + 3 * j..<n
                tokens[firstToken + j].literal = Int32(truncatingIfNeeded: firstLiteral + j)
            }
        }
        self.newline = false
        stack.pushRun(.code(depth: 0, hole: Int32(truncatingIfNeeded: b + 1), token: Int32(truncatingIfNeeded: firstToken)), length: k - 1)
        push(.template(token: Int32(truncatingIfNeeded: firstToken + k - 1)))
        return b + 3 * k - 2
    }

    /// Closes the template of `token` at the backtick `c` (the code frame of its hole, just closed,
    /// on top) as `template` would, then each hole and template closed right after (`` }` `` again,
    /// nested templates) as `code` and `template` would; returns where the code after them goes on.
    /// The literals and tokens are changed as buffers (moved out of their arrays and back: one
    /// check of uniqueness each).
    private mutating func closeNested(at c: Int, end n: Int, token first: Int) -> Int {
        var literals: [HostLiteral] = [], tokens: [Token] = []
        swap(&literals, &self.literals)
        swap(&tokens, &self.tokens)
        var q = c
        literals.withUnsafeMutableBufferPointer { literals in
            tokens.withUnsafeMutableBufferPointer { tokens in
                var token = first
                while true {
                    _ = stack.pop()
                    literals[Int(tokens[token].literal)].end(at: q + 1, after: Lexing.significant(from: q + 1, in: bytes, limit: n))
                    tokens[token].range = tokens[token].range.lowerBound..<q + 1
                    // Next, a `}` that ends the hole of the frame on top, and a backtick right after.
                    let p = q + 1
                    guard p + 1 < n, bytes[p] == Byte.rbrace, bytes[p + 1] == Byte.backtick else { return }
                    let frame = stack.top
                    guard frame.depth == 0, frame.token >= 0 else { return }
                    token = Int(frame.token)
                    literals[Int(tokens[token].literal)].addHole(Int(frame.hole)..<p + 1, many: JSLexer.deep, room: min((n - p) / 4, 1 << 22))
                    q = p + 1
                }
            }
        }
        swap(&literals, &self.literals)
        swap(&tokens, &self.tokens)
        expressionExpected = false
        return q + 1
    }

    /// A JavaScript escape at `p` (a backslash): what it stands for and its length.
    private func escape(at p: Int, end n: Int) -> ([UInt8], Int) {
        guard p + 1 < n else { return ([], 1) }
        let c = bytes[p + 1]
        if let control = Lexing.controlEscape(c, extra: (UInt8(ascii: "b"), 0x08)) { return ([control], 2) }
        switch c {
        case UInt8(ascii: "0") where !(p + 2 < n && Byte.isDigit(bytes[p + 2])): return ([0], 2)
        case Byte.newline: return ([], 2)  // line continuation
        case UInt8(ascii: "x"):
            if p + 3 < n, let h = Lexing.hexValue(bytes[p + 2]), let l = Lexing.hexValue(bytes[p + 3]) {
                return (Lexing.utf8(h * 16 + l), 4)
            }
            return ([c], 2)
        case UInt8(ascii: "u"):
            if let braced = Lexing.braceEscape(bytes, at: p, limit: n) { return braced }
            if p + 2 < n, bytes[p + 2] == Byte.lbrace { return ([c], 2) }
            var value: UInt32 = 0, k = p + 2
            while k < n, k < p + 6, let h = Lexing.hexValue(bytes[k]) { value = value * 16 + h; k += 1 }
            return k == p + 6 ? (Lexing.utf8(value), 6) : ([c], 2)
        default:
            // Any other escaped character stands for itself (a whole UTF-8 sequence).
            let length = max(1, UTF8Validation.sequenceLength(bytes, at: p + 1))
            return (Array(bytes[(p + 1)..<min(n, p + 1 + length)]), 1 + length)
        }
    }

    // MARK: JSX

    private func skipTagName(from p: Int, end n: Int) -> Int {
        var q = p
        while q < n, Byte.isIdentifier(bytes[q]) || bytes[q] == Byte.dot || bytes[q] == Byte.colon || bytes[q] == Byte.dash { q += 1 }
        return q
    }

    private mutating func jsxStep(at p: Int, end n: Int, depth: Int, inTag: Bool, closing: Bool) -> Int {
        let b = bytes[p]
        if b == Byte.lbrace {
            push(.code(depth: 0, hole: -1, token: -1))
            expressionExpected = true
            return p + 1
        }
        if inTag {
            switch b {
            case Byte.quote, Byte.apostrophe:
                var q = p + 1
                while q < n, bytes[q] != b { q += 1 }
                return min(q + 1, n)
            case Byte.slash where p + 1 < n && bytes[p + 1] == Byte.gt:
                return endOfTag(at: p + 2, depth: depth, opens: false, closes: false)
            case Byte.gt:
                return endOfTag(at: p + 1, depth: depth, opens: !closing, closes: closing)
            default:
                return p + 1
            }
        }
        // Children: text, `{…}`, nested elements and closing tags.
        guard b == Byte.lt, p + 1 < n else { return p + 1 }
        if bytes[p + 1] == Byte.slash {
            stack.top = .jsx(depth: Int32(depth), inTag: true, closing: true)
            return skipTagName(from: p + 2, end: n)
        }
        if Byte.isLetter(bytes[p + 1]) || bytes[p + 1] == Byte.gt {
            stack.top = .jsx(depth: Int32(depth), inTag: true, closing: false)
            jsxTagStarts.append(p)
            return skipTagName(from: p + 1, end: n)
        }
        return p + 1
    }

    /// After a tag's `>`: one more open element, one fewer, or (self-closing) the same.
    private mutating func endOfTag(at next: Int, depth: Int, opens: Bool, closes: Bool) -> Int {
        let newDepth = depth + (opens ? 1 : 0) - (closes ? 1 : 0)
        if newDepth <= 0 {
            pop()
            expressionExpected = false
            if jsxDepth == 0 { jsxRanges.append(jsxStart..<next) }
        } else {
            stack.top = .jsx(depth: Int32(newDepth), inTag: false, closing: false)
        }
        return next
    }
}
