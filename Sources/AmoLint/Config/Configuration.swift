import JSONValue

/// What a user may set: per-rule severities (or `off`) and paths to exclude.
/// Read from `.amolint.json`, or from an editor's settings (same shape).
public struct Configuration: Sendable, Equatable {
    public enum Setting: Sendable, Equatable {
        case off
        case severity(Severity)
    }

    public static let fileName = ".amolint.json"
    public static let settingValues = ["off", "hint", "information", "warning", "error"]

    public var rules: [String: Setting] = [:]
    /// Globs, relative to `baseDirectory`.
    public var exclude: [String] = [] { didSet { excludeGlobs = ExcludeGlobs(exclude) } }
    /// `exclude`, compiled once.
    private var excludeGlobs = ExcludeGlobs([])
    /// The folder holding the configuration file ("" when there is none).
    public var baseDirectory: String = ""

    public init(rules: [String: Setting] = [:], exclude: [String] = [], baseDirectory: String = "") {
        self.rules = rules
        self.exclude = exclude
        self.excludeGlobs = ExcludeGlobs(exclude)
        self.baseDirectory = baseDirectory
    }

    /// The severity a rule reports with, or nil when it is off.
    public func severity(of rule: String) -> Severity? {
        switch rules[rule] {
        case .off: return nil
        case .severity(let s): return s
        case nil: return RuleCatalog.rule(rule)?.severity ?? .warning
        }
    }
}

public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let key: String?
    public let reason: String
    public var description: String { "\(path): \(key.map { "\($0): " } ?? "")\(reason)" }

    public init(path: String, key: String?, reason: String) {
        self.path = path
        self.key = key
        self.reason = reason
    }
}

extension Configuration {
    /// Parses `.amolint.json`. Every unknown key, rule id or severity is an error
    /// naming the key, so a typo never silently does nothing.
    public static func parse(_ bytes: [UInt8], path: String, baseDirectory: String) throws(ConfigurationError) -> Configuration {
        let json: JSON
        do { json = try JSON.parse(bytes) } catch {
            throw ConfigurationError(path: path, key: nil, reason: "invalid JSON: \(error)")
        }
        guard let object = json.objectValue else {
            throw ConfigurationError(path: path, key: nil, reason: "expected an object, found \(json.typeName)")
        }
        var configuration = Configuration(baseDirectory: baseDirectory)
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "$schema": continue
            case "root":
                // eslint's word for "the search stops here"; the nearest configuration ends it anyway.
                guard value.boolValue != nil else {
                    throw ConfigurationError(path: path, key: "root", reason: "expected true or false, found \(value.typeName)")
                }
            case "$comment":
                // Comments for people (JSON has none): a string or an array of strings.
                guard value.stringValue != nil || (value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false) else {
                    throw ConfigurationError(path: path, key: "$comment", reason: "expected a string or an array of strings, found \(value.typeName)")
                }
            case "rules": configuration.rules = try parseRules(value, path: path, key: "rules")
            case "exclude":
                guard let items = value.arrayValue else {
                    throw ConfigurationError(path: path, key: "exclude", reason: "expected an array of globs, found \(value.typeName)")
                }
                configuration.exclude = try items.enumerated().map { (i, item) throws(ConfigurationError) in
                    guard let glob = item.stringValue, !glob.isEmpty else {
                        throw ConfigurationError(path: path, key: "exclude[\(i)]", reason: "expected a non-empty glob string")
                    }
                    return glob
                }
            default:
                let hint = Suggestions.nearest(key, in: ["rules", "exclude", "root"]).map { "; did you mean \"\($0)\"?" } ?? ""
                throw ConfigurationError(path: path, key: key, reason: "unknown key (allowed: \"rules\", \"exclude\", \"root\")\(hint)")
            }
        }
        return configuration
    }

    /// The `rules` object, shared with the language server's settings.
    public static func parseRules(_ value: JSON, path: String, key: String) throws(ConfigurationError) -> [String: Setting] {
        let (rules, problems) = parseRulesKeepingValid(value, path: path, key: key)
        if let first = problems.first { throw first }
        return rules
    }

    /// The valid entries of a `rules` object, and a problem for each invalid one
    /// (an editor shows them all at once and applies the rest).
    public static func parseRulesKeepingValid(_ value: JSON, path: String, key: String) -> ([String: Setting], [ConfigurationError]) {
        guard let object = value.objectValue else {
            return ([:], [ConfigurationError(path: path, key: key, reason: "expected an object of rule ids, found \(value.typeName)")])
        }
        var rules: [String: Setting] = [:]
        var problems: [ConfigurationError] = []
        for (id, setting) in object.sorted(by: { $0.key < $1.key }) {
            guard RuleCatalog.rule(id) != nil else {
                let hint = Suggestions.nearest(id, in: RuleCatalog.ids).map { "; did you mean \"\($0)\"?" } ?? ""
                problems.append(ConfigurationError(path: path, key: "\(key).\(id)", reason: "unknown rule id\(hint)"))
                continue
            }
            guard let name = setting.stringValue, settingValues.contains(name) else {
                problems.append(ConfigurationError(path: path, key: "\(key).\(id)",
                                                   reason: "expected one of \(settingValues.map { "\"\($0)\"" }.joined(separator: ", "))"))
                continue
            }
            rules[id] = name == "off" ? .off : Severity(rawValue: name).map(Setting.severity) ?? .off
        }
        return (rules, problems)
    }

    /// True when `path` (absolute or relative to the working folder) matches an exclude glob.
    public func excludes(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        var relative = path
        if !baseDirectory.isEmpty, path.hasPrefix(baseDirectory + "/") { relative = String(path.dropFirst(baseDirectory.count + 1)) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return excludeGlobs.matches(relative)
    }
}
