#if canImport(Glibc)
import Glibc
#endif
@testable import AmoLintIO
import Foundation
import XCTest

/// `--fix` against an editor writing the same file at the same moment (issue 15,
/// defect 4). The test hook plays the editor at the exact instants that matter,
/// so each race is run deterministically instead of by luck.
final class ReplaceRaceTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("amolint-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        FileSystem.testHook = nil
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("amolint-") }
    }

    /// An editor writing in place (same inode) after amolint re-read the content and
    /// before the rename: `fstat` on the descriptor sees it, nothing is written.
    func testAnInPlaceWriteJustBeforeTheRenameIsKept() throws {
        let path = try write("page.html", "as read")
        let file = try FileSystem.open(path)
        FileSystem.testHook = { moment in
            guard moment == .beforeFinalCheck else { return }
            let fd = open(path, O_WRONLY | O_TRUNC)
            _ = "the editor's version".withCString { Glibc.write(fd, $0, strlen($0)) }
            close(fd)
        }
        XCTAssertThrowsError(try FileSystem.replace(file, with: Array("fixed".utf8))) { error in
            XCTAssertTrue("\(error)".contains("changed while amolint was fixing it"), "\(error)")
        }
        XCTAssertEqual(try read(path), "the editor's version")
        XCTAssertEqual(try leftovers(), [])
    }

    /// An editor that saves by writing a new file and renaming it over the old one:
    /// the name no longer leads to what was read, nothing is written.
    func testASaveByRenameJustBeforeTheRenameIsKept() throws {
        let path = try write("page.html", "as read")
        let file = try FileSystem.open(path)
        FileSystem.testHook = { [folder] moment in
            guard moment == .beforeFinalCheck, let folder else { return }
            let other = folder.appendingPathComponent("page.html~").path
            try? Data("saved by rename".utf8).write(to: URL(fileURLWithPath: other))
            rename(other, path)
        }
        XCTAssertThrowsError(try FileSystem.replace(file, with: Array("fixed".utf8)))
        XCTAssertEqual(try read(path), "saved by rename")
    }

    /// An editor that opened the file before the rename and writes through that
    /// descriptor after it: the write lands in the old file, which no name leads to.
    /// amolint sees it through its own descriptor and puts that content back.
    func testAWriteThroughAnOldDescriptorAfterTheRenameIsPutBack() throws {
        let path = try write("page.html", "as read")
        let editor = open(path, O_WRONLY)
        defer { close(editor) }
        let file = try FileSystem.open(path)
        FileSystem.testHook = { moment in
            guard moment == .afterRename else { return }
            _ = ftruncate(editor, 0)
            _ = "typed meanwhile".withCString { pwrite(editor, $0, strlen($0), 0) }
        }
        XCTAssertThrowsError(try FileSystem.replace(file, with: Array("fixed".utf8))) { error in
            XCTAssertTrue("\(error)".contains("the newer content was put back"), "\(error)")
        }
        XCTAssertEqual(try read(path), "typed meanwhile")
        XCTAssertEqual(try leftovers(), [])
    }

    /// Without interference the fix is written, the descriptor's checks pass.
    func testAQuietFileIsReplaced() throws {
        let path = try write("page.html", "as read")
        try FileSystem.replace(try FileSystem.open(path), with: Array("fixed".utf8))
        XCTAssertEqual(try read(path), "fixed")
        XCTAssertEqual(try leftovers(), [])
    }

    /// A hard-linked file is written in place, and the same checks guard that write.
    func testAnInPlaceRewriteIsGuardedToo() throws {
        let path = try write("page.html", "as read, long enough")
        try FileManager.default.linkItem(atPath: path, toPath: folder.appendingPathComponent("link.html").path)
        let file = try FileSystem.open(path)
        FileSystem.testHook = { moment in
            guard moment == .beforeFinalCheck else { return }
            let fd = open(path, O_WRONLY | O_APPEND)
            _ = "+".withCString { Glibc.write(fd, $0, 1) }
            close(fd)
        }
        XCTAssertThrowsError(try FileSystem.replace(file, with: Array("as read, fixed".utf8)))
        XCTAssertEqual(try read(path), "as read, long enough+")
        FileSystem.testHook = nil
        try FileSystem.replace(try FileSystem.open(path), with: Array("as read, fixed".utf8))
        XCTAssertEqual(try read(folder.appendingPathComponent("link.html").path), "as read, fixed")
    }

    /// Names `--fix` gives its temporary files, and only those, are recognised.
    func testTemporaryNames() {
        XCTAssertTrue(FileSystem.isTemporaryName(".amolint-fix-a1B2c3.tmp"))
        XCTAssertTrue(FileSystem.isTemporaryName(".page.html.amolint-a1B2c3"))
        XCTAssertFalse(FileSystem.isTemporaryName(".amolint-fix-a1B2c.tmp"))
        XCTAssertFalse(FileSystem.isTemporaryName("page.html"))
        XCTAssertFalse(FileSystem.isTemporaryName(".amolint-a1B2c3"))
        XCTAssertFalse(FileSystem.isTemporaryName(".amolint.json"))
    }
}
