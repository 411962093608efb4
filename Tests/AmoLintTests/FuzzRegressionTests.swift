import Testing
@testable import AmoLint

/// Every input the fuzzer ever broke an invariant with stays fixed.
struct FuzzRegressionTests {
    static var folder: String { #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Fuzz/regressions/lint" }

    static var inputs: [String] {
        guard let dir = opendir("/" + folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    @Test("fuzzer findings hold their invariants", arguments: inputs)
    func finding(_ name: String) throws {
        let raw = try readBytes("/" + Self.folder + "/" + name)
        let file = try #require(Invariants.file(fromFuzzInput: raw))
        #expect(Invariants.violations(file) == [])
    }

    @Test func malformedUTF8PositionsRoundTrip() {
        // A lead byte followed by ASCII must not swallow the ASCII byte.
        let file = SourceFile(path: "a.html", bytes: [0xCA, 0xFF] + Array(#"<div class="amocrm_oauth" data-color="x"></div>"#.utf8) + [0xF0, 0x9F, 0x3C])
        #expect(Invariants.violations(file) == [])
    }
}

func readBytes(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw CocoaLikeError.cannotOpen(path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return bytes
}

#if canImport(Glibc)
import Glibc
#endif
