import Foundation
import JSONValue
import XCTest

/// `--fix` on files with other names, owners and leftovers (issue 15).
final class FixSafetyTests: XCTestCase, FilePages {
    // MARK: Defect 8: the same file twice

    /// Named twice, and reached through a link in the tree: fixed once, exit 0, no
    /// "changed while amolint was fixing it". (Before: exit 2 with that message.)
    func testTheSameFileTwiceIsCheckedAndFixedOnce() throws {
        let s = try Scratch()
        try s.write("site/page.html", broken)
        try FileManager.default.createSymbolicLink(atPath: s.url.appendingPathComponent("site/alias.html").path, withDestinationPath: "page.html")
        try FileManager.default.linkItem(at: s.url.appendingPathComponent("site/page.html"), to: s.url.appendingPathComponent("site/hard.html"))
        for arguments in [["site/page.html", "site/page.html"], ["site"], ["site/page.html", "./site/alias.html", "site"]] {
            try s.write("site/page.html", broken)
            let out = try Amolint.run(["check", "--fix"] + arguments, in: s.url)
            XCTAssertEqual(out.status, 0, "\(arguments): \(out.stdout) \(out.stderr)")
            XCTAssertFalse(out.stderr.contains("changed while"), out.stderr)
            XCTAssertTrue(out.stdout.contains("in 1 file. Fixed 1 problem."), "\(arguments): \(out.stdout)")
            XCTAssertEqual(try s.read("site/page.html"), clean)
        }
        let report = try Amolint.run(["check", "site/page.html", "site/alias.html", "--format", "json"], in: s.url)
        XCTAssertEqual(report.json?.arrayValue?.count, 0)
    }

    // MARK: Defect 7: owner, group and hard links

    func testFixKeepsHardLinksOwnerAndGroup() throws {
        let s = try Scratch()
        let page = try s.write("page.html", broken)
        let other = s.url.appendingPathComponent("other-name.html")
        try FileManager.default.linkItem(at: page, to: other)
        let inode = try attributes(page)[.systemFileNumber] as? Int
        let out = try Amolint.run(["check", "--fix", "page.html"], in: s.url)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try s.read("other-name.html"), clean, "the other name sees the fix")
        XCTAssertEqual(try attributes(page)[.systemFileNumber] as? Int, inode, "fixed in place")
        XCTAssertEqual(try attributes(page)[.referenceCount] as? Int, 2)

        // Owner and group: as root, any; otherwise a group of ours that is not the primary one.
        let single = try s.write("single.html", broken)
        var groups = [gid_t](repeating: 0, count: 64)
        let count = getgroups(Int32(groups.count), &groups)
        let owner = geteuid() == 0 ? uid_t(4242) : geteuid()
        let group = geteuid() == 0 ? gid_t(4343) : groups.prefix(Int(max(count, 0))).first { $0 != getegid() } ?? getegid()
        XCTAssertEqual(chown(single.path, owner, group), 0)
        let singleInode = try attributes(single)[.systemFileNumber] as? Int
        XCTAssertEqual(try Amolint.run(["check", "--fix", "single.html"], in: s.url).status, 0)
        XCTAssertEqual(try s.read("single.html"), clean)
        XCTAssertEqual(try attributes(single)[.ownerAccountID] as? Int, Int(owner))
        XCTAssertEqual(try attributes(single)[.groupOwnerAccountID] as? Int, Int(group))
        XCTAssertNotEqual(try attributes(single)[.systemFileNumber] as? Int, singleInode, "a single name is replaced by a rename")
    }

    // MARK: Defect 12: temporary files

    /// A killed run's `.amolint-fix-XXXXXX.tmp` (and an older version's `.NAME.amolint-XXXXXX`)
    /// older than ten minutes goes at the next `--fix` in that folder; a fresh one stays.
    func testStaleTemporaryFilesAreRemovedByTheNextFix() throws {
        let s = try Scratch()
        try s.write("page.html", broken)
        let stale = try s.write(".amolint-fix-Ab12Cd.tmp", "half a page")
        let legacy = try s.write(".page.html.amolint-xY9zQ1", "half a page")
        let fresh = try s.write(".amolint-fix-Zz99zz.tmp", "another run's, in progress")
        let mine = try s.write(".amolint-fix-notes.txt", "not ours")
        let old = Date().addingTimeInterval(-3600)
        for url in [stale, legacy, mine] { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path) }
        XCTAssertEqual(try Amolint.run(["check", "--fix", "page.html"], in: s.url).status, 0)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: s.url.path))
        XCTAssertEqual(names, ["page.html", ".amolint-fix-Zz99zz.tmp", ".amolint-fix-notes.txt"])
        _ = fresh
    }
}
