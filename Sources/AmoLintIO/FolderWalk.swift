#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder of a walk, with what a check needs of it computed once for all
/// its files: its absolute name (for the configuration and `exclude`) and its
/// template files.
public struct WalkedFolder: Sendable {
    /// The folder as the walk names it (from the root as given).
    public let path: String
    /// `Paths.absolute(path)`, built by appending names to the root's.
    public let absolute: String
    public let files: [WalkedFile]
}

public struct WalkedFile: Sendable {
    public let name: String
    /// The folder's path and the name, as `FileDiscovery.walk` names it.
    public let path: String
    /// `readdir` said a regular file (not a link): it need not be looked at before it is opened.
    public let isRegular: Bool
}

extension FileDiscovery {
    /// Visits every folder below `root` (the root first) that is not skipped, in
    /// the order `walk` reads them, with its template files in `readdir` order.
    /// Unreadable folders go to `problem` and the walk goes on.
    public static func walkFolders(_ root: String, absoluteRoot: String, visit: (WalkedFolder) -> Void, problem: (FileError) -> Void) {
        var pending = [(root, absoluteRoot)]
        while let (folder, absolute) = pending.popLast() {
            guard let dir = Paths.withCString(folder, { opendir($0) }) else {
                problem(FileError(path: folder, reason: Platform.errorText()))
                continue
            }
            var files: [WalkedFile] = []
            func join(_ base: String, _ name: String) -> String {
                base == "." ? name : base.hasSuffix("/") ? base + name : base + "/" + name
            }
            while let entry = readdir(dir) {
                let type = Int32(entry.pointee.d_type)
                withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { raw in
                        let bytes = UnsafeBufferPointer(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self)))
                        if bytes.count <= 2, bytes.allSatisfy({ $0 == UInt8(ascii: ".") }) { return }
                        // Most entries of a tree are files: their extension decides before any string is made.
                        if type == Int32(DT_REG) || type == Int32(DT_LNK) {
                            guard isTemplate(nameBytes: bytes) else { return }
                            let name = Paths.decode(bytes)
                            let path = join(folder, name)
                            // A link to a file is checked; a link to a folder is not walked.
                            if type == Int32(DT_LNK), FileSystem.status(path)?.kind != .file { return }
                            files.append(WalkedFile(name: name, path: path, isRegular: type == Int32(DT_REG)))
                            return
                        }
                        let name = Paths.decode(bytes)
                        let path = join(folder, name)
                        let kind = type == Int32(DT_DIR) ? .directory : FileSystem.status(path, followLinks: false)?.kind ?? .other
                        switch kind {
                        case .directory where !skippedFolders.contains(name):
                            pending.append((path, absolute == "/" ? "/" + name : absolute + "/" + name))
                        case .file where isTemplate(nameBytes: bytes):
                            files.append(WalkedFile(name: name, path: path, isRegular: false))
                        default:
                            break
                        }
                    }
                }
            }
            closedir(dir)
            visit(WalkedFolder(path: folder, absolute: absolute, files: files))
        }
    }

    /// `isTemplate` on a name's bytes: the bytes after its last `.`, lower-cased,
    /// are one of `extensions`. A name whose byte before that `.` is not ASCII
    /// might join it into one character, so it is asked of the string.
    static func isTemplate(nameBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), bytes.count - dot <= maximumExtensionLength else { return false }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(bytes.count - dot)
        for b in bytes[dot...] {
            guard b < 0x80 else { return false }
            lowered.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
        }
        guard extensionBytes.contains(lowered) else { return false }
        if dot > 0, bytes[dot - 1] >= 0x80 { return isTemplate(Paths.decode(bytes)) }
        return true
    }

    static let extensionBytes: Set<[UInt8]> = Set(extensions.map { Array($0.utf8) })
    static let maximumExtensionLength = extensions.map(\.utf8.count).max() ?? 0
}
