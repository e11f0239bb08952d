import FoundationEssentials

/// One observation of a job's counts at a moment on the local clock: the raw material of throughput, ETA and history.
public struct ProgressSample: Sendable, Equatable {
    /// When the counts were observed (local clock, e.g. the poller's fetch time).
    public var at: Date
    /// Items done so far (including failed and skipped ones), never negative.
    public var processed: Int
    /// Items that failed, never negative.
    public var failed: Int
    /// Items in the job, never negative.
    public var total: Int

    /// Creates a sample; negative counts are clamped to zero.
    public init(at: Date, processed: Int, failed: Int = 0, total: Int) {
        self.at = at
        self.processed = max(0, processed)
        self.failed = max(0, failed)
        self.total = max(0, total)
    }

    /// The sample a job's counts give at `at`; without a processed count, it is derived from the job's percentage.
    public init(job: borrowing Job, at: Date) {
        self.init(
            at: at, totalItems: job.totalItems, processedItems: job.processedItems, failedItems: job.failedItems,
            percent: job.progressPercent)
    }

    /// `init(job:at:)` from the job's fields, for a caller that reads them one by one where they are stored (passing
    /// the job copied it, retaining its references: `AggregateTally`).
    init(at: Date, totalItems: Int, processedItems: Int?, failedItems: Int?, percent: Double) {
        let total = max(0, totalItems)
        let processed = processedItems ?? Self.share(of: total, percent: percent)
        self.init(at: at, processed: processed, failed: failedItems ?? 0, total: total)
    }

    /// Share of the job done, 0…1 (0 when the total is zero or unknown).
    public var fraction: Double {
        total > 0 ? min(1, Double(processed) / Double(total)) : 0
    }

    /// Items still to do, never negative.
    public var remaining: Int { max(0, total - processed) }

    /// `percent` % of `total`, rounded down, without trapping on huge totals.
    private static func share(of total: Int, percent: Double) -> Int {
        let fraction = percent.isFinite ? min(1, max(0, percent / 100)) : 0
        let value = (Double(total) * fraction).rounded(.down)
        return value < Double(total) ? Int(value) : total
    }
}
