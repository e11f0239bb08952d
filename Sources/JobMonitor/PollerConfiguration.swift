import FoundationEssentials
import LlamaCloud

/// What the poller watches and how often.
public struct PollerConfiguration: Sendable, Equatable {
    /// Page size of every list call (the API's maximum).
    public static let pageSize = 100
    /// The statuses of jobs that can still change, listed each cycle in discovery mode.
    public static let activeStatuses = ["pending", "running", "dispatched"]

    /// Jobs to watch by ID; empty means "discover the project's jobs through the list call".
    public var jobIDs: [String]
    /// Seconds between poll cycles.
    public var interval: TimeInterval
    /// Discovery filter: only these statuses (one list call per status); empty means all.
    public var statuses: [String]
    /// Discovery filter: only these job types; empty means all.
    public var jobTypes: [String]
    /// Discovery filter: only jobs over this directory.
    public var directoryID: String?
    /// Most requests in flight at once.
    public var maxConcurrentRequests: Int
    /// Discovery lists the whole project every this many cycles (and on refresh); the cycles between list only the
    /// active statuses. With explicit IDs, jobs that came back 404 are asked for again at the same pace.
    public var fullScanEvery: Int
    /// Discovery: seconds a job that left the listing stays on screen (marked `gone`) before it is dropped with its
    /// history, so a long-running dashboard over a churning project keeps bounded memory. Explicit IDs are never
    /// dropped.
    public var vanishedRetention: TimeInterval
    /// Discovery: most jobs kept after they left the listing; past it, the longest gone are dropped before their
    /// retention ends. A project whose jobs turn over fast (hundreds a second) would otherwise keep every job that
    /// left in the last `vanishedRetention` seconds: more jobs gone than listed, and memory to match.
    public var maxVanished: Int
    /// Discovery filter: only jobs created at or after this time (v2: the list call's `created_at_on_or_after`;
    /// beta jobs: filtered here, the beta list call has no such filter).
    public var createdAfter: Date? = nil
    /// Discovery filter: only jobs created at or before this time.
    public var createdBefore: Date? = nil
    /// Which APIs are polled (beta jobs, v2 batches, or both).
    public var apiSelection: APISelection = .v1
    /// v2: job IDs per bulk `job_ids` call.
    public var jobIDsPerCall = 100
    /// v2: a running batch's directory is counted again every this many cycles (files can be added meanwhile).
    public var directoryRecountEvery = 30
    /// v2: most finished batches whose final counts are worked out in one cycle (their first sight costs a
    /// directory count and the jobs' outcomes); the rest follow in later cycles, active batches always first.
    public var finishedBatchesPerCycle = 32
    /// Discovery: while the first listing pages in, a snapshot of the jobs loaded so far is published once this many
    /// seconds have passed since the listing started or since the last such snapshot (a listing that completes
    /// sooner publishes only its complete snapshot).
    public var loadingPublishInterval: TimeInterval = 0.25
    /// Discovery: snapshots of a first listing still paging in are published only when the server announced at
    /// least this many jobs (a smaller listing completes quickly enough).
    public var loadingPublishMinimum = 2_000

    /// Discovery, after the first listing: while a listing pages in, once the jobs stored since the last snapshot
    /// reach this share of all jobs (and at least `progressivePublishMinimum`), a snapshot with them is published
    /// there and then instead of at the end of the cycle. A listing in which most jobs changed then never makes a new
    /// version of every job while the screen still holds the old one of each: the screen lets go of the old versions
    /// a share at a time (at 100,000 running jobs, two versions of each were ~19 MB above one). A tenth: with a fifth,
    /// the 22,000 versions held twice at a time were most of what `churn:100000` peaked above its steady heap.
    public var progressivePublishShare = 0.1
    /// Discovery: the fewest jobs stored since the last snapshot for which a listing publishes before it completes
    /// (see `progressivePublishShare`); a smaller project gets one snapshot a cycle.
    public var progressivePublishMinimum = 5_000
    /// The fewest jobs for which a cycle's per-job work that touches only that job (recording its sample, working out
    /// its metrics for a snapshot) is shared with a second thread (`SharedLoop`); fewer are done on the poller's
    /// thread alone, as waking a thread costs more. 1: always shared; `Int.max`: never (tests compare the two).
    public var sharedWorkMinimum = 1_024

    /// Most seconds between cycles while the poller idles: when no watched job is unfinished and a cycle changed
    /// nothing, the wait doubles each such cycle up to this; any change, `refresh()` or unpausing restores the
    /// interval. Nil: ten intervals, at most 30 s (never less than the interval).
    public var idleIntervalLimit: TimeInterval? = nil

