import JSONValue

// The messages amolint sends, as small typed values: a handler fills in fields,
// and the shape on the wire is decided here, once.

public enum CompletionItemKind {
    public static let property = 10, value = 12, snippet = 15
}

public enum InsertTextFormat {
    public static let plainText = 1, snippet = 2
}

public enum TraceValue: String, Sendable {
    case off, messages, verbose
}

public enum MarkupKind {
    public static let markdown = "markdown", plainText = "plaintext"
}

public struct LSPTextEdit: Sendable {
    public var range: LSPRange
    public var newText: String
    public init(range: LSPRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    public var json: JSON { ["range": range.json, "newText": .string(newText)] }
}

public struct MarkupContent: Sendable {
    public var kind: String
    public var value: String
    public init(markdown: String) {
        kind = MarkupKind.markdown
        value = markdown
    }

    public var json: JSON { ["kind": .string(kind), "value": .string(value)] }
}

public struct LSPDiagnostic: Sendable {
    public struct Related: Sendable {
        public var uri: String
        public var range: LSPRange
        public var message: String
        public init(uri: String, range: LSPRange, message: String) {
            self.uri = uri
            self.range = range
            self.message = message
        }
    }

    public var range: LSPRange
    public var severity: Int
    public var code: String
    public var source = "amolint"
    public var message: String
    public var codeDescription: String?
    public var unnecessary = false
    public var related: [Related] = []
    /// Server data a client hands back with code action requests.
    public var data: JSON?

    public init(range: LSPRange, severity: Int, code: String, message: String) {
        self.range = range
        self.severity = severity
        self.code = code
        self.message = message
    }

    public var json: JSON {
        var object: [String: JSON] = [
            "range": range.json, "severity": .int(severity), "code": .string(code), "source": .string(source), "message": .string(message),
        ]
        if let codeDescription { object["codeDescription"] = ["href": .string(codeDescription)] }
        if unnecessary { object["tags"] = [.int(DiagnosticTag.unnecessary)] }
        if !related.isEmpty {
            object["relatedInformation"] = .array(related.map {
                ["location": ["uri": .string($0.uri), "range": $0.range.json], "message": .string($0.message)]
            })
        }
        if let data { object["data"] = data }
        return .object(object)
    }
}

public struct PublishDiagnosticsParams: Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [JSON]
    public init(uri: String, version: Int?, diagnostics: [JSON]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }

    public var json: JSON {
        var object: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { object["version"] = .int(version) }
        return .object(object)
    }
}

/// `textDocument/diagnostic`'s answer.
public enum DocumentDiagnosticReport: Sendable {
    case full(resultID: String?, items: [JSON])
    case unchanged(resultID: String)

    public var json: JSON {
        switch self {
        case .full(let id, let items):
            var object: [String: JSON] = ["kind": "full", "items": .array(items)]
            if let id { object["resultId"] = .string(id) }
            return .object(object)
        case .unchanged(let id):
            return ["kind": "unchanged", "resultId": .string(id)]
        }
    }
}

public struct Hover: Sendable {
    public var contents: MarkupContent
    public var range: LSPRange
    public init(contents: MarkupContent, range: LSPRange) {
        self.contents = contents
        self.range = range
    }

    public var json: JSON { ["contents": contents.json, "range": range.json] }
}

public struct CompletionItem: Sendable {
    public var label: String
    public var kind: Int
    public var detail: String
    public var documentation: MarkupContent
    public var sortText: String
    public var filterText: String
    public var insertTextFormat: Int
    public var textEdit: LSPTextEdit

    public init(label: String, kind: Int, detail: String, documentation: MarkupContent, sortText: String, filterText: String,
                insertTextFormat: Int, textEdit: LSPTextEdit)
    {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.sortText = sortText
        self.filterText = filterText
        self.insertTextFormat = insertTextFormat
        self.textEdit = textEdit
    }

    public var json: JSON {
        ["label": .string(label), "kind": .int(kind), "detail": .string(detail), "documentation": documentation.json,
         "sortText": .string(sortText), "filterText": .string(filterText), "insertTextFormat": .int(insertTextFormat),
         "textEdit": textEdit.json]
    }
}

/// Edits of one document, as `documentChanges` (versioned) or `changes`.
public struct WorkspaceEdit: Sendable {
    public var uri: String
    public var version: Int
    public var edits: [LSPTextEdit]
    public var versioned: Bool
    public init(uri: String, version: Int, edits: [LSPTextEdit], versioned: Bool) {
        self.uri = uri
        self.version = version
        self.edits = edits
        self.versioned = versioned
    }

    public var json: JSON {
        let list = JSON.array(edits.map(\.json))
        if versioned {
            return ["documentChanges": [["textDocument": ["uri": .string(uri), "version": .int(version)], "edits": list]]]
        }
        return ["changes": .object([uri: list])]
    }
}

public struct Command: Sendable {
    public var title: String
    public var command: String
    public var arguments: [JSON]
    public init(title: String, command: String, arguments: [JSON]) {
        self.title = title
        self.command = command
        self.arguments = arguments
    }

    public var json: JSON { ["title": .string(title), "command": .string(command), "arguments": .array(arguments)] }
}

public struct CodeAction: Sendable {
    public var title: String
    public var kind: String
    public var diagnostics: [JSON]?
    public var isPreferred: Bool
    /// Nil when the edit is computed on `codeAction/resolve`, or the action runs a command.
    public var edit: WorkspaceEdit?
    public var command: Command?
    /// Handed back on `codeAction/resolve`.
    public var data: JSON?
    public init(title: String, kind: String, diagnostics: [JSON]?, isPreferred: Bool, edit: WorkspaceEdit?,
                command: Command? = nil, data: JSON? = nil)
    {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
        self.command = command
        self.data = data
    }

    public var json: JSON {
        var object: [String: JSON] = ["title": .string(title), "kind": .string(kind)]
        if let edit { object["edit"] = edit.json }
        if let command { object["command"] = command.json }
        if let data { object["data"] = data }
        if let diagnostics { object["diagnostics"] = .array(diagnostics) }
        if isPreferred { object["isPreferred"] = true }
        return .object(object)
    }
}
