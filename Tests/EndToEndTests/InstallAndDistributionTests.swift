import AmoLint
import Foundation
import JSONValue
import XCTest

/// `amolint init`, the shell completions, the man page, `make install` and the release archive and
/// wheel that `make dist` builds, run as a user would.
final class InstallAndDistributionTests: XCTestCase {
    /// Runs a program (not amolint) and returns its status and output.
    @discardableResult
    func shell(_ command: String, in directory: URL, environment: [String: String] = [:]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func has(_ program: String) -> Bool {
        (try? shell("command -v \(program)", in: URL(fileURLWithPath: "/")).status) == 0
    }

    func testInitWritesAStarterAndNeverOverwrites() throws {
        let s = try Scratch()
        let first = try Amolint.run(["init"], in: s.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        let text = try s.read(".amolint.json")
        let json = try JSON.parse(Array(text.utf8))
        XCTAssertEqual(json["$schema"]?.stringValue, "https://github.com/amolint/amolint/blob/main/protocol/configuration.schema.json")
        XCTAssertGreaterThan(json["$comment"]?.arrayValue?.count ?? 0, 2, "commented")
        // amolint itself reads it without complaint.
        try s.write("a.html", #"<div class="amocrm_oauth" data-color="Blue"></div>"#)
        let check = try Amolint.run(["check", "a.html"], in: s.url)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.isEmpty, check.stderr)

        try s.write(".amolint.json", #"{"rules": {"static-state": "off"}}"#)
        let again = try Amolint.run(["init"], in: s.url)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains(".amolint.json: already exists; not overwritten"), again.stderr)
        XCTAssertEqual(try s.read(".amolint.json"), #"{"rules": {"static-state": "off"}}"#)
        try FileManager.default.createDirectory(at: s.url.appendingPathComponent("site"), withIntermediateDirectories: true)
        XCTAssertEqual(try Amolint.run(["init", "site"], in: s.url).status, 0)
        XCTAssertNotNil(try? s.read("site/.amolint.json"))
        XCTAssertEqual(try Amolint.run(["init", "no/such/folder"], in: s.url).status, 2)
    }

    func testCompletions() throws {
        let s = try Scratch()
        let bash = try Amolint.run(["completions", "bash"])
        XCTAssertEqual(bash.status, 0)
        try s.write("amolint.bash", bash.stdout)
        // Sourced in a real bash, the function completes commands, options, choices and rule ids.
        let script = """
            source ./amolint.bash
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _amolint; echo "${COMPREPLY[*]}"; }
            complete_words amolint ch
            complete_words amolint check --form
            complete_words amolint check --format gi
            complete_words amolint check --select static
            complete_words amolint rules invalid-co
            complete_words amolint completions f
            """
        let out = try shell("bash -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", in: s.url)
        XCTAssertEqual(out.status, 0, out.out)
        XCTAssertEqual(out.out.split(separator: "\n").map(String.init),
                       ["check", "--format", "github gitlab", "static-state", "invalid-color invalid-compact", "fish"], out.out)
        let help = try Amolint.run(["check", "--help"]).stdout
        let zsh = try Amolint.run(["completions", "zsh"]).stdout
        let fish = try Amolint.run(["completions", "fish"]).stdout
        XCTAssertTrue(zsh.hasPrefix("#compdef amolint\n"))
        for flag in Set(help.matches(#"--[a-z][a-z-]+"#)) {
            XCTAssertTrue(bash.stdout.contains(flag), "bash lacks \(flag)")
            XCTAssertTrue(zsh.contains(flag), "zsh lacks \(flag)")
            XCTAssertTrue(fish.contains("-l \(flag.dropFirst(2))"), "fish lacks \(flag)")
        }
        if has("zsh") {
            try s.write("_amolint", zsh)
            XCTAssertEqual(try shell("zsh -n _amolint", in: s.url).status, 0)
        }
        if has("fish") {
            try s.write("amolint.fish", fish)
            XCTAssertEqual(try shell("fish -n amolint.fish", in: s.url).status, 0)
            let asked = try shell("fish -c \"source amolint.fish; complete -C 'amolint check --format gi'; complete -C 'amolint rules invalid-co'\"", in: s.url)
            XCTAssertEqual(asked.out.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) },
                           ["github", "gitlab", "invalid-color", "invalid-compact"], asked.out)
        }
        let bad = try Amolint.run(["completions", "powershell"])
        XCTAssertEqual(bad.status, 2)
    }

    func testManPageListsEveryOptionAndTheVersion() throws {
        let page = try String(contentsOf: Amolint.packageRoot.appendingPathComponent("man/amolint.1"), encoding: .utf8)
        XCTAssertTrue(page.contains(#".TH AMOLINT 1 "2026" "amolint \#(AmoLintVersion.current)""#), "the man page names the version")
        let help = try Amolint.run(["check", "--help"]).stdout
        for flag in Set(help.matches(#"--[a-z][a-z-]+"#)) {
            XCTAssertTrue(page.contains(flag.replacingOccurrences(of: "-", with: "\\-")), "amolint.1 lacks \(flag)")
        }
        for command in ["check", "rules", "server", "init", "completions"] { XCTAssertTrue(page.contains(".B \(command)"), command) }
        if has("groff") {
            let out = try shell("groff -man -ww -z man/amolint.1", in: Amolint.packageRoot)
            XCTAssertEqual(out.status, 0, out.out)
            XCTAssertEqual(out.out, "", "groff warnings")
        }
    }

    func testMakeInstallPutsBinaryManPageAndCompletions() throws {
        // `make install` is the documented way to install: without make the promise cannot be checked, which is a failure.
        guard has("make") else { return XCTFail("make is needed to check `make install`") }
        let s = try Scratch()
        let out = try shell("make -s install-bin install-data DESTDIR='\(s.url.path)' PREFIX=/usr AMOLINT='\(Amolint.binary.path)'",
                            in: Amolint.packageRoot)
        XCTAssertEqual(out.status, 0, out.out)
        for file in ["usr/bin/amolint", "usr/share/man/man1/amolint.1", "usr/share/bash-completion/completions/amolint",
                     "usr/share/zsh/site-functions/_amolint", "usr/share/fish/vendor_completions.d/amolint.fish"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: s.url.appendingPathComponent(file).path), file)
        }
        let version = try shell("./usr/bin/amolint --version", in: s.url)
        XCTAssertEqual(version.out, "amolint \(AmoLintVersion.current)\n")
        let removed = try shell("make -s uninstall DESTDIR='\(s.url.path)' PREFIX=/usr AMOLINT=/nonexistent", in: Amolint.packageRoot)
        XCTAssertEqual(removed.status, 0, removed.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.url.appendingPathComponent("usr/bin/amolint").path))
    }

    /// The archive and the wheel `make dist` builds (here from the test build's binary): the archive
    /// unpacks to a working amolint, and `pip install` of the wheel in a fresh virtual environment
    /// puts one on the PATH.
    func testReleaseArchiveAndWheel() throws {
        guard has("python3"), (try shell("python3 -c 'import venv, ensurepip'", in: Amolint.packageRoot)).status == 0 else {
            return XCTFail("python3 with venv and ensurepip is needed to check the wheel")
        }
        let s = try Scratch()
        let v = AmoLintVersion.current
        let built = try shell("python3 packaging/dist.py --binary '\(Amolint.binary.path)' --version \(v) --out '\(s.url.path)/dist'",
                              in: Amolint.packageRoot)
        XCTAssertEqual(built.status, 0, built.out)
        // The wheel is manylinux_2_28 when the binary needs glibc 2.28 at most (a release built on such a
        // system); built elsewhere, its tag names the newer glibc the binary needs, never less.
        let archive = "dist/amolint-\(v)-linux-x86_64.tar.gz"
        let lines = built.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "\(s.url.path)/\(archive)")
        let wheel = try XCTUnwrap(lines.last?.replacingOccurrences(of: s.url.path + "/", with: ""))
        let glibc = try XCTUnwrap(wheel.firstMatch(#"^dist/amolint-[0-9.]+-py3-none-manylinux_2_(\d+)_x86_64\.whl$"#).flatMap { Int($0) }, wheel)
        let binary = try Data(contentsOf: Amolint.binary)
        let needed = String(decoding: binary, as: UTF8.self).matches(#"GLIBC_2\.\d+"#).compactMap { Int($0.dropFirst(8)) }
        XCTAssertEqual(glibc, max(28, needed.max() ?? 0))

        let listing = try shell("tar tzvf \(archive)", in: s.url)
        for file in ["bin/amolint", "share/man/man1/amolint.1", "share/bash-completion/completions/amolint",
                     "share/zsh/site-functions/_amolint", "share/fish/vendor_completions.d/amolint.fish", "README.md", "LICENSE", "CHANGELOG.md"] {
            XCTAssertTrue(listing.out.contains("amolint-\(v)/\(file)\n"), "\(file) in\n\(listing.out)")
        }
        XCTAssertTrue(listing.out.contains("-rwxr-xr-x 0/0"), "the binary is executable and owned by root")
        XCTAssertEqual(try shell("mkdir unpacked && tar xzf \(archive) -C unpacked && unpacked/amolint-\(v)/bin/amolint --version", in: s.url).out,
                       "amolint \(v)\n")
        let examples = Amolint.packageRoot.appendingPathComponent("examples").path
        XCTAssertEqual(try shell("unpacked/amolint-\(v)/bin/amolint check '\(examples)' > /dev/null", in: s.url).status, 1)

        let installed = try shell("python3 -m venv venv && venv/bin/pip install --quiet --no-index \(wheel)", in: s.url)
        XCTAssertEqual(installed.status, 0, installed.out)
        let path = ["PATH": "\(s.url.path)/venv/bin:/usr/bin:/bin"]
        XCTAssertEqual(try shell("amolint --version", in: s.url, environment: path).out, "amolint \(v)\n")
        XCTAssertEqual(try shell("command -v amolint", in: s.url, environment: path).out, "\(s.url.path)/venv/bin/amolint\n")
        let check = try shell("amolint check '\(examples)'", in: s.url, environment: path)
        XCTAssertEqual(check.status, 1, check.out)
        XCTAssertTrue(check.out.contains("examples/landing.html:"), check.out)
        XCTAssertEqual(try shell("venv/bin/python -m amolint --version", in: s.url).out, "amolint \(v)\n")
        // The wheel's RECORD lists every file with its hash (pip checks it on install).
        let record = try shell("python3 -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read(\"amolint-\(v).dist-info/RECORD\").decode())' \(wheel)", in: s.url)
        XCTAssertTrue(record.out.contains("amolint-\(v).data/scripts/amolint,sha256="), record.out)
        let tag = try shell("python3 -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read(\"amolint-\(v).dist-info/WHEEL\").decode())' \(wheel)", in: s.url)
        XCTAssertTrue(tag.out.contains("Tag: py3-none-manylinux_2_\(glibc)_x86_64\n"), tag.out)
    }

    func testPreCommitHooksDockerfileAndLicence() throws {
        let root = Amolint.packageRoot
        let hooks = try String(contentsOf: root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        XCTAssertTrue(hooks.contains("- id: amolint\n") && hooks.contains("- id: amolint-system\n"))
        XCTAssertTrue(hooks.contains("language: system"))
        let files = hooks.split(separator: "\n").filter { $0.hasPrefix("  files:") }
        XCTAssertEqual(files.count, 2)
        XCTAssertEqual(Set(files).count, 1, "both hooks read the same files")
        let docker = try String(contentsOf: root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        XCTAssertEqual(docker.split(separator: "\n").filter { $0.hasPrefix("FROM ") }.count, 2, "multi-stage")
        XCTAssertTrue(docker.contains("--static-swift-stdlib") && docker.contains(#"ENTRYPOINT ["amolint"]"#))
        let licence = try String(contentsOf: root.appendingPathComponent("LICENSE"), encoding: .utf8)
        XCTAssertEqual(licence, try String(contentsOf: root.appendingPathComponent("editors/vscode/LICENSE"), encoding: .utf8))
        XCTAssertTrue(licence.hasPrefix("MIT License"))
    }
}
