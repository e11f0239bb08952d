import FoundationEssentials
import LlamaCloud

/// A watched job with what the poller knows about the freshness of its data.
///
/// A value with copy-on-write storage: copying one (into a snapshot, a row, another array) copies one reference,
/// so consecutive snapshots share every job that did not change instead of copying 100,000 jobs field by field.
public struct TrackedJob: Sendable, Equatable, Identifiable {
    // Inlinable reads (`job`, `metrics`, `id`): the dashboard reads one field of a job at a time (a status, a count)
    // for 100,000 jobs per snapshot; through an opaque getter each read copied the whole `Job` out and back.
    @usableFromInline var storage: TrackedJobStorage

    /// The job's last known data (a placeholder with status `other("unknown")` until the first fetch succeeds).
    public var job: Job {
        @inlinable get { storage.fields.job }
        set { unique().fields.replaceJob(newValue) }
    }
    /// When the data was last fetched successfully; nil if never. For a finished job whose data did not change,
    /// the poller keeps the time it first saw the final data (finished data never goes stale).
    public var fetchedAt: Date? {
        get { storage.fields.fetchedAt }
        set { unique().fields.fetchedAt = newValue }
    }
    /// Why the last fetch of this job failed, if it did (its data is then older than the last poll).
    public var fetchError: String? {
        get { storage.fields.fetchError }
        set { unique().fields.fetchError = newValue }
    }
    /// True when a full listing no longer contains the job: it is kept with its last data.
    public var isVanished: Bool {
        get { storage.fields.isVanished }
        set { unique().fields.isVanished = newValue }
    }
    /// When the job was first found vanished (discovery prunes it `vanishedRetention` seconds later).
    public var vanishedAt: Date? {
        get { storage.fields.vanishedAt }
        set { unique().fields.vanishedAt = newValue }
    }
    /// Until when the poller vouches that the data is current although `fetchedAt` is older: the poller re-fetches
    /// every cycle but publishes a snapshot only when something changed, so this (not the age) says "fresh".
    /// Nil: judge freshness by age alone.
    public var freshUntil: Date? {
        get { storage.freshUntil }
        set { unique().fields.freshUntil = newValue }
    }
    /// The highest processed count any poll has shown for this job (the poller keeps it across polls).
    public var highestProcessed: Int? {
        get { storage.highestProcessed }
        set { unique().fields.highestProcessed = newValue }
    }
    /// Throughput, ETA, durations, stall flag and history, filled in by `MetricsTracker`.
    public var metrics: JobMetrics {
        @inlinable get { storage.fields.metrics }
        set { unique().fields.metrics = newValue }
    }

    /// Renews the job as a snapshot shows it, on one storage: vouched for until `vouch` when its data is fresh
    /// (fetched without error, still listed, unfinished), and its metrics as `metrics` works them out from the job
    /// where it is stored. Field by field through the setters, each checked the storage's uniqueness and the metrics
    /// read a copy of the whole `Job` (`Poller.refreshed`, once per changed job a snapshot).
    /// The metrics are given the job's address in the storage: given the job itself, they got a copy of it (its
    /// references retained and released), once for every job a snapshot redoes.
    mutating func renew(vouch: Date?, metrics: (UnsafePointer<Job>) -> JobMetrics) {
        let storage = unique()
        if let vouch, storage.fields.fetchError == nil, storage.fields.fetchedAt != nil, !storage.fields.isVanished,
            !storage.fields.job.hasTerminalStatus
        {
            storage.fields.freshUntil = vouch
        }
        storage.fields.metrics = storage.fields.withJobAddress(metrics)
    }

    /// Runs `body` on all the fields where they are stored (within this module: the aggregate of every job).
    func withFields<Result>(_ body: (borrowing TrackedJobStorage.Fields) -> Result) -> Result {
        body(storage.fields)
    }

    /// The job's identifier.
    @inlinable public var id: String { storage.fields.job.id }
    /// The job's identifier as kept (no `String` built: what to compare and hash when many jobs are read).
    @inlinable public var jobID: JobID { storage.fields.job.jobID }

    /// True when the job's last known status is completed, failed or cancelled, read from its status byte in place
    /// (through `job` the whole job was copied out, for a walk of 100,000 jobs that wants one byte of each).
    @inlinable public var hasFinished: Bool { JobStatus.isTerminal(code: storage.fields.job.statusCode) }

    /// True for finished data fetched without error and still listed: it never changes or goes stale, so seeing it
    /// again unchanged needs nothing stored, recorded or republished.
    var isSettled: Bool { storage.fields.job.hasTerminalStatus && fetchedAt != nil && fetchError == nil && !isVanished }

