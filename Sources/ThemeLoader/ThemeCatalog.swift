import FoundationEssentials
import TerminalUI

/// Finds themes by name or path: a user theme `NAME.toml` in the themes folder, else a shipped theme, else a file.
public struct ThemeCatalog: Sendable {
    /// The user's themes folder (`$XDG_CONFIG_HOME/batchtop/themes`), if any.
    public var userDirectory: String?
    /// For `~` in paths.
    public var environment: [String: String]

    /// A catalog reading user themes from `userDirectory`.
    public init(userDirectory: String?, environment: [String: String] = [:]) {
        self.userDirectory = userDirectory
        self.environment = environment
    }

    /// The catalog of this process's environment.
    public static func standard(environment: [String: String]) -> ThemeCatalog {
        ThemeCatalog(userDirectory: ConfigPaths.themesDirectory(environment: environment), environment: environment)
    }

    /// True when `argument` names a file rather than a theme (it has a `/` or ends in `.toml`).
    public static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".toml")
    }

    /// The theme for `--theme NAME|PATH`; an unknown name or unreadable file gives the default theme and a diagnostic.
    public func load(_ argument: String) -> ThemeLoadResult {
        if Self.isPath(argument) {
            return loadFile(ConfigPaths.expandingTilde(argument, environment: environment), shownAs: argument)
        }
        if let userDirectory {
            let path = FilePath.appending(argument + ".toml", to: userDirectory)
            if FileManager.default.fileExists(atPath: path) { return loadFile(path, shownAs: path) }
        }
        if let builtin = Self.builtin(argument) { return builtin }
        let place = userDirectory.map { " or \($0)/\(argument).toml" } ?? ""
        let message = "no theme '\(argument)'\(Suggestion.hint(for: argument, among: BuiltinThemes.names)): shipped themes are "
            + BuiltinThemes.names.joined(separator: ", ") + "; a user theme goes in a file\(place); using the default theme"
        return ThemeLoadResult(theme: .defaultDark, diagnostics: [ConfigDiagnostic(file: "--theme", line: nil, message: message)])
    }

    /// A shipped theme, parsed from its embedded text.
    public static func builtin(_ name: String) -> ThemeLoadResult? {
        BuiltinThemes.texts[name].map { ThemeParser.parse($0, name: name, fileName: name + ".toml") }
    }

    /// Reads and parses a theme file; its name is the file's name without `.toml`.
    public func loadFile(_ path: String, shownAs: String) -> ThemeLoadResult {
        let name = FilePath.stem(of: path)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "not readable UTF-8 text" : "no such file"
            let message = "cannot read the theme file (\(reason)); using the default theme"
            return ThemeLoadResult(theme: .defaultDark, diagnostics: [ConfigDiagnostic(file: shownAs, line: nil, message: message)])
        }
        return ThemeParser.parse(text, name: name, fileName: shownAs)
    }
}
