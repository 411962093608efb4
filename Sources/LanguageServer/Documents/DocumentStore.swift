import AmoLint
import LanguageServerProtocol

/// An open document: its text as the client has it, and what was last reported.
struct OpenDocument {
    let uri: String
    let languageID: String
    var version: Int
    private(set) var bytes: [UInt8]
    /// Lines of the current text, kept up to date edit by edit.
    private(set) var lineIndex: LineIndex
    /// Counts changes; unlike `version` it always increases, so caches key on it.
    private(set) var revision = 0
    /// Needs linting (push mode).
    var dirty = true
    /// Diagnostics of the last lint, for code actions and pull; dropped at the
    /// next edit (its document shares the text, which is then edited in place).
    var lastResult: LintSnapshot?
    /// The last publish's diagnostics, serialised (push mode), and what became of the text since.
    private(set) var encodings = DiagnosticEncodings()
    private(set) var sincePublish = DiagnosticEncodings.Change.unknown
    /// What the next lint can resume: the last lint's scan, and the span edited since.
    private(set) var resumable: (scan: Document.Resumption, edit: EditSpan)?
    /// Each button's findings, so that a lint re-checks only the buttons an edit changed.
    let findings = ButtonFindingsCache()

    init(uri: String, languageID: String, version: Int, bytes: [UInt8]) {
        self.uri = uri
        self.languageID = languageID
        self.version = version
        self.bytes = bytes
        lineIndex = LineIndex(bytes)
    }

    /// Replaces `range` with `text` in place, keeping the line index and the span edited since the last lint.
    mutating func replace(_ range: Range<Int>, with text: String.UTF8View) {
        if let result = lastResult {
            let scan = result.revision == revision ? result.kept?.resumption : nil
            lastResult = nil
            resumable = scan.map { ($0, EditSpan(replacing: range, count: text.count)) }
        } else if let (scan, edit) = resumable {
            resumable = (scan, edit.then(replacing: range, count: text.count))
        }
        sincePublish.add(replacing: range, count: text.count)
        lineIndex.replace(range, with: text, in: &bytes)
        revision += 1
    }

    /// Replaces the whole text.
    mutating func replaceAll(with text: String) {
        bytes = Array(text.utf8)
        lineIndex = LineIndex(bytes)
        lastResult = nil
        resumable = nil
        sincePublish = .unknown
        revision += 1
    }

    /// Keeps what was just published.
    mutating func published(_ encodings: DiagnosticEncodings) {
        self.encodings = encodings
        sincePublish = .none
    }

    /// The document of the current text: resumed from the last lint's scan when only a span changed.
    func currentDocument() -> Document {
        if let result = lastResult, result.revision == revision, let kept = result.kept { return kept }
        if let (scan, edit) = resumable { return Document(sourceFile, resuming: scan, after: edit) }
        return Document(traced: sourceFile)
    }

    /// The document as the core sees it: its path, and the kind and comment
    /// syntax its language id implies (an `untitled:` document has no extension).
    /// A plain `javascript` or `typescript` id leaves a `.jsx`/`.tsx` file its JSX:
    /// Zed sends `javascript` for every file of its JavaScript language, `.jsx` included.
    var sourceFile: SourceFile {
        let path = URI.path(uri)
        let kind = FileKind(languageID: languageID)
        if kind == .script, FileKind(path: path) == .jsx { return SourceFile(path: path, bytes: bytes) }
        return SourceFile(path: path, bytes: bytes, kind: kind, commentSyntax: CommentSyntax(languageID: languageID))
    }
}

/// Diagnostics of one version of a document.
struct LintSnapshot {
    let version: Int
    let revision: Int
    let settingsGeneration: Int
    let diagnostics: [Diagnostic]
    let lineIndex: LineIndex
    /// The document as linted, when it is small: hover, completion and code actions
    /// read it instead of scanning the text once more per request.
    let kept: Document?
    /// Where no tag can be typed, for completion: built on the first request.
    var spans: MarkupSpans?
    var resultID: String { "\(version)-\(revision)-\(settingsGeneration)" }

    /// A document with more buttons than this is not kept: its model costs several
    /// times its text (a page of nothing but buttons, issue 15, defect 11), and the
    /// requests that need it are rare enough to scan it again.
    static let largestKept = 1_000

    init(version: Int, revision: Int, settingsGeneration: Int, diagnostics: [Diagnostic], lineIndex: LineIndex, document: Document) {
        self.version = version
        self.revision = revision
        self.settingsGeneration = settingsGeneration
        self.diagnostics = diagnostics
        self.lineIndex = lineIndex
        let tags = document.layers.reduce(0) { $0 + $1.buttons.count + $1.loaders.count }
        kept = tags <= LintSnapshot.largestKept ? document : nil
    }
}

struct DocumentStore {
    private(set) var documents: [String: OpenDocument] = [:]

    subscript(uri: String) -> OpenDocument? {
        get { documents[uri] }
        set { documents[uri] = newValue }
    }

    var uris: [String] { documents.keys.sorted() }

    mutating func open(_ item: TextDocumentItem) {
        documents[item.uri] = OpenDocument(uri: item.uri, languageID: item.languageID, version: item.version, bytes: Array(item.text.utf8))
    }

    mutating func close(_ uri: String) -> OpenDocument? { documents.removeValue(forKey: uri) }

    /// Applies edits in order, each against the text left by the one before.
    static func apply(_ changes: [ContentChange], to document: inout OpenDocument, encoding: PositionEncoding, log: (String) -> Void) {
        for change in changes {
            guard let range = change.range else {
                document.replaceAll(with: change.text)
                continue
            }
            let r = PositionConverter(index: document.lineIndex, encoding: encoding).range(range, onClamp: log)
            document.replace(r, with: change.text.utf8)
        }
    }
}
