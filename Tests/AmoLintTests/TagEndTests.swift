import Testing
@testable import AmoLint

/// `TagEnd.skim` (sixteen bytes at a time, only the bytes that matter looked at)
/// answers what the byte loops answer, or nothing: on generated start tags built
/// to break it (quotes in names, `=` after white space, `/` not before `>`,
/// template bytes, control bytes, every block boundary and the input's end).
struct TagEndTests {
    static let pieces = [
        " ", "  ", "\n", "\t", "\r", "\u{0C}", "\u{0B}", "\0", "a", "class", "data-x", "x:y", "@click", "v-on:", "é", "🚀",
        "=", "\"", "'", "\"x\"", "'y'", "=\"v\"", "='v'", "=\"a b\"", "=\"/p/q.png\"", "=\"a>b\"", "='a\"b'", "=\"a'b\"",
        "=\"<?= $x ?>\"", "=\"https://www.example.com/a/b/c.png?x=1&y='2'\"", "='a long value \" that spans a block or two'", "=\"{{ y }}\"", "=\"${z}\"", "=\"m@x.ru\"", "=\"&amp;\"", "=x", " = \"v\"", "= \"v\"", " =\"v\"",
        "/", "/>", ">", "<", "{", "}", "$", "@", "{{ a }}", "<?php ?>", "&", "#", "%", "\"\"",
    ]

    /// `Scanner.startTag`'s reading: the name up to white space, `/` or `>`, then `TagEnd.plain`.
    static func plainReading(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TagEnd.Found? {
        var p = start + 1
        while p < bytes.count, !Byte.isTagNameStop(bytes[p]) { p += 1 }
        guard let (end, selfClosing) = TagEnd.plain(from: p, in: bytes) else { return nil }
        return TagEnd.Found(nameEnd: p, end: end, selfClosing: selfClosing)
    }

    static func tag(_ random: inout SplitMix) -> [UInt8] {
        var bytes = Array(["<div", "<p", "<a", "<img", "<DIV", "<x-y", "<a\"b", "<p="][random.below(8)].utf8)
        for _ in 0..<random.below(12) { bytes += Array(pieces[random.below(pieces.count)].utf8) }
        // Mostly well formed: a plain attribute and an end.
        if random.below(2) == 0 { bytes += Array(" class=\"amocrm_oauth\"".utf8) }
        if random.below(4) != 0 { bytes += Array([">", "/>", " >"][random.below(3)].utf8) }
        return bytes
    }

    @Test("skim answers what the byte loops answer, or nothing")
    func skimAgreesWithPlain() {
        var random = SplitMix(seed: 14)
        var answered = 0, plainAnswered = 0
        for _ in 0..<40_000 {
            let before = random.below(20), after = random.below(40)
            var input = (0..<before).map { _ in UInt8(ascii: "x") } + TagEndTests.tag(&random)
            for _ in 0..<after { input.append([0x3E, 0x20, 0x22, 0x61, 0x2F][random.below(5)]) }
            input.withUnsafeBufferPointer { bytes in
                let plain = TagEndTests.plainReading(at: before, in: bytes)
                if plain != nil { plainAnswered += 1 }
                guard let skimmed = TagEnd.skim(at: before, in: bytes) else { return }
                answered += 1
                #expect(skimmed == plain, "\(String(decoding: input, as: UTF8.self).debugDescription)")
            }
        }
        // The fast path must be taken, not only be safe.
        #expect(answered * 4 > plainAnswered, "skim answered \(answered) of \(plainAnswered)")
    }

    @Test("skim reads the tags of real pages", arguments: [
        #"<div class="row">"#, #"<img src="/img/1.jpg" alt="sales" loading="lazy" width="320" height="200">"#, "<p>", "<br/>",
        #"<input type='text' disabled/>"#, #"<a href="https://e.com/?a=1&b=2#x" title="a > b">"#, "<div\nclass=\"x\"\n>",
    ])
    func realTags(_ tag: String) {
        let input = Array((tag + String(repeating: " ", count: 17)).utf8)
        input.withUnsafeBufferPointer { bytes in
            let skimmed = TagEnd.skim(at: 0, in: bytes)
            #expect(skimmed != nil)
            #expect(skimmed == TagEndTests.plainReading(at: 0, in: bytes))
        }
    }

    @Test("ByteBlock gives the bits PortableByteBlock gives")
    func portableByteBlock() {
        var random = SplitMix(seed: 16)
        for _ in 0..<2_000 {
            let bytes = (0..<32).map { _ in [0x00, 0x20, 0x21, 0x3E, 0x7F, 0x80, 0xFF][random.below(7)] as UInt8 }
            let probe = [0x00, 0x20, 0x3E, 0x80, 0xFF][random.below(5)] as UInt8
            let offset = random.below(17)
            bytes.withUnsafeBytes { raw in
                let fast = ByteBlock(raw.baseAddress!, at: offset), portable = PortableByteBlock(raw.baseAddress!, at: offset)
                var equal: UInt32 = 0, atMost: UInt32 = 0
                for k in 0..<16 {
                    if bytes[offset + k] == probe { equal |= 1 << UInt32(k) }
                    if bytes[offset + k] <= probe { atMost |= 1 << UInt32(k) }
                }
                #expect(fast.lanes(equalTo: probe).bits == equal)
                #expect(portable.lanes(equalTo: probe).bits == equal)
                #expect(fast.lanes(atMost: probe).bits == atMost)
                #expect(portable.lanes(atMost: probe).bits == atMost)
                #expect((fast.lanes(equalTo: probe) | fast.lanes(atMost: 0x20)).bits == (portable.lanes(equalTo: probe) | portable.lanes(atMost: 0x20)).bits)
                #expect((fast.lanes(equalTo: probe) & fast.lanes(atMost: 0x20)).bits == (portable.lanes(equalTo: probe) & portable.lanes(atMost: 0x20)).bits)
            }
        }
    }
}
