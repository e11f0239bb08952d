import FoundationEssentials

/// The `--until-done` options that change when watching stops and with which exit code.
public struct UntilDonePolicy: Sendable, Equatable {
    /// Exit 1 as soon as one job has failed, without waiting for the others.
    public var failFast: Bool
    /// A job with failed items counts as a failure (exit 1) even when its status is `completed`.
    public var failOnItems: Bool
    /// Give up (exit 6) after this many failed poll cycles in a row; nil: never give up.
    public var maxAPIErrors: Int?
    /// Give up (exit 3) after this many seconds of watching; nil: wait as long as it takes.
    public var timeoutTotal: TimeInterval?

    /// Creates a policy; the default waits for every job, however long, and treats failed items as success.
    public init(failFast: Bool = false, failOnItems: Bool = false, maxAPIErrors: Int? = nil, timeoutTotal: TimeInterval? = nil) {
        self.failFast = failFast
        self.failOnItems = failOnItems
        self.maxAPIErrors = maxAPIErrors
        self.timeoutTotal = timeoutTotal
    }
}
