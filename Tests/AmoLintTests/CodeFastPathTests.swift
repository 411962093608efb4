import Foundation
import Testing
@testable import AmoLint

/// The host-language layer's fast paths give exactly what the plain ones give,
/// on generated (seeded) inputs.
struct CodeFastPathTests {
    /// The block index of a source map only narrows the binary search: every
    /// virtual offset (and a few outside the text) finds the same segment.
    @Test func aSourceMapBlockLookupFindsThePlainSegment() {
        var random = SplitMix(seed: 0x50_0C_E3_A9)
        let source = [UInt8](repeating: 0x61, count: 4096)
        for round in 0..<300 {
            var text = CodeText()
            let pieces = 1 + random.below(round % 3 == 0 ? 400 : 40)
            source.withUnsafeBufferPointer { bytes in
                for _ in 0..<pieces {
                    // Tiny pieces (many a block), pieces of a block's size and runs over several blocks.
                    let length = [1, 2, 3, random.below(40) + 1, 255, 256, 257, random.below(1500) + 1][random.below(8)]
                    let at = random.below(source.count - length)
                    switch random.below(4) {
                    case 0: text.appendVerbatim(bytes, at..<at + length, literal: Int32(random.below(3)) - 1)
                    case 1: text.appendMapped(source[0..<length], source: at..<at + 2, literal: -1)
                    case 2: text.appendSynthetic("=\"", at: at)
                    default: text.appendHole(source: at..<at + length)
                    }
                }
            }
            for v in -2..<(text.bytes.count + 600) {
                #expect(text.map.segmentIndex(v) == text.map.segmentIndexPlain(v), "round \(round), offset \(v)")
            }
        }
    }

    /// `dataset` keys map byte by byte as they did scalar by scalar.
    @Test func kebabOnBytesIsKebabOnScalars() {
        var random = SplitMix(seed: 0x6B_EB_AB)
        let pieces = ["a", "Z", "Id", "URL", "é", "Ǆ", "ß", "🙂", "-", "_", "0", "A", "z", "@", "[", "Ω"]
        for _ in 0..<5000 {
            let key = (0..<random.below(9)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(CodeAnalysis.kebab(key) == CodeAnalysis.kebabPlain(key), "\(key)")
        }
    }

    /// Member chains compared name by name (and prefixes longer than any key
    /// skipped) find the same elements, attributes and sinks as chains joined
    /// into strings, on generated builder code with dotted string keys.
    @Test func memberChainsFindWhatJoinedChainsFind() {
        var random = SplitMix(seed: 0xC4_A1_25)
        let targets = ["s", "t", "this.b", "el", "a.b", "this.b.c"]
        let statements = [
            "@ = document.createElement('script');", "@ = window.document.createElement(\"div\");",
            "const @: HTMLElement = document.createElement('button');", "x['document.createElement']('a');",
            "@ = x['document.createElement']('a');", "@ = (document.createElement('i'));",
            "@.className = 'amocrm_oauth';", "@.dataset.clientId = 'x' + y;", "@['data.x'].y = 'v';",
            "@.setAttribute('data-color', 'Blue');", "@.setAttribute('class', 'amocrm_oauth');",
            "Object.assign(@.dataset, { clientId: 'q', 'redirectUri': 'https://x' });", "Object.assign(@, { src: 's', className: 'c' });",
            "@.classList.add('a', 'b');", "document.body.appendChild(@);", "p.append(@, q);", "@.innerHTML = '<div class=\"amocrm_oauth\">';",
            "useEffect(() => { @.src = 'late'; });", "@.src = c ? 'a' : 'b';", "@.id = 'amocrm_oauth';", "this.b['src'] = 'u';",
            "@['x.y'] = 1;", "@['dataset'].clientId = 'k';", "@.dataset['secretKey'] = 'k';", "window.onload = function () { @.id = 'z'; };",
            "@.insertAdjacentHTML('beforeend', '<b class=\"amocrm_oauth\">');", "({ __html: '<i>' });", "@.outerHTML += 'x';",
        ]
        for round in 0..<400 {
            var code = ""
            for _ in 0..<(1 + random.below(30)) {
                let statement = statements[random.below(statements.count)]
                code += statement.replacingOccurrences(of: "@", with: targets[random.below(targets.count)])
                code += random.below(3) == 0 ? "\n" : " "
            }
            let bytes = Array(code.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let lexer = JSLexer.lex(buffer, range: 0..<buffer.count, jsx: false)
                let fast = CodeAnalysis.analyse(lexer, componentCode: round % 5 == 0)
                let plain = CodeAnalysis.analyse(lexer, componentCode: round % 5 == 0, plainChains: true)
                func rendered(_ a: CodeAnalysis) -> String {
                    var text = CodeText()
                    for element in a.elements { text.append(element, literals: lexer.literals, in: buffer) }
                    let elements = a.elements.map { "\($0.key) \($0.tagName) \($0.late)" }
                    let uses = a.literalUses.map { "\(String(describing: $0.sink)) \($0.late)" }
                    return "\(elements)\n\(uses)\n" + String(decoding: text.bytes, as: UTF8.self)
                }
                #expect(rendered(fast) == rendered(plain), "\(code)")
            }
        }
    }
}

extension CodeFastPathTests {
    /// PHP literals inside HTML comments are dropped by one merge pass exactly as by
    /// asking every comment: comments touching, nested ranges, literals at their edges.
    @Test func literalsOutsideCommentsMergeAsThePlainFilter() {
        var random = SplitMix(seed: 0x0C_0C_4E)
        for round in 0..<3000 {
            var comments: [Range<Int>] = []
            var at = random.below(5)
            for _ in 0..<random.below(12) {
                let length = random.below(8)
                comments.append(at..<at + length)
                at += length + random.below(4)
            }
            if round % 10 == 0, comments.count > 1 { comments.swapAt(0, comments.count - 1) }  // out of order: the plain filter
            var literals: [HostLiteral] = []
            var start = 0
            for _ in 0..<random.below(20) {
                start += random.below(4)
                literals.append(HostLiteral(range: start..<start + 1 + random.below(5), style: .phpSingle))
            }
            let fast = DocumentBuilder.outside(comments, literals).map(\.range)
            let plain = DocumentBuilder.outsidePlain(comments, literals).map(\.range)
            #expect(fast == plain, "\(comments) \(literals.map(\.range))")
        }
    }

