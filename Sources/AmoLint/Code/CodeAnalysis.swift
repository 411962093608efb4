/// What the tokens of JavaScript code say about buttons: elements built with
/// `document.createElement` and their attributes, whether code runs after the
/// page has loaded (a lifecycle hook or a load handler), and which string
/// literals are written through `innerHTML` and its kin (their scripts never run).
struct CodeAnalysis {
    /// An attribute set in code: its name as the DOM sees it, and its value.
    struct BuiltAttribute {
        enum NameSource {
            /// A property or `dataset` key: the name is derived, not editable.
            case derived(String, Range<Int>)
            /// A `setAttribute` name literal.
            case literal(Int32)
        }
        var name: NameSource
        var value: ValueParts
    }

    enum ValuePart {
        case literal(Int32)
        case hole(Range<Int>)
    }

    struct BuiltElement {
        /// The `createElement` argument (a string literal).
        var tagLiteral: Int32
        var tagName: String
        var key: String
        var attributes: [BuiltAttribute] = []
        /// Class tokens from `className` and `classList.add`, in order.
        var classParts: [ValueParts] = []
        var classAnchor: Range<Int>?
        var late: Bool
    }

    /// How string literals are used.
    struct LiteralUse {
        var sink: Origin.Sink?
        var late = false
    }

    private(set) var elements: [BuiltElement] = []
    private(set) var literalUses: [LiteralUse]

    private let tokens: [JSLexer.Token]
    private let literals: [HostLiteral]
    private let bytes: UnsafeBufferPointer<UInt8>
    private let componentCode: Bool
    /// For each closing bracket, the index of its opening one (-1 for other tokens).
    private var openers: [Int32]
    /// Token indices of the chain `member` reads, reused.
    private var chain: [Int] = []
    /// The first names of the built elements' variables (`s`, `this`): a chain
    /// starting with another name cannot touch one.
    private var keyHeads: [[UInt8]] = []
    /// The most names in a built element's key (`s`: 1, `this.s`: 2): a longer
    /// prefix of a chain cannot be a key, and is not joined to be looked up.
    private var longestKey = 0
    private var plainChains = false
    /// The last name looked up alone as a key (a token index, -1: none) and what it found: a
    /// builder names its element again and again (`s.src = …; s.id = …`). Forgotten when a key is set.
    private var lastName = -1
    private var lastNameIndex: Int?

    /// `plainChains`: join every chain's names into a string and look each prefix up, and
    /// read targets and literals as strings, as before the shortcuts (only tests ask, to compare).
    static func analyse(_ lexer: JSLexer, componentCode: Bool, plainChains: Bool = false) -> CodeAnalysis {
        var analysis = CodeAnalysis(lexer, componentCode: componentCode)
        analysis.plainChains = plainChains
        analysis.run()
        return analysis
    }

    private init(_ lexer: JSLexer, componentCode: Bool) {
        tokens = lexer.tokens
        literals = lexer.literals
        bytes = lexer.bytes
        self.componentCode = componentCode
        literalUses = LargeArrays.filled(with: LiteralUse(), count: lexer.literals.count)
        openers = LargeArrays.filled(with: -1, count: lexer.tokens.count)
    }

    private func openerOf(_ close: Int) -> Int? {
        guard close >= 0, close < openers.count, openers[close] >= 0 else { return nil }
        return Int(openers[close])
    }

    // MARK: Token helpers

