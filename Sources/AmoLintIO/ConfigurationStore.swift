#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint

/// Finds the `.amolint.json` that governs each file: the nearest one in the
/// file's folder or above, within the file's repository. The walk up stops at
/// the first configuration found (the nearest wins; configurations do not
/// merge), at the repository's root (a folder holding `.git`, a folder or a
/// file as in worktrees and submodules), and at the workspace folder in the
/// editor. So a `.amolint.json` in a shared folder above a checkout (`/tmp`, a
/// home folder) never governs the checkout's files. Each folder is looked up once.
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

    /// The configuration for the files of `folder`, an absolute path (the walk of
    /// a tree computes it once per folder).
    public func lookup(folder: String) -> Lookup {
        if let explicit { return explicit }
        return lookup(folder: folder, boundary: nil)
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
        } else if folder == "/" || folder.isEmpty || folder == boundary || ConfigurationStore.isRepositoryRoot(folder) {
            result = .none
        } else {
            result = lookup(folder: Paths.parent(folder), boundary: boundary)
        }
        byFolder[key] = result
        return result
    }

    /// A folder holding `.git` (a folder, or a file in a worktree or a submodule).
    static func isRepositoryRoot(_ folder: String) -> Bool {
        FileSystem.status(folder == "/" ? "/.git" : folder + "/.git", followLinks: false) != nil
    }

    private static func load(_ path: String, shownAs: String) -> Lookup {
        do {
            let bytes = try FileSystem.read(path, maximumSize: 1 << 20, limitName: "configuration files")
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
        return Paths.decode(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
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
