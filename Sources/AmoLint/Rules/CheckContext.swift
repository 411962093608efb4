/// What a rule's check sees of one button, and where it reports. Precedence
/// lives here: an attribute with no effect, or an empty one, is withheld from
/// the value checks, so "one mistake gives one diagnostic" holds by construction.
struct ButtonContext {
    let document: Document
    let button: Button
    /// The bytes of the button's layer (the file, or markup assembled from code).
    let bytes: UnsafeBufferPointer<UInt8>
    let sink: FindingSink
    /// Indices into `button.attributes` of attributes that have no effect.
    private(set) var noEffect: Set<Int> = []
    /// Indices of known attributes whose value is empty.
    private(set) var blank: Set<Int> = []

    /// Index of the first attribute of each name, built once: rules ask by name
    /// dozens of times, and a hostile tag has 100,000 attributes.
    private let firstIndex: [String: Int]

    init(document: Document, button: Button, bytes: UnsafeBufferPointer<UInt8>, sink: FindingSink) {
        self.document = document
        self.button = button
        self.bytes = bytes
        self.sink = sink
        var index: [String: Int] = [:]
        for (i, a) in button.attributes.enumerated() where index[a.name] == nil { index[a.name] = i }
        firstIndex = index
    }

    var brand: Brand { button.brand }

    /// The first attribute of the name, whatever its state.
    func first(_ name: String) -> (index: Int, attribute: Attribute)? {
        guard let i = firstIndex[name] else { return nil }
        return (i, button.attributes[i])
    }

    /// The attribute if it takes part: first of its name, with an effect, not empty.
    func effective(_ name: String) -> Attribute? {
        guard let (i, a) = first(name), !noEffect.contains(i), !blank.contains(i) else { return nil }
        return a
    }

    /// Present for the variant logic: the first of its name, not empty.
    func present(_ name: String) -> Bool {
        guard let (_, a) = first(name) else { return false }
        return !a.isBlank
    }

    var hasClientID: Bool { button.variant == .existingIntegration }
    var hasMetadata: Bool { button.hasMetadata }

    mutating func markNoEffect(_ index: Int) { noEffect.insert(index) }
    mutating func markBlank(_ index: Int) { blank.insert(index) }
    func isWithheld(_ index: Int) -> Bool { noEffect.contains(index) || blank.contains(index) }

    /// Reports through the document's sink; the message and fix are built only
    /// when the finding is kept (a hostile tag repeats one mistake 100,000 times).
    func report(_ rule: Rule, _ range: Range<Int>, _ message: @autoclosure () -> String, fix: @autoclosure () -> Fix? = nil,
                related: @autoclosure () -> [RelatedLocation] = [], unnecessary: Bool = false)
    {
        sink.report(rule, range, unnecessary: unnecessary) { (message(), fix(), related()) }
    }

    /// The attribute's name as written, for messages.
    func shown(_ a: Attribute) -> String { Text.code(a.writtenName) }
}

/// Message helpers: values from the page are quoted, shortened and stripped of
/// control characters, so no message can carry escape sequences to a terminal.
enum Text {
    static func code(_ s: String, limit: Int = 60) -> String {
        // A run-time part of code (`' . $x . '`, `${x}`) is shown as `…`, not as its stand-in.
        let s = s.contains("{{}}") ? s.replacingAll("{{}}", with: "…") : s
        var out = ""
        var count = 0
        for scalar in s.unicodeScalars {
            if count == limit { out += "…"; break }
            switch scalar.value {
            case 0: out += "{…}"
            case 0x09, 0x0A, 0x0D: out += " "
            default:
                if TerminalSafety.isUnsafe(scalar) { out += TerminalSafety.escaped(String(scalar)) }
                else { out.unicodeScalars.append(scalar) }
            }
            count += 1
        }
        return "`\(out)`"
    }

    static func list(_ items: [String]) -> String {
        let quoted = items.map { code($0) }
        if quoted.count <= 1 { return quoted.joined() }
        return quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
    }

    static func choices(_ items: [String]) -> String {
        items.map { code($0) }.joined(separator: ", ")
    }
}
