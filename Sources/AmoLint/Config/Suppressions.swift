/// Suppression comments: `amolint-disable-next-line id, id`, `amolint-disable-line`,
/// `amolint-disable id` … `amolint-enable id` (no ids: every rule). They may be
/// HTML comments or the template's own (`{{-- --}}`, `{# #}`, `{/* */}`), and a
/// `-- reason` may follow the ids.
public struct Suppressions: Sendable {
    public enum Kind: String, Sendable { case nextLine = "amolint-disable-next-line", line = "amolint-disable-line"
        case disable = "amolint-disable", enable = "amolint-enable" }

    /// Lines (0-based) on which some rules (nil: all) are off.
    private var lines: [Int: Set<String>?] = [:]
    /// Byte regions in which every rule, or one rule, is off: each list is in file
    /// order and its regions do not overlap, so one binary search answers (a
    /// hostile page holds 300,000 directives).
    private var everyRule: [Range<Int>] = []
    private var byRule: [String: [Range<Int>]] = [:]
    /// Ranges of ids that name no rule: `invalid-directive` findings, reported
    /// through the linter's sink like every other (the text is read only for those kept).
    private(set) var unknownIDs: [Range<Int>] = []

    /// Nothing is suppressed anywhere: findings need not even be placed on a line.
    var isEmpty: Bool { lines.isEmpty && everyRule.isEmpty && byRule.isEmpty }

    public init(_ document: Document, lineIndex: LineIndex) {
        var open: [String?: Int] = [:]
        let bytes = document.file.text
        var idRanges: [Range<Int>] = []
        var regions: [(key: String?, range: Range<Int>)] = []
        for comment in document.directiveComments {
            let content = comment.contentRange
            guard let kind = Suppressions.parse(bytes, content, ids: &idRanges) else { continue }
            var ids: [String] = []
            for range in idRanges {
                if let id = Suppressions.ruleID(bytes, range) {
                    ids.append(id)
                } else {
                    unknownIDs.append(range)
                }
            }
            // A comment naming only unknown ids must not turn into "all rules".
            if ids.isEmpty, !idRanges.isEmpty { continue }
            let keys: [String?] = ids.isEmpty ? [nil] : ids
            switch kind {
            case .nextLine, .line:
                let line = lineIndex.line(ofByte: comment.range.upperBound) + (kind == .nextLine ? 1 : 0)
                if ids.isEmpty { lines[line] = .some(nil) }
                else if case .some(.some(let existing)) = lines[line] { lines[line] = existing.union(ids) }
                else if lines[line] == nil { lines[line] = Set(ids) }
            case .disable:
                for key in keys where open[key] == nil { open[key] = comment.range.upperBound }
            case .enable:
                let closing = ids.isEmpty ? Array(open.keys) : keys
                for key in closing {
                    if let start = open.removeValue(forKey: key) { regions.append((key, start..<comment.range.lowerBound)) }
                }
            }
        }
        for (key, start) in open { regions.append((key, start..<bytes.count)) }
        for region in regions {
            if let rule = region.key { byRule[rule, default: []].append(region.range) } else { everyRule.append(region.range) }
        }
    }

    /// The rule id spelled by the bytes, as the catalogue spells it, or nil. Ids are
    /// ASCII letters and `-`, so equal bytes are `String ==`.
    private static func ruleID(_ bytes: SharedBytes, _ range: Range<Int>) -> String? {
        guard range.count < idsByLength.count else { return nil }
        for (id, idBytes) in idsByLength[range.count] where bytes[range].elementsEqual(idBytes) { return id }
        return nil
    }

    private static let idsByLength: [[(String, [UInt8])]] = {
        var table = [[(String, [UInt8])]](repeating: [], count: (RuleCatalog.ids.map(\.utf8.count).max() ?? 0) + 1)
        for id in RuleCatalog.ids { table[id.utf8.count].append((id, Array(id.utf8))) }
        return table
    }()

    /// Whether a finding of `rule` starting at byte `offset`, on `line`, is suppressed.
    public func suppresses(_ rule: String, at offset: Int, line: Int) -> Bool {
        if !lines.isEmpty, let entry = lines[line] {
            guard let ids = entry else { return true }
            if ids.contains(rule) { return true }
        }
        return Suppressions.covers(everyRule, offset) || (!byRule.isEmpty && Suppressions.covers(byRule[rule], offset))
    }

    /// Whether one of the sorted, disjoint `ranges` holds `offset`.
    private static func covers(_ ranges: [Range<Int>]?, _ offset: Int) -> Bool {
        guard let ranges, !ranges.isEmpty else { return false }
        // The last range starting at or before `offset`.
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && ranges[lo - 1].contains(offset)
    }

    private static let ruleIDCandidates = Suggestions.Candidates(RuleCatalog.ids)

    /// The `invalid-directive` message and fix for an unknown id.
    static func unknownIDFinding(_ id: String, _ range: Range<Int>) -> (message: String, fix: Fix?, related: [RelatedLocation]) {
        let suggestion = Suggestions.nearest(id, in: ruleIDCandidates)
        return ("\(Text.code(id)) is not an amolint rule, so this comment suppresses nothing for it\(suggestion.map { "; did you mean \(Text.code($0))?" } ?? "")",
                suggestion.map { Fix("Replace with \(Text.code($0))", replacing: range, with: $0, applicability: .replacing(id, with: $0)) }, [])
    }

    private static let kinds: [(kind: Kind, bytes: [UInt8])] = [Kind.nextLine, .line, .disable, .enable].map { ($0, Array($0.rawValue.utf8)) }

    /// The directive in a comment's content: its kind, and each id's byte range in `ids`.
    static func parse(_ bytes: SharedBytes, _ content: Range<Int>, ids: inout [Range<Int>]) -> Kind? {
        ids.removeAll(keepingCapacity: true)
        var p = content.lowerBound
        while p < content.upperBound, Byte.isSpace(bytes[p]) { p += 1 }
        // Longest first: `amolint-disable-next-line` starts with `amolint-disable`. Bytes
        // decide as Characters would: a kind must be followed by white space or the end.
        guard let kind = kinds.first(where: { kind in
            kind.bytes.count <= content.upperBound - p && bytes[p..<p + kind.bytes.count].elementsEqual(kind.bytes)
        })?.kind else { return nil }
        p += kind.rawValue.utf8.count
        guard p >= content.upperBound || Byte.isSpace(bytes[p]) else { return nil }
        while p < content.upperBound {
            while p < content.upperBound, Byte.isSpace(bytes[p]) || bytes[p] == Byte.comma { p += 1 }
            if p + 1 < content.upperBound, bytes[p] == Byte.dash, bytes[p + 1] == Byte.dash { break }  // `-- reason`
            let start = p
            while p < content.upperBound, !Byte.isSpace(bytes[p]), bytes[p] != Byte.comma { p += 1 }
            if p > start { ids.append(start..<p) }
        }
        return kind
    }
}
