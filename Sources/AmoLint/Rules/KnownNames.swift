/// The attribute names the rules ask for, numbered: the attribute table's, in
/// its order, then `class` and `classname`. A button's attributes are numbered
/// once, by bytes, so rules find them without hashing a `String` per question.
enum KnownName {
    static let names: [String] = AttributeTable.all.map(\.name) + ["class", "classname"]
    static let tableCount = AttributeTable.all.count
    static let `class` = tableCount, className = tableCount + 1
    static let count = names.count

    /// Each name as its first and last eight bytes (zero-padded under eight; together the
    /// whole name up to sixteen), sorted by length: a question is one or two word loads and
    /// a comparison per name of its length, not an array of arrays and a loop of bytes.
    private struct Words { let first: UInt64, last: UInt64, number: Int }
    private static let words: [Words] = names.indices.sorted { (names[$0].utf8.count, $0) < (names[$1].utf8.count, $1) }.map { k in
        Array(names[k].utf8).withUnsafeBufferPointer { let (first, last) = wordsOf($0); return Words(first: first, last: last, number: k) }
    }
    /// `words[starts[n]..<starts[n + 1]]`: the names of `n` bytes.
    private static let starts: [Int] = (0...((names.map(\.utf8.count).max() ?? 0) + 1)).map { n in words.firstIndex { names[$0.number].utf8.count >= n } ?? words.count }
    private static let bytes: [[UInt8]] = names.map { Array($0.utf8) }

    @inline(__always)
    private static func wordsOf(_ name: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = name.count
        if n >= 8, let base = name.baseAddress {
            let raw = UnsafeRawPointer(base)
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        }
        var w: UInt64 = 0
        for k in 0..<n { w |= UInt64(name[k]) << UInt64(8 * k) }
        return (w, w)
    }

    /// Each table entry's number, by name.
    private static let numbers: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    /// The number of a lower-cased attribute name, or nil. Every known name is
    /// ASCII letters, `-` and `_`, which no other scalars are canonically
    /// equivalent to, so comparing bytes is `String ==`.
    static func number(of name: String) -> Int? {
        if let n = name.utf8.withContiguousStorageIfAvailable({ number(of: $0) }) { return n }
        return Array(name.utf8).withUnsafeBufferPointer { number(of: $0) }
    }

    static func number(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = name.count
        guard n + 1 < starts.count else { return nil }
        let candidates = starts[n]..<starts[n + 1]
        // No name of this length (most unknown ones): nothing to load.
        guard !candidates.isEmpty else { return nil }
        let (first, last) = wordsOf(name)
        for k in candidates where words[k].first == first && words[k].last == last {
            // Up to sixteen bytes the two words are the whole name.
            if n <= 16 || bytes[words[k].number].withUnsafeBufferPointer({ Attribute.sameBytes($0, name) }) { return words[k].number }
        }
        return nil
    }

    /// The plain look-up: every name's bytes compared (tests compare the two).
    static func numberPlain(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.firstIndex { $0.withUnsafeBufferPointer { Attribute.sameBytes($0, name) } }
    }

    /// A name's fact as `ButtonContext` keeps it: the number plus one in the low five
    /// bits, and `dataFlag` for a table name or another name starting with `data-`.
    static func fact(_ k: Int?, isData: Bool) -> UInt8 {
        if let k { return UInt8(k + 1) | (k < tableCount ? dataFlag : 0) }
        return isData ? dataFlag : 0
    }
    static let dataFlag: UInt8 = 0x20, numberMask: UInt8 = 0x1F
    /// Set by the button beside a fact: the name is written with the bytes of the attribute
    /// before's, so it is the same name (`AttributeChecks.classify` compares it with nothing).
    static let repeatFlag: UInt8 = 0x40

    /// `ASCII.hasDataPrefix` of a name's bytes.
    static func hasDataPrefix(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count >= 5, u[0] == 0x64, u[1] == 0x61, u[2] == 0x74, u[3] == 0x61, u[4] == Byte.dash else { return false }
        // A non-ASCII scalar right after `-` may extend it into another Character.
        return u.count == 5 || u[5] < 0x80 ? true : ASCII.hasDataPrefix(String(decoding: u, as: UTF8.self))
    }

    /// The number of a name written in rule code (an `AttributeName` constant).
    static func constant(_ name: String) -> Int? { numbers[name] }

    /// The table entry of a number below `tableCount`.
    static func spec(_ k: Int) -> AttributeSpec { AttributeTable.all[k] }

    /// What the checks ask of each table entry, by number, without copying the entry.
    static let isURI = AttributeTable.all.map(\.isURI)
    static let isMetadata = AttributeTable.all.map(\.isMetadata)
    static let placeholder = AttributeTable.all.map(\.placeholder)
    static let maxLength = AttributeTable.all.map(\.maxLength)
    static let values = AttributeTable.all.map(\.values)

    /// Whether the brand's script reads the entry.
    static func isRead(_ k: Int, by brand: Brand) -> Bool { brand == .amocrm ? readByAmoCRM[k] : readByKommo[k] }
    private static let readByAmoCRM = AttributeTable.all.map { $0.brands.contains(.amocrm) }
    private static let readByKommo = AttributeTable.all.map { $0.brands.contains(.kommo) }

    static let clientID = constant(AttributeName.clientID)!
    static let redirectURI = constant(AttributeName.redirectURI)!
    static let secretsURI = constant(AttributeName.secretsURI)!
    static let logo = constant(AttributeName.logo)!
    static let scopes = constant(AttributeName.scopes)!
    static let title = constant(AttributeName.title)!
    static let compact = constant(AttributeName.compact)!
    static let color = constant(AttributeName.color)!
    static let theme = constant(AttributeName.theme)!
    static let locale = constant(AttributeName.locale)!
    static let mode = constant(AttributeName.mode)!
    static let state = constant(AttributeName.state)!
    static let errorCallback = constant(AttributeName.errorCallback)!
}
