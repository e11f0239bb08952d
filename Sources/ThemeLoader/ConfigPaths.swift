/// Where batchtop's configuration lives: `$XDG_CONFIG_HOME/batchtop` (default `~/.config/batchtop`).
public enum ConfigPaths {
    /// The configuration folder for this environment, or nil when neither `XDG_CONFIG_HOME` nor `HOME` is usable.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {  // the XDG spec ignores relative paths
            return FilePath.appending("batchtop", to: xdg)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return FilePath.appending(".config/batchtop", to: home)
    }

    /// `…/batchtop/config.toml`.
    public static func configFile(environment: [String: String]) -> String? {
        directory(environment: environment).map { FilePath.appending("config.toml", to: $0) }
    }

    /// `…/batchtop/themes`, where user themes are `NAME.toml`.
    public static func themesDirectory(environment: [String: String]) -> String? {
        directory(environment: environment).map { FilePath.appending("themes", to: $0) }
    }

    /// `path` with a leading `~/` replaced by the home folder.
    public static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
