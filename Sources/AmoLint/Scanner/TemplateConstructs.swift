/// The template constructs real pages mix into markup (`<?php ?>`, `<% %>`,
/// `{{ }}`, `{% %}`, `{# #}`, `${ }`, JSX `{…}` …), recognised in one place: the
/// scanner asks here in text, between attributes and in values, and the value
/// decoder asks here to replace each construct by its run-time marker.
enum TemplateConstructs {
    enum Kind {
        /// Code or output: it may open or close a conditional (`<?php if … ?>`, `{% endif %}`).
        case code
        /// A template comment: reported for suppressions, never a conditional.
        case comment(RawComment.Kind)
        /// `${…}` or a lone JSX/Svelte `{…}`.
        case expression
    }

    struct Match {
        var end: Int
        var kind: Kind
        /// What is inside the delimiters (the code of a conditional, the text of a comment).
        var content: Range<Int>
    }

    /// The construct starting at `p`, or nil. `inTag` allows a lone `{…}` (JSX
    /// spread, Svelte shorthand); `phpBlockEnd` is the end PHP itself gives a
    /// block starting at `p`, when the file was read as PHP.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int, inTag: Bool, dialect: Dialect,
                      closers: inout CloserSearch, phpBlockEnd: Int? = nil) -> Match?
    {
        let n = bytes.count
        guard p + 1 < n else { return nil }
        let a = bytes[p], b = bytes[p + 1]
        switch (a, b) {
        case (Byte.lt, Byte.question):
            if let end = phpBlockEnd { return Match(end: end, kind: .code, content: p + 2..<max(p + 2, end - 2)) }
            guard let close = closers.find(.php, from: p + 2, in: bytes) else { return nil }
            return Match(end: close + 2, kind: .code, content: p + 2..<close)
        case (Byte.lt, Byte.percent):
            guard let close = closers.find(.erb, from: p + 2, in: bytes) else { return nil }
            if p + 2 < close, bytes[p + 2] == Byte.hash {
                return Match(end: close + 2, kind: .comment(.handlebars), content: p + 3..<close)
            }
            return Match(end: close + 2, kind: .code, content: p + 2..<close)
        case (Byte.lbrace, Byte.lbrace):
            // `{{--` and `{{!--` compared here, not through `Lexing.hasPrefix`: every `{{` of a page asks.
            let third: UInt8 = p + 2 < n ? bytes[p + 2] : 0
            if third == Byte.dash, p + 3 < n, bytes[p + 3] == Byte.dash {
                guard let close = closers.find(.bladeComment, from: p + 4, in: bytes) else { return nil }
                return Match(end: close + 4, kind: .comment(.blade), content: p + 4..<close)
            }
            if third == Byte.bang, p + 4 < n, bytes[p + 3] == Byte.dash, bytes[p + 4] == Byte.dash {
                guard let close = closers.find(.bladeComment, from: p + 5, in: bytes), close + 4 < n, bytes[close + 4] == Byte.rbrace
                else { return nil }
                return Match(end: close + 5, kind: .comment(.handlebars), content: p + 5..<close)
            }
            guard let close = closers.find(.mustache, from: p + 2, in: bytes) else { return nil }
            var end = close + 2
            if end < n, bytes[end] == Byte.rbrace, p + 2 < n, bytes[p + 2] == Byte.lbrace { end += 1 }  // {{{ raw }}}
            if p + 2 < close, bytes[p + 2] == Byte.bang {
                return Match(end: end, kind: .comment(.handlebars), content: p + 3..<close)
            }
            return Match(end: end, kind: .code, content: p + 2..<close)
        case (Byte.lbrace, Byte.percent):
            guard let close = closers.find(.twigBlock, from: p + 2, in: bytes) else { return nil }
            return Match(end: close + 2, kind: .code, content: p + 2..<close)
        case (Byte.lbrace, Byte.hash):
            guard dialect == .markup, let close = closers.find(.twigComment, from: p + 2, in: bytes) else { return nil }
            return Match(end: close + 2, kind: .comment(.twig), content: p + 2..<close)
        case (Byte.dollar, Byte.lbrace):
            guard let close = balancedBraceEnd(bytes, from: p + 1, closers: &closers) else { return nil }
            return Match(end: close + 1, kind: .expression, content: p + 2..<close)
        case (Byte.lbrace, _) where inTag:
            guard let close = balancedBraceEnd(bytes, from: p, closers: &closers) else { return nil }
            if Lexing.hasPrefix("{/*", at: p, in: bytes), close >= p + 4, bytes[close - 1] == Byte.slash, bytes[close - 2] == Byte.star {
                return Match(end: close + 1, kind: .comment(.jsx), content: p + 3..<close - 2)
            }
            return Match(end: close + 1, kind: .expression, content: p + 1..<close)
        default:
            return nil
        }
    }

    /// Index of the `}` closing the `{` at `open`, skipping JavaScript strings;
    /// nil if the input ends first (remembered, so unclosed braces stay linear).
    static func balancedBraceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, closers: inout CloserSearch) -> Int? {
        let n = bytes.count
        if open >= closers.bracketScanFailedFrom {
            closers.horizon = n
            return nil
        }
        var depth = 0
        var p = open
        while p < n {
            let b = bytes[p]
            switch b {
            case Byte.lbrace: depth += 1
            case Byte.rbrace:
                depth -= 1
                if depth == 0 { return p }
            case Byte.quote, Byte.apostrophe, Byte.backtick:
                var k = p + 1
                while k < n, bytes[k] != b, bytes[k] != Byte.newline || b == Byte.backtick {
                    if bytes[k] == Byte.backslash { k += 1 }
                    k += 1
                }
                p = k
            default: break
            }
            p += 1
        }
        closers.bracketScanFailedFrom = open
        closers.horizon = n
        return nil
    }
}
