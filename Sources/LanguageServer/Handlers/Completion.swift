import AmoLint
import JSONValue
import LanguageServerProtocol

extension Server {
    static let completionTriggers = ["\"", "'", ",", "-", " ", "<"]

    /// `textDocument/completion`: attribute names in a button tag, allowed values
    /// in a value, a whole button tag in text.
    func completion(_ params: JSON) throws -> JSON {
        let uri = try params.object("textDocument").string("uri")
        let position = try Position(json: params.object("position"))
        guard let document = documents[uri], let linted = snapshot(uri) else { return [] }
        let converter = PositionConverter(index: document.lineIndex, encoding: encoding)
        let offset = converter.offset(position) { log("completion: \($0)", type: MessageType.warning) }
        let parsed = parsed(linted, document)
        let spans = linted.spans ?? MarkupSpans(parsed)
        if linted.spans == nil { documents[uri]?.lastResult?.spans = spans }
        var candidates = Completions.at(offset, in: parsed, spans: spans)
        // Typing a space or a quote in running text is no request for a whole button tag.
        let trigger = params.at("context", "triggerCharacter")?.stringValue
        if let trigger, trigger != "<", candidates.first?.kind == .snippet { candidates = [] }
        let snippets = clientSupports("textDocument", "completion", "completionItem", "snippetSupport")
        let items: [JSON] = candidates.enumerated().map { (i, c) in
            let kind = c.kind == .attribute ? CompletionItemKind.property : c.kind == .value ? CompletionItemKind.value : CompletionItemKind.snippet
            return CompletionItem(label: c.label, kind: kind, detail: c.detail, documentation: MarkupContent(markdown: c.documentation),
                                  sortText: Server.sortKey(i), filterText: c.kind == .snippet ? "<" + c.label : c.label,
                                  insertTextFormat: snippets ? InsertTextFormat.snippet : InsertTextFormat.plainText,
                                  textEdit: LSPTextEdit(range: converter.range(c.replace), newText: snippets ? c.snippet : c.plainText)).json
        }
        return ["isIncomplete": false, "items": .array(items)]
    }
}

extension Server {
    /// Zero-padded, so clients keep the table's order.
    static func sortKey(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