    private func text(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[tokens[i].range]) }

    @inline(__always) private func isPunct(_ i: Int, _ s: StaticString) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuator else { return false }
        return equals(tokens[i].range, s)
    }

    @inline(__always) private func isIdent(_ i: Int, _ s: StaticString) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .identifier else { return false }
        return equals(tokens[i].range, s)
    }

    @inline(__always) private func equals(_ r: Range<Int>, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard r.count == count else { return false }
        for k in 0..<count where bytes[r.lowerBound + k] != s.utf8Start[k] { return false }
        return true
    }

    private func isIdentifier(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .identifier }

    private func identText(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .identifier else { return nil }
        return String(decoding: text(i), as: UTF8.self)
    }

    /// The decoded text of a string literal without holes.
    private func literalText(_ index: Int32) -> String? {
        // Most literals are one run of text: decoded in place, as the bytes gathered would be.
        var pieces = literals[Int(index)].pieces.makeIterator()
        if !plainChains, let first = pieces.next(), case .verbatim(let r) = first, pieces.next() == nil {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        }
        var out: [UInt8] = []
        for piece in literals[Int(index)].pieces {
            switch piece {
            case .verbatim(let r): out += UnsafeBufferPointer(rebasing: bytes[r])
            case .escaped(let v, _): out += v
            case .hole: return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func stringLiteral(_ i: Int) -> Int32? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .string || tokens[i].kind == .template else { return nil }
        return tokens[i].literal
    }

    // MARK: The pass

    private static let lateCalls = words(["useEffect", "useLayoutEffect", "onMounted", "onMount", "$", "jQuery", "ready",
                                          "afterNextRender", "afterRender"])
    private static let lateMethods = words(["componentDidMount", "mounted", "onMounted", "ngOnInit", "ngAfterViewInit",
                                            "ngAfterContentInit", "connectedCallback", "firstUpdated"])

    private static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
    private static let loadEvents: Set<String> = ["load", "DOMContentLoaded", "readystatechange"]

    private func isIdent(_ i: Int, oneOf names: [[UInt8]]) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .identifier else { return false }
        let r = tokens[i].range
        let first = bytes[r.lowerBound]
        return names.contains { $0.count == r.count && $0[0] == first && equals(r, $0) }
    }

    private func equals(_ r: Range<Int>, _ word: [UInt8]) -> Bool {
        guard r.count == word.count else { return false }
        for k in 0..<word.count where bytes[r.lowerBound + k] != word[k] { return false }
        return true
    }

    private mutating func run() {
        var frames: [(opener: Int, late: Bool)] = []
        var keys: [String: Int] = [:]
        var i = 0
        while i < tokens.count {
            let late = componentCode || (frames.last?.late ?? false)
            let t = tokens[i]
            if t.kind == .punctuator {
                let c = bytes[t.range.lowerBound]
                if t.range.count == 1, c == Byte.lparen || c == Byte.lbracket || c == Byte.lbrace {
                    frames.append((i, late || opensLateCode(i)))
                } else if t.range.count == 1, c == Byte.rparen || c == Byte.rbracket || c == Byte.rbrace {
                    if let frame = frames.popLast() { openers[i] = Int32(truncatingIfNeeded: frame.opener) }
                }
            }
            if t.kind == .string || t.kind == .template, late, t.literal >= 0 {
                literalUses[Int(t.literal)].late = true
            }
            if t.kind == .identifier, !isPunct(i - 1, "."), !isPunct(i - 1, "?.") {
                i = member(at: i, late: late, keys: &keys)
                continue
            }
            i += 1
        }
    }

    /// A `(` of a lifecycle or load-handler call, or a `{` opening such a function's body.
    private func opensLateCode(_ i: Int) -> Bool {
        if isPunct(i, "(") {
            guard i > 0, tokens[i - 1].kind == .identifier else { return false }
            if isIdent(i - 1, oneOf: CodeAnalysis.lateCalls) { return true }
            if isIdent(i - 1, "addEventListener") || isIdent(i - 1, "on") || isIdent(i - 1, "one"),
               let lit = stringLiteral(i + 1), let event = literalText(lit) {
                return CodeAnalysis.loadEvents.contains(event)
            }
            return false
        }
        guard isPunct(i, "{") else { return false }
        var j = i - 1
        if isPunct(j, "=>") {
            j -= 1
            let start = isPunct(j, ")") ? (openerOf(j) ?? j) : j
            return isLateOwner(start - 1)
        }
        var k = j
        if !isPunct(k, ")") {
            // A TypeScript return type: `ngOnInit(): void {`, `mounted(): Promise<void> {`.
            var steps = 0
            while k >= 0, steps < 12, !(isPunct(k, ")") && isPunct(k + 1, ":")) { k -= 1; steps += 1 }
            guard k >= 0, isPunct(k, ")"), isPunct(k + 1, ":") else { return false }
        }
        guard let open = openerOf(k), open > 0, tokens[open - 1].kind == .identifier else { return false }
        if isIdent(open - 1, "function") { return isLateOwner(open - 2) }
        if isIdent(open - 2, "function") { return isLateOwner(open - 3) || isIdent(open - 1, oneOf: CodeAnalysis.lateMethods) }
        return isIdent(open - 1, oneOf: CodeAnalysis.lateMethods)
    }

    /// Whether the function whose header starts after token `k` is a lifecycle
    /// method (`mounted: function`, `mounted: () =>`) or a load handler (`onload = …`).
    private func isLateOwner(_ k: Int) -> Bool {
        var k = k
        if isIdent(k, "async") { k -= 1 }
        if isPunct(k, ":") { return isIdent(k - 1, oneOf: CodeAnalysis.lateMethods) }
        if isPunct(k, "=") { return isIdent(k - 1, "onload") || isIdent(k - 1, "onreadystatechange") }
        return false
    }

    // MARK: Member chains

    /// Reads the chain starting at identifier `i` (`a.b['c'].d`) and acts on what follows it.
    private mutating func member(at start: Int, late: Bool, keys: inout [String: Int]) -> Int {
        // Walk the chain's tokens first, without building strings or keeping them:
        // most chains of a bundle (`e.length`, `t.push`) are of no interest and cost only this.
        guard start < tokens.count, tokens[start].kind == .identifier else { return start + 1 }
        let (lastToken, i) = walkChain(from: start, collect: false)
        guard mayBuild(first: start, last: lastToken, anyKeys: !keys.isEmpty) else { return i }
        _ = walkChain(from: start, collect: true)
        // A chain with a string key (`a['b.c']`) is read as strings; one of identifiers only
        // (a builder's `s.dataset.clientId`: nearly all) on its bytes, with no string but a key's.
        if plainChains || chain.contains(where: { tokens[$0].kind != .identifier }) {
            return memberNamed(at: start, next: i, late: late, keys: &keys)
        }
        let count = chain.count
        let head = chain[0], tail = chain[count - 1]
        let tailName = tokens[tail].range

        // `x = document.createElement('script')`, `const x: HTMLScriptElement = …`.
        if count >= 2, equals(tailName, "createElement"), equals(tokens[chain[count - 2]].range, "document"), isPunct(i, "("),
           let lit = stringLiteral(i + 1), isPunct(i + 2, ")"),
           let tag = literalText(lit), let key = assignmentTarget(before: start)
        {
            register(key: key, tagLiteral: lit, tag: tag, late: late, keys: &keys)
            return i + 3
        }
        // `Object.assign(x.dataset, {…})`, `Object.assign(x, {…})`.
        if count == 2, equals(tokens[head].range, "Object"), equals(tailName, "assign"), isPunct(i, "(") {
            return objectAssign(at: i, keys: keys)
        }
        // `x.innerHTML = '…'`, `x.outerHTML += …`.
        if equals(tailName, "innerHTML") || equals(tailName, "outerHTML"), isPunct(i, "=") || isPunct(i, "+=") {
            markSink(from: i + 1, to: expressionEnd(from: i + 1), .innerHTML)
        }
        if equals(tailName, "insertAdjacentHTML"), isPunct(i, "("), let close = closing(of: i) {
            var k = i + 1
            while k < close, !isPunct(k, ",") { k += 1 }
            markSink(from: k + 1, to: close, .innerHTML)
        }
        if count == 1, equals(tailName, "__html"), isPunct(i, ":") {
            markSink(from: i + 1, to: expressionEnd(from: i + 1), .innerHTML)
        }

        // Element properties and calls.
        if let (index, split) = elementSplit(count: count, keys: keys) {
            act(on: index, first: chain[split], second: split + 1 < count ? chain[split + 1] : -1, last: tail, count: count - split, next: i)
        } else if count >= 2, isIdent(tail, oneOf: CodeAnalysis.insertions), isPunct(i, "("), let close = closing(of: i) {
            // `parent.appendChild(x)`: inserting late makes the element late.
            var k = i + 1
            while k < close {
                if isPunct(k + 1, ")") || isPunct(k + 1, ","), let name = identText(k), let index = keys[name], late {
                    elements[index].late = true
                }
                k += 1
            }
        }
        return i
    }

    /// The built element the identifier chain in `chain` starts with, and how many of its names its key takes.
    private mutating func elementSplit(count: Int, keys: [String: Int]) -> (Int, Int)? {
        guard count >= 2 else { return nil }
        for split in stride(from: count - 1, through: 1, by: -1) where split <= max(1, longestKey) {
            let key: String
            if split == 1 {
                // The same bytes make the same string, so they find what they found last time.
                let name = tokens[chain[0]].range
                if lastName >= 0, sameBytes(tokens[lastName].range, name) { return lastNameIndex.map { ($0, 1) } }
                let found = keys[String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)]
                lastName = chain[0]
                lastNameIndex = found
                return found.map { ($0, 1) }
            } else {
                // Joined as bytes: a dot ends any invalid sequence, so this is the names' strings joined.
                var joined: [UInt8] = []
                for k in 0..<split {
                    if k > 0 { joined.append(Byte.dot) }
                    joined += UnsafeBufferPointer(rebasing: bytes[tokens[chain[k]].range])
                }
                key = String(decoding: joined, as: UTF8.self)
            }
            if let index = keys[key] { return (index, split) }
        }
        return nil
    }

    private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] { return false }
        return true
    }

    /// `act` for a chain of identifiers: `first` and `second` are the token indices of
    /// the names after the element's key (`second` -1 when there is one), `last` the chain's last.
    private mutating func act(on index: Int, first: Int, second: Int, last: Int, count: Int, next i: Int) {
        let assigned = isPunct(i, "=")
        let name = tokens[first].range
        if count == 1 {
            if assigned, equals(name, "src") {
                add(to: index, .derived("src", name), valueFrom: i + 1)
            } else if assigned, equals(name, "id") {
                add(to: index, .derived("id", name), valueFrom: i + 1)
            } else if assigned, equals(name, "className") {
                elements[index].classParts = [value(from: i + 1, to: expressionEnd(from: i + 1))]
                elements[index].classAnchor = name
            } else if equals(name, "setAttribute"), isPunct(i, "(") {
                setAttribute(on: index, open: i)
            }
        } else if count == 2 {
            if assigned, equals(name, "dataset") {
                let key = tokens[second].range
                add(to: index, .derived(CodeAnalysis.datasetName(UnsafeBufferPointer(rebasing: bytes[key])), key), valueFrom: i + 1)
            } else if equals(name, "classList"), equals(tokens[last].range, "add"), isPunct(i, "(") {
                classListAdd(on: index, open: i)
            }
        }
    }

    private mutating func register(key: String, tagLiteral lit: Int32, tag: String, late: Bool, keys: inout [String: Int]) {
        keys[key] = elements.count
        lastName = -1
        longestKey = max(longestKey, 1 + key.utf8.reduce(0) { $0 + ($1 == Byte.dot ? 1 : 0) })
        if !plainChains, !key.utf8.contains(Byte.dot) {
            // One name (most keys): its own head, compared in place (no split, no array unless new).
            if !keyHeads.contains(where: { $0.elementsEqual(key.utf8) }) { keyHeads.append(Array(key.utf8)) }
        } else if let head = key.split(separator: ".").first.map({ Array($0.utf8) }), !keyHeads.contains(head) {
            keyHeads.append(head)
        }
        // Past a thousand elements (a flood of builders), room for as many as the tokens can
        // hold at once (eight a builder at the least): doubling copied them and touched their pages twice.
        if elements.count == 1024 { LargeArrays.reserve(&elements, capacity: max(2048, tokens.count / 8)) }
        elements.append(BuiltElement(tagLiteral: lit, tagName: tag.lowercased(), key: key, late: late))
    }

    /// `member` on names as strings: a chain with a string key, or every chain when `plainChains`.
    private mutating func memberNamed(at start: Int, next i: Int, late: Bool, keys: inout [String: Int]) -> Int {
        let nameTokens = chain
        var names: [String] = []
        names.reserveCapacity(nameTokens.count)
        // The chain's names joined with dots are only written out when a string key holds a dot
        // (an identifier never does): otherwise comparing the names one by one gives the same
        // answer without building a string.
        var dotted = plainChains
        for t in nameTokens {
            if let name = identText(t) { names.append(name) }
            else if let lit = stringLiteral(t), let key = literalText(lit) {
                names.append(key)
                if key.utf8.contains(Byte.dot) { dotted = true }
            }
            else { return i }
        }
        let chain = dotted ? names.joined(separator: ".") : ""
        func chainIs(_ whole: String, _ parts: [String]) -> Bool {
            dotted ? chain == whole : names == parts
        }
        let createsElement = dotted
            ? chain == "document.createElement" || chain.hasSuffix(".document.createElement")
            : names.count >= 2 && names[names.count - 1] == "createElement" && names[names.count - 2] == "document"

        // `x = document.createElement('script')`, `const x: HTMLScriptElement = …`.
        if createsElement, isPunct(i, "("),
           let lit = stringLiteral(i + 1), isPunct(i + 2, ")"),
           let tag = literalText(lit), let key = assignmentTarget(before: start)
        {
            register(key: key, tagLiteral: lit, tag: tag, late: late, keys: &keys)
            return i + 3
        }

        // `Object.assign(x.dataset, {…})`, `Object.assign(x, {…})`.
        if chainIs("Object.assign", ["Object", "assign"]), isPunct(i, "(") {
            return objectAssign(at: i, keys: keys)
        }

        // `x.innerHTML = '…'`, `x.outerHTML += …`.
        if let last = names.last, last == "innerHTML" || last == "outerHTML", isPunct(i, "=") || isPunct(i, "+=") {
            markSink(from: i + 1, to: expressionEnd(from: i + 1), .innerHTML)
        }
        if names.last == "insertAdjacentHTML", isPunct(i, "("), let close = closing(of: i) {
            var k = i + 1
            while k < close, !isPunct(k, ",") { k += 1 }
            markSink(from: k + 1, to: close, .innerHTML)
        }
        if names.count == 1, names[0] == "__html", isPunct(i, ":") {
            markSink(from: i + 1, to: expressionEnd(from: i + 1), .innerHTML)
        }

        // Element properties and calls.
        if let (index, rest) = element(for: names, keys: keys, dotted: dotted) {
            act(on: index, rest: rest, nameTokens: Array(nameTokens.suffix(rest.count)), next: i, late: late)
        } else if names.count >= 2, CodeAnalysis.insertionNames.contains(names[names.count - 1]), isPunct(i, "("), let close = closing(of: i) {
            // `parent.appendChild(x)`: inserting late makes the element late.
            var k = i + 1
            while k < close {
                if let name = identText(k), let index = keys[name], isPunct(k + 1, ")") || isPunct(k + 1, ",") {
                    if late { elements[index].late = true }
                }
                k += 1
            }
        }
        return i
    }

    /// Walks the chain from identifier `start` (`a.b['c'].d`): its last name token
    /// and the token after it; with `collect`, `chain` receives every name token.
    private mutating func walkChain(from start: Int, collect: Bool) -> (last: Int, end: Int) {
        // Emptied one by one: a chain is a few names, and `removeAll` rebuilt the array each time.
        if collect { while !chain.isEmpty { chain.removeLast() } }
        var i = start, last = start
        while i < tokens.count, tokens[i].kind == .identifier {
            if collect { chain.append(i) }
            last = i
            i += 1
            if isPunct(i, ".") || isPunct(i, "?.") { i += 1; continue }
            if isPunct(i, "["), stringLiteral(i + 1) != nil, isPunct(i + 2, "]") {
                if collect { chain.append(i + 1) }
                last = i + 1
                i += 3
                if isPunct(i, ".") { i += 1; continue }
            }
            break
        }
        return (last, i)
    }

    /// Whether a chain from `first` to `last` may build, fill or insert an element, or write
    /// markup: it starts at `document`, `window`, `Object`, `__html` or a built element's
    /// variable, or ends at `innerHTML`, `outerHTML`, `insertAdjacentHTML` or an insertion.
    /// The names are told apart by their length first (most identifiers match none).
    private func mayBuild(first: Int, last: Int, anyKeys: Bool) -> Bool {
        let head = tokens[first].range
        switch head.count {
        case 8: if equals(head, "document") { return true }
        case 6: if equals(head, "window") || equals(head, "Object") || equals(head, "__html") { return true }
        default: break
        }
        if tokens[last].kind == .identifier {
            let tail = tokens[last].range
            if tail.count == 9, equals(tail, "innerHTML") || equals(tail, "outerHTML") { return true }
            if tail.count == 18, equals(tail, "insertAdjacentHTML") { return true }
        }
        return anyKeys && (isIdent(first, oneOf: keyHeads) || isIdent(last, oneOf: CodeAnalysis.insertions))
    }

    private static let insertionNames = ["appendChild", "append", "prepend", "insertBefore", "after", "before",
                                         "replaceWith", "insertAdjacentElement", "replaceChildren"]
    private static let insertions = words(insertionNames)

    /// The built element a chain starts with, and the rest of the chain.
    /// `dotted`: some name holds a dot, so a prefix of any length may join to a key.
    private func element(for names: [String], keys: [String: Int], dotted: Bool) -> (Int, ArraySlice<String>)? {
        guard names.count >= 2 else { return nil }
        for split in stride(from: names.count - 1, through: 1, by: -1) {
            // A key is identifiers joined by dots: without dotted names, a prefix of more names than the longest key is none.
            if split == 1, !plainChains {
                if let index = keys[names[0]] { return (index, names[1...]) }
            } else if dotted || split <= longestKey, let index = keys[names[..<split].joined(separator: ".")] {
                return (index, names[split...])
            }
        }
        return nil
    }

    private mutating func act(on index: Int, rest: ArraySlice<String>, nameTokens: [Int], next i: Int, late: Bool) {
        let assigned = isPunct(i, "=")
        let first = rest.first ?? ""
        switch (first, rest.count) {
        case ("src", 1) where assigned, ("id", 1) where assigned:
            add(to: index, .derived(first, tokens[nameTokens[0]].range), valueFrom: i + 1)
        case ("className", 1) where assigned:
            elements[index].classParts = [value(from: i + 1, to: expressionEnd(from: i + 1))]
            elements[index].classAnchor = tokens[nameTokens[0]].range
        case ("dataset", 2) where assigned:
            let key = rest[rest.startIndex + 1]
            let nameToken = nameTokens[1]
            if tokens[nameToken].kind == .identifier {
                add(to: index, .derived("data-" + CodeAnalysis.kebab(key), tokens[nameToken].range), valueFrom: i + 1)
            } else if tokens[nameToken].literal >= 0 {
                add(to: index, .derived("data-" + CodeAnalysis.kebab(key), literals[Int(tokens[nameToken].literal)].range), valueFrom: i + 1)
            }
        case ("setAttribute", 1) where isPunct(i, "("):
            setAttribute(on: index, open: i)
        case ("classList", 2) where rest.last == "add" && isPunct(i, "("):
            classListAdd(on: index, open: i)
        default:
            break
        }
    }

    /// `x.setAttribute('name', value)`, the `(` at `i`.
    private mutating func setAttribute(on index: Int, open i: Int) {
        guard let lit = stringLiteral(i + 1), isPunct(i + 2, ","), let close = closing(of: i), let name = literalText(lit) else { return }
        if name.lowercased() == "class" {
            elements[index].classParts.append(value(from: i + 3, to: close))
            elements[index].classAnchor = literals[Int(lit)].range
        } else {
            elements[index].attributes.append(BuiltAttribute(name: .literal(lit), value: value(from: i + 3, to: close)))
        }
    }

    /// `x.classList.add('a', 'b')`, the `(` at `i`.
    private mutating func classListAdd(on index: Int, open i: Int) {
        guard let close = closing(of: i) else { return }
        var k = i + 1
        while k < close {
            if let lit = stringLiteral(k) {
                elements[index].classParts.append([.literal(lit)])
                if elements[index].classAnchor == nil { elements[index].classAnchor = literals[Int(lit)].range }
            }
            k += 1
        }
    }

    private mutating func add(to index: Int, _ name: BuiltAttribute.NameSource, valueFrom start: Int) {
        let end = expressionEnd(from: start)
        let attribute = BuiltAttribute(name: name, value: value(from: start, to: end))
        // A property set twice keeps the last value, as the DOM does. Looked for before removing:
        // an element is given each property once (removing nothing still rewrote the array).
        if case .derived(let n, _) = name {
            let same: (BuiltAttribute) -> Bool = { if case .derived(let m, _) = $0.name { return m == n } else { return false } }
            if elements[index].attributes.contains(where: same) { elements[index].attributes.removeAll(where: same) }
        }
        // Room for two attributes at once (a builder sets `src` and a data attribute at least), not
        // grown from one by doubling; no more: every element's list stays alive until the markup is written.
        if elements[index].attributes.capacity == 0 { elements[index].attributes.reserveCapacity(2) }
        elements[index].attributes.append(attribute)
    }

    /// `Object.assign(x.dataset, { clientId: '…' })` or `Object.assign(x, { src: '…' })`.
    private mutating func objectAssign(at open: Int, keys: [String: Int]) -> Int {
        guard let close = closing(of: open) else { return open + 1 }
        var k = open + 1
        var path: [String] = []
        while let name = identText(k) {
            path.append(name)
            k += 1
            if isPunct(k, ".") { k += 1 } else { break }
        }
        guard isPunct(k, ","), isPunct(k + 1, "{"), let objectClose = closing(of: k + 1) else { return open + 1 }
        let dataset = path.last == "dataset"
        guard let index = keys[(dataset ? path.dropLast() : path[...]).joined(separator: ".")] else { return open + 1 }
        var p = k + 2
        while p < objectClose {
            var keyName: String?
            var keyRange: Range<Int>?
            if let name = identText(p) { keyName = name; keyRange = tokens[p].range }
            else if let lit = stringLiteral(p), let name = literalText(lit) { keyName = name; keyRange = literals[Int(lit)].range }
            guard let name = keyName, let range = keyRange, isPunct(p + 1, ":") else { p += 1; continue }
            let end = min(expressionEnd(from: p + 2), objectClose)
            if dataset {
                add(to: index, .derived("data-" + CodeAnalysis.kebab(name), range), valueFrom: p + 2)
            } else if name == "className" {
                elements[index].classParts = [value(from: p + 2, to: end)]
                elements[index].classAnchor = range
            } else if name == "src" || name == "id" {
                add(to: index, .derived(name, range), valueFrom: p + 2)
            }
            p = end + 1
        }
        return close + 1
    }

    // MARK: Expressions

    private func closing(of open: Int) -> Int? {
        var depth = 0
        var k = open
        while k < tokens.count {
            if tokens[k].kind == .punctuator, tokens[k].range.count == 1 {
                let c = bytes[tokens[k].range.lowerBound]
                if c == Byte.lparen || c == Byte.lbracket || c == Byte.lbrace { depth += 1 }
                if c == Byte.rparen || c == Byte.rbracket || c == Byte.rbrace {
                    depth -= 1
                    if depth == 0 { return k }
                }
            }
            k += 1
            // Bounded: a builder's call never spans thousands of tokens.
            if k - open > 4096 { return nil }
        }
        return nil
    }

    /// The token index after an assignment's right-hand side: a `;`, a `,` or a
    /// closing bracket at depth 0, or a line break where a statement may end.
    private func expressionEnd(from start: Int) -> Int {
        var depth = 0
        var k = start
        while k < tokens.count, k - start < 4096 {
            let t = tokens[k]
            if k > start, t.newlineBefore, depth == 0, !continues(k) { return k }
            if t.kind == .punctuator, t.range.count == 1 {
                let c = bytes[t.range.lowerBound]
                if c == Byte.lparen || c == Byte.lbracket || c == Byte.lbrace { depth += 1 }
                if c == Byte.rparen || c == Byte.rbracket || c == Byte.rbrace {
                    if depth == 0 { return k }
                    depth -= 1
                }
                if depth == 0, c == Byte.semicolon || c == Byte.comma { return k }
            }
            k += 1
        }
        return k
    }

    /// After a line break, an expression goes on when an operator joins the lines.
    private func continues(_ k: Int) -> Bool {
        let previous = tokens[k - 1]
        if previous.kind == .punctuator, !(isPunct(k - 1, ")") || isPunct(k - 1, "]") || isPunct(k - 1, "}")) { return true }
        return isPunct(k, "+") || isPunct(k, ".") || isPunct(k, "?") || isPunct(k, ":") || isPunct(k, "?.")
            || isPunct(k, "&&") || isPunct(k, "||") || isPunct(k, "??")
    }

    /// A value as literal parts and holes: `'https://' + host + '/cb'` keeps both
    /// literals; a condition or fallback (`a ? 'x' : 'y'`, `a || 'x'`) is run-time as a whole.
    private func value(from start: Int, to end: Int) -> ValueParts {
        guard start < end, end <= tokens.count else { return [] }
        let whole = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
        var parts = ValueParts()
        var k = start
        var holeStart: Int?
        var depth = 0
        while k < end {
            let t = tokens[k]
            if depth == 0, isPunct(k, "?") || isPunct(k, "||") || isPunct(k, "&&") || isPunct(k, "??") { return [.hole(whole)] }
            if t.kind == .punctuator, t.range.count == 1 {
                let c = bytes[t.range.lowerBound]
                if c == Byte.lparen || c == Byte.lbracket || c == Byte.lbrace { depth += 1 }
                if c == Byte.rparen || c == Byte.rbracket || c == Byte.rbrace { depth -= 1 }
            }
            // Only literals joined at the top level are part of the value: `f('x')` is run-time as a whole.
            if depth == 0, t.kind == .string || t.kind == .template, t.literal >= 0 {
                if let s = holeStart { parts.append(.hole(s..<t.range.lowerBound)); holeStart = nil }
                parts.append(.literal(t.literal))
                k += 1
                // Tokens inside a template's `${…}` belong to it.
                while k < end, tokens[k].range.lowerBound < t.range.upperBound { k += 1 }
                continue
            }
            if holeStart == nil, !(depth == 0 && isPunct(k, "+")) { holeStart = t.range.lowerBound }
            k += 1
        }
        if let s = holeStart { parts.append(.hole(s..<tokens[end - 1].range.upperBound)) }
        return parts
    }

    private mutating func markSink(from start: Int, to end: Int, _ sink: Origin.Sink) {
        var k = start
        while k < min(end, tokens.count) {
            if let lit = stringLiteral(k) { literalUses[Int(lit)].sink = sink }
            k += 1
        }
    }

    /// The target of `target = <here>`: `x`, `this.x`, or `const x: T`.
    private func assignmentTarget(before start: Int) -> String? {
        var k = start - 1
        if isPunct(k, "(") { k -= 1 }  // `x = (document.createElement('script'))`
        guard isPunct(k, "=") else { return nil }
        k -= 1
        // `const s: HTMLScriptElement = …`
        if plainChains { return assignmentTargetPlain(at: k) }
        if isIdentifier(k), isPunct(k - 1, ":"), isIdentifier(k - 2) { k -= 2 }
        // The names' bytes joined by dots, decoded once: a dot ends any invalid sequence,
        // so this is the names' strings joined.
        let last = k
        guard isIdentifier(k) else { return nil }
        while isPunct(k - 1, "."), isIdentifier(k - 2) { k -= 2 }
        if k == last { return String(decoding: text(k), as: UTF8.self) }
        var joined: [UInt8] = []
        for name in stride(from: k, through: last, by: 2) {
            if name > k { joined.append(Byte.dot) }
            joined += text(name)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// `assignmentTarget` on strings, from the token before `=` (`plainChains` asks, to compare).
    private func assignmentTargetPlain(at k: Int) -> String? {
        var k = k
        if identText(k) != nil, isPunct(k - 1, ":"), identText(k - 2) != nil { k -= 2 }
        var names: [String] = []
        while let name = identText(k) {
            names.insert(name, at: 0)
            if isPunct(k - 1, ".") { k -= 2 } else { break }
        }
        return names.isEmpty ? nil : names.joined(separator: ".")
    }

    /// `clientId` → `client-id`, as the DOM maps `dataset` keys to attributes.
    static func kebab(_ key: String) -> String {
        // Upper-case ASCII letters are single UTF-8 bytes, and no byte of another scalar is one.
        var out: [UInt8] = []
        out.reserveCapacity(key.utf8.count + 4)
        for b in key.utf8 {
            if b >= 0x41, b <= 0x5A {
                out.append(Byte.dash)
                out.append(b | 0x20)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `"data-" + kebab(key)` for an identifier's bytes, with no string between: ASCII
    /// bytes are changed alone and end any invalid sequence, so repairing after is the same.
    static func datasetName(_ key: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the string's storage (repaired as `String(decoding:)` would), of
        // the exact length: up to 15 bytes (`data-client-id`) the string is held inline, not allocated.
        var upper = 0
        for b in key where b >= 0x41 && b <= 0x5A { upper += 1 }
        return String(unsafeUninitializedCapacity: key.count + upper + 5) { out in
            var n = 0
            for b in "data-".utf8 { out[n] = b; n += 1 }
            for b in key {
                if b >= 0x41, b <= 0x5A {
                    out[n] = Byte.dash
                    out[n + 1] = b | 0x20
                    n += 2
                } else {
                    out[n] = b
                    n += 1
                }
            }
            return n
        }
    }

    /// The plain mapping, scalar by scalar (tests compare the two).
    static func kebabPlain(_ key: String) -> String {
        var out = ""
        for scalar in key.unicodeScalars {
            if scalar.value >= 0x41, scalar.value <= 0x5A {
                out += "-" + String(scalar).lowercased()
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
