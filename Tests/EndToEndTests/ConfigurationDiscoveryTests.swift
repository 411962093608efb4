import Foundation
import JSONValue
import XCTest

/// Where `.amolint.json` is looked for (issue 15, defect 6).
final class ConfigurationDiscoveryTests: XCTestCase, FilePages {
    // MARK: Defect 6: where configuration is looked for

    /// A `.amolint.json` above the repository root (a folder holding `.git`) is not used:
    /// whoever can write `/tmp/.amolint.json` cannot turn amolint off for checkouts under `/tmp`.
    func testConfigurationAboveTheRepositoryIsIgnored() throws {
        let s = try Scratch()
        try s.write(".amolint.json", #"{"rules": {"invalid-color": "off"}}"#)
        try s.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        try s.write("repo/site/page.html", broken)
        try s.write("worktree/.git", "gitdir: /elsewhere\n")
        try s.write("worktree/page.html", broken)
        try s.write("loose/page.html", broken)
        for path in ["repo/site/page.html", "worktree/page.html"] {
            let out = try Amolint.run(["check", path, "--format", "json"], in: s.url)
            XCTAssertTrue(out.json?.arrayValue?.contains { $0["rule"] == "invalid-color" } ?? false, "\(path): \(out.stdout)")
        }
        let loose = try Amolint.run(["check", "loose/page.html", "--format", "json"], in: s.url)
        XCTAssertFalse(loose.json?.arrayValue?.contains { $0["rule"] == "invalid-color" } ?? true, "outside a repository the walk goes on up")
        // Inside the repository, its own configuration still governs; `"root": true` is accepted.
        try s.write("repo/.amolint.json", #"{"root": true, "rules": {"missing-script": "off"}}"#)
        let inside = try Amolint.run(["check", "repo/site/page.html", "--format", "json"], in: s.url)
        XCTAssertEqual(inside.status, 1, inside.stderr)
        XCTAssertTrue(inside.json?.arrayValue?.contains { $0["rule"] == "invalid-color" } ?? false, inside.stdout)
        try s.write("repo/.amolint.json", #"{"root": "yes"}"#)
        let bad = try Amolint.run(["check", "repo/site/page.html"], in: s.url)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("repo/.amolint.json: root: expected true or false"), bad.stderr)
    }

    // MARK: Defect 13: what `exclude` globs are relative to

    /// `exclude` globs are relative to the configuration file's folder, as the README says,
    /// not to the checked file's folder; with `--config FILE`, to FILE's folder.
    func testExcludeGlobsAreRelativeToTheConfigurationsFolder() throws {
        let s = try Scratch()
        try s.write(".git/HEAD", "ref: refs/heads/main\n")
        try s.write("site/.amolint.json", #"{"exclude": ["pages/*.html"]}"#)
        try s.write("site/pages/a.html", broken)
        try s.write("site/pages/deeper/pages/b.html", broken)
        try s.write("site/c.html", broken)
        let out = try Amolint.run(["check", "site", "--format", "json"], in: s.url)
        let paths = Set((out.json?.arrayValue ?? []).compactMap { $0["path"]?.stringValue })
        XCTAssertEqual(paths, ["site/c.html", "site/pages/deeper/pages/b.html"], out.stdout)
        try s.write("conf/amolint.json", #"{"exclude": ["site/c.html"]}"#)
        let explicit = try Amolint.run(["check", "site", "--config", "conf/amolint.json", "--format", "json"], in: s.url)
        let explicitPaths = Set((explicit.json?.arrayValue ?? []).compactMap { $0["path"]?.stringValue })
        XCTAssertEqual(explicitPaths, ["site/c.html", "site/pages/a.html", "site/pages/deeper/pages/b.html"], "relative to conf/, so nothing matches")
    }
}
