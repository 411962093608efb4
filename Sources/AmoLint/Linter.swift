/// The library's entry point: a pure function from a file and a configuration to
/// diagnostics. No I/O; the CLI and the language server both call this.
public enum Linter {
    /// At most this many findings per document: past it, a hostile page (a tag
    /// with 100,000 repeated attributes) would cost memory and time for a report
    /// nobody reads. The rest are counted in `Result.unreported`.
    public static let maximumFindings = 10_000

    public struct Result: Sendable {
        public let diagnostics: [Diagnostic]
        /// Findings past `maximumFindings`, not reported.
        public let unreported: Int
        private let index: LineIndex?
        private let bytes: [UInt8]

        init(diagnostics: [Diagnostic], unreported: Int = 0, index: LineIndex?, bytes: [UInt8]) {
            self.diagnostics = diagnostics
            self.unreported = unreported
            self.index = index
            self.bytes = bytes
        }

        /// Lines of the text; built during linting only when something needed
        /// it, since most files of a large tree have nothing to report.
        public var lineIndex: LineIndex { index ?? LineIndex(bytes) }
    }

    public static func lint(_ file: SourceFile, configuration: Configuration = Configuration()) -> Result {
        let document = Document(file)
        var (findings, unreported) = check(document)
        if findings.isEmpty, document.directiveComments.isEmpty {
            return Result(diagnostics: [], index: nil, bytes: file.bytes)
        }
        let lineIndex = LineIndex(file.bytes)
        let suppressions = Suppressions(document, lineIndex: lineIndex)
        findings += suppressions.problems
        var kept: [Diagnostic] = []
        kept.reserveCapacity(findings.count)
        for var d in findings {
            guard let severity = configuration.severity(of: d.rule) else { continue }
            d.severity = severity
            if suppressions.suppresses(d, line: lineIndex.line(ofByte: d.range.lowerBound)) { continue }
            kept.append(d)
        }
        kept.sort { ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule) }
        return Result(diagnostics: kept, unreported: unreported, index: lineIndex, bytes: file.bytes)
    }

    /// Every rule's findings with default severities, before configuration and
    /// suppressions (at most `maximumFindings`), and how many more there were.
    public static func check(_ document: Document) -> (findings: [Diagnostic], unreported: Int) {
        var findings: [Diagnostic] = []
        var unreported = 0
        document.file.bytes.withUnsafeBufferPointer { bytes in
            for button in document.buttons {
                var c = ButtonContext(document: document, button: button, bytes: bytes, budget: maximumFindings - findings.count)
                // Order matters: classification first, so value checks see only attributes that take effect.
                AttributeChecks.classify(&c)
                CredentialChecks.classify(&c)
                StructureChecks.check(&c)
                CredentialChecks.check(&c)
                URIChecks.check(&c)
                ScopeChecks.check(&c)
                EnumerationChecks.check(&c)
                SecurityChecks.check(&c)
                findings += c.findings
                unreported += c.dropped
            }
        }
        StructureChecks.checkLoaders(document, into: &findings)
        return (findings, unreported)
    }
}
