import Foundation
import Testing
@testable import AmoLint

/// The server's incremental path (`Document(_:resuming:after:)`) must give exactly the
/// document a full scan gives. Chains of seeded random edits, built from the
/// tokens that change how markup reads (comment and template delimiters,
/// quotes, script tags, button attributes), run over every markup example of
/// every rule, the example pages and a generated page; after each edit the
/// resumed document is compared with a fresh one, and so are their diagnostics.
struct IncrementalScanTests {
    static let tokens = [
        "<", ">", "\"", "'", "=", "/", " ", "\n", "\r\n", "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{{--", "--}}",
        "<!--", "-->", "<?php ", "?>", "<%", "%>", "${", "@if(", ")", "@endif", "<script>", "</script>", "<script ", "<style>",
        "</style>", "<textarea>", "<div ", "</div>", " class=\"amocrm_oauth\"", " class='kommo_oauth'", " id=\"amocrm_oauth\"",
        " data-client-id=\"", " data-color=\"blue\"", " data-scopes=\"crm,notifications\"", " data-redirect_uri=\"http://a.ru\"",
        " src=\"https://www.amocrm.ru/auth/button.min.js\"", "<!-- amolint-disable data-color -->", " v-html=\"x\"",
        "Привет", "🚀", "x", "&amp;", "`",
    ]

