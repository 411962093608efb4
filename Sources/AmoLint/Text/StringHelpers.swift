/// String helpers shared by the core, the command line and the server (the
/// core has no Foundation).
extension StringProtocol {
    /// Without leading and trailing white space (Unicode's, as `Character.isWhitespace`).
    func trimmingWhitespace() -> SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}

extension String {
    /// Every occurrence of `target` replaced, matched scalar by scalar (so `\r`
    /// is found inside a `\r\n`, which is one Character).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.unicodeScalars)
        guard let first = needle.first, unicodeScalars.contains(first) else { return self }
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == first, i + needle.count <= scalars.count, scalars[i..<i + needle.count].elementsEqual(needle) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += needle.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
