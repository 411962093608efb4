import JSONValue

/// LSP error codes beyond JSON-RPC's.
public enum LSPErrorCode {
    public static let serverNotInitialized = -32002
    public static let requestCancelled = -32800
    public static let contentModified = -32801
}

public struct Position: Equatable, Sendable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public init(json: JSON) throws(ParamsError) {
        line = try json.int("line")
        character = try json.int("character")
    }

    public var json: JSON { ["line": .int(line), "character": .int(character)] }
}

public struct LSPRange: Equatable, Sendable {
    public var start: Position
    public var end: Position
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public init(json: JSON) throws(ParamsError) {
        start = try Position(json: json.object("start"))
        end = try Position(json: json.object("end"))
    }

    public var json: JSON { ["start": start.json, "end": end.json] }
}

public struct TextDocumentItem: Sendable {
    public let uri: String
    public let languageID: String
    public let version: Int
    public let text: String

    public init(json: JSON) throws(ParamsError) {
        uri = try json.string("uri")
        languageID = json["languageId"]?.stringValue ?? ""
        version = try json.int("version")
        text = try json.string("text")
    }
}

/// One entry of `didChange`'s `contentChanges`: a range edit, or the whole text.
public struct ContentChange: Sendable {
    public let range: LSPRange?
    public let text: String

    public init(json: JSON) throws(ParamsError) {
        text = try json.string("text")
        if let range = json["range"], !range.isNull { self.range = try LSPRange(json: range) } else { range = nil }
    }
}

public enum DiagnosticTag {
    public static let unnecessary = 1
    public static let deprecated = 2
}

public enum MessageType {
    public static let error = 1, warning = 2, info = 3, log = 4
}

public enum TextDocumentSyncKind {
    public static let none = 0, full = 1, incremental = 2
}
