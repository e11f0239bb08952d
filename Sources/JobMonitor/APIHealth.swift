import FoundationEssentials

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
    /// When the poller will try again after a failed cycle (nil while all is well, and while stopped on a 401/403).
    public var nextRetryAt: Date?
    /// The HTTP status of the last error, when it had one (e.g. 429, 503, 401).
    public var lastErrorStatus: Int?

    /// Creates a health record; the default is "connecting".
    public init(
        lastSuccess: Date? = nil, lastError: String? = nil, lastErrorAt: Date? = nil, consecutiveFailures: Int = 0,
        isUnauthorized: Bool = false, nextRetryAt: Date? = nil, lastErrorStatus: Int? = nil
    ) {
        self.lastSuccess = lastSuccess
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.consecutiveFailures = consecutiveFailures
        self.isUnauthorized = isUnauthorized
        self.nextRetryAt = nextRetryAt
        self.lastErrorStatus = lastErrorStatus
    }

    /// The verdict derived from the counters.
    public var state: State {
        if isUnauthorized { return .unauthorized }
        if consecutiveFailures >= 3 { return .down }
        if consecutiveFailures > 0 { return .degraded }
        return lastSuccess == nil ? .connecting : .ok
    }

    /// A plain sentence for the header when something is wrong, with the next step for the user; nil while ok.
    public var message: String? {
        switch state {
        case .connecting, .ok:
            return nil
        case .unauthorized:
            if lastErrorStatus == 403 {
                return "API key not allowed here (403): check the key's project and organization "
                    + "(LLAMA_CLOUD_PROJECT_ID, --project-id), then press r"
            }
            return "API key rejected (401): check LLAMA_CLOUD_API_KEY (or --api-key-file), then press r"
        case .degraded, .down:
            let what = lastErrorStatus == 429 ? "rate limited by the API, slowing down" : (lastError ?? "request failed")
            return state == .down ? "API down: \(what)" : "API degraded: \(what)"
        }
    }

    /// Seconds until the next retry as seen at `now` (0 when due), or nil when none is scheduled.
    public func secondsUntilRetry(at now: Date) -> TimeInterval? {
        nextRetryAt.map { max(0, $0.timeIntervalSince(now)) }
    }
}
