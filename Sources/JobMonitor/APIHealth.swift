import Foundation

/// How the API has been answering the poller.
public struct APIHealth: Sendable, Equatable {
    /// Overall verdict shown in the header.
    public enum State: Sendable, Equatable {
        /// No request has completed yet.
        case connecting
        /// The last cycle succeeded.
        case ok
        /// Some requests fail, or one cycle failed; data may be stale.
        case degraded
        /// Several cycles in a row failed.
        case down
        /// The key was rejected (401/403): polling stopped until the user fixes it.
        case unauthorized
    }

    /// Time of the last successful request.
    public var lastSuccess: Date?
    /// The last error's message (never containing the key).
    public var lastError: String?
    /// When the last error happened.
    public var lastErrorAt: Date?
    /// Cycles in a row in which a request failed.
    public var consecutiveFailures: Int
    /// True once a 401/403 was received.
    public var isUnauthorized: Bool

    /// Creates a health record; the default is "connecting".
    public init(
        lastSuccess: Date? = nil, lastError: String? = nil, lastErrorAt: Date? = nil, consecutiveFailures: Int = 0,
        isUnauthorized: Bool = false
    ) {
        self.lastSuccess = lastSuccess
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.consecutiveFailures = consecutiveFailures
        self.isUnauthorized = isUnauthorized
    }

    /// The verdict derived from the counters.
    public var state: State {
        if isUnauthorized { return .unauthorized }
        if consecutiveFailures >= 3 { return .down }
        if consecutiveFailures > 0 { return .degraded }
        return lastSuccess == nil ? .connecting : .ok
    }
}
