/// Everything the rules know about one file: its buttons and the facts that
/// need the whole file (which brands' classes and scripts appear, the code that
/// may define callbacks, the directive comments).
///
/// Buttons live in layers. The first layer is the file read as markup. Code
/// adds layers of `CodeText`: the markup its string literals assemble (PHP and
/// JavaScript), and the elements its `createElement` calls build. Each layer is
/// scanned by the same scanner; its `SourceMap` takes ranges back to the file.
public struct Document: Sendable {
    public let file: SourceFile
    public let layers: [Layer]
    /// Brands whose class appears on some element of the file.
    public let classBrands: Set<Brand>
    /// Brands whose script some tag of the file loads.
    public let loaderBrands: Set<Brand>
    /// JavaScript code of the file (inline scripts, script files, component
    /// code): where an error callback may be defined.
    public let codeRanges: [Range<Int>]
    /// Comments that mention `amolint-`, in file order.
    public let directiveComments: [RawComment]
    /// PHP and JavaScript code of the file, with its string literals (sorted).
    package let codeRegions: [CodeRegion]
    /// The markup scan, kept for the next edit (traced documents only).
    let markupTrace: MarkupTrace?

    /// The buttons written as markup of the file (what editor features work on).
    public var buttons: [Button] { layers.first?.buttons ?? [] }
    public var loaders: [Loader] { layers.first?.loaders ?? [] }

    public init(_ file: SourceFile) {
        self.init(file, built: file.text.withUnsafeBufferPointer { DocumentBuilder(file: file, bytes: $0).build() })
    }

    /// A document for checking alone (`Linter.lint` of a file): without the code regions that
    /// only editor features read (a copy of every literal's range: 27 MB for 10 MB of templates).
    init(checking file: SourceFile) {
        self.init(file, built: file.text.withUnsafeBufferPointer { DocumentBuilder(file: file, bytes: $0, keepsCodeRegions: false).build() })
    }

    /// `everyTag`: the plain path, where the collector sees every tag (`DocumentCollector.needsEveryTag`);
    /// only tests ask for it, to prove the fast path gives the same document.
    init(_ file: SourceFile, everyTag: Bool) {
        self.init(file, built: file.text.withUnsafeBufferPointer { DocumentBuilder(file: file, bytes: $0, everyTag: everyTag).build() })
    }

    /// A document that keeps its markup scan, so `init(_:resuming:after:)` can resume it (the server's documents).
    public init(traced file: SourceFile) { self.init(traced: file, spacing: MarkupTrace.defaultSpacing) }

    init(traced file: SourceFile, spacing: Int) {
        self.init(file, built: file.text.withUnsafeBufferPointer { DocumentBuilder(file: file, bytes: $0, tracing: true, spacing: spacing).build() })
    }

    /// What a traced document keeps to resume its markup scan after an edit:
    /// positions and decoded buttons, no text (the text can then be edited in place).
    public struct Resumption: Sendable {
        let trace: MarkupTrace?
        let kind: FileKind
    }

    public var resumption: Resumption { Resumption(trace: markupTrace?.detached(), kind: file.kind) }

    /// The document of `file`, the text a traced document's became after `edit`.
    /// Its markup is re-scanned only around the edit (HTML and component files;
    /// PHP and JSX files are read whole); the result is what `Document(traced:)` gives.
    public init(_ file: SourceFile, resuming previous: Resumption, after edit: EditSpan) {
        let resumed = previous.kind == file.kind ? previous.trace.map { (trace: $0, edit: edit) } : nil
        self.init(file, built: file.text.withUnsafeBufferPointer {
            DocumentBuilder(file: file, bytes: $0, tracing: true, previous: resumed).build()
        })
    }

