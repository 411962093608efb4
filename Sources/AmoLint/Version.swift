public enum AmoLintVersion {
    public static let current = "0.1.0"
    public static let homepage = "https://github.com/amolint/amolint"
}
