import AmoLint
import AmoLintIO
import JSONValue

/// The `amolint` settings section (protocol/settings.schema.json): the same
/// `rules` object as `.amolint.json`, plus `enable`. Keys the client uses for
/// itself (`path`, `trace`) are accepted and ignored here.
///
/// Two layers, the later winning: `initializationOptions`, then what the
/// client's settings say (`workspace/configuration` or `didChangeConfiguration`).
/// A `null` answer means "cannot provide" and changes nothing; an empty object
/// clears the client layer, never the initialization options. `.amolint.json`
/// comes on top of both (see `ConfigurationResolver`).
struct ServerSettings: Equatable {
    enum Run: String, Equatable { case onType, onSave }

    struct Layer: Equatable {
        var enable: Bool?
        var rules: [String: Configuration.Setting] = [:]
        var run: Run?
        var workspaceDiagnostics: Bool?
    }

    var initialization = Layer()
    var client = Layer()

    var enable: Bool { client.enable ?? initialization.enable ?? true }
    /// Push mode: lint as the user types (default) or when the document is saved.
    var run: Run { client.run ?? initialization.run ?? .onType }
    /// Push mode: publish the diagnostics of every file of the workspace, not only the open ones.
    var workspaceDiagnostics: Bool { client.workspaceDiagnostics ?? initialization.workspaceDiagnostics ?? false }
    var rules: [String: Configuration.Setting] { initialization.rules.merging(client.rules) { _, client in client } }

    /// `positionEncoding` is read from initializationOptions at `initialize` only.
    static let clientOnlyKeys: Set<String> = ["path", "trace", "trace.server", "positionEncoding"]

    /// Parses a settings object; problems are returned, and the valid part kept.
    static func parse(_ json: JSON) -> (Layer, [String]) {
        var layer = Layer()
        var problems: [String] = []
        guard let object = json.objectValue else {
            if !json.isNull { problems.append("amolint settings: expected an object, found \(json.typeName)") }
            return (layer, problems)
        }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "enable":
                if let b = value.boolValue { layer.enable = b } else { problems.append("amolint.enable: expected a boolean") }
            case "rules":
                let (rules, errors) = Configuration.parseRulesKeepingValid(value, path: "amolint settings", key: "rules")
                layer.rules = rules
                problems += errors.map(\.description)
            case "run":
                if let r = value.stringValue.flatMap(Run.init(rawValue:)) { layer.run = r } else { problems.append("amolint.run: expected \"onType\" or \"onSave\"") }
            case "workspaceDiagnostics":
                if let b = value.boolValue { layer.workspaceDiagnostics = b } else { problems.append("amolint.workspaceDiagnostics: expected a boolean") }
            default:
                if !clientOnlyKeys.contains(key) { problems.append("amolint settings: unknown key \"\(key)\"") }
            }
        }
        return (layer, problems)
    }

    /// Finds the `amolint` section in what clients send: `{amolint: {…}}` or the section itself.
    static func section(in json: JSON?) -> JSON? {
        guard let json, !json.isNull else { return nil }
        if let inner = json["amolint"] { return inner }
        if ["rules", "enable", "run", "workspaceDiagnostics"].contains(where: { json[$0] != nil }) { return json }
        return nil
    }
}

/// The configuration of one document: the editor's settings, with its
/// `.amolint.json` (found from the document's folder up to its workspace
/// folder) on top: a severity set in the file wins over the editor's.
struct ConfigurationResolver {
    let files = ConfigurationStore(explicitPath: nil)
    var workspaceFolders: [String] = []

    enum Resolution {
        case configuration(Configuration)
        case excluded
    }

    /// The configuration of the document at `uri`. A `file:` document uses the
    /// `.amolint.json` files from its folder up to its workspace folder (its path
    /// normalised first; outside every workspace folder, none); an `untitled:`
    /// one, its first workspace folder's; any other scheme (`git:`, `https:`)
    /// never touches the file system.
    func resolve(uri: String, settings: ServerSettings, problem: (String) -> Void) -> Resolution {
        var configuration = Configuration()
        var path: String?
        switch URI.scheme(uri) {
        case "file":
            path = URI.normalized(URI.path(uri))
        case "untitled":
            path = workspaceFolders.first.map { $0 + "/" + URI.path(uri).split(separator: "/").joined(separator: "-") }
        default:
            path = nil
        }
        let boundary = path.flatMap { p in workspaceFolders.filter { p.hasPrefix($0 + "/") }.max { $0.count < $1.count } }
        // With workspace folders, a document outside all of them reads no configuration file.
        if let path, boundary != nil || workspaceFolders.isEmpty {
            switch files.lookup(forFile: path, boundary: boundary) {
            case .found(let c, _): configuration = c
            case .failed(let error): problem("\(error) (using the defaults)")
            case .none: break
            }
        }
        if let path, configuration.excludes(path) { return .excluded }
        // The editor's settings are the base; the project's `.amolint.json` has the last word.
        configuration.rules = settings.rules.merging(configuration.rules) { _, file in file }
        return .configuration(configuration)
    }
}
