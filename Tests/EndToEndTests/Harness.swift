import Foundation
import JSONValue
import XCTest

/// Runs the built `amolint` binary the way a user or a CI job does.
enum Amolint {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["AMOLINT_BIN"] { return URL(fileURLWithPath: path) }
        // The test bundle sits next to the products in the build folder.
        var url = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("amolint").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("amolint")
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: JSON? { try? JSON.parse(stdout) }
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, stdinBytes: [UInt8]? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:], killAfter seconds: Double = 120) throws -> Output
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // A run that hangs is killed (and fails its test) instead of hanging the suite.
        let watchdog = Watchdog(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { watchdog.fire() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        if let stdinBytes { input.fileHandleForWriting.write(Data(stdinBytes)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let errData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

/// A temporary folder with files, removed afterwards.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("amolint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
    }
}

/// Kills a process that outlives its time.
final class Watchdog: @unchecked Sendable {
    private let process: Process
    init(_ process: Process) { self.process = process }
    func fire() { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// Bytes handed from a reader thread; the group's wait orders the accesses.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A page with one fixable mistake (`Blue`), the same page fixed, and file
/// attributes: what the file-handling tests write, fix and compare.
protocol FilePages {}

extension FilePages {
    var broken: String { #"<script class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="{{ s }}" data-color="Blue" src="https://www.amocrm.ru/auth/button.min.js"></script>"# }
    var clean: String { broken.replacingOccurrences(of: #"data-color="Blue""#, with: #"data-color="blue""#) }

    func attributes(_ url: URL) throws -> [FileAttributeKey: Any] { try FileManager.default.attributesOfItem(atPath: url.path) }
}
