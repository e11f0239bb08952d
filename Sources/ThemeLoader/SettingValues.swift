/// One layer of settings (command line, environment or config file); nil where the layer says nothing.
public struct SettingValues: Sendable, Equatable {
    /// Theme name or path.
    public var theme: String?
    /// Seconds between polls.
    public var interval: Double?
    /// API base URL.
    public var baseURL: String?
    /// Project to scope calls to.
    public var projectID: String?
    /// Organization to scope calls to.
    public var organizationID: String?
    /// No cancel action.
    public var readOnly: Bool?
    /// Capture the mouse.
    public var mouse: Bool?
    /// Which APIs to read: `auto`, `v1` or `v2`.
    public var api: String?

    /// Creates a layer; every value defaults to "not given".
    public init(
        theme: String? = nil, interval: Double? = nil, baseURL: String? = nil, projectID: String? = nil,
        organizationID: String? = nil, readOnly: Bool? = nil, mouse: Bool? = nil, api: String? = nil
    ) {
        self.api = api
        self.theme = theme
        self.interval = interval
        self.baseURL = baseURL
        self.projectID = projectID
        self.organizationID = organizationID
        self.readOnly = readOnly
        self.mouse = mouse
    }

    /// The environment's layer: `BATCHTOP_THEME`, `LLAMA_CLOUD_BASE_URL`, `LLAMA_CLOUD_PROJECT_ID`,
    /// `LLAMA_CLOUD_ORGANIZATION_ID` (an empty variable counts as unset).
    public static func environment(_ environment: [String: String]) -> SettingValues {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        return SettingValues(
            theme: value("BATCHTOP_THEME"), baseURL: value("LLAMA_CLOUD_BASE_URL"),
            projectID: value("LLAMA_CLOUD_PROJECT_ID"), organizationID: value("LLAMA_CLOUD_ORGANIZATION_ID"))
    }
}
