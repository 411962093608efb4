@testable import AmoLint

/// What the tests of a tag's attributes read from a generated page: its document, its first
/// button's attributes, and where each name first stands (`String ==`, as HTML keeps the first).
struct AttributePage {
    let document: Document
    let button: Button
    let attributes: [Attribute]

    /// Nil when the page holds no button.
    init?(_ page: String) {
        document = Document(SourceFile(path: "a.html", text: page))
        guard let button = document.layers.first?.buttons.first else { return nil }
        self.button = button
        attributes = Array(button.attributes)
    }

    /// For each name, the index of its first attribute.
    var firstOf: [String: Int] {
        var first: [String: Int] = [:]
        for (i, a) in attributes.enumerated() where first[a.name] == nil { first[a.name] = i }
        return first
    }
}
