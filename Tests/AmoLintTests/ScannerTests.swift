import Testing
@testable import AmoLint

/// Collects everything the scanner reports, as text, for assertions.
struct Recorder: ScanVisitor {
    let bytes: [UInt8]
    var tags: [String] = []
    var attributes: [[String]] = []
    var comments: [String] = []
    var rawTexts: [String] = []

    func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    mutating func visitTag(_ tag: RawTag) {
        tags.append(text(tag.nameRange))
        attributes.append(tag.attributes.map { a in text(a.nameRange) + (a.valueRange.map { "=" + text($0) } ?? "") })
    }
    mutating func visitComment(_ comment: RawComment) { comments.append(text(comment.contentRange)) }
    mutating func visitRawText(element: Range<Int>, body: Range<Int>) { rawTexts.append(text(body)) }
}

func scan(_ text: String, dialect: Dialect = .markup) -> Recorder {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { Scanner.scan($0, dialect: dialect, visitor: Recorder(bytes: bytes)) }
}

struct ScannerTests {
    @Test func attributesInEveryQuoting() {
        let r = scan(#"<DIV Class="a b" data-x='1' data-y=2 data-bare data-z = "3">"#)
        #expect(r.tags == ["DIV"])
        #expect(r.attributes == [["Class=a b", "data-x=1", "data-y=2", "data-bare", "data-z=3"]])
    }

    @Test func commentsAndRawTextHideTags() {
        let r = scan(#"<!-- <script class="amocrm_oauth"> --><script>var s = '<div class="amocrm_oauth">';</script><textarea><p></textarea><b>"#)
        #expect(r.tags == ["script", "textarea", "b"])
        #expect(r.comments == [#" <script class="amocrm_oauth"> "#])
        #expect(r.rawTexts == [#"var s = '<div class="amocrm_oauth">';"#, "<p>"])
    }

    @Test func unclosedCommentRunsToTheEnd() {
        let r = scan("<!-- <div class=x> <p>")
        #expect(r.tags.isEmpty)
        #expect(r.comments == [" <div class=x> <p>"])
    }

    @Test func phpInsideTagsAndValues() {
        let r = scan(#"<div <?php if ($a->b > 1): ?> data-a="<?= $x["k"] ?>" <?php endif; ?> data-b=1>"#)
        #expect(r.attributes == [[#"data-a=<?= $x["k"] ?>"#, "data-b=1"]])
    }

    @Test func bladeDirectivesAndCommentsInsideTags() {
        let r = scan(#"<div {{-- amolint-disable-next-line x --}} @if($a) data-logo="{{ $l }}" @endif @click="go" x-bind:data-s="s">"#)
        #expect(r.attributes == [[#"data-logo={{ $l }}"#, "@click=go", "x-bind:data-s=s"]])
        #expect(r.comments == [" amolint-disable-next-line x "])
    }

    @Test func twigJinjaAndErb() {
        let r = scan(#"{# <div class="amocrm_oauth"> #}<div {% if a %}data-a="{{ b }}"{% endif %} data-c=<%= c %>>"#)
        #expect(r.tags == ["div"])
        #expect(r.attributes == [[#"data-a={{ b }}"#, "data-c=<%= c %>"]])
    }

    @Test func conditionalAttributesAreMarked() {
        let bytes = Array(#"<div @if($a) data-x="1" @else data-x="2" @endif data-y="3">"#.utf8)
        struct Flags: ScanVisitor {
            var conditional: [Bool] = []
            mutating func visitTag(_ tag: RawTag) { conditional = tag.attributes.map { $0.flags.contains(.conditional) } }
            mutating func visitComment(_ comment: RawComment) {}
            mutating func visitRawText(element: Range<Int>, body: Range<Int>) {}
        }
        let f = bytes.withUnsafeBufferPointer { Scanner.scan($0, dialect: .markup, visitor: Flags()) }
        #expect(f.conditional == [true, true, false])
    }

    @Test func jsxExpressionsAndComparisons() {
        let r = scan(#"for (i = 0; i<n; i++) {} return (<script className="amocrm_oauth" data-logo={url + "/l.png"} {...rest} />)"#, dialect: .jsx)
        #expect(r.tags == ["script"])
        #expect(r.attributes == [[#"className=amocrm_oauth"#, #"data-logo=url + "/l.png""#]])
        #expect(r.rawTexts.isEmpty, "a self-closing JSX script has no body")
    }

    @Test func unterminatedTagIsDropped() {
        #expect(scan(#"<p>ok</p><div class="amocrm_oauth" data-x="1"#).tags == ["p"])
    }

    @Test func hostileInputsAreLinearAndSane() {
        // Each is 200 KB; a quadratic scanner would take minutes here, not milliseconds.
        let n = 200_000
        #expect(scan(String(repeating: "<", count: n)).tags.isEmpty)
        #expect(scan(String(repeating: "{{", count: n / 2)).tags.isEmpty)
        #expect(scan(String(repeating: "<a b={", count: n / 6)).tags.isEmpty)
        #expect(scan(String(repeating: "<?php ", count: n / 6)).tags.isEmpty)
        #expect(scan(String(repeating: "<a x=\"{{\">", count: n / 10)).tags.count == n / 10)
        #expect(scan("<div " + String(repeating: "data-a=1 ", count: n / 9) + ">").attributes.first?.count == n / 9)
    }
}
