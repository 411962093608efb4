/// Applies fixes to text. Overlapping fixes are applied over several passes,
/// re-linting in between, the way eslint does: every pass applies the fixes that
/// do not overlap an earlier one, until nothing is left to fix.
public enum Fixer {
    /// Applies the non-overlapping fixes (in order of position) and returns the new
    /// bytes and how many fixes went in.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let ordered = fixes.filter { !$0.edits.isEmpty }
            .sorted { ($0.edits.map(\.range.lowerBound).min() ?? 0) < ($1.edits.map(\.range.lowerBound).min() ?? 0) }
        var taken: [TextEdit] = []
        var applied = 0
        for fix in ordered {
            let edits = fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
            let valid = edits.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= bytes.count }
            let overlaps = edits.contains { e in
                taken.contains { t in
                    e.range.overlaps(t.range) || (e.range.isEmpty && t.range.contains(e.range.lowerBound))
                        || (t.range.isEmpty && e.range.contains(t.range.lowerBound))
                        || (e.range.isEmpty && t.range.isEmpty && e.range.lowerBound == t.range.lowerBound)
                }
            }
            guard valid, !overlaps else { continue }
            taken += edits
            applied += 1
        }
        taken.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in taken {
            out += bytes[cursor..<edit.range.lowerBound]
            out += Array(edit.newText.utf8)
            cursor = edit.range.upperBound
        }
        out += bytes[cursor...]
        return (out, applied)
    }

    public static let maximumPasses = 10

    /// Lints and fixes until no fix is left (or `maximumPasses`), keeping only the
    /// diagnostics `include` accepts and the fixes up to `applicability` (safe ones only
    /// by default; `.unsafe` applies every fix). Returns the final text and the number of fixes.
    public static func fixAll(_ file: SourceFile, configuration: Configuration, applicability: Applicability = .safe,
                              include: (Diagnostic) -> Bool = { _ in true }) -> (bytes: [UInt8], fixed: Int)
    {
        var bytes = file.bytes
        var fixed = 0
        for _ in 0..<maximumPasses {
            let current = SourceFile(path: file.path, bytes: bytes)
            let fixes = Linter.lint(current, configuration: configuration).diagnostics.filter(include).compactMap(\.fix).filter { $0.applicability <= applicability }
            guard !fixes.isEmpty else { break }
            let (next, applied) = apply(fixes, to: bytes)
            guard applied > 0, next != bytes else { break }
            bytes = next
            fixed += applied
        }
        return (bytes, fixed)
    }
}

extension Fixer {
    /// Fix-all as one edit: the changed span between the common prefix and
    /// suffix of the text before and after, so an editor keeps the cursor and
    /// undo history sensible. Nil when nothing changes.
    public static func fixAllEdit(_ file: SourceFile, configuration: Configuration) -> (edit: TextEdit, fixed: Int)? {
        let (after, fixed) = fixAll(file, configuration: configuration)
        let before = file.bytes
        guard after != before else { return nil }
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        // Never split a UTF-8 sequence.
        while prefix > 0, before[prefix - 1] & 0xC0 == 0x80 || (prefix < before.count && before[prefix] & 0xC0 == 0x80) { prefix -= 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
              before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, before[before.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let newText = String(decoding: after[prefix..<(after.count - suffix)], as: UTF8.self)
        return (TextEdit(range: prefix..<(before.count - suffix), newText: newText), fixed)
    }
}
