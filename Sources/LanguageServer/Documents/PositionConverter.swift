import AmoLint
import LanguageServerProtocol

/// The one place where LSP positions become byte offsets and back, in the
/// position encoding negotiated at `initialize`. Positions outside the text are
/// clamped (and reported through `onClamp`), never trapped.
struct PositionConverter {
    let index: LineIndex
    let encoding: PositionEncoding

    func offset(_ p: Position, onClamp: (String) -> Void = { _ in }) -> Int {
        let (offset, clamped) = index.byteOffset(of: LinePosition(line: p.line, character: p.character), encoding: encoding)
        if clamped { onClamp("position \(p.line):\(p.character) is outside the document; clamped") }
        return offset
    }

    func range(_ r: LSPRange, onClamp: (String) -> Void = { _ in }) -> Range<Int> {
        let lo = offset(r.start, onClamp: onClamp), hi = offset(r.end, onClamp: onClamp)
        return min(lo, hi)..<max(lo, hi)
    }

    func position(_ offset: Int) -> Position {
        let p = index.position(ofByte: offset, encoding: encoding)
        return Position(line: p.line, character: p.character)
    }

    func range(_ r: Range<Int>) -> LSPRange {
        LSPRange(start: position(r.lowerBound), end: position(r.upperBound))
    }
}
