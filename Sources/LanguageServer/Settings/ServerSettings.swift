import AmoLint
import AmoLintIO
import JSONValue

/// The `amolint` settings section (protocol/settings.schema.json): the same
/// `rules` object as `.amolint.json`, plus `enable`. Keys the client uses for
/// itself (`path`, `trace`) are accepted and ignored here.
struct ServerSettings: Equatable {
    var enable = true
    var rules: [String: Configuration.Setting] = [:]

    /// `positionEncoding` is read from initializationOptions at `initialize` only.
    static let clientOnlyKeys: Set<String> = ["path", "trace", "trace.server", "positionEncoding"]

    /// Parses a settings object; problems are returned, and the valid part kept.
    static func parse(_ json: JSON) -> (ServerSettings, [String]) {
        var settings = ServerSettings()
        var problems: [String] = []
        guard let object = json.objectValue else {
            if !json.isNull { problems.append("amolint settings: expected an object, found \(json.typeName)") }
            return (settings, problems)
        }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "enable":
                if let b = value.boolValue { settings.enable = b } else { problems.append("amolint.enable: expected a boolean") }
            case "rules":
                do { settings.rules = try Configuration.parseRules(value, path: "amolint settings", key: "rules") } catch {
                    problems.append(error.description)
                }
            default:
                if !clientOnlyKeys.contains(key) { problems.append("amolint settings: unknown key \"\(key)\"") }
            }
        }
        return (settings, problems)
    }

    /// Finds the `amolint` section in what clients send: `{amolint: {…}}` or the section itself.
    static func section(in json: JSON?) -> JSON? {
        guard let json, !json.isNull else { return nil }
        if let inner = json["amolint"] { return inner }
        if json["rules"] != nil || json["enable"] != nil { return json }
        return nil
    }
}

/// The configuration of one document: its `.amolint.json` (found from the
/// document's folder up to its workspace folder) with the editor's settings on
/// top: a severity set in the editor wins over the file's.
struct ConfigurationResolver {
    let files = ConfigurationStore(explicitPath: nil)
    var workspaceFolders: [String] = []

    enum Resolution {
        case configuration(Configuration)
        case excluded
    }

    func resolve(path: String, settings: ServerSettings, problem: (String) -> Void) -> Resolution {
        let boundary = workspaceFolders.filter { path.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        var configuration = Configuration()
        switch files.lookup(forFile: path, boundary: boundary) {
        case .found(let c, _): configuration = c
        case .failed(let error): problem("\(error) (using the defaults)")
        case .none: break
        }
        if configuration.excludes(path) { return .excluded }
        for (id, setting) in settings.rules { configuration.rules[id] = setting }
        return .configuration(configuration)
    }
}