    private init(_ file: SourceFile, built: DocumentBuilder.Built) {
        markupTrace = built.trace
        self.file = file
        layers = built.layers
        classBrands = built.classBrands
        loaderBrands = built.loaderBrands
        codeRanges = built.codeRanges
        directiveComments = built.directiveComments
        codeRegions = built.codeRegions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The code region holding byte `offset`, if any.
    package func codeRegion(at offset: Int) -> CodeRegion? {
        codeRegions.last { $0.range.lowerBound <= offset && offset < $0.range.upperBound }
    }

    public func hasLoader(for brand: Brand) -> Bool { loaderBrands.contains(brand) }
}

/// A stretch of host-language code: a PHP block, a script, a script file.
package struct CodeRegion: Sendable {
    package let range: Range<Int>
    /// String and template literals, quotes included, in order.
    package var literals: ArraySlice<Range<Int>> { allLiterals[literalSpan] }
    /// Outermost JSX elements (in `.jsx`/`.tsx` code).
    package let jsx: [Range<Int>]
    /// The literals of this region are `allLiterals[literalSpan]`: a file's PHP blocks share
    /// one list (a page of 100,000 blocks made, and freed, an array each).
    private let allLiterals: [Range<Int>]
    private let literalSpan: Range<Int>

    init(range: Range<Int>, literals: [Range<Int>], jsx: [Range<Int>]) {
        self.init(range: range, sharing: literals, span: literals.indices, jsx: jsx)
    }

    init(range: Range<Int>, sharing literals: [Range<Int>], span: Range<Int>, jsx: [Range<Int>]) {
        self.range = range
        allLiterals = literals
        literalSpan = span
        self.jsx = jsx
    }

    /// Inside a literal (not at its first byte): a line that starts here is string text.
    package func isInsideLiteral(_ offset: Int) -> Bool {
        literals.contains { $0.lowerBound < offset && offset < $0.upperBound }
    }

    package func isInsideJSX(_ offset: Int) -> Bool {
        jsx.contains { $0.lowerBound < offset && offset < $0.upperBound }
    }

    /// The PHP blocks or the JSX file's code, for editor features on a file
    /// the linter skipped (no button needle in it yet: the user is typing one).
    static func regions(in file: SourceFile) -> [CodeRegion] {
        file.text.withUnsafeBufferPointer { bytes in
            switch file.kind {
            case .php:
                let php = PHPLexer.lex(bytes)
                return php.blocks.map { CodeRegion(range: $0.code, literals: [], jsx: []) }
            case .jsx where bytes.count < Int(Int32.max):
                let js = JSLexer.lex(bytes, range: 0..<bytes.count, jsx: true)
                return [CodeRegion(range: 0..<bytes.count, literals: js.literals.map(\.range), jsx: js.jsxRanges)]
            default:
                return []
            }
        }
    }
}

/// One reading of the file: the file itself, or markup assembled from its code.
public struct Layer: Sendable {
    /// The bytes the scanner read: the file's own, or a `CodeText`'s.
    public let text: SharedBytes
    /// Nil for the file itself; otherwise where each byte of `text` came from.
    public let map: SourceMap?
    public let buttons: [Button]
    public let loaders: [Loader]

    /// The index of the button whose tag is exactly `range` (buttons are in text order). An index,
    /// not a copy: a layer of built elements holds one button a builder.
    func buttonIndex(at range: Range<Int>) -> Int? {
        var lo = 0, hi = buttons.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if buttons[mid].range.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < buttons.count && buttons[lo].range == range ? lo : nil
    }
}

/// Builds a document's layers. The needle prefilter comes first: a file with
/// none of the byte strings a button needs (most of a tree, every minified
/// bundle without a button) costs one fast search and nothing else.
struct DocumentBuilder {
    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    var everyTag = false
    /// Keep the code regions (`Document.codeRegions`, for editor features).
    var keepsCodeRegions = true
    /// Keep the markup scan's trace, for the next edit.
    var tracing = false
    var spacing = MarkupTrace.defaultSpacing
    /// The trace of the text before `edit`, to resume instead of scanning it all.
    var previous: (trace: MarkupTrace, edit: EditSpan)?

    struct Built {
        var layers: [Layer] = []
        var classBrands: Set<Brand> = []
        var loaderBrands: Set<Brand> = []
        var codeRanges: [Range<Int>] = []
        var directiveComments: [RawComment] = []
        var codeRegions: [CodeRegion] = []
        var trace: MarkupTrace?
    }

    /// A region of JavaScript: its range, JSX or not, and whether it is component code.
    private struct ScriptRegion {
        var range: Range<Int>
        var jsx: Bool
        var component: Bool
        var sink: Origin.Sink?
        /// Whether it holds a needle, when the scan already asked.
        var mayHoldButton: Bool? = nil
    }

