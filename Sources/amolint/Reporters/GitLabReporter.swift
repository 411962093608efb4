import AmoLint
import AmoLintIO
import JSONValue

/// GitLab Code Quality (`artifacts:reports:codequality`): an array of
/// `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`.
/// The fingerprint hashes the path, the rule, the message and the finding's rank among identical
/// ones, never the line: a finding keeps its fingerprint when lines above it move.
struct GitLabReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        var items: [JSON] = []
        for report in reports {
            var seen: [String: Int] = [:]
            let path = Paths.display(report.path)
            for d in report.diagnostics {
                let r = CLIRange(d.range, in: report.lineIndex)
                let key = "\(path)\u{0}\(d.rule)\u{0}\(d.message)"
                let rank = seen[key, default: 0]
                seen[key] = rank + 1
                items.append([
                    "description": .string("\(d.message) [\(d.rule)]"),
                    "check_name": .string(d.rule),
                    "fingerprint": .string(Self.fingerprint(key + "\u{0}\(rank)")),
                    "severity": .string(Self.severity(d.severity)),
                    "location": ["path": .string(path), "lines": ["begin": .int(r.line), "end": .int(r.endLine)]],
                ])
            }
        }
        return JSON.array(items).serialized(pretty: true) + "\n"
    }

    static func severity(_ s: Severity) -> String {
        switch s {
        case .error: return "major"
        case .warning: return "minor"
        case .information, .hint: return "info"
        }
    }

    /// 128 bits as 32 hex digits: two FNV-1a 64-bit hashes with different offsets (stable across
    /// runs and platforms, unlike Swift's seeded `Hasher`).
    static func fingerprint(_ text: String) -> String {
        func fnv(_ basis: UInt64) -> UInt64 {
            var h = basis
            for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001B3 }
            return h
        }
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(fnv(0xCBF29CE484222325)) + hex(fnv(0x84222325CBF29CE4))
    }
}
