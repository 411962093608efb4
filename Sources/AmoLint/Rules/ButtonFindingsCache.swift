/// Each button's findings, kept so that a button met again is not checked again
/// (issue 14, item 5): the editor re-checks only the buttons an edit changed, and a
/// page repeating one tag 100,000 times checks it once.
///
/// What a button's checks read, and so what a finding is kept under:
/// - the bytes of its tag, and how the scanner parsed them (`Button.sameParse`:
///   flags such as "inside a template conditional" come from around the tag);
/// - where it comes from (`Origin`) and whether it is JSX (part of the parse);
/// - which brands the document loads a script for (`Document.hasLoader`);
/// - whether the document's code defines the error callbacks it names
///   (`DocumentMemo.definesCallback`): recorded with the finding, checked on reuse.
/// Findings are kept before configuration, suppression and the budget, in the
/// layer's offsets counted from the tag's start: a reused finding goes through
/// the `FindingSink` again at the tag's new place, exactly as a fresh one would.
/// A button whose findings reach outside its tag is never kept.
public final class ButtonFindingsCache: @unchecked Sendable {
    public enum Mode: Sendable {
        /// Keep every button (the server: the next edit leaves most of them as they are).
        case everyButton
        /// Keep a button only once its tag is met a second time in the document (the
        /// command line: recording costs a unique tag its lazily built messages).
        case repeats
    }

    /// A class: looking an entry up copied the struct out of the dictionary, its
    /// button's strings and arrays retained and released (a page of 100,000 tags).
    final class Entry {
        /// The button as parsed, holding no text, and its tag's bytes.
        let button: Button
        let tag: [UInt8]
        let loaders: UInt8
        let recorded: FindingRecording

        init(button: Button, tag: [UInt8], loaders: UInt8, recorded: FindingRecording) {
            (self.button, self.tag, self.loaders, self.recorded) = (button, tag, loaders, recorded)
        }
    }

    let mode: Mode
    @exclusivity(unchecked) private var entries: [UInt64: Entry] = [:] {
        didSet { last = nil }
    }
    /// The entry found last, by its key: a page repeating one tag asks for it each time
    /// (no dictionary look-up). Forgotten whenever the entries change.
    @exclusivity(unchecked) private var last: (key: UInt64, entry: Entry)?
    /// Tags met once (repeats mode), by their key's hash.
    @exclusivity(unchecked) private var seen: Set<UInt64> = []
    @exclusivity(unchecked) private var generation = 0
    /// Bound what a hostile page can make it hold: entries (repeats mode) and findings.
    static let capacity = 4_096
    static let longestTag = Int(UInt16.max)
    static let findingCapacity = 20_000
    private var findings = 0

    public init(mode: Mode = .everyButton) { self.mode = mode }

    /// Buttons kept.
    public var count: Int { entries.count }

    /// Forgets everything (a document too large to keep).
    public func removeAll() {
        entries = [:]
        seen = []
        findings = 0
    }

    /// Starts a lint: entries not used by its end are dropped (everyButton mode).
    func begin() { generation += 1 }

    func end() {
        guard mode == .everyButton, entries.count > 0 else { return }
        let current = generation
        if entries.values.contains(where: { $0.recorded.lastUsed != current }) {
            entries = entries.filter { $0.value.recorded.lastUsed == current }
            findings = entries.values.reduce(0) { $0 + $1.recorded.findings.count }
        }
    }

    /// What to do with a button: replay kept findings, record them, or just check it.
    enum Lookup {
        case replay(FindingRecording, shift: Int)
        case record(key: UInt64)
        case check
    }

    func lookup(_ button: Button, bytes: UnsafeBufferPointer<UInt8>, loaders: UInt8, memo: DocumentMemo) -> Lookup {
        // A tag of 64 KiB or more (a hostile one) is checked afresh: hashing its bytes and its
        // records (a million) costs more than meeting the same tag twice ever saves.
        guard button.range.count <= Self.longestTag else { return .check }
        let tag = UnsafeBufferPointer(rebasing: bytes[button.range])
        // The entry found last, before any hashing: a page repeating one tag meets it again, and
        // an entry it matches is the one its key finds (equal tags and parses fold to equal keys).
        if let last, matches(last.entry, button, tag, loaders: loaders, memo: memo) { return replay(last.entry, button) }
        var h = Self.hash(tag)
        button.foldParse(into: &h)
        h = Self.mix(h ^ UInt64(loaders))
        let found: Entry?
        if let last, last.key == h { found = last.entry } else { found = entries[h]; if let found { last = (h, found) } }
        if let entry = found, matches(entry, button, tag, loaders: loaders, memo: memo) { return replay(entry, button) }
        switch mode {
        case .everyButton:
            return .record(key: h)
        case .repeats:
            if entries.count < Self.capacity, !seen.insert(h).inserted { return .record(key: h) }
            return .check
        }
    }

