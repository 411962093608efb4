/// A code sample for a rule: `«` and `»` mark each range the rule must report
/// (and nothing else may be reported by that rule). `fixed` is the text after
/// applying that rule's fixes, when the rule offers one.
public struct Example: Sendable {
    public let code: String
    public let file: String
    public let fixed: String?

    public init(_ code: String, file: String = "page.html", fixed: String? = nil) {
        self.code = code
        self.file = file
        self.fixed = fixed
    }
}

/// One rule: its public id, default severity, documentation and examples. The
/// catalogue (`amolint rules`, `protocol/rules.md`), the tests and the server's
/// rule metadata all read these declarations.
public struct Rule: Sendable {
    public enum Area: String, Sendable, CaseIterable {
        case structure = "Structure", credentials = "Credentials", uris = "URIs", scopes = "Scopes"
        case enumerations = "Enumerations", attributes = "Attributes", security = "Security and hygiene"
        case directives = "Directives"
    }

    public let ruleID: RuleID
    public var id: String { ruleID.rawValue }
    /// The case's place in `RuleID.allCases`: an array index for per-rule tables.
    let ordinal: Int
    public let area: Area
    public let severity: Severity
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters and what to do, a short paragraph.
    public let explanation: String
    public let triggering: [Example]
    public let nonTriggering: [Example]

    init(id: RuleID, area: Area, severity: Severity, summary: String, explanation: String, triggering: [Example], nonTriggering: [Example]) {
        ruleID = id
        ordinal = RuleID.allCases.firstIndex(of: id) ?? 0
        self.area = area
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    public var hasFix: Bool { triggering.contains { $0.fixed != nil } }
    public var documentationURL: String { "\(AmoLintVersion.homepage)/blob/main/protocol/rules.md#\(id)" }
}
