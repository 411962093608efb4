#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AmoLintIO

enum ReportFile {
    /// Writes `--output FILE` (created or truncated, mode 0644 less the umask). Returns the problem, if any.
    static func write(_ text: String, to path: String) -> String? {
        let name = Paths.encode(path) + [0]
        let fd = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { systemOpen($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        }
        guard fd >= 0 else { return "\(path): cannot write the report: \(Platform.errorText())" }
        defer { close(fd) }
        var text = text
        if let error = text.withUTF8({ Platform.write(fd, $0) }) { return "\(path): cannot write the report: \(error)" }
        return nil
    }
}

func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Darwin)
    return Darwin.open(path, flags, mode)
    #else
    return Glibc.open(path, flags, mode)
    #endif
}
