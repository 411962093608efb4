/// Every rule id: the public interface users write in `.amolint.json`, in
/// suppression comments and in CI filters. Rules are added, never renamed.
/// The cases are in the order of the documentation.
public enum RuleID: String, CaseIterable, Sendable {
    case missingClass = "missing-class"
    case legacyID = "legacy-id"
    case brandMismatch = "brand-mismatch"
    case insecureScriptSrc = "insecure-script-src"
    case missingScript = "missing-script"
    case jsxScript = "jsx-script"
    case lateInjection = "late-injection"
    case inertScript = "inert-script"
    case missingClientID = "missing-client-id"
    case incompleteMetadata = "incomplete-metadata"
    case ignoredMetadata = "ignored-metadata"
    case missingLogo = "missing-logo"
    case emptyValue = "empty-value"
    case invalidClientID = "invalid-client-id"
    case insecureURI = "insecure-uri"
    case invalidURI = "invalid-uri"
    case localURI = "local-uri"
    case unencodedURI = "unencoded-uri"
    case invalidScope = "invalid-scope"
    case undocumentedScope = "undocumented-scope"
    case duplicateScope = "duplicate-scope"
    case malformedScopes = "malformed-scopes"
    case invalidColor = "invalid-color"
    case ignoredColor = "ignored-color"
    case invalidTheme = "invalid-theme"
    case invalidLocale = "invalid-locale"
    case invalidMode = "invalid-mode"
    case invalidCompact = "invalid-compact"
    case unknownAttribute = "unknown-attribute"
    case duplicateAttribute = "duplicate-attribute"
    case missingState = "missing-state"
    case staticState = "static-state"
    case placeholderValue = "placeholder-value"
    case invalidErrorCallback = "invalid-error-callback"
    case undefinedErrorCallback = "undefined-error-callback"
    case unusedErrorCallback = "unused-error-callback"
    case markupInTitle = "markup-in-title"
    case tooLong = "too-long"
    case invalidDirective = "invalid-directive"

    /// The rule's declaration. The switch is exhaustive: a new id cannot be
    /// left without a declaration, and a declaration cannot be left out.
    public var rule: Rule {
        switch self {
        case .missingClass: return .missingClass
        case .legacyID: return .legacyID
        case .brandMismatch: return .brandMismatch
        case .insecureScriptSrc: return .insecureScriptSrc
        case .missingScript: return .missingScript
        case .jsxScript: return .jsxScript
        case .lateInjection: return .lateInjection
        case .inertScript: return .inertScript
        case .missingClientID: return .missingClientID
        case .incompleteMetadata: return .incompleteMetadata
        case .ignoredMetadata: return .ignoredMetadata
        case .missingLogo: return .missingLogo
        case .emptyValue: return .emptyValue
        case .invalidClientID: return .invalidClientID
        case .insecureURI: return .insecureURI
        case .invalidURI: return .invalidURI
        case .localURI: return .localURI
        case .unencodedURI: return .unencodedURI
        case .invalidScope: return .invalidScope
        case .undocumentedScope: return .undocumentedScope
        case .duplicateScope: return .duplicateScope
        case .malformedScopes: return .malformedScopes
        case .invalidColor: return .invalidColor
        case .ignoredColor: return .ignoredColor
        case .invalidTheme: return .invalidTheme
        case .invalidLocale: return .invalidLocale
        case .invalidMode: return .invalidMode
        case .invalidCompact: return .invalidCompact
        case .unknownAttribute: return .unknownAttribute
        case .duplicateAttribute: return .duplicateAttribute
        case .missingState: return .missingState
        case .staticState: return .staticState
        case .placeholderValue: return .placeholderValue
        case .invalidErrorCallback: return .invalidErrorCallback
        case .undefinedErrorCallback: return .undefinedErrorCallback
        case .unusedErrorCallback: return .unusedErrorCallback
        case .markupInTitle: return .markupInTitle
        case .tooLong: return .tooLong
        case .invalidDirective: return .invalidDirective
        }
    }
}

/// Every rule, in the order of the documentation.
public enum RuleCatalog {
    public static let all: [Rule] = RuleID.allCases.map(\.rule)

    /// The rule of an id, in one step.
    public static func rule(_ id: String) -> Rule? { RuleID(rawValue: id)?.rule }
    public static var ids: [String] { RuleID.allCases.map(\.rawValue) }
}
