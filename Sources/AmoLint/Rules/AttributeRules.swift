extension Rule {
    static let unknownAttribute = Rule(
        id: .unknownAttribute, area: .attributes, severity: .warning,
        summary: "A `data-*` attribute the brand's script does not read.",
        explanation: """
            The script reads `element.dataset`, so an attribute it does not know is silently ignored. Most are \
            spelling slips: `data-redirect-uri` for `data-redirect_uri`, `data-clientId` (which HTML lower-cases \
            to `data-clientid`) for `data-client-id`, `data-scope` for `data-scopes`. The message names the \
            attribute it most likely means, and the fix renames it when that is clear.
            """,
        triggering: [
            Example("const s = document.createElement('script')\ns.className = 'amocrm_oauth'\ns.setAttribute('«data-redirect-uri»', cb)", file: "b.js",
                    fixed: "const s = document.createElement('script')\ns.className = 'amocrm_oauth'\ns.setAttribute('data-redirect_uri', cb)"),
            Example("const s = document.createElement('script')\ns.className = 'amocrm_oauth'\ns.dataset.«redirectUri» = cb", file: "b.js"),
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" «data-error_callback»="onAmoError" \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-error-callback="onAmoError" \#(Sample.amoSrc)></script>"#),
            Example(#"<script class="amocrm_oauth" «data-clientId»="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" «data-redirect-uri»="https://a.ru/cb" «data-scope»="crm"></div>"#,
                    fixed: #"<div class="amocrm_oauth" data-redirect_uri="https://a.ru/cb" data-scopes="crm"></div>"#),
            Example(#"<div class="amocrm_oauth" «data-theme»="dark"></div>"#),
            Example(#"<div class="kommo_oauth" «:data-titel»="title"></div>"#, file: "Button.vue",
                    fixed: #"<div class="kommo_oauth" :data-title="title"></div>"#),
        ],
        nonTriggering: [
            Example(#"<script class="amocrm_oauth" data-client-id="\#(Sample.clientID)" data-title="Войти" data-color="blue" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="kommo_oauth" data-theme="dark" data-locale="es" data-color="blue"></div>"#),
            Example(#"<div class="amocrm_oauth" \#(Sample.metadata) charset="utf-8" id="amo"></div>"#),
            Example(#"<div data-redirect-uri="https://a.ru/cb" class="other"></div>"#),
        ])

    static let duplicateAttribute = Rule(
        id: .duplicateAttribute, area: .attributes, severity: .error,
        summary: "An attribute is written twice on one tag; HTML keeps the first and drops the rest.",
        explanation: """
            Names are compared case-insensitively, as the HTML parser does. Only the first occurrence reaches \
            the script, so a later correction (`data-color="blue" … data-color="red"`) never takes effect. The \
            fix removes the repeat, which keeps what the browser does today; change the first if the repeat \
            was the value you wanted. Attributes in different branches of a template conditional \
            (`@if … @else … @endif`, `{% if %}`) are alternatives, not repeats.
            """,
        triggering: [
            Example(#"<script class="amocrm_oauth" data-color="blue" «data-color="red"» \#(Sample.amoSrc)></script>"#,
                    fixed: #"<script class="amocrm_oauth" data-color="blue" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="kommo_oauth" data-title="Connect" «DATA-TITLE='Подключить'» «class="x"»></div>"#,
                    fixed: #"<div class="kommo_oauth" data-title="Connect"></div>"#),
        ],
        nonTriggering: [
            Example(#"<script class="amocrm_oauth" data-color="blue" data-mode="popup" \#(Sample.amoSrc)></script>"#),
            Example(#"<div class="amocrm_oauth" @if($dark) data-color="violet" @else data-color="blue" @endif></div>"#, file: "button.blade.php"),
            Example(#"<div class="amocrm_oauth" {% if dark %}data-color="violet"{% else %}data-color="blue"{% endif %}></div>"#, file: "button.twig"),
            Example(#"<div data-color="blue" data-color="red"></div>"#),
        ])
}

enum AttributeChecks {
    /// Marks repeats and unknown attributes as having no effect, before any value check runs.
    static func classify(_ c: ButtonContext) {
        let attributes = c.button.attributes
        // First of each name that is not a known one (known ones the context numbered).
        var others = FirstOfName()
        // The texts of the last repeat kept, by the written names they quote: a run of one
        // repeat (a hostile tag) has the same three texts, built once (~10,000 instructions).
        var lastTexts: (name: String, original: String, message: String, description: String, related: String)?
        // The first of the attribute before's name: a name written with its bytes (`KnownName.repeatFlag`)
        // has the same first, found without reading the name (a hostile tag repeats one a million times).
        var firstBefore = -1
        for i in attributes.indices {
            let k = c.knownNumber(i)
            let f = attributes.fact(i) & KnownName.repeatFlag != 0 ? firstBefore
                : k.map { c.firstIndex($0) ?? i } ?? others.first(at: i, written: attributes.nameRange(i), in: attributes)
            firstBefore = f
            if f != i {
                let own = attributes.facts(i)
                if own.isConditional || attributes.isConditional(f) { continue }
                c.markNoEffect(i)
                // Past the budget a repeat is only counted: nothing of its report is made.
                if c.sink.settlesUnmade(.duplicateAttribute) { continue }
                // The attributes are made only for a finding that is kept (a hostile tag repeats one name 100,000 times).
                let bytes = c.bytes
                c.sink.report(.duplicateAttribute, own.range, unnecessary: true) {
                    let a = attributes[i], original = attributes[f]
                    let name = a.writtenName, originalName = original.writtenName
                    // Bytes, not `==`: names equal as `String`s may be written differently.
                    if lastTexts == nil || !Self.sameUTF8(lastTexts!.name, name) || !Self.sameUTF8(lastTexts!.original, originalName) {
                        lastTexts = (name, originalName,
                                     "\(Text.code(name)) is repeated: HTML keeps the first \(Text.code(originalName)) and drops this one; remove it",
                                     "Remove the repeated \(Text.code(name))", "First \(Text.code(originalName)), the one the browser keeps")
                    }
                    let texts = lastTexts!
                    return (texts.message, Fix(texts.description, [removal(of: a, in: bytes)]),
                            [RelatedLocation(range: original.range, message: texts.related)])
                }
                continue
            }
            guard c.isData(i) else { continue }
            if let k, k < KnownName.tableCount, KnownName.isRead(k, by: c.brand) { continue }
            if k == KnownName.color, EnumerationChecks.classifyColor(c, index: i, attribute: attributes[i], number: k) { continue }
            c.markNoEffect(i)
            reportUnknown(c, attributes, i, number: k)
        }
    }

    /// Whether two strings have the same UTF-8 bytes (the generic `elementsEqual` of their
    /// views cost 500 instructions for two short names).
    private static func sameUTF8(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in Attribute.sameBytes(x, y) } }
    }

    /// The first index of each name, by `String ==`: a short list searched in
    /// order, then a table (a hostile tag has 100,000 different names). Names are
    /// compared by their lower-cased bytes; no `String` is built for them.
    private struct FirstOfName {
        /// The hash and the attribute index plus one (0: empty), searched in order
        /// while short, then by open addressing. Only names that are ASCII without
        /// `;` and `` ` `` (the ASCII characters with a canonically equivalent twin),
        /// for which equal bytes are `String ==`.
        private var list: [(hash: UInt64, index: Int32)] = []
        private var slots: [(hash: UInt64, index: Int32)] = []
        private var shift = 0
        private var filled = 0
        /// Every other name, by `String ==`.
        private var others: [String: Int] = [:]
        /// The name asked about last, as written, and its answer: the same bytes as written are
        /// the same name, whose first never changes, so a run of one name (a hostile tag repeats
        /// `data-x` 100,000 times) is answered by one comparison, not a lower-casing and a look-up.
        private var previous: (name: Range<Int>, first: Int)?

        /// The index of the first attribute named as the one at `index` (its name written at `written`), recording `index` if it is the first.
        mutating func first(at index: Int, written: Range<Int>, in attributes: Button.Attributes) -> Int {
            if let previous, attributes.sameText(previous.name, written) { return previous.first }
            let f = lookUp(at: index, in: attributes)
            previous = (written, f)
            return f
        }

        private mutating func lookUp(at index: Int, in attributes: Button.Attributes) -> Int {
            attributes.withName(index) { name in
                guard let hash = FirstOfName.hash(name) else {
                    let name = String(decoding: name, as: UTF8.self)
                    if let f = others[name] { return f }
                    others[name] = index
                    return index
                }
                func isNamed(_ f: Int) -> Bool { attributes.withName(f) { Attribute.sameBytes($0, name) } }
                if slots.isEmpty {
                    for entry in list where entry.hash == hash && isNamed(Int(entry.index) - 1) { return Int(entry.index) - 1 }
                    list.append((hash, Int32(index + 1)))
                    if list.count > 16 {
                        slots = Array(repeating: (0, 0), count: 64)
                        shift = 64 - 6
                        for entry in list { insert(entry) }
                        list = []
                    }
                    return index
                }
                let mask = slots.count - 1
                var k = slot(hash)
                while slots[k].index != 0 {
                    if slots[k].hash == hash, isNamed(Int(slots[k].index) - 1) { return Int(slots[k].index) - 1 }
                    k = (k + 1) & mask
                }
                if 4 * (filled + 1) > 3 * slots.count { grow() }
                insert((hash, Int32(index + 1)))
                return index
            }
        }

        private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift)) }

        /// Puts an entry whose name is not in the table yet.
        private mutating func insert(_ entry: (hash: UInt64, index: Int32)) {
            let mask = slots.count - 1
            var k = slot(entry.hash)
            while slots[k].index != 0 { k = (k + 1) & mask }
            slots[k] = entry
            filled += 1
        }

        /// FNV-1a of a name's bytes, or nil when bytes cannot stand for `String ==`.
        private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes {
                if b >= 0x80 || b == Byte.semicolon || b == Byte.backtick { return nil }
                hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
            }
            return hash
        }

        private mutating func grow() {
            let old = slots
            slots = Array(repeating: (0, 0), count: old.count * 2)
            shift -= 1
            filled = 0
            for entry in old where entry.index != 0 { insert(entry) }
        }
    }

    /// Stems of the names each brand's script reads (what follows `data-`).
    private static let amoCRMStems = stems(.amocrm), kommoStems = stems(.kommo)
    private static func stems(_ brand: Brand) -> Suggestions.Candidates {
        Suggestions.Candidates(AttributeTable.specs(for: brand).map { String($0.name.dropFirst(5)) })
    }

    private static func reportUnknown(_ c: ButtonContext, _ attributes: Button.Attributes, _ i: Int, number k: Int?) {
        if let k, k < KnownName.tableCount {
            let a = attributes[i]
            let spec = KnownName.spec(k)
            c.report(.unknownAttribute, a.nameRange,
                     "\(c.shown(a)) is ignored: only \(spec.brands.sorted().map(\.displayName).joined(separator: " and "))'s button reads it\(c.brand == .amocrm && k == KnownName.theme ? "; for amoCRM use `data-color`" : "")",
                     unnecessary: true)
            return
        }
        // The message and its suggestion are worked out only for a finding that is kept;
        // the closure holds only what it needs (the context is large to copy).
        let brand = c.brand
        let known = c.knownFirsts
        c.sink.report(.unknownAttribute, attributes.nameRange(i), unnecessary: true) {
            let a = attributes[i]
            let shown = Text.code(a.writtenName)
            let script = "\(brand.displayName)'s button"
            // Compare what follows `data-`, or every short name would "mean" `data-logo`.
            guard let stem = Suggestions.nearest(String(a.name.dropFirst(5)), in: brand == .amocrm ? amoCRMStems : kommoStems) else {
                return ("\(shown) is ignored: \(script) does not read it", nil, [])
            }
            let suggestion = "data-" + stem
            // Renaming onto an attribute the tag already has would create a repeat.
            let clash = KnownName.number(of: suggestion).map { known[$0] >= 0 } ?? false
            let prefixLength = max(0, a.nameRange.count - a.name.utf8.count)
            let fix = clash ? nil : Fix("Rename to \(Text.code(suggestion))",
                                        replacing: a.nameRange.lowerBound + prefixLength..<a.nameRange.upperBound, with: suggestion,
                                        applicability: .replacing(a.name, with: suggestion))
            return ("\(shown) is ignored: \(script) reads \(Text.code(suggestion))", fix, [])
        }
    }

    /// An edit deleting an attribute and the white space before it.
    static func removal(of a: Attribute, in bytes: UnsafeBufferPointer<UInt8>) -> TextEdit {
        var start = a.range.lowerBound
        while start > 0, Byte.isSpace(bytes[start - 1]) { start -= 1 }
        return TextEdit(range: start..<a.range.upperBound, newText: "")
    }
}
