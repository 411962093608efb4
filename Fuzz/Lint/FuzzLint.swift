// libFuzzer target: the scanner, every rule and the fixes over arbitrary bytes.
// Invariants (`Invariants.violations`): every range lies inside the text; every
// fix applies; fix-all is idempotent (a second run changes nothing) and never
// makes the page worse (no rule newly reported, unless a fix renamed an
// attribute). A broken invariant traps, which libFuzzer reports as a crash with
// the input that caused it. File names, chosen by the first byte, cover HTML,
// JSX, Blade, Twig, PHP, JavaScript, TypeScript and Vue.
import AmoLint
import AmoLintIO

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
            do { check(try FileSystem.read(path)) } catch { print(error) }
        }
    }
}
#endif

