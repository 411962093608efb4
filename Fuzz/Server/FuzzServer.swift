// libFuzzer target: the JSON-RPC transport and the server's dispatch over
// arbitrary byte streams, read in pieces whose sizes the fuzzer chooses.
// Invariants:
// - every message the server writes is valid JSON-RPC (an object with "jsonrpc": "2.0"),
//   whatever it was sent;
// - in the interleaved mode, every well-formed request that follows garbage gets
//   exactly one answer, however the bytes were split into reads.
import JSONValue
import LanguageServer
import AmoLintIO

/// Starts an input with a valid `initialize`, so the fuzzer spends its time past the handshake.
let preamble: [UInt8] = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"textDocument":{"diagnostic":{}}}}}"#)

func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

/// Requests placed between pieces of garbage; each must be answered, whatever the answer.
func request(_ n: Int, id: String) -> String {
    let document = #""textDocument":{"uri":"file:///f.html"}"#
    let (method, params): (String, String)
    switch n % 5 {
    case 0: (method, params) = ("textDocument/hover", document + #","position":{"line":0,"character":0}"#)
    case 1: (method, params) = ("textDocument/completion", document + #","position":{"line":0,"character":3}"#)
    case 2: (method, params) = ("textDocument/diagnostic", document)
    case 3: (method, params) = ("textDocument/codeAction", document + #","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"context":{"diagnostics":[]}"#)
    default: (method, params) = ("amolint/unknown", "")
    }
    return #"{"jsonrpc":"2.0","id":"\#(id)","method":"\#(method)","params":{\#(params)}}"#
}

/// Garbage cannot hold a header: every `Content-Length` in it (any case) loses its first letter.
/// (Garbage that holds a valid header is a message, and may rightly swallow what follows.)
func garbage(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var out = Array(bytes)
    let marker = Array("content-length".utf8)
    var i = 0
    while i + marker.count <= out.count {
        var k = 0
        while k < marker.count, (out[i + k] >= 0x41 && out[i + k] <= 0x5A ? out[i + k] | 0x20 : out[i + k]) == marker[k] { k += 1 }
        if k == marker.count { out[i] = 0x5F }
        i += 1
    }
    return out
}

/// Read sizes from four bytes: mostly small (1…240 bytes), sometimes whole pages.
func readSizes(_ bytes: ArraySlice<UInt8>) -> [Int] {
    let sizes = bytes.map { $0 < 0xF0 ? Int($0) + 1 : 4096 * Int($0 - 0xEF) }
    return sizes.isEmpty ? [4096] : sizes
}

func check(_ data: [UInt8]) {
    // Byte 0 chooses: with or without the preamble, the batch size, and the mode;
    // bytes 1-4 choose the read sizes (used in turn).
    guard data.count >= 5, let selector = data.first else { return }
    let sizes = readSizes(data[1..<5])
    let batchSize = Int(selector >> 1) % 5 + 1
    let payload = data[5...]
    let debug = Platform.environment("FUZZ_DEBUG") != nil
    var input = selector & 1 == 0 ? preamble : []
    var expected: Set<String> = []
    let interleaved = selector & 0x80 != 0
    if interleaved {
        // The payload's pieces (split at 0xFF) are garbage, each followed by a well-formed request.
        for (n, piece) in payload.split(separator: 0xFF, omittingEmptySubsequences: false).enumerated() {
            input += garbage(piece)
            let id = "r\(n)"
            input += frame(request(n, id: id))
            expected.insert(id)
        }
    } else {
        input += payload
    }
    var answered: [String: Int] = [:]
    _ = LanguageServerMain.replay(input, batchSize: batchSize, readSizes: sizes, send: { body in
        if debug { print(body) }
        guard let json = try? JSON.parse(body), json["jsonrpc"] == "2.0" else {
            preconditionFailure("the server wrote invalid JSON-RPC: \(body)")
        }
        if json["method"] == nil, let id = json["id"]?.stringValue { answered[id, default: 0] += 1 }
    })
    for id in expected.sorted() where answered[id] != 1 {
        preconditionFailure("request \(id) after garbage got \(answered[id] ?? 0) answers (reads of \(sizes), batches of \(batchSize))")
    }
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
