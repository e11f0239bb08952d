import Foundation

/// What the operator wants to know about one job, derived from its progress over time: how fast, how long, is it stuck.
public struct JobMetrics: Sendable, Equatable {
    /// Items per second. Active job: the rate over a sliding window (default 60 s) of observations ending at the last
    /// observation, reading the count at the window's start step-wise from the samples, so a job that stops decays to
    /// 0 within one window. Finished job: the average over its whole run. Nil when unknown or pending.
    public var throughput: Double?
    /// Seconds until done at `throughput`; nil when unknown (no rate, rate 0, total 0), pending or finished.
    public var eta: TimeInterval?
    /// Seconds since `started_at` (or `created_at`); for a finished job the total duration up to `completed_at`.
    public var elapsed: TimeInterval?
    /// Seconds since the job last moved (its counts changed or it entered its current status); nil if pending,
    /// finished or never observed.
    public var sinceLastProgress: TimeInterval?
    /// True for a running or dispatched job whose observations show no progress for longer than the stall threshold.
    public var isStalled: Bool
    /// Progress fractions 0…1 at evenly spaced instants (one poll interval apart), oldest first, bounded (default 60).
    public var history: [Double]

    /// Creates metrics; every field defaults to "unknown".
    public init(
        throughput: Double? = nil, eta: TimeInterval? = nil, elapsed: TimeInterval? = nil,
        sinceLastProgress: TimeInterval? = nil, isStalled: Bool = false, history: [Double] = []
    ) {
        self.throughput = throughput
        self.eta = eta
        self.elapsed = elapsed
        self.sinceLastProgress = sinceLastProgress
        self.isStalled = isStalled
        self.history = history
    }

    /// Nothing known yet.
    public static let empty = JobMetrics()
}
