/// One entry per `data-*` attribute the button scripts read. This table is the
/// single source for the checks, for hover text and for completion.
public struct AttributeSpec: Sendable {
    public enum Role: Sendable, Equatable {
        case clientID
        /// One of the five attributes the metadata variant needs.
        case requiredMetadata
        /// Metadata the script reads but does not require (`data-logo`).
        case optionalMetadata
        case appearance
        case behaviour
    }

    public let name: String
    public let brands: Set<Brand>
    public let role: Role
    /// What the attribute does, one sentence.
    public let summary: String
    /// The values the script accepts, when it is an enumeration.
    public let values: [String]
    public let defaultValue: String?
    /// What the script does with it at run time (spec §2).
    public let runtime: String
    /// The documentation's placeholder that real pages leave in by mistake.
    public let placeholder: String?
    /// The most characters amoCRM accepts (name 255, description 65,000).
    public internal(set) var maxLength: Int? = nil
    /// A URI that must be an absolute https URL on a public host.
    public internal(set) var isURI = false

    public var isMetadata: Bool { role == .requiredMetadata || role == .optionalMetadata }
}

/// The names of the attributes the button scripts read, as constants: rule code
/// names attributes through these, never through string literals.
public enum AttributeName {
    public static let clientID = "data-client-id"
    public static let name = "data-name"
    public static let description = "data-description"
    public static let redirectURI = "data-redirect_uri"
    public static let secretsURI = "data-secrets_uri"
    public static let scopes = "data-scopes"
    public static let logo = "data-logo"
    public static let title = "data-title"
    public static let compact = "data-compact"
    public static let className = "data-class-name"
    public static let color = "data-color"
    public static let theme = "data-theme"
    public static let locale = "data-locale"
    public static let state = "data-state"
    public static let errorCallback = "data-error-callback"
    public static let mode = "data-mode"
}

public enum AttributeTable {
    private static let both: Set<Brand> = [.amocrm, .kommo]

