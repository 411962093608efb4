#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLint
import AmoLintIO
import Dispatch

/// One input to check: a file on disk or standard input under a given name.
struct CheckInput: Sendable {
    enum Source: Sendable { case file, standardInput([UInt8]) }
    let path: String
    let source: Source
    /// Found by walking a folder (binary files are then skipped silently).
    let discovered: Bool
    let configuration: Configuration
    /// A walk saw a regular file (not a link): it need not be looked at before it is opened.
    var knownRegular = false
}

/// What checking one input gave.
struct FileReport: Sendable {
    let path: String
    let lineIndex: LineIndex
    let diagnostics: [Diagnostic]
    /// Fixes applied by `--fix`.
    let fixed: Int
    /// The fixed text of standard input, printed instead of written.
    let fixedOutput: [UInt8]?
    /// Findings past the per-file limit, not reported.
    var unreported = 0
}

enum CheckOutcome: Sendable {
    /// Checked; `problem` when `--fix` could not write (the report is then of the unfixed file).
    case checked(FileReport, problem: FileError?)
    case skipped
    case failed(FileError)
}

/// Checks inputs on all cores; results come back in input order.
enum CheckRun {
    static func run(_ inputs: [CheckInput], fix: Applicability?, maximumFileSize: Int = FileSystem.defaultMaximumFileSize) -> [CheckOutcome] {
        let slots = Slots<CheckOutcome>(count: inputs.count, initial: .skipped)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            slots[i] = check(inputs[i], fix: fix, maximumFileSize: maximumFileSize)
        }
        return slots.values
    }

    static func check(_ input: CheckInput, fix: Applicability?, maximumFileSize: Int) -> CheckOutcome {
        let raw: [UInt8]
        // A file stays open until it is fixed: `replace` compares it with what was read.
        var opened: OpenFile?
        switch input.source {
        case .standardInput(let data): raw = data
        case .file:
            // A large file named alone is mapped, as in a folder (the walk's files go through `check(_:reader:maximumFileSize:)`).
            if fix == nil, let s = FileSystem.status(input.path), s.kind == .file, s.size > FileReader.largestBuffered {
                var looked = input
                looked.knownRegular = true  // just looked at: not looked at again before opening
                do { if let (outcome, _) = try checkMapped(looked, maximumFileSize: maximumFileSize) { return outcome } } catch { return .failed(error) }
            }
            do { opened = try FileSystem.open(input.path, maximumSize: maximumFileSize) } catch { return .failed(error) }
            raw = opened?.bytes ?? []
            if fix != nil { FileSystem.sweepTemporaryFiles(besides: input.path) }
        }
        return check(input, raw: raw, opened: opened, fix: fix)
    }

    /// A file with no diagnostics: no lines are needed to print them.
    static let noLines = LineIndex([])

    /// Checks a file without fixing it, through the worker's reused buffer: a file
    /// without a needle (most of a tree) is refused by the core's prefilter in the
    /// buffer, with no copy. A file too large for the buffer is mapped, and the
    /// model reads the mapping. Also returns the file's identity, for checking a
    /// file reached by two names once.
    static func check(_ input: CheckInput, reader: FileReader, maximumFileSize: Int) -> (CheckOutcome, FileIdentity?) {
        guard case .file = input.source else { return (check(input, fix: nil, maximumFileSize: maximumFileSize), nil) }
        do {
            if let read = try reader.read(input.path, maximumSize: maximumFileSize, knownRegular: input.knownRegular) {
                return (check(input, read.bytes) { SharedBytes(Array($0)) }, read.identity)
            }
            if let mapped = try checkMapped(input, maximumFileSize: maximumFileSize) { return mapped }
        } catch {
            return (.failed(error), FileSystem.status(input.path)?.identity)
        }
        // Not mapped (an empty file, or no mapping here): read into its own array.
        return (check(input, fix: nil, maximumFileSize: maximumFileSize), FileSystem.status(input.path)?.identity)
    }

    /// Checks a file without fixing it through a mapping of it; nil when it cannot be mapped.
    private static func checkMapped(_ input: CheckInput, maximumFileSize: Int) throws(FileError) -> (CheckOutcome, FileIdentity)? {
        guard let mapped = try MappedFile.map(input.path, maximumSize: maximumFileSize, knownRegular: input.knownRegular) else { return nil }
        let outcome = mapped.text.withUnsafeBufferPointer { all in
            check(input, all) { kept in
                // Past a UTF-8 byte order mark: the same mapping, from its fourth byte.
                kept.count == all.count ? mapped.text : SharedBytes(ExternalBytes(kept) { withExtendedLifetime(mapped) {} })
            }
        }
        if mapped.wasCut {
            return (.failed(FileError(path: input.path, reason: "got shorter while it was being checked; not checked")), mapped.identity)
        }
        return (outcome, mapped.identity)
    }

    /// Checks a file's bytes as read or mapped; `shared` gives the model its
    /// bytes (past a UTF-8 byte order mark) when a needle makes it look.
    private static func check(_ input: CheckInput, _ all: UnsafeBufferPointer<UInt8>,
                              shared: (UnsafeBufferPointer<UInt8>) -> SharedBytes) -> CheckOutcome {
        var bytes = all
        let n = bytes.count
        let b0 = n > 0 ? bytes[0] : 1, b1 = n > 1 ? bytes[1] : 1
        if n >= 3, b0 == 0xEF, b1 == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        } else if (b0, b1) == (0xFF, 0xFE) || (b0, b1) == (0xFE, 0xFF) || (b0, b1) == (0, 0) {
            // A byte order mark of UTF-16 (decoded) or UTF-32 (refused): the plain path reads it.
            return check(input, raw: Array(all), opened: nil, fix: nil)
        }
        if input.discovered, let base = bytes.baseAddress, memchr(base, 0, min(bytes.count, 8000)) != nil { return .skipped }
        guard ButtonNeedles.mayHoldButton(bytes) else {
            return .checked(FileReport(path: input.path, lineIndex: noLines, diagnostics: [], fixed: 0, fixedOutput: nil), problem: nil)
        }
        return report(input, SourceFile(path: input.path, shared: shared(bytes)))
    }

    /// Checks (and with `fix`, fixes) what was read.
    private static func check(_ input: CheckInput, raw: [UInt8], opened: OpenFile?, fix: Applicability?) -> CheckOutcome {
        var opened = opened
        // A byte order mark says how to read the rest; the linter sees UTF-8 without one.
        let text: DecodedText
        switch DecodedText.decode(raw) {
        case .decoded(let decoded): text = decoded
        case .unsupported(let encoding):
            return .failed(FileError(path: input.path, reason: "is \(encoding) text, which amolint cannot read; not checked"))
        }
        let bytes = text.bytes
        if input.discovered, FileDiscovery.looksBinary(bytes) { return .skipped }
        var file = SourceFile(path: input.path, bytes: bytes)
        var fixed = 0
        var fixedOutput: [UInt8]?
        var problem: FileError?
        if let fix {
            let (newBytes, count) = Fixer.fixAll(file, configuration: input.configuration, applicability: fix)
            if newBytes != bytes {
                do throws(FileError) {
                    guard let encoded = text.encode(newBytes) else {
                        throw FileError(path: input.path, reason: "is \(text.encoding.rawValue) that does not convert to UTF-8 and back exactly; checked, not fixed")
                    }
                    switch input.source {
                    case .standardInput: fixedOutput = encoded
                    case .file: if let opened { try FileSystem.replace(opened, with: encoded) }
                    }
                    file = SourceFile(path: input.path, bytes: newBytes)
                    fixed = count
                } catch {
                    // Not written: the report is of the file as it is.
                    problem = error
                    if case .standardInput = input.source { fixedOutput = raw }
                }
            } else if case .standardInput = input.source {
                fixedOutput = raw
            }
        }
        opened = nil
        return report(input, file, fixed: fixed, fixedOutput: fixedOutput, problem: problem)
    }

    /// Lints `file` (as fixed, if it was) and reports it.
    private static func report(_ input: CheckInput, _ file: SourceFile, fixed: Int = 0, fixedOutput: [UInt8]? = nil,
                               problem: FileError? = nil) -> CheckOutcome {
        let result = Linter.lint(file, configuration: input.configuration)
        // Lines are only needed to print positions.
        let lineIndex = result.diagnostics.isEmpty ? noLines : result.lineIndex
        return .checked(FileReport(path: input.path, lineIndex: lineIndex, diagnostics: result.diagnostics,
                                   fixed: fixed, fixedOutput: fixedOutput, unreported: result.unreported), problem: problem)
    }
}

/// Fixed-size storage written by concurrent iterations, each to its own index.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T]
    private let lock = Lock()

    init(count: Int, initial: T) { storage = Array(repeating: initial, count: count) }

    subscript(i: Int) -> T {
        get { lock.locked { storage[i] } }
        set { lock.locked { storage[i] = newValue } }
    }

    var values: [T] { lock.locked { storage } }
}

