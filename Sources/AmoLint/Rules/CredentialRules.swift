extension Rule {
    static let missingClientID = Rule(
        id: .missingClientID, area: .credentials, severity: .error,
        summary: "Neither `data-client-id` nor any metadata attribute: the script renders nothing.",
        explanation: """
            The script renders a button only with a non-empty `data-client-id` (an existing integration) or with \
            all five metadata attributes (`data-name`, `data-description`, `data-redirect_uri`, \
            `data-secrets_uri`, `data-scopes`). Otherwise it logs "No client_id or client_secret or script tag \
            or metadata" and the page shows nothing.
            """,
        triggering: [
            Example(#"<«script» class="amocrm_oauth" data-title="Войти" \#(Sample.amoSrc)></script>"#),
            Example(#"<«div» class="kommo_oauth" data-client-id=""></div>"#),
        ],
        nonTriggering: [
            Example(#"<script id="amocrm_oauth" src="https://www.amocrm.ru/auth/button.min.js"></script>"#),
            Example("const s = document.createElement('script')\ns.id = 'amocrm_oauth'\ns.src = 'https://www.amocrm.ru/auth/button.min.js'", file: "b.js"),
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="<?= $clientId ?>"></div>"#, file: "button.php"),
            Example(#"<div class="amocrm_oauth" data-name="CRM sync"></div>"#),
        ])

    static let incompleteMetadata = Rule(
        id: .incompleteMetadata, area: .credentials, severity: .error,
        summary: "Metadata without a client id, but not all five of name, description, redirect_uri, secrets_uri, scopes.",
        explanation: """
            Without a client id the button creates a new integration from its metadata, and it needs all five \
            attributes non-empty; with one missing it renders nothing. The message names the missing ones. \
            Note the underscores in `data-redirect_uri` and `data-secrets_uri`.
            """,
        triggering: [
            Example(#"<«div» class="amocrm_oauth" data-name="CRM sync" data-description="Sync" data-redirect-uri="https://a.ru/cb" data-secrets_uri="https://a.ru/s" data-scopes="crm"></div>"#),
            Example(#"<«script» class="amocrm_oauth" data-logo="https://a.ru/l.png" \#(Sample.amoSrc)></script>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" \#(Sample.metadata)></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-name="CRM sync"></div>"#),
        ])

    static let ignoredMetadata = Rule(
        id: .ignoredMetadata, area: .credentials, severity: .warning,
        summary: "A metadata attribute on a button that has a `data-client-id`: the script ignores it.",
        explanation: """
            With a client id the button installs that existing integration; name, description, URIs, scopes \
            and logo come from the integration's settings, and these attributes are never read. Remove them, \
            or remove the client id to create a new integration from the metadata.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" «data-name»="CRM sync" «data-scopes»="crm"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" \#(Sample.metadata)></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="" \#(Sample.metadata)></div>"#),
        ])

    static let missingLogo = Rule(
        id: .missingLogo, area: .credentials, severity: .warning,
        summary: "A metadata button without `data-logo`: the authorization URL carries `logo=null`.",
        explanation: "The new integration gets no logo in the user's account. Add an https `data-logo` (400×272 is recommended).",
        triggering: [
            Example(#"<«div» class="amocrm_oauth" data-name="CRM sync" data-description="Sync" data-redirect_uri="https://a.ru/cb" data-secrets_uri="https://a.ru/s" data-scopes="crm"></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" \#(Sample.metadata)></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)"></div>"#),
        ])

    static let emptyValue = Rule(
        id: .emptyValue, area: .credentials, severity: .warning,
        summary: "A known `data-*` attribute that is empty or only white space.",
        explanation: """
            The script treats an empty value as absent: an empty `data-client-id` does not select the \
            existing-integration variant, an empty metadata attribute leaves the metadata incomplete. Fill it \
            in or remove it.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" «data-client-id=""» \#(Sample.metadata)></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" «data-title="  "» «data-compact»></div>"#),
        ],
        nonTriggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-title="Войти"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="{{ $id }}" data-title="{{ $title }}"></div>"#, file: "b.twig"),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-titel=""></div>"#),
        ])

    static let invalidClientID = Rule(
        id: .invalidClientID, area: .credentials, severity: .warning,
        summary: "A literal `data-client-id` that is not a UUID.",
        explanation: """
            Integration ids are UUIDs (`8-4-4-4-12` hexadecimal digits). Anything else is usually the secret key, \
            the integration's name or a truncated copy; the authorization window then reports an unknown \
            integration.
            """,
        triggering: [
            Example(#"<div class="amocrm_oauth" data-client-id="«12345»"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="«\#(Sample.clientID) »"></div>"#),
        ],
        nonTriggering: [
            Example(#"<?php echo '<div class="amocrm_oauth" data-client-id="' . $provider->getClientId() . '"></div>';"#, file: "b.php"),
            Example(#"<div class="amocrm_oauth" data-client-id="YOUR_CLIENT_ID"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="xxxxxx-client-id-xxxxxx"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="\#(Sample.clientID)"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="0B8A9E6E-5B8F-4C41-9A4F-2F6F0E1D2C3B"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="xxxx"></div>"#),
            Example(#"<div class="amocrm_oauth" data-client-id="<?php echo $id; ?>"></div>"#, file: "b.php"),
        ])
}

enum CredentialChecks {
    /// Ignored metadata, unused callbacks and empty values are withheld from the value checks.
    static func classify(_ c: ButtonContext) {
        let attributes = c.button.attributes
        let clientIDIndex = c.firstIndex(KnownName.clientID)
        let clientID = clientIDIndex.map { !attributes[$0].isBlank && !c.isWithheld($0) } ?? false
        let metadata = c.hasMetadata
        for k in 0..<KnownName.tableCount {
            guard let i = c.firstIndex(k), !c.isWithheld(i) else { continue }
            if clientID, KnownName.isMetadata[k] {
                let a = attributes[i]
                c.markNoEffect(i)
                let related = clientIDIndex.map { [RelatedLocation(range: attributes[$0].range, message: "The client id that makes the metadata unused")] } ?? []
                c.report(.ignoredMetadata, a.nameRange,
                         "\(c.shown(a)) is ignored: with `data-client-id` the button installs the existing integration; remove it",
                         related: related, unnecessary: true)
            } else if !clientID, metadata, k == KnownName.errorCallback {
                let a = attributes[i]
                c.markNoEffect(i)
                c.report(.unusedErrorCallback, a.nameRange,
                         "\(c.shown(a)) is never called on a metadata button: the script calls it only for a `data-client-id`",
                         unnecessary: true)
            } else if isBlank(attributes[i]) {
                let a = attributes[i]
                c.markBlank(i)
                c.report(.emptyValue, a.range, "\(c.shown(a)) is empty, so the script treats it as absent: fill it in or remove it")
            }
        }
    }

    static func check(_ c: ButtonContext) {
        let b = c.button
        if c.hasClientID {
            clientIDFormat(c)
            return
        }
        guard c.hasMetadata else {
            c.report(.missingClientID, b.nameRange,
                     "The \(c.brand.displayName) button has no `data-client-id` and no metadata: the script renders nothing; add `data-client-id`")
            return
        }
        let missing = b.missingMetadata
        if !missing.isEmpty {
            c.report(.incompleteMetadata, b.nameRange,
                     "The metadata button lacks \(Text.list(missing)): the script renders nothing without all five")
        }
        if !c.present(KnownName.logo) {
            c.report(.missingLogo, b.nameRange, "The metadata button has no `data-logo`: the integration is created with `logo=null`")
        }
    }

    private static func clientIDFormat(_ c: ButtonContext) {
        guard let (a, value) = c.effectiveValue(KnownName.clientID), let literal = value.literalText,
              !SecurityChecks.isPlaceholder(literal, KnownName.clientID), !isUUID(literal)
        else { return }
        c.report(.invalidClientID, value.range,
                 "\(c.shown(a)) \(Text.code(literal)) is not a UUID: integration ids look like `1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b`")
    }

    /// `a.isBlank`, which the value's first source byte mostly answers without decoding it.
    static func isBlank(_ a: Attribute) -> Bool { a.isBlank }

    static func isUUID(_ s: some StringProtocol) -> Bool {
        let u = s.utf8
        return u.withContiguousStorageIfAvailable(isUUID) ?? Array(u).withUnsafeBufferPointer { isUUID($0) }
    }

    private static func isUUID(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count == 36 else { return false }
        for (i, b) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != Byte.dash { return false }
            } else if !(Byte.isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66)) {
                return false
            }
        }
        return true
    }
}
