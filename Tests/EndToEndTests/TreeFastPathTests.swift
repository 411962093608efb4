import AmoLint
import AmoLintIO
import Foundation
import JSONValue
import XCTest

/// `amolint check FOLDER` checks a tree while walking it, reads files into reused
/// buffers and skips those without a needle before any copy. Its report must be
/// the plain one: each file found by `FileDiscovery.walk`, read whole, decoded,
/// and given to `Linter.lint`, one file at a time.
final class TreeFastPathTests: XCTestCase {
    func testATreeReportsWhatEachFileGivesOnItsOwn() throws {
        let s = try Scratch()
        try FileManager.default.createDirectory(at: s.url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let examples = try FileManager.default.contentsOfDirectory(atPath: Amolint.packageRoot.appendingPathComponent("examples").path)
            .filter { FileDiscovery.isTemplate($0) }.sorted()
            .map { try String(contentsOf: Amolint.packageRoot.appendingPathComponent("examples/\($0)"), encoding: .utf8) }
        let filler = ["<div class=\"row\"><p>Подключите amoCRM 🚀</p></div>\n", "<script>var a = 1 / 2; // <b>\n</script>\n",
                      "<?php echo '<i>' . $x; ?>\n", "{% if user %}{{ user.name }}{% endif %}\n", "<!-- amolint-disable-next-line -->\n",
                      "<style>.a > p { margin: 0 }</style>\n"]
        let kinds = [".html", ".php", ".blade.php", ".twig", ".vue", ".jsx", ".tsx", ".js", ".ts", ".HTML", ".txt"]
        var random = UInt64(14)
        func next(_ n: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int((random >> 33) % UInt64(n))
        }
        for i in 0..<240 {
            var text = ""
            for _ in 0..<(1 + next(8)) { text += filler[next(filler.count)] }
            if i % 3 == 0 { text += examples[next(examples.count)] }
            try s.write("m\(i % 7)/\(i % 2 == 0 ? "views/" : "")f\(i)\(kinds[next(kinds.count)])", text)
        }
        let button = examples.first { $0.contains("amocrm_oauth") } ?? ""
        try Data([0xEF, 0xBB, 0xBF] + Array(button.utf8)).write(to: s.url.appendingPathComponent("bom.html"))
        try Data([0xFF, 0xFE] + Array(button.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: s.url.appendingPathComponent("utf16.html"))
        try Data([0x3C, 0x00] + Array(button.utf8)).write(to: s.url.appendingPathComponent("binary.html"))
        try Data().write(to: s.url.appendingPathComponent("empty.html"))
        try s.write("node_modules/skipped.html", button)
        try FileManager.default.linkItem(atPath: s.url.appendingPathComponent("bom.html").path, toPath: s.url.appendingPathComponent("m1/hard.html").path)
        try FileManager.default.createSymbolicLink(atPath: s.url.appendingPathComponent("m2/link.vue").path, withDestinationPath: "../utf16.html")

        try assertSameAsPlain(s.url.path)
        try assertSameAsPlain(Amolint.packageRoot.appendingPathComponent("examples").path)
    }

    private func assertSameAsPlain(_ root: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("amolint-report-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let out = try Amolint.run(["check", root, "--format", "json", "--output", report])
        let found = try XCTUnwrap(try JSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: report)))).arrayValue, file: file, line: line)
        let fast = found.map { d in
            ["path", "rule", "severity", "message", "line", "column", "endLine", "endColumn"].map { d[$0].map { "\($0)" } ?? "-" }.joined(separator: "|")
        }.sorted()

        var plain: [String] = []
        var checked = 0
        var problems: [FileError] = []
        var seen: Set<FileIdentity> = []
        for path in FileDiscovery.walk(root, problems: &problems) {
            if let identity = FileSystem.status(path)?.identity, !seen.insert(identity).inserted { continue }
            guard case .decoded(let text) = DecodedText.decode(try FileSystem.read(path)) else { continue }
            if FileDiscovery.looksBinary(text.bytes) { continue }
            checked += 1
            let result = Linter.lint(SourceFile(path: path, bytes: text.bytes))
            for d in result.diagnostics {
                let start = result.lineIndex.position(ofByte: d.range.lowerBound, encoding: .utf32)
                let end = result.lineIndex.position(ofByte: d.range.upperBound, encoding: .utf32)
                let fields: [JSON] = [.string(Paths.display(path)), .string(d.rule), .string(d.severity.rawValue), .string(d.message),
                                      .int(start.line + 1), .int(start.character + 1), .int(end.line + 1), .int(end.character + 1)]
                plain.append(fields.map { "\($0)" }.joined(separator: "|"))
            }
        }
        XCTAssertTrue(problems.isEmpty, "\(problems)", file: file, line: line)
        XCTAssertFalse(plain.isEmpty, "a tree without findings proves nothing", file: file, line: line)
        XCTAssertEqual(fast, plain.sorted(), file: file, line: line)
        XCTAssertTrue(out.stdout.contains(" of \(checked) files"), out.stdout, file: file, line: line)
    }
}
