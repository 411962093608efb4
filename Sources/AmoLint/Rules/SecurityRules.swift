extension Rule {
    static let missingState = Rule(
        id: .missingState, area: .security, severity: .warning,
        summary: "No `data-state`: the redirect cannot be tied to the user's session.",
        explanation: """
            Without `data-state` the script sends a random value your server never saw, so the Redirect URI \
            cannot check that the authorization was started by this user (CSRF). Render a per-session value \
            from the server and compare it on return.
            """,
        triggering: [
            Example("const s = document.createElement(«'script'»)\ns.className = 'amocrm_oauth'\ns.dataset.clientId = '\(Sample.clientID)'", file: "b.js"),
            Example(#"<«script» class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
        ],
        nonTriggering: [
            Example(#"<script id="amocrm_oauth" src="https://www.amocrm.ru/auth/button.min.js"></script>"#),
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-state="<?= $_SESSION['amo_state'] ?>" \#(Sample.amoSrc)></script>"#, file: "b.php"),
        ])

    static let staticState = Rule(
        id: .staticState, area: .security, severity: .warning,
        summary: "A literal, hard-coded `data-state`.",
        explanation: """
            The state is the CSRF token of the OAuth flow; the same value for every visitor protects nothing. \
            Render a random per-session value with the server template (`{{ csrf_token() }}`, `<?= $state ?>`) \
            and compare it at the Redirect URI.
            """,
        triggering: [
            Example("const b = document.createElement('div')\nb.className = 'amocrm_oauth'\nb.setAttribute('data-state', '«abc123»')", file: "b.js"),
            Example(#"<div class="amocrm_oauth" data-state="«a1b2c3»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<?php echo '<div class="amocrm_oauth" data-state="' . $_SESSION['oauth2state'] . '"></div>';"#, file: "b.php"),
            Example(#"<?php echo "<div class=\"amocrm_oauth\" data-state=\"{$state}\"></div>";"#, file: "b.php"),
            Example("const b = document.createElement('div')\nb.className = 'amocrm_oauth'\nb.dataset.state = `${sessionState}`", file: "b.js"),
            Example(#"<div class="amocrm_oauth" data-state="{{ session('amo_state') }}"></div>"#, file: "b.blade.php"),
            Example(#"<div className="amocrm_oauth" data-state={state}></div>"#, file: "B.jsx"),
            Example(#"<div class="amocrm_oauth" data-state="state"></div>"#),
        ])

    static let placeholderValue = Rule(
        id: .placeholderValue, area: .security, severity: .warning,
        summary: "A placeholder from the documentation left in the page.",
        explanation: """
            The official snippets use `xxxx`, `Button`, `className`, `state`, `functionName`, `Integration name`, \
            `Integration description` and `example.com` addresses as placeholders. Left in, they show users a \
            button called "Button", point the flow at someone else's domain, or make the state guessable.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="«YOUR_CLIENT_ID»"></div><div class="amocrm_oauth" data-client-id="«xxxxxx-client-id-xxxxxx»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="«ТВОЙ_CLIENT_ID»"></div><div class="amocrm_oauth" data-client-id="«<client id>»"></div>"#),
            Example("const b = document.createElement('div')\nb.className = 'amocrm_oauth'\nb.dataset.clientId = '«ваш-id-интеграции»'", file: "b.js"),
            Example(#"<div class="amocrm_oauth" data-client-id="«xxxx»" data-title="«Button»" data-state="«state»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-name="«Integration name»" data-logo="«https://example.com/amocrm_logo.png»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="«functionName»" data-class-name="«className»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2cxx"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-title="Подключить amoCRM"></div>"#),
            Example(#"<div class="amocrm_oauth" data-logo="https://example.ru/logo.png"></div>"#),
        ])

    static let invalidErrorCallback = Rule(
        id: .invalidErrorCallback, area: .security, severity: .error,
        summary: "`data-error-callback` that is not a JavaScript identifier path.",
        explanation: """
            The script `eval`s the value and calls the result, so it must be a global name or a dotted path \
            (`onAmoError`, `window.handlers.onError`). A call (`onError()`) or code runs at the wrong time or \
            throws, and the error is swallowed.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="«onError()»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="«handlers..onError»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="window.handlers.onError"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="$amo_error"></div>"#),
        ])

    static let undefinedErrorCallback = Rule(
        id: .undefinedErrorCallback, area: .security, severity: .information,
        summary: "An error callback that no code of the file defines.",
        explanation: """
            A name that does not resolve fails silently when the user refuses access. amolint looks for \
            `function X`, `X =`, `var/let/const X` and `window.X =` in the file's code (inline scripts, script files, \
            component code); the callback \
            may well live in another file, hence the low severity.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="«onAmoError»"></div><script>function onAmoEror(e) {}</script>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="«window.onAmoError»"></div>"#),
        ],
        nonTriggering: [
            Example("""
                useEffect(() => { window.onAmoError = (e) => console.warn(e.error) }, [])
                return <div className="amocrm_oauth" data-client-id="\(Sample.clientID)" data-error-callback="onAmoError" />
                """, file: "Amo.jsx"),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="onAmoError"></div><script>function onAmoError(e) { console.warn(e.error) }</script>"#),
            Example(#"<script>window.onAmoError = e => alert(e.error)</script><div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="window.onAmoError"></div>"#),
            Example(#"<script>const onAmoError = () => {}</script><div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="onAmoError"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="handlers.onError"></div>"#),
        ])

    static let unusedErrorCallback = Rule(
        id: .unusedErrorCallback, area: .security, severity: .warning,
        summary: "`data-error-callback` on a metadata button: the script never calls it.",
        explanation: """
            The script calls the callback only for a message whose `client_id` matches the tag's \
            `data-client-id`; a metadata button has none, so a refusal goes unreported. Handle \
            `error=access_denied` at the Redirect URI instead.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" \#(Sample.metadata) «data-error-callback»="onAmoError"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="onAmoError"></div>"#),
        ])

    static let markupInTitle = Rule(
        id: .markupInTitle, area: .security, severity: .warning,
        summary: "`<`, `>` or a character reference in the decoded `data-title`.",
        explanation: """
            The script inserts the title with `innerHTML`, unescaped: markup in it is rendered, and if the title \
            comes from user data it is an injection point. Keep the title plain text.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-title="«&lt;b&gt;Войти&lt;/b&gt;»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-title="«Tom &amp;amp; Jerry»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-title="Войти через amoCRM"></div>"#),
            Example(#"<div class="amocrm_oauth" data-title="Tom &amp; Jerry"></div>"#),
        ])

    static let tooLong = Rule(
        id: .tooLong, area: .security, severity: .error,
        summary: "`data-name` over 255 or `data-description` over 65,000 characters.",
        explanation: "amoCRM limits an integration's name to 255 characters and its description to 65,000; a longer one fails the installation.",
        triggering: [
            Example(#"<div class="amocrm_oauth" data-name="«\#(String(repeating: "Я", count: 256))»"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-name="\#(String(repeating: "Я", count: 255))"></div>"#),
        ])
}

enum SecurityChecks {
    static func check(_ c: ButtonContext) {
        if c.first(KnownName.state) == nil {
            c.report(.missingState, c.button.nameRange,
                     "The button has no `data-state`: the redirect cannot be tied to the user's session; render a per-session value")
        }
        for k in 0..<KnownName.tableCount where mayBePlaceholder[k] {
            guard let (a, value) = c.effectiveValue(k), isPlaceholder(value.literalText, k) else { continue }
            c.report(.placeholderValue, value.range,
                     "\(c.shown(a)) \(Text.code(value.text)) is the documentation's placeholder: replace it with your own value")
        }
        if let (a, value) = c.effectiveValue(KnownName.state), let literal = value.literalText, !isPlaceholder(literal, KnownName.state) {
            c.report(.staticState, value.range,
                     "\(c.shown(a)) \(Text.code(literal)) is the same for every visitor, which defeats its CSRF check: render a per-session value")
        }
        errorCallback(c)
        if let (a, value) = c.effectiveValue(KnownName.title), !value.isDynamic {
            let t = value.text
            if ASCII.contains(t, Byte.lt) || ASCII.contains(t, Byte.gt) || containsCharacterReference(t) {
                c.report(.markupInTitle, value.range,
                         "\(c.shown(a)) is inserted with `innerHTML`: its markup is rendered, not shown; keep the title plain text")
            }
        }
        for k in 0..<KnownName.tableCount {
            guard let limit = KnownName.maxLength[k], let (a, value) = c.effectiveValue(k), !value.isDynamic else { continue }
            // Unicode scalars but template stand-ins: the bytes that start a scalar, but NUL.
            let count = value.text.utf8.count { $0 & 0xC0 != 0x80 && $0 != 0 }
            if count > limit {
                c.report(.tooLong, value.range,
                         "\(c.shown(a)) has \(count) characters: amoCRM accepts at most \(limit); shorten it")
            }
        }
    }

    /// The table entries a placeholder can be left in: URIs, the client id, and those the documentation fills in.
    private static let mayBePlaceholder = (0..<KnownName.tableCount).map {
        KnownName.isURI[$0] || $0 == KnownName.clientID || KnownName.placeholder[$0] != nil
    }

    /// A documentation placeholder left in `literal`, the value of the attribute numbered `k` (a table entry).
    static func isPlaceholder(_ literal: String?, _ k: Int) -> Bool {
        let isURI = KnownName.isURI[k], placeholder = KnownName.placeholder[k]
        guard isURI || k == KnownName.clientID || placeholder != nil, let literal else { return false }
        let t = literal.trimmingWhitespace()
        if isURI {
            guard let host = URIParts(String(t)).host else { return false }
            return ["example.com", "example.org", "example.net"].contains { URIParts.host(host, isOrIsUnder: $0) }
        }
        if k == KnownName.clientID { return isClientIDPlaceholder(t) }
        guard let placeholder else { return false }
        return ASCII.equals(t, placeholder)
    }

    /// A client id that is not a UUID and still reads as the documentation's
    /// stand-in: a run of three `x`, `client_id` in any spelling, "your" (also
    /// Russian "ваш"/"твой"), or `<…>`: `xxxx`, `YOUR_CLIENT_ID`, `<client id>`.
    static func isClientIDPlaceholder(_ t: Substring) -> Bool {
        guard !t.isEmpty, !CredentialChecks.isUUID(t) else { return false }
        guard ASCII.isASCII(t) else { return plainIsClientIDPlaceholder(t) }
        let u = t.utf8
        if u.allSatisfy({ $0 == 0x78 || $0 == 0x58 }) { return true }
        let lower = u.map(ASCII.lower)
        for w in placeholderWords where lower.count >= w.count {
            for i in 0...(lower.count - w.count) where lower[i] == w[0] && lower[i..<i + w.count].elementsEqual(w) { return true }
        }
        return u.first == Byte.lt && u.last == Byte.gt
    }

    private static let placeholderWords = ["xxx", "client_id", "client-id", "clientid", "your"].map { Array($0.utf8) }

    /// The same on Characters, for an id that is not ASCII.
    static func plainIsClientIDPlaceholder(_ t: Substring) -> Bool {
        if t.allSatisfy({ $0 == "x" || $0 == "X" }) { return true }
        let lower = t.lowercased()
        if lower.contains("xxx") { return true }
        for word in ["client_id", "client-id", "clientid", "your", "ваш", "твой"] where lower.contains(word) { return true }
        return t.hasPrefix("<") && t.hasSuffix(">")
    }

    private static func errorCallback(_ c: ButtonContext) {
        guard let (a, value) = c.effectiveValue(KnownName.errorCallback), let literal = value.literalText else { return }
        let path = literal.trimmingWhitespace()
        let segments: [Substring]
        if ASCII.isASCII(path) {
            segments = path.utf8.split(separator: Byte.dot, omittingEmptySubsequences: false).map { Substring($0) }
            guard segments.allSatisfy(isASCIIIdentifier) else { return reportInvalidCallback(c, a, literal, value) }
        } else {
            segments = path.split(separator: ".", omittingEmptySubsequences: false)
            guard segments.allSatisfy(isIdentifier) else { return reportInvalidCallback(c, a, literal, value) }
        }
        guard !isPlaceholder(literal, KnownName.errorCallback) else { return }
        let name: Substring
        if segments.count == 1 { name = segments[0] }
        else if segments.count == 2, segments[0] == "window" { name = segments[1] }
        else { return }
        // Each name is looked for once per document: a page may hold hundreds of buttons and long scripts.
        if !c.memo.definesCallback(Array(name.utf8)) {
            c.report(.undefinedErrorCallback, value.range,
                     "\(c.shown(a)) names \(Text.code(String(name))), which no code of this file defines: a refusal is reported to nobody if it does not exist")
        }
    }

    private static func reportInvalidCallback(_ c: ButtonContext, _ a: Attribute, _ literal: String, _ value: AttributeValue) {
        c.report(.invalidErrorCallback, value.range,
                 "\(c.shown(a)) \(Text.code(literal)) is not a function name or dotted path: the script `eval`s it and calls the result")
    }

    static func isIdentifier(_ s: Substring) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" || first == "$" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
    }

    /// `isIdentifier` of ASCII text.
    private static func isASCIIIdentifier(_ s: Substring) -> Bool {
        guard let first = s.utf8.first, Byte.isLetter(first) || first == Byte.underscore || first == Byte.dollar else { return false }
        return s.utf8.allSatisfy { Byte.isLetter($0) || Byte.isDigit($0) || $0 == Byte.underscore || $0 == Byte.dollar }
    }

    /// Whether some code of the document defines the global `name`.
    static func codeDefines(_ name: [UInt8], in document: Document) -> Bool {
        let name = Substring(String(decoding: name, as: UTF8.self))
        return document.file.text.withUnsafeBufferPointer { bytes in document.codeRanges.contains { defines(name, in: bytes[$0]) } }
    }

    /// `function X`, `var/let/const X`, `window.X =`, `X =` (not `==`) in a script body.
    static func defines(_ name: Substring, in body: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let needle = Array(name.utf8)
        let base = body.startIndex, end = body.endIndex
        let bytes = body.base
        var i = base
        while i + needle.count <= end {
            var k = 0
            while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
            guard k == needle.count else { i += 1; continue }
            let before = i > base ? bytes[i - 1] : Byte.space
            let afterIndex = i + needle.count
            let after = afterIndex < end ? bytes[afterIndex] : Byte.space
            defer { i += 1 }
            guard !Byte.isIdentifier(after), !Byte.isIdentifier(before) || before == Byte.dot else { continue }
            if before == Byte.dot {
                // Only `window.X = …` defines a global through a member.
                let w = Array("window".utf8)
                let dot = i - 1
                guard dot - w.count >= base, Array(bytes[(dot - w.count)..<dot]) == w,
                      dot - w.count == base || !Byte.isIdentifier(bytes[dot - w.count - 1])
                else { continue }
            } else {
                var j = i - 1
                while j >= base, Byte.isSpace(bytes[j]) { j -= 1 }
                var w = j
                while w >= base, Byte.isIdentifier(bytes[w]) { w -= 1 }
                let word = w < j ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(w + 1)...j]), as: UTF8.self) : ""
                if ["function", "var", "let", "const", "class"].contains(word) { return true }
            }
            // Followed by `=` that is not `==` or `=>`?
            var q = afterIndex
            while q < end, Byte.isSpace(bytes[q]) { q += 1 }
            if q < end, bytes[q] == Byte.equals, !(q + 1 < end && (bytes[q + 1] == Byte.equals || bytes[q + 1] == Byte.gt)) {
                return true
            }
        }
        return false
    }

    static func containsCharacterReference(_ t: String) -> Bool {
        let u = t.utf8
        guard u.contains(Byte.ampersand) else { return false }
        guard ASCII.isASCII(t) else { return plainContainsCharacterReference(t) }
        // `&`, then letters, digits and `#`, then `;`.
        var i = u.startIndex
        while let amp = u[i...].firstIndex(of: Byte.ampersand) {
            var j = u.index(after: amp)
            while j < u.endIndex, Byte.isLetter(u[j]) || Byte.isDigit(u[j]) || u[j] == Byte.hash { j = u.index(after: j) }
            if j > u.index(after: amp), j < u.endIndex, u[j] == Byte.semicolon { return true }
            i = u.index(after: amp)
        }
        return false
    }

    /// The same on Characters, for text that is not ASCII.
    static func plainContainsCharacterReference(_ t: String) -> Bool {
        var rest = Substring(t)
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: amp)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            if !name.isEmpty, after.dropFirst(name.count).first == ";" { return true }
            rest = after
        }
        return false
    }
}
