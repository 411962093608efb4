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

    /// The edit behind "Disable <rule> for this file": an `amolint-disable <rule>`
    /// with no `enable`, at the top, in the syntax that holds there: after a
    /// doctype, inside a leading PHP block (as a PHP comment), or in JavaScript.
    package static func fileEdits(rule: String, in document: Document, lineIndex: LineIndex) -> [TextEdit] {
        let bytes = document.file.bytes
        let directive = "amolint-disable \(rule) -- for this file"
        var at = 0
        // Past a byte-order mark, a shebang or a doctype: they must stay first.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        let head = String(decoding: bytes[at..<min(bytes.count, at + 16)], as: UTF8.self).lowercased()
        if head.hasPrefix("#!") || head.hasPrefix("<!doctype") {
            at = lineIndex.lineStarts.count > 1 ? lineIndex.lineStarts[min(lineIndex.line(ofByte: at) + 1, lineIndex.lineStarts.count - 1)] : bytes.count
            if at == bytes.count { return [TextEdit(range: at..<at, newText: "\n" + document.file.commentSyntax.wrap(directive))] }
        }
        let regions = document.codeRegions.isEmpty ? CodeRegion.regions(in: document.file) : document.codeRegions
        if let code = regions.first(where: { $0.range.lowerBound <= at + 6 && at < $0.range.upperBound }), !code.isInsideJSX(at) {
            // A leading PHP block (`<?php` then code) or a script file: a line comment on the first code line.
            guard code.range.lowerBound > at else {
                return [TextEdit(range: at..<at, newText: CommentSyntax.line.wrap(directive) + "\n")]
            }
            let line = lineIndex.line(ofByte: code.range.lowerBound)
            let next = line + 1 < lineIndex.lineStarts.count ? lineIndex.lineStarts[line + 1] : bytes.count
            // Only while the block is still open on the next line; else a comment there would be page text.
            if next < code.range.upperBound, !code.isInsideLiteral(next) {
                return [TextEdit(range: next..<next, newText: CommentSyntax.line.wrap(directive) + "\n")]
            }
        }
        return [TextEdit(range: at..<at, newText: document.file.commentSyntax.wrap(directive) + "\n")]
    }

    private static func indentation(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, bytes[end] == Byte.space || bytes[end] == Byte.tab { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
