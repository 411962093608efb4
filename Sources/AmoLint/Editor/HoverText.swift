/// Markdown shown on hover, from the attribute table and the button's facts.
package enum HoverText {
    /// The text and the range it describes, or nil where there is nothing to say.
    package static func at(_ offset: Int, in document: Document) -> (markdown: String, range: Range<Int>)? {
        switch CursorContext.at(offset, in: document) {
        case .tagName(let button):
            return (tag(button, document), button.nameRange)
        case .attributeName(let button, let a?, _), .attributeValue(let button, let a, _):
            guard let text = attribute(a, button) else { return nil }
            return (text, a.range)
        default:
            return nil
        }
    }

    package static func tag(_ button: Button, _ document: Document) -> String {
        let facts = ButtonFacts(button, in: document)
        var lines = ["**\(facts.brand.displayName) OAuth button** (`.\(facts.brand.className)`)", ""]
        lines.append("Variant: **\(facts.variant.rawValue)**" + (facts.variant == .existingIntegration
            ? ": installs the integration named by `data-client-id`."
            : facts.variant == .metadata ? ": every installation creates a new external integration from the `data-*` metadata." : "."))
        lines.append("")
        if facts.renders {
            lines.append("The script will render a button here, before this element.")
        } else {
            lines.append("The script will **not** render a button: " + facts.problems.joined(separator: "; ") + ".")
        }
        lines += ["", "Script: `\(facts.brand.scriptAddress)`, run on `window.onload`; a tag added after the page has loaded is never seen."]
        return lines.joined(separator: "\n")
    }

    package static func attribute(_ a: Attribute, _ button: Button) -> String? {
        guard let spec = AttributeTable.spec(a.name) else {
            if a.name.hasPrefix("data-") {
                return "**\(a.name)**: not read by \(button.brand.displayName)'s button script, so it has no effect."
            }
            return nil
        }
        var lines = ["**\(spec.name)**" + (spec.brands.count == 1 ? " (\(spec.brands.map(\.displayName).joined()) only)" : ""), "", spec.summary]
        if !spec.brands.contains(button.brand) {
            lines += ["", "⚠️ \(button.brand.displayName)'s script does not read it."]
        }
        if !spec.values.isEmpty {
            let values = spec.name == AttributeName.scopes ? spec.values + AttributeTable.undocumentedScopes.map { "\($0) (token scope, undocumented for the button)" } : spec.values
            lines += ["", "Allowed values: " + values.map { "`\($0)`" }.joined(separator: ", ").replacingOccurrences(" (", "` (").replacingOccurrences(")`", ")")]
        }
        if let d = spec.defaultValue { lines += ["", "Default: `\(d)`"] }
        switch spec.role {
        case .clientID: lines += ["", "Variant: existing integration."]
        case .requiredMetadata: lines += ["", "Metadata: required (with the other four) when there is no `data-client-id`; ignored when there is one."]
        case .optionalMetadata: lines += ["", "Metadata: optional; ignored when there is a `data-client-id`."]
        default: break
        }
        lines += ["", "At run time: " + spec.runtime]
        return lines.joined(separator: "\n")
    }
}
