import Foundation

/// A watched job with what the poller knows about the freshness of its data.
public struct TrackedJob: Sendable, Equatable, Identifiable {
    /// The job's last known data (a placeholder with status `other("unknown")` until the first fetch succeeds).
    public var job: Job
    /// When the data was last fetched successfully; nil if never.
    public var fetchedAt: Date?
    /// Why the last fetch of this job failed, if it did (its data is then older than the last poll).
    public var fetchError: String?
    /// True when a full listing no longer contains the job: it is kept with its last data.
    public var isVanished: Bool
    /// When the job was first found vanished (discovery prunes it `vanishedRetention` seconds later).
    public var vanishedAt: Date? = nil
    /// Until when the poller vouches that the data is current although `fetchedAt` is older: the poller re-fetches
    /// every cycle but publishes a snapshot only when something changed, so this (not the age) says "fresh".
    /// Nil: judge freshness by age alone.
    public var freshUntil: Date? = nil
    /// The highest processed count any poll has shown for this job (the poller keeps it across polls).
    public var highestProcessed: Int? = nil
    /// Throughput, ETA, durations, stall flag and history, filled in by `MetricsTracker`.
    public var metrics: JobMetrics

    /// The job's identifier.
    public var id: String { job.id }

    /// True when the processed count is lower than an earlier poll showed (the server's counts went backward).
    public var countWentBackward: Bool {
        guard let highestProcessed, let processed = job.processedItems else { return false }
        return processed < highestProcessed
    }

    /// Creates a tracked job.
    public init(
        job: Job, fetchedAt: Date?, fetchError: String? = nil, isVanished: Bool = false, metrics: JobMetrics = .empty
    ) {
        self.job = job
        self.fetchedAt = fetchedAt
        self.fetchError = fetchError
        self.isVanished = isVanished
        self.metrics = metrics
    }

    /// A placeholder for a job the user asked for that has not been fetched yet.
    public static func placeholder(id: String) -> TrackedJob {
        TrackedJob(job: Job(id: id, type: .other("?"), status: .other("unknown"), totalItems: 0), fetchedAt: nil)
    }

    /// Seconds since the data was fetched, or nil if never fetched.
    public func age(at now: Date) -> TimeInterval? {
        fetchedAt.map { max(0, now.timeIntervalSince($0)) }
    }

    /// True when the data is older than two poll intervals (or was never fetched). A terminal job's data is final
    /// and never goes stale, unless its last fetch failed; nor does data the poller vouches for (`freshUntil`).
    public func isStale(at now: Date, interval: TimeInterval) -> Bool {
        guard let age = age(at: now) else { return true }
        if fetchError == nil {
            if job.status.isTerminal { return false }
            if let freshUntil, now <= freshUntil { return false }
        }
        return age > 2 * interval
    }
}
