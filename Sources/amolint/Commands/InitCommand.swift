#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint
import AmoLintIO

/// `amolint init [FOLDER]`: writes a starter `.amolint.json`, never over an existing one.
struct InitCommand {
    static let spec = CommandSpec(
        name: "init", abstract: "Write a starter .amolint.json (with $schema and comments) in FOLDER (default: here).",
        arguments: "[FOLDER]", options: [],
        discussion: "An existing .amolint.json is never overwritten: amolint init then exits 1 and says so.")

    static let starter = """
        {
          "$schema": "https://github.com/amolint/amolint/blob/main/protocol/configuration.schema.json",
          "$comment": [
            "amolint configuration: https://github.com/amolint/amolint#configuration",
            "rules: a rule id and off, hint, information, warning or error; 'amolint rules' lists the ids",
            "  and 'amolint rules RULE-ID' explains one. Example: \\"static-state\\": \\"error\\".",
            "exclude: globs relative to this folder; a glob without / matches a name at any depth. Example: \\"legacy/**\\".",
            "The nearest .amolint.json above a file applies to it."
          ],
          "rules": {},
          "exclude": []
        }

        """

    var folder: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals.count <= 1 else { throw UsageError(description: "'amolint init' takes at most one FOLDER") }
        folder = arguments.positionals.first ?? "."
    }
}

extension InitCommand {
    func run() -> Int32 {
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + Configuration.fileName
        let display = folder == "." ? Configuration.fileName : path
        let name = Paths.encode(path) + [0]
        // O_EXCL: created here, or not at all (no race with another writer, no overwrite).
        let fd = name.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { systemOpen($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        }
        guard fd >= 0 else {
            let exists = errno == EEXIST
            Platform.write(2, "amolint init: \(Safe.terminal(display)): \(exists ? "already exists; not overwritten" : Platform.errorText())\n")
            return exists ? 1 : 2
        }
        defer { close(fd) }
        var text = Self.starter
        if let error = text.withUTF8({ Platform.write(fd, $0) }) {
            Platform.write(2, "amolint init: \(Safe.terminal(display)): \(error)\n")
            return 2
        }
        Platform.write(1, "Wrote \(Safe.terminal(display)); 'amolint check' uses it for the files below it.\n")
        return 0
    }
}
