import AmoLint
import LanguageServerProtocol

/// An open document: its text as the client has it, and what was last reported.
struct OpenDocument {
    let uri: String
    let languageID: String
    var version: Int
    var bytes: [UInt8]
    /// Counts changes; unlike `version` it always increases, so caches key on it.
    var revision = 0
    /// Needs linting (push mode).
    var dirty = true
    /// Diagnostics of the last lint, for code actions and pull.
    var lastResult: LintSnapshot?

    /// The line index of the current text: the last lint's when it is current,
    /// so an edit does not scan the document once more.
    var lineIndex: LineIndex {
        if let result = lastResult, result.revision == revision { return result.lineIndex }
        return LineIndex(bytes)
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
    static func apply(_ changes: [ContentChange], to document: OpenDocument, encoding: PositionEncoding, log: (String) -> Void) -> [UInt8] {
        var bytes = document.bytes
        var index: LineIndex? = document.lineIndex
        for change in changes {
            guard let range = change.range else {
                bytes = Array(change.text.utf8)
                index = nil
                continue
            }
            let converter = PositionConverter(index: index ?? LineIndex(bytes), encoding: encoding)
            index = nil
            let r = converter.range(range, onClamp: log)
            bytes.replaceSubrange(r, with: change.text.utf8)
        }
        return bytes
    }
}
