/// How to read the text outside tags.
public enum Dialect: Sendable, Equatable {
    /// HTML and server templates (PHP, Blade, Twig/Jinja, ERB, Vue, Svelte …).
    case markup
    /// JavaScript with JSX (`.jsx`, `.tsx`): `<` starts a tag only where an
    /// expression may start, and `/* */` is a comment.
    case jsx
}

/// One pass over UTF-8 bytes, HTML tokenisation plus the template constructs
/// real pages mix into it. It never traps and never reads a byte more than a
/// constant number of times (closers are searched through `CloserSearch`).
public struct Scanner<Visitor: ScanVisitor> {
    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    var visitor: Visitor
    var closers = CloserSearch()
    /// The attributes of the tag being parsed, when `recording`, in offsets from `tagStart`.
    private var records: [AttributeRecord] = []
    private var tagStart = 0
    /// Whether the visitor sees only the tags it can use (`ScanVisitor.needsEveryTag`).
    private let skipsUnneededTags: Bool
    /// Whether the tag being parsed keeps its attributes; a tag parsed only for its end does not.
    private var recording = true
    /// PHP blocks as the PHP engine sees them (`PHPLexer`), sorted: a `<?` that
    /// starts one is skipped to its real end, past any `?>` in its strings or comments.
    private let phpBlocks: [Range<Int>]
    /// In JSX, where the JavaScript lexer found tags (sorted); nil: guess from the bytes before `<`.
    private let jsxTagStarts: [Int]?

    public init(bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect, phpBlocks: [Range<Int>] = [], jsxTagStarts: [Int]? = nil,
                visitor: Visitor)
    {
        self.bytes = bytes
        self.dialect = dialect
        self.visitor = visitor
        self.phpBlocks = phpBlocks
        self.jsxTagStarts = jsxTagStarts
        skipsUnneededTags = !visitor.needsEveryTag
        records.reserveCapacity(16)
    }

    /// Whether a sorted list holds `p`.
    private static func sortedContains(_ list: [Int], _ p: Int) -> Bool {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count && list[lo] == p
    }

    /// The end of the PHP block starting at `p`, if one does.
    private static func phpBlockEnd(at p: Int, in phpBlocks: [Range<Int>]) -> Int? {
        guard !phpBlocks.isEmpty else { return nil }
        var lo = 0, hi = phpBlocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if phpBlocks[mid].lowerBound < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < phpBlocks.count && phpBlocks[lo].lowerBound == p ? phpBlocks[lo].upperBound : nil
    }

    public mutating func run() -> Visitor {
        var i = 0
        while i < bytes.count { i = step(from: i) }
        return visitor
    }

    /// Skips the text from `start` and reads the one construct after it (a tag,
    /// a comment, a template construct); returns where the next step starts.
    /// Between steps the scanner's whole state is that position and
    /// `closers.bracketScanFailedFrom`, which is what lets `MarkupTrace` resume a scan.
    @inline(__always)
    mutating func step(from start: Int) -> Int {
        let n = bytes.count
        // Text between tags is skipped a word at a time.
        let i = dialect == .markup
            ? ByteSearch.first(Byte.lt, Byte.lbrace, in: bytes, from: start, to: n)
            : ByteSearch.first(Byte.lt, Byte.slash, in: bytes, from: start, to: n)
        guard i < n else { return n }
        switch bytes[i] {
        case Byte.lt:
            // The two constructs most of a page is made of are read here, the rest in `lessThan`.
            if i + 2 < n {
                let next = bytes[i + 1]
                if next == Byte.slash, Byte.isLetter(bytes[i + 2]) {
                    return Scanner.greaterThanEnd(from: i + 2, in: bytes)
                }
                if dialect == .markup, skipsUnneededTags, Byte.isLetter(next), let tag = TagEnd.skim(at: i, in: bytes) {
                    return unneededTag(start: i, nameEnd: tag.nameEnd, end: tag.end, selfClosing: tag.selfClosing)
                }
            }
            return lessThan(at: i)
        case Byte.lbrace where dialect == .markup:
            return textTemplate(at: i)
        case Byte.slash where dialect == .jsx:
            if i + 1 < n, bytes[i + 1] == Byte.star, let close = closers.find(.jsComment, from: i + 2, in: bytes) {
                visitor.visitComment(RawComment(kind: .jsx, range: i..<close + 2, contentRange: i + 2..<close))
                return close + 2
            }
            return i + 1
        default:
            return i + 1
        }
    }

