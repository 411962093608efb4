/// ASCII byte constants and classes used by the scanner and the rules.
enum Byte {
    static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, formFeed: UInt8 = 0x0C, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let bang: UInt8 = 0x21, quote: UInt8 = 0x22, hash: UInt8 = 0x23, dollar: UInt8 = 0x24, percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26, apostrophe: UInt8 = 0x27, lparen: UInt8 = 0x28, rparen: UInt8 = 0x29
    static let star: UInt8 = 0x2A, plus: UInt8 = 0x2B, comma: UInt8 = 0x2C, dash: UInt8 = 0x2D, dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F, colon: UInt8 = 0x3A, semicolon: UInt8 = 0x3B, lt: UInt8 = 0x3C, equals: UInt8 = 0x3D
    static let gt: UInt8 = 0x3E, question: UInt8 = 0x3F, at: UInt8 = 0x40, lbracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C
    static let rbracket: UInt8 = 0x5D, underscore: UInt8 = 0x5F, backtick: UInt8 = 0x60, lbrace: UInt8 = 0x7B, pipe: UInt8 = 0x7C
    static let rbrace: UInt8 = 0x7D, tilde: UInt8 = 0x7E

    /// Bit `b` set for each byte `b` below 64 that is HTML white space.
    private static let spaceBits: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0D | 1 << 0x0C
    /// White space, `/` and `>`: where a tag name stops.
    private static let tagNameStopBits: UInt64 = spaceBits | 1 << 0x2F | 1 << 0x3E
    /// White space, `/`, `>` and `=`: where an attribute name stops.
    private static let nameStopBits: UInt64 = tagNameStopBits | 1 << 0x3D

    // One shift and test instead of a chain of comparisons: these run for every byte of a tag.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b < 64 && (spaceBits >> b) & 1 != 0
    }

    /// White space, `/` or `>`.
    @inline(__always) static func isTagNameStop(_ b: UInt8) -> Bool {
        b < 64 && (tagNameStopBits >> b) & 1 != 0
    }

    /// White space, `/`, `>` or `=`.
    @inline(__always) static func isNameStop(_ b: UInt8) -> Bool {
        b < 64 && (nameStopBits >> b) & 1 != 0
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func isIdentifier(_ b: UInt8) -> Bool {
        isLetter(b) || isDigit(b) || b == underscore || b == dollar || b >= 0x80
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
}
