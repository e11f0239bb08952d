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
    public static func compute(from jobs: JobList) -> AggregateMetrics {
        // Chunk by chunk: each is an array, read as one.
        aggregate(jobs.chunks.joined())
    }

    /// Aggregates the jobs of an array (see `compute(from:)` for a `JobList`).
    public static func compute(from jobs: [TrackedJob]) -> AggregateMetrics { aggregate(jobs) }

    /// The aggregate of `jobs`; generic within this module only, so each caller above gets its own specialised copy (a
    /// public generic was called unspecialised from the dashboard: a witness call for every job).
    @inline(__always)
    private static func aggregate(_ jobs: some Sequence<TrackedJob>) -> AggregateMetrics {
        var result = AggregateMetrics()
        // Neighbouring jobs mostly share a status: count runs, and touch the dictionary once per run.
        var runStatus: JobStatus?
        var runLength = 0
        for tracked in jobs {
            // Read where stored: copying each job and its metrics out, to read a few numbers, was most of the work.
            let (status, active, sample, stalled, rate) = tracked.withFields { fields in
                (
                    fields.job.status, !fields.job.status.isTerminal && !fields.isVanished,
                    ProgressSample(job: fields.job, at: Date(timeIntervalSinceReferenceDate: 0)),
                    fields.metrics.isStalled, fields.metrics.throughput
                )
            }
            if status != runStatus {
                if let runStatus { result.countsByStatus[runStatus, default: 0] += runLength }
                runStatus = status
                runLength = 0
            }
            runLength += 1
            guard active else { continue }
            result.activeJobs += 1
            if stalled { result.stalledJobs += 1 }
            result.itemsDone = saturatingSum(result.itemsDone, sample.processed)
            result.itemsTotal = saturatingSum(result.itemsTotal, sample.total)
            if let rate {
                result.overallRate = (result.overallRate ?? 0) + rate
            }
        }
        if let runStatus { result.countsByStatus[runStatus, default: 0] += runLength }
        return result
    }

    /// `a + b` for non-negative counts, capped at `Int.max` instead of trapping.
    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
