/// A problem in the config file: where it is, and which setting it leaves to another layer (nil for the whole file
/// or for a key that sets nothing).
public struct ConfigProblem: Sendable, Equatable {
    /// File, line and message.
    public var diagnostic: ConfigDiagnostic
    /// The setting whose value from the file was dropped, if any.
    public var key: SettingKey?
    /// True when the whole file was ignored (it is not TOML, or cannot be read).
    public var ignoresFile: Bool

    /// Creates a problem.
    public init(diagnostic: ConfigDiagnostic, key: SettingKey? = nil, ignoresFile: Bool = false) {
        self.diagnostic = diagnostic
        self.key = key
        self.ignoresFile = ignoresFile
    }

    /// The message for standard error, saying what is used instead, e.g.
    /// `config.toml:3: 'interval' must be …; using 2 s (default)`; `short` keeps only the file's last path component.
    public func message(using settings: Settings, short: Bool = false) -> String {
        let located = short ? diagnostic.shortDescription : diagnostic.description
        if ignoresFile { return "\(located); using \(settings.summary)" }
        guard let key else { return located }
        return "\(located); using \(key.key) \(settings.describe(key))"
    }
}
