import Testing
@testable import AmoLint

struct CatalogTests {
    /// The ids and default severities of spec §6 and §7, a public interface.
    static let specified: [(String, Severity)] = [
        ("missing-class", .error), ("legacy-id", .error), ("brand-mismatch", .error), ("insecure-script-src", .error),
        ("missing-script", .warning), ("jsx-script", .warning), ("missing-client-id", .error), ("incomplete-metadata", .error),
        ("ignored-metadata", .warning), ("missing-logo", .warning), ("empty-value", .warning), ("invalid-client-id", .warning),
        ("insecure-uri", .error), ("invalid-uri", .error), ("local-uri", .warning), ("unencoded-uri", .warning),
        ("invalid-scope", .error), ("undocumented-scope", .warning), ("duplicate-scope", .warning), ("malformed-scopes", .error),
        ("invalid-color", .error), ("ignored-color", .warning), ("invalid-theme", .error), ("invalid-locale", .warning),
        ("invalid-mode", .error), ("invalid-compact", .warning), ("unknown-attribute", .warning), ("duplicate-attribute", .error),
        ("missing-state", .warning), ("static-state", .warning), ("placeholder-value", .warning),
        ("invalid-error-callback", .error), ("undefined-error-callback", .information), ("unused-error-callback", .warning),
        ("markup-in-title", .warning), ("invalid-directive", .warning), ("too-long", .error),
        ("late-injection", .warning), ("inert-script", .warning),
    ]

    /// Ids are a public interface: none disappears or changes its default. New
    /// rules need no entry here (their declaration is enough).
    @Test func everySpecifiedRuleExistsWithItsDefaultSeverity() {
        #expect(RuleCatalog.all.count >= Self.specified.count)
        for (id, severity) in Self.specified {
            #expect(RuleCatalog.rule(id)?.severity == severity, "\(id)")
        }
        #expect(Set(RuleCatalog.ids).count == RuleCatalog.ids.count, "rule ids are unique")
    }

    /// Every id leads to the declaration that carries it, and every declaration
    /// has an id: a rule cannot be declared and left out of the catalogue.
    @Test func everyDeclaredRuleIsInTheCatalogue() throws {
        for id in RuleID.allCases { #expect(id.rule.ruleID == id, "\(id.rawValue) maps to \(id.rule.id)") }
        let root = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Sources/AmoLint/Rules/"
        var declarations = 0
        for name in try listFolder(root) where name.hasSuffix(".swift") {
            var rest = Substring(try String(contentsOfFileAtPath: root + name))
            while let r = rest.range(of: " = Rule(\n") {
                declarations += 1
                rest = rest[r.upperBound...]
            }
        }
        #expect(declarations == RuleID.allCases.count)
    }

    @Test func protocolCatalogueIsUpToDate() throws {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let committed = try String(contentsOfFileAtPath: "/" + path + "/protocol/rules.md")
        #expect(committed == RuleDocumentation.markdown(), "protocol/rules.md is stale: run `swift run amolint rules --format markdown > protocol/rules.md`")
    }
}

extension String {
    /// Reads a UTF-8 file without Foundation.
    init(contentsOfFileAtPath path: String) throws {
        self = String(decoding: try readBytes(path), as: UTF8.self)
    }
}

enum CocoaLikeError: Error { case cannotOpen(String) }

#if canImport(Glibc)
import Glibc
#endif

/// The names in a folder, without Foundation.
func listFolder(_ path: String) throws -> [String] {
    guard let dir = opendir(path) else { throw CocoaLikeError.cannotOpen(path) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != ".", name != ".." { names.append(name) }
    }
    return names
}
