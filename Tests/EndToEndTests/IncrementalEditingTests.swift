import Foundation
import JSONValue
import XCTest

/// The server re-scans only around an edit; what it publishes after each edit
/// must be what it publishes for the same text opened afresh. Random typing and
/// deleting through the built server, in UTF-16 positions, on a page with
/// Cyrillic and emoji, buttons, scripts, comments and template blocks.
final class IncrementalEditingTests: XCTestCase {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
    }

    static let snippets = ["x", "\n", "Ж", "🚀", "<", ">", "\"", "-->", "<!--", "{{ a }}", "{%", "%}", "</script>", "<script>",
                           " data-color=\"Blue\"", " class=\"amocrm_oauth\"", "crm, notifications", "http://", "<!-- amolint-disable -->"]

    static func page() -> String {
        var page = "<!doctype html>\n<html><body>\n"
        for k in 0..<300 {
            switch k % 6 {
            case 0: page += "<p>Раздел \(k) 🚀👩‍💻 — подключите amoCRM</p>\n"
            case 1: page += "<script>var v\(k) = '<b>'; if (a < b) {}</script>\n"
            case 2: page += "<!-- заметка \(k) -->\n"
            case 3: page += "{% if user %}<span>{{ user.name }}</span>{% endif %}\n"
            case 4 where k % 24 == 4:
                page += "<script class=\"amocrm_oauth\" data-client-id=\"{{ id }}\" data-state=\"{{ state }}\" data-color=\"Blue\" "
                    + "data-scopes=\"crm, notifications\" data-redirect_uri=\"http://пример.рф/cb\" src=\"https://www.amocrm.ru/auth/button.min.js\"></script>\n"
            default: page += "<div class=\"card\"><a href=\"/p/\(k)\">Ссылка \(k)</a></div>\n"
            }
        }
        return page + "</body></html>\n"
    }

    /// Diagnostics without the version each carries in `data`, and with `uri` standing for the document's.
    static func comparable(_ diagnostics: [JSON], uri: String) -> [String] {
        diagnostics.map { d in
            var d = d.objectValue ?? [:]
            if var data = d["data"]?.objectValue {
                data["version"] = nil
                d["data"] = .object(data)
            }
            return JSON.object(d).serialized().replacingOccurrences(of: uri, with: "URI")
        }
    }

    func testEditsPublishWhatAFreshOpenPublishes() throws {
        let session = try LSPSession()
        let uri = "file:///project/typing.html"
        var text = Self.page()
        let opened = try session.open(uri, text)
        XCTAssertGreaterThan(opened.count, 20)
        var g = Generator(state: 11)
        for round in 0..<120 {
            var changes: [(start: JSON, end: JSON, text: String)] = []
            for _ in 0...(g.next() % 2) {
                let characters = text.count
                let a = Int(g.next() % UInt64(characters + 1))
                let b = min(characters, a + Int(g.next() % 5))
                let lower = text.index(text.startIndex, offsetBy: a), upper = text.index(text.startIndex, offsetBy: g.next() % 3 == 0 ? a : b)
                let insert = g.next() % 4 == 0 ? "" : Self.snippets[Int(g.next() % UInt64(Self.snippets.count))]
                changes.append((session.position(text, lower), session.position(text, upper), insert))
                text.replaceSubrange(lower..<upper, with: insert)
            }
            let published = try session.edit(uri, changes)
            XCTAssertEqual(session.texts[uri], text)
            let fresh = try session.open("file:///project/fresh-\(round).html", text)
            let (a, b) = (Self.comparable(published, uri: uri), Self.comparable(fresh, uri: "file:///project/fresh-\(round).html"))
            guard a != b else { continue }
            let k = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            XCTFail("after round \(round): \(a.count) vs \(b.count) diagnostics; first difference at \(k): \(k < a.count ? a[k] : "none") vs \(k < b.count ? b[k] : "none")")
            return
        }
    }
}
