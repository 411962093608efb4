#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which files `amolint check` (and the server's workspace diagnostics) read in a folder.
public enum FileDiscovery {
    /// The template and page types real projects keep buttons in.
    public static let extensions = [
        ".html", ".htm", ".xhtml", ".shtml", ".php", ".phtml", ".twig", ".vue", ".erb", ".ejs", ".hbs", ".handlebars",
        ".mustache", ".njk", ".jinja", ".jinja2", ".j2", ".tpl", ".jsx", ".tsx", ".svelte", ".astro", ".liquid",
        // Code that builds the button (spec §7); a file without its needles costs one fast search.
        ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts",
    ]
    /// Folders of tools, dependencies and build output, never the project's own pages.
    public static let skippedFolders: Set<String> = [
        ".git", ".hg", ".svn", "node_modules", "vendor", "bower_components", ".build", ".venv", "venv",
        "__pycache__", ".tox", ".cache", ".next", ".nuxt", ".idea", ".vscode",
    ]

    public static func isTemplate(_ name: String) -> Bool {
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }

    /// Template files below `root`, in a stable order. Unreadable folders are
    /// reported through `problems` and the walk goes on.
    public static func walk(_ root: String, problems: inout [FileError]) -> [String] {
        var found: [String] = []
        var failed: [FileError] = []
        walkFolders(root, absoluteRoot: root, visit: { found += $0.files.map(\.path) }, problem: { failed.append($0) })
        problems += failed
        return found.sorted()
    }

    /// Git's test for binary content: a NUL in the first 8,000 bytes.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, min(raw.count, 8000)) != nil } ?? false }
    }
}
