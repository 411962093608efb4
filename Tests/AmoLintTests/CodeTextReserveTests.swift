import Testing
@testable import AmoLint

/// The room a code layer reserves up front stays linear in the file: literals'
/// ranges overlap (nested templates), so they must not be summed.
struct CodeTextReserveTests {
    @Test func nestedTemplatesReserveLinearRoom() {
        let levels = 6000
        let bytes = Array(String(repeating: "`${", count: levels).utf8) + Array("'amocrm_oauth'".utf8) + Array(String(repeating: "}`", count: levels).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let lexer = JSLexer.lex(buffer, range: 0..<buffer.count, jsx: false)
            #expect(lexer.literals.count == levels + 1)
            let joined = CodeText.joining(lexer.literals, in: buffer)
            #expect(joined.text.bytes.capacity <= 16 * buffer.count, "\(joined.text.bytes.capacity) bytes for \(buffer.count)")
            #expect(joined.text.map.segments.capacity <= 8 * lexer.literals.count, "\(joined.text.map.segments.capacity) segments")
        }
    }
}
