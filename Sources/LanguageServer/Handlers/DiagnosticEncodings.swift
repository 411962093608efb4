import AmoLint
import JSONValue

/// A document's last published diagnostics, each kept serialised, so that a
/// keystroke on a page with 1,000 diagnostics re-sends what did not change
/// instead of building and serialising 1,000 JSON trees. After an edit:
/// - the diagnostics wholly before it are the same, at the same positions;
/// - those on lines after the edited ones are the same moved by its length,
///   at the same columns, their line numbers moved by the lines it added;
/// - only those in between (on the edited lines) are serialised again.
/// The version each carries in `data` changes every edit: it is spliced in.
struct DiagnosticEncodings {
    /// One serialised diagnostic: its bytes with a hole for the version, and
    /// where its line numbers stand, to move them.
    struct Fragment {
        var bytes: [UInt8]
        /// Where the version goes.
        var versionAt: Int
        /// Each `"line":N` value: its bytes and N.
        var lines: [(range: Range<Int>, value: Int)]

        /// Appends the diagnostic with `version`, its lines moved by `shift`.
        func write(into out: inout [UInt8], version: [UInt8], shift: Int) {
            var from = 0
            var slots = lines.makeIterator()
            var slot = shift == 0 ? nil : slots.next()
            func copy(to end: Int) {
                // Line slots before `end`, moved, then the bytes up to `end`.
                while let s = slot, s.range.lowerBound < end {
                    out += bytes[from..<s.range.lowerBound]
                    out += String(s.value + shift).utf8
                    from = s.range.upperBound
                    slot = slots.next()
                }
                out += bytes[from..<end]
                from = end
            }
            copy(to: versionAt)
            out += version
            copy(to: bytes.count)
        }
    }

    /// The diagnostics as published, their fragments, and the text's line count then.
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var fragments: [Fragment] = []
    private(set) var lineCount = 0

