/// The scanner visitor that keeps only what the rules need. Most tags are
/// dismissed after a few byte comparisons; only button tags are decoded.
struct DocumentCollector: ScanVisitor {
    /// A `<script>` body without `src`.
    struct Script {
        var body: Range<Int>
        var isJavaScript: Bool
        /// `Needles.mayHoldButton` of the body, asked while the scan has it in the cache:
        /// asked after the scan, the bodies of a 10 MB page's 5,000 scripts were as many
        /// reads from memory (5-8% of its time).
        var mayHoldButton: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The bytes `bytes` points into, as the model shares them: attributes keep them to decode names and values when read.
    let text: SharedBytes
    let dialect: Dialect
    let origins: OriginTable
    let map: SourceMap?

    /// What it keeps: buttons, loaders, script bodies, `v-html` values, comments.
    var collected = CollectedMarkup()
    private var lastScript: (hasSrc: Bool, isJavaScript: Bool) = (false, true)
    /// The last button's tag name as written and lower-cased: a page of one tag repeated
    /// 100,000 times makes its `String` once.
    private var lastTagName: (written: Range<Int>, name: String)?
    /// The tag visited last, when it made a button (and a loader, if it made one)
    /// and nothing else, and holds no byte that starts a template construct: a tag
    /// written again with the same bytes makes the same button and loader, moved and
    /// reached from where it stands (a string repeating one tag 100,000 times).
    private var lastRepeatable: (range: Range<Int>, button: Int, loader: Int?)?
    /// Every tag reaches `visitTag` (the plain path, which tests compare with the
    /// fast one). Otherwise only those of `needsTag` do: the others make no button
    /// or loader, and a `v-html` value without a needle is never lexed.
    let needsEveryTag: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, text: SharedBytes, dialect: Dialect, origins: OriginTable, map: SourceMap? = nil, everyTag: Bool = false) {
        self.bytes = bytes
        self.text = text
        self.dialect = dialect
        self.origins = origins
        self.map = map
        needsEveryTag = everyTag
    }

    /// Buttons past which the list is given room for all the text can hold (`buttonBound`):
    /// a page of 200,000 buttons is not copied each time the list doubles (nor its pages
    /// touched twice), and a page of a few buttons never pays for the count.
    static let manyButtons = 1_024

    /// Appends a button; the list reaching `manyButtons` is given its bound at once.
    private mutating func append(_ button: Button) {
        if collected.buttons.count == DocumentCollector.manyButtons {
            LargeArrays.reserve(&collected.buttons, capacity: needleBound())
        }
        collected.buttons.append(button)
    }

    /// Appends a loader, as `append(_:)` a button (every loader holds `auth/button`: the same bound).
    private mutating func append(loader: Loader) {
        if collected.loaders.count == DocumentCollector.manyButtons {
            LargeArrays.reserve(&collected.loaders, capacity: needleBound())
        }
        collected.loaders.append(loader)
    }

    /// `buttonBound` of the text, counted once (buttons and loaders both ask).
    private var boundOfNeedles: Int?
    private mutating func needleBound() -> Int {
        if let boundOfNeedles { return boundOfNeedles }
        let bound = max(DocumentCollector.buttonBound(bytes), 2 * DocumentCollector.manyButtons)
        boundOfNeedles = bound
        return bound
    }

