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

public struct Fix: Sendable, Equatable {
    /// Imperative, shown in editors and `--format json`: "Replace with `https:`".
    public var description: String
    public var edits: [TextEdit]
    public init(_ description: String, _ edits: [TextEdit]) {
        self.description = description
        self.edits = edits
    }
    public init(_ description: String, replacing range: Range<Int>, with text: String) {
        self.init(description, [TextEdit(range: range, newText: text)])
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
