import AmoLint
import JSONValue
import LanguageServerProtocol

/// Each diagnostic of a document's last publish, serialised, by what it says
/// and where it stands in LSP positions. A keystroke moves few diagnostics (none
/// on other lines, when no line break is typed), so a page with 1,000 of them
/// re-sends the same bytes instead of building and serialising 1,000 JSON trees.
/// The version each carries in `data` is spliced in: it changes every edit.
struct DiagnosticEncodings {
    struct Key: Hashable {
        /// The diagnostic without its byte ranges (those move with every edit before it).
        let content: Diagnostic
        /// Line and character of the range, the fix edits and the related ranges.
        let positions: [Int]

        /// Positions and rule tell diagnostics apart almost always; hashing the
        /// messages too would cost more than the serialisation it saves.
        func hash(into hasher: inout Hasher) {
            hasher.combine(positions)
            hasher.combine(content.rule)
        }

        static func == (a: Key, b: Key) -> Bool { a.positions == b.positions && a.content == b.content }
    }

    /// The serialised diagnostic up to its version, and after it.
    struct Fragment {
        let head: [UInt8]
        let tail: [UInt8]
    }

    private(set) var fragments: [Key: Fragment] = [:]

    /// The version that marks where the real one goes: it cannot appear in a
    /// string (an unescaped `"` never does), so the first match is the structural one.
    static let marker = Array(#","version":-9223372036854775808}"#.utf8)
    static let markerVersion = Int.min

    static func key(_ d: Diagnostic, _ converter: PositionConverter) -> Key {
        var positions: [Int] = []
        positions.reserveCapacity(8)
        var last: (bytes: Range<Int>, lsp: LSPRange)?
        func add(_ r: Range<Int>) {
            // A fix usually edits the very range reported: converted once.
            let range = last.flatMap { $0.bytes == r ? $0.lsp : nil } ?? converter.range(r)
            last = (r, range)
            positions += [range.start.line, range.start.character, range.end.line, range.end.character]
        }
        var content = d
        add(d.range)
        content.range = 0..<0
        if var fix = d.fix {
            for k in fix.edits.indices {
                add(fix.edits[k].range)
                fix.edits[k].range = 0..<0
            }
            content.fix = fix
        }
        for k in d.related.indices {
            add(d.related[k].range)
            content.related[k].range = 0..<0
        }
        return Key(content: content, positions: positions)
    }

    /// The fragment of `key` from the last publish, or serialised by `encode` (given the
    /// marker version); `next` collects what this publish uses, for the next one.
    func fragment(_ key: Key, into next: inout DiagnosticEncodings, encode: () -> JSON) -> Fragment {
        let fragment = fragments[key] ?? DiagnosticEncodings.split(Array(encode().serialized().utf8))
        next.fragments[key] = fragment
        return fragment
    }

    private static func split(_ bytes: [UInt8]) -> Fragment {
        let m = marker
        var i = 0
        while i + m.count <= bytes.count {
            if bytes[i] == m[0], bytes[i..<i + m.count].elementsEqual(m) {
                let versionStart = i + #","version":"#.utf8.count
                return Fragment(head: Array(bytes[..<versionStart]), tail: Array(bytes[(i + m.count - 1)...]))
            }
            i += 1
        }
        preconditionFailure("a diagnostic's data always carries its version")
    }
}