    public static let all: [AttributeSpec] = [
        AttributeSpec(
            name: AttributeName.clientID, brands: both, role: .clientID,
            summary: "The id of an existing integration (a UUID such as `1e2d3c4b-…`).",
            values: [], defaultValue: nil,
            runtime: "With a non-empty client id the button installs that integration and ignores every metadata attribute.",
            placeholder: "xxxx"),
        AttributeSpec(
            name: AttributeName.name, brands: both, role: .requiredMetadata,
            summary: "The name of the integration the metadata button creates (at most 255 characters).",
            values: [], defaultValue: nil,
            runtime: "Required, with description, redirect_uri, secrets_uri and scopes, when there is no client id.",
            placeholder: "Integration name", maxLength: 255),
        AttributeSpec(
            name: AttributeName.description, brands: both, role: .requiredMetadata,
            summary: "The description of the integration the metadata button creates (at most 65,000 characters, HTML allowed).",
            values: [], defaultValue: nil,
            runtime: "Required for the metadata variant.",
            placeholder: "Integration description", maxLength: 65_000),
        AttributeSpec(
            name: AttributeName.redirectURI, brands: both, role: .requiredMetadata,
            summary: "Where the user is sent after consent, with `code`, `referer` and `state` (note the underscore).",
            values: [], defaultValue: nil,
            runtime: "Must be a public https URL. It is concatenated into the authorization URL without encoding, so `&`, `#`, `+` and spaces corrupt it.",
            placeholder: nil, isURI: true),
        AttributeSpec(
            name: AttributeName.secretsURI, brands: both, role: .requiredMetadata,
            summary: "Where amoCRM's servers post the new integration's id, secret and the state (note the underscore).",
            values: [], defaultValue: nil,
            runtime: "Must be a public https URL: amoCRM calls it from the internet before the redirect arrives.",
            placeholder: nil, isURI: true),
        AttributeSpec(
            name: AttributeName.scopes, brands: both, role: .requiredMetadata,
            summary: "Comma-separated access the integration asks for.",
            values: ["crm", "notifications"], defaultValue: nil,
            runtime: "Split on commas with no trimming: `crm, notifications` sends the scope ` notifications`.",
            placeholder: nil),
        AttributeSpec(
            name: AttributeName.logo, brands: both, role: .optionalMetadata,
            summary: "The integration's logo (https, 400×272 recommended).",
            values: [], defaultValue: nil,
            runtime: "Optional; when missing the authorization URL carries `logo=null`.",
            placeholder: nil, isURI: true),
        AttributeSpec(
            name: AttributeName.title, brands: both, role: .appearance,
            summary: "The button's text.",
            values: [], defaultValue: "Авторизоваться через amoCRM",
            runtime: "Inserted with `innerHTML`, unescaped: markup in it is rendered.",
            placeholder: "Button"),
        AttributeSpec(
            name: AttributeName.compact, brands: both, role: .appearance,
            summary: "Show only the logo, without text.",
            values: ["true", "false"], defaultValue: "false",
            runtime: "Compact only for the exact string `true`; `True`, `1`, `yes` or a bare attribute all mean not compact.",
            placeholder: nil),
        AttributeSpec(
            name: AttributeName.className, brands: both, role: .appearance,
            summary: "A CSS class set on the generated button element.",
            values: [], defaultValue: nil,
            runtime: "Added to the button the script inserts before the tagged element.",
            placeholder: "className"),
        AttributeSpec(
            name: AttributeName.color, brands: [.amocrm], role: .appearance,
            summary: "The amoCRM button's colour scheme.",
            values: ["default", "blue", "violet", "green", "orange", "red"], defaultValue: "default",
            runtime: "Any other value silently falls back to `default` (#339DC7). Kommo's script ignores it.",
            placeholder: nil),
        AttributeSpec(
            name: AttributeName.theme, brands: [.kommo], role: .appearance,
            summary: "The Kommo button's theme.",
            values: ["light", "dark"], defaultValue: "light",
            runtime: "Read by Kommo's script only.",
            placeholder: nil),
        AttributeSpec(
            name: AttributeName.locale, brands: [.kommo], role: .appearance,
            summary: "The Kommo button's language.",
            values: ["en", "es", "pt", "id"], defaultValue: "en",
            runtime: "Read by Kommo's script only.",
            placeholder: nil),
        AttributeSpec(
            name: AttributeName.state, brands: both, role: .behaviour,
            summary: "An opaque value returned to the Redirect URI (and secrets_uri) as `state`.",
            values: [], defaultValue: "Math.random().toString(36).substring(2)",
            runtime: "Compare it with a per-session value on return to stop CSRF; a hard-coded state defeats that.",
            placeholder: "state"),
        AttributeSpec(
            name: AttributeName.errorCallback, brands: both, role: .behaviour,
            summary: "A global function (or dotted path) called when the user refuses access.",
            values: [], defaultValue: nil,
            runtime: "Evaluated with `eval` when the popup reports an error for this client id, then called with `{client_id, error}`. Never called for the metadata variant; a name that does not resolve fails silently.",
            placeholder: "functionName"),
        AttributeSpec(
            name: AttributeName.mode, brands: both, role: .behaviour,
            summary: "How the popup ends.",
            values: ["popup", "post_message"], defaultValue: "popup",
            runtime: "`popup`: the popup closes and the main window goes to the Redirect URI. `post_message`: the redirect happens in the popup, which your page must close. Passed verbatim into the URL.",
            placeholder: nil),
    ]

    private static let byName: [String: AttributeSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func spec(_ name: String) -> AttributeSpec? { byName[name] }

    public static func specs(for brand: Brand) -> [AttributeSpec] { all.filter { $0.brands.contains(brand) } }

    public static let requiredMetadata: [String] = all.filter { $0.role == .requiredMetadata }.map(\.name)
    public static let metadata: [String] = all.filter(\.isMetadata).map(\.name)

    /// Scopes the button accepts, and those that real tokens carry but the button docs do not list.
    public static let documentedScopes = ["crm", "notifications"]
    public static let undocumentedScopes = ["files", "files_delete", "push_notifications"]
}