    // MARK: Text

    private mutating func lessThan(at i: Int) -> Int {
        let n = bytes.count
        guard i + 1 < n else { return n }
        let next = bytes[i + 1]
        switch next {
        case Byte.bang:
            if i + 3 < n, bytes[i + 2] == Byte.dash, bytes[i + 3] == Byte.dash {
                return htmlComment(at: i)
            }
            return Scanner.greaterThanEnd(from: i + 2, in: bytes)
        case Byte.question:
            if let end = Scanner.phpBlockEnd(at: i, in: phpBlocks) { return end }
            if let close = closers.find(.php, from: i + 2, in: bytes) { return close + 2 }
            return Scanner.greaterThanEnd(from: i + 2, in: bytes)
        case Byte.percent:
            if let close = closers.find(.erb, from: i + 2, in: bytes) { return close + 2 }
            return i + 1
        case Byte.slash:
            guard i + 2 < n, Byte.isLetter(bytes[i + 2]) else { return i + 2 }
            return Scanner.greaterThanEnd(from: i + 2, in: bytes)
        default:
            guard Byte.isLetter(next) else { return i + 1 }
            if dialect == .jsx {
                let mayStart = jsxTagStarts.map { Scanner.sortedContains($0, i) } ?? Scanner.jsxTagMayStart(at: i, in: bytes)
                if !mayStart { return i + 1 }
            }
            return startTag(at: i)
        }
    }

    /// After the first `>` at or after `p`, or the end of input. The scan resumes
    /// there, so no byte is searched twice and no memo is needed.
    /// (Static, like the other hot helpers: a non-mutating method copies the scanner.)
    @inline(__always)
    private static func greaterThanEnd(from p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Most end tags end in the first block.
        if let base = bytes.baseAddress, p <= bytes.count &- 16 {
            let found = ByteBlock(UnsafeRawPointer(base), at: p).lanes(equalTo: Byte.gt).bits
            if found != 0 { return p &+ found.trailingZeroBitCount &+ 1 }
        }
        let gt = ByteSearch.first(Byte.gt, in: bytes, from: p, to: bytes.count)
        return gt < bytes.count ? gt + 1 : bytes.count
    }

    private mutating func htmlComment(at i: Int) -> Int {
        let n = bytes.count
        let contentStart = i + 4
        // `<!-->` and `<!--->` are complete (empty) comments in HTML.
        if contentStart < n, bytes[contentStart] == Byte.gt {
            visitor.visitComment(RawComment(kind: .html, range: i..<contentStart + 1, contentRange: contentStart..<contentStart))
            return contentStart + 1
        }
        if contentStart + 1 < n, bytes[contentStart] == Byte.dash, bytes[contentStart + 1] == Byte.gt {
            visitor.visitComment(RawComment(kind: .html, range: i..<contentStart + 2, contentRange: contentStart..<contentStart))
            return contentStart + 2
        }
        // An unclosed comment runs to the end of the document, as in a browser.
        let close = closers.find(.htmlComment, from: contentStart, in: bytes)
        let end = close.map { $0 + 3 } ?? n
        visitor.visitComment(RawComment(kind: .html, range: i..<end, contentRange: contentStart..<(close ?? n)))
        return end
    }

