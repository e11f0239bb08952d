import FoundationEssentials

/// Totals for the header across all watched jobs.
public struct AggregateMetrics: Sendable, Equatable {
    /// Number of jobs per status (all jobs, vanished ones included).
    public var countsByStatus: [JobStatus: Int]
    /// Jobs that are neither finished nor vanished.
    public var activeJobs: Int
    /// Active jobs flagged as stalled.
    public var stalledJobs: Int
    /// Items processed across active jobs.
    public var itemsDone: Int
    /// Items in all active jobs.
    public var itemsTotal: Int
    /// Sum of the active jobs' throughputs, items/s; nil when no active job has one.
    public var overallRate: Double?

    /// Creates aggregates.
    public init(
        countsByStatus: [JobStatus: Int] = [:], activeJobs: Int = 0, stalledJobs: Int = 0, itemsDone: Int = 0,
        itemsTotal: Int = 0, overallRate: Double? = nil
    ) {
        self.countsByStatus = countsByStatus
        self.activeJobs = activeJobs
        self.stalledJobs = stalledJobs
        self.itemsDone = itemsDone
        self.itemsTotal = itemsTotal
        self.overallRate = overallRate
    }

    /// Nothing watched.
    public static let empty = AggregateMetrics()

    /// Aggregates the jobs (with their `metrics` already filled in); active means not terminal and not vanished.
    /// A snapshot from the poller carries its jobs' aggregate (`Snapshot.summary`), kept as the jobs changed.
    public static func compute(from jobs: JobList) -> AggregateMetrics {
        // Chunk by chunk: each is an array, read as one.
        AggregateTally(jobs.chunks.joined()).metrics
    }

    /// Aggregates the jobs of an array (see `compute(from:)` for a `JobList`).
    public static func compute(from jobs: [TrackedJob]) -> AggregateMetrics { AggregateTally(jobs).metrics }
}
