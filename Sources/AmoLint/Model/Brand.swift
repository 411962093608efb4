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

    /// `init?(_:)` for a value that is all ASCII, by its bytes: every button script's `src`
    /// (the `String` one cost 20,000 instructions a button). In ASCII each byte but `\r\n`
    /// is a Character and lower-casing is per byte, so this decides what the other does.
    init?(ascii u: UnsafeBufferPointer<UInt8>) {
        var lo = 0, hi = u.count
        while lo < hi, ASCII.isWhitespace(u[lo]) { lo += 1 }
        while hi > lo, ASCII.isWhitespace(u[hi - 1]) { hi -= 1 }
        var rest: Int
        var colon = lo
        while colon < hi, u[colon] != Byte.colon { colon += 1 }
        if colon + 2 < hi, u[colon + 1] == Byte.slash, u[colon + 2] == Byte.slash {
            let scheme = UnsafeBufferPointer(rebasing: u[lo..<colon])
            if scheme.isEmpty {
                schemeCode = 0
            } else if ScriptAddress.equalsLower(scheme, "http") {
                schemeCode = 1
            } else if ScriptAddress.equalsLower(scheme, "https") {
                schemeCode = 2
            } else {
                return nil
            }
            writtenSchemeLength = Int32(clamping: colon - lo)
            rest = colon + 3
        } else if hi - lo >= 2, u[lo] == Byte.slash, u[lo + 1] == Byte.slash {
            schemeCode = 0
            writtenSchemeLength = 0
            rest = lo + 2
        } else {
            return nil
        }
        var pathStart = rest
        while pathStart < hi, u[pathStart] != Byte.slash { pathStart += 1 }
        var pathEnd = pathStart
        while pathEnd < hi, u[pathEnd] != Byte.question, u[pathEnd] != Byte.hash { pathEnd += 1 }
        let path = UnsafeBufferPointer(rebasing: u[pathStart..<pathEnd])
        guard ScriptAddress.equalsLower(path, "/auth/button.js") || ScriptAddress.equalsLower(path, "/auth/button.min.js") else { return nil }
        var hostEnd = pathStart
        if hostEnd > rest, u[hostEnd - 1] == Byte.dot { hostEnd -= 1 }
        let host = UnsafeBufferPointer(rebasing: u[rest..<hostEnd])
        if ScriptAddress.equalsLower(host, "amocrm.ru") || ScriptAddress.equalsLower(host, "www.amocrm.ru") {
            brand = .amocrm
        } else if ScriptAddress.equalsLower(host, "kommo.com") || ScriptAddress.equalsLower(host, "www.kommo.com") {
            brand = .kommo
        } else {
            return nil
        }
    }

    /// ASCII bytes lower-cased equal a lower-case literal.
    private static func equalsLower(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        guard bytes.count == lower.utf8CodeUnitCount else { return false }
        for k in 0..<bytes.count where Byte.lower(bytes[k]) != lower.utf8Start[k] { return false }
        return true
    }

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
