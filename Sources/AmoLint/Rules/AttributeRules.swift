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
        for i in attributes.indices {
            let k = c.knownNumber(i)
            let f = k.map { c.firstIndex($0) ?? i } ?? others.first(at: i, in: attributes)
            if f != i {
                if attributes[i].isConditional || attributes[f].isConditional { continue }
                let a = attributes[i], original = attributes[f]
                c.markNoEffect(i)
                c.report(.duplicateAttribute, a.range,
                         "\(c.shown(a)) is repeated: HTML keeps the first \(c.shown(original)) and drops this one; remove it",
                         fix: Fix("Remove the repeated \(Text.code(a.writtenName))", [removal(of: a, in: c.bytes)]),
                         related: [RelatedLocation(range: original.range, message: "First \(Text.code(original.writtenName)), the one the browser keeps")],
                         unnecessary: true)
                continue
            }
            guard c.isData(i) else { continue }
            if let k, k < KnownName.tableCount, KnownName.isRead(k, by: c.brand) { continue }
            if EnumerationChecks.classifyColor(c, index: i, attribute: attributes[i], number: k) { continue }
            c.markNoEffect(i)
            reportUnknown(c, attributes, i, number: k)
        }
    }

    /// The first index of each name, by `String ==`: a short list searched in
    /// order, then a table (a hostile tag has 100,000 different names).
    private struct FirstOfName {
        private var list: [(name: String, index: Int)] = []
        /// Open addressing by a hash of the bytes of names that are ASCII without `;`
        /// and `` ` `` (the ASCII characters with a canonically equivalent twin), for
        /// which equal bytes are `String ==`: the hash, and the attribute index plus one (0: empty).
        private var slots: [(hash: UInt64, index: Int32)] = []
        private var shift = 0
        private var filled = 0
        /// Every other name, by `String ==`.
        private var others: [String: Int] = [:]

        /// The index of the first attribute named as the one at `index`, recording `index` if it is the first.
        mutating func first<Attributes: RandomAccessCollection<Attribute>>(at index: Int, in attributes: Attributes) -> Int where Attributes.Index == Int {
            let name = attributes[index].name
            if slots.isEmpty {
                for entry in list where entry.name == name { return entry.index }
                list.append((name, index))
                if list.count > 16 {
                    slots = Array(repeating: (0, 0), count: 64)
                    shift = 64 - 6
                    for entry in list { _ = record(entry.name, entry.index, in: attributes) }
                    list = []
                }
                return index
            }
            return record(name, index, in: attributes)
        }

        private mutating func record<Attributes: RandomAccessCollection<Attribute>>(_ name: String, _ index: Int, in attributes: Attributes) -> Int
            where Attributes.Index == Int
        {
            guard let hash = name.utf8.withContiguousStorageIfAvailable(FirstOfName.hash) ?? FirstOfName.hash(Array(name.utf8)) else {
                if let f = others[name] { return f }
                others[name] = index
                return index
            }
            if 4 * (filled + 1) > 3 * slots.count { grow() }
            let mask = slots.count - 1
            var k = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
            while slots[k].index != 0 {
                if slots[k].hash == hash {
                    let f = Int(slots[k].index) - 1
                    if attributes[f].name == name { return f }
                }
                k = (k + 1) & mask
            }
            slots[k] = (hash, Int32(index + 1))
            filled += 1
            return index
        }

        /// FNV-1a of a name's bytes, or nil when bytes cannot stand for `String ==`.
        private static func hash(_ bytes: some Collection<UInt8>) -> UInt64? {
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
            let mask = slots.count - 1
            for slot in old where slot.index != 0 {
                var k = Int(truncatingIfNeeded: (slot.hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
                while slots[k].index != 0 { k = (k + 1) & mask }
                slots[k] = slot
            }
        }
    }

    /// Stems of the names each brand's script reads (what follows `data-`).
    private static let amoCRMStems = stems(.amocrm), kommoStems = stems(.kommo)
    private static func stems(_ brand: Brand) -> Suggestions.Candidates {
        Suggestions.Candidates(AttributeTable.specs(for: brand).map { String($0.name.dropFirst(5)) })
    }

    private static func reportUnknown<Attributes: RandomAccessCollection<Attribute>>(_ c: ButtonContext, _ attributes: Attributes, _ i: Int, number k: Int?)
        where Attributes.Index == Int
    {
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
        c.sink.report(.unknownAttribute, attributes[i].nameRange, unnecessary: true) {
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
