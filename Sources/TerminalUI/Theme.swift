/// Role-named styles: screens ask for "the style of a failed status", never for a colour.
public struct Theme: Sendable, Equatable {
    /// The theme's name, shown in the footer.
    public var name: String
    /// Ordinary text.
    public var text: Style
    /// Secondary text: units, hints, stale ages.
    public var textDim: Style
    /// The title bar at the top.
    public var title: Style
    /// Column headings of the table.
    public var tableHeader: Style
    /// The highlighted row.
    public var tableSelected: Style
    /// Rules and separators.
    public var border: Style
    /// Warnings: API errors, stale data.
    public var alert: Style
    /// Key names in the footer.
    public var footerKey: Style
    /// Filled part of a gauge.
    public var gaugeFill: Style
    /// Empty part of a gauge.
    public var gaugeEmpty: Style
    /// Status `pending`.
    public var statusPending: Style
    /// Status `running`.
    public var statusRunning: Style
    /// Status `dispatched`.
    public var statusDispatched: Style
    /// Status `throttled`: work held back by the service (waiting for capacity), not stuck.
    public var statusThrottled: Style
    /// Status `completed`.
    public var statusCompleted: Style
    /// Status `failed`.
    public var statusFailed: Style
    /// Status `cancelled`.
    public var statusCancelled: Style
    /// Any status the client does not know.
    public var statusUnknown: Style

    /// Creates a theme from its roles.
    public init(
        name: String, text: Style, textDim: Style, title: Style, tableHeader: Style, tableSelected: Style,
        border: Style, alert: Style, footerKey: Style, gaugeFill: Style, gaugeEmpty: Style, statusPending: Style,
        statusRunning: Style, statusDispatched: Style, statusThrottled: Style, statusCompleted: Style, statusFailed: Style,
        statusCancelled: Style, statusUnknown: Style
    ) {
        self.name = name
        self.text = text
        self.textDim = textDim
        self.title = title
        self.tableHeader = tableHeader
        self.tableSelected = tableSelected
        self.border = border
        self.alert = alert
        self.footerKey = footerKey
        self.gaugeFill = gaugeFill
        self.gaugeEmpty = gaugeEmpty
        self.statusPending = statusPending
        self.statusRunning = statusRunning
        self.statusDispatched = statusDispatched
        self.statusThrottled = statusThrottled
        self.statusCompleted = statusCompleted
        self.statusFailed = statusFailed
        self.statusCancelled = statusCancelled
        self.statusUnknown = statusUnknown
    }

    /// The built-in dark theme, in the 16 ANSI colours so it looks the same on 8-colour terminals.
    public static let defaultDark = Theme(
        name: "default",
        text: .plain,
        textDim: Style(attributes: .dim),
        title: Style(foreground: .black, background: .cyan, attributes: .bold),
        tableHeader: Style(attributes: [.bold, .underline]),
        tableSelected: Style(attributes: .reverse),
        border: Style(foreground: .brightBlack),
        alert: Style(foreground: .red, attributes: .bold),
        footerKey: Style(foreground: .cyan, attributes: .bold),
        gaugeFill: Style(foreground: .green),
        gaugeEmpty: Style(foreground: .brightBlack),
        statusPending: Style(foreground: .yellow),
        statusRunning: Style(foreground: .cyan, attributes: .bold),
        statusDispatched: Style(foreground: .blue, attributes: .bold),
        statusThrottled: Style(foreground: .ansi(12)),
        statusCompleted: Style(foreground: .green),
        statusFailed: Style(foreground: .red, attributes: .bold),
        statusCancelled: Style(foreground: .magenta),
        statusUnknown: Style(foreground: .white, attributes: .underline)
    )

    /// Attributes only, for terminals without colour and `NO_COLOR`.
    public static let monochrome = Theme(
        name: "monochrome",
        text: .plain,
        textDim: Style(attributes: .dim),
        title: Style(attributes: [.reverse, .bold]),
        tableHeader: Style(attributes: [.bold, .underline]),
        tableSelected: Style(attributes: .reverse),
        border: .plain,
        alert: Style(attributes: .bold),
        footerKey: Style(attributes: .bold),
        gaugeFill: .plain,
        gaugeEmpty: Style(attributes: .dim),
        statusPending: .plain,
        statusRunning: Style(attributes: .bold),
        statusDispatched: Style(attributes: .bold),
        statusThrottled: Style(attributes: [.dim, .underline]),
        statusCompleted: .plain,
        statusFailed: Style(attributes: [.bold, .underline]),
        statusCancelled: Style(attributes: .dim),
        statusUnknown: Style(attributes: .underline)
    )
}
