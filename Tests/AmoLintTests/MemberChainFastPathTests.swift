import Testing
@testable import AmoLint

/// Chains of identifiers read on their bytes find the same elements, attributes,
/// sinks and late marks as chains read as strings (`plainChains`), on generated
/// builder code with keys of one to three names, late code, insertions, and
/// identifiers that are not ASCII or not UTF-8 at all.
struct MemberChainFastPathTests {
    static let statements = [
        "@ = document.createElement('script');", "@ = window.document.createElement(\"DIV\");", "var @=document.createElement('script');",
        "@.className='amocrm_oauth';", "@.className = a + 'b' + `c${d}`;", "@.dataset.clientId='x';", "@.dataset.redirectURI = u\n",
        "@.dataset.ÉtatX = 's';", "@.dataset.\u{FF}Bad = 'q';", "@.src='https://www.amocrm.ru/auth/button.min.js';", "@.src = a || 'b';",
        "@.id = 'amocrm_oauth'", "@.id = x.y(z);", "@.setAttribute('data-color', 'Blue');", "@.setAttribute('CLASS', 'amocrm_oauth ' + m);",
        "@.classList.add('amocrm_oauth', k, 'z');", "@.classList.remove('a');", "@.dataset.a.b = 1;", "@.x.y.z = 2;", "@.src.length = 3;",
        "document.body.appendChild(@);", "p.append(@, q);", "p.q.insertBefore(@, r);", "@.innerHTML = '<div class=\"amocrm_oauth\">';",
        "@.outerHTML += '<b>';", "@.insertAdjacentHTML('beforeend', '<script class=\"amocrm_oauth\">');", "({ __html: '<i class=\"amocrm_oauth\">' });",
        "Object.assign(@.dataset, { clientId: 'q', 'state': z });", "Object.assign(@, { className: 'amocrm_oauth', src: u, id: 'i' });",
        "useEffect(() => {", "window.addEventListener('load', function () {", "mounted() {", "});", "}", "\n", "@.src\n= 'next line';",
        "document.createElement('a');", "@ = (document.createElement('i'));", "const @: HTMLScriptElement = document.createElement('script');",
    ]
    static let targets = ["s", "t", "el", "this.b", "a.b", "this.b.c", "é", "s\u{FF}"]

    @Test func identifierChainsFindWhatStringChainsFind() {
        var random = SplitMix(seed: 0xB1_7E_C4)
        var differs = false
        for round in 0..<600 where !differs {
            var code = ""
            for _ in 0..<(1 + random.below(40)) {
                let statement = MemberChainFastPathTests.statements[random.below(MemberChainFastPathTests.statements.count)]
                code += statement.replacingOccurrences(of: "@", with: MemberChainFastPathTests.targets[random.below(MemberChainFastPathTests.targets.count)])
                code += random.below(3) == 0 ? "\n" : " "
            }
            // `\u{FF}` stands for a byte that is no UTF-8.
            let bytes = Array(code.utf8).reduce(into: [UInt8]()) { out, b in
                if out.last == 0xC3, b == 0xBF { out[out.count - 1] = 0xFF } else { out.append(b) }
            }
            bytes.withUnsafeBufferPointer { buffer in
                let lexer = JSLexer.lex(buffer, range: 0..<buffer.count, jsx: false)
                let fast = CodeAnalysis.analyse(lexer, componentCode: round % 7 == 0)
                let plain = CodeAnalysis.analyse(lexer, componentCode: round % 7 == 0, plainChains: true)
                func rendered(_ a: CodeAnalysis) -> String {
                    var text = CodeText()
                    for element in a.elements { text.append(element, literals: lexer.literals, in: buffer) }
                    let elements = a.elements.map { "\($0.key) \($0.tagName) \($0.late) \($0.attributes.count) \($0.classParts.count)" }
                    let uses = a.literalUses.map { "\(String(describing: $0.sink)) \($0.late)" }
                    return "\(elements)\n\(uses)\n\(text.bytes)\n\(text.map.segments.map { "\($0)" })"
                }
                differs = rendered(fast) != rendered(plain)
                #expect(rendered(fast) == rendered(plain), "\(code)")
            }
        }
    }

    /// A `dataset` key's attribute name made on bytes is `data-` and the key in kebab case.
    @Test func datasetNamesOnBytesAreKebabOnScalars() {
        var random = SplitMix(seed: 0xDA_7A_5E)
        let pieces: [[UInt8]] = [[0x61], [0x5A], [0x41, 0x42], [0xC3, 0xA9], [0xC3], [0xA9], [0xFF], [0xE2, 0x82], [0x5F], [0x30], [0xF0, 0x9F, 0x99, 0x82]]
        for _ in 0..<5000 {
            let key = (0..<random.below(8)).flatMap { _ in pieces[random.below(pieces.count)] }
            let fast = key.withUnsafeBufferPointer { CodeAnalysis.datasetName($0) }
            #expect(fast == "data-" + CodeAnalysis.kebabPlain(String(decoding: key, as: UTF8.self)), "\(key)")
        }
    }
}
