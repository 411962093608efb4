/// The one place a diagnostic is made. Every rule reports through it, so every
/// finding is treated alike: configuration first (an `off` rule costs nothing),
/// then suppression comments, then the budget, which counts only findings that
/// will be reported and keeps errors apart so warnings can never crowd one out.
/// Ranges and fix edits of a code layer are mapped to the file here; a fix that
/// cannot be written back into one string literal is dropped.
final class FindingSink {
    let configuration: Configuration
    private let suppressions: Suppressions?
    private let lineIndex: LineIndex?
    /// The source map of the layer being checked (nil: the file itself).
    var map: SourceMap?
    /// While set, every finding is also kept here, its message built (`ButtonFindingsCache`).
    var recording: FindingRecording?
    // Unchecked exclusivity: one thread at a time, and a flood past the budget
    // reports a million findings, a third of whose cost was the runtime checks.
    @exclusivity(unchecked) private(set) var kept: [Diagnostic] = []
    @exclusivity(unchecked) private var errorBudget = Linter.maximumFindings
    @exclusivity(unchecked) private var otherBudget = Linter.maximumFindings
    /// Each rule's configured severity (nil inside: off), looked up once: a hostile
    /// page reports one rule hundreds of thousands of times.
    @exclusivity(unchecked) private var severities = [Severity??](repeating: nil, count: RuleID.allCases.count)
    /// Findings past the budget, by severity: counted, never built.
    var unreported: [Severity: Int] {
        var out: [Severity: Int] = [:]
        for (k, n) in unreportedCounts.enumerated() where n > 0 { out[Severity.allCases[k]] = n }
        return out
    }
    /// The same, by the severity's place in `Severity.allCases` (no hashing per finding).
    @exclusivity(unchecked) private var unreportedCounts = [Int](repeating: 0, count: Severity.allCases.count)

    init(configuration: Configuration, suppressions: Suppressions?, lineIndex: LineIndex?) {
        self.configuration = configuration
        self.suppressions = suppressions
        self.lineIndex = lineIndex
    }

    /// The file range of a range of the current layer.
    func sourceRange(_ r: Range<Int>) -> Range<Int> { map?.sourceRange(r) ?? r }

    /// Reports unless the rule is off, the line suppressed or the budget spent;
    /// `make` builds the message and fix only for a finding that is kept.
    func report(_ rule: Rule, _ range: Range<Int>, unnecessary: Bool = false,
                _ make: () -> (message: String, fix: Fix?, related: [RelatedLocation]))
    {
        if let recording {
            // A hostile tag (100,000 repeated attributes) is not worth keeping: its messages stay lazy.
            guard recording.findings.count < FindingRecording.limit else {
                recording.overflowed = true
                self.recording = nil
                return deliver(rule.ruleID, ordinal: rule.ordinal, range, unnecessary: unnecessary, make)
            }
            let made = make()
            recording.add(rule, range, unnecessary: unnecessary, made)
            return deliver(rule.ruleID, ordinal: rule.ordinal, range, unnecessary: unnecessary) { made }
        }
        deliver(rule.ruleID, ordinal: rule.ordinal, range, unnecessary: unnecessary, make)
    }

    /// Whether a finding of `rule` now is settled without being made, and settles it as `report`
    /// would: dropped (the rule is off) or, past its severity's budget with nothing to suppress,
    /// counted. The caller then skips `report` (a hostile tag repeats one finding a million times,
    /// and making its report, even lazily, cost ~200 instructions). Never while recording.
    func settlesUnmade(_ rule: Rule) -> Bool {
        guard recording == nil else { return false }
        guard let severity = configuredSeverity(rule.ruleID, ordinal: rule.ordinal) else { return true }
        return countsOnly(severity)
    }

    /// The rule's configured severity (nil: off), looked up once a rule.
    private func configuredSeverity(_ id: RuleID, ordinal: Int) -> Severity? {
        if let known = severities[ordinal] { return known }
        let configured = configuration.severity(of: id.rawValue)
        severities[ordinal] = configured
        return configured
    }

    /// Past the budget with nothing to suppress, a finding is only counted (its range is not
    /// mapped): counts it and returns true.
    private func countsOnly(_ severity: Severity) -> Bool {
        let suppressing = suppressions.map { !$0.isEmpty } ?? false
        guard !suppressing, (severity == .error ? errorBudget : otherBudget) <= 0 else { return false }
        unreportedCounts[severity.place] += 1
        return true
    }

    /// `report` by the rule's id and its place in `RuleID.allCases` (a `Rule` is a large value to copy).
    func deliver(_ id: RuleID, ordinal: Int, _ range: Range<Int>, unnecessary: Bool,
                 _ make: () -> (message: String, fix: Fix?, related: [RelatedLocation]))
    {
        guard let severity = configuredSeverity(id, ordinal: ordinal) else { return }
        if countsOnly(severity) { return }
        let suppressing = suppressions.map { !$0.isEmpty } ?? false
        let mapped = sourceRange(range)
        if suppressing, let suppressions, let lineIndex,
           suppressions.suppresses(id.rawValue, at: mapped.lowerBound, line: lineIndex.line(ofByte: mapped.lowerBound)) { return }
        if severity == .error {
            guard errorBudget > 0 else { unreportedCounts[0] += 1; return }
            errorBudget -= 1
        } else {
            guard otherBudget > 0 else { unreportedCounts[severity.place] += 1; return }
            otherBudget -= 1
        }
        let made = make()
        kept.append(Diagnostic(rule: id.rawValue, severity: severity, message: made.message, range: mapped,
                               fix: made.fix.flatMap { mappedFix($0) }, related: made.related.map { RelatedLocation(range: sourceRange($0.range), message: $0.message) },
                               unnecessary: unnecessary))
    }

    private func mappedFix(_ fix: Fix) -> Fix? {
        guard let map else { return fix }
        var edits: [TextEdit] = []
        for edit in fix.edits {
            // In code, text is replaced or inserted, never deleted: removing part of a
            // string can join what the code keeps apart (the fuzzer found such chains).
            if edit.newText.isEmpty, !edit.range.isEmpty { return nil }
            guard let e = map.sourceEdit(edit) else { return nil }
            edits.append(e)
        }
        return Fix(fix.description, edits, applicability: fix.applicability)
    }
}

extension Severity {
    /// The place in `allCases`.
    var place: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .information: return 2
        case .hint: return 3
        }
    }
}
