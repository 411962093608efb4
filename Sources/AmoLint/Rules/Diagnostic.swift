public enum Severity: String, Sendable, CaseIterable, Comparable {
    case error, warning, information, hint

    /// LSP's DiagnosticSeverity numbers.
    public var lspValue: Int {
        switch self {
        case .error: return 1
        case .warning: return 2
        case .information: return 3
        case .hint: return 4
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.lspValue < b.lspValue }
}

/// A replacement of a byte range of the source.
public struct TextEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var newText: String
    public init(range: Range<Int>, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// Whether a fix may be applied without a look, as ruff has it: *safe* when it writes the
/// one value that was meant (a case slip, `-` for `_`, white space, `http:`→`https:`, `id=`→`class=`),
/// *unsafe* when it guesses (the nearest known name by edit distance, `1`/`yes`→`true`).
/// `--fix` and editors' fix-all apply safe fixes only; `--unsafe-fixes` and each quick fix apply both.
public enum Applicability: String, Sendable, Equatable, Comparable {
    case safe, unsafe

    public static func < (a: Applicability, b: Applicability) -> Bool { a == .safe && b == .unsafe }

    /// Safe when `meant` is `written` but for letter case, `-`/`_` (`postMessage`, `post-message` →
    /// `post_message`) and white space; unsafe otherwise.
    public static func replacing(_ written: some StringProtocol, with meant: some StringProtocol) -> Applicability {
        guard ASCII.isASCII(written), ASCII.isASCII(meant) else { return plainReplacing(written, with: meant) }
        // ASCII: white space and separators are bytes (`\r\n` is white space either way).
        func normal(_ s: some StringProtocol) -> [UInt8] {
            s.utf8.filter { !ASCII.isWhitespace($0) && $0 != Byte.dash && $0 != Byte.underscore }.map(ASCII.lower)
        }
        return normal(written) == normal(meant) ? .safe : .unsafe
    }

    /// The same on Characters, for text that is not ASCII.
    static func plainReplacing(_ written: some StringProtocol, with meant: some StringProtocol) -> Applicability {
        func normal(_ s: some StringProtocol) -> String {
            String(s.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
        }
        return normal(written) == normal(meant) ? .safe : .unsafe
    }
}

public struct Fix: Sendable, Equatable {
    /// Imperative, shown in editors and `--format json`: "Replace with `https:`".
    public var description: String
    public var edits: [TextEdit]
    public var applicability: Applicability
    public init(_ description: String, _ edits: [TextEdit], applicability: Applicability = .safe) {
        self.description = description
        self.edits = edits
        self.applicability = applicability
    }
    public init(_ description: String, replacing range: Range<Int>, with text: String, applicability: Applicability = .safe) {
        self.init(description, [TextEdit(range: range, newText: text)], applicability: applicability)
    }
}

/// Another place that explains a diagnostic (the first of a repeated attribute …).
public struct RelatedLocation: Sendable, Equatable {
    public var range: Range<Int>
    public var message: String
}

/// A finding in byte offsets; reporters and the server convert ranges at the edge.
public struct Diagnostic: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var range: Range<Int>
    public var fix: Fix?
    public var related: [RelatedLocation]
    /// The attribute has no effect at run time (LSP's `Unnecessary` tag).
    public var unnecessary: Bool
}
