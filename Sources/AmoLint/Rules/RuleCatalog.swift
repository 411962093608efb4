/// Every rule, in the order of the documentation. Rule ids are a public interface:
/// add rules, never rename one.
public enum RuleCatalog {
    public static let all: [Rule] = [
        .missingClass, .legacyID, .brandMismatch, .insecureScriptSrc, .missingScript, .jsxScript, .lateInjection, .inertScript,
        .missingClientID, .incompleteMetadata, .ignoredMetadata, .missingLogo, .emptyValue, .invalidClientID,
        .insecureURI, .invalidURI, .localURI, .unencodedURI,
        .invalidScope, .undocumentedScope, .duplicateScope, .malformedScopes,
        .invalidColor, .ignoredColor, .invalidTheme, .invalidLocale, .invalidMode, .invalidCompact,
        .unknownAttribute, .duplicateAttribute,
        .missingState, .staticState, .placeholderValue, .invalidErrorCallback, .undefinedErrorCallback,
        .unusedErrorCallback, .markupInTitle, .tooLong,
        .invalidDirective,
    ]

    private static let byID: [String: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func rule(_ id: String) -> Rule? { byID[id] }
    public static var ids: [String] { all.map(\.id) }
}
