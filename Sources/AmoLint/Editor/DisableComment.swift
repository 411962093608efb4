/// The edit behind "Disable <rule> for this line": a suppression comment in the
/// file's own comment syntax, with the line's indentation. Inside a multi-line
/// HTML tag a comment cannot stand between attributes, so there the tag is
/// wrapped in `amolint-disable` / `amolint-enable` instead.
package enum DisableComment {
    package static func edits(rule: String, at offset: Int, in document: Document, lineIndex: LineIndex) -> [TextEdit] {
        let bytes = document.file.bytes
        let syntax = document.file.commentSyntax
        let line = lineIndex.line(ofByte: offset)
        let lineStart = lineIndex.lineStarts[line]
        if let code = document.codeRegion(at: lineStart), !(code.isInsideJSX(lineStart)) {
            // In PHP or JavaScript code: a line comment, unless the line starts inside a string.
            guard !code.isInsideLiteral(lineStart) else { return [] }
            let indent = indentation(bytes, from: lineStart)
            return [TextEdit(range: lineStart..<lineStart, newText: indent + CommentSyntax.line.wrap("amolint-disable-next-line \(rule)") + "\n")]
        }
        let insideTag = (document.buttons.map(\.range) + document.loaders.map(\.range))
            .first { $0.lowerBound < lineStart && lineStart < $0.upperBound }
        if syntax == .html, let tag = insideTag {
            let tagLine = lineIndex.line(ofByte: tag.lowerBound)
            let tagLineStart = lineIndex.lineStarts[tagLine]
            let indent = indentation(bytes, from: tagLineStart)
            let endLine = lineIndex.line(ofByte: tag.upperBound - 1)
            let endOfTagLine = lineIndex.contentEnd(ofLine: endLine)
            return [
                TextEdit(range: tagLineStart..<tagLineStart, newText: indent + syntax.wrap("amolint-disable \(rule)") + "\n"),
                TextEdit(range: endOfTagLine..<endOfTagLine, newText: "\n" + indent + syntax.wrap("amolint-enable \(rule)")),
            ]
        }
        let indent = indentation(bytes, from: lineStart)
        return [TextEdit(range: lineStart..<lineStart, newText: indent + syntax.wrap("amolint-disable-next-line \(rule)") + "\n")]
    }

    private static func indentation(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, bytes[end] == Byte.space || bytes[end] == Byte.tab { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
