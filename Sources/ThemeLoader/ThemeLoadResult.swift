import TerminalUI

/// A theme as loaded: every role set (from the file, else from the default theme) plus what was wrong with the file.
public struct ThemeLoadResult: Sendable, Equatable {
    /// The theme to draw with.
    public var theme: Theme
    /// Problems found, in line order; empty for a clean file.
    public var diagnostics: [ConfigDiagnostic]

    /// Creates a result.
    public init(theme: Theme, diagnostics: [ConfigDiagnostic] = []) {
        self.theme = theme
        self.diagnostics = diagnostics
    }
}
