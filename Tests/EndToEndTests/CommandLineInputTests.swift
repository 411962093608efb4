import Foundation
import JSONValue
import XCTest

/// `amolint check` on the files users really have: links, FIFOs, devices, huge
/// files, odd encodings and odd names (issue 15).
final class CommandLineInputTests: XCTestCase, FilePages {
    // MARK: Defect 5: paths named on the command line

    /// `ln -s /dev/zero p.html` and a FIFO end at once with exit 2 and a message naming
    /// each; the other files are still checked. (Before: memory grew until killed, or a hang.)
    func testDeviceLinksAndFIFOsAreRefusedPromptly() throws {
        let s = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: s.url.appendingPathComponent("p.html").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(s.url.appendingPathComponent("f.html").path, 0o644), 0)
        try s.write("broken.html", broken)
        let out = try Amolint.run(["check", "p.html", "f.html", "broken.html"], in: s.url, killAfter: 30)
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertTrue(out.stderr.contains("p.html: is a character device, not a regular file; not checked"), out.stderr)
        XCTAssertTrue(out.stderr.contains("f.html: is a FIFO (named pipe), not a regular file; not checked"), out.stderr)
        XCTAssertTrue(out.stdout.contains("broken.html:1:"), "the other files are still checked")
        // In a folder they are not templates to check: skipped silently, as before.
        XCTAssertEqual(try Amolint.run(["check", "."], in: s.url, killAfter: 30).status, 1)
    }

    func testFilesOverTheSizeLimitAreRefusedWithExit2() throws {
        let s = try Scratch()
        try s.write("big.html", broken + String(repeating: " ", count: 2000))
        try s.write("small.html", broken)
        let out = try Amolint.run(["check", "big.html", "small.html", "--max-file-size", "1K"], in: s.url)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("big.html: is 2178 bytes, over the 1024-byte limit (--max-file-size); not read"), out.stderr)
        XCTAssertTrue(out.stdout.contains("small.html:1:"), out.stdout)
        XCTAssertEqual(try Amolint.run(["check", "big.html", "--max-file-size", "2M"], in: s.url).status, 1)
        // The default limit is 64 MiB: a sparse file one byte over it is refused without being read.
        let huge = s.url.appendingPathComponent("huge.html")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge.path, contents: nil))
        XCTAssertEqual(truncate(huge.path, off_t(64 << 20) + 1), 0)
        let over = try Amolint.run(["check", "huge.html"], in: s.url)
        XCTAssertEqual(over.status, 2)
        XCTAssertTrue(over.stderr.contains("huge.html: is 67108865 bytes, over the 67108864-byte limit"), over.stderr)
        // Standard input has the same limit.
        let stdin = try Amolint.run(["check", "-", "--max-file-size", "100"], stdin: broken, in: s.url)
        XCTAssertEqual(stdin.status, 2)
        XCTAssertTrue(stdin.stderr.contains("-: standard input is over the 100-byte limit"), stdin.stderr)
        XCTAssertEqual(try Amolint.run(["check", "small.html", "--max-file-size", "lots"], in: s.url).status, 2)
    }

    /// A file over 1 MiB is mapped, not read (`MappedFile`). Cut while it is checked, the pages it
    /// lost would raise `SIGBUS`: instead it is reported as not checked, exit 2, and the other
    /// files are still checked. The cut comes at a third to two thirds of an uncut check's time.
    func testALargeFileCutWhileItIsCheckedIsReportedNotACrash() throws {
        let s = try Scratch()
        let stretch = broken + "\n" + String(repeating: "<div class=\"row\"><p>Подключите amoCRM 🚀</p></div>\n", count: 300)
        let page = String(repeating: stretch, count: (24 << 20) / stretch.utf8.count)
        let path = s.url.appendingPathComponent("big.html").path
        try s.write("small.html", broken)
        try s.write("big.html", page)
        let started = Date()
        XCTAssertEqual(try Amolint.run(["check", "big.html", "small.html"], in: s.url).status, 1)
        let whole = Date().timeIntervalSince(started)
        var cut = 0
        for attempt in 0..<4 {
            try s.write("big.html", page)
            DispatchQueue.global().asyncAfter(deadline: .now() + whole * (1 + Double(attempt)) / 6) { _ = truncate(path, 4096) }
            let out = try Amolint.run(["check", "big.html", "small.html"], in: s.url)
            XCTAssertTrue(out.stdout.contains("small.html:1:"), "the other file is still checked: \(out.stdout.prefix(300))")
            if out.status == 2 {
                XCTAssertTrue(out.stderr.contains("big.html: got shorter while it was being checked; not checked"), out.stderr)
                cut += 1
            } else {
                XCTAssertEqual(out.status, 1, out.stderr)
            }
        }
        XCTAssertGreaterThan(cut, 0, "no check was cut in the middle: the cuts came too early or too late")
    }

    /// A mapped file's suppression comments and the scripts an error callback is looked for in are
    /// read from the mapping: the findings are those of the same page read whole from standard input.
    func testALargeFileReadsItsSuppressionsAndScriptsFromTheMapping() throws {
        let s = try Scratch()
        let button = broken.replacingOccurrences(of: "data-color", with: #"data-error-callback="onAmoError" data-color"#)
        let stretch = "<!-- amolint-disable-next-line invalid-color -->\n" + button + "\n<script>var n = 1;</script>\n"
            + String(repeating: "<div class=\"row\"><p>Подключите amoCRM 🚀</p></div>\n", count: 40)
        let page = String(repeating: stretch, count: (2 << 20) / stretch.utf8.count) + "<script>function onAmoError() {}</script>\n" + broken
        try s.write("big.html", page)
        let named = try Amolint.run(["check", "big.html", "--format", "json"], in: s.url)
        let piped = try Amolint.run(["check", "-", "--stdin-filename", "big.html", "--format", "json"], stdin: page, in: s.url)
        XCTAssertEqual(named.stdout, piped.stdout)
        // Suppressed on every button but the last, which no comment precedes; the callback is defined.
        let rules = (named.json?.arrayValue ?? []).compactMap { $0["rule"].flatMap(\.stringValue) }
        XCTAssertEqual(rules, ["invalid-color"], named.stdout.prefix(400).description)
    }

    // MARK: Defect 9: encodings and names

    /// UTF-16 with a BOM is decoded and checked (before: "No problems found", exit 0), and
    /// fixed in UTF-16 with its BOM; UTF-32 is refused with exit 2.
    func testUTF16FilesAreCheckedAndFixedInTheirEncoding() throws {
        let s = try Scratch()
        for (name, encoding) in [("le.html", String.Encoding.utf16LittleEndian), ("be.html", .utf16BigEndian)] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let file = s.url.appendingPathComponent(name)
            try Data(bom + Array(try XCTUnwrap(("<p>Привет</p>\n" + broken).data(using: encoding)))).write(to: file)
            let out = try Amolint.run(["check", name, "--format", "json"], in: s.url)
            XCTAssertEqual(out.status, 1, out.stdout + out.stderr)
            let color = out.json?.arrayValue?.first { $0["rule"] == "invalid-color" }
            XCTAssertEqual(color?["line"], 2)
            XCTAssertEqual(color?["column"], 117)
            XCTAssertEqual(try Amolint.run(["check", "--fix", name], in: s.url).status, 0)
            let fixed = try Data(contentsOf: file)
            XCTAssertEqual(Array(fixed.prefix(2)), bom)
            XCTAssertEqual(String(data: fixed.dropFirst(2), encoding: encoding), "<p>Привет</p>\n" + clean)
        }
        try Data([0xFF, 0xFE, 0, 0] + Array(try XCTUnwrap(broken.data(using: .utf32LittleEndian)))).write(to: s.url.appendingPathComponent("u32.html"))
        let u32 = try Amolint.run(["check", "u32.html"], in: s.url)
        XCTAssertEqual(u32.status, 2)
        XCTAssertTrue(u32.stderr.contains("u32.html: is UTF-32LE text, which amolint cannot read; not checked"), u32.stderr)
    }

    /// A UTF-8 BOM is not a column (before: every column of line 1 was one too far), and `--fix` keeps it.
    func testAUTF8ByteOrderMarkIsNotAColumn() throws {
        let s = try Scratch()
        try s.write("plain.html", broken)
        try Data([0xEF, 0xBB, 0xBF] + Array(broken.utf8)).write(to: s.url.appendingPathComponent("bom.html"))
        let plain = try Amolint.run(["check", "plain.html", "--format", "json"], in: s.url)
        let bom = try Amolint.run(["check", "bom.html", "--format", "json"], in: s.url)
        let columns = { (o: Amolint.Output) in (o.json?.arrayValue ?? []).map { [$0["column"], $0["endColumn"]] } }
        XCTAssertFalse(columns(plain).isEmpty)
        XCTAssertEqual(columns(bom), columns(plain))
        XCTAssertEqual(try Amolint.run(["check", "--fix", "bom.html"], in: s.url).status, 0)
        XCTAssertEqual(Array(try Data(contentsOf: s.url.appendingPathComponent("bom.html"))), [0xEF, 0xBB, 0xBF] + Array(clean.utf8))
    }

    /// A file name in Latin-1 (not UTF-8) is checked, named on the command line or found in
    /// a folder, and shown with `\xNN`. (Before: "No such file or directory", exit 2.)
    func testAFileNameThatIsNotUTF8IsChecked() throws {
        let s = try Scratch()
        let name: [CChar] = Array("caf".utf8CString.dropLast()) + [CChar(bitPattern: 0xE9)] + Array(".html".utf8CString)
        let fd = open(s.url.path, O_RDONLY | O_DIRECTORY)
        defer { if fd >= 0 { close(fd) } }
        let created = openat(fd, name, O_WRONLY | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(created, 0)
        _ = broken.withCString { write(created, $0, strlen($0)) }
        close(created)
        let out = try Amolint.run(["check", "--fix", "."], in: s.url)
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("Fixed 1 problem"), out.stdout)
        // Through /bin/sh, so that the name reaches argv as its raw bytes.
        let named = Process()
        named.executableURL = URL(fileURLWithPath: "/bin/sh")
        named.arguments = ["-c", "printf '%s' \"$1\" > b.html; exec \"$0\" check \"$(printf 'caf\\351.html')\" b.html", Amolint.binary.path, broken]
        named.currentDirectoryURL = s.url
        let pipe = Pipe()
        named.standardOutput = pipe
        named.standardError = pipe
        try named.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        named.waitUntilExit()
        XCTAssertEqual(named.terminationStatus, 1, text)
        XCTAssertFalse(text.contains("No such file"), text)
        XCTAssertTrue(text.contains("b.html:1:"), text)
        XCTAssertTrue(text.contains("in 1 of 2 files"), "the Latin-1 file was checked (and is clean after the fix): \(text)")
        let github = try Amolint.run(["check", "--format", "github", "."], in: s.url)
        XCTAssertTrue(github.stdout.contains("file=b.html"), github.stdout)
    }

    // MARK: Defect 10: terminal escapes in file names

    /// ESC, BEL and U+202E in a file name reach neither the text nor the github output raw.
    func testTerminalEscapesInFileNamesAreEscaped() throws {
        let s = try Scratch()
        let name = "x\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}lmth.html"
        try s.write(name, broken)
        for format in ["text", "github", "json", "sarif"] {
            for arguments in [["."], [name]] {
                let out = try Amolint.run(["check", "--format", format, "--color", "never"] + arguments, in: s.url)
                XCTAssertEqual(out.status, 1, format)
                let raw = out.stdout.unicodeScalars.filter { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }
                XCTAssertEqual(raw.count, 0, "\(format) \(arguments): \(out.stdout.debugDescription)")
                if format == "text" || format == "github" {
                    XCTAssertTrue(out.stdout.contains("x\\u{1B}]0;owned\\u{7}\\u{1B}[2J\\u{202E}lmth.html"), "\(format): \(out.stdout)")
                }
            }
        }
        // Problems on stderr too.
        let missing = try Amolint.run(["check", "nope\u{1B}[31m.html"], in: s.url)
        XCTAssertFalse(missing.stderr.contains("\u{1B}"), missing.stderr.debugDescription)
    }
}
