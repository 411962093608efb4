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
    var scheme: Range<String.Index>?
    var host: Substring?
    var problem: Problem?

    init(_ text: String) {
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
        scheme = t.startIndex..<i
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

    var hostIsLiteral: Bool { host.map { !$0.contains(AttributeValue.templateMarker) && !$0.isEmpty } ?? false }
}

enum URIChecks {
    static let names = [AttributeName.redirectURI, AttributeName.secretsURI, AttributeName.logo]

    static func check(_ c: inout ButtonContext) {
        for name in names {
            guard let a = c.effective(name), let value = a.value, !value.isDynamic else { continue }
            check(&c, a, value)
        }
    }

    private static func check(_ c: inout ButtonContext, _ a: Attribute, _ value: AttributeValue) {
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
            let scheme = text[schemeRange]
            if scheme.lowercased() != "https" {
                let utf8 = text.utf8.distance(from: text.startIndex, to: schemeRange.lowerBound)..<text.utf8.distance(from: text.startIndex, to: schemeRange.upperBound)
                let fix = scheme.lowercased() == "http" ? Fix("Use `https:`", replacing: value.sourceRange(utf8), with: "https") : nil
                c.report(.insecureURI, value.range, "\(c.shown(a)) uses \(Text.code(String(scheme) + ":")): amoCRM accepts only https; use `https://`", fix: fix)
            }
        }
        if parts.hostIsLiteral, let host = parts.host, isLocal(host) {
            c.report(.localURI, value.range,
                     "\(c.shown(a)) points at \(Text.code(String(host))), which amoCRM's servers cannot reach: use a public https address")
        }
        let unencoded: [String] = ["&", "#", "+", " "].filter { text.contains($0) }
        if !unencoded.isEmpty {
            let shown = unencoded.map { $0 == " " ? "a space" : Text.code($0) }
            c.report(.unencodedURI, value.range,
                     "\(c.shown(a)) holds \(shown.joined(separator: ", ")), which the script does not encode: the authorization URL breaks there; percent-encode it or move it into `data-state`")
        }
    }

    static func isLocal(_ host: Substring) -> Bool {
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
