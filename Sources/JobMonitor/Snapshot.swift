import FoundationEssentials

/// Everything the UI shows, as one immutable value published by the poller after each poll cycle.
public struct Snapshot: Sendable, Equatable {
    /// The watched jobs, in the order the poller discovered them (newest first in discovery mode). Consecutive
    /// snapshots share the chunks of this list in which no job changed (see `JobList`). Changing them drops the kept
    /// summary.
    public var jobs: JobList {
        didSet {
            keptSummary = nil
            rowOrderVersion = nil
        }
    }
    /// How the API has been answering.
    public var health: APIHealth
    /// When this snapshot was assembled.
    public var takenAt: Date
    /// The poll interval, in seconds (the UI marks data older than two intervals as stale).
    public var interval: TimeInterval
    /// Poll cycles completed so far.
    public var cycle: Int
    /// The APIs that answered (beta jobs, v2 batches); an API dropped after a 404 in auto mode is not among them.
    public var liveAPIs: [JobAPI] = []
    /// Set while the first listing is still paging in: the jobs are those loaded so far. Nil once it completed.
    public var loading: LoadingProgress? = nil
    /// While the poller idles (nothing unfinished, nothing changing): the longest wait between cycles it stretches
    /// to, in seconds; nil at the normal interval (see `PollerConfiguration.idleIntervalLimit`).
    public var idleInterval: TimeInterval? = nil
    /// Changes whenever the order of `jobs` or any job's status, identity (ID, type, project, directory, creation
    /// time), vanishing or filter facts (a v2 batch's configuration type and cancel request) changes, as the poller
    /// counts (`JobTable.orderKeysVersion`): two snapshots with one version hold their jobs in one order with the
    /// same statuses and creation times, and the same jobs match any table filter, so a sort by those alone, filtered
    /// or not, comes out the same (the dashboard then keeps its rows without reading a job: `Reducer`). Nil when not
    /// known: a snapshot made elsewhere, or whose `jobs` were changed since.
    public var rowOrderVersion: Int? = nil

    /// True when both carry one known row order version: the same jobs in the same order, with the same statuses,
    /// identities, creation times and filter facts (see `rowOrderVersion`).
    public func hasSameRowOrder(as other: Snapshot) -> Bool {
        rowOrderVersion != nil && rowOrderVersion == other.rowOrderVersion
    }
    /// The aggregate of `jobs` as the poller kept it while it made this snapshot (`PublishedJobs`); nil when none was
    /// kept or `jobs` changed since.
    private var keptSummary: AggregateMetrics?

    /// Creates a snapshot.
    public init(jobs: JobList, health: APIHealth, takenAt: Date, interval: TimeInterval, cycle: Int = 0) {
        self.jobs = jobs
        self.health = health
        self.takenAt = takenAt
        self.interval = interval
        self.cycle = cycle
    }

    /// Creates a snapshot of the jobs in an array.
    public init(jobs: [TrackedJob], health: APIHealth, takenAt: Date, interval: TimeInterval, cycle: Int = 0) {
        self.init(jobs: JobList(jobs), health: health, takenAt: takenAt, interval: interval, cycle: cycle)
    }

    /// An empty snapshot, shown before the first poll completes.
    public static func empty(interval: TimeInterval, at date: Date) -> Snapshot {
        Snapshot(jobs: [], health: APIHealth(), takenAt: date, interval: interval)
    }

    /// The header's totals over `jobs`: kept by the poller, which updates them as it replaces each changed job, so
    /// that the dashboard does not walk every job of every snapshot for them; worked out from `jobs` when none was
    /// kept (a snapshot built by hand, or whose jobs were changed since).
    public var summary: AggregateMetrics { keptSummary ?? AggregateMetrics.compute(from: jobs) }

    /// True when `summary` is the one kept with the snapshot, not worked out when read.
    public var hasKeptSummary: Bool { keptSummary != nil }

    /// Keeps `summary` with the snapshot; it must be the aggregate of `jobs` (the poller's, `PublishedJobs.tally`).
    mutating func keep(summary: AggregateMetrics) { keptSummary = summary }

    /// Works out the summary of `jobs` now and keeps it, as the poller keeps its own: for a snapshot built by hand
    /// that is handed to the dashboard as if the poller had made it (the benchmarks' fixtures).
    public mutating func keepSummary() { keptSummary = AggregateMetrics.compute(from: jobs) }

    /// Equal when every field but the kept summary and the row order version is (both are about `jobs`: a function of
    /// them, and a count of how they came to be).
    public static func == (lhs: Snapshot, rhs: Snapshot) -> Bool {
        lhs.jobs == rhs.jobs && lhs.health == rhs.health && lhs.takenAt == rhs.takenAt && lhs.interval == rhs.interval
            && lhs.cycle == rhs.cycle && lhs.liveAPIs == rhs.liveAPIs && lhs.loading == rhs.loading
            && lhs.idleInterval == rhs.idleInterval
    }

    /// Number of jobs per status (the summary's counts: kept by the poller, not counted again).
    public var countsByStatus: [JobStatus: Int] { summary.countsByStatus }
}