    /// The code regions of a file's PHP blocks. Blocks and literals are both in file order:
    /// one merge pass, into one list the blocks share.
    private static func addCodeRegions(of php: PHPLexer, to regions: inout [CodeRegion]) {
        var literals: [Range<Int>] = []
        var spans: [Range<Int>] = []
        LargeArrays.reserve(&literals, capacity: php.literals.count)
        LargeArrays.reserve(&spans, capacity: php.blocks.count)
        var next = 0
        for block in php.blocks {
            let first = literals.count
            while next < php.literals.count, php.literals[next].range.lowerBound < block.code.upperBound {
                if block.code.contains(php.literals[next].range.lowerBound) { literals.append(php.literals[next].range) }
                next += 1
            }
            spans.append(first..<literals.count)
        }
        LargeArrays.reserve(&regions, capacity: regions.count + php.blocks.count)
        for (block, span) in zip(php.blocks, spans) {
            regions.append(CodeRegion(range: block.code, sharing: literals, span: span, jsx: []))
        }
    }

    func build() -> Built {
        var built = Built()
        guard Needles.mayHoldButton(bytes) else {
            built.layers = [Layer(text: file.text, map: nil, buttons: [], loaders: [])]
            return built
        }
        var regions: [ScriptRegion] = []
        var comments: [RawComment] = []
        var htmlComments: [Range<Int>] = []
        var php: PHPLexer?
        var jsxLexer: JSLexer?

        // 1. The file as markup (a script file has none).
        if file.kind == .script {
            built.layers.append(Layer(text: file.text, map: nil, buttons: [], loaders: []))
            regions.append(ScriptRegion(range: 0..<bytes.count, jsx: false, component: false, sink: nil))
        } else {
            // As for JavaScript, code layers keep 32-bit offsets: a file past 2 GB is read as markup only.
            if file.kind == .php, bytes.count < Int(Int32.max), Needles.contains("<?", in: bytes) {
                php = PHPLexer.lex(bytes)
            }
            var jsxTagStarts: [Int]?
            if file.kind == .jsx, bytes.count < Int(Int32.max) {
                regions.append(ScriptRegion(range: 0..<bytes.count, jsx: true, component: true, sink: nil))
                // Tags are where the JavaScript lexer found JSX, never in comments or strings.
                jsxLexer = JSLexer.lex(bytes, range: 0..<bytes.count, jsx: true)
                jsxTagStarts = jsxLexer?.jsxTagStarts
            }
            let blocks = php?.blocks.map(\.range) ?? []
            let collector: CollectedMarkup
            if tracing, blocks.isEmpty, jsxTagStarts == nil {
                let trace = previous.map { $0.trace.resumed(after: $0.edit, in: bytes, text: file.text, dialect: file.dialect) }
                    ?? MarkupTrace.scan(bytes, text: file.text, dialect: file.dialect, spacing: spacing)
                built.trace = trace
                collector = trace.collected
            } else {
                collector = Scanner.scan(bytes, dialect: file.dialect, phpBlocks: blocks, jsxTagStarts: jsxTagStarts,
                                         visitor: DocumentCollector(bytes: bytes, text: file.text, dialect: file.dialect, origins: .uniform(.markup),
                                                                    everyTag: everyTag)).collected
            }
            built.layers.append(Layer(text: file.text, map: nil, buttons: collector.buttons, loaders: collector.loaders))
            comments += collector.comments
            htmlComments = collector.htmlComments
            // Room at once: a page holds thousands of inline scripts.
            regions.reserveCapacity(regions.count + collector.scripts.count + collector.innerHTMLValues.count)
            built.codeRanges.reserveCapacity(collector.scripts.count)
            for script in collector.scripts where script.isJavaScript {
                regions.append(ScriptRegion(range: script.body, jsx: false, component: file.kind == .component, sink: nil,
                                            mayHoldButton: script.mayHoldButton))
            }
            for value in collector.innerHTMLValues {
                regions.append(ScriptRegion(range: value, jsx: false, component: file.kind == .component, sink: .innerHTML))
            }
        }

        // 2. JavaScript: string literals and built elements.
        var jsLiterals: [HostLiteral] = []
        var jsOrigins: [Origin] = []
        var builtText = CodeText()
        var builtOrigins: [(Int, Origin)] = []
        // Offsets of code are kept in 32 bits (tokens are many); a file past 2 GB is read as markup only.
        for region in regions where region.range.upperBound < Int(Int32.max) {
            // A script without a needle builds no button and holds no directive: most inline
            // scripts of a page (analytics, frameworks) cost one search, not a lexer pass.
            if region.range.count != bytes.count,
               !(region.mayHoldButton ?? Needles.mayHoldButton(UnsafeBufferPointer(rebasing: bytes[region.range]))) {
                if region.sink == nil { built.codeRanges.append(region.range) }
                continue
            }
            let lexer = region.jsx ? (jsxLexer ?? JSLexer.lex(bytes, range: region.range, jsx: true))
                : JSLexer.lex(bytes, range: region.range, jsx: false)
            comments += lexer.directiveComments
            if region.sink == nil, keepsCodeRegions {
                built.codeRegions.append(CodeRegion(range: region.range, literals: lexer.literals.map(\.range), jsx: lexer.jsxRanges))
            }
            if region.sink == nil { built.codeRanges.append(region.range) }
            let analysis = CodeAnalysis.analyse(lexer, componentCode: region.component)
            // The first region's literals are shared, not copied one by one (a script file has one region).
            if jsLiterals.isEmpty { jsLiterals = lexer.literals } else { jsLiterals += lexer.literals }
            LargeArrays.reserve(&jsOrigins, more: lexer.literals.count)
            for use in analysis.literalUses {
                jsOrigins.append(.string(sink: region.sink ?? use.sink, late: use.late))
            }
            builtText.reserve(for: analysis.elements)
            for element in analysis.elements {
                builtOrigins.append((builtText.bytes.count, .built(late: element.late)))
                builtText.append(element, literals: lexer.literals, in: bytes)
            }
        }
        if !jsLiterals.isEmpty {
            built.layers.append(layer(CodeText.joining(jsLiterals, in: bytes), literalOrigins: jsOrigins))
        }
        if !builtText.isEmpty {
            built.layers.append(scan(builtText, origins: .byStart(builtOrigins)))
        }

        // 3. PHP: string literals of code blocks (a block inside an HTML comment prints into the comment).
        if let php {
            comments += php.directiveComments
            if keepsCodeRegions { DocumentBuilder.addCodeRegions(of: php, to: &built.codeRegions) }
            let live = DocumentBuilder.outside(htmlComments, php.literals)
            if !live.isEmpty {
                built.layers.append(layer(CodeText.joining(live, in: bytes), literalOrigins: LargeArrays.filled(with: .string(sink: nil, late: false), count: live.count)))
            }
        }

        for layer in built.layers {
            // A set insertion only when the brand changes: a page may hold 100,000 buttons (each read in place, not copied).
            var last: Brand?
            for k in layer.buttons.indices where layer.buttons[k].marker == .brandClass && layer.buttons[k].brand != last {
                last = layer.buttons[k].brand
                built.classBrands.insert(layer.buttons[k].brand)
            }
            last = nil
            for k in layer.loaders.indices where layer.loaders[k].address.brand != last {
                last = layer.loaders[k].address.brand
                built.loaderBrands.insert(layer.loaders[k].address.brand)
            }
        }
        built.directiveComments = DocumentBuilder.outermost(comments)
        return built
    }

