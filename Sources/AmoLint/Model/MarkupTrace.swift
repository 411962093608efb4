/// The markup scan of a file, kept so that it can resume after an edit (the
/// language server's path: a keystroke must not re-scan a 1 MB page).
///
/// Between two steps the scanner's state is its position and
/// `bracketScanFailedFrom`, and `CloserSearch.horizon` (plus `slack` for the
/// bounded look-aheads) tells how far the steps before it read. So after an
/// edit of the old bytes `a..<b`:
/// - the steps before a checkpoint whose reads all ended by `a` are unchanged,
///   and the scan resumes there;
/// - it stops at the first old checkpoint past the edit that it lands on in the
///   same state: from there the bytes, and so the steps, are the old ones moved.
/// What was collected is spliced: kept before, scanned between, moved after
/// (buttons keep their attributes relative to their start, so moving one is
/// moving its range). The trace holds no text: its buttons are re-attached to
/// the new text, so the server can edit its text in place.
package struct MarkupTrace: Sendable {
    struct Checkpoint: Sendable, Equatable {
        var offset: Int
        /// No step before `offset` read a byte at or past `max(horizon, offset + slack)`.
        var horizon: Int
        var bracketScanFailedFrom: Int
    }

    /// Step boundaries about `spacing` bytes apart, the first at 0.
    var checkpoints: [Checkpoint]
    /// Bytes between checkpoints: fewer checkpoints cost less to keep, more
    /// re-scan less (tests use 1, which makes every step boundary one).
    let spacing: Int
    var collected: CollectedMarkup

    /// Bytes a step may read past its end without `CloserSearch` (a Blade
    /// directive's arguments: 2,048; the name after `</script`).
    static let slack = 4096
    static let defaultSpacing = 2048

    /// Scans all of `bytes`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, text: SharedBytes, dialect: Dialect, spacing: Int = defaultSpacing) -> MarkupTrace {
        var scanner = Scanner(bytes: bytes, dialect: dialect, visitor: DocumentCollector(bytes: bytes, text: text, dialect: dialect, origins: .uniform(.markup)))
        var trace = MarkupTrace(checkpoints: [Checkpoint(offset: 0, horizon: 0, bracketScanFailedFrom: .max)], spacing: spacing, collected: CollectedMarkup())
        trace.run(&scanner, from: 0, syncingWith: nil)
        trace.collected = scanner.visitor.collected
        return trace
    }

    /// The trace of the new text, given this trace of the old one and the edit between them.
    func resumed(after edit: EditSpan, in bytes: UnsafeBufferPointer<UInt8>, text: SharedBytes, dialect: Dialect) -> MarkupTrace {
        // The last checkpoint before which nothing read the edited bytes.
        var k = 0, hi = checkpoints.count - 1
        while k < hi {
            let mid = (k + hi + 1) / 2
            if checkpoints[mid].offset + MarkupTrace.slack <= edit.start { k = mid } else { hi = mid - 1 }
        }
        while k > 0, checkpoints[k].horizon > edit.start { k -= 1 }
        let restart = checkpoints[k]

        var collector = DocumentCollector(bytes: bytes, text: text, dialect: dialect, origins: .uniform(.markup))
        collector.collected = collected.before(restart.offset, in: text)
        var scanner = Scanner(bytes: bytes, dialect: dialect, visitor: collector)
        scanner.closers.horizon = restart.horizon
        scanner.closers.bracketScanFailedFrom = restart.bracketScanFailedFrom
        var trace = MarkupTrace(checkpoints: Array(checkpoints[...k]), spacing: spacing, collected: CollectedMarkup())
        let synced = trace.run(&scanner, from: restart.offset, syncingWith: (self, edit))
        trace.collected = scanner.visitor.collected
        guard let j = synced else { return trace }

        // From old checkpoint `j` on, the steps are the old ones, moved by `delta`.
        let delta = edit.delta
        let horizon = scanner.closers.horizon
        func moved(_ c: Checkpoint) -> Checkpoint {
            Checkpoint(offset: c.offset + delta, horizon: max(horizon, c.horizon >= edit.oldEnd ? c.horizon + delta : 0),
                       bracketScanFailedFrom: c.bracketScanFailedFrom == .max ? .max : c.bracketScanFailedFrom + delta)
        }
        let from = checkpoints[j].offset
        trace.checkpoints += checkpoints[j...].map(moved)
        trace.collected.keep(collected.after(from, movedBy: delta, in: text))
        return trace
    }

    /// This trace without the text its buttons were read from: what a server keeps
    /// between edits, so that the text has one owner and is edited in place.
    func detached() -> MarkupTrace {
        var t = self
        t.collected.buttons = collected.buttons.map { $0.moved(by: 0, in: []) }
        t.collected.loaders = collected.loaders.map { $0.moved(by: 0, in: []) }
        return t
    }

    /// Steps from `start` to the end, recording checkpoints;
    /// with an old trace, stops at the first of its checkpoints past the edit
    /// that the scan lands on in the same state, and returns that checkpoint's index.
    @discardableResult
    private mutating func run(_ scanner: inout Scanner<DocumentCollector>, from start: Int, syncingWith old: (trace: MarkupTrace, edit: EditSpan)?) -> Int? {
        let n = scanner.bytes.count
        var i = start
        var next = 0  // the old checkpoint to compare with
        while i < n {
            let state = Checkpoint(offset: i, horizon: scanner.closers.horizon, bracketScanFailedFrom: scanner.closers.bracketScanFailedFrom)
            if let (trace, edit) = old, i >= edit.newEnd {
                let target = i - edit.delta
                while next < trace.checkpoints.count, trace.checkpoints[next].offset < target { next += 1 }
                if next < trace.checkpoints.count, trace.checkpoints[next].offset == target,
                   trace.checkpoints[next].bracketScanFailedFrom == .max, state.bracketScanFailedFrom == .max
                {
                    return next
                }
            }
            if i >= checkpoints[checkpoints.count - 1].offset + spacing { checkpoints.append(state) }
            i = scanner.step(from: i)
        }
        return nil
    }
}

