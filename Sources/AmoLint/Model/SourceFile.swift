/// What kind of file a document is, which decides how it is read.
public enum FileKind: Sendable, Equatable {
    /// HTML and server templates.
    case markup
    /// PHP files (`.php`, `.phtml`, `.tpl`, `.blade.php` …): markup whose `<?php`
    /// blocks are read as the PHP engine reads them, strings and all.
    case php
    /// Vue and Svelte single-file components: markup whose scripts are component code.
    case component
    /// JavaScript or TypeScript with JSX (`.jsx`, `.tsx`).
    case jsx
    /// JavaScript or TypeScript (`.js .mjs .cjs .ts .mts .cts`).
    case script

    public static let scriptExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]
    static let phpExtensions = [".php", ".phtml", ".tpl", ".inc", ".ctp", ".php5", ".php7", ".php8"]

    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsx") || lower.hasSuffix(".tsx") { self = .jsx }
        else if FileKind.scriptExtensions.contains(where: lower.hasSuffix) { self = .script }
        else if lower.hasSuffix(".vue") || lower.hasSuffix(".svelte") { self = .component }
        else if FileKind.phpExtensions.contains(where: lower.hasSuffix) { self = .php }
        else { self = .markup }
    }

    /// The kind an editor's language id names, when it names one.
    public init?(languageID: String) {
        switch languageID {
        case "javascriptreact", "typescriptreact": self = .jsx
        case "javascript", "typescript": self = .script
        case "vue", "svelte": self = .component
        case "php", "blade": self = .php
        default: return nil
        }
    }

    public var dialect: Dialect { self == .jsx ? .jsx : .markup }
}

/// A document to check: its name, its kind (from the name unless given) and its bytes.
public struct SourceFile: Sendable {
    public let path: String
    /// The bytes, as the model shares them.
    public let text: SharedBytes
    /// The bytes as an array (a copy when they are external: the CLI's check
    /// of a mapped file reads `text` only).
    public var bytes: [UInt8] { text.array }
    public let kind: FileKind
    /// How a suppression comment a fix inserts is written.
    public let commentSyntax: CommentSyntax
    public var dialect: Dialect { kind.dialect }

    /// `kind` and `commentSyntax` follow from the path unless given (an editor's
    /// language id decides them for `untitled:` documents).
    public init(path: String, bytes: [UInt8], kind: FileKind? = nil, commentSyntax: CommentSyntax? = nil) {
        self.init(path: path, shared: SharedBytes(bytes), kind: kind, commentSyntax: commentSyntax)
    }

    public init(path: String, shared text: SharedBytes, kind: FileKind? = nil, commentSyntax: CommentSyntax? = nil) {
        self.path = path
        self.text = text
        let kind = kind ?? FileKind(path: path)
        self.kind = kind
        switch kind {
        case .jsx: self.commentSyntax = commentSyntax ?? .jsx
        case .script: self.commentSyntax = commentSyntax ?? .line
        default: self.commentSyntax = commentSyntax ?? CommentSyntax(path: path)
        }
    }

    public init(path: String, text: String, kind: FileKind? = nil) {
        self.init(path: path, bytes: Array(text.utf8), kind: kind)
    }

    public static func dialect(forPath path: String) -> Dialect { FileKind(path: path).dialect }
}

/// How to write a comment that amolint reads as a directive in this kind of file.
public enum CommentSyntax: Sendable {
    case html, blade, twig, jsx
    /// `// …`: JavaScript and PHP code.
    case line

    /// The syntax an editor's language id implies, when it implies one.
    public init?(languageID: String) {
        switch languageID {
        case "blade": self = .blade
        case "twig", "htmldjango", "django-html", "jinja", "jinja-html", "nunjucks": self = .twig
        case "javascriptreact", "typescriptreact": self = .jsx
        case "javascript", "typescript": self = .line
        default: return nil
        }
    }

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
        case .line: return "// \(text)"
        }
    }
}