    /// An escape's bytes kept inline read back as the array they came from.
    @Test func escapeBytesReadBackAsWritten() {
        var random = SplitMix(seed: 0xE5_CA_9E)
        for _ in 0..<2000 {
            let bytes = (0..<random.below(5)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(Array(EscapeBytes(bytes)) == bytes)
            if let first = bytes.first { #expect(Array(EscapeBytes(byte: first)) == [first]) }
        }
    }
}

extension CodeFastPathTests {
    /// Nested templates keep a literal and two lexer modes per level: their layouts stay compact.
    @Test func literalsAndLexerModesStayCompact() {
        #expect(MemoryLayout<HostLiteral>.stride <= 56, "HostLiteral: \(MemoryLayout<HostLiteral>.stride) bytes")
        #expect(MemoryLayout<HostLiteral.Piece>.stride <= 32, "Piece: \(MemoryLayout<HostLiteral.Piece>.stride) bytes")
        #expect(JSLexer.modeStride <= 12, "JSLexer.Mode: \(JSLexer.modeStride) bytes")
    }
}

extension CodeFastPathTests {
    /// A source map segment packed in sixteen bytes gives back what it was made with.
    @Test func packedSegmentsReadBackTheirFields() {
        var random = SplitMix(seed: 0x5E_6)
        for _ in 0..<2000 {
            let v = random.below(Int(UInt32.max)), s = random.below(Int(Int32.max)), e = s + random.below(1 << 20)
            let literal = [Int32(-1), 0, 1, Int32(random.below(Int(Int32.max) - 1))][random.below(4)]
            let verbatim = random.below(2) == 0
            var segment = SourceMap.Segment(virtualStart: v, sourceStart: s, sourceEnd: e, literal: literal, verbatim: verbatim)
            #expect(segment.virtualStart == v && segment.sourceStart == s && segment.sourceEnd == e)
            #expect(segment.literal == literal && segment.verbatim == verbatim, "\(literal) \(verbatim)")
            segment.sourceEnd = e + 7
            #expect(segment.sourceEnd == e + 7 && segment.literal == literal && segment.verbatim == verbatim)
        }
        #expect(MemoryLayout<SourceMap.Segment>.stride == 16)
    }
}