    /// True when both jobs have the same status, share one identity and give the table filter the same facts (a v2
    /// batch's configuration type and cancel request), read in place (`job` would copy each out): what the rows'
    /// order and the filter read, so what `JobTable.orderKeysVersion` follows.
    func hasSameRowKeys(as other: TrackedJob) -> Bool {
        storage === other.storage || storage.hasSameRowKeys(as: other.storage)
    }

    /// True when the processed count is lower than an earlier poll showed (the server's counts went backward).
    public var countWentBackward: Bool {
        guard let highestProcessed, let processed = job.processedItems else { return false }
        return processed < highestProcessed
    }

    /// Creates a tracked job.
    public init(
        job: Job, fetchedAt: Date?, fetchError: String? = nil, isVanished: Bool = false, metrics: JobMetrics = .empty
    ) {
        storage = TrackedJobStorage(
            TrackedJobStorage.Fields(
                job: job, fetchedAt: fetchedAt, fetchError: fetchError, isVanished: isVanished, metrics: metrics))
    }

    /// A tracked job fetched at `fetchedAt`, with the highest processed count seen so far.
    init(job: consuming Job, fetchedAt: Date, highestProcessed: Int?) {
        let isProcessed = highestProcessed != nil && highestProcessed == job.processedItems
        // Built where it is passed: a local changed after building was copied into the storage and destroyed.
        storage = TrackedJobStorage(
            TrackedJobStorage.Fields(job: job, fetchedAt: fetchedAt, highestIsProcessed: isProcessed))
        // Rare: the server's counts went backward (or the count is gone); kept behind the rarities' reference.
        if !isProcessed, let highestProcessed { storage.fields.highestProcessed = highestProcessed }
    }

    /// `init(job:fetchedAt:highestProcessed:)`, written into the storage of `spare` when nothing else holds it (no
    /// snapshot, no row, no other value), else into a new storage; `spare` is emptied either way. The spare may be
    /// any job's version: every field is written (see `VersionRecycler`, which keeps the versions the table replaced).
    static func version(
        job: consuming Job, fetchedAt: Date, highestProcessed: Int?, reusing spare: inout TrackedJob?
    ) -> TrackedJob {
        // Checked where the spare is (in place through the optional): a copy would be a second holder.
        guard spare?.isSoleHolder() == true, let reused = spare.take() else {
            spare = nil
            return TrackedJob(job: job, fetchedAt: fetchedAt, highestProcessed: highestProcessed)
        }
        let isProcessed = highestProcessed != nil && highestProcessed == job.processedItems
        // Written through the reference, no uniqueness check: this value is the storage's only holder (checked above;
        // nothing can take a new reference to a storage no one holds).
        reused.storage.fields = TrackedJobStorage.Fields(job: job, fetchedAt: fetchedAt, highestIsProcessed: isProcessed)
        if !isProcessed, let highestProcessed { reused.storage.fields.highestProcessed = highestProcessed }
        return reused
    }

    /// True when this value is the only holder of its storage.
    mutating func isSoleHolder() -> Bool { isKnownUniquelyReferenced(&storage) }

    /// A placeholder for a job the user asked for that has not been fetched yet.
    public static func placeholder(id: String) -> TrackedJob {
        TrackedJob(job: Job(id: id, type: .other("?"), status: .other("unknown"), totalItems: 0), fetchedAt: nil)
    }

    /// True when both values share one storage (a snapshot reused the job unchanged).
    public func sharesStorage(with other: TrackedJob) -> Bool { storage === other.storage }

    /// Seconds since the data was fetched, or nil if never fetched.
    public func age(at now: Date) -> TimeInterval? {
        fetchedAt.map { max(0, now.timeIntervalSince($0)) }
    }

    /// True when the data is older than two poll intervals (or was never fetched). A terminal job's data is final
    /// and never goes stale, unless its last fetch failed; nor does data the poller vouches for (`freshUntil`).
    public func isStale(at now: Date, interval: TimeInterval) -> Bool {
        guard let age = age(at: now) else { return true }
        if fetchError == nil {
            if storage.fields.job.hasTerminalStatus { return false }
            if let freshUntil, now <= freshUntil { return false }
        }
        return age > 2 * interval
    }

    /// Equal when every field is equal (one shared storage is equal without looking).
    public static func == (lhs: TrackedJob, rhs: TrackedJob) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// The storage, copied first if another value shares it.
    private mutating func unique() -> TrackedJobStorage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }
}
