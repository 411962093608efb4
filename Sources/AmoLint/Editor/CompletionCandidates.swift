/// Completion candidates, independent of LSP: the server turns them into
/// CompletionItems. Everything comes from the attribute table.
package struct CompletionCandidate: Sendable, Equatable {
    package enum Kind: Sendable { case attribute, value, snippet }
    package let label: String
    package let kind: Kind
    /// Snippet text (`$1`, `${1:…}`, `${1|a,b|}` placeholders).
    package let snippet: String
    /// The same without placeholders, for clients without snippet support.
    package let plainText: String
    package let detail: String
    package let documentation: String
    package let replace: Range<Int>
}

package enum Completions {
    package static func at(_ offset: Int, in document: Document, spans: MarkupSpans? = nil) -> [CompletionCandidate] {
        switch CursorContext.at(offset, in: document, spans: spans ?? MarkupSpans(document)) {
        case .attributeName(let button, let current, let replace):
            // Right after a closing quote (`data-mode="popup"|`) the new attribute needs a space before it.
            let at = replace.lowerBound
            let glued = at > 0 && at <= document.file.bytes.count
                && [Byte.quote, Byte.apostrophe, Byte.rbrace].contains(document.file.bytes[at - 1])
            return attributeNames(button, current: current, replace: replace, separator: glued ? " " : "")
        case .attributeValue(let button, let a, let replace):
            return values(button, a, replace: replace, document: document)
        case .text(let replace):
            return tagSnippets(document.file, replace: replace)
        case .tagName, .elsewhere:
            return []
        }
    }

    static func attributeNames(_ button: Button, current: Attribute?, replace: Range<Int>, separator: String = "") -> [CompletionCandidate] {
        let present = Set(button.attributes.filter { $0.raw.nameRange != current?.nameRange }.map(\.name))
        let hasClientID = present.contains(AttributeName.clientID)
        return AttributeTable.specs(for: button.brand).filter { !present.contains($0.name) }
            // With a client id the metadata is ignored: do not suggest it.
            .filter { !(hasClientID && $0.isMetadata) }
            .map { spec in
                let choices = spec.name == AttributeName.scopes ? "" : spec.values.joined(separator: ",")
                let placeholder = choices.isEmpty ? "$1" : "${1|\(choices)|}"
                return CompletionCandidate(
                    label: spec.name, kind: .attribute, snippet: "\(separator)\(spec.name)=\"\(placeholder)\"$0",
                    plainText: "\(separator)\(spec.name)=\"\"", detail: spec.summary,
                    documentation: HoverText.attribute(fakeAttribute(spec.name), button) ?? spec.summary, replace: replace)
            }
    }

    static func values(_ button: Button, _ a: Attribute, replace: Range<Int>, document: Document) -> [CompletionCandidate] {
        guard let spec = AttributeTable.spec(a.name), spec.brands.contains(button.brand), !spec.values.isEmpty else { return [] }
        var values = spec.values
        if spec.name == AttributeName.scopes {
            let listed = Set((a.value?.text ?? "").split(separator: ",").map { String($0.trimmingWhitespace()) })
            let current = String(decoding: document.file.bytes[replace], as: UTF8.self).trimmingWhitespace()
            values = (AttributeTable.documentedScopes + AttributeTable.undocumentedScopes).filter { !listed.contains($0) || $0 == current }
        }
        return values.map { value in
            let detail = spec.defaultValue == value ? "default" : AttributeTable.undocumentedScopes.contains(value) ? "token scope, not documented for the button" : ""
            return CompletionCandidate(label: value, kind: .value, snippet: value, plainText: value, detail: detail,
                                       documentation: "`\(spec.name)=\"\(value)\"`", replace: replace)
        }
    }

    /// A whole, correct button tag per brand and variant. In components (JSX,
    /// Vue) a `<script>` would never run, so the snippet is a `<div>` and the page
    /// loads the script.
    static func tagSnippets(_ file: SourceFile, replace: Range<Int>) -> [CompletionCandidate] {
        let lower = file.path.lowercased()
        let component = file.dialect == .jsx || lower.hasSuffix(".vue")
        let element = component ? "div" : "script"
        let classAttribute = file.dialect == .jsx ? "className" : "class"
        var out: [CompletionCandidate] = []
        for brand in Brand.allCases {
            let colour = brand == .amocrm ? "data-color=\"${5|default,blue,violet,green,orange,red|}\"" : "data-theme=\"${5|light,dark|}\""
            let head = ["\(classAttribute)=\"\(brand.className)\""] + (component ? [] : ["charset=\"utf-8\""])
            let tail = [stateAttribute(file), "data-title=\"${3:Connect \(brand.displayName)}\"", "data-mode=\"${4|popup,post_message|}\"", colour]
                + (component ? [] : ["src=\"\(brand.scriptAddress)\""])
            let existing = ["data-client-id=\"${1:integration-uuid}\""]
            let metadata = [
                "data-name=\"${1:Integration name}\"", "data-description=\"${6:What the integration does}\"",
                "data-redirect_uri=\"https://${7:example.ru/oauth/callback}\"", "data-secrets_uri=\"https://${8:example.ru/oauth/secrets}\"",
                "data-logo=\"https://${9:example.ru/logo.png}\"", "data-scopes=\"crm,notifications\"",
            ]
            for (variant, attributes) in [("existing integration", existing), ("metadata", metadata)] {
                let lines = (head + attributes + tail).map { "  " + $0 }
                let snippet = "<\(element)\n" + lines.joined(separator: "\n") + "\n></\(element)>$0"
                out.append(CompletionCandidate(
                    label: "\(brand.className) button (\(variant))", kind: .snippet, snippet: snippet,
                    plainText: plain(snippet), detail: "\(brand.displayName) OAuth button, \(variant)",
                    documentation: "A complete \(brand.displayName) button for the \(variant) variant. Fill in the placeholders and render `data-state` per session on the server."
                        + (component ? " Load `\(brand.scriptAddress)` from the HTML page, before its load event." : ""),
                    replace: replace))
            }
        }
        return out
    }

    /// `data-state` printed by the template, so the state is never a literal.
    static func stateAttribute(_ file: SourceFile) -> String {
        let lower = file.path.lowercased()
        if file.dialect == .jsx { return "data-state={${2:state}}" }
        if lower.hasSuffix(".vue") { return ":data-state=\"${2:state}\"" }
        if lower.hasSuffix(".blade.php") { return "data-state=\"{{ ${2:\\$state} }}\"" }
        if lower.hasSuffix(".php") || lower.hasSuffix(".phtml") { return "data-state=\"<?= htmlspecialchars(${2:\\$state}) ?>\"" }
        if lower.hasSuffix(".erb") || lower.hasSuffix(".ejs") { return "data-state=\"<%= ${2:state} %>\"" }
        return "data-state=\"{{ ${2:state} }}\""
    }

    /// A snippet without its placeholders: `${1:x}` → `x`, `${1|a,b|}` → `a`, `$1` → "".
    static func plain(_ snippet: String) -> String {
        var out = ""
        var s = Substring(snippet)
        while let c = s.first {
            if c == "\\", s.count > 1 { out.append(s[s.index(after: s.startIndex)]); s = s.dropFirst(2); continue }
            guard c == "$" else { out.append(c); s = s.dropFirst(); continue }
            s = s.dropFirst()
            if s.first == "{" {
                s = s.dropFirst()
                s = s.drop { $0.isNumber }
                if s.first == ":" {
                    s = s.dropFirst()
                    var depth = 0
                    while let d = s.first, !(d == "}" && depth == 0) {
                        if d == "\\", s.count > 1 { out.append(s[s.index(after: s.startIndex)]); s = s.dropFirst(2); continue }
                        if d == "{" { depth += 1 } else if d == "}" { depth -= 1 }
                        out.append(d)
                        s = s.dropFirst()
                    }
                } else if s.first == "|" {
                    s = s.dropFirst()
                    out += s.prefix { $0 != "," && $0 != "|" }
                    s = s.drop { $0 != "|" }.dropFirst()
                }
                s = s.dropFirst()  // `}`
            } else {
                s = s.drop { $0.isNumber }
            }
        }
        return out
    }

    private static func fakeAttribute(_ name: String) -> Attribute {
        Attribute(RawAttribute(nameRange: 0..<0, valueRange: nil, quote: 0, range: 0..<0, flags: []), name: name)
    }
}
