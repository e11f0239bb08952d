import TerminalUI

/// A role-named key of a theme file (`status.running`, `gauge.fill`, …) and the `Theme` field it sets.
public enum ThemeRole: String, CaseIterable, Sendable {
    case text = "text"
    case textDim = "text.dim"
    case title = "title"
    case tableHeader = "table.header"
    case tableSelected = "table.selected"
    case border = "border"
    case alert = "alert"
    case footerKey = "footer.key"
    case gaugeFill = "gauge.fill"
    case gaugeEmpty = "gauge.empty"
    case statusPending = "status.pending"
    case statusRunning = "status.running"
    case statusDispatched = "status.dispatched"
    case statusThrottled = "status.throttled"
    case statusCompleted = "status.completed"
    case statusFailed = "status.failed"
    case statusCancelled = "status.cancelled"
    case statusUnknown = "status.unknown"

    /// The key as written in a theme file.
    public var key: String { rawValue }

    /// The `Theme` field this role sets.
    public var keyPath: WritableKeyPath<Theme, Style> {
        switch self {
        case .text: return \.text
        case .textDim: return \.textDim
        case .title: return \.title
        case .tableHeader: return \.tableHeader
        case .tableSelected: return \.tableSelected
        case .border: return \.border
        case .alert: return \.alert
        case .footerKey: return \.footerKey
        case .gaugeFill: return \.gaugeFill
        case .gaugeEmpty: return \.gaugeEmpty
        case .statusPending: return \.statusPending
        case .statusRunning: return \.statusRunning
        case .statusDispatched: return \.statusDispatched
        case .statusThrottled: return \.statusThrottled
        case .statusCompleted: return \.statusCompleted
        case .statusFailed: return \.statusFailed
        case .statusCancelled: return \.statusCancelled
        case .statusUnknown: return \.statusUnknown
        }
    }
}
