import JSONValue

/// Reading typed values out of request params. A wrong shape throws a message
/// naming the field, which the server answers as -32602 Invalid params.
public struct ParamsError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension JSON {
    public func required(_ key: String) throws(ParamsError) -> JSON {
        guard let object = objectValue else { throw ParamsError("expected an object, found \(typeName)") }
        guard let value = object[key], !value.isNull else { throw ParamsError("missing \"\(key)\"") }
        return value
    }

    public func string(_ key: String) throws(ParamsError) -> String {
        let value = try required(key)
        guard let s = value.stringValue else { throw ParamsError("\"\(key)\" must be a string, found \(value.typeName)") }
        return s
    }

    public func int(_ key: String) throws(ParamsError) -> Int {
        let value = try required(key)
        guard let i = value.intValue else { throw ParamsError("\"\(key)\" must be an integer, found \(value.typeName)") }
        return i
    }

    public func array(_ key: String) throws(ParamsError) -> [JSON] {
        let value = try required(key)
        guard let a = value.arrayValue else { throw ParamsError("\"\(key)\" must be an array, found \(value.typeName)") }
        return a
    }

    public func object(_ key: String) throws(ParamsError) -> JSON {
        let value = try required(key)
        guard case .object = value else { throw ParamsError("\"\(key)\" must be an object, found \(value.typeName)") }
        return value
    }
}
