import AmoLint
import AmoLintIO
import JSONValue

/// SARIF 2.1.0 for code-scanning dashboards: every rule's metadata in
/// `tool.driver.rules`, results with regions in Unicode code points, fixes as
/// SARIF fixes.
struct SARIFReporter: Reporter {
    func render(_ reports: [FileReport]) -> String {
        let rules = RuleCatalog.all
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var results: [JSON] = []
        for report in reports {
            let location: JSON = ["uri": .string(Self.uri(report.path))]
            for d in report.diagnostics {
                var result: [String: JSON] = [
                    "ruleId": .string(d.rule),
                    "level": .string(Self.level(d.severity)),
                    "message": ["text": .string(d.message)],
                    "locations": [["physicalLocation": ["artifactLocation": location, "region": Self.region(d.range, report.lineIndex)]]],
                ]
                if let i = index[d.rule] { result["ruleIndex"] = .int(i) }
                if !d.related.isEmpty {
                    result["relatedLocations"] = .array(d.related.enumerated().map { (k, r) in
                        ["id": .int(k), "message": ["text": .string(r.message)],
                         "physicalLocation": ["artifactLocation": location, "region": Self.region(r.range, report.lineIndex)]]
                    })
                }
                if let fix = d.fix {
                    result["fixes"] = [[
                        "description": ["text": .string(fix.description)],
                        // SARIF has no applicability of its own: a property bag carries ruff's.
                        "properties": ["applicability": .string(fix.applicability.rawValue)],
                        "artifactChanges": [[
                            "artifactLocation": location,
                            "replacements": .array(fix.edits.map { edit in
                                ["deletedRegion": Self.region(edit.range, report.lineIndex),
                                 "insertedContent": ["text": .string(edit.newText)]]
                            }),
                        ]],
                    ]]
                }
                results.append(.object(result))
            }
        }
        let driver: JSON = [
            "name": "amolint",
            "version": .string(AmoLintVersion.current),
            "semanticVersion": .string(AmoLintVersion.current),
            "informationUri": .string(AmoLintVersion.homepage),
            "rules": .array(rules.map { rule in
                [
                    "id": .string(rule.id),
                    "shortDescription": ["text": .string(rule.summary)],
                    "fullDescription": ["text": .string(rule.explanation)],
                    "help": ["text": .string(rule.explanation), "markdown": .string(rule.explanation)],
                    "helpUri": .string(rule.documentationURL),
                    "defaultConfiguration": ["level": .string(Self.level(rule.severity))],
                    "properties": ["tags": [.string(rule.area.rawValue)]],
                ]
            }),
        ]
        let log: JSON = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [["tool": ["driver": driver], "columnKind": "unicodeCodePoints", "results": .array(results)]],
        ]
        return log.serialized(pretty: true) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .information, .hint: return "note"
        }
    }

    static func region(_ range: Range<Int>, _ index: LineIndex) -> JSON {
        let r = CLIRange(range, in: index)
        return ["startLine": .int(r.line), "startColumn": .int(r.column), "endLine": .int(r.endLine), "endColumn": .int(r.endColumn)]
    }

    /// A relative URI reference for a relative path, `file://` for an absolute one.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in Paths.encode(path) {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) { out.append(c) }
            else { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
        }
        return out
    }
}
