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

        // Past `FileReader.largestBuffered` a file is mapped instead of read.
        let big = Self.largePage(filler: filler, button: button, next: next)
        try s.write("big/page.html", big)
        try Data([0xEF, 0xBB, 0xBF] + Array(big.utf8)).write(to: s.url.appendingPathComponent("big/bom.php"))
        try Data([0xFF, 0xFE] + Array(big.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: s.url.appendingPathComponent("big/utf16.html"))
        try Data([0x3C, 0x00] + Array(big.utf8)).write(to: s.url.appendingPathComponent("big/binary.html"))
        try Data(Array(big.utf8) + [0xFF, 0xC0, 0x80]).write(to: s.url.appendingPathComponent("big/invalid.html"))

        try assertSameAsPlain(s.url.path)
        try assertSameAsPlain(Amolint.packageRoot.appendingPathComponent("examples").path)
    }

    /// Large files named on the command line are mapped too; standard input (an array) is the plain path.
    func testLargeFilesNamedAloneReportWhatStandardInputGives() throws {
        let s = try Scratch()
        let button = try String(contentsOf: Amolint.packageRoot.appendingPathComponent("examples/landing.html"), encoding: .utf8)
        var random = UInt64(30)
        func next(_ n: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int((random >> 33) % UInt64(n))
        }
        let big = Self.largePage(filler: ["<p>Подключите amoCRM 🚀 к сайту</p>\n", "<div class=\"row\"><img src=\"/a.png\" alt=\"x\"></div>\n",
                                          "<script>if (a < b) { go('<div>'); }</script>\n", "<!-- <script class=\"amocrm_oauth\"> -->\n"],
                                 button: button, next: next)
        let variants: [(String, [UInt8])] = [("page.html", Array(big.utf8)), ("bom.html", [0xEF, 0xBB, 0xBF] + Array(big.utf8)),
                                             ("utf16.html", [0xFF, 0xFE] + Array(big.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })]
        for (name, bytes) in variants {
            let path = s.url.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let named = try Amolint.run(["check", path, "--format", "json"])
            let piped = try Amolint.run(["check", "-", "--stdin-filename", path, "--format", "json"], stdinBytes: bytes)
            XCTAssertEqual(named.status, 1, name)
            XCTAssertTrue(named.stdout.contains("\"rule\""), name)
            XCTAssertEqual(named.stdout, piped.stdout, name)
            XCTAssertEqual(named.status, piped.status, name)
        }
    }

    /// Filler lines with the button in some of them, just past what the worker's buffer holds.
    static func largePage(filler: [String], button: String, next: (Int) -> Int) -> String {
        var page = ""
        while page.utf8.count <= FileReader.largestBuffered + 4096 {
            page += filler[next(filler.count)]
            if next(400) == 0 { page += button }
        }
        return page + button
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
