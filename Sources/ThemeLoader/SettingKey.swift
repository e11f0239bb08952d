/// A setting that the command line, the environment and the config file can each give (flags win, then the
/// environment, then the file, then the default).
public enum SettingKey: String, CaseIterable, Sendable {
    case theme
    case interval
    case baseURL = "base_url"
    case projectID = "project_id"
    case organizationID = "organization_id"
    case readOnly = "read_only"
    case mouse
    case api

    /// The key as written in `config.toml`.
    public var key: String { rawValue }
}
