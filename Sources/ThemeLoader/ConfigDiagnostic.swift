/// A problem found in a theme or configuration file, located by file name and line (1-based) when known.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file's name as shown to the user (e.g. `light.toml`).
    public var file: String
    /// The line the problem is on, when known.
    public var line: Int?
    /// What is wrong, and what is used instead.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the format compilers use, so editors can jump to it.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }

    /// The same with only the file's last path component, for the one-line status bar.
    public var shortDescription: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return line.map { "\(name):\($0): \(message)" } ?? "\(name): \(message)"
    }
}
