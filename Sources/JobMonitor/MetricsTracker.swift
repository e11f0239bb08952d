import FoundationEssentials
import LlamaCloud

/// Turns successive observations of jobs into `JobMetrics`; a plain value the poller owns, with bounded memory per job.
/// Time is always passed in, and throughput and stalls are judged on observations only, so a failing API (no new
/// observations) never makes a job look stalled.
public struct MetricsTracker: Sendable, Equatable {
    /// Window, bounds and thresholds.
    public let configuration: MetricsConfiguration
    /// The histories, kept once (see `HistoryStore`); copied before a change if another tracker holds them too.
    private var store = HistoryStore()
    /// The lock of the histories callers keep themselves (`record(job:at:owned:)`), which also marks a box as one of
    /// those. A `let`: every copy of this tracker shares it, and copying `store` on write leaves such boxes this
    /// tracker's.
    private let ownedLock: HistoryLock
    /// Records the observations `recordLater(job:at:box:)` hands over, on a second thread (see `HistoryRecorder`);
    /// shared by every copy of this tracker, like `ownedLock`, and used by the one caller that records.
    private let recorder: HistoryRecorder
    /// The instant `record(job:at:owned:)` last observed at and `ProgressHistory.limits` of it: the same for every job
    /// of a listing (see `ProgressHistory.observe(_:status:configuration:limits:)`).
    private var lastLimits: (at: Date, limits: SampleLog.ScanLimits)?

    /// Creates an empty tracker; samples handed over for later are recorded with a second thread's help from
    /// `sharedWorkMinimum` of them on (see `HistoryRecorder`).
    public init(configuration: MetricsConfiguration = MetricsConfiguration(), sharedWorkMinimum: Int = 1_024) {
        self.configuration = configuration
        let lock = HistoryLock()
        ownedLock = lock
        recorder = HistoryRecorder(configuration: configuration, lock: lock, sharedMinimum: sharedWorkMinimum)
    }

    /// Records a successful observation of `job` at `at`; call it for every fetch, changed or not. A job's history
    /// starts with its first unfinished observation (a job only ever seen finished has none).
    public mutating func record(job: Job, at: Date) {
        var none: HistoryBox?
        record(job: job, at: at, cached: &none)
    }

    /// `record(job:at:)` through the job's history box cached by the caller: used when it is this tracker's, looked
    /// up (and `cached` set) when it is nil or a box of a store since copied.
    mutating func record(job: Job, at: Date, cached: inout HistoryBox?) {
        let sample = ProgressSample(job: job, at: at)
        let configuration = configuration
        let store = uniqueStore()
        if let box = cached, store.owns(box) {
            store.update(box) { $0.observe(sample, status: job.status, configuration: configuration) }
            return
        }
        cached = store.update(
            job.id, change: { $0.observe(sample, status: job.status, configuration: configuration) },
            create: { Self.startedHistory(sample, status: job.status) })
    }

    /// The history a job's first observation starts, or nil for a job first seen finished: one sample draws no trend
    /// and its rate is the average anyway, and 100,000 finished jobs kept a 144-byte box and a table entry each
    /// (~20 MB).
    private static func startedHistory(_ sample: ProgressSample, status: JobStatus) -> ProgressHistory? {
        status.isTerminal ? nil : ProgressHistory(first: sample, status: status)
    }

    /// `record(job:at:)` into a history the caller keeps (`owned`, set when one starts), not entered in the store:
    /// the poller keeps each job's box in the job's slot of its table, the only index it needs, and the history goes
    /// when the slot is freed. The store's table of 100,000 running jobs was a 262,144-bucket dictionary (6.3 MB) that
    /// the poller never read. A box of another tracker (or of its store) is replaced by a new history.
    /// Changes no tracker state: the histories are the caller's. `mutating` only so that a caller holding the tracker
    /// in a class property (the poller) passes it by address: a non-mutating call copied the tracker first (retaining
    /// and releasing its store and lock), ~150 instructions for every job stored (callgrind).
    ///
    /// Every sample handed over before (`recordLater`) is recorded first, then this one.
    mutating func record(job: Job, at: Date, owned: inout HistoryBox?) {
        let sample = ProgressSample(job: job, at: at)
        let status = job.status
        guard let box = owned, owns(box) else {
            owned = Self.startedHistory(sample, status: status).map { HistoryBox($0, lock: ownedLock) }
            return
        }
        let limits = scanLimits(at: at)
        recorder.finish()
        ownedLock.lock()
        defer { ownedLock.unlock() }
        box.history.observe(sample, status: status, configuration: configuration, limits: limits)
    }