    /// Markup files: those the incremental path reads (PHP and JSX are read whole).
    static func corpus() throws -> [(path: String, text: String)] {
        var files: [(String, String)] = []
        for rule in RuleCatalog.all {
            for example in rule.triggering + rule.nonTriggering where [.markup, .component].contains(FileKind(path: example.file)) {
                files.append((example.file, Marked(example.code).text))
            }
        }
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
        where [.markup, .component].contains(FileKind(path: name)) {
            files.append((name, try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)))
        }
        files.append(("generated.html", generatedPage()))
        return files
    }

    /// About 60 KB: text, scripts, styles, comments, template blocks and buttons, so
    /// that checkpoints exist and edits land before, inside and after them.
    static func generatedPage() -> String {
        var g = SplitMix(seed: 7)
        var page = "<!doctype html>\n<html><head><title>Вход</title>\n"
        for k in 0..<400 {
            switch g.next() % 9 {
            case 0: page += "<script>var a\(k) = 1 < 2 && '<div>';</script>\n"
            case 1: page += "<!-- раздел \(k) -->\n"
            case 2: page += "{% if user %}<p>{{ user.name }}</p>{% endif %}\n"
            case 3: page += "<style>.x\(k) > p { color: red }</style>\n"
            case 4: page += "<script class=\"amocrm_oauth\" data-client-id=\"{{ id }}\" data-color=\"Blue\" charset=\"utf-8\" src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n"
            case 5: page += "<div class=\"row\" data-k=\"\(k)\"><a href=\"/p/\(k)\">Ссылка 🚀 \(k)</a></div>\n"
            case 6: page += "<?php echo $x; ?><span>\(k)</span>\n"
            case 7: page += "<p>" + String(repeating: "Длинный текст абзаца. ", count: 8) + "</p>\n"
            default: page += "<script>document.write('x');</script>\n"
            }
        }
        return page + "</body></html>\n"
    }

    static func describe(_ d: Document) -> [String] {
        var out = d.layers.map { layer in "layer \(layer.text.count): " + layer.buttons.map { "\($0.range) \($0.tagName) \($0.attributes.map(\.range))" }.joined(separator: ",")
            + " loaders " + layer.loaders.map { "\($0.range)" }.joined(separator: ",") }
        out.append("classes \(d.classBrands.map(\.rawValue).sorted()) loaders \(d.loaderBrands.map(\.rawValue).sorted())")
        out.append("code \(d.codeRanges) directives \(d.directiveComments.map(\.range))")
        if let c = d.markupTrace?.collected {
            out.append("scripts \(c.scripts.map(\.body)) html \(c.innerHTMLValues) comments \(c.comments.map(\.range)) \(c.htmlComments)")
        }
        return out
    }

    @Test("a document resumed after random edits equals the document scanned whole")
    func resumedEqualsScanned() throws {
        var g = SplitMix(seed: 42)
        var resumedSteps = 0
        for (path, text) in try Self.corpus() {
            var bytes = Array(text.utf8)
            // Every step boundary a checkpoint (the most places to resume from), or the server's spacing.
            let spacing = g.next() % 2 == 0 ? 1 : MarkupTrace.defaultSpacing
            var document = Document(traced: SourceFile(path: path, bytes: bytes), spacing: spacing)
            for _ in 0..<(path == "generated.html" ? 120 : 12) {
                // One to three edits in a burst, each against the text the one before left.
                var span: EditSpan?
                for _ in 0...(g.next() % 3) {
                    let a = Int(g.next() % UInt64(bytes.count + 1))
                    let b = min(bytes.count, a + Int(g.next() % 6))
                    let insert = g.next() % 4 == 0 ? [] : Array(Self.tokens[Int(g.next() % UInt64(Self.tokens.count))].utf8)
                    let range = g.next() % 3 == 0 ? a..<a : a..<b
                    bytes.replaceSubrange(range, with: insert)
                    span = span.map { $0.then(replacing: range, count: insert.count) } ?? EditSpan(replacing: range, count: insert.count)
                }
                let file = SourceFile(path: path, bytes: bytes)
                let resumed = Document(file, resuming: document.resumption, after: span!)
                let scanned = Document(traced: file, spacing: spacing)
                let where_ = "\(path) after \(span!)"
                #expect(Self.describe(resumed) == Self.describe(scanned), "\(where_)")
                #expect(Linter.lint(resumed).diagnostics == Linter.lint(scanned).diagnostics, "\(where_)")
                if resumed.markupTrace != nil { resumedSteps += 1 }
                document = resumed
            }
        }
        #expect(resumedSteps > 500, "the incremental path was taken \(resumedSteps) times")
    }

    /// Steps that read past their own end: the name after `</script`, a Blade
    /// directive's arguments up to the line's end, a `{{!--` that needs one more `}`.
    static let lookAheadPages = [
        "<p>x</p><script>var a = 1;</script><p>y</p>",
        "<div @if(x class=\"amocrm_oauth\" data-color=\"Blue\">a ) b</div><p>z</p>",
        "<p>{{!-- a --}} b }</p><div class=\"amocrm_oauth\" data-color=\"red\"></div>",
        "<title>Вход</title><textarea>a</textarea ><style>p{}</style/>",
        "<script class=\"kommo_oauth\" data-scopes=\"crm, x\" src=\"https://www.kommo.com/auth/button.min.js\"></script>",
    ]

    @Test("every one-byte edit of small pages, resumed at any step boundary, gives the scanned document", arguments: lookAheadPages)
    func everyOneByteEdit(_ page: String) {
        // Filler first, so that the scan can resume past its start; a button at the
        // end, since a page without one is not scanned at all.
        let filler = String(repeating: "<p>а</p>", count: 470)
        let bytes = Array((filler + page + "<b class=\"amocrm_oauth\" data-color=\"Blue\"></b>").utf8)
        let document = Document(traced: SourceFile(path: "p.html", bytes: bytes), spacing: 1)
        for at in filler.utf8.count - 8..<bytes.count {
            for (range, insert) in [(at..<at + 1, [UInt8(ascii: "X")]), (at..<at + 1, []), (at..<at, [UInt8(ascii: ")")]), (at..<at, [UInt8(ascii: "\n")])] {
                var edited = bytes
                edited.replaceSubrange(range, with: insert)
                let file = SourceFile(path: "p.html", bytes: edited)
                let resumed = Document(file, resuming: document.resumption, after: EditSpan(replacing: range, count: insert.count))
                let scanned = Document(traced: file, spacing: 1)
                #expect(Self.describe(resumed) == Self.describe(scanned), "\(range) → \(insert) in \(page)")
            }
        }
    }

    @Test("an edit far from a button re-scans a few kilobytes, not the page")
    func resumesNearTheEdit() throws {
        let page = Self.generatedPage()
        let bytes = Array(page.utf8)
        let document = Document(traced: SourceFile(path: "p.html", bytes: bytes))
        let trace = try #require(document.markupTrace)
        #expect(trace.checkpoints.count > 10)
        var edited = bytes
        let middle = bytes.count / 2
        edited.insert(0x78, at: middle)
        let resumed = Document(SourceFile(path: "p.html", bytes: edited), resuming: document.resumption, after: EditSpan(replacing: middle..<middle, count: 1))
        let after = try #require(resumed.markupTrace)
        // The checkpoints before the edit are the old ones; those after it are the old ones moved.
        let kept = trace.checkpoints.filter { $0.offset + MarkupTrace.slack <= middle }
        #expect(Array(after.checkpoints.prefix(kept.count)) == kept)
        #expect(after.checkpoints.last?.offset == (trace.checkpoints.last?.offset ?? 0) + 1)
    }

    @Test("an edit that closes a construct opened far before it is seen", arguments: [
        ("<% if x ", " %>"), ("<div data-a=\"${ x \">", " } \">"), ("<!-- ", " -->"), ("{{!-- ", " --}}}"), ("<?xml ", "?>"),
        ("<div @if(x ", ")>"),
    ])
    func closingFarAway(_ opener: String, _ closer: String) throws {
        let button = "<script class=\"amocrm_oauth\" data-color=\"Blue\" src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n"
        let filler = String(repeating: "<p>Абзац 🚀 текста.</p>\n", count: 800)
        let page = "<html>" + opener + filler + button + filler + "</html>\n"
        var bytes = Array(page.utf8)
        let document = Document(traced: SourceFile(path: "p.html", bytes: bytes))
        // Close it after the button, then before it: each time the resumed document is the scanned one.
        for at in [bytes.count - 8, page.utf8.count / 3] {
            var edited = bytes
            edited.insert(contentsOf: Array(closer.utf8), at: at)
            let file = SourceFile(path: "p.html", bytes: edited)
            let resumed = Document(file, resuming: document.resumption, after: EditSpan(replacing: at..<at, count: closer.utf8.count))
            let scanned = Document(traced: file)
            #expect(Self.describe(resumed) == Self.describe(scanned), "\(opener) closed at \(at)")
            #expect(Linter.lint(resumed).diagnostics == Linter.lint(scanned).diagnostics, "\(opener) closed at \(at)")
        }
        // And removing the opener again.
        bytes.removeSubrange(6..<6 + opener.utf8.count)
        let file = SourceFile(path: "p.html", bytes: bytes)
        let resumed = Document(file, resuming: document.resumption, after: EditSpan(replacing: 6..<6 + opener.utf8.count, count: 0))
        #expect(Self.describe(resumed) == Self.describe(Document(traced: file)))
    }

    @Test("a line index updated after random edits equals the one built whole")
    func lineIndexUpdates() {
        var g = SplitMix(seed: 9)
        let pieces = ["\n", "\r", "\r\n", "a", "Пр", "🚀", "\n\n", String(repeating: "длинная строка ", count: 60)]
        var bytes = Array("первая\r\nвторая\rтретья\n\n".utf8)
        var index = LineIndex(bytes)
        for _ in 0..<3000 {
            let a = Int(g.next() % UInt64(bytes.count + 1))
            let b = min(bytes.count, a + Int(g.next() % 4))
            let insert = g.next() % 3 == 0 ? [] : Array(pieces[Int(g.next() % UInt64(pieces.count))].utf8)
            index.replace(a..<b, with: insert, in: &bytes)
            if bytes.count > 20_000 {
                bytes.removeSubrange(10_000...)
                index = LineIndex(bytes)
                continue
            }
            let built = LineIndex(bytes)
            #expect(Array(index.lineStarts) == Array(built.lineStarts), "after replacing \(a)..<\(b)")
            #expect(index.checkpoints == built.checkpoints, "after replacing \(a)..<\(b)")
            if Array(index.lineStarts) != Array(built.lineStarts) { return }
        }
    }

    @Test("spans of a burst combine into one")
    func spansCombine() {
        // "abcdef": replace "b" by "XYZ" → "aXYZcdef"; then delete "Zc" → "aXYdef".
        let span = EditSpan(replacing: 1..<2, count: 3).then(replacing: 3..<5, count: 0)
        #expect(span == EditSpan(start: 1, oldEnd: 3, newEnd: 3))
        // An edit before the span widens it to the left.
        #expect(EditSpan(replacing: 5..<6, count: 1).then(replacing: 0..<1, count: 2) == EditSpan(start: 0, oldEnd: 6, newEnd: 7))
    }
}
