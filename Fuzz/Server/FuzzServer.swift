// libFuzzer target: the JSON-RPC transport and the server's dispatch over
// arbitrary byte streams. Invariant: every message the server writes is valid
// JSON-RPC (an object with "jsonrpc": "2.0"), whatever it was sent.
import JSONValue
import LanguageServer
import AmoLintIO

/// Starts every input with a valid `initialize`, so the fuzzer spends its time past the handshake.
let preamble: [UInt8] = {
    let body = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"textDocument":{"diagnostic":{}}}}}"#
    return Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
}()

func check(_ data: [UInt8]) {
    // The first byte chooses: with or without the preamble, and the batch size.
    guard let selector = data.first else { return }
    let input = (selector & 1 == 0 ? preamble : []) + data.dropFirst()
    _ = LanguageServerMain.replay(input, batchSize: Int(selector >> 1) % 5 + 1, send: { body in
        if Platform.environment("FUZZ_DEBUG") != nil { print(body) }
        guard let json = try? JSON.parse(body), json["jsonrpc"] == "2.0" else {
            preconditionFailure("the server wrote invalid JSON-RPC: \(body)")
        }
    })
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            do { check(try FileSystem.read(path)) } catch { print(error) }
        }
    }
}
#endif

