/// A document to check: its name (which decides the dialect) and its bytes.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let dialect: Dialect

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.dialect = SourceFile.dialect(forPath: path)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public static func dialect(forPath path: String) -> Dialect {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsx") || lower.hasSuffix(".tsx") ? .jsx : .markup
    }

    /// The template syntax of the file, for comments a fix inserts.
    public var commentSyntax: CommentSyntax { CommentSyntax(path: path) }
}

/// How to write a comment that amolint reads as a directive in this kind of file.
public enum CommentSyntax: Sendable {
    case html, blade, twig, jsx

    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".blade.php") { self = .blade }
        else if [".twig", ".njk", ".jinja", ".j2", ".jinja2"].contains(where: lower.hasSuffix) { self = .twig }
        else if lower.hasSuffix(".jsx") || lower.hasSuffix(".tsx") { self = .jsx }
        else { self = .html }
    }

    public func wrap(_ text: String) -> String {
        switch self {
        case .html: return "<!-- \(text) -->"
        case .blade: return "{{-- \(text) --}}"
        case .twig: return "{# \(text) #}"
        case .jsx: return "{/* \(text) */}"
        }
    }
}