/// What the collector gathered from a file's markup.
struct CollectedMarkup: Sendable {
    var buttons: [Button] = []
    var loaders: [Loader] = []
    var scripts: [DocumentCollector.Script] = []
    var innerHTMLValues: [Range<Int>] = []
    var comments: [RawComment] = []
    var htmlComments: [Range<Int>] = []

    /// What steps before `offset` collected (everything they collect starts before it),
    /// its buttons and loaders read from `text`.
    func before(_ offset: Int, in text: SharedBytes) -> CollectedMarkup {
        var c = CollectedMarkup()
        c.buttons = buttons.filter { $0.range.lowerBound < offset }.map { $0.moved(by: 0, in: text) }
        c.loaders = loaders.filter { $0.range.lowerBound < offset }.map { $0.moved(by: 0, in: text) }
        c.scripts = scripts.filter { $0.body.lowerBound < offset }
        c.innerHTMLValues = innerHTMLValues.filter { $0.lowerBound < offset }
        c.comments = comments.filter { $0.range.lowerBound < offset }
        c.htmlComments = htmlComments.filter { $0.lowerBound < offset }
        return c
    }

    /// What was collected at or after `offset`, moved by `delta` into `text`.
    func after(_ offset: Int, movedBy delta: Int, in text: SharedBytes) -> CollectedMarkup {
        func move(_ r: Range<Int>) -> Range<Int> { r.lowerBound + delta..<r.upperBound + delta }
        var c = CollectedMarkup()
        c.buttons = buttons.filter { $0.range.lowerBound >= offset }.map { $0.moved(by: delta, in: text) }
        c.loaders = loaders.filter { $0.range.lowerBound >= offset }.map { $0.moved(by: delta, in: text) }
        c.scripts = scripts.filter { $0.body.lowerBound >= offset }.map {
            DocumentCollector.Script(body: move($0.body), isJavaScript: $0.isJavaScript, mayHoldButton: $0.mayHoldButton)
        }
        c.innerHTMLValues = innerHTMLValues.filter { $0.lowerBound >= offset }.map(move)
        c.comments = comments.filter { $0.range.lowerBound >= offset }.map { RawComment(kind: $0.kind, range: move($0.range), contentRange: move($0.contentRange)) }
        c.htmlComments = htmlComments.filter { $0.lowerBound >= offset }.map(move)
        return c
    }

    /// Appends another stretch's lists to these.
    mutating func keep(_ other: CollectedMarkup) {
        buttons += other.buttons
        loaders += other.loaders
        scripts += other.scripts
        innerHTMLValues += other.innerHTMLValues
        comments += other.comments
        htmlComments += other.htmlComments
    }
}