    /// Hands a job's sample to the recorder (`HistoryRecorder`), to be recorded into `box` on a second thread by the
    /// next `finishRecording()`; the caller adds at most one per job until then. `box` must be this tracker's
    /// (`owns`); the caller's one reference is moved in. The poller's path for a listed job that changed: passed
    /// through `record`'s `inout`, the box was retained three times and released twice on the way, each on a history
    /// the recording thread wrote last (callgrind, `poll 10000 4`). A job without a history yet goes through `record`.
    mutating func recordLater(job: borrowing Job, at: Date, box: consuming HistoryBox) {
        let sample = ProgressSample(job: job, at: at)
        let status = job.status
        recorder.add(HistoryRecorder.Observation(box: box, sample: sample, status: status, limits: scanLimits(at: at)))
    }

    /// True when `box` holds a history of this tracker's (recorded under its lock), which `recordLater` may take.
    func owns(_ box: HistoryBox) -> Bool { box.lock === ownedLock }

    /// The scan limits for observations at `at`, kept for the instant (see `ProgressHistory.limits(at:_:)`).
    private mutating func scanLimits(at: Date) -> SampleLog.ScanLimits {
        if let last = lastLimits, last.at == at { return last.limits }
        let limits = ProgressHistory.limits(at: at, configuration)
        lastLimits = (at, limits)
        return limits
    }

    /// Records every sample `recordLater(job:at:box:)` handed over, and returns when they are recorded: call it
    /// before reading a history the caller keeps (`metrics(forJobAt:…byRecorder:)`).
    func finishRecording() {
        recorder.finish()
    }

    /// The samples in a history kept by the caller (empty without one, or with another tracker's).
    func samples(in owned: HistoryBox?) -> [ProgressSample] {
        guard let owned, owned.lock === ownedLock else { return [] }
        recorder.finish()
        return owned.read { Array($0.samples) }
    }

    /// Forgets everything about the given jobs.
    public mutating func forget<IDs: Sequence<String>>(ids: IDs) {
        uniqueStore().remove(ids)
    }

    /// The samples stored for a job, oldest first (empty if never recorded or forgotten).
    public func samples(for id: String) -> [ProgressSample] {
        store.read(id) { Array($0.samples) } ?? []
    }

    /// The metrics of `job` as of `now`, from the observations recorded so far.
    public func metrics(for job: Job, at now: Date, pollInterval: TimeInterval) -> JobMetrics {
        metrics(for: job, at: now, pollInterval: pollInterval, cached: nil)
    }

    /// `metrics(for:at:pollInterval:)` through the job's history box cached by the caller, when it is this tracker's.
    /// `cacheIsComplete`: the caller caches every box `record` returns for the job, so nil means it has no history
    /// (most finished jobs): the store is not searched for one.
    func metrics(
        for job: Job, at now: Date, pollInterval: TimeInterval, cached: HistoryBox?, cacheIsComplete: Bool = false
    ) -> JobMetrics {
        withUnsafePointer(to: job) { job in
            metrics(forJobAt: job, at: now, pollInterval: pollInterval, cached: cached, cacheIsComplete: cacheIsComplete)
        }
    }

    /// `metrics(for:at:pollInterval:cached:cacheIsComplete:)` for a job where it is stored, each field read there
    /// (`TrackedJob.renew`): a `Job` passed out of a job's storage was copied whole first, its references retained and
    /// released, once for every job a snapshot redoes.
    ///
    /// `byRecorder`: the caller is the one that records into the histories it keeps (`record(job:at:owned:)`, the
    /// poller), so such a history is read without the lock: every write to it is the caller's own, and reads on other
    /// threads are reads too. The lock was ~65 instructions for every job a snapshot redoes (callgrind).
    func metrics(
        forJobAt job: UnsafePointer<Job>, at now: Date, pollInterval: TimeInterval, cached: HistoryBox?,
        cacheIsComplete: Bool, byRecorder: Bool = false
    ) -> JobMetrics {
        let owned = cached.map { $0.lock === ownedLock } ?? false
        let found = cached.flatMap { owned || store.owns($0) ? $0 : nil }
        guard let box = found ?? (cached == nil && cacheIsComplete ? nil : store.box(job.pointee.id)) else {
            let elapsed = Self.elapsed(of: job, at: now)
            let average = job.pointee.hasTerminalStatus ? Self.average(of: job, at: now, elapsed: elapsed) : nil
            return JobMetrics(throughput: average, elapsed: elapsed)
        }
        let facts = owned && byRecorder ? box.factsForRecorder() : box.facts()
        return metrics(forJobAt: job, at: now, pollInterval: pollInterval, history: facts, box: box)
    }

