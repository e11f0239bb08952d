/// The settings in force, each with the layer it came from.
public struct Settings: Sendable, Equatable {
    /// Where a setting's value came from.
    public enum Source: String, Sendable {
        case flag = "command line"
        case environment = "environment"
        case file = "config file"
        case defaultValue = "default"
    }

    /// Theme name or path.
    public var theme: String
    /// Seconds between polls.
    public var interval: Double
    /// API base URL.
    public var baseURL: String
    /// Project to scope calls to, if any.
    public var projectID: String?
    /// Organization to scope calls to, if any.
    public var organizationID: String?
    /// No cancel action.
    public var readOnly: Bool
    /// Capture the mouse.
    public var mouse: Bool
    /// Which APIs to read: `auto`, `v1` or `v2`.
    public var api: String = "auto"
    /// The layer each setting came from.
    public var sources: [SettingKey: Source]

    /// The defaults: theme `default`, a 2 s interval, read-write, mouse on, and the given base URL.
    public static func defaults(baseURL: String) -> SettingValues {
        SettingValues(theme: "default", interval: 2, baseURL: baseURL, readOnly: false, mouse: true)
    }

    /// Merges the layers: flags over environment over file over defaults (a pure function, no I/O).
    public static func resolve(
        flags: SettingValues, environment: SettingValues, file: SettingValues, defaults: SettingValues
    ) -> Settings {
        let layers: [(SettingValues, Source)] = [(flags, .flag), (environment, .environment), (file, .file), (defaults, .defaultValue)]
        var sources: [SettingKey: Source] = [:]
        func pick<Value>(_ key: SettingKey, _ path: KeyPath<SettingValues, Value?>) -> Value? {
            for (layer, source) in layers {
                if let value = layer[keyPath: path] {
                    sources[key] = source
                    return value
                }
            }
            sources[key] = .defaultValue
            return nil
        }
        return Settings(
            theme: pick(.theme, \.theme) ?? "default",
            interval: pick(.interval, \.interval) ?? 2,
            baseURL: pick(.baseURL, \.baseURL) ?? "",
            projectID: pick(.projectID, \.projectID),
            organizationID: pick(.organizationID, \.organizationID),
            readOnly: pick(.readOnly, \.readOnly) ?? false,
            mouse: pick(.mouse, \.mouse) ?? true,
            api: pick(.api, \.api) ?? "auto",
            sources: sources)
    }

    /// A setting's value and origin for messages, e.g. `2 s (default)`.
    public func describe(_ key: SettingKey) -> String {
        let value: String
        switch key {
        case .theme: value = "'\(theme)'"
        case .interval: value = "\(interval.formatted) s"
        case .baseURL: value = baseURL
        case .projectID: value = projectID ?? "none"
        case .organizationID: value = organizationID ?? "none"
        case .readOnly: value = String(readOnly)
        case .mouse: value = String(mouse)
        case .api: value = api
        }
        return "\(value) (\(sources[key]?.rawValue ?? Source.defaultValue.rawValue))"
    }

    /// Every setting with its origin, e.g. `theme 'default' (default), interval 2 s (default), …`.
    public var summary: String {
        SettingKey.allCases.map { "\($0.key) \(describe($0))" }.joined(separator: ", ")
    }
}

extension Double {
    /// `2` rather than `2.0`; other values as Swift prints them.
    fileprivate var formatted: String {
        self == rounded() && abs(self) < 1e9 ? String(Int(self)) : String(self)
    }
}
