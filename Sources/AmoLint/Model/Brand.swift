/// The two brands of the same button: amoCRM (Russia) and Kommo (international).
public enum Brand: String, Sendable, CaseIterable, Comparable {
    case amocrm, kommo

    public var displayName: String { self == .amocrm ? "amoCRM" : "Kommo" }
    /// The class the brand's script selects: `.amocrm_oauth` / `.kommo_oauth`.
    public var className: String { self == .amocrm ? "amocrm_oauth" : "kommo_oauth" }
    /// The address to suggest when a script is missing.
    public var scriptAddress: String {
        self == .amocrm ? "https://www.amocrm.ru/auth/button.min.js" : "https://www.kommo.com/auth/button.js"
    }

    public static func < (a: Brand, b: Brand) -> Bool { a.rawValue < b.rawValue }

    static func fromClassToken(_ token: Substring) -> Brand? {
        if token == "amocrm_oauth" { return .amocrm }
        if token == "kommo_oauth" { return .kommo }
        return nil
    }
}

/// A button script address (`https://www.amocrm.ru/auth/button.min.js` …).
public struct ScriptAddress: Sendable, Equatable {
    public let brand: Brand
    /// Eight bytes in all: every loader and every button script holds one, and a page may hold
    /// hundreds of thousands (issue 15, defect 11).
    private let schemeCode: UInt8
    private let writtenSchemeLength: Int32
    private static let schemes = ["", "http", "https"]

    /// The literal scheme, lower-cased: `https`, `http`, or "" for `//host/…`.
    public var scheme: String { ScriptAddress.schemes[Int(schemeCode)] }
    /// Length of the scheme as written, for the `http:` → `https:` fix.
    public var schemeLength: Int { Int(writtenSchemeLength) }

    /// Recognises the addresses in real use: `(www.)amocrm.ru` or `(www.)kommo.com`,
    /// path `/auth/button.js` or `/auth/button.min.js`, any query (`?2`, `?v=1`).
    public init?(_ value: String) {
        var rest = Substring(value.trimmingWhitespace())
        var scheme = ""
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            scheme = rest[..<colon].lowercased()
            writtenSchemeLength = Int32(clamping: rest.distance(from: rest.startIndex, to: colon))
            rest = rest[rest.index(colon, offsetBy: 3)...]
        } else if rest.hasPrefix("//") {
            writtenSchemeLength = 0
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        guard let code = ScriptAddress.schemes.firstIndex(of: scheme) else { return nil }
        let pathStart = rest.firstIndex(where: { $0 == "/" }) ?? rest.endIndex
        var host = rest[..<pathStart].lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        var path = rest[pathStart...]
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        guard path.lowercased() == "/auth/button.js" || path.lowercased() == "/auth/button.min.js" else { return nil }
        switch host {
        case "amocrm.ru", "www.amocrm.ru": brand = .amocrm
        case "kommo.com", "www.kommo.com": brand = .kommo
        default: return nil
        }
        schemeCode = UInt8(code)
    }
}