    /// At most as many buttons as `_oauth` and `auth/button` occur (every marker holds one),
    /// never more than one a 16 bytes.
    static func buttonBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            // `/` is rarer than the `h` of `auth/button` in text.
            i = ByteSearch.first(Byte.underscore, Byte.slash, in: bytes, from: i, to: n)
            guard i < n else { break }
            if Lexing.hasPrefix("_oauth", at: i, in: bytes) || (i >= 4 && Lexing.hasPrefix("auth/button", at: i - 4, in: bytes)) { count += 1 }
            i += 1
        }
        return min(count, n / 16)
    }

    /// Scripts (for the body that follows) and tags holding `auth`: every class or id
    /// brand needs `_oauth` in the tag and every loader `/auth/button`.
    @inline(__always)
    mutating func needsTag(range: Range<Int>, name: Range<Int>) -> Bool {  // mutating: asked without copying the collector
        (name.count == 6 && Lexing.hasPrefixIgnoringCase("script", at: name.lowerBound, in: bytes)) || ByteSearch.containsAuth(in: bytes, range)
    }

    /// `needsTag` of a tag's first bytes: a needle in them is in the whole tag.
    mutating func needsTag(startingWith prefix: Range<Int>, name: Range<Int>) -> Bool { needsTag(range: prefix, name: name) }

    /// A tag with the bytes of the last one it took (`lastRepeatable`) is taken as it
    /// is: the scanner need not read its attributes again.
    mutating func visitRepeatedTag(range: Range<Int>) -> Bool {
        guard !needsEveryTag, let last = lastRepeatable, sameBytes(range, last.range) else { return false }
        repeatTag(at: range, last)
        return true
    }

    mutating func visitTag(_ tag: RawTag) {
        lastRepeatable = nil
        let buttons = collected.buttons.count, loaders = collected.loaders.count, values = collected.innerHTMLValues.count
        visitNewTag(tag)
        if collected.buttons.count == buttons + 1, collected.innerHTMLValues.count == values, collected.loaders.count <= loaders + 1,
           !holdsTemplateBytes(tag.range)
        {
            lastRepeatable = (tag.range, buttons, collected.loaders.count > loaders ? loaders : nil)
        }
    }

    /// What `visitNewTag` makes of a tag with the bytes of the last one (`lastRepeatable`).
    /// Its attributes are read from its bytes alone (no template construct reaches past
    /// them), so only where it stands differs: its range and its origin.
    private mutating func repeatTag(at range: Range<Int>, _ last: (range: Range<Int>, button: Int, loader: Int?)) {
        let delta = range.lowerBound - last.range.lowerBound
        let origin = origins.origin(at: range.lowerBound, map: map)
        append(collected.buttons[last.button].repeated(by: delta, origin: origin))
        var loader: Int?
        if let k = last.loader {
            loader = collected.loaders.count
            append(loader: collected.loaders[k].repeated(by: delta, origin: origin))
        }
        // `lastScript` is as the last tag set it: the same bytes set it the same way.
        lastRepeatable = (range, collected.buttons.count - 1, loader)
    }

    /// Whether two stretches hold the same bytes (compared eight at a time).
    private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count, let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k &+ 8 <= a.count {
            if raw.loadUnaligned(fromByteOffset: a.lowerBound &+ k, as: UInt64.self)
                != raw.loadUnaligned(fromByteOffset: b.lowerBound &+ k, as: UInt64.self) { return false }
            k &+= 8
        }
        while k < a.count {
            if base[a.lowerBound &+ k] != base[b.lowerBound &+ k] { return false }
            k &+= 1
        }
        return true
    }

    /// Whether a tag holds a byte that may start a template construct (`{`, `$`, `@`,
    /// a `<` past its first): their reading may depend on what follows the tag. The
    /// `{{}}` that stands for code between two strings (`CodeText`) is read whole in place.
    private func holdsTemplateBytes(_ range: Range<Int>) -> Bool {
        var p = range.lowerBound + 1
        while p < range.upperBound {
            p = ByteSearch.first(Byte.lt, Byte.lbrace, Byte.dollar, Byte.at, in: bytes, from: p, to: range.upperBound)
            guard p < range.upperBound else { return false }
            guard p + 4 <= range.upperBound, bytes[p] == Byte.lbrace, bytes[p + 1] == Byte.lbrace,
                  bytes[p + 2] == Byte.rbrace, bytes[p + 3] == Byte.rbrace
            else { return true }
            p += 4
        }
        return false
    }

    private mutating func visitNewTag(_ tag: RawTag) {
        let isScript = nameIs(tag.nameRange, "script")
        var classBrand: Brand?
        var classIndex: Int?
        var idBrand: Brand?
        var idIndex: Int?
        var srcRaw: RawAttribute?
        var typeRaw: RawAttribute?
        var hasData = false
        var jsxSyntax = dialect == .jsx
        let base = tag.range.lowerBound
        // Read in place: iterating the list copied the tag.
        tag.records.withUnsafeBufferPointer { records in for index in records.indices {
            let record = records[index]
            let name = base + Int(record.nameStart)..<base + Int(record.nameEnd)
            if record.flags.contains(.expression) { jsxSyntax = true }
            // Dispatch on length and first letter: most attributes are none of these.
            switch (name.count, Byte.lower(bytes[name.lowerBound])) {
            case (6..., 0x64) where hasData || nameHasPrefix(name, "data-"):  // d
                hasData = true
            case (5, 0x63), (9, 0x63):  // c: class, className
                guard nameIs(name, "class") || nameIs(name, "classname") else { continue }
                if name.count == 9 { jsxSyntax = true }
                if classBrand == nil, let brand = brandToken(in: record.raw(base: base), bound: false) { classBrand = brand; classIndex = index }
            case (6, Byte.colon), (6, Byte.at), (12, 0x76), (12, 0x78):  // :class, @class, v-bind:class, x-bind:class
                guard nameIs(name, ":class") || nameIs(name, "@class") || nameIs(name, "v-bind:class") || nameIs(name, "x-bind:class") else {
                    continue
                }
                if classBrand == nil, let brand = brandToken(in: record.raw(base: base), bound: true) { classBrand = brand; classIndex = index }
            case (6, 0x76) where nameIs(name, "v-html"):  // v
                let raw = record.raw(base: base)
                if let value = raw.valueRange, raw.quote == Byte.quote || raw.quote == Byte.apostrophe { collected.innerHTMLValues.append(value) }
            case (2, 0x69) where nameIs(name, "id"):  // i
                if idBrand == nil, let brand = brandToken(in: record.raw(base: base), bound: false) { idBrand = brand; idIndex = index }
            case (3, 0x73) where nameIs(name, "src") && srcRaw == nil:  // s
                srcRaw = record.raw(base: base)
            case (4, 0x74) where nameIs(name, "type") && typeRaw == nil:  // t
                typeRaw = record.raw(base: base)
            default:
                continue
            }
        } }
        if isScript { lastScript = (srcRaw != nil, isJavaScript(typeRaw)) }

        let origin = origins.origin(at: tag.range.lowerBound, map: map)
        var address: ScriptAddress?
        if isScript, let srcRaw, let valueRange = srcRaw.valueRange, contains(valueRange, "/auth/button") {
            let attribute = Attribute(srcRaw, in: text)
            if let parsed = scriptAddress(srcRaw, attribute) {
                address = parsed
                append(loader: Loader(range: tag.range, nameRange: tag.nameRange, src: attribute, address: parsed,
                                      ownBrand: classBrand ?? idBrand, origin: origin))
            }
        }

        let marker: Button.Marker
        let brand: Brand
        let markerIndex: Int?
        if let classBrand {
            (marker, brand, markerIndex) = (.brandClass, classBrand, classIndex)
        } else if let idBrand, !(dialect == .jsx && isComponentName(tag.nameRange)) {
            // `<Button id="amocrm_oauth">` in JSX is a component's prop, not an element's id.
            (marker, brand, markerIndex) = (.legacyID, idBrand, idIndex)
        } else if let address, hasData {
            (marker, brand, markerIndex) = (.scriptOnly, address.brand, nil)
        } else {
            return
        }
        append(Button(
            range: tag.range, nameRange: tag.nameRange, tagName: tagName(tag.nameRange), brand: brand, marker: marker,
            records: tag.records, in: text, markerIndex: markerIndex,
            address: address, isJSX: jsxSyntax, origin: origin, sharing: collected.buttons.last?.sharedRecords))
    }

    mutating func visitComment(_ comment: RawComment) {
        if comment.kind == .html { collected.htmlComments.append(comment.range) }
        if ByteSearch.contains("amolint-", anchor: 7, in: bytes, comment.contentRange) { collected.comments.append(comment) }
    }

    mutating func visitRawText(element: Range<Int>, body: Range<Int>) {
        if nameIs(element, "script"), !lastScript.hasSrc, !body.isEmpty {
            collected.scripts.append(Script(body: body, isJavaScript: lastScript.isJavaScript,
                                            mayHoldButton: Needles.mayHoldButton(UnsafeBufferPointer(rebasing: bytes[body]))))
        }
    }

    /// The address of a `src`: a value without references, templates, NUL or non-ASCII
    /// bytes decodes to its own bytes, which are read as they are.
    private func scriptAddress(_ raw: RawAttribute, _ attribute: Attribute) -> ScriptAddress? {
        if let range = raw.valueRange, !raw.flags.contains(.template), !raw.flags.contains(.ampersand), !raw.flags.contains(.expression),
           !attribute.record.isBound {
            let value = UnsafeBufferPointer(rebasing: bytes[range])
            if !value.contains(where: { $0 == 0 || $0 >= 0x80 }) { return ScriptAddress(ascii: value) }
        }
        return attribute.value.flatMap { ScriptAddress($0.text) }
    }

    /// A script without `type`, or with a JavaScript or module type (not a template).
    private func isJavaScript(_ type: RawAttribute?) -> Bool {
        guard let range = type?.valueRange else { return true }
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
        return value.isEmpty || value == "module" || value.contains("javascript") || value.contains("ecmascript")
            || value.contains("babel") || value.contains("jsx") || value.contains("typescript")
    }

    // MARK: Byte helpers

    /// `lowerCased`, the last answer again for the same bytes.
    private mutating func tagName(_ range: Range<Int>) -> String {
        if let last = lastTagName, last.written.count == range.count,
           Attribute.sameBytes(UnsafeBufferPointer(rebasing: bytes[last.written]), UnsafeBufferPointer(rebasing: bytes[range])) {
            return last.name
        }
        let name = lowerCased(range)
        lastTagName = (range, name)
        return name
    }

    /// The tag name lower-cased; ASCII in place (`String.lowercased` is the same there).
    private func lowerCased(_ range: Range<Int>) -> String {
        let name = UnsafeBufferPointer(rebasing: bytes[range])
        guard name.count <= 32, !name.contains(where: { $0 >= 0x80 }) else { return String(decoding: name, as: UTF8.self).lowercased() }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            for (k, b) in name.enumerated() { buffer[k] = Byte.lower(b) }
            return String(decoding: UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<name.count]), as: UTF8.self)
        }
    }

    private func isComponentName(_ range: Range<Int>) -> Bool {
        let first = bytes[range.lowerBound]
        return first >= 0x41 && first <= 0x5A
    }

    private func nameIs(_ range: Range<Int>, _ lower: StaticString) -> Bool {
        range.count == lower.utf8CodeUnitCount && nameHasPrefix(range, lower)
    }

    private func nameHasPrefix(_ range: Range<Int>, _ lower: StaticString) -> Bool {
        let count = lower.utf8CodeUnitCount
        guard range.count >= count, let base = bytes.baseAddress else { return false }
        // Through pointers: `utf8Start` asked per byte cost twenty instructions a byte (every tag visited asks).
        let word = lower.utf8Start, name = base + range.lowerBound
        var k = 0
        while k < count {
            if Byte.lower(name[k]) != word[k] { return false }
            k &+= 1
        }
        return true
    }

    private func contains(_ range: Range<Int>, _ needle: StaticString) -> Bool { Lexing.contains(needle, in: bytes, range) }

    /// The brand of the first `amocrm_oauth` / `kommo_oauth` token of a class or
    /// id value. A bound value (`:class="{ amocrm_oauth: true }"`, `@class([…])`)
    /// is an expression: its punctuation separates tokens too.
    private func brandToken(in raw: RawAttribute, bound: Bool) -> Brand? {
        guard let range = raw.valueRange, contains(range, "_oauth") else { return nil }
        let mask = bound ? DocumentCollector.boundSeparators : DocumentCollector.separators
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, DocumentCollector.isTokenSeparator(bytes[i], mask, bound: bound) { i += 1 }
            let start = i
            while i < range.upperBound, !DocumentCollector.isTokenSeparator(bytes[i], mask, bound: bound) { i += 1 }
            // `Brand.fromClassToken` by bytes: its tokens are ASCII letters and `_`, equal only to the same bytes.
            let token = UnsafeBufferPointer(rebasing: bytes[start..<i])
            if token.count == 12, tokenIs(token, "amocrm_oauth") { return .amocrm }
            if token.count == 11, tokenIs(token, "kommo_oauth") { return .kommo }
        }
        return nil
    }

    private func tokenIs(_ token: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        for k in 0..<token.count where token[k] != word.utf8Start[k] { return false }
        return true
    }

    /// `isTokenSeparatorPlain` of the ASCII bytes, a bit each (a dozen comparisons a byte of every class value).
    static let separators = separatorMask(bound: false), boundSeparators = separatorMask(bound: true)

    private static func separatorMask(bound: Bool) -> (low: UInt64, high: UInt64) {
        var mask: (low: UInt64, high: UInt64) = (0, 0)
        for b in 0..<128 where isTokenSeparatorPlain(UInt8(b), bound: bound) {
            if b < 64 { mask.low |= 1 << UInt64(b) } else { mask.high |= 1 << UInt64(b - 64) }
        }
        return mask
    }

    /// `isTokenSeparatorPlain` by the mask (the plain test for a byte of 0x80 or more).
    @inline(__always)
    static func isTokenSeparator(_ b: UInt8, _ mask: (low: UInt64, high: UInt64), bound: Bool) -> Bool {
        if b < 64 { return (mask.low >> UInt64(b)) & 1 != 0 }
        if b < 128 { return (mask.high >> UInt64(b - 64)) & 1 != 0 }
        return isTokenSeparatorPlain(b, bound: bound)
    }

    /// White space separates classes; in a JSX expression quotes and braces do too.
    static func isTokenSeparatorPlain(_ b: UInt8, bound: Bool) -> Bool {
        if Byte.isSpace(b) || b == Byte.quote || b == Byte.apostrophe || b == Byte.backtick || b == Byte.lbrace
            || b == Byte.rbrace || b == Byte.comma || b == Byte.lbracket { return true }
        return bound && (b == Byte.colon || b == Byte.rbracket || b == Byte.lparen || b == Byte.rparen || b == Byte.equals || b == Byte.gt)
    }
}