    private func layer(_ joined: (text: CodeText, literals: [Int]), literalOrigins: [Origin]) -> Layer {
        scan(joined.text, origins: .byLiteral(joined.literals.map { literalOrigins[$0] }))
    }

    private func scan(_ text: CodeText, origins: OriginTable) -> Layer {
        let shared = SharedBytes(text.bytes)
        let collected = text.bytes.withUnsafeBufferPointer { buffer in
            Scanner.scan(buffer, dialect: .markup, phpBlocks: [],
                         visitor: DocumentCollector(bytes: buffer, text: shared, dialect: .markup, origins: origins, map: text.map, everyTag: everyTag)).collected
        }
        return Layer(text: shared, map: text.map, buttons: collected.buttons, loaders: collected.loaders)
    }

    /// The literals that start outside every comment. Both lists are in file order and
    /// comments never overlap, so one merge pass decides (a page of 100,000 commented
    /// blocks would otherwise ask every comment about every literal).
    static func outside(_ comments: [Range<Int>], _ literals: [HostLiteral]) -> [HostLiteral] {
        guard !comments.isEmpty else { return literals }
        // The merge needs that order; anything else (never seen) takes the plain filter.
        guard zip(comments, comments.dropFirst()).allSatisfy({ $0.upperBound <= $1.lowerBound }),
              zip(literals, literals.dropFirst()).allSatisfy({ $0.range.lowerBound <= $1.range.lowerBound })
        else { return outsidePlain(comments, literals) }
        var out: [HostLiteral] = []
        var c = 0
        for literal in literals {
            let at = literal.range.lowerBound
            while c < comments.count, comments[c].upperBound <= at { c += 1 }
            if c < comments.count, comments[c].contains(at) { continue }
            out.append(literal)
        }
        return out
    }