    /// `{{ }}`, `{% %}` and the template comments in text: skipped whole so that a
    /// `<` inside them starts no tag, and comments are reported for suppressions.
    private mutating func textTemplate(at i: Int) -> Int {
        if let end = templateChunk(at: i, inTag: false) { return end }
        return i + 1
    }

    /// In JSX a tag starts only where an expression can: after `(`, `=`, `>`,
    /// `{`, `,`, `?`, `:`, `&&`, `return` …, never after an identifier (`i<n`).
    private static func jsxTagMayStart(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var j = i - 1
        while j >= 0, Byte.isSpace(bytes[j]) { j -= 1 }
        guard j >= 0 else { return true }
        switch bytes[j] {
        case Byte.lparen, Byte.lbracket, Byte.lbrace, Byte.rbrace, Byte.comma, Byte.semicolon, Byte.equals,
            Byte.gt, Byte.question, Byte.colon, Byte.ampersand, Byte.pipe, Byte.bang:
            return true
        default:
            guard Byte.isIdentifier(bytes[j]) else { return false }
            var start = j
            while start > 0, j - start < 8, Byte.isIdentifier(bytes[start - 1]) { start -= 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...j]), as: UTF8.self)
            return ["return", "yield", "default", "case", "await"].contains(word)
        }
    }

    // MARK: Tags

    /// Most tags are of no use to the collector: their end is found without
    /// parsing attributes (`TagEnd`), and the few it needs are parsed again.
    /// (In markup, `step` has tried `TagEnd.skim` already.)
    private mutating func startTag(at start: Int) -> Int {
        if dialect == .jsx, skipsUnneededTags, let tag = TagEnd.skim(at: start, in: bytes) {
            return unneededTag(start: start, nameEnd: tag.nameEnd, end: tag.end, selfClosing: tag.selfClosing)
        }
        let n = bytes.count
        var p = start + 1
        while p < n, !Byte.isTagNameStop(bytes[p]) { p += 1 }
        let nameRange = start + 1..<p
        recording = !skipsUnneededTags
        if recording {
            guard let (end, selfClosing) = tagEnd(tag: start, from: p, reportFrom: start) else { return n }
            visitor.visitTag(RawTag(range: start..<end, nameRange: nameRange, records: records, selfClosing: selfClosing))
            return afterTag(end: end, nameRange: nameRange, selfClosing: selfClosing)
        }
        if let (end, selfClosing) = TagEnd.plain(from: p, in: bytes) {
            return unneededTag(start: start, nameEnd: p, end: end, selfClosing: selfClosing)
        }
        // Read for its end; a tag of many attributes the visitor needs is kept while read (`tagEnd`).
        guard let (end, selfClosing) = tagEnd(tag: start, from: p, reportFrom: start) else { return n }
        if visitor.needsTag(range: start..<end, name: nameRange), !visitor.visitRepeatedTag(range: start..<end) {
            if !recording {
                // Parsed again, now keeping attributes; its comments were reported the first time.
                recording = true
                _ = tagEnd(tag: start, from: p, reportFrom: Int.max)
            }
            visitor.visitTag(RawTag(range: start..<end, nameRange: nameRange, records: records, selfClosing: selfClosing))
        }
        return afterTag(end: end, nameRange: nameRange, selfClosing: selfClosing)
    }

    /// A tag of names and plain quoted values, read so far only for its end:
    /// visited (parsed again, keeping attributes) if the visitor needs it. Such a
    /// tag holds no template comment, so there is nothing to report.
    @inline(__always)
    private mutating func unneededTag(start: Int, nameEnd: Int, end: Int, selfClosing: Bool) -> Int {
        let nameRange = start + 1..<nameEnd
        if visitor.needsTag(range: start..<end, name: nameRange) {
            visitAgain(start: start, nameEnd: nameEnd, end: end, selfClosing: selfClosing)
        }
        // Only raw-text elements (names of 5, 6 or 8 bytes) need more; most names are shorter.
        let count = nameEnd &- start &- 1
        return count == 5 || count == 6 || count == 8 ? afterTag(end: end, nameRange: nameRange, selfClosing: selfClosing) : end
    }

    /// Parses a tag read for its end again, now keeping attributes, and visits it.
    @inline(never)
    private mutating func visitAgain(start: Int, nameEnd: Int, end: Int, selfClosing: Bool) {
        if visitor.visitRepeatedTag(range: start..<end) { return }
        recording = true
        _ = tagEnd(tag: start, from: nameEnd, reportFrom: Int.max)
        visitor.visitTag(RawTag(range: start..<end, nameRange: start + 1..<nameEnd, records: records, selfClosing: selfClosing))
    }

    /// Where the step after a start tag ending at `end` starts: past the body of a raw-text element.
    private mutating func afterTag(end: Int, nameRange: Range<Int>, selfClosing: Bool) -> Int {
        if let rawName = Scanner.rawTextElement(nameRange, in: bytes), !(dialect == .jsx && selfClosing) {
            return rawText(after: end, element: nameRange, name: rawName)
        }
        return end
    }

    /// Attributes read without being kept after which the visitor is asked whether it
    /// needs the tag anyway (`ScanVisitor.needsTag(startingWith:name:)`).
    static var attributesBeforeAsking: Int { 64 }

    /// Parses attributes from `p` (after the name of the tag whose `<` is at `tag`) to the
    /// tag's end: the index after its `>` and whether it is self-closing; nil if the input
    /// ends first. Attributes are kept in `records` when `recording`; comments from
    /// `reportFrom` on are reported.
    ///
    /// A tag read only for its end that the visitor turns out to need (a hostile one of a
    /// million attributes) would be read twice: after `attributesBeforeAsking` attributes
    /// the visitor is asked, and if it needs the tag, the tag is read again from its start,
    /// now recording, its comments reported only past where the first reading stopped.
    private mutating func tagEnd(tag: Int, from start: Int, reportFrom: Int) -> (end: Int, selfClosing: Bool)? {
        let n = bytes.count
        var p = start
        var reportFrom = reportFrom
        tagStart = tag
        if recording { clearRecords() }
        var conditionalDepth = 0
        var unrecorded = 0
        while true {
            while p < n, Byte.isSpace(bytes[p]) { p += 1 }
            guard p < n else {
                // End of input inside a tag: a browser drops the tag, so do we.
                return nil
            }
            let c = bytes[p]
            if c == Byte.gt { return (p + 1, false) }
            if c == Byte.slash {
                if p + 1 < n, bytes[p + 1] == Byte.gt { return (p + 2, true) }
                p += 1
                continue
            }
            // Every template construct starts with one of these three bytes.
            if c == Byte.lt || c == Byte.lbrace || c == Byte.dollar,
               let m = templateMatch(at: p, inTag: true, report: p >= reportFrom)
            {
                // Conditionals matter only to the attributes kept (`RawAttribute.Flags.conditional`).
                if recording, case .code = m.kind { conditionalDepth += Scanner.conditionalEffect(m.content, in: bytes) }
                p = m.end
                continue
            }
            if c == Byte.at, let directiveEnd = bladeDirective(at: p, conditionalDepth: &conditionalDepth) {
                p = directiveEnd
                continue
            }
            p = attribute(at: p, conditional: conditionalDepth > 0)
            if p >= n { return nil }
            if !recording {
                unrecorded &+= 1
                if unrecorded == Scanner.attributesBeforeAsking, visitor.needsTag(startingWith: tag..<p, name: tag + 1..<start),
                   let estimate = Scanner.attributeEstimate(tag: tag, from: start, read: p, count: unrecorded, in: bytes)
                {
                    recording = true
                    clearRecords()
                    LargeArrays.reserve(&records, capacity: estimate)
                    (reportFrom, p, conditionalDepth) = (p, start, 0)
                }
            }
        }
    }

    /// Empties `records` for the next tag. A long list, which a button may keep, is let go
    /// of: emptied in place it would be copied, or its room taken again for every tag after.
    private mutating func clearRecords() {
        if records.capacity > 4096 { records = [] } else { records.removeAll(keepingCapacity: true) }
    }

    /// How many attributes a tag holds whose first `count` took `start..<read`: as many again
    /// for the rest up to the next `>`, and an eighth more (each takes two bytes or more, so
    /// the estimate grows linearly with the input). Reserved at once, the list is not copied
    /// each time it doubles, nor its pages touched twice. Nil when no `>` follows: the tag
    /// cannot end, and is dropped (an unclosed tag would be kept for nothing).
    private static func attributeEstimate(tag: Int, from start: Int, read: Int, count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let gt = ByteSearch.first(Byte.gt, in: bytes, from: read, to: bytes.count)
        guard gt < bytes.count else { return nil }
        let rest = (gt - read) / max(1, (read - start) / count)
        return count + rest + rest / 8 + 16
    }

    /// Parses one attribute starting at `p`; returns the index after it.
    private mutating func attribute(at start: Int, conditional: Bool) -> Int {
        let n = bytes.count
        // The first character may be anything, even `=`.
        let p = NameEnd.find(from: start + 1, in: bytes)
        let nameRange = start..<p
        var flags: RawAttribute.Flags = conditional ? [.conditional] : []
        var q = p
        while q < n, Byte.isSpace(bytes[q]) { q += 1 }
        guard q < n, bytes[q] == Byte.equals else {
            if recording { records.append(AttributeRecord(base: tagStart, name: nameRange, value: nil, quote: 0, end: p, flags: flags)) }
            return p
        }
        q += 1
        while q < n, Byte.isSpace(bytes[q]) { q += 1 }
        guard q < n else { return n }
        let first = bytes[q]
        if first == Byte.quote || first == Byte.apostrophe {
            let valueStart = q + 1
            guard let valueEnd = recording ? quotedValueEnd(from: valueStart, quote: first, flags: &flags)
                : quotedValueSkip(from: valueStart, quote: first)
            else { return n }
            if recording {
                records.append(AttributeRecord(base: tagStart, name: nameRange, value: valueStart..<valueEnd, quote: first,
                                               end: valueEnd + 1, flags: flags))
            }
            return valueEnd + 1
        }
        if first == Byte.lbrace, !(q + 1 < n && bytes[q + 1] == Byte.lbrace), let close = balancedBraceEnd(from: q) {
            flags.insert([.expression, .template])
            if recording {
                records.append(AttributeRecord(base: tagStart, name: nameRange, value: q + 1..<close, quote: Byte.lbrace,
                                               end: close + 1, flags: flags))
            }
            return close + 1
        }
        // Unquoted: up to white space or `>`, template constructs taken whole.
        var v = q
        while v < n {
            let b = bytes[v]
            if Byte.isSpace(b) || b == Byte.gt { break }
            if b == Byte.ampersand { flags.insert(.ampersand) }
            if (b == Byte.lt || b == Byte.lbrace || b == Byte.dollar),
               let chunkEnd = templateChunk(at: v, inTag: false, report: false)
            {
                flags.insert(.template)
                v = chunkEnd
                continue
            }
            v += 1
        }
        if recording { records.append(AttributeRecord(base: tagStart, name: nameRange, value: q..<v, quote: 0, end: v, flags: flags)) }
        return v
    }

    /// The index of the closing quote, or nil at end of input.
    private mutating func quotedValueEnd(from start: Int, quote: UInt8, flags: inout RawAttribute.Flags) -> Int? {
        let n = bytes.count
        var p = start
        while p < n {
            let b = bytes[p]
            if b == quote { return p }
            if b == Byte.ampersand {
                flags.insert(.ampersand)
            } else if b == Byte.lt || b == Byte.lbrace || b == Byte.dollar,
                let chunkEnd = templateChunk(at: p, inTag: false, report: false)
            {
                // A server template runs before the browser sees quotes: `"<?= $a["x"] ?>"`.
                flags.insert(.template)
                p = chunkEnd
                continue
            }
            p += 1
        }
        return nil
    }

    /// `quotedValueEnd` for a tag that keeps no attributes: no flags, so only the
    /// quote and the first bytes of template constructs stop the word-at-a-time search.
    private mutating func quotedValueSkip(from start: Int, quote: UInt8) -> Int? {
        let n = bytes.count
        var p = start
        while true {
            p = ByteSearch.first(quote, Byte.lt, Byte.lbrace, Byte.dollar, in: bytes, from: p, to: n)
            guard p < n else { return nil }
            if bytes[p] == quote { return p }
            if let chunkEnd = templateChunk(at: p, inTag: false, report: false) {
                p = chunkEnd
            } else {
                p += 1
            }
        }
    }

    // MARK: Template constructs

    /// If a template construct starts at `p`, returns the index after it; its
    /// comments are reported (for suppressions).
    private mutating func templateChunk(at p: Int, inTag: Bool, report: Bool = true) -> Int? {
        templateMatch(at: p, inTag: inTag, report: report)?.end
    }

    /// The template construct starting at `p`, if any; its comments are reported when `report`.
    private mutating func templateMatch(at p: Int, inTag: Bool, report: Bool) -> TemplateConstructs.Match? {
        guard let m = TemplateConstructs.match(bytes, at: p, inTag: inTag, dialect: dialect, closers: &closers,
                                               phpBlockEnd: bytes[p] == Byte.lt ? Scanner.phpBlockEnd(at: p, in: phpBlocks) : nil)
        else { return nil }
        if report, case .comment(let kind) = m.kind {
            visitor.visitComment(RawComment(kind: kind, range: p..<m.end, contentRange: m.content))
        }
        return m
    }

    /// A Blade directive between attributes: `@if($x)`, `@endif`, `@csrf`.
    /// `@click="…"` and `@click.prevent` are attributes (Vue/Alpine), not directives.
    private mutating func bladeDirective(at p: Int, conditionalDepth: inout Int) -> Int? {
        let n = bytes.count
        var e = p + 1
        while e < n, Byte.isLetter(bytes[e]) { e += 1 }
        guard e > p + 1 else { return nil }
        if e < n, !(Byte.isSpace(bytes[e]) || bytes[e] == Byte.lparen || bytes[e] == Byte.gt || bytes[e] == Byte.slash) {
            return nil
        }
        var end = e
        if e < n, bytes[e] == Byte.lparen {
            // Directive arguments stay on one line; bounding the scan keeps hostile input linear.
            var depth = 0
            var k = e
            let limit = min(n, e + 2048)
            while k < limit, bytes[k] != Byte.newline {
                if bytes[k] == Byte.lparen { depth += 1 }
                if bytes[k] == Byte.rparen { depth -= 1; if depth == 0 { break } }
                k += 1
            }
            guard k < limit, depth == 0, bytes[k] == Byte.rparen else { return nil }
            end = k + 1
        }
        if recording { conditionalDepth += Scanner.conditionalEffect(p + 1..<e, in: bytes) }
        // Blade's `@class([...])` writes the class attribute: keep it as one.
        if recording, end > e + 1, e - p == 6, Lexing.hasPrefix("@class", at: p, in: bytes) {
            records.append(AttributeRecord(base: tagStart, name: p..<e, value: e + 1..<end - 1, quote: Byte.lparen,
                                           end: end, flags: [.expression, .template]))
        }
        return end
    }

    /// +1 for a construct that opens a conditional or loop, -1 for one that closes it.
    private static func conditionalEffect(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var p = range.lowerBound
        let end = range.upperBound
        // Skip the construct's own sigils: `php`, `=`, `-`, `#`, `/`, white space.
        while p < end, Byte.isSpace(bytes[p]) || bytes[p] == Byte.equals || bytes[p] == Byte.dash
            || bytes[p] == Byte.hash || bytes[p] == Byte.tilde
        {
            p += 1
        }
        if Lexing.hasPrefix("php", at: p, in: bytes) { p += 3 }
        while p < end, Byte.isSpace(bytes[p]) { p += 1 }
        if p < end, bytes[p] == Byte.slash { return -1 }  // {{/if}}
        if p < end, bytes[p] == Byte.rbrace { return -1 }  // <?php } ?>
        var w = p
        while w < end, Byte.isLetter(bytes[w]) { w += 1 }
        let word = UnsafeBufferPointer(rebasing: bytes[p..<w])
        if word.count >= 3, Byte.lower(word[0]) == 0x65, Byte.lower(word[1]) == 0x6E, Byte.lower(word[2]) == 0x64 { return -1 }  // end…
        // `<% if x %>` opens; an inline `{% if x %}…` closes later with `endif`/`end`.
        return ScannerTables.openingWords.contains { $0.count == word.count && zip($0, word).allSatisfy { $0 == Byte.lower($1) } } ? 1 : 0
    }

    // MARK: Raw text and brackets

    /// The raw-text element (`script`, `style`, `textarea`, `title`) a tag name is, compared as bytes.
    private static func rawTextElement(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        guard let first = name.first.map({ Byte.lower(bytes[$0]) }) else { return nil }
        let candidate: StaticString
        switch (name.count, first) {
        case (6, 0x73): candidate = "script"
        case (5, 0x73): candidate = "style"
        case (8, 0x74): candidate = "textarea"
        case (5, 0x74): candidate = "title"
        default: return nil
        }
        // Through pointers: `utf8Start` asked per byte cost twenty instructions a byte.
        let word = candidate.utf8Start
        var k = 1
        while k < name.count {
            if Byte.lower(bytes[name.lowerBound &+ k]) != word[k] { return nil }
            k &+= 1
        }
        return candidate
    }

    /// Skips to the matching end tag (`</script` + white space, `/` or `>`).
    private mutating func rawText(after start: Int, element: Range<Int>, name: StaticString) -> Int {
        let n = bytes.count
        let nameBytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var p = start
        while p + 1 < n {
            p = ByteSearch.firstPair(Byte.lt, Byte.slash, in: bytes, from: p, to: n - 1)
            guard p + 1 < n else { break }
            if p + 2 + nameBytes.count <= n {
                var k = 0
                while k < nameBytes.count, Byte.lower(bytes[p + 2 + k]) == nameBytes[k] { k += 1 }
                let after = p + 2 + k
                if k == nameBytes.count, after == n || Byte.isSpace(bytes[after]) || bytes[after] == Byte.slash || bytes[after] == Byte.gt {
                    visitor.visitRawText(element: element, body: start..<p)
                    return p
                }
            }
            p += 1
        }
        visitor.visitRawText(element: element, body: start..<n)
        return n
    }

    private mutating func balancedBraceEnd(from open: Int) -> Int? {
        TemplateConstructs.balancedBraceEnd(bytes, from: open, closers: &closers)
    }
}

extension Scanner {
    /// Scans `bytes` and returns the visitor with what it collected.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect, phpBlocks: [Range<Int>] = [],
                            jsxTagStarts: [Int]? = nil, visitor: Visitor) -> Visitor
    {
        var scanner = Scanner(bytes: bytes, dialect: dialect, phpBlocks: phpBlocks, jsxTagStarts: jsxTagStarts, visitor: visitor)
        return scanner.run()
    }
}

/// Word lists of the scanner, as bytes (a generic type cannot hold static storage).
enum ScannerTables {
    /// Template words that open a conditional or a loop.
    static let openingWords: [[UInt8]] = ["if", "for", "foreach", "unless", "isset", "empty", "each", "while", "switch",
                                          "auth", "guest", "can", "production", "env", "forelse", "with"].map { Array($0.utf8) }
}
