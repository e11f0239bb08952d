/// Checks one value of `config.toml` and stores it in the file's layer.
enum ConfigValueReader {
    /// Validates `node` as the value of `setting` and stores it in `values`, or says what is wrong.
    static func read(_ node: TOMLNode, for setting: SettingKey, into values: inout SettingValues) -> Result<Void, ThemeValueError> {
        let key = setting.key
        switch setting {
        case .theme:
            guard case .string(let name) = node, !name.isEmpty else { return .failure(expected(key, "a theme name or path", node)) }
            values.theme = name
        case .interval:
            let seconds: Double
            switch node {
            case .integer(let value): seconds = Double(value)
            case .float(let value): seconds = value
            default: return .failure(expected(key, "a number of seconds", node))
            }
            guard seconds.isFinite, ConfigFile.intervalRange.contains(seconds) else {
                return .failure(ThemeValueError("'interval' must be between 0.2 and 3600 seconds, not \(node.shortDescription)"))
            }
            values.interval = seconds
        case .baseURL:
            guard case .string(let url) = node, url.hasPrefix("https://") || url.hasPrefix("http://"), url.count > 8 else {
                return .failure(expected(key, "an http:// or https:// URL", node))
            }
            values.baseURL = url
        case .projectID, .organizationID:
            guard case .string(let id) = node, !id.isEmpty, !id.contains(where: \.isWhitespace) else {
                return .failure(expected(key, "an ID (a string without spaces)", node))
            }
            if setting == .projectID { values.projectID = id } else { values.organizationID = id }
        case .api:
            guard case .string(let name) = node, ["auto", "v1", "v2"].contains(name) else {
                return .failure(expected(key, "\"auto\", \"v1\" or \"v2\"", node))
            }
            values.api = name
        case .readOnly, .mouse:
            guard case .boolean(let flag) = node else { return .failure(expected(key, "true or false", node)) }
            if setting == .readOnly { values.readOnly = flag } else { values.mouse = flag }
        }
        return .success(())
    }

    private static func expected(_ key: String, _ what: String, _ node: TOMLNode) -> ThemeValueError {
        ThemeValueError("'\(key)' must be \(what), not \(node.shortDescription)")
    }
}