    /// The version that marks where the real one goes: an unescaped `"` never
    /// appears in a string, so the first match is the structural one.
    static let markerVersion = Int.min
    private static let marker = Array(#","version":-9223372036854775808}"#.utf8)
    private static let lineKey = Array(#""line":"#.utf8)

    /// Serialises `json` (built with `markerVersion`) into a fragment.
    static func fragment(_ json: JSON) -> Fragment {
        var bytes = Array(json.serialized().utf8)
        guard let at = find(marker, in: bytes, from: 0) else { preconditionFailure("a diagnostic's data always carries its version") }
        let versionAt = at + #","version":"#.utf8.count
        bytes.removeSubrange(versionAt..<at + marker.count - 1)
        var lines: [(Range<Int>, Int)] = []
        var i = 0
        while let k = find(lineKey, in: bytes, from: i) {
            var e = k + lineKey.count
            var value = 0
            while e < bytes.count, bytes[e] >= 0x30, bytes[e] <= 0x39 { value = value * 10 + Int(bytes[e] - 0x30); e += 1 }
            lines.append((k + lineKey.count..<e, value))
            i = e
        }
        return Fragment(bytes: bytes, versionAt: versionAt, lines: lines)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The encodings of `diagnostics` of the text `change` made of the published one,
    /// reusing what the change left alone.
    func next(_ diagnostics: [Diagnostic], after change: Change, lineIndex: LineIndex, encode: (Diagnostic) -> Fragment) -> DiagnosticEncodings {
        var out = DiagnosticEncodings()
        out.diagnostics = diagnostics
        out.lineCount = lineIndex.lineCount
        out.fragments.reserveCapacity(diagnostics.count)
        let edit: EditSpan
        switch change {
        // No edit: every diagnostic stands before one past the end of any text.
        case .none: edit = EditSpan(start: .max, oldEnd: .max, newEnd: .max)
        case .span(let span): edit = span
        case .unknown:
            out.fragments = diagnostics.map(encode)
            return out
        }
        guard !fragments.isEmpty else {
            out.fragments = diagnostics.map(encode)
            return out
        }
        // Before the edit: the same diagnostics, at the same positions.
        var prefix = 0
        while prefix < diagnostics.count, prefix < self.diagnostics.count, diagnostics[prefix] == self.diagnostics[prefix],
              Self.bounds(diagnostics[prefix]).upperBound <= edit.start
        {
            prefix += 1
        }
        // On lines after the edited ones: the same, moved by the edit.
        let editLine = lineIndex.line(ofByte: edit.newEnd)
        let afterLines = editLine + 1 < lineIndex.lineCount ? lineIndex.lineStarts[editLine + 1] : Int.max
        let shift = lineIndex.lineCount - lineCount
        var suffix = 0
        while suffix < diagnostics.count - prefix, suffix < self.diagnostics.count - prefix {
            let new = diagnostics[diagnostics.count - 1 - suffix], old = self.diagnostics[self.diagnostics.count - 1 - suffix]
            guard Self.bounds(new).lowerBound >= afterLines, Self.same(old, movedBy: edit.delta, as: new) else { break }
            suffix += 1
        }
        out.fragments += fragments[..<prefix]
        for d in diagnostics[prefix..<diagnostics.count - suffix] { out.fragments.append(encode(d)) }
        out.fragments += fragments[(fragments.count - suffix)...]
        // Their line numbers moved by the lines the edit added or removed.
        for k in diagnostics.count - suffix..<diagnostics.count where shift != 0 {
            var moved: [UInt8] = []
            out.fragments[k].write(into: &moved, version: [], shift: shift)
            out.fragments[k] = DiagnosticEncodings.rebased(out.fragments[k], moved: moved, shift: shift)
        }
        return out
    }

    /// What became of the text since a publish.
    enum Change: Equatable {
        case none
        case span(EditSpan)
        /// A whole new text: nothing can be reused.
        case unknown

        mutating func add(replacing range: Range<Int>, count: Int) {
            switch self {
            case .none: self = .span(EditSpan(replacing: range, count: count))
            case .span(let s): self = .span(s.then(replacing: range, count: count))
            case .unknown: break
            }
        }
    }

    /// A fragment whose lines were rewritten moved by `shift` (its version hole kept).
    private static func rebased(_ f: Fragment, moved: [UInt8], shift: Int) -> Fragment {
        var lines: [(Range<Int>, Int)] = []
        var growth = 0
        var versionAt = f.versionAt
        for slot in f.lines {
            let width = String(slot.value + shift).utf8.count
            let start = slot.range.lowerBound + growth
            lines.append((start..<start + width, slot.value + shift))
            let change = width - slot.range.count
            if slot.range.lowerBound < f.versionAt { versionAt += change }
            growth += change
        }
        return Fragment(bytes: moved, versionAt: versionAt, lines: lines)
    }

    /// From the first byte to the last any of its ranges covers.
    private static func bounds(_ d: Diagnostic) -> Range<Int> {
        var lo = d.range.lowerBound, hi = d.range.upperBound
        for e in d.fix?.edits ?? [] { lo = min(lo, e.range.lowerBound); hi = max(hi, e.range.upperBound) }
        for r in d.related { lo = min(lo, r.range.lowerBound); hi = max(hi, r.range.upperBound) }
        return lo..<hi
    }

    /// `old` with every range moved by `delta` is `new` (compared in place, nothing copied).
    private static func same(_ old: Diagnostic, movedBy delta: Int, as new: Diagnostic) -> Bool {
        func moved(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.lowerBound + delta == b.lowerBound && a.upperBound + delta == b.upperBound }
        guard moved(old.range, new.range), old.rule == new.rule, old.severity == new.severity, old.unnecessary == new.unnecessary,
              old.message == new.message, old.related.count == new.related.count, (old.fix == nil) == (new.fix == nil)
        else { return false }
        for (a, b) in zip(old.related, new.related) where !moved(a.range, b.range) || a.message != b.message { return false }
        if let a = old.fix, let b = new.fix {
            guard a.description == b.description, a.applicability == b.applicability, a.edits.count == b.edits.count else { return false }
            for (x, y) in zip(a.edits, b.edits) where !moved(x.range, y.range) || x.newText != y.newText { return false }
        }
        return true
    }
}
