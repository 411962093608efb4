#if os(Linux) && canImport(Glibc)
import Glibc
import AmoLint
@testable import AmoLintIO
import XCTest

/// A large file is mapped for checking (`MappedFile`): the bytes are the file's,
/// it is refused as `FileSystem.open` refuses it, and a file that gets shorter
/// while it is mapped gives zeros and `wasCut`, not a crash (`SIGBUS`).
final class FileMappingTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = "/tmp/amolint-mapping-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        XCTAssertEqual(mkdir(folder, 0o700), 0)
    }

    override func tearDown() {
        for name in ["page.html", "empty.html", "dir"] { _ = unlink("\(folder)/\(name)"); _ = rmdir("\(folder)/\(name)") }
        _ = rmdir(folder)
    }

    private func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = "\(folder)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    private func page(_ count: Int) -> [UInt8] {
        let line = Array("<p>Подключите amoCRM 🚀</p>\n".utf8)
        return (0..<count).map { line[$0 % line.count] }
    }

    func testMapsTheFileAsItIs() throws {
        let bytes = page(3 << 20 + 123)
        let path = write("page.html", bytes)
        let mapped = try XCTUnwrap(try MappedFile.map(path, maximumSize: 10 << 20))
        XCTAssertEqual(mapped.text.array, bytes)
        XCTAssertEqual(mapped.text, SharedBytes(bytes))
        XCTAssertEqual(mapped.identity, FileSystem.status(path)?.identity)
        XCTAssertFalse(mapped.wasCut)
    }

    func testRefusesWhatOpenRefuses() throws {
        let path = write("page.html", page(2 << 20))
        XCTAssertNil(try MappedFile.map(write("empty.html", []), maximumSize: 10 << 20), "an empty file is read, not mapped")
        for (path, limit) in [(path, 1 << 20), ("\(folder)/dir", 10 << 20), ("\(folder)/missing.html", 10 << 20)] {
            if path.hasSuffix("dir") { XCTAssertEqual(mkdir(path, 0o700), 0) }
            var opened: String?, mapped: String?
            do { _ = try FileSystem.open(path, maximumSize: limit) } catch { opened = error.description }
            do { _ = try MappedFile.map(path, maximumSize: limit) } catch { mapped = error.description }
            XCTAssertNotNil(mapped, path)
            XCTAssertEqual(mapped, opened, path)
        }
    }

    func testAFileCutWhileMappedReadsAsZerosAndSaysSo() throws {
        let bytes = page(3 << 20)
        let path = write("page.html", bytes)
        let mapped = try XCTUnwrap(try MappedFile.map(path, maximumSize: 10 << 20))
        XCTAssertEqual(truncate(path, 4096), 0)
        // Every page past the new end is read: without the guard the first one would raise SIGBUS.
        let sum = mapped.text.withUnsafeBufferPointer { $0.reduce(0) { $0 + Int($1) } }
        XCTAssertEqual(sum, bytes[..<4096].reduce(0) { $0 + Int($1) })
        XCTAssertTrue(mapped.wasCut)

        // A mapping made after the first is let go starts clean.
        let again = write("page.html", bytes)
        let second = try XCTUnwrap(try MappedFile.map(again, maximumSize: 10 << 20))
        XCTAssertEqual(second.text.array, bytes)
        XCTAssertFalse(second.wasCut)
    }
}
#endif
