#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import LlamaCloud

/// The only component that talks to the network: it polls the API every interval and publishes an immutable
/// `Snapshot` on `snapshots` when something changed, a stream that keeps only the newest value so a slow UI never
/// falls behind. Discovery lists the active jobs each cycle and the whole project every few cycles
/// (`Poller+Discovery.swift`); explicit IDs are fetched one status call each (`Poller+WatchList.swift`); failures
/// slow the pace down (`PollBackoff`); what gets published is decided in `Poller+Publishing.swift`.
public actor Poller {
    /// Newest snapshot first; older unread snapshots are dropped.
    public nonisolated let snapshots: AsyncStream<Snapshot>

    let continuation: AsyncStream<Snapshot>.Continuation
    let api: any BatchAPI
    /// The v2 Batches API, when the configuration polls it.
    let batchesAPI: (any BatchesAPI)?
    let configuration: PollerConfiguration
    let now: @Sendable () -> Date
    let clock: any Clock<Duration>

    /// The table slots of the jobs in display order (newest discovered first), 4 bytes a job: every entry is an
    /// occupied slot, and `pruneVanished`, the one place that frees slots, takes a job's entry out first (a freed slot
    /// may be taken by another job). The IDs took 24 bytes a job (16 as strings), and publishing a new order looked
    /// each one up again.
    var order: [Int32] = [] {
        didSet { orderChanged = true }
    }
    /// True when `order` changed since the last snapshot (the snapshot's job list is then rebuilt).
    var orderChanged = true
    /// What is known about each job, by ID, with the IDs written since the last snapshot.
    ///
    /// `@exclusivity(unchecked)`: no dynamic exclusivity check per access. With it, every read of the table (several
    /// per job a cycle) paid for `swift_beginAccess`, and a call to one of its non-mutating methods copied the whole
    /// table first (its arrays and dictionaries retained and released, once per job): 8 % of a cycle's instructions
    /// at 10,000 changed jobs (callgrind). The check guards against two overlapping accesses, which cannot happen
    /// here: the table is touched only on the actor, by synchronous code, and the one `JobTable` method that takes a
    /// closure (`refresh(slot:_:)`, in `refreshed`) is given one that does not reach the poller.
    @exclusivity(unchecked) var tracked = JobTable()
    /// The last snapshot's jobs and where each one is, reused for the jobs that did not change.
    ///
    /// `@exclusivity(unchecked)`, like `tracked`: a snapshot writes each changed job into it, and the dynamic check of
    /// each write cost ~115 instructions a job. It is read and written only by synchronous code on the actor, never
    /// from a closure that another access to it is open around.
    @exclusivity(unchecked) var published = PublishedJobs()
    /// One copy of the type, project, directory and API that many jobs share.
    var contexts = JobContextInterner()
    /// Discovery: true once a full listing completed (until then, snapshots are published as pages arrive).
    var firstListingDone = false
    /// Discovery: the number of the last listing started (see `ListingState.number`).
    var listingNumber: UInt32 = 0
    /// Discovery: what the listing under way stored so far.
    ///
    /// `@exclusivity(unchecked)`, like `tracked`: `absorb` reads the listing's number and counts each listed job in
    /// it, and the dynamic check of those two accesses was 2.6 % of the instructions of `absorb` and `makeSnapshot`
    /// (callgrind, `poll 10000 4`: ~175 a job). It is touched only by synchronous code on the actor, never from a
    /// closure that another access to it is open around.
    @exclusivity(unchecked) var listingState = ListingState(isLoading: false, number: 0)
    /// When the first listing started or last published the jobs loaded so far (real clock: a rate limit).
    var lastLoadingPublication: ContinuousClock.Instant?
    var health = APIHealth()
    /// Poll cycles run so far.
    var cycle = 0
    var backoff: PollBackoff
    /// Seconds to wait before the next cycle; nil: wait for `refresh()` (after a 401/403).
    var nextWait: TimeInterval?
    /// Discovery: the next cycle lists the whole project (first cycle, refresh, or the last full scan failed).
    var fullScanDue = true
    /// Discovery: cycles since the last complete full scan.
    var cyclesSinceFullScan = 0
    /// What was published last, to publish only changes.
    var publication = PublicationState()
    /// The jobs of the snapshot yielded last, held until the next one is yielded (see `send`).
    var lastSentJobs = JobList()
    /// Progress samples per job, from which throughput, ETA, stall and history are derived.
    ///
    /// `@exclusivity(unchecked)`, like `tracked`: `store` records every job through a `mutating` call (passing the
    /// tracker by address instead of copying it), and the dynamic check of that access cost ~120 instructions a job.
    /// The calls that change it (`record`, building it anew) take no closure that reaches the poller.
    @exclusivity(unchecked) var metricsTracker = MetricsTracker()
    /// Whether each polled API has answered (auto mode drops one whose list route is 404).
    var presence: [JobAPI: APIPresence] = [:]
    /// v2: what is known about each batch, by ID.
    var batchStates: [String: BatchProgressState] = [:]
    /// v2: files per directory and the cycle they were counted in.
    var directoryCounts: [String: (files: Int, cycle: Int)] = [:]
    /// v2 discovery: the next cycle lists every batch.
    var batchFullScanDue = true
    /// v2 discovery: cycles since the last complete full scan of the batches.
    var cyclesSinceBatchScan = 0
    /// Explicit IDs: which API each ID turned out to belong to (prefix, or the API that answered).
    var owners: [String: JobAPI] = [:]
    /// Explicit IDs of no known prefix that the beta API did not know this cycle (the v2 pass tries them).
    var unresolvedAfterV1: Set<String> = []
    /// v2: the assembled file list of a batch's detail view, reused while paging through it.
    var fileListCache: [String: BatchFileList] = [:]

    /// Consecutive idle cycles: clean, nothing unfinished, content unchanged (see `stretchWhileIdle`).
    var idleCycles = 0
    /// The content version after the last cycle, to tell whether the next one changed anything.
    private var lastContentVersion = -1
    private var wakeUp: CheckedContinuation<Void, Never>?
    private var sleepGeneration = 0
    private var refreshRequested = false
    private var isPaused = false

    /// Creates a poller; `now` and `clock` are seams so tests control time.
    public init(
        api: any BatchAPI, batches: (any BatchesAPI)? = nil, configuration: PollerConfiguration,
        now: @escaping @Sendable () -> Date = { Date() }, clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.api = api
        tracked = JobTable(directoryFilter: configuration.directoryID)
        batchesAPI = configuration.polls(.v2) ? batches : nil
        self.configuration = configuration
        self.now = now
        self.clock = clock
        var metrics = MetricsConfiguration()
        metrics.retainedSpan = metrics.readSpan(pollInterval: configuration.interval)
        metricsTracker = MetricsTracker(configuration: metrics, sharedWorkMinimum: configuration.sharedWorkMinimum)
        backoff = PollBackoff(interval: configuration.interval)
        nextWait = configuration.interval
        (snapshots, continuation) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(1))
        for id in configuration.jobIDs where tracked[id] == nil {
            order.append(Int32(tracked.insert(.placeholder(id: id))))
            if let owner = JobAPI.owning(id: id) { owners[id] = owner }
        }
        for polled in configuration.apiSelection.apis { presence[polled] = .probing }
        if batchesAPI == nil { presence[.v2] = nil }
    }

    /// Polls until the surrounding task is cancelled, then finishes the stream. Waits the interval between cycles
    /// (longer after failures), waits for `refresh()` after a 401/403, and does nothing while paused.
    public func run() async {
        while !Task.isCancelled {
            if isPaused, !refreshRequested {
                await sleep(seconds: nil)
                continue
            }
            await pollOnce()
            await sleep(seconds: isPaused ? nil : nextWait)
        }
        continuation.finish()
    }

    /// Asks for a poll cycle now: a full rescan (discovery) or every job including finished ones (explicit IDs),
    /// at normal pace again; also retries after a 401/403 and polls once while paused. Its snapshot is always published.
    public func refresh() {
        refreshRequested = true
        idleCycles = 0
        health.isUnauthorized = false
        wake()
    }

    /// Pauses polling (no requests, no snapshots) or resumes it at once; `refresh()` while paused polls once.
    public func setPaused(_ paused: Bool) {
        guard paused != isPaused else { return }
        isPaused = paused
        if !paused {
            idleCycles = 0
            publication.forceNext = true
            wake()
        }
    }

    /// Runs one poll cycle and returns its snapshot, which is published only if something changed.
    @discardableResult
    public func pollOnce() async -> Snapshot {
        let refreshing = refreshRequested
        refreshRequested = false
        if refreshing {
            backoff.reset()
            fullScanDue = true
            batchFullScanDue = true
            for (polled, state) in presence where state == .absent { presence[polled] = .probing }
        }
        var clean = false
        if !health.isUnauthorized {
            var result = CycleResult(failure: nil, anySuccess: false)
            if configuration.isDiscovery {
                if presence[.v1] != nil, presence[.v1] != .absent { result.merge(await discover()) }
                if presence[.v2] != nil, presence[.v2] != .absent { result.merge(await discoverBatches()) }
            } else {
                result = await fetchWatchList(all: refreshing)
                result.merge(await fetchWatchedBatches(all: refreshing))
            }
            record(result)
            clean = result.failure == nil
        }
        cycle += 1
        var snapshot = makeSnapshot(vouching: clean)
        snapshot.idleInterval = stretchWhileIdle(idle: clean && !refreshing && !health.isUnauthorized)
        publishIfChanged(snapshot, force: refreshing)
        // After the publication, so that the snapshot is not kept waiting.
        BackgroundRelease.drop(versions: tracked.trimRecycler())
        return snapshot
    }

    /// Counts idle cycles and, while idling, stretches the next wait: the interval doubled per idle cycle up to
    /// `PollerConfiguration.idleLimit`. Idle: the cycle was clean, no watched job is unfinished and the content did
    /// not change. Returns the limit while idling (what the header shows; constant, so that idling costs one
    /// snapshot, not one per doubling), nil at the normal pace.
    ///
    /// Thirty finished jobs at `--interval 1` cost about 18 context switches a cycle (two HTTP calls through the
    /// event loop and the cooperative pool); idling at the limit brings that from 18 a second to under 2.
    private func stretchWhileIdle(idle: Bool) -> TimeInterval? {
        let unchanged = published.contentVersion == lastContentVersion
        lastContentVersion = published.contentVersion
        idleCycles = idle && unchanged && tracked.unfinishedCount == 0 ? idleCycles + 1 : 0
        guard idleCycles > 0, let wait = nextWait else { return nil }
        let stretched = min(configuration.idleLimit, configuration.interval * pow(2, Double(min(idleCycles, 30))))
        guard stretched > wait else { return nil }
        nextWait = stretched
        return configuration.idleLimit
    }

    /// Updates the health and the wait before the next cycle from a cycle's outcome.
    private func record(_ result: CycleResult) {
        let at = now()
        guard let failure = result.failure else {
            health.lastSuccess = at
            health.consecutiveFailures = 0
            health.nextRetryAt = nil
            nextWait = backoff.wait(after: nil, consecutiveFailures: 0)
            return
        }
        if result.anySuccess { health.lastSuccess = at }
        health.lastError = failure.description
        health.lastErrorAt = at
        health.lastErrorStatus = failure.httpStatus
        health.consecutiveFailures += 1
        if failure.isAuthenticationFailure {
            health.isUnauthorized = true
            health.nextRetryAt = nil
            nextWait = nil
        } else {
            let wait = backoff.wait(after: failure, consecutiveFailures: health.consecutiveFailures)
            nextWait = wait
            health.nextRetryAt = at.addingTimeInterval(wait)
        }
    }

    /// Stores a successful observation of a job (the one place job data enters the poller's state).
    func store(_ incoming: consuming Job, at date: Date) {
        let slot = tracked.slot(of: incoming.jobID)
        store(incoming, at: date, slot: slot)
    }

    /// `store(_:at:)` when the caller already looked up the job's slot (nil: a job the table does not hold); returns
    /// the slot the job is in afterwards.
    ///
    /// The job is taken `consuming` and moved into the table after its metrics are recorded: taken borrowed and
    /// recorded after, it was copied twice (into a local to change, and into the table), ~160 instructions a job.
    ///
    /// `recordLater`: the job's sample may be recorded on the second thread (`MetricsTracker.record(job:at:owned:
    /// later:)`), for a caller that stores each job at most once before the next snapshot (`absorb`: once a listing).
    @discardableResult
    func store(_ incoming: consuming Job, at date: Date, slot: Int?, recordLater: Bool = false) -> Int {
        var known: TrackedJob?
        if let slot { known = tracked[slot: slot] }
        var job = incoming
        // The ID, project and directory decoded again this cycle equal the known ones (the usual case): share the
        // known job's identity, so that the poller and the snapshot on screen hold one copy of those strings rather
        // than one each, and hashing them for the interner is skipped. Otherwise keep the known ID string and the
        // interned context (type, project, directory, API).
        let shared = known.map { job.shareIdentity(with: $0.job) } ?? false
        if !shared { job.adoptShared(knownID: known?.jobID, intern: { contexts.intern($0) }) }
        if let known { job.shareExtras(with: known.job) }
        if let slot, let known, known.isSettled, known.job == job {
            // Finished data seen again: nothing to store, record or republish (it never goes stale).
            return slot
        }
        let highest: Int?
        switch (known?.highestProcessed, job.processedItems) {
        case (let earlier?, let processed?): highest = max(earlier, processed)
        case (let earlier, let processed): highest = earlier ?? processed
        }
        guard let slot, known != nil else {
            // A job the table does not hold: its slot (and so its history's place) is known once it is in.
            let stored = tracked.insert(TrackedJob(job: consume job, fetchedAt: date, highestProcessed: highest))
            if let inserted = tracked[slot: stored]?.job { record(inserted, at: date, slot: stored) }
            return stored
        }
        record(job, at: date, slot: slot, later: recordLater)
        // Moved into the new version (`consume`): passed as it was, the job was copied in and the local destroyed after,
        // its references retained and released (callgrind). Written into the storage of a replaced version nothing
        // holds any more (`JobTable.store(job:fetchedAt:highestProcessed:at:)`).
        tracked.store(job: consume job, fetchedAt: date, highestProcessed: highest, at: slot)
        return slot
    }

    /// Records a stored job's progress in the history cached in its slot. A v2 batch whose progress is not known yet
    /// would record a false 0 and then a burst: no sample until it is.
    private func record(_ job: borrowing Job, at date: Date, slot: Int, later: Bool = false) {
        guard job.isProgressKnown else { return }
        // The usual case for a listed job: its history exists and is the tracker's; the one reference taken here goes
        // to the recorder (see `MetricsTracker.recordLater`).
        if later, let box = tracked.history(slot: slot), metricsTracker.owns(box) {
            metricsTracker.recordLater(job: job, at: date, box: box)
            return
        }
        let cached = tracked.history(slot: slot)
        var history = cached
        metricsTracker.record(job: job, at: date, owned: &history)
        if history !== cached { tracked.setHistory(history, slot: slot) }
    }

    /// The progress samples kept for a tracked job, oldest first (empty when it has none or is not tracked).
    func samples(for id: String) -> [ProgressSample] {
        metricsTracker.samples(in: historyBox(of: id))
    }

    /// The box of a tracked job's history, kept in its slot (nil when it has none or is not tracked).
    func historyBox(of id: String) -> HistoryBox? {
        metricsTracker.finishRecording()
        return tracked.slot(of: id).flatMap { tracked.history(slot: $0) }
    }

    /// The status calls of the given jobs, at most `maxConcurrentRequests` at a time, each paired with its ID.
    ///
    /// The child tasks return only the call's `Result`; the IDs are paired afterwards, by position. Building the
    /// `(id, result)` tuple inside the task (the ID stored before the `await`, again in the `catch`) is the shape
    /// the Swift 6.3.1 optimiser miscompiles: the release build crashed on it (`Tests/Regressions/README.md`).
    func fetchStatuses(of ids: [String]) async -> [(String, Result<JobStatusResponse, BatchAPIError>)] {
        let api = self.api
        let results = await boundedMap(ids, limit: configuration.maxConcurrentRequests) { id in
            await Self.status(of: id, from: api)
        }
        return zip(ids, results).map { id, result in (id, result ?? .failure(PagedLister.notRun)) }
    }

    /// One status call, its error caught into the `Result`.
    static func status(of id: String, from api: any BatchAPI) async -> Result<JobStatusResponse, BatchAPIError> {
        do throws(BatchAPIError) {
            let response = try await api.jobStatus(id: id)
            return .success(response)
        } catch {
            return .failure(error)
        }
    }

    /// Sleeps `seconds` on the clock (forever when nil), returning early on `refresh()`, unpause or cancellation.
    private func sleep(seconds: TimeInterval?) async {
        if refreshRequested || Task.isCancelled { return }
        sleepGeneration += 1
        let generation = sleepGeneration
        let clock = self.clock
        let timer = seconds.map { seconds in
            Task { [weak self] in
                do {
                    try await clock.sleep(for: .seconds(max(0, seconds)), tolerance: nil)
                } catch {
                    return
                }
                await self?.wake(generation: generation)
            }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if refreshRequested || Task.isCancelled {
                    continuation.resume()
                } else {
                    wakeUp = continuation
                }
            }
        } onCancel: {
            Task { await self.wake() }
        }
        timer?.cancel()
    }

    /// Ends the current sleep (if `generation` is given, only the sleep that started the timer).
    private func wake(generation: Int? = nil) {
        if let generation, generation != sleepGeneration { return }
        wakeUp?.resume()
        wakeUp = nil
    }
}

/// What one poll cycle achieved: its worst error, if any, and whether any request succeeded.
struct CycleResult: Sendable {
    /// The error that decides the health (a 401/403 before a 429 before others), nil when every request succeeded.
    var failure: BatchAPIError?
    /// True when at least one request succeeded.
    var anySuccess: Bool

    /// Folds another part of the cycle into this one.
    mutating func merge(_ other: CycleResult) {
        if let failure = other.failure { note(failure) }
        anySuccess = anySuccess || other.anySuccess
    }

    /// Keeps the more telling of the current failure and `error`.
    mutating func note(_ error: BatchAPIError) {
        guard let current = failure else {
            failure = error
            return
        }
        if error.isAuthenticationFailure, !current.isAuthenticationFailure {
            failure = error
        } else if error.isRateLimited, !current.isAuthenticationFailure, !current.isRateLimited {
            failure = error
        }
    }
}