    /// The metrics of `job` as of `now` from what its history says (`box` holds it).
    private func metrics(
        forJobAt job: UnsafePointer<Job>, at now: Date, pollInterval: TimeInterval, history: HistoryBox.Facts,
        box: HistoryBox
    ) -> JobMetrics {
        let elapsed = Self.elapsed(of: job, at: now)
        let step = configuration.historyStep(pollInterval: pollInterval)
        let length = configuration.historyLength
        // Known statuses by their code (an `other` status is none of those asked about here).
        let status = job.pointee.knownStatus
        if status?.isTerminal == true {
            let points = HistorySource(box: box, end: history.lastSampleAt, step: step, count: length)
            return JobMetrics(
                throughput: Self.average(of: job, at: now, elapsed: elapsed), elapsed: elapsed, historySource: points)
        }
        let points = HistorySource(box: box, end: history.lastObservedAt, step: step, count: length)
        if status == .pending { return JobMetrics(elapsed: elapsed, historySource: points) }
        // Kept by `observe` with this tracker's configuration (the one every observation is recorded with).
        let throughput = history.rate
        let quiet = history.lastObservedAt.timeIntervalSince(history.lastMovedAt)
        let canStall = status == .running || status == .dispatched
        return JobMetrics(
            throughput: throughput,
            eta: Self.eta(of: Self.sample(of: job, at: now), throughput: throughput),
            elapsed: elapsed,
            sinceLastProgress: max(0, now.timeIntervalSince(history.lastMovedAt)),
            isStalled: canStall && quiet > configuration.stallThreshold(pollInterval: pollInterval),
            historySource: points)
    }

    /// Equal when the configurations and every history in the store are equal (histories kept by callers,
    /// `record(job:at:owned:)`, are theirs to compare).
    public static func == (lhs: MetricsTracker, rhs: MetricsTracker) -> Bool {
        guard lhs.configuration == rhs.configuration else { return false }
        if lhs.store === rhs.store { return true }
        let left = lhs.store.read { $0.mapValues(\.history) }
        return rhs.store.read { $0.mapValues(\.history) } == left
    }

    /// The store, copied first if another tracker holds it (snapshots hold boxes, not the store, so they do not count).
    private mutating func uniqueStore() -> HistoryStore {
        if !isKnownUniquelyReferenced(&store) { store = store.copy() }
        return store
    }

    /// The jobs with their `metrics` filled in as of `now`.
    public func withMetrics(_ jobs: [TrackedJob], at now: Date, pollInterval: TimeInterval) -> [TrackedJob] {
        jobs.map { tracked in
            var tracked = tracked
            tracked.metrics = metrics(for: tracked.job, at: now, pollInterval: pollInterval)
            return tracked
        }
    }

    /// Seconds from `started_at` (or `created_at`) to `now`, or to `completed_at` (or `updated_at`) when finished;
    /// never negative, nil without the timestamps.
    static func elapsed(of job: UnsafePointer<Job>, at now: Date) -> TimeInterval? {
        guard let start = job.pointee.startedAt ?? job.pointee.createdAt else { return nil }
        let end = job.pointee.hasTerminalStatus ? (job.pointee.completedAt ?? job.pointee.updatedAt) : now
        return end.map { max(0, $0.timeIntervalSince(start)) }
    }

    /// A finished job's average rate: items processed over its elapsed time (nil when that is unknown or 0).
    private static func average(of job: UnsafePointer<Job>, at now: Date, elapsed: TimeInterval?) -> Double? {
        let processed = Double(sample(of: job, at: now).processed)
        return elapsed.flatMap { $0 > 0 ? processed / $0 : nil }
    }

    /// `ProgressSample(job:at:)` of a job where it is stored, read field by field.
    private static func sample(of job: UnsafePointer<Job>, at now: Date) -> ProgressSample {
        ProgressSample(
            at: now, totalItems: job.pointee.totalItems, processedItems: job.pointee.processedItems,
            failedItems: job.pointee.failedItems, percent: job.pointee.progressPercent)
    }

    /// Remaining items over throughput: 0 when nothing remains, nil when the total is 0 or the rate is unknown or 0.
    static func eta(of sample: ProgressSample, throughput: Double?) -> TimeInterval? {
        guard sample.total > 0 else { return nil }
        if sample.remaining == 0 { return 0 }
        guard let throughput, throughput > 0 else { return nil }
        let eta = Double(sample.remaining) / throughput
        return eta.isFinite ? eta : nil
    }
}
