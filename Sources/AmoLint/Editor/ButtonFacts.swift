/// What a button will do at run time, for hover: its brand, variant, and
/// whether the script will render it (and if not, why).
package struct ButtonFacts: Sendable {
    package typealias Variant = Button.Variant

    package let brand: Brand
    package let variant: Variant
    package let renders: Bool
    /// Why it does not render, one reason a line.
    package let problems: [String]

    package init(_ button: Button, in document: Document) {
        brand = button.brand
        variant = button.variant
        let hasClientID = variant == .existingIntegration
        let missingMetadata = button.missingMetadata
        var problems: [String] = []
        switch button.marker {
        case .legacyID: problems.append("it has `id=\"\(brand.className)\"`, but the script selects the class")
        case .scriptOnly: problems.append("it lacks `class=\"\(brand.className)\"`")
        case .brandClass: break
        }
        if let address = button.address, address.brand != brand {
            problems.append("its class is \(brand.displayName)'s but it loads \(address.brand.displayName)'s script")
        } else if !document.hasLoader(for: brand) {
            problems.append("no \(brand.displayName) script is loaded in this file (it may be loaded elsewhere)")
        }
        if !hasClientID {
            if variant == .none { problems.append("it has neither `data-client-id` nor metadata") }
            else if !missingMetadata.isEmpty { problems.append("the metadata lacks " + missingMetadata.map { "`\($0)`" }.joined(separator: ", ")) }
        }
        self.problems = problems
        renders = problems.isEmpty
    }
}
