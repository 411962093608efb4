import Testing
@testable import AmoLint

/// Every quoted «» value of a markup example, perturbed in ways that leave its
/// meaning unchanged: a letter written as a character reference, and (for the
/// script address) white space around it. The rule must still report exactly the
/// value, its fix must still work, and the fix must touch nothing but the value.
struct PerturbedExampleTests {
    /// A perturbed example: the text, the perturbed value's range, and the rule.
    struct Case: CustomStringConvertible {
        let rule: String
        let file: String
        let text: String
        let value: Range<Int>
        var description: String { "\(rule): \(text)" }
    }

    static func cases() -> [Case] {
        var out: [Case] = []
        for rule in RuleCatalog.all {
            for example in rule.triggering where [.markup, .component, .php].contains(FileKind(path: example.file)) {
                let marked = Array(example.code.utf8)
                // The first «…» span that is a whole quoted value.
                guard let open = find(marked, "«"), let close = find(marked, "»"), open > 0, close + 2 < marked.count else { continue }
                let quote = marked[open - 1]
                guard quote == UInt8(ascii: "\""), marked[close + 2] == quote else { continue }
                // Values of `data-*` and `src` (class tokens are matched as written, like a CSS selector's source).
                let head = String(decoding: marked[..<(open - 1)], as: UTF8.self)
                guard let name = head.split(whereSeparator: { $0 == " " }).last, name.hasSuffix("="),
                      name.hasPrefix("data-") || name.lowercased() == "src=" else { continue }
                let value = Array(marked[(open + 2)..<close])
                guard let letter = value.firstIndex(where: { Byte.isLetter($0) }) else { continue }
                for variant in 0..<2 {
                    var perturbed = Array(value[..<letter]) + Array("&#\(value[letter]);".utf8) + Array(value[(letter + 1)...])
                    if variant == 1 {
                        // White space around the value changes nothing for a script address, which is trimmed.
                        guard rule.id == "insecure-script-src" else { continue }
                        perturbed = Array("  ".utf8) + perturbed + Array(" ".utf8)
                    }
                    let before = strip(Array(marked[..<open]))
                    let after = strip(Array(marked[(close + 2)...]))
                    let text = String(decoding: before + perturbed + after, as: UTF8.self)
                    out.append(Case(rule: rule.id, file: example.file, text: text, value: before.count..<before.count + perturbed.count))
                }
            }
        }
        return out
    }

    static func find(_ bytes: [UInt8], _ marker: String) -> Int? {
        let m = Array(marker.utf8)
        guard bytes.count >= m.count else { return nil }
        return (0...(bytes.count - m.count)).first { Array(bytes[$0..<$0 + m.count]) == m }
    }

    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).replacingAll("«", with: "").replacingAll("»", with: "").utf8)
    }

    @Test("perturbed values are still reported, at the value", arguments: cases())
    func reported(_ c: Case) {
        let found = Linter.lint(SourceFile(path: c.file, text: c.text)).diagnostics.filter { $0.rule == c.rule }
        #expect(found.contains { $0.range == c.value }, "\(found.map(\.range)) for \(c.value)")
    }

    @Test("fixes of perturbed values work and touch only the value", arguments: cases())
    func fixed(_ c: Case) {
        let file = SourceFile(path: c.file, text: c.text)
        let (bytes, count) = Fixer.fixAll(file, configuration: Configuration(), applicability: .unsafe, include: { $0.rule == c.rule })
        guard count > 0 else { return }
        let original = Array(c.text.utf8)
        let edits = Linter.lint(file).diagnostics.filter { $0.rule == c.rule }.compactMap(\.fix).flatMap(\.edits)
        if edits.allSatisfy({ c.value.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= c.value.upperBound }) {
            // A fix of the value: nothing before it changed, and after it only a shift.
            #expect(Array(bytes.prefix(c.value.lowerBound)) == Array(original.prefix(c.value.lowerBound)))
            #expect(Array(bytes.suffix(original.count - c.value.upperBound)) == Array(original.suffix(original.count - c.value.upperBound)))
        }
        let after = Linter.lint(SourceFile(path: c.file, bytes: bytes)).diagnostics
        #expect(after.filter { $0.rule == c.rule }.isEmpty, "\(String(decoding: bytes, as: UTF8.self))")
        // And nothing new appeared.
        let rulesBefore = Set(Linter.lint(file).diagnostics.map(\.rule))
        #expect(Set(after.map(\.rule)).isSubset(of: rulesBefore), "\(String(decoding: bytes, as: UTF8.self))")
    }

    /// The two corruptions the scheme fix used to make (`httpsp://`, `https4;ttp://`).
    @Test func theSchemeFixMapsThroughTheValue() {
        for (page, want) in [
            (#"<script class="amocrm_oauth" src=" http://www.amocrm.ru/auth/button.min.js"></script>"#,
             #"<script class="amocrm_oauth" src=" https://www.amocrm.ru/auth/button.min.js"></script>"#),
            (#"<script class="amocrm_oauth" src="&#104;ttp://www.amocrm.ru/auth/button.min.js"></script>"#,
             #"<script class="amocrm_oauth" src="https://www.amocrm.ru/auth/button.min.js"></script>"#),
        ] {
            let (bytes, _) = Fixer.fixAll(SourceFile(path: "a.html", text: page), configuration: Configuration())
            #expect(String(decoding: bytes, as: UTF8.self) == want)
        }
    }
}

/// `--fix` never makes a page worse: on every example page, nothing is reported
/// after fixing that was not reported before (unless a fix renamed an attribute).
struct FixNeverWorsensTests {
    static var pages: [String] {
        let root = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/examples/"
        return ((try? listFolder(root)) ?? []).filter { !$0.hasSuffix(".md") }.sorted().map { root + $0 }
    }

    @Test("fixing an example page reports nothing new", arguments: pages)
    func fixingReportsNothingNew(_ path: String) throws {
        let file = SourceFile(path: path, bytes: try readBytes(path))
        let before = Linter.lint(file)
        let (bytes, fixed) = Fixer.fixAll(file, configuration: Configuration())
        #expect(fixed >= 0)
        let worse = Invariants.madeWorse(before.diagnostics, after: Linter.lint(SourceFile(path: path, bytes: bytes)))
        #expect(worse == nil, "\(path): \(worse ?? [])")
    }

    @Test func thereAreExamplePages() { #expect(Self.pages.count >= 9) }
}
