/// Building blocks for the rules' examples, so each example shows only what it is about.
enum Sample {
    static let amoSrc = #"src="https://www.amocrm.ru/auth/button.min.js""#
    static let kommoSrc = #"src="https://www.kommo.com/auth/button.js""#
    static let clientID = "0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b"
    /// The five attributes of a complete metadata button, plus a logo.
    static let metadata = #"data-name="CRM sync" data-description="Sync leads" data-redirect_uri="https://app.example.ru/amo/callback" data-secrets_uri="https://app.example.ru/amo/secrets" data-scopes="crm,notifications" data-logo="https://app.example.ru/logo.png""#
}
