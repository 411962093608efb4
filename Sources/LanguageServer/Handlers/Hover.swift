import AmoLint
import JSONValue
import LanguageServerProtocol

extension Server {
    /// `textDocument/hover` on a button's tag name, attribute name or value.
    func hover(_ params: JSON) throws -> JSON {
        let uri = try params.object("textDocument").string("uri")
        let position = try Position(json: params.object("position"))
        guard let document = documents[uri], let linted = snapshot(uri) else { return .null }
        let converter = PositionConverter(index: document.lineIndex, encoding: encoding)
        let offset = converter.offset(position) { log("hover: \($0)", type: MessageType.warning) }
        let parsed = parsed(linted, document)
        guard let (markdown, range) = HoverText.at(offset, in: parsed) else { return .null }
        return Hover(contents: MarkupContent(markdown: markdown), range: converter.range(range)).json
    }
}
