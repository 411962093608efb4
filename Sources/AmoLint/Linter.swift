/// The library's entry point: a pure function from a file and a configuration to
/// diagnostics. No I/O; the CLI and the language server both call this.
public enum Linter {
    /// At most this many errors, and this many other findings, per document:
    /// past it, a hostile page (a tag with 100,000 repeated attributes) would
    /// cost memory and time for a report nobody reads. The rest are counted in
    /// `Result.unreported`; errors have their own budget, so warnings never
    /// crowd one out, and the exit status sees every error.
    public static let maximumFindings = 10_000

    public struct Result: Sendable {
        public let diagnostics: [Diagnostic]
        /// Findings past `maximumFindings`, by severity: found, configured and
        /// not suppressed, but not reported.
        public let unreportedBySeverity: [Severity: Int]
        private let index: LineIndex?
        private let bytes: SharedBytes

        init(diagnostics: [Diagnostic], unreported: [Severity: Int] = [:], index: LineIndex?, bytes: SharedBytes) {
            self.diagnostics = diagnostics
            self.unreportedBySeverity = unreported
            self.index = index
            self.bytes = bytes
        }

        /// All findings past the cap.
        public var unreported: Int { unreportedBySeverity.values.reduce(0, +) }
        /// Lines of the text; built during linting only when something needed
        /// it, since most files of a large tree have nothing to report.
        public var lineIndex: LineIndex { index ?? LineIndex(bytes) }
    }

    public static func lint(_ file: SourceFile, configuration: Configuration = Configuration()) -> Result {
        lint(Document(checking: file), configuration: configuration, cache: ButtonFindingsCache(mode: .repeats))
    }

    /// Lints a document already built (the server keeps it for hover and completion,
    /// and passes the line index it keeps up to date edit by edit).
    /// `cache` keeps buttons' findings from one lint to the next (the server) or for
    /// repeats within the document; the diagnostics are the same without it.
    public static func lint(_ document: Document, configuration: Configuration = Configuration(), lineIndex known: LineIndex? = nil,
                            cache: ButtonFindingsCache? = nil) -> Result {
        let file = document.file
        // Suppressions need lines; a file without directive comments never builds them here.
        var lineIndex = known
        var suppressions: Suppressions?
        if !document.directiveComments.isEmpty {
            let index = known ?? LineIndex(file.text)
            lineIndex = index
            suppressions = Suppressions(document, lineIndex: index)
        }
        let sink = FindingSink(configuration: configuration, suppressions: suppressions, lineIndex: lineIndex)
        check(document, into: sink, cache: cache)
        if let suppressions {
            for range in suppressions.unknownIDs {
                sink.report(.invalidDirective, range) {
                    Suppressions.unknownIDFinding(String(decoding: file.text[range], as: UTF8.self), range)
                }
            }
        }
        guard !sink.kept.isEmpty else {
            return Result(diagnostics: [], unreported: sink.unreported, index: lineIndex, bytes: file.text)
        }
        let kept = sink.kept.sorted { ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule) }
        return Result(diagnostics: kept, unreported: sink.unreported, index: lineIndex ?? LineIndex(file.text), bytes: file.text)
    }

    /// Runs every rule over every layer of the document, in phases:
    /// 1. classify: which attributes take effect (`AttributeChecks`, `CredentialChecks.classify`),
    ///    so that the value checks see only those ("one mistake, one diagnostic");
    /// 2. per-button checks: structure, credentials, URIs, scopes, enumerations, security;
    /// 3. per-script checks of the layer's loaders.
    static func check(_ document: Document, into sink: FindingSink, cache: ButtonFindingsCache? = nil) {
        let memo = DocumentMemo(document)
        cache?.begin()
        defer { cache?.end() }
        var loaders: UInt8 = 0
        for (k, brand) in Brand.allCases.enumerated() where document.hasLoader(for: brand) { loaders |= 1 << k }
        for layer in document.layers {
            sink.map = layer.map
            layer.text.withUnsafeBufferPointer { bytes in
                for button in layer.buttons {
                    guard let cache else {
                        checkButton(button, bytes: bytes, sink: sink, memo: memo)
                        continue
                    }
                    switch cache.lookup(button, bytes: bytes, loaders: loaders, memo: memo) {
                    case .replay(let recorded, let shift):
                        recorded.replay(into: sink, shift: shift)
                    case .record(let key):
                        let recording = FindingRecording()
                        (sink.recording, memo.recording) = (recording, recording)
                        checkButton(button, bytes: bytes, sink: sink, memo: memo)
                        (sink.recording, memo.recording) = (nil, nil)
                        cache.store(recording, key: key, button: button, bytes: bytes, loaders: loaders)
                    case .check:
                        checkButton(button, bytes: bytes, sink: sink, memo: memo)
                    }
                }
                StructureChecks.checkLoaders(layer, in: document, bytes: bytes, sink: sink)
            }
        }
        sink.map = nil
    }

    /// Phases 1 and 2 for one button.
    private static func checkButton(_ button: Button, bytes: UnsafeBufferPointer<UInt8>, sink: FindingSink, memo: DocumentMemo) {
        let c = ButtonContext(button: button, bytes: bytes, sink: sink, memo: memo)
        // A tag marked only by the legacy id or a button `src`, with no `data-*`, gets only its structure diagnostic.
        let onlyMarker = button.marker != .brandClass && !c.hasDataAttributes
        if !onlyMarker {
            AttributeChecks.classify(c)
            CredentialChecks.classify(c)
        }
        StructureChecks.check(c)
        guard !onlyMarker else { return }
        CredentialChecks.check(c)
        URIChecks.check(c)
        ScopeChecks.check(c)
        EnumerationChecks.check(c)
        SecurityChecks.check(c)
    }
}
