/// HTML character references, decoded as a browser decodes them in attribute
/// values. The named table holds the references that turn up in URLs, titles
/// and scope lists, not all 2,231 of the HTML standard: an unknown name is left
/// as written, which is also what a browser does for a name it lacks.
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "sol": "/", "colon": ":", "num": "#", "plus": "+", "equals": "=", "quest": "?", "period": ".",
        "lowbar": "_", "excl": "!", "commat": "@", "percnt": "%", "lpar": "(", "rpar": ")", "ast": "*",
        "comma": ",", "semi": ";", "dollar": "$", "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}",
        "verbar": "|", "bsol": "\\", "grave": "`", "Hat": "^", "Tab": "\t", "NewLine": "\n",
        "hyphen": "\u{2010}", "dash": "\u{2010}", "minus": "\u{2212}", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "laquo": "«", "raquo": "»", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bdquo": "\u{201E}", "hellip": "…", "bull": "•", "middot": "·", "copy": "©",
        "reg": "®", "trade": "™", "shy": "\u{AD}", "deg": "°", "times": "×", "euro": "€", "rarr": "→",
    ]
    /// Names a browser also decodes without the `;` (legacy), when not followed
    /// by an alphanumeric or `=` inside an attribute value.
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "laquo", "raquo", "deg", "times"]

    /// Tries to decode a reference starting at `bytes[start] == "&"` and ending
    /// before `end`. Returns the decoded text and the index after the reference.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (String, Int)? {
        var p = start + 1
        guard p < end else { return nil }
        if bytes[p] == Byte.hash {
            p += 1
            var hex = false
            if p < end, bytes[p] | 0x20 == 0x78 { hex = true; p += 1 }
            let digitsStart = p
            var value: UInt32 = 0
            while p < end {
                let b = bytes[p]
                let digit: UInt32
                if Byte.isDigit(b) { digit = UInt32(b - 0x30) }
                else if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 { digit = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                p += 1
            }
            guard p > digitsStart else { return nil }
            if p < end, bytes[p] == Byte.semicolon { p += 1 }
            let scalar = (value == 0 || (0xD800...0xDFFF).contains(value)) ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), p)
        }
        let nameStart = p
        while p < end, p - nameStart < 32, Byte.isLetter(bytes[p]) || Byte.isDigit(bytes[p]) { p += 1 }
        guard p > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<p]), as: UTF8.self)
        if p < end, bytes[p] == Byte.semicolon, let text = named[name] { return (text, p + 1) }
        if legacy.contains(name), let text = named[name] {
            if p < end, Byte.isLetter(bytes[p]) || Byte.isDigit(bytes[p]) || bytes[p] == Byte.equals { return nil }
            return (text, p)
        }
        return nil
    }
}