    /// Whether `entry`'s findings are `button`'s: the same loaders, parse and tag bytes, and the
    /// same answers about the callbacks it asked after.
    private func matches(_ entry: Entry, _ button: Button, _ tag: UnsafeBufferPointer<UInt8>, loaders: UInt8, memo: DocumentMemo) -> Bool {
        entry.loaders == loaders && entry.button.sameParse(as: button) && Self.equal(entry.tag, tag)
            && entry.recorded.callbacks.allSatisfy({ memo.knows($0.name, defined: $0.defined) })
    }

    private func replay(_ entry: Entry, _ button: Button) -> Lookup {
        if mode == .everyButton { entry.recorded.lastUsed = generation }
        return .replay(entry.recorded, shift: button.range.lowerBound - entry.button.range.lowerBound)
    }

    func store(_ recorded: FindingRecording, key: UInt64, button: Button, bytes: UnsafeBufferPointer<UInt8>, loaders: UInt8) {
        guard !recorded.overflowed, findings + recorded.findings.count <= Self.findingCapacity,
              recorded.stayed(within: button.range) else { return }
        findings += recorded.findings.count - (entries[key]?.recorded.findings.count ?? 0)
        recorded.lastUsed = generation
        entries[key] = Entry(button: button.moved(by: 0, in: []), tag: Array(UnsafeBufferPointer(rebasing: bytes[button.range])),
                             loaders: loaders, recorded: recorded)
    }

    /// Eight bytes at a time (the generic `elementsEqual` costs several instructions a byte).
    static func equal(_ kept: [UInt8], _ tag: UnsafeBufferPointer<UInt8>) -> Bool {
        guard kept.count == tag.count else { return false }
        return kept.withUnsafeBufferPointer { k in
            guard let a = k.baseAddress.map(UnsafeRawPointer.init), let b = tag.baseAddress.map(UnsafeRawPointer.init) else { return true }
            var i = 0
            while i + 8 <= k.count {
                guard a.loadUnaligned(fromByteOffset: i, as: UInt64.self) == b.loadUnaligned(fromByteOffset: i, as: UInt64.self) else { return false }
                i += 8
            }
            while i < k.count {
                guard k[i] == tag[i] else { return false }
                i += 1
            }
            return true
        }
    }

    /// Eight bytes at a time; the tail as one partial word.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}

/// The findings of one button's checks as the checks reported them, in the
/// layer's offsets, with the messages built (`FindingSink` records while one is set).
final class FindingRecording {
    struct Finding {
        let rule: RuleID
        let ordinal: Int
        let range: Range<Int>
        let unnecessary: Bool
        let message: String
        let fix: Fix?
        let related: [RelatedLocation]
    }

    @exclusivity(unchecked) private(set) var findings: [Finding] = []
    /// A button reporting more than this many findings is checked afresh each time.
    static let limit = 256
    /// Past `limit`: the rest went to the sink unrecorded.
    var overflowed = false
    /// The last lint that used it (`ButtonFindingsCache` drops the others); kept here,
    /// in a class, so marking it writes no dictionary entry.
    @exclusivity(unchecked) var lastUsed = 0
    /// Error callback names asked about, with the answer.
    @exclusivity(unchecked) private(set) var callbacks: [(name: [UInt8], defined: Bool)] = []

    func add(_ rule: Rule, _ range: Range<Int>, unnecessary: Bool, _ made: (message: String, fix: Fix?, related: [RelatedLocation])) {
        findings.append(Finding(rule: rule.ruleID, ordinal: rule.ordinal, range: range, unnecessary: unnecessary, message: made.message, fix: made.fix, related: made.related))
    }

    func asked(_ name: [UInt8], defined: Bool) { callbacks.append((name, defined)) }

    /// Every range (finding, fix edit, related location) lies within `tag`.
    func stayed(within tag: Range<Int>) -> Bool {
        func inside(_ r: Range<Int>) -> Bool { r.lowerBound >= tag.lowerBound && r.upperBound <= tag.upperBound }
        return findings.allSatisfy { f in
            inside(f.range) && (f.fix?.edits.allSatisfy { inside($0.range) } ?? true) && f.related.allSatisfy { inside($0.range) }
        }
    }

    /// Hands every finding to the sink as if the checks had reported it `shift` bytes later.
    /// Read in place: copying each finding out (its strings and arrays retained and
    /// released) cost more than the sink for a flood past the budget.
    func replay(into sink: FindingSink, shift: Int) {
        findings.withUnsafeBufferPointer { list in
            for i in list.indices {
                sink.deliver(list[i].rule, ordinal: list[i].ordinal, list[i].range.shifted(by: shift), unnecessary: list[i].unnecessary) {
                    let f = list[i]
                    guard shift != 0 else { return (f.message, f.fix, f.related) }
                    let fix = f.fix.map { fix in
                        Fix(fix.description, fix.edits.map { TextEdit(range: $0.range.shifted(by: shift), newText: $0.newText) },
                            applicability: fix.applicability)
                    }
                    return (f.message, fix, f.related.map { RelatedLocation(range: $0.range.shifted(by: shift), message: $0.message) })
                }
            }
        }
    }
}

extension Range where Bound == Int {
    func shifted(by delta: Int) -> Range<Int> { lowerBound + delta..<upperBound + delta }
}
