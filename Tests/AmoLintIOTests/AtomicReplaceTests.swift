import AmoLintIO
import Foundation
import XCTest

/// `--fix` writes through a temporary file and a rename, and never loses data.
final class AtomicReplaceTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("amolint-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".amolint-") }
    }

    func testReplacesAndKeepsPermissions() throws {
        let path = try write("a.html", "old", mode: 0o640)
        try FileSystem.replace(path, with: Array("new".utf8), expected: Array("old".utf8))
        XCTAssertEqual(try read(path), "new")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o640)
        XCTAssertEqual(try leftovers(), [])
    }

    func testAFileChangedSinceItWasReadKeepsTheNewerContent() throws {
        let path = try write("a.html", "edited by someone else")
        XCTAssertThrowsError(try FileSystem.replace(path, with: Array("fixed".utf8), expected: Array("as read".utf8))) { error in
            XCTAssertTrue("\(error)".contains("changed while amolint was fixing it"), "\(error)")
        }
        XCTAssertEqual(try read(path), "edited by someone else")
        XCTAssertEqual(try leftovers(), [])
    }

    func testAReadOnlyFileIsLeftIntact() throws {
        let path = try write("a.html", "old", mode: 0o444)
        XCTAssertThrowsError(try FileSystem.replace(path, with: Array("new".utf8), expected: Array("old".utf8)))
        XCTAssertEqual(try read(path), "old")
    }

    func testATemporaryFileThatCannotBeCreatedLeavesTheOriginalIntact() throws {
        let path = try write("a.html", "old")
        // A "folder" that is a file: the temporary file cannot be made there (root passes permission checks).
        XCTAssertThrowsError(try FileSystem.replace(path + "/x", with: Array("new".utf8), expected: Array("old".utf8)))
        XCTAssertEqual(try read(path), "old")
        XCTAssertEqual(try leftovers(), [])
    }

    func testASymbolicLinkStaysALinkAndItsTargetIsFixed() throws {
        let target = try write("target.html", "old")
        let link = folder.appendingPathComponent("link.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileSystem.replace(link, with: Array("new".utf8), expected: Array("old".utf8))
        XCTAssertEqual(try read(target), "new")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
    }
}
