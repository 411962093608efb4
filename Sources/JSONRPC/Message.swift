import JSONValue

/// JSON-RPC 2.0 error codes (the LSP-specific ones live with the LSP types).
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
}

public struct ResponseError: Error, Equatable, Sendable {
    public let code: Int
    public let message: String
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: ErrorCode.invalidParams, message: message) }
}

/// A request id: a number or a string (JSON-RPC allows both).
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init?(_ json: JSON) {
        if let i = json.intValue, case .int = json { self = .number(i) }
        else if let s = json.stringValue { self = .string(s) }
        else { return nil }
    }

    public var json: JSON {
        switch self {
        case .number(let i): return .int(i)
        case .string(let s): return .string(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// One incoming JSON-RPC message.
public enum Message: Sendable {
    case request(id: RequestID, method: String, params: JSON)
    case notification(method: String, params: JSON)
    case response(id: RequestID, result: JSON?, error: JSON?)

    /// Decodes a message body. The error carries the id to answer with (nil: `null`).
    public static func decode(_ body: [UInt8]) -> Result<Message, MessageError> {
        let json: JSON
        do { json = try JSON.parse(body) } catch {
            return .failure(MessageError(id: nil, error: ResponseError(code: ErrorCode.parseError, message: "Parse error: \(error)")))
        }
        guard let object = json.objectValue else {
            return .failure(MessageError(id: nil, error: ResponseError(code: ErrorCode.invalidRequest, message: "Invalid Request: expected an object, found \(json.typeName)")))
        }
        let rawID = object["id"]
        let id = rawID.flatMap(RequestID.init)
        guard object["jsonrpc"]?.stringValue == "2.0" else {
            return .failure(MessageError(id: id, error: ResponseError(code: ErrorCode.invalidRequest, message: "Invalid Request: \"jsonrpc\" must be \"2.0\"")))
        }
        if let rawID, !rawID.isNull, id == nil {
            return .failure(MessageError(id: nil, error: ResponseError(code: ErrorCode.invalidRequest, message: "Invalid Request: an id must be a number or a string")))
        }
        if let method = object["method"] {
            guard let name = method.stringValue else {
                return .failure(MessageError(id: id, error: ResponseError(code: ErrorCode.invalidRequest, message: "Invalid Request: \"method\" must be a string")))
            }
            let params = object["params"] ?? .null
            if case .string = params {
                return .failure(MessageError(id: id, error: ResponseError(code: ErrorCode.invalidParams, message: "Invalid params: must be an object or an array")))
            }
            if let id { return .success(.request(id: id, method: name, params: params)) }
            return .success(.notification(method: name, params: params))
        }
        if let id, object["result"] != nil || object["error"] != nil {
            return .success(.response(id: id, result: object["result"], error: object["error"]))
        }
        return .failure(MessageError(id: id, error: ResponseError(code: ErrorCode.invalidRequest, message: "Invalid Request: no method, result or error")))
    }
}

public struct MessageError: Error, Sendable {
    public let id: RequestID?
    public let error: ResponseError
}

/// Builds outgoing messages.
public enum Outgoing {
    public static func response(id: RequestID?, result: JSON) -> String {
        JSON.object(["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result]).serialized()
    }

    public static func error(id: RequestID?, _ error: ResponseError) -> String {
        JSON.object(["jsonrpc": "2.0", "id": id?.json ?? .null,
                     "error": ["code": .int(error.code), "message": .string(error.message)]]).serialized()
    }

    public static func notification(_ method: String, _ params: JSON) -> String {
        JSON.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).serialized()
    }

    public static func request(id: RequestID, _ method: String, _ params: JSON) -> String {
        JSON.object(["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]).serialized()
    }
}