    /// The plain filter (tests compare the two).
    static func outsidePlain(_ comments: [Range<Int>], _ literals: [HostLiteral]) -> [HostLiteral] {
        literals.filter { literal in !comments.contains { $0.contains(literal.range.lowerBound) } }
    }

    /// Comments in file order, without those inside another (a JSX `{/* */}` is
    /// seen by the markup scanner and by the JavaScript lexer).
    static func outermost(_ comments: [RawComment]) -> [RawComment] {
        let sorted = comments.sorted { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
        var out: [RawComment] = []
        for c in sorted {
            if let last = out.last, last.range.lowerBound <= c.range.lowerBound, c.range.upperBound <= last.range.upperBound { continue }
            out.append(c)
        }
        return out
    }
}

/// The origin of each tag a layer's scanner finds.
enum OriginTable {
    case uniform(Origin)
    /// By the string literal the tag starts in (index in the layer's source map).
    case byLiteral([Origin])
    /// By the start of the built element's markup.
    case byStart([(Int, Origin)])

    func origin(at offset: Int, map: SourceMap?) -> Origin {
        switch self {
        case .uniform(let o): return o
        case .byLiteral(let origins):
            guard let id = map?.literal(at: offset), id >= 0, Int(id) < origins.count else { return .string(sink: nil, late: false) }
            return origins[Int(id)]
        case .byStart(let starts):
            // The last element starting at or before `offset` (binary search: thousands of builders stay linear).
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid].0 <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 ? starts[lo - 1].1 : .built(late: false)
        }
    }
}

/// The byte strings without which a file cannot hold a button, a loader or a
/// directive: every way the collector recognises one starts from one of them.
enum Needles {
    /// Sixteen bytes at a time, stopping only at the rare byte pairs `_o`, `h/`
    /// and `t-` (inside `_oauth`, `auth/button` and `amolint-`); a stop that is
    /// not a needle costs one comparison. Exactly `mayHoldButtonPlain`'s answer.
    static func mayHoldButton(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        if let base = bytes.baseAddress, n >= 17 {
            let raw = UnsafeRawPointer(base)
            let under = SIMD16<UInt8>(repeating: Byte.underscore), o = SIMD16<UInt8>(repeating: 0x6F)
            let h = SIMD16<UInt8>(repeating: 0x68), slash = SIMD16<UInt8>(repeating: Byte.slash)
            let t = SIMD16<UInt8>(repeating: 0x74), dash = SIMD16<UInt8>(repeating: Byte.dash)
            while i <= n - 17 {
                let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let b = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
                let found = (a .== under .& b .== o) .| (a .== h .& b .== slash) .| (a .== t .& b .== dash)
                if any(found) {
                    for k in 0..<16 where found[k] && isNeedle(at: i + k, in: bytes) { return true }
                }
                i += 16
            }
        }
        while i < n {
            if isNeedle(at: i, in: bytes) { return true }
            i += 1
        }
        return false
    }

    /// A needle whose anchor pair starts at `i`.
    @inline(__always)
    private static func isNeedle(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes[i] {
        case Byte.underscore: return Lexing.hasPrefix("_oauth", at: i, in: bytes)
        case 0x68: return i >= 3 && Lexing.hasPrefix("auth/button", at: i - 3, in: bytes)
        case 0x74: return i >= 6 && Lexing.hasPrefix("amolint-", at: i - 6, in: bytes)
        default: return false
        }
    }

    /// The plain search: every `_`, `/` and `-` checked (tests compare the two).
    static func mayHoldButtonPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            i = ByteSearch.first(Byte.underscore, Byte.slash, Byte.dash, in: bytes, from: i, to: n)
            guard i < n else { return false }
            switch bytes[i] {
            case Byte.underscore: if Lexing.hasPrefix("_oauth", at: i, in: bytes) { return true }
            case Byte.slash: if i >= 4, Lexing.hasPrefix("auth/button", at: i - 4, in: bytes) { return true }
            default: if i >= 7, Lexing.hasPrefix("amolint-", at: i - 7, in: bytes) { return true }
            }
            i += 1
        }
        return false
    }

    static func contains(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start[0]
        let n = bytes.count
        var i = 0
        while i + count <= n {
            i = ByteSearch.first(first, first, in: bytes, from: i, to: n - count + 1)
            guard i + count <= n else { return false }
            if Lexing.hasPrefix(needle, at: i, in: bytes) { return true }
            i += 1
        }
        return false
    }
}
