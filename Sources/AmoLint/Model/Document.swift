/// Everything the rules know about one file: its buttons and the facts that
/// need the whole page (which brands' classes and scripts appear, the inline
/// scripts, the directive comments). Built in one scan.
public struct Document: Sendable {
    public let file: SourceFile
    public let buttons: [Button]
    public let loaders: [Loader]
    /// Brands whose class appears on some element of the file.
    public let classBrands: Set<Brand>
    /// Bodies of `<script>` elements without `src`.
    public let inlineScripts: [Range<Int>]
    /// Comments that mention `amolint-`.
    public let directiveComments: [RawComment]

    public init(_ file: SourceFile) {
        let collected = file.bytes.withUnsafeBufferPointer { buffer in
            Scanner.scan(buffer, dialect: file.dialect, visitor: DocumentCollector(bytes: buffer, dialect: file.dialect))
        }
        self.file = file
        buttons = collected.buttons
        loaders = collected.loaders
        classBrands = collected.classBrands
        inlineScripts = collected.inlineScripts
        directiveComments = collected.comments
    }

    public func hasLoader(for brand: Brand) -> Bool { loaders.contains { $0.address.brand == brand } }
}

/// The scanner visitor that keeps only what the rules need. Most tags are
/// dismissed after a few byte comparisons; only button tags are decoded.
struct DocumentCollector: ScanVisitor {
    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    var buttons: [Button] = []
    var loaders: [Loader] = []
    var classBrands: Set<Brand> = []
    var inlineScripts: [Range<Int>] = []
    var comments: [RawComment] = []
    private var lastScriptHadSrc = false

    init(bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    mutating func visitTag(_ tag: RawTag) {
        let isScript = nameIs(tag.nameRange, "script")
        var classBrand: Brand?
        var classRaw: RawAttribute?
        var idBrand: Brand?
        var idRaw: RawAttribute?
        var srcRaw: RawAttribute?
        var hasData = false
        var jsxSyntax = dialect == .jsx
        for raw in tag.attributes {
            let name = raw.nameRange
            if raw.flags.contains(.expression) { jsxSyntax = true }
            // Dispatch on length and first letter: most attributes are none of these.
            switch (name.count, Byte.lower(bytes[name.lowerBound])) {
            case (6..., 0x64) where nameHasPrefix(name, "data-"):  // d
                hasData = true
            case (5, 0x63), (9, 0x63):  // c: class, className
                guard nameIs(name, "class") || nameIs(name, "classname") else { continue }
                if name.count == 9 { jsxSyntax = true }
                if classBrand == nil, let brand = brandToken(in: raw) { classBrand = brand; classRaw = raw }
            case (2, 0x69) where nameIs(name, "id"):  // i
                if idBrand == nil, let brand = brandToken(in: raw) { idBrand = brand; idRaw = raw }
            case (3, 0x73) where nameIs(name, "src") && srcRaw == nil:  // s
                srcRaw = raw
            default:
                continue
            }
        }
        if isScript { lastScriptHadSrc = srcRaw != nil }
        if let classBrand { classBrands.insert(classBrand) }

        var address: ScriptAddress?
        var src: Attribute?
        if isScript, let srcRaw, let valueRange = srcRaw.valueRange, containsButtonPath(valueRange) {
            let attribute = Attribute(srcRaw, in: bytes)
            if let literal = attribute.value?.text, let parsed = ScriptAddress(literal) {
                address = parsed
                src = attribute
                loaders.append(Loader(range: tag.range, src: attribute, address: parsed,
                                      ownBrand: classBrand ?? idBrand, hasLegacyID: classBrand == nil && idBrand != nil))
            }
        }

        let marker: Button.Marker
        let brand: Brand
        let markerRaw: RawAttribute?
        if let classBrand {
            (marker, brand, markerRaw) = (.brandClass, classBrand, classRaw)
        } else if let idBrand {
            (marker, brand, markerRaw) = (.legacyID, idBrand, idRaw)
        } else if let address, hasData {
            (marker, brand, markerRaw) = (.scriptOnly, address.brand, nil)
        } else {
            return
        }
        let attributes = tag.attributes.map { Attribute($0, in: bytes) }
        let tagName = String(decoding: UnsafeBufferPointer(rebasing: bytes[tag.nameRange]), as: UTF8.self).lowercased()
        buttons.append(Button(
            range: tag.range, nameRange: tag.nameRange, tagName: tagName, brand: brand, marker: marker,
            attributes: attributes,
            markerAttribute: markerRaw.flatMap { m in attributes.first { $0.raw.nameRange == m.nameRange } },
            address: address, srcAttribute: src, isJSX: jsxSyntax))
    }

    mutating func visitComment(_ comment: RawComment) {
        if contains(comment.contentRange, "amolint-") { comments.append(comment) }
    }

    mutating func visitRawText(element: Range<Int>, body: Range<Int>) {
        if nameIs(element, "script"), !lastScriptHadSrc, !body.isEmpty { inlineScripts.append(body) }
    }

    // MARK: Byte helpers

    private func nameIs(_ range: Range<Int>, _ lower: StaticString) -> Bool {
        range.count == lower.utf8CodeUnitCount && nameHasPrefix(range, lower)
    }

    private func nameHasPrefix(_ range: Range<Int>, _ lower: StaticString) -> Bool {
        let count = lower.utf8CodeUnitCount
        guard range.count >= count else { return false }
        for k in 0..<count where Byte.lower(bytes[range.lowerBound + k]) != lower.utf8Start[k] { return false }
        return true
    }

    private func contains(_ range: Range<Int>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return false }
        var i = range.lowerBound
        while i + count <= range.upperBound {
            if bytes[i] == needle.utf8Start[0] {
                var k = 1
                while k < count, bytes[i + k] == needle.utf8Start[k] { k += 1 }
                if k == count { return true }
            }
            i += 1
        }
        return false
    }

    private func containsButtonPath(_ range: Range<Int>) -> Bool { contains(range, "/auth/button") }

    /// The brand of the first `amocrm_oauth` / `kommo_oauth` token of a class or id value.
    private func brandToken(in raw: RawAttribute) -> Brand? {
        guard let range = raw.valueRange, contains(range, "_oauth") else { return nil }
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, isTokenSeparator(bytes[i]) { i += 1 }
            let start = i
            while i < range.upperBound, !isTokenSeparator(bytes[i]) { i += 1 }
            let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if let brand = Brand.fromClassToken(Substring(token)) { return brand }
        }
        return nil
    }

    /// White space separates classes; in a JSX expression quotes and braces do too.
    private func isTokenSeparator(_ b: UInt8) -> Bool {
        Byte.isSpace(b) || b == Byte.quote || b == Byte.apostrophe || b == Byte.backtick || b == Byte.lbrace
            || b == Byte.rbrace || b == Byte.comma || b == Byte.lbracket
    }
}
