// libFuzzer target: the scanner, every rule and the fixes over arbitrary bytes.
// Invariants: every range lies inside the text; every fix applies; fix-all is
// idempotent (a second run changes nothing). A broken invariant traps, which
// libFuzzer reports as a crash with the input that caused it.
import AmoLint

func check(_ data: [UInt8]) {
    guard let file = Invariants.file(fromFuzzInput: data) else { return }
    let problems = Invariants.violations(file)
    precondition(problems.isEmpty, problems.joined(separator: "\n"))
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Without libFuzzer: replays the files named on the command line (a corpus, a crash).
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            fclose(file)
            check(bytes)
        }
    }
}
#endif

#if canImport(Glibc)
import Glibc
#endif
