/// Parses TOML 1.0 text into `TOMLNode`s (the parser is in `TOML/`: `TOMLDocumentReader`, `TOMLCursor`,
/// `TOMLTableDraft`).
public enum TOMLDocument {
    /// A TOML syntax error, positioned at a 1-based line and column (columns count characters).
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line of the error.
        public var line: Int
        /// The column of the error.
        public var column: Int
        /// What is wrong.
        public var message: String
    }

    /// The top-level table of `text`, or the syntax error that stops it being TOML.
    public static func parse(_ text: String) throws(SyntaxError) -> [String: TOMLNode] {
        var reader = TOMLDocumentReader(text: text)
        return try reader.read()
    }
}
