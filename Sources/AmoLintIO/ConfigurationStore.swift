#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint

/// Finds the `.amolint.json` that governs each file: the nearest one in the
/// file's folder or above. Each folder is looked up once.
public final class ConfigurationStore {
    public enum Lookup {
        case found(Configuration, path: String)
        case failed(ConfigurationError)
        case none
    }

    private var byFolder: [String: Lookup] = [:]
    private let explicit: Lookup?
    private let workingDirectory: String

    public init(explicitPath: String?) {
        workingDirectory = Paths.currentDirectory()
        if let explicitPath {
            explicit = ConfigurationStore.load(Paths.absolute(explicitPath, from: workingDirectory), shownAs: explicitPath)
        } else {
            explicit = nil
        }
    }

    /// The configuration for a file: the nearest `.amolint.json` in its folder or
    /// above, not looking above `boundary` (a workspace folder) when one is given.
    public func lookup(forFile path: String, boundary: String? = nil) -> Lookup {
        if let explicit { return explicit }
        return lookup(folder: Paths.parent(Paths.absolute(path, from: workingDirectory)), boundary: boundary)
    }

    /// Forgets what was read, after a configuration file changed.
    public func invalidate() { byFolder.removeAll() }

    public func absolute(_ path: String) -> String { Paths.absolute(path, from: workingDirectory) }

    private func lookup(folder: String, boundary: String?) -> Lookup {
        let key = folder + "\u{0}" + (boundary ?? "")
        if let cached = byFolder[key] { return cached }
        let candidate = folder == "/" ? "/" + Configuration.fileName : folder + "/" + Configuration.fileName
        let result: Lookup
        if FileSystem.status(candidate)?.kind == .file {
            result = ConfigurationStore.load(candidate, shownAs: Paths.relative(candidate, to: workingDirectory))
        } else if folder == "/" || folder.isEmpty || folder == boundary {
            result = .none
        } else {
            result = lookup(folder: Paths.parent(folder), boundary: boundary)
        }
        byFolder[key] = result
        return result
    }

    private static func load(_ path: String, shownAs: String) -> Lookup {
        do {
            let bytes = try FileSystem.read(path)
            return .found(try Configuration.parse(bytes, path: shownAs, baseDirectory: Paths.parent(path)), path: shownAs)
        } catch let error as FileError {
            return .failed(ConfigurationError(path: shownAs, key: nil, reason: "cannot read: \(error.reason)"))
        } catch let error as ConfigurationError {
            return .failed(error)
        } catch {
            return .failed(ConfigurationError(path: shownAs, key: nil, reason: "\(error)"))
        }
    }
}

/// Path arithmetic on strings (no Foundation).
public enum Paths {
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func absolute(_ path: String, from base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func relative(_ path: String, to base: String) -> String {
        path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
