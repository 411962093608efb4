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

    @Test func everySpecifiedRuleExistsWithItsDefaultSeverity() {
        #expect(RuleCatalog.all.count == Self.specified.count)
        for (id, severity) in Self.specified {
            #expect(RuleCatalog.rule(id)?.severity == severity, "\(id)")
        }
        #expect(Set(RuleCatalog.ids).count == RuleCatalog.ids.count, "rule ids are unique")
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