    /// The idle limit in effect (see `idleIntervalLimit`).
    public var idleLimit: TimeInterval {
        let limit = idleIntervalLimit.flatMap { $0.isFinite ? $0 : nil } ?? min(30, 10 * interval)
        return max(interval, limit)
    }

    /// Creates a configuration.
    public init(
        jobIDs: [String] = [], interval: TimeInterval = 2, statuses: [String] = [], jobTypes: [String] = [],
        directoryID: String? = nil, maxConcurrentRequests: Int = 8, fullScanEvery: Int = 10,
        vanishedRetention: TimeInterval = 300, maxVanished: Int = 10_000
    ) {
        self.jobIDs = jobIDs
        self.interval = interval
        self.statuses = statuses
        self.jobTypes = jobTypes
        self.directoryID = directoryID
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.fullScanEvery = max(1, fullScanEvery)
        self.vanishedRetention = vanishedRetention.isFinite ? max(0, vanishedRetention) : 300
        self.maxVanished = max(0, maxVanished)
    }

    /// True when the poller discovers jobs through the list call.
    public var isDiscovery: Bool { jobIDs.isEmpty }

    /// True when a job created at `date` passes the `createdAfter`/`createdBefore` filter (an unknown creation time
    /// passes only when there is no such filter).
    public func admits(createdAt date: Date?) -> Bool {
        if createdAfter == nil, createdBefore == nil { return true }
        guard let date else { return false }
        if let createdAfter, date < createdAfter { return false }
        if let createdBefore, date > createdBefore { return false }
        return true
    }

    /// True when `api` is polled.
    public func polls(_ api: JobAPI) -> Bool { apiSelection.apis.contains(api) }

    /// v2 batch statuses that can still change, listed each cycle in discovery mode.
    static let activeBatchStatuses = ["PENDING", "RUNNING", "THROTTLED"]
    /// Every batch status the v2 list filter accepts.
    static let batchStatuses = ["PENDING", "RUNNING", "THROTTLED", "COMPLETED", "FAILED", "CANCELLED"]

    /// v2 list queries of a complete scan: the user's statuses that v2 knows (none: every batch), over the directory.
    /// Empty when the user's status or type filter excludes every batch.
    var batchDiscoveryQueries: [BatchListQuery] {
        guard batchTypeFilter != [] else { return [] }
        if statuses.isEmpty { return [BatchListQuery(
                pageSize: Self.pageSize, sourceDirectoryID: directoryID, createdOnOrAfter: createdAfter,
                createdOnOrBefore: createdBefore)] }
        let wanted = statuses.map { $0.uppercased() }.filter { Self.batchStatuses.contains($0) }
        return Array(Set(wanted)).sorted().map {
            BatchListQuery(
                pageSize: Self.pageSize, status: $0, sourceDirectoryID: directoryID, createdOnOrAfter: createdAfter,
                createdOnOrBefore: createdBefore)
        }
    }

    /// v2 list queries of an active-only cycle.
    var batchActiveQueries: [BatchListQuery] {
        guard batchTypeFilter != [] else { return [] }
        return Self.activeBatchStatuses.map {
            BatchListQuery(
                pageSize: Self.pageSize, status: $0, sourceDirectoryID: directoryID, createdOnOrAfter: createdAfter,
                createdOnOrBefore: createdBefore)
        }
    }

    /// The v2 configuration types the user's `--job-type` filter keeps (nil: all; empty: none).
    var batchTypeFilter: Set<String>? {
        guard !jobTypes.isEmpty else { return nil }
        return Set(jobTypes.compactMap { type -> String? in
            switch type.lowercased() {
            case "parse", "parse_v2": return "parse_v2"
            case "extract", "extract_v2": return "extract_v2"
            default: return nil
            }
        })
    }

    /// The list queries of one complete discovery scan: one per combination of status and type filter.
    var discoveryQueries: [JobListQuery] {
        queries(statuses: statuses.isEmpty ? [nil] : statuses)
    }

    /// The list queries of an active-only cycle: the active statuses, for each type filter.
    var activeQueries: [JobListQuery] {
        queries(statuses: Self.activeStatuses)
    }

    private func queries(statuses: [String?]) -> [JobListQuery] {
        let typeValues: [String?] = jobTypes.isEmpty ? [nil] : jobTypes
        return statuses.flatMap { status in
            typeValues.map { type in
                JobListQuery(limit: Self.pageSize, status: status, jobType: type, directoryID: directoryID)
            }
        }
    }
}
