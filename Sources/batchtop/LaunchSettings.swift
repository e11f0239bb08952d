import FoundationEssentials
import LlamaCloud
import ThemeLoader

/// The settings of this run: command-line flags over the environment over the config file over the defaults,
/// plus a message for every problem in the config file saying what is used instead.
struct LaunchSettings {
    /// The merged settings.
    let settings: Settings
    /// Lines for standard error, printed before the full screen starts.
    let messages: [String]
    /// The same problems with short file names, for the status line.
    let notices: [String]

    /// Reads the config file (`--config PATH`, else `$XDG_CONFIG_HOME/batchtop/config.toml`) and merges the layers.
    static func resolve(flags: SettingValues, configPath: String?, environment: [String: String]) -> LaunchSettings {
        let path = configPath.map { ConfigPaths.expandingTilde($0, environment: environment) }
            ?? ConfigPaths.configFile(environment: environment)
        let file = path.map { ConfigFile.load(path: $0, explicit: configPath != nil) } ?? ConfigFile()
        let settings = Settings.resolve(
            flags: flags, environment: .environment(environment), file: file.values,
            defaults: Settings.defaults(baseURL: APIConfiguration.defaultBaseURL))
        return LaunchSettings(
            settings: settings, messages: file.problems.map { "batchtop: " + $0.message(using: settings) },
            notices: file.problems.map { $0.message(using: settings, short: true) })
    }
}
