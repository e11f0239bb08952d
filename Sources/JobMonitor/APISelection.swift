/// Which APIs the poller reads (`--api auto|v1|v2`).
public enum APISelection: String, Sendable, Equatable, CaseIterable {
    /// Both; an API whose list route answers 404 is dropped quietly until the next refresh.
    case auto
    /// Only the beta batch-processing jobs.
    case v1
    /// Only the v2 batches.
    case v2

    /// The APIs this selection polls.
    public var apis: [JobAPI] {
        switch self {
        case .auto: return [.v1, .v2]
        case .v1: return [.v1]
        case .v2: return [.v2]
        }
    }
}

/// Whether an API has answered.
public enum APIPresence: Sendable, Equatable {
    /// Not asked yet (or asked again after a refresh).
    case probing
    /// Its list route answered.
    case live
    /// Its list route answered 404 (auto mode): not polled until the next refresh.
    case absent
}
