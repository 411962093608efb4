import Testing
@testable import AmoLint

/// The rules answer on bytes what the plain code answers on `Character`s. Each
/// byte path is compared with its plain twin on text built to break it: ASCII
/// (where the byte path runs) and ASCII mixed with combining marks, `\r\n`,
/// Unicode white space and the scalars canonically equivalent to ASCII.
struct BytePathTests {
    static let ascii = ["a", "B", "x", "X", "z", "0", "1", "9", ":", "/", "@", "[", "]", ".", "-", "_", ",", "&", "#", "+", " ",
                        "\t", "\r", "\n", "\u{0B}", ";", "<", ">", "{", "}", "\u{0}", "%", "=", "?", "$"]
    static let tricky = ["é", "e\u{301}", "\u{301}", "\u{A0}", "\u{3000}", "\u{212A}", "\u{37E}", "\u{1FEF}", "\u{600}", "я", "😀", "\u{200D}", "\r\n"]
    static let words = ["https://", "http://", "//", "localhost", "127.0.0.1", "[::1]", "example.com", "crm", "files_delete",
                        "post-message", "client_id", "your", "xxx", "&amp;", "&#", "data-", "window.", "fc", "192.168.", "+10"]

    /// Deterministic text: pieces of the alphabets and words, of lengths 0 to 10.
    static let samples: [String] = {
        var state: UInt64 = 14
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var out = ascii + tricky + words
        for k in 0..<6000 {
            let alphabet = k % 2 == 0 ? ascii + words : ascii + words + tricky
            out.append((0..<next(11)).map { _ in alphabet[next(alphabet.count)] }.joined())
        }
        return out
    }()

    /// `trimmingWhitespace` as it was written on Characters.
    static func plainTrimmed(_ s: String) -> Substring {
        var start = s.startIndex, end = s.endIndex
        while start < end, s[start].isWhitespace { start = s.index(after: start) }
        while end > start, s[s.index(before: end)].isWhitespace { end = s.index(before: end) }
        return s[start..<end]
    }

    @Test func trimmingMatchesCharacters() {
        for s in Self.samples {
            #expect(s.trimmingWhitespace() == Self.plainTrimmed(s), "\(s.debugDescription)")
            #expect(s.trimmingWhitespace().utf8.count == Self.plainTrimmed(s).utf8.count, "\(s.debugDescription)")
        }
    }

    @Test func containsMatchesCharacters() {
        for s in Self.samples {
            for b in [Byte.ampersand, Byte.hash, Byte.plus, Byte.space, Byte.lt, Byte.gt] {
                #expect(ASCII.contains(s, b) == s.contains(Character(UnicodeScalar(b))), "\(s.debugDescription) \(b)")
            }
            #expect(ASCII.hasDataPrefix(s) == s.hasPrefix("data-"), "\(s.debugDescription)")
            #expect(ASCII.hasDataPrefix("data-" + s) == ("data-" + s).hasPrefix("data-"), "\(s.debugDescription)")
            #expect(ASCII.containsNUL(s) == s.utf8.contains(0), "\(s.debugDescription)")
        }
    }

    @Test func uriPartsMatchCharacters() {
        for s in Self.samples + Self.samples.map({ "https://" + $0 }) + Self.samples.map({ "http://a@" + $0 + ":80/p" }) {
            let fast = URIParts(s), plain = URIParts(plain: s)
            #expect(fast.problem == plain.problem && fast.scheme == plain.scheme && fast.host.map(String.init) == plain.host.map(String.init),
                    "\(s.debugDescription)")
            if let host = plain.host {
                #expect(URIChecks.isLocal(host) == URIChecks.plainIsLocal(host), "\(s.debugDescription)")
            }
            #expect(URIChecks.isLocal(Substring(s)) == URIChecks.plainIsLocal(Substring(s)), "\(s.debugDescription)")
        }
    }

    @Test func valueChecksMatchCharacters() {
        for s in Self.samples {
            #expect(SecurityChecks.containsCharacterReference(s) == SecurityChecks.plainContainsCharacterReference(s), "\(s.debugDescription)")
            let t = s.trimmingWhitespace()
            if !t.isEmpty, !CredentialChecks.isUUID(t) {
                #expect(SecurityChecks.isClientIDPlaceholder(t) == SecurityChecks.plainIsClientIDPlaceholder(t), "\(s.debugDescription)")
            }
            let fast = ScopeChecks.items(s), plain = ScopeChecks.plainItems(s)
            #expect(fast.map(\.text) == plain.map(\.text) && fast.map(\.full) == plain.map(\.full) && fast.map(\.trimmed) == plain.map(\.trimmed),
                    "\(s.debugDescription)")
        }
    }

    @Test func suggestionsMatchCharacters() {
        let lists = [ScopeChecks.allowed, RuleCatalog.ids, AttributeTable.all.map { String($0.name.dropFirst(5)) }, ["popup", "post_message"], ["en", "es", "pt", "id"]]
        let near = ["post-message", "postMessage", "crm ", "fils", "notification", "titel", "redirect-uri", "clientid", "missing-sate", "EN", "colour"]
        for s in Self.samples + near {
            for list in lists {
                #expect(Suggestions.nearest(s, in: list) == Suggestions.plainNearest(String(s.trimmingWhitespace()), in: list),
                        "\(s.debugDescription) in \(list)")
            }
            for meant in ["true", "post_message", "data-client-id"] {
                #expect(Applicability.replacing(s, with: meant) == Applicability.plainReplacing(s, with: meant), "\(s.debugDescription)")
            }
        }
    }
}
