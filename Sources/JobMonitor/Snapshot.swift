import FoundationEssentials

/// Everything the UI shows, as one immutable value published by the poller after each poll cycle.
public struct Snapshot: Sendable, Equatable {
    /// The watched jobs, in the order the poller discovered them (newest first in discovery mode). Consecutive
    /// snapshots share the chunks of this list in which no job changed (see `JobList`).
    public var jobs: JobList
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

    /// Number of jobs per status.
    public var countsByStatus: [JobStatus: Int] {
        jobs.reduce(into: [:]) { counts, tracked in counts[tracked.job.status, default: 0] += 1 }
    }
}
