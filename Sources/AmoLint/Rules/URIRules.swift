extension Rule {
    static let insecureURI = Rule(
        id: .insecureURI, area: .uris, severity: .error,
        summary: "`data-redirect_uri`, `data-secrets_uri` or `data-logo` whose scheme is not `https`.",
        explanation: """
            amoCRM requires https for all three ("Протокол https является обязательным"). A template in the rest \
            of the address does not change the scheme: `http://{{ host }}/cb` is still insecure. The fix \
            writes `https:`.
            """,
        triggering: [
            Example(#"<?php echo '<div class="amocrm_oauth" data-redirect_uri="«http://' . $host . '/cb»"></div>';"#, file: "b.php",
                    fixed: #"<?php echo '<div class="amocrm_oauth" data-redirect_uri="https://' . $host . '/cb"></div>';"#),
            Example("const b = document.createElement('div')\nb.className = 'amocrm_oauth'\nb.dataset.redirect_uri = '«http://' + location.host + '/cb»'", file: "b.js",
                    fixed: "const b = document.createElement('div')\nb.className = 'amocrm_oauth'\nb.dataset.redirect_uri = 'https://' + location.host + '/cb'"),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="«http://crm.example.ru/cb»"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-redirect_uri="https://crm.example.ru/cb"></div>"#),
            Example(#"<div class="amocrm_oauth" data-secrets_uri="«http://{{ host }}/secrets»"></div>"#, file: "b.twig",
                    fixed: #"<div class="amocrm_oauth" data-secrets_uri="https://{{ host }}/secrets"></div>"#),
            Example(#"<div class="amocrm_oauth" data-logo="«ftp://files.a.ru/logo.png»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<?php echo '<div class="amocrm_oauth" data-redirect_uri="' . $scheme . '://crm.a.ru/cb"></div>';"#, file: "b.php"),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://crm.a.ru/cb"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="HTTPS://crm.a.ru/cb"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="{{ $scheme }}://crm.a.ru/cb"></div>"#, file: "b.blade.php"),
        ])

    static let invalidURI = Rule(
        id: .invalidURI, area: .uris, severity: .error,
        summary: "A redirect, secrets or logo URI that is not an absolute URL with a host.",
        explanation: """
            The value is sent to amoCRM as is, so a relative path (`/amo/callback`), a protocol-relative address \
            (`//a.ru/cb`) or a missing host cannot work. Write the full `https://host/path`.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-redirect_uri="«/amo/callback»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-logo="«//cdn.a.ru/logo.png»"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-logo="https://cdn.a.ru/logo.png"></div>"#),
            Example(#"<div class="amocrm_oauth" data-secrets_uri="«https:/a.ru/s»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-secrets_uri="«http:///s»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://a.ru/amo/callback"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="{{ route('amo.callback') }}"></div>"#, file: "b.blade.php"),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://<?= $host ?>/cb"></div>"#, file: "b.php"),
        ])

    static let localURI = Rule(
        id: .localURI, area: .uris, severity: .warning,
        summary: "A redirect, secrets or logo URI on localhost, a loopback, private or link-local address.",
        explanation: """
            amoCRM's servers call `secrets_uri` and fetch the logo from the internet, and users report that only \
            public https addresses are accepted: `localhost`, `127.0.0.1`, `192.168.…`, `*.local` cannot work \
            outside your machine. Use a public address (a tunnel in development).
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-redirect_uri="«https://localhost:8443/cb»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-secrets_uri="«https://192.168.1.10/s»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-logo="«https://intranet.local/l.png»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="«https://[::1]/cb»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://crm.a.ru/cb"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://172.32.0.1/cb"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://localhost.a.ru/cb"></div>"#),
        ])

    static let unencodedURI = Rule(
        id: .unencodedURI, area: .uris, severity: .warning,
        summary: "A redirect, secrets or logo URI holding `&`, `#`, `+` or a space.",
        explanation: """
            The script builds the authorization URL by plain concatenation, without `encodeURIComponent`, so \
            these characters end or corrupt the query: `…/cb?a=1&b=2` arrives as `…/cb?a=1`. Character \
            references are decoded first (`&amp;` is `&`). Move the parameters into `state`, or percent-encode them.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-redirect_uri="«https://a.ru/cb?site=1&amp;lang=ru»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="«https://a.ru/#/oauth»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-logo="«https://a.ru/my logo.png»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://a.ru/cb?site=1%26lang%3Dru"></div>"#),
            Example(#"<div class="amocrm_oauth" data-redirect_uri="https://a.ru/cb?site={{ site }}"></div>"#, file: "b.twig"),
        ])
}

/// A URI value taken apart as far as its literal text allows. Template parts
/// (NUL in the decoded text) leave what they cover undecided.
struct URIParts {
    enum Problem { case notAbsolute, protocolRelative, noSlashes, noHost, badHost }
    /// UTF-8 offsets of the scheme in the text.
    var scheme: Range<Int>?
    var host: Substring?
    var problem: Problem?

    init(_ text: String) {
        guard ASCII.isASCII(text) else { self.init(plain: text); return }
        // ASCII: a byte is a Character (`\r\n` aside, which no test here tells apart).
        var parts = URIParts(scheme: nil, host: nil, problem: nil)
        var copy = text
        let hostBounds: Range<Int>? = copy.withUTF8 { parts.parse($0) }
        if let hostBounds {
            let u = text.utf8
            parts.host = text[u.index(u.startIndex, offsetBy: hostBounds.lowerBound)..<u.index(u.startIndex, offsetBy: hostBounds.upperBound)]
        }
        self = parts
    }

    private init(scheme: Range<Int>?, host: Substring?, problem: Problem?) {
        self.scheme = scheme
        self.host = host
        self.problem = problem
    }

    /// Parses ASCII bytes; returns the host's bounds.
    private mutating func parse(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var lo = 0, hi = b.count
        while lo < hi, ASCII.isWhitespace(b[lo]) { lo += 1 }
        while hi > lo, ASCII.isWhitespace(b[hi - 1]) { hi -= 1 }
        guard lo < hi, b[lo] != 0 else { return nil }
        if hi - lo >= 2, b[lo] == Byte.slash, b[lo + 1] == Byte.slash { problem = .protocolRelative; return nil }
        var i = lo
        while i < hi, Byte.isLetter(b[i]) || Byte.isDigit(b[i]) || b[i] == Byte.plus || b[i] == Byte.dot || b[i] == Byte.dash { i += 1 }
        guard i < hi, b[i] == Byte.colon, i > lo, Byte.isLetter(b[lo]) else {
            if i < hi, b[i] == 0 { return nil }  // `http{{ s }}://`
            problem = .notAbsolute
            return nil
        }
        scheme = lo..<i
        let rest = i + 1
        if rest < hi, b[rest] == 0 { return nil }
        guard hi - rest >= 2, b[rest] == Byte.slash, b[rest + 1] == Byte.slash else { problem = .noSlashes; return nil }
        let authorityStart = rest + 2
        var authorityEnd = authorityStart
        var hostStart = authorityStart
        var templated = false
        while authorityEnd < hi, b[authorityEnd] != Byte.slash, b[authorityEnd] != Byte.question, b[authorityEnd] != Byte.hash {
            if b[authorityEnd] == Byte.at { hostStart = authorityEnd + 1 }
            if b[authorityEnd] == 0 { templated = true }
            authorityEnd += 1
        }
        var hostEnd = authorityEnd
        if hostStart < hostEnd, b[hostStart] == Byte.lbracket {
            hostStart += 1
            var close = hostStart
            while close < hostEnd, b[close] != Byte.rbracket { close += 1 }
            hostEnd = close
        } else {
            var colon = hostEnd
            while colon > hostStart, b[colon - 1] != Byte.colon { colon -= 1 }
            if colon > hostStart { hostEnd = colon - 1 }
        }
        if hostStart == hostEnd, !templated { problem = .noHost; return nil }
        for k in hostStart..<hostEnd {
            switch b[k] {
            case 0x09...0x0D, Byte.space, Byte.lt, Byte.gt, Byte.quote, Byte.apostrophe, Byte.lbrace, Byte.rbrace,
                 Byte.pipe, Byte.backslash, 0x5E, Byte.backtick:
                problem = .badHost
                return nil
            default: continue
            }
        }
        return hostStart..<hostEnd
    }

    /// The same on Characters, for text that is not ASCII.
    init(plain text: String) {
        let t = text.trimmingWhitespace()
        guard let first = t.first, first != AttributeValue.templateMarker else { return }
        if t.hasPrefix("//") { problem = .protocolRelative; return }
        var i = t.startIndex
        while i < t.endIndex, t[i].isASCII, t[i].isLetter || t[i].isNumber || "+.-".contains(t[i]) { i = t.index(after: i) }
        guard i < t.endIndex, t[i] == ":", i > t.startIndex, t[t.startIndex].isLetter else {
            if i < t.endIndex, t[i] == AttributeValue.templateMarker { return }  // `http{{ s }}://`
            problem = .notAbsolute
            return
        }
        scheme = text.utf8.distance(from: text.startIndex, to: t.startIndex)..<text.utf8.distance(from: text.startIndex, to: i)
        let rest = t[t.index(after: i)...]
        if rest.first == AttributeValue.templateMarker { return }
        guard rest.hasPrefix("//") else { problem = .noSlashes; return }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var hostPart = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        if hostPart.hasPrefix("[") {
            hostPart = hostPart.prefix { $0 != "]" }.dropFirst()
        } else if let colon = hostPart.lastIndex(of: ":") {
            hostPart = hostPart[..<colon]
        }
        if hostPart.isEmpty, !authority.contains(AttributeValue.templateMarker) { problem = .noHost; return }
        if hostPart.contains(where: { $0.isWhitespace || "<>\"'{}|\\^`".contains($0) }) { problem = .badHost; return }
        host = hostPart
    }

    var hostIsLiteral: Bool { host.map { !$0.utf8.contains(0) && !$0.isEmpty } ?? false }

    /// The host, lower-cased, is `domain` or one of its subdomains.
    static func host(_ host: Substring, isOrIsUnder domain: String) -> Bool {
        guard ASCII.isASCII(host) else {
            let h = host.lowercased()
            return h == domain || h.hasSuffix("." + domain)
        }
        let h = host.utf8, d = domain.utf8
        guard h.count >= d.count else { return false }
        let tail = h.index(h.endIndex, offsetBy: -d.count)
        guard zip(h[tail...], d).allSatisfy({ ASCII.lower($0) == $1 }) else { return false }
        return tail == h.startIndex || h[h.index(before: tail)] == Byte.dot
    }
}

enum URIChecks {
    static let names = [KnownName.redirectURI, KnownName.secretsURI, KnownName.logo]

    static func check(_ c: ButtonContext) {
        for name in names {
            guard let (a, value) = c.effectiveValue(name), !value.isDynamic else { continue }
            check(c, a, value)
        }
    }

    /// What the script does not encode, as bytes and as shown in the message.
    private static let unencoded: [(byte: UInt8, shown: String)] = [(Byte.ampersand, "`&`"), (Byte.hash, "`#`"), (Byte.plus, "`+`"), (Byte.space, "a space")]

    private static func check(_ c: ButtonContext, _ a: Attribute, _ value: AttributeValue) {
        let text = value.text
        let parts = URIParts(text)
        if let problem = parts.problem {
            let why: String
            var fix: Fix?
            switch problem {
            case .notAbsolute: why = "is not an absolute URL"
            case .protocolRelative:
                why = "has no scheme"
                let start = text.utf8.count - text.drop(while: { $0.isWhitespace }).utf8.count
                let at = value.sourceRange(start..<start).lowerBound
                fix = Fix("Add `https:`", [TextEdit(range: at..<at, newText: "https:")])
            case .noSlashes: why = "is not a `scheme://host/…` URL"
            case .noHost: why = "has no host"
            case .badHost: why = "has an invalid host"
            }
            c.report(.invalidURI, value.range, "\(c.shown(a)) \(Text.code(text)) \(why): amoCRM needs a full `https://host/path`", fix: fix)
            return
        }
        if let schemeRange = parts.scheme {
            // A scheme is ASCII letters, digits, `+`, `.` and `-`.
            let u = text.utf8
            let scheme = u.dropFirst(schemeRange.lowerBound).prefix(schemeRange.count)
            if !scheme.elementsEqual("https".utf8, by: { ASCII.lower($0) == $1 }) {
                let isHTTP = scheme.elementsEqual("http".utf8, by: { ASCII.lower($0) == $1 })
                let fix = isHTTP ? Fix("Use `https:`", replacing: value.sourceRange(schemeRange), with: "https") : nil
                c.report(.insecureURI, value.range, "\(c.shown(a)) uses \(Text.code(String(decoding: scheme, as: UTF8.self) + ":")): amoCRM accepts only https; use `https://`", fix: fix)
            }
        }
        if parts.hostIsLiteral, let host = parts.host, isLocal(host) {
            c.report(.localURI, value.range,
                     "\(c.shown(a)) points at \(Text.code(String(host))), which amoCRM's servers cannot reach: use a public https address")
        }
        let mayHold = text.utf8.contains { $0 == Byte.ampersand || $0 == Byte.hash || $0 == Byte.plus || $0 == Byte.space }
        let found = mayHold ? unencoded.filter { ASCII.contains(text, $0.byte) } : []
        if !found.isEmpty {
            c.report(.unencodedURI, value.range,
                     "\(c.shown(a)) holds \(found.map(\.shown).joined(separator: ", ")), which the script does not encode: the authorization URL breaks there; percent-encode it or move it into `data-state`")
        }
    }

    static func isLocal(_ host: Substring) -> Bool {
        guard ASCII.isASCII(host) else { return plainIsLocal(host) }
        var h = Array(host.utf8).map(ASCII.lower)
        if h.last == Byte.dot { h.removeLast() }
        func equals(_ s: StaticString) -> Bool { h.count == s.utf8CodeUnitCount && h.elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func hasSuffix(_ s: StaticString) -> Bool {
            h.count >= s.utf8CodeUnitCount && h.suffix(s.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }
        func hasPrefix(_ s: StaticString) -> Bool {
            h.count >= s.utf8CodeUnitCount && h.prefix(s.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }
        if equals("localhost") || hasSuffix(".localhost") || hasSuffix(".local") { return true }
        let labels = h.split(separator: Byte.dot, omittingEmptySubsequences: false)
        if labels.count == 4 {
            let o = labels.compactMap(octet)
            if o.count == 4 {
                return o[0] == 127 || o[0] == 10 || o[0] == 0 || (o[0] == 172 && (16...31).contains(o[1]))
                    || (o[0] == 192 && o[1] == 168) || (o[0] == 169 && o[1] == 254)
            }
        }
        if h.contains(Byte.colon) {
            return equals("::1") || equals("::") || hasPrefix("fe80:") || hasPrefix("fc") || hasPrefix("fd")
        }
        return false
    }

    /// `Int(label)` when it is in 0...255, else nil: an optional sign, then digits.
    private static func octet(_ label: ArraySlice<UInt8>) -> Int? {
        var digits = label[...]
        var negative = false
        if let sign = digits.first, sign == Byte.plus || sign == Byte.dash {
            negative = sign == Byte.dash
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(Byte.isDigit) else { return nil }
        var value = 0
        for d in digits { value = min(value * 10 + Int(d - 0x30), 1000) }
        if negative { return value == 0 ? 0 : nil }
        return value <= 255 ? value : nil
    }

    /// The same on Characters, for a host that is not ASCII.
    static func plainIsLocal(_ host: Substring) -> Bool {
        var h = host.lowercased()
        if h.hasSuffix(".") { h.removeLast() }
        if h == "localhost" || h.hasSuffix(".localhost") || h.hasSuffix(".local") { return true }
        let labels = h.split(separator: ".", omittingEmptySubsequences: false)
        let o = labels.compactMap { Int($0) }.filter { (0...255).contains($0) }
        if labels.count == 4, o.count == 4 {
            return o[0] == 127 || o[0] == 10 || o[0] == 0 || (o[0] == 172 && (16...31).contains(o[1]))
                || (o[0] == 192 && o[1] == 168) || (o[0] == 169 && o[1] == 254)
        }
        if h.contains(":") {
            return h == "::1" || h == "::" || h.hasPrefix("fe80:") || h.hasPrefix("fc") || h.hasPrefix("fd")
        }
        return false
    }
}
